"""A match found in normalized text maps back to the right original substring."""

from __future__ import annotations

import pytest

from marsad.text import normalize, normalize_for_matching


@pytest.mark.parametrize(
    ("text", "needle", "original"),
    [
        ("زار الرئيس أوكرانيا أمس", "اوكرانيا", "أوكرانيا"),
        ("زار الرئيس أوكـــرانيا أمس", "اوكرانيا", "أوكـــرانيا"),  # tatweel inside
        ("زار الرئيس أُوكْرَانْيَا أمس", "اوكرانيا", "أُوكْرَانْيَا"),  # diacritics inside
        ("قال بو\u200dتين اليوم", "بوتين", "بو\u200dتين"),  # zero-width joiner inside
        ("قال \u200fبوتين\u200f اليوم", "بوتين", "بوتين"),  # bidi marks around, not inside
        ("في المدرسةِ الجديدة", "المدرسه الجديده", "المدرسةِ الجديدة"),  # across a space
        ("عام ٢٠١٥ كان صعبا", "2015", "٢٠١٥"),  # Arabic-Indic digits
        ("ﻻ يمكن ذلك", "لا يمكن", "ﻻ يمكن"),  # presentation-form ligature becomes two letters
        ("Reuters ذكرت", "reuters", "Reuters"),
    ],
)
def test_normalized_match_maps_back_to_original(text: str, needle: str, original: str) -> None:
    normalized = normalize(text)
    at = normalized.text.find(needle)
    assert at >= 0, normalized.text
    start, end = normalized.to_original(at, at + len(needle))
    assert text[start:end] == original


def test_fast_path_equals_offset_path(paragraph: str) -> None:
    assert normalize(paragraph).text == normalize_for_matching(paragraph)


def test_every_normalized_char_maps_inside_the_original(paragraph: str) -> None:
    normalized = normalize(paragraph)
    for i in range(len(normalized.text)):
        start, end = normalized.to_original(i, i + 1)
        assert 0 <= start < end <= len(paragraph)
        assert normalize_for_matching(paragraph[start:end]) == normalized.text[i]


def test_term_spans_map_terms_back_to_original_words():
    from marsad.text import search_terms, term_spans

    text = "وصلت المساعداتُ لأوكـــرانيا، وقال بوتين إنّ العقوبات ١٢ شهرا."
    spans = term_spans(text)
    assert [t for _, _, t in spans] == search_terms(text)
    by_term = {t: text[s:e] for s, e, t in spans}
    assert by_term["اوكرانيا"] == "لأوكـــرانيا"
    assert by_term["12"] == "١٢"
    assert by_term["بوتين"] == "بوتين"


@pytest.mark.parametrize("text", [
    "قالَ الوزيرُ إنّ أوكـــرانيا\u200f تنتظر ١٢ شحنة.",
    "لا شيء يحذف هنا",
    "\u200e\u200eبداية بعلامات اتجاه ثم سطر آخر مُشكَّل",
])
def test_term_spans_fast_path_equals_full_offset_map(text, monkeypatch):
    from marsad.text import terms

    fast = terms.term_spans(text)
    monkeypatch.setattr(terms, "normalize_with_deletions", lambda _text: None)
    assert terms.term_spans(text) == fast
    wanted = {fast[-1][2]}
    assert terms.term_spans(text, only=wanted) == [s for s in fast if s[2] in wanted]
