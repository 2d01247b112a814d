"""Word shingles: the vectorised word split agrees with the plain one, clitics fold, counts and
hashes behave."""

from __future__ import annotations

import re

import numpy as np
import pytest

from marsad.stories.shingles import (
    ShingleBatch,
    iter_shingle_batches,
    shingle_batch,
    shingle_hashes,
    shingle_words,
    splitmix64,
    stable_u64,
)
from marsad.text.normalize import normalize_for_matching

WORD = re.compile(r"\w+")


@pytest.mark.parametrize(
    "text",
    [
        "أعلنت الهيئة العامة للإحصاء، اليوم، أن معدل التضخم بلغ ٢٫٣٪ في يوليو.",
        "مُحَمَّدٌ ذَهَبَ إلى المدرسةِ — ثم عاد",  # diacritics vanish inside words
        "كلمـــة بالتطويل و\u200fعلامة\u200d خفية",  # tatweel and invisible marks
        "ﻻ تنس الموعد ﷺ",  # presentation forms expand to several letters
        "Marsad READS news_2024 in English too",
        "رمز 😀 خارج المستوى الأساسي",  # a character outside the BMP separates words
        "",
        "   \n\n  ",
    ],
)
def test_word_split_matches_regex_over_normalized_text(text: str) -> None:
    assert shingle_words(text, fold_clitics=False) == WORD.findall(normalize_for_matching(text))


@pytest.mark.parametrize(
    ("word", "folded"),
    [
        ("وقال", "قال"),
        ("فأعلن", "اعلن"),
        ("الكتاب", "كتاب"),
        ("والكتاب", "كتاب"),
        ("وكتاب", "كتاب"),
        ("للتطرف", "تطرف"),
        ("بالمدينة", "مدينه"),
        ("كالعادة", "عاده"),
        # Stripped while one applies: wrong as Arabic, but a word and its forms fold alike.
        ("وزير", "زير"),
        ("الوزير", "زير"),
        ("والوزير", "زير"),
        ("وهي", "وهي"),  # too short to be a conjunction + word
        ("ولد", "ولد"),
        ("الى", "الي"),  # ال + one letter: left whole (ى folds to ي)
        ("بريطانيا", "بريطانيا"),
    ],
)
def test_clitics_fold_to_the_same_word(word: str, folded: str) -> None:
    assert shingle_words(word) == [folded]


def test_clitic_variants_share_shingles() -> None:
    plain = "قال الوزير إن المشروع الجديد يبدأ الشهر المقبل"
    varied = "وقال وزير إن والمشروع جديد يبدأ شهر المقبل"
    assert np.array_equal(shingle_hashes(plain), shingle_hashes(varied))
    assert not np.array_equal(
        shingle_hashes(plain, fold_clitics=False), shingle_hashes(varied, fold_clitics=False)
    )


@pytest.mark.parametrize(
    ("text", "k", "count"),
    [
        ("واحد اثنان ثلاثة أربعة خمسة", 3, 3),
        ("واحد اثنان ثلاثة أربعة خمسة", 5, 1),
        ("واحد اثنان", 3, 1),  # fewer words than k: one shingle of all of them
        ("واحد", 3, 1),
        ("", 3, 0),
        ("، . !", 3, 0),
    ],
)
def test_shingle_counts(text: str, k: int, count: int) -> None:
    hashes = shingle_hashes(text, k=k)
    assert hashes.dtype == np.uint64
    assert hashes.size == count


def test_shingles_are_ordered_word_windows() -> None:
    forward = shingle_hashes("شمس قمر نجم")
    backward = shingle_hashes("نجم قمر شمس")
    assert forward.size == backward.size == 1
    assert forward[0] != backward[0]
    # The same window in two texts hashes the same.
    a = shingle_hashes("بحر شمس قمر نجم")
    b = shingle_hashes("شمس قمر نجم سحاب")
    assert a[1] == b[0] == forward[0]


def test_short_text_shingle_differs_from_window_of_longer_text() -> None:
    assert shingle_hashes("شمس قمر")[0] not in set(shingle_hashes("شمس قمر نجم").tolist())


def test_batch_equals_one_by_one_and_slices_do_not_matter() -> None:
    texts = [
        "الخبر الأول عن الطقس في المدينة اليوم",
        "",
        "قصير",
        "الخبر الثالث يتحدث عن الاقتصاد والأسواق المالية في المنطقة " * 5,
        "ﻻ بأس بنص فيه حرف مركب",
    ]
    batch = shingle_batch(texts)
    assert isinstance(batch, ShingleBatch)
    assert len(batch) == len(texts)
    for i, text in enumerate(texts):
        assert np.array_equal(batch[i], shingle_hashes(text))
    tiny_slices = ShingleBatch.concat(list(iter_shingle_batches(texts, max_units=8)))
    assert np.array_equal(tiny_slices.hashes, batch.hashes)
    assert np.array_equal(tiny_slices.offsets, batch.offsets)


def test_stable_constants_are_fixed() -> None:
    # Signatures are persisted: these values must never change (bump the scheme if they must).
    assert stable_u64("marsad.test", 2).tolist() == stable_u64("marsad.test", 2).tolist()
    assert splitmix64(np.array([0, 1], dtype=np.uint64)).tolist() == [0, 6238072747940578789]


@pytest.mark.parametrize("k", [0, 9])
def test_bad_shingle_size_is_refused(k: int) -> None:
    with pytest.raises(ValueError):
        shingle_hashes("نص", k=k)


def test_no_texts_give_an_empty_batch() -> None:
    batch = shingle_batch([])
    assert len(batch) == 0 and batch.hashes.size == 0 and batch.offsets.tolist() == [0]
