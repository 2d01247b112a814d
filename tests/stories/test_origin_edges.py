"""A story's origin (its earliest member, times compared as instants) and its copy graph (each
later member's most likely source), on texts written for this test."""

from __future__ import annotations

import pytest

from marsad.stories.origin import COPY_MIN_CONTAINMENT, Member, origin_and_edges

OPENING = "افتتحت البلدية صباح الأحد حديقة عامة جديدة على ضفاف النهر."
FEATURES = "وتضم الحديقة ممرات للمشاة وملاعب للأطفال ومساحات خضراء واسعة."
COST = "وقال رئيس البلدية إن المشروع استغرق عامين وكلف أربعة ملايين دينار."
VISITORS = "ومن المنتظر أن تستقبل الحديقة آلاف الزوار في عطلة نهاية الأسبوع."
PLANS = "وتعتزم البلدية إنشاء حديقتين أخريين في الأحياء الشمالية العام المقبل."
CRITICS = "غير أن سكاناً انتقدوا غياب مواقف السيارات قرب المدخل الرئيسي للحديقة."
RETOLD = ("حديقة النهر تفتح أبوابها للعائلات بعد عامين من الأشغال، وسط ترحيب الأهالي "
          "بالمساحات الخضراء وتساؤلات عن كلفة الصيانة السنوية.")

TITLE = "حديقة جديدة على ضفاف النهر"


def member(aid: str, time: str | None, *sentences: str, source: str = "outlet") -> Member:
    return Member(aid, time, source, TITLE, " ".join(sentences))


@pytest.mark.parametrize(("times", "origin"), [
    # an offset is honoured: 06:15+02:00 is 04:15 UTC, before 04:30 (naive = UTC)
    ({"a": "2025-03-27T04:30:00", "b": "2025-03-27T06:15:00+02:00"}, "b"),
    # a date alone stands for the end of its day: a known hour that day comes first
    ({"a": "2025-03-27", "b": "2025-03-27T23:00:00"}, "b"),
    ({"a": "2025-03-26", "b": "2025-03-27T00:30:00"}, "a"),
    # no time, or one that does not parse, sorts last
    ({"a": None, "b": "2025-03-28T10:00:00Z"}, "b"),
    ({"a": "yesterday", "b": "2025-03-28"}, "b"),
    ({"b": None, "a": None}, "a"),  # nothing known: by id
])
def test_origin_is_the_earliest_member(times: dict[str, str | None], origin: str) -> None:
    members = [member(aid, t, OPENING, FEATURES) for aid, t in times.items()]
    assert origin_and_edges(members)[0] == origin
    assert origin_and_edges(members[::-1])[0] == origin


def test_no_members() -> None:
    assert origin_and_edges([]) == (None, [])


def test_copy_of_a_copy_points_at_the_copy() -> None:
    origin = member("wire", "2025-05-01T08:00:00", OPENING, FEATURES, COST)
    edited = member("daily", "2025-05-01T10:00:00", OPENING, FEATURES, COST, PLANS, CRITICS)
    recopied = member("weekly", "2025-05-02T09:00:00", OPENING, COST, PLANS, CRITICS)
    retold = member("radio", "2025-05-01T12:00:00", RETOLD)
    found, edges = origin_and_edges([recopied, retold, edited, origin])
    assert found == "wire"
    by_child = {e.child: e for e in edges}
    assert set(by_child) == {"daily", "weekly", "radio"}
    assert (by_child["daily"].parent, by_child["daily"].kind) == ("wire", "copy")
    assert (by_child["weekly"].parent, by_child["weekly"].kind) == ("daily", "copy")
    assert by_child["weekly"].containment > 0.9
    # shares almost no wording with anyone: a rewrite, attached to the origin
    assert (by_child["radio"].parent, by_child["radio"].kind) == ("wire", "rewrite")
    assert by_child["radio"].containment < COPY_MIN_CONTAINMENT
    assert by_child["daily"].diff.counts() == {"kept": 3, "removed": 0, "added": 2, "reworded": 0}


def test_equal_containment_goes_to_the_later_parent() -> None:
    first = member("first", "2025-05-01T08:00:00", OPENING, FEATURES)
    second = member("second", "2025-05-01T09:00:00", OPENING, FEATURES)
    third = member("third", "2025-05-01T10:00:00", OPENING, FEATURES, VISITORS)
    _, edges = origin_and_edges([third, first, second])
    assert {e.child: e.parent for e in edges} == {"second": "first", "third": "second"}


def test_edge_to_dict() -> None:
    _, edges = origin_and_edges([member("a", "2025-05-01", OPENING, FEATURES),
                                 member("b", "2025-05-02", OPENING, VISITORS)])
    d = edges[0].to_dict()
    assert d["child"] == "b" and d["parent"] == "a" and d["kind"] in ("copy", "rewrite")
    assert d["diff"]["counts"] == {"kept": 1, "removed": 1, "added": 1, "reworded": 0}
    assert 0.0 <= d["containment"] <= 1.0
