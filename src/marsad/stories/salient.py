"""Salient terms: what two retellings of one event share even when their wording differs.

An article's *term vector* weighs each of its terms (``marsad.text.search_terms``: light stems,
so لأوكرانيا and الأوكرانية are one term) by how rare the term is in news: names, places,
figures and specific nouns weigh most; words every article uses weigh nothing. Two retellings of
one event share the heavy terms (مسقط، يورانيوم، ويتشيتا); two articles that merely share a topic
share the light ones (أمير، منطقة، وزارة). The cosine of two vectors is the clusterer's
"shared salient terms" measure (``cosine``).

Rarity comes from ``marsad.text._wordstats`` (counts of normalized words in ~16 M words of
Saudi and Maghrebi news): a term's count is the sum of the counts of the words that stem to it,
and its weight is ``ln(WORDS / (SCALE · (count + SMOOTH)))``, clipped at 0. Numbers have no
corpus count; see ``number_weight``.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Mapping
from functools import lru_cache

from marsad.text import search_terms
from marsad.text._wordstats import default_word_stats

__all__ = ["MIN_WEIGHT", "TermVector", "cosine", "term_counts", "term_vector", "term_weight"]

TermVector = Mapping[str, float]

# A term this frequent or more (count ≥ WORDS / SCALE, about one word in 300) weighs nothing.
SCALE = 300.0
# Added to every count, so that a term seen twice is not ten times heavier than one seen 20 times.
SMOOTH = 10.0
# Terms lighter than this are left out of vectors altogether: they are shared by unrelated
# articles (e^2 ≈ 7: the term is at most ~7× rarer than the zero-weight line), and dropping them
# keeps the clusterer's inverted index short.
MIN_WEIGHT = 2.0
# Numbers: a figure of three or more digits (320 ألف، 16312 جهاز) identifies an event about as
# well as a rare word; a two-digit one less; years and one-digit numbers not at all.
NUMBER_WEIGHTS = {1: 0.0, 2: 2.5, 3: 4.0}
_YEAR = re.compile(r"^(?:1[34]\d\d|19\d\d|20\d\d)$")  # Hijri 13xx–14xx and Gregorian years
MIN_TERM_LENGTH = 2


@lru_cache(maxsize=1)
def term_counts() -> tuple[dict[str, int], int]:
    """Corpus count of each term (the counts of the words that stem to it), and the total."""
    words = default_word_stats().counts
    out: dict[str, int] = {}
    for word, count in words.items():
        terms = search_terms(word)
        if len(terms) == 1:
            out[terms[0]] = out.get(terms[0], 0) + count
    return out, sum(words.values())


def number_weight(term: str) -> float:
    if _YEAR.match(term):
        return 0.0
    digits = sum(ch.isdigit() for ch in term)
    return NUMBER_WEIGHTS.get(min(digits, 3), 0.0)


def term_weight(term: str) -> float:
    """How much sharing ``term`` says that two articles tell the same event (0 = nothing)."""
    if term[0].isdigit():
        return number_weight(term)
    counts, total = term_counts()
    if not total:  # no statistics shipped: every word counts the same
        return MIN_WEIGHT
    return max(0.0, math.log(total / (SCALE * (counts.get(term, 0) + SMOOTH))))


@lru_cache(maxsize=200_000)
def _weight(term: str) -> float:
    return term_weight(term)


def term_vector(title: str, body: str) -> dict[str, float]:
    """L2-normalized ``(1 + ln tf) · weight`` over the salient terms of the title and body."""
    tf = Counter(t for t in search_terms(title + "\n" + body) if len(t) >= MIN_TERM_LENGTH)
    vec = {}
    for term, n in tf.items():
        w = _weight(term)
        if w >= MIN_WEIGHT:
            vec[term] = (1.0 + math.log(n)) * w
    norm = math.sqrt(sum(v * v for v in vec.values()))
    return {t: v / norm for t, v in sorted(vec.items())} if norm else {}


def cosine(a: TermVector, b: TermVector) -> float:
    if len(a) > len(b):
        a, b = b, a
    return sum(v * b.get(t, 0.0) for t, v in a.items())
