"""Tokens carry offsets into the original text and the right kind, norm and base."""

from __future__ import annotations

import pytest

from marsad.text import Token, normalize, tokenize
from marsad.text._letters import DIACRITICS, INVISIBLE, TATWEEL

_VANISHING = set(DIACRITICS) | set(INVISIBLE) | {TATWEEL}
_TRAILING = set(DIACRITICS) | {TATWEEL}


def test_offsets_round_trip_on_a_long_paragraph(paragraph: str) -> None:
    tokens = tokenize(paragraph)
    assert len(tokens) == 119
    previous_end = 0
    for token in tokens:
        assert paragraph[token.start:token.end] == token.text
        assert token.start >= previous_end
        previous_end = token.end
    # Everything between tokens is whitespace or a character normalization drops.
    covered = set()
    for token in tokens:
        covered.update(range(token.start, token.end))
    for i, ch in enumerate(paragraph):
        if i not in covered:
            assert ch.isspace() or ch in _VANISHING, (i, ch)


def test_words_are_prefix_plus_base(paragraph: str) -> None:
    for token in tokenize(paragraph):
        if token.kind == "word":
            assert token.norm == token.prefix + token.base
        else:
            assert token.prefix == ""


def by_text(text: str) -> dict[str, Token]:
    return {t.text: t for t in tokenize(text)}


@pytest.mark.parametrize(
    ("surface", "kind", "norm", "base"),
    [
        ("الأسبـــوع", "word", "الاسبوع", "اسبوع"),  # tatweel stays inside the token
        ("المفر\u200cوضة", "word", "المفروضه", "مفروضه"),  # so does a zero-width non-joiner
        ("أُوكْرَانْيَا", "word", "اوكرانيا", "اوكرانيا"),
        ("مؤكداً", "word", "موكدا", "موكدا"),  # the final tanween belongs to the word
        ("٣٫٥", "number", "3.5", "3.5"),
        ("1,200", "number", "1,200", "1200"),
        ("Reuters", "latin", "reuters", "reuters"),
        ("،", "punct", ",", ","),
        ("؛", "punct", ";", ";"),
        ("؟", "punct", "?", "?"),
        ("«", "punct", "«", "«"),
        ("…", "punct", "…", "…"),
    ],
)
def test_token_kinds_and_forms(paragraph: str, surface: str, kind: str, norm: str, base: str) -> None:
    token = by_text(paragraph)[surface]
    assert (token.kind, token.norm, token.base) == (kind, norm, base)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("عام 2015م.", ["عام", "2015", "م", "."]),
        ("مقاتلات F-16 أمريكية", ["مقاتلات", "F", "-", "16", "أمريكية"]),
        ("قال:«نعم»!", ["قال", ":", "«", "نعم", "»", "!"]),
        ("انتظر...", ["انتظر", "..."]),
        ("ارتفع 50% عن G20", ["ارتفع", "50", "%", "عن", "G20"]),
        ("ﻻ شك", ["ﻻ", "شك"]),
        ("", []),
    ],
)
def test_token_boundaries(text: str, expected: list[str]) -> None:
    tokens = tokenize(text)
    assert [t.text for t in tokens] == expected
    assert all(text[t.start:t.end] == t.text for t in tokens)


def test_token_round_trips_through_dict(paragraph: str) -> None:
    for token in tokenize(paragraph)[:20]:
        assert Token.from_dict(token.to_dict()) == token


def test_seed_article_offsets(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    tokens = tokenize(text)
    assert len(tokens) > 300
    assert all(text[t.start:t.end] == t.text for t in tokens)
    bases = {t.base for t in tokens if t.kind == "word"}
    assert {"بوتين", "ويتكوف", "اوكرانيا", "روسيا", "واشنطن", "فلاديمير"} <= bases


@pytest.mark.parametrize(
    "text",
    [
        "\u200fبوتين\u200f و\u200cروسيا",
        "ـمرحبا بكم ـ يا أصدقاء ـ",
        "قدماً، ثُمَّ عادوا… «بسرعةٍ»!",
        "\u064b\u064c كلمة تبدأ بعلامات",
        "1\u200b2 و ٣٫\u200b٥ ab\u00adcd",
        "أوكـــرانيا\u200d\u200dوروسيا",
    ],
)
def test_offsets_past_deleted_characters(text: str) -> None:
    """Offsets found by skipping deleted characters equal those of the full normalization map
    (the trailing diacritics/tatweel a word keeps aside)."""
    normalized = normalize(text)
    at = 0
    for token in tokenize(text):
        found = normalized.text.index(token.norm, at)
        at = found + len(token.norm)
        start, end = normalized.to_original(found, at)
        assert text[token.start:token.end] == token.text
        assert token.start == start
        assert token.end >= end and all(ch in _TRAILING for ch in text[end:token.end])
