"""Salient terms: rarity weights, term vectors, their cosine, and headline series markers."""

from __future__ import annotations

import math

import pytest

from marsad.stories.salient import (
    MIN_WEIGHT,
    cosine,
    number_weight,
    series_markers,
    term_counts,
    term_vector,
    term_weight,
)

needs_stats = pytest.mark.skipif(not term_counts()[1], reason="word statistics not shipped")


@needs_stats
@pytest.mark.parametrize(("rare", "common"), [
    ("صلال", "قال"),        # a port city against "said"
    ("يورانيوم", "وزار"),   # uranium against ministry
    ("اوكرانيا", "في"),
])
def test_rare_terms_weigh_more(rare: str, common: str) -> None:
    assert term_weight(rare) >= 4.0 > MIN_WEIGHT > term_weight(common)


@pytest.mark.parametrize(("term", "weight"), [
    ("7", 0.0), ("45", 2.5), ("320", 4.0), ("16312", 4.0), ("2.38", 4.0),
    ("2015", 0.0), ("1436", 0.0), ("1999", 0.0),  # years, Gregorian and Hijri
])
def test_number_weights(term: str, weight: float) -> None:
    assert number_weight(term) == weight == term_weight(term)


def test_term_vector_is_unit_length_sorted_and_folds_variants() -> None:
    vec = term_vector("لأوكرانيا", "أوكرانيا وأُوكْرَانْيَا في الميناء")
    assert math.isclose(math.sqrt(sum(v * v for v in vec.values())), 1.0)
    assert list(vec) == sorted(vec)
    assert "في" not in vec  # weighs nothing
    assert "اوكرانيا" in vec and len([t for t in vec if t.startswith("اوكرانيا")]) == 1
    assert term_vector("", "") == {}
    assert term_vector("في من على", "") == {}


def test_cosine() -> None:
    a = term_vector("حريق في ميناء صلالة", "أخمدت فرق الإطفاء حريقاً في مستودع أدوية.")
    b = term_vector("حريق في ميناء الدقم", "أخمدت فرق الإطفاء حريقاً في مخزن أخشاب.")
    assert math.isclose(cosine(a, a), 1.0)
    assert math.isclose(cosine(a, b), cosine(b, a))
    assert 0.0 < cosine(a, b) < 1.0
    assert cosine(a, {}) == 0.0


@pytest.mark.parametrize(("title", "markers"), [
    ("وصول الطائرة الإغاثية الخامسة إلى عدن", {"خامس"}),
    ("في اليوم الثاني لقمة الرباط", {"ثان"}),
    ("الذهب يتراجع 1 % في 2015 إلى 1100 دولار", {"1100"}),  # one digit and years do not count
    ("مؤشر السوق يغلق عند 9372 نقطة", {"9372"}),
    ("حريق في ميناء صلالة", set()),
])
def test_series_markers(title: str, markers: set[str]) -> None:
    assert series_markers(title) == markers
