"""Salient terms: the rare words of an article's title and lead (names, places, numbers,
specific nouns). Two retellings of one event share them even when their wording differs;
two articles that merely share a topic share the common words only."""

from __future__ import annotations

from marsad.text import search_terms
from marsad.text._wordstats import default_word_stats

LEAD_CHARS = 600
# A word seen more often than this in ~16 M words of news is too common to identify an event.
MAX_CORPUS_COUNT = 3000
MIN_LENGTH = 3


def salient_terms(title: str, body: str) -> frozenset[str]:
    counts = default_word_stats().counts
    out = set()
    for term in search_terms(title + "\n" + body[:LEAD_CHARS]):
        if len(term) < MIN_LENGTH:
            continue
        if term.isdigit():
            if len(term) >= 2:  # figures and years are checkable specifics
                out.add(term)
            continue
        if counts.get(term, 0) <= MAX_CORPUS_COUNT:
            out.add(term)
    return frozenset(out)
