"""Terms for full-text indexing and querying: one term per word, number or Latin word.

A word's term is ``light_stem(base)``: proclitics split off, suffixes stripped, spelling
normalized, so أوكرانيا، لأوكرانيا، وأوكرانيا، أُوكْرَانْيَا and أوكـرانيا all give اوكرانيا.
Numbers give their digits (Arabic-Indic digits folded, thousands separators dropped), Latin
words their lowercase form. Punctuation gives nothing.

``search_terms`` runs on every article at ingest, so it does not build ``Token`` objects: it
normalizes the whole text once, finds the same spans ``tokenize`` finds, and maps each distinct
string to its term through a cache. ``[term_of(t) for t in tokenize(text)]`` (without the
``None``s) is the same list, and the tests hold it.
"""

from __future__ import annotations

import re

from marsad.text.normalize import normalize, normalize_for_matching
from marsad.text.stem import light_stem
from marsad.text.tokenize import (
    ARABIC_LETTERS,
    FOREIGN_LETTERS,
    Token,
    canonical_number,
    split_clitics,
)

__all__ = ["search_terms", "term_of", "term_spans"]

# The word, number and Latin alternatives of tokenize's pattern, in the same order.
_TERM_RE = re.compile(
    rf"[{ARABIC_LETTERS}]+"
    r"|\d+(?:[.,]\d+)*"
    rf"|[{FOREIGN_LETTERS}][{FOREIGN_LETTERS}\d\u0300-\u036f]*"
)
_CACHE_LIMIT = 500_000
_cache: dict[str, str] = {}


def _term_for(span: str) -> str:
    first = span[0]
    if "\u0600" <= first <= "\u06ff":
        term = light_stem(split_clitics(span)[1])
    elif first.isdecimal():
        term = canonical_number(span)
    else:
        term = span.lower()
    if len(_cache) >= _CACHE_LIMIT:
        _cache.clear()
    _cache[span] = term
    return term


def search_terms(text: str) -> list[str]:
    """The index/query terms of ``text``, in order, repeats kept."""
    get = _cache.get
    return [get(span) or _term_for(span) for span in _TERM_RE.findall(normalize_for_matching(text))]


def term_of(token: Token) -> str | None:
    """The term of one token (``None`` for punctuation)."""
    if token.kind == "word":
        return light_stem(token.base)
    if token.kind == "punct":
        return None
    return token.base


def term_spans(text: str) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for every term of ``text``, offsets into the original text.

    Same terms as ``search_terms``, found the same fast way, mapped back through the
    normalization offset map (for highlighting matches without building tokens)."""
    norm = normalize(text)
    get = _cache.get
    out = []
    for m in _TERM_RE.finditer(norm.text):
        span = m.group()
        start, end = norm.to_original(m.start(), m.end())
        out.append((start, end, get(span) or _term_for(span)))
    return out
