"""NearDuplicateIndex: light rewrites are found and unrelated articles are not; adding later
needs no rebuild; serialization round-trips; LSH parameters."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from marsad.errors import StoreError
from marsad.stories.minhash import EMPTY, MinHasher, NearDuplicateIndex, lsh_params
from marsad.stories.synthetic import make_rewrites, rewrite

# Two articles written for these tests; the second shares topic words but not sentences.
PARK_TITLE = "افتتاح حديقة جديدة شرق المدينة"
PARK = """افتتحت البلدية صباح الأحد حديقة عامة جديدة على الطرف الشرقي من المدينة بمساحة تقارب أربعين ألف متر مربع.
وقال رئيس البلدية خلال حفل الافتتاح إن الحديقة تضم ممرات للمشي بطول ثلاثة كيلومترات وملاعب صغيرة للأطفال ومناطق مظللة للعائلات.
وأضاف أن العمل في المشروع استمر أربعة عشر شهرا بتكلفة بلغت نحو 12 مليون ريال، وشارك فيه أكثر من مئتي عامل.
وأوضح أن الحديقة ستفتح أبوابها يوميا من الساعة الرابعة عصرا حتى منتصف الليل، على أن يكون الدخول مجانيا في الشهر الأول.
وأشار إلى أن البلدية زرعت في الموقع ما يزيد على ألفي شجرة من الأنواع المحلية التي تتحمل الحرارة وقلة المياه.
من جهتهم، أبدى عدد من سكان الحي ارتياحهم للمشروع، مؤكدين أن المنطقة كانت تفتقر إلى مساحات خضراء قريبة.
وتخطط البلدية لافتتاح حديقتين أخريين في الجهة الغربية قبل نهاية العام المقبل، بحسب البيان الصادر عنها.
ودعا رئيس البلدية الزوار إلى المحافظة على نظافة المكان والالتزام بالتعليمات المعلنة عند المداخل."""

MATCH_TITLE = "الفريق المحلي يفوز في المباراة الافتتاحية"
MATCH = """حقق الفريق المحلي فوزا مستحقا مساء السبت على ضيفه بهدفين مقابل هدف واحد في افتتاح الموسم الكروي.
وسجل المهاجم الشاب الهدف الأول في الدقيقة العشرين بعد تمريرة عرضية متقنة من الجهة اليمنى.
وعادل الفريق الضيف النتيجة قبل نهاية الشوط الأول بقليل إثر ركلة جزاء مثيرة للجدل.
وفي الشوط الثاني ضغط أصحاب الأرض بقوة حتى جاء هدف الفوز من رأسية قائد الفريق في الدقائق الأخيرة.
وقال المدرب عقب اللقاء إن لاعبيه أظهروا روحا عالية رغم الحرارة الشديدة وغياب ثلاثة من الأساسيين.
وحضر المباراة نحو خمسة عشر ألف مشجع ملؤوا المدرجات منذ وقت مبكر، في أجواء احتفالية.
ويلتقي الفريق في الجولة المقبلة منافسه التقليدي على ملعب الأخير في مواجهة ينتظرها الجمهور.
وأكد رئيس النادي أن الإدارة تعمل على تجديد عقود اللاعبين البارزين قبل انتهاء فترة الانتقالات."""


@pytest.fixture
def hasher() -> MinHasher:
    return MinHasher()


def light_rewrite() -> str:
    changed = rewrite(PARK_TITLE, PARK, ["synonyms", "clitics", "numbers"], seed=5)
    assert changed.operations  # the rewrite did change the text
    return f"{changed.title}\n{changed.body}"


def test_light_rewrite_is_found_and_unrelated_article_is_not(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    index.add("park", hasher.signature(f"{PARK_TITLE}\n{PARK}"))
    index.add("match", hasher.signature(f"{MATCH_TITLE}\n{MATCH}"))
    found = index.query(hasher.signature(light_rewrite()))
    assert found == ["park"]
    assert "match" not in index.query(hasher.signature(light_rewrite()), verify=False)
    # The unrelated article finds only itself.
    assert index.query(hasher.signature(f"{MATCH_TITLE}\n{MATCH}")) == ["match"]


def test_scores_are_estimated_jaccard_most_similar_first(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    original = f"{PARK_TITLE}\n{PARK}"
    index.add_many(["copy", "rewrite"], hasher.signatures([original, light_rewrite()]))
    scored = index.query_scored(hasher.signature(original))
    assert [key for key, _ in scored] == ["copy", "rewrite"]
    assert scored[0][1] == 1.0
    assert index.threshold <= scored[1][1] < 1.0


def test_seed_article_rewrites_are_found(seed_path: Path, hasher: MinHasher) -> None:
    lines = seed_path.read_text(encoding="utf-8").strip().splitlines()
    title, body = lines[0], "\n".join(lines[1:])
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    index.add_many(["seed", "park"], hasher.signatures([f"{title}\n{body}", f"{PARK_TITLE}\n{PARK}"]))
    light = make_rewrites(title, body, 4, seed=11, operations=["reorder", "synonyms", "clitics", "headline"])
    for variant in light:
        assert index.query(hasher.signature(f"{variant.title}\n{variant.body}")) == ["seed"]


def test_incremental_adds_equal_one_bulk_build(hasher: MinHasher) -> None:
    texts = {
        "park": f"{PARK_TITLE}\n{PARK}",
        "match": f"{MATCH_TITLE}\n{MATCH}",
        **{f"park-{i}": f"{r.title}\n{r.body}" for i, r in enumerate(make_rewrites(PARK_TITLE, PARK, 6, seed=1))},
        **{f"match-{i}": f"{r.title}\n{r.body}" for i, r in enumerate(make_rewrites(MATCH_TITLE, MATCH, 6, seed=2))},
    }
    keys = list(texts)
    signatures = hasher.signatures(list(texts.values()))
    bulk: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    bulk.add_many(keys, signatures)

    step: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    for i, key in enumerate(keys[:7]):
        step.add(key, signatures[i])
        assert step.query(signatures[i])[0] == key  # queries between adds see everything so far
    step.add_many(keys[7:], signatures[7:])

    assert len(step) == len(bulk) == len(keys)
    assert step.candidate_pairs() == bulk.candidate_pairs()
    for signature in signatures:
        assert step.query_scored(signature) == bulk.query_scored(signature)
    pairs = {frozenset((a, b)) for a, b, _ in bulk.candidate_pairs()}
    assert frozenset(("park", "match")) not in pairs
    assert any("park" in p and any(k.startswith("park-") for k in p) for p in pairs)


def test_candidate_pairs_agree_with_queries(hasher: MinHasher) -> None:
    rewrites = make_rewrites(PARK_TITLE, PARK, 5, seed=3) + make_rewrites(MATCH_TITLE, MATCH, 5, seed=4)
    index: NearDuplicateIndex[int] = NearDuplicateIndex.for_hasher(hasher)
    signatures = hasher.signatures([f"{r.title}\n{r.body}" for r in rewrites])
    index.add_many(range(len(rewrites)), signatures)
    from_queries = {
        (min(q, k), max(q, k)) for q, hits in enumerate(index.query_many(signatures)) for k, _ in hits if k != q
    }
    assert {(a, b) for a, b, _ in index.candidate_pairs()} == from_queries
    unverified = {(a, b) for a, b, _ in index.candidate_pairs(verify=False)}
    assert from_queries <= unverified


def test_adding_a_key_twice_is_refused(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    index.add("park", hasher.signature(PARK))
    with pytest.raises(ValueError, match="park"):
        index.add("park", hasher.signature(MATCH))
    with pytest.raises(ValueError):
        index.add_many(["a", "a"], hasher.signatures([PARK, MATCH]))
    assert index.keys() == ["park"]


def test_wrong_signature_shape_is_refused(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex(num_perm=64)
    with pytest.raises(ValueError, match="64"):
        index.add("park", hasher.signature(PARK))


def test_empty_signature_is_stored_but_matches_nothing(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    index.add_many(["blank", "other-blank"], hasher.signatures(["", "..."]))
    assert "blank" in index
    assert (index.signature("blank") == EMPTY).all()
    assert index.query(hasher.signature("")) == []
    assert index.candidate_pairs(verify=False) == []


def test_serialization_round_trip(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str | int] = NearDuplicateIndex.for_hasher(hasher, threshold=0.4)
    texts = [f"{PARK_TITLE}\n{PARK}", light_rewrite(), f"{MATCH_TITLE}\n{MATCH}"]
    index.add_many(["park", 7, "مباراة"], hasher.signatures(texts))
    restored = NearDuplicateIndex.from_bytes(index.to_bytes())
    assert restored.keys() == ["park", 7, "مباراة"]
    assert (restored.threshold, restored.bands, restored.rows, restored.scheme) == (
        0.4, index.bands, index.rows, hasher.scheme)
    assert restored.candidate_pairs() == index.candidate_pairs()
    for text in texts:
        assert restored.query_scored(hasher.signature(text)) == index.query_scored(hasher.signature(text))
    # Still incremental after loading.
    restored.add("late", hasher.signature(texts[0]))
    assert restored.query(hasher.signature(texts[0]))[:2] == ["park", "late"]  # ties: insertion order


def test_keys_that_json_cannot_carry_are_refused(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[tuple[int, int]] = NearDuplicateIndex.for_hasher(hasher)
    index.add((1, 2), hasher.signature(PARK))
    with pytest.raises(ValueError):
        index.to_bytes()


def corrupt(data: bytes) -> list[bytes]:
    header_size = int.from_bytes(data[8:16], "little")
    header = json.loads(data[16 : 16 + header_size])
    bad_header = json.dumps(dict(header, keys=[*header["keys"], "extra"])).encode()  # a key too many
    repeated = dict(header, keys=["park", "park"])
    repeated_header = json.dumps(repeated).encode()
    return [
        data[:8] + len(repeated_header).to_bytes(8, "little") + repeated_header + data[16 + header_size :],
        b"",
        b"NOTANIDX" + data[8:],
        data[:-4],
        data[:16] + b"{not json" + data[16 + 9 :],
        data[:8] + len(bad_header).to_bytes(8, "little") + bad_header + data[16 + header_size :],
    ]


def test_corrupt_bytes_are_a_store_error(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(hasher)
    index.add_many(["park", "match"], hasher.signatures([PARK, MATCH]))
    for data in corrupt(index.to_bytes()):
        with pytest.raises(StoreError):
            NearDuplicateIndex.from_bytes(data)


@pytest.mark.parametrize(
    ("threshold", "weights", "expected"),
    [
        (0.5, (0.5, 0.5), (25, 5)),  # the same choice datasketch's MinHashLSH makes
        (0.8, (0.5, 0.5), (9, 13)),
        (0.5, (0.2, 0.8), (30, 4)),  # marsad's default, leaning to recall
    ],
)
def test_lsh_params(threshold: float, weights: tuple[float, float], expected: tuple[int, int]) -> None:
    bands, rows = lsh_params(threshold, 128, *weights)
    assert (bands, rows) == expected
    assert bands * rows <= 128


@pytest.mark.parametrize("threshold", [0.0, 1.0, -0.2])
def test_threshold_outside_zero_one_is_refused(threshold: float) -> None:
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=threshold)
    with pytest.raises(ValueError):
        NearDuplicateIndex(threshold=threshold, bands=16, rows=8)


def test_explicit_bands_and_rows(hasher: MinHasher) -> None:
    index: NearDuplicateIndex[str] = NearDuplicateIndex(bands=16, rows=8)
    assert (index.bands, index.rows) == (16, 8)
    with pytest.raises(ValueError):
        NearDuplicateIndex(bands=16)
    with pytest.raises(ValueError):
        NearDuplicateIndex(bands=20, rows=8)  # 160 slots > 128
    index.add("park", hasher.signature(PARK))
    assert index.query(hasher.signature(PARK)) == ["park"]
    assert np.array_equal(index.signature("park"), hasher.signature(PARK))
