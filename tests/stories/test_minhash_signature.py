"""MinHash signatures: identical texts agree, estimates track exact Jaccard, results are the
same in every process, BLOBs round-trip."""

from __future__ import annotations

import hashlib
import os
import random
import subprocess
import sys

import numpy as np
import pytest

from marsad.errors import StoreError
from marsad.stories.minhash import (
    EMPTY,
    MinHasher,
    estimate_jaccard,
    signature_from_bytes,
    signature_to_bytes,
)
from marsad.stories.shingles import shingle_hashes

TEXTS = [
    "افتتحت البلدية صباح الأحد حديقة عامة جديدة على الطرف الشرقي من المدينة بمساحة تقارب "
    "أربعين ألف متر مربع، وتضم ممرات للمشي وملاعب صغيرة للأطفال.",
    "قال مدير المستشفى إن القسم الجديد سيستقبل المرضى ابتداء من الأسبوع المقبل.",
    "ﻻ يزال الطريق مغلقا بسبب الأمطار الغزيرة التي هطلت خلال الليل.",
]
LETTERS = "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"


def synthetic_words(rng: random.Random, count: int) -> list[str]:
    return ["".join(rng.choice(LETTERS) for _ in range(rng.randint(4, 7))) for _ in range(count)]


def exact_jaccard(a: str, b: str) -> float:
    x, y = set(shingle_hashes(a).tolist()), set(shingle_hashes(b).tolist())
    return len(x & y) / len(x | y)


@pytest.mark.parametrize("text", TEXTS)
def test_identical_texts_have_identical_signatures(text: str) -> None:
    hasher = MinHasher()
    first, second = hasher.signature(text), hasher.signature(str(text))
    assert first.dtype == np.uint32 and first.shape == (128,)
    assert np.array_equal(first, second)
    assert estimate_jaccard(first, second) == 1.0


def test_batch_rows_equal_single_signatures() -> None:
    hasher = MinHasher()
    batch = hasher.signatures(TEXTS + [""])
    assert batch.shape == (len(TEXTS) + 1, 128)
    for row, text in zip(batch, TEXTS + [""]):
        assert np.array_equal(row, hasher.signature(text))


def test_text_without_words_has_the_empty_signature() -> None:
    empty = MinHasher().signature(" ،.! ")
    assert (empty == EMPTY).all()
    assert estimate_jaccard(empty, empty) == 0.0


@pytest.mark.parametrize("overlap", [0.2, 0.5, 0.8])
@pytest.mark.parametrize("length", [40, 400])
def test_estimate_tracks_exact_jaccard(overlap: float, length: int) -> None:
    rng = random.Random(f"{overlap}:{length}")
    words = synthetic_words(rng, length)
    # Replace a share of the words at random places: the shingles around them change.
    changed = list(words)
    for i in rng.sample(range(length), int(length * (1 - overlap) / 3)):
        changed[i] = synthetic_words(rng, 1)[0]
    a, b = " ".join(words), " ".join(changed)
    estimate = estimate_jaccard(MinHasher(num_perm=256).signature(a), MinHasher(num_perm=256).signature(b))
    assert abs(estimate - exact_jaccard(a, b)) < 0.1


def test_unrelated_texts_estimate_near_zero() -> None:
    rng = random.Random(3)
    a, b = " ".join(synthetic_words(rng, 200)), " ".join(synthetic_words(rng, 200))
    hasher = MinHasher()
    assert estimate_jaccard(hasher.signature(a), hasher.signature(b)) < 0.05


def test_seed_and_shingle_size_change_the_signature_and_the_scheme() -> None:
    base, other_seed, other_k = MinHasher(), MinHasher(seed=2), MinHasher(shingle_size=4)
    text = TEXTS[0]
    assert not np.array_equal(base.signature(text), other_seed.signature(text))
    assert not np.array_equal(base.signature(text), other_k.signature(text))
    assert len({base.scheme, other_seed.scheme, other_k.scheme}) == 3


def test_signatures_are_the_same_in_another_process() -> None:
    code = (
        "import sys, hashlib; from marsad.stories.minhash import MinHasher, signature_to_bytes; "
        "print(hashlib.sha256(signature_to_bytes(MinHasher().signature(sys.argv[1]))).hexdigest())"
    )
    here = hashlib.sha256(signature_to_bytes(MinHasher().signature(TEXTS[0]))).hexdigest()
    # A fresh interpreter with another str-hash salt than this one.
    env = {**os.environ, "PYTHONHASHSEED": "12345"}
    out = subprocess.run([sys.executable, "-c", code, TEXTS[0]], capture_output=True, text=True, check=True, env=env)
    assert out.stdout.strip() == here


def test_signature_of_a_fixed_text_never_changes() -> None:
    # Stored signatures must stay comparable: if this fails, the scheme changed — bump SCHEME.
    digest = hashlib.sha256(signature_to_bytes(MinHasher().signature(TEXTS[0]))).hexdigest()
    assert digest[:16] == "4087af04a128404b"


def test_signature_blob_round_trip() -> None:
    signature = MinHasher().signature(TEXTS[1])
    blob = signature_to_bytes(signature)
    assert len(blob) == 4 * 128
    assert np.array_equal(signature_from_bytes(blob, 128), signature)


@pytest.mark.parametrize("blob", [b"", b"\x00\x01\x02", b"\x00" * 12])
def test_malformed_signature_blob_is_a_store_error(blob: bytes) -> None:
    with pytest.raises(StoreError):
        signature_from_bytes(blob, 128)


@pytest.mark.parametrize("text", ["كلمة", "كلمتان فقط", "ثلاث كلمات هنا"])
def test_single_shingle_fills_every_slot_with_its_value(text: str) -> None:
    # One shingle reaches one bin; densification copies it everywhere (probe or fallback).
    signature = MinHasher().signature(text)
    assert len(set(signature.tolist())) == 1 and signature[0] != EMPTY


def test_few_shingles_densify_identically_in_any_batch() -> None:
    hasher = MinHasher()
    short = "شمس قمر نجم سحاب مطر"
    alone = hasher.signature(short)
    assert set(alone.tolist()) <= set(hasher.signatures([TEXTS[0], short, TEXTS[1]])[1].tolist())
    assert np.array_equal(alone, hasher.signatures([TEXTS[0], short, TEXTS[1]])[1])
    assert len(set(alone.tolist())) == 3  # three shingles, every slot holds one of them
