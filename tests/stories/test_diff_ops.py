"""Sentence diff between a copy and its source: kept, removed, added and reworded sentences, on
texts written for this test."""

from __future__ import annotations

import pytest

from marsad.stories.diff import REWORDED_MIN, DiffOp, SentenceDiff, sentence_diff

OPENING = "افتتحت البلدية صباح الأحد حديقة عامة جديدة على ضفاف النهر."
FEATURES = "وتضم الحديقة ممرات للمشاة وملاعب للأطفال ومساحات خضراء واسعة."
COST = "وقال رئيس البلدية إن المشروع استغرق عامين وكلف أربعة ملايين دينار."
COST_REWORDED = "وأوضح رئيس البلدية أن المشروع استغرق عامين وكلف نحو أربعة ملايين دينار."
VISITORS = "ومن المنتظر أن تستقبل الحديقة آلاف الزوار في عطلة نهاية الأسبوع."
PLANS = "وتعتزم البلدية إنشاء حديقتين أخريين في الأحياء الشمالية العام المقبل."

PARENT = " ".join([OPENING, FEATURES, COST, VISITORS])


def test_each_kind_of_change() -> None:
    diff = sentence_diff(PARENT, " ".join([OPENING, COST_REWORDED, VISITORS, PLANS]))
    assert diff.counts() == {"kept": 2, "removed": 1, "added": 1, "reworded": 1}
    assert [(o.op, o.parent, o.child) for o in diff.ops] == [
        ("kept", OPENING, OPENING),
        ("removed", FEATURES, None),
        ("reworded", COST, COST_REWORDED),
        ("kept", VISITORS, VISITORS),
        ("added", None, PLANS),
    ]
    reworded = diff.ops[2]
    assert REWORDED_MIN <= reworded.similarity < 1.0


def test_identical_text_is_all_kept() -> None:
    diff = sentence_diff(PARENT, PARENT)
    assert diff.counts() == {"kept": 4, "removed": 0, "added": 0, "reworded": 0}
    assert all(o.similarity == 1.0 for o in diff.ops)


def test_spelling_diacritics_and_clitic_variants_are_not_changes() -> None:
    variant = "افتَتحت البلديّة صباح الاحد حديقةً عامة جديدة على ضفاف النّهر."
    assert sentence_diff(OPENING, variant).counts()["kept"] == 1


def test_a_moved_sentence_is_kept_not_removed_and_added() -> None:
    moved = " ".join([VISITORS, OPENING, FEATURES, COST])
    diff = sentence_diff(PARENT, moved)
    assert diff.counts() == {"kept": 4, "removed": 0, "added": 0, "reworded": 0}


def test_unrelated_replacement_is_removed_plus_added_not_reworded() -> None:
    diff = sentence_diff(OPENING + " " + FEATURES, OPENING + " " + PLANS)
    assert [o.op for o in diff.ops] == ["kept", "removed", "added"]


@pytest.mark.parametrize(("parent", "child", "expected"), [
    ("", PARENT, {"kept": 0, "removed": 0, "added": 4, "reworded": 0}),
    (PARENT, "", {"kept": 0, "removed": 4, "added": 0, "reworded": 0}),
    ("", "", {"kept": 0, "removed": 0, "added": 0, "reworded": 0}),
])
def test_empty_sides(parent: str, child: str, expected: dict[str, int]) -> None:
    assert sentence_diff(parent, child).counts() == expected


def test_to_dict_shape() -> None:
    diff = SentenceDiff((DiffOp("reworded", COST, COST_REWORDED, 0.87),))
    assert diff.to_dict() == {
        "counts": {"kept": 0, "removed": 0, "added": 0, "reworded": 1},
        "ops": [{"op": "reworded", "parent": COST, "child": COST_REWORDED, "similarity": 0.87}],
    }
