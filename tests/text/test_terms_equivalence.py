"""search_terms: spelling, clitic and suffix variants give one term; it agrees with tokenize."""

from __future__ import annotations

import json
from itertools import islice

import pytest

from marsad.text import search_terms, term_of, tokenize


@pytest.mark.parametrize(
    "forms",
    [
        ("أوكرانيا", "لأوكرانيا", "اوكرانيا", "وأوكرانيا", "أُوكْرَانْيَا", "أوكـرانيا", "بأوكرانيا"),
        ("بوتين", "وبوتين", "لبوتين", "بو\u200dتين"),
        ("روسيا", "لروسيا", "وروسيا"),
        ("العقوبات", "عقوبات", "والعقوبات", "العقوبة", "عقوبتها"),
        ("٢٠١٥", "2015", "۲۰۱۵"),
        ("1,500,000", "1500000", "١٬٥٠٠٬٠٠٠"),
        ("Reuters", "REUTERS", "reuters"),
    ],
)
def test_variants_give_one_term(forms: tuple[str, ...]) -> None:
    terms = [search_terms(form) for form in forms]
    assert all(len(t) == 1 for t in terms), terms
    assert len({t[0] for t in terms}) == 1, dict(zip(forms, terms))


def test_punctuation_gives_no_terms() -> None:
    assert search_terms("«،؛؟!...»") == []
    assert search_terms("") == []


def test_phrase_terms() -> None:
    assert search_terms("فرضت واشنطن عقوبات جديدة على روسيا.") == [
        "فرضت", "واشنطن", "عقوب", "جديد", "علي", "روسيا",
    ]


def reference_terms(text: str) -> list[str]:
    return [term for term in map(term_of, tokenize(text)) if term is not None]


def test_agrees_with_tokenize(paragraph: str, body: str) -> None:
    for text in (paragraph, body, "ﷺ ﻻ 1\u200b2 ab\u00adcd É٢ x\u0301y"):
        assert search_terms(text) == reference_terms(text)


def test_agrees_with_tokenize_on_real_news(news_path, seed_path) -> None:
    texts = [seed_path.read_text(encoding="utf-8")]
    with open(news_path, encoding="utf-8") as lines:
        for line in islice(lines, 300):
            record = json.loads(line)
            texts += [record["title"], record["content"]]
    for text in texts:
        assert search_terms(text) == reference_terms(text)
