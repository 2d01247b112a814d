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

from collections.abc import Collection

from marsad.text.normalize import normalize, normalize_for_matching, normalize_with_deletions, original_offset
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


def term_spans(text: str, only: Collection[str] | None = None) -> list[tuple[int, int, str]]:
    """``(start, end, term)`` for the terms of ``text`` (all, or those in ``only``), offsets into
    the original text: the same terms as ``search_terms``, mapped back through normalization
    (for highlighting matches without building tokens)."""
    get = _cache.get
    fast = normalize_with_deletions(text)
    out = []
    if fast is None:
        norm = normalize(text)
        for m in _TERM_RE.finditer(norm.text):
            term = get(m.group()) or _term_for(m.group())
            if only is None or term in only:
                out.append((*norm.to_original(m.start(), m.end()), term))
        return out
    folded, deleted = fast
    for m in _TERM_RE.finditer(folded):
        term = get(m.group()) or _term_for(m.group())
        if only is None or term in only:
            out.append((original_offset(m.start(), deleted), original_offset(m.end() - 1, deleted) + 1, term))
    return out
