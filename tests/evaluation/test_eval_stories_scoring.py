"""Story clustering scores: B-cubed and pairwise on tiny cases worked by hand, and
``evaluate_stories_file`` on a small JSONL written for this test."""

from __future__ import annotations

import json
import math
from pathlib import Path

import pytest

from marsad.errors import EvalError
from marsad.evaluation.stories import bcubed, evaluate_stories_file, pairwise


def close(scores: dict[str, float], **expected: float) -> bool:
    return all(math.isclose(scores[k], v) for k, v in expected.items())


def test_worked_example() -> None:
    # gold {a, b} {c}; predicted {a} {b, c}
    gold = {"a": "g1", "b": "g1", "c": "g2"}
    pred = {"a": "p1", "b": "p2", "c": "p2"}
    # a: P 1/1, R 1/2;  b: P 1/2, R 1/2;  c: P 1/2, R 1/1
    assert close(bcubed(gold, pred), precision=2 / 3, recall=2 / 3, f1=2 / 3)
    # one gold pair (a, b), one predicted pair (b, c), none shared
    assert pairwise(gold, pred) == {"precision": 0.0, "recall": 0.0, "f1": 0.0,
                                    "gold_pairs": 1, "predicted_pairs": 1}


def test_everything_merged() -> None:
    gold = {"a": "1", "b": "1", "c": "2", "d": "3"}
    pred = dict.fromkeys(gold, "all")
    # a, b: P 2/4; c, d: P 1/4 → P 6/16; recall 1 everywhere
    assert close(bcubed(gold, pred), precision=0.375, recall=1.0, f1=2 * 0.375 / 1.375)
    p = pairwise(gold, pred)
    assert (p["gold_pairs"], p["predicted_pairs"]) == (1, 6)
    assert close(p, precision=1 / 6, recall=1.0)


def test_all_singletons_against_one_story() -> None:
    gold = dict.fromkeys("abc", "s")
    pred = {x: x for x in "abc"}
    assert close(bcubed(gold, pred), precision=1.0, recall=1 / 3)
    assert close(pairwise(gold, pred), precision=1.0, recall=0.0, f1=0.0)


@pytest.mark.parametrize("labels", [{"a": "x", "b": "x", "c": "y"}, {"a": "1"}])
def test_identical_labelling_is_perfect_whatever_the_names(labels: dict[str, str]) -> None:
    renamed = {k: f"other-{v}" for k, v in labels.items()}
    assert bcubed(labels, renamed) == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert close(pairwise(labels, renamed), precision=1.0, recall=1.0, f1=1.0)


def test_only_items_both_label_count() -> None:
    gold = {"a": "1", "b": "1", "z": "9"}
    pred = {"a": "p", "b": "p", "y": "q"}
    assert bcubed(gold, pred)["f1"] == 1.0


def test_no_common_item_is_an_error() -> None:
    with pytest.raises(EvalError):
        bcubed({"a": "1"}, {"b": "1"})
    with pytest.raises(EvalError):
        pairwise({"a": "1"}, {"b": "1"})


FIRE_NORTH = {
    "title": "حريق يلتهم مستودعاً للأدوية في ميناء صلالة ولا إصابات",
    "content": "اندلع حريق كبير فجر الثلاثاء في مستودع لتخزين الأدوية داخل ميناء صلالة جنوب سلطنة عمان، "
               "وتمكنت فرق الدفاع المدني من السيطرة عليه بعد أربع ساعات. وقال مدير الميناء سالم الكثيري "
               "إن النيران لم تمتد إلى أرصفة الحاويات، وإن حركة السفن لم تتوقف. وقدرت الخسائر الأولية بنحو "
               "ثلاثة ملايين ريال عماني، فيما فتحت الشرطة تحقيقاً لمعرفة سبب الحريق.",
    "source": "وكالة الشمال", "date_extracted": "2025-06-03 06:00:00", "story": "fire",
}
FIRE_COAST = {
    "title": "السيطرة على حريق مستودع أدوية بميناء صلالة بعد أربع ساعات",
    "content": "أخمدت فرق الإطفاء صباح الثلاثاء نيراناً اشتعلت في مستودع أدوية بميناء صلالة، واستغرقت "
               "عملية الإخماد قرابة أربع ساعات. وأكد سالم الكثيري، مدير الميناء، أن الحاويات والأرصفة بقيت "
               "بمنأى عن الحريق وأن الملاحة مستمرة بشكل طبيعي. وتشير التقديرات إلى خسائر تقارب ثلاثة "
               "ملايين ريال عماني، بينما باشرت الشرطة التحقيق في ملابسات الحادث.",
    "source": "صحيفة الساحل", "date_extracted": "2025-06-03 11:00:00", "story": "fire",
}
BOOK_FAIR = {
    "title": "معرض للكتاب المستعمل في ساحة المدينة القديمة",
    "content": "تنظم جمعية محلية طوال الأسبوع معرضاً للكتب المستعملة في ساحة المدينة القديمة، يعرض فيه "
               "باعة من عدة محافظات روايات ومراجع جامعية بأسعار رمزية. وقالت رئيسة الجمعية إن ريع المعرض "
               "سيخصص لتجهيز مكتبة في مدرسة ريفية.",
    "source": "صحيفة الساحل", "date_extracted": "2025-06-04 09:00:00", "story": "fair",
}


def write_jsonl(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def test_evaluate_file(tmp_path: Path) -> None:
    copy = {**FIRE_NORTH, "source": "مجلة ثالثة", "date_extracted": "2025-06-03 15:00:00"}
    path = write_jsonl(tmp_path, [FIRE_NORTH, FIRE_COAST, BOOK_FAIR, copy, FIRE_NORTH])
    report = evaluate_stories_file(path)
    assert report["articles"] == 4  # the repeated record is one article
    assert (report["gold_stories"], report["predicted_stories"]) == (2, 2)
    assert report["bcubed"] == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    assert report["pairwise"]["gold_pairs"] == report["pairwise"]["predicted_pairs"] == 3
    assert report["skipped_records"] == 0 and report["seconds"] >= 0


def test_record_without_a_story_is_an_error(tmp_path: Path) -> None:
    record = {k: v for k, v in BOOK_FAIR.items() if k != "story"}
    with pytest.raises(EvalError, match="story"):
        evaluate_stories_file(write_jsonl(tmp_path, [FIRE_NORTH, record]))
