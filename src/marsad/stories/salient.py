"""Salient terms: what two retellings of one event share even when their wording differs.

An article's *term vector* weighs each of its terms (``marsad.text.search_terms``: light stems,
so لأوكرانيا and الأوكرانية are one term) by how rare the term is in news. Names, places,
figures and specific nouns weigh most; words that every article uses weigh nothing. Two
retellings of one event share the heavy terms (مسقط، يورانيوم، ركلات الترجيح). Two articles that
only share a topic share the light ones (أمير، منطقة، وزارة). The clusterer's "shared salient
terms" measure is the cosine of two vectors (``cosine``).

Rarity comes from ``marsad.text._wordstats``: counts of normalized words in ~16 M words of the
development news corpora. A term's count is the sum of the counts of the words that stem to it,
and its weight is ``ln(WORDS / (SCALE · (count + SMOOTH)))``, clipped at 0. Numbers have no
corpus count (see ``number_weight``). Without the statistics file every word weighs
``MIN_WEIGHT``: plain term overlap, no crash.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from marsad.text import search_terms
from marsad.text._wordstats import default_word_stats

__all__ = [
    "MIN_WEIGHT",
    "ORDINAL_WORDS",
    "TermVector",
    "cosine",
    "number_weight",
    "series_markers",
    "term_counts",
    "term_vector",
    "term_weight",
]

TermVector = Mapping[str, float]

# A term this frequent or more (count ≥ WORDS / SCALE: about one word in 300) weighs nothing.
SCALE = 300.0
# Added to every count, so that a term seen twice is not ten times heavier than one seen 20 times.
SMOOTH = 10.0
# Lighter terms are left out of vectors: unrelated articles share them (a weight of 2 means the
# term is only e² ≈ 7 times rarer than the zero-weight line), and leaving them out keeps the
# clusterer's inverted index short.
MIN_WEIGHT = 2.0
# Figures by their number of digits: three or more (320 ألف، 16312 جهاز) pick out an event about
# as well as a rare word, two digits less well, one digit not at all. Years weigh nothing.
NUMBER_WEIGHTS = {1: 0.0, 2: 2.5, 3: 4.0}
_YEAR = re.compile(r"^(?:1[34]\d\d|19\d\d|20\d\d)$")  # Hijri 13xx–14xx and Gregorian years
MIN_TERM_LENGTH = 2
# In a headline, ordinals name one instance of a series: «الطائرة الخامسة», «اليوم الثاني».
ORDINAL_WORDS = ("الأول", "الأولى", "الثاني", "الثالث", "الرابع", "الخامس", "السادس", "السابع",
                 "الثامن", "التاسع", "العاشر")


@lru_cache(maxsize=1)
def term_counts() -> tuple[dict[str, int], int]:
    """The corpus count of each term (the summed counts of the words that stem to it), and the
    total word count. Built once per process from the word statistics (~1 s)."""
    counts = default_word_stats().counts
    words = list(counts)
    # One search_terms call over all words (each gives one term) is 2x faster than one per word.
    terms = search_terms("\n".join(words))
    if len(terms) != len(words):  # some word split in two or vanished: fall back to one by one
        pairs = [(w, t[0]) for w in words if len(t := search_terms(w)) == 1]
    else:
        pairs = list(zip(words, terms))
    out: dict[str, int] = {}
    for word, term in pairs:
        out[term] = out.get(term, 0) + counts[word]
    return out, sum(counts.values())


def number_weight(term: str) -> float:
    if _YEAR.match(term):
        return 0.0
    digits = sum(ch.isdigit() for ch in term)
    return NUMBER_WEIGHTS.get(min(digits, 3), 0.0)


@lru_cache(maxsize=200_000)
def term_weight(term: str) -> float:
    """How much sharing ``term`` says that two articles tell one event (0 = nothing)."""
    if term[0].isdigit():
        return number_weight(term)
    counts, total = term_counts()
    if not total:
        return MIN_WEIGHT
    return max(0.0, math.log(total / (SCALE * (counts.get(term, 0) + SMOOTH))))


def term_vector(title: str, body: str) -> dict[str, float]:
    """L2-normalized ``(1 + ln tf) · weight`` over the salient terms of the title and body,
    keys sorted (so that equal texts give equal vectors, in the same order)."""
    tf = Counter(t for t in search_terms(title + "\n" + body) if len(t) >= MIN_TERM_LENGTH)
    vec = {}
    for term, n in tf.items():
        w = term_weight(term)
        if w >= MIN_WEIGHT:
            vec[term] = (1.0 + math.log(n)) * w
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in sorted(vec.items())} if norm else {}


def cosine(a: TermVector, b: TermVector) -> float:
    """Cosine of two ``term_vector``s (both are unit length). Summed in the smaller vector's key
    order, not a set's (string hashing varies between processes), so the float is the same in
    every run."""
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b[t] for t, v in a.items() if t in b)


@lru_cache(maxsize=1)
def _ordinal_terms() -> frozenset[str]:
    return frozenset(t for word in ORDINAL_WORDS for t in search_terms(word))


def series_markers(title: str) -> frozenset[str]:
    """The figures (two digits or more, not years) and ordinals of a headline. Two headlines
    that both carry markers and share none are two instances of a series (the fourth and the
    fifth relief flight, two days' market close), not one event."""
    ordinals = _ordinal_terms()
    return frozenset(t for t in search_terms(title)
                     if (t[0].isdigit() and number_weight(t) > 0) or t in ordinals)
