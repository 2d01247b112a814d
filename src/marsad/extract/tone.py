"""Tone: how bad or good the news reads, per sentence and for the article, with the words that
drove each score (from ``_tone_lexicon.py``).

Each polar word has a weight (±1, ±2 for strong words); a negator shortly before it (لم، لا،
عدم، غير …) flips it at half strength, and so does, for a bad word, a word that ends or fights it
(ينهي الصراع، مكافحة الإرهاب); an intensifier next to it (بشدة، العارم، حاد) multiplies
it by 1.5. A score is ``sum / (sum of absolute weights + 2)``: in [-1, 1], 0 for no polar words,
±0.33 for one mild word, approaching ±1 only when many strong words agree.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.extract import _tone_lexicon as lex
from marsad.extract.events import SentenceLike, WordPatterns, analyze, longest_first
from marsad.text.normalize import normalize_for_matching

__all__ = ["SentenceTone", "Tone", "ToneWord", "score_tone"]


@dataclass(frozen=True, slots=True)
class ToneWord:
    """A word that moved the score: ``body[start:end] == text``; ``weight`` after negation and
    intensifiers."""

    text: str
    start: int
    end: int
    weight: float
    negated: bool = False
    intensified: bool = False

    def to_dict(self) -> dict[str, Any]:
        return {"text": self.text, "start": self.start, "end": self.end, "weight": self.weight,
                "negated": self.negated, "intensified": self.intensified}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> ToneWord:
        return cls(text=d["text"], start=d["start"], end=d["end"], weight=d["weight"],
                   negated=bool(d.get("negated")), intensified=bool(d.get("intensified")))


@dataclass(frozen=True, slots=True)
class SentenceTone:
    index: int
    start: int
    end: int
    score: float
    words: tuple[ToneWord, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"index": self.index, "start": self.start, "end": self.end, "score": self.score,
                "words": [w.to_dict() for w in self.words]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SentenceTone:
        return cls(index=d["index"], start=d["start"], end=d["end"], score=d["score"],
                   words=tuple(ToneWord.from_dict(w) for w in d.get("words", ())))


@dataclass(frozen=True, slots=True)
class Tone:
    """Article tone in [-1, 1] with the per-sentence scores it was built from."""

    score: float
    positive: int  # polar words counted positive (after negation)
    negative: int
    sentences: tuple[SentenceTone, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"score": self.score, "positive": self.positive, "negative": self.negative,
                "sentences": [s.to_dict() for s in self.sentences]}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Tone:
        return cls(score=d["score"], positive=d["positive"], negative=d["negative"],
                   sentences=tuple(SentenceTone.from_dict(s) for s in d.get("sentences", ())))


_POLAR = WordPatterns(
    [(p, -2.0) for p in lex.NEGATIVE_STRONG] + [(p, 2.0) for p in lex.POSITIVE_STRONG]
    + [(p, -1.0) for p in lex.NEGATIVE] + [(p, 1.0) for p in lex.POSITIVE]
)
_INTENSIFIERS = WordPatterns((p, "intensifier") for p in lex.INTENSIFIERS)
_REVERSERS = WordPatterns((p, "reverser") for p in lex.REVERSERS)
_NEGATORS = frozenset(normalize_for_matching(w) for w in lex.NEGATORS)


def _score(weights: Sequence[float]) -> float:
    total = sum(weights)
    return round(total / (sum(abs(w) for w in weights) + lex.SMOOTHING), 3) if weights else 0.0


def score_tone(text: str, sentences: Sequence[SentenceLike] | None) -> Tone:
    """Tone of ``text`` (an article body) and of each of its sentences."""
    at = analyze(text, sentences)
    per_sentence: list[SentenceTone] = []
    all_weights: list[float] = []
    for pos, (lo, hi) in enumerate(at.sentence_ranges):
        s = at.sentences[pos]
        words: list[ToneWord] = []
        if lo < hi:
            polar = longest_first(_POLAR.find(at, lo, hi))
            polar_words = {w for m in polar for w in m.words}
            intensifiers = {m.first for m in _INTENSIFIERS.find(at, lo, hi)} - polar_words
            reversers = {m.last for m in _REVERSERS.find(at, lo, hi)}
            for m in polar:
                weight = float(m.payload)
                window = range(max(lo, m.first - lex.NEGATION_WINDOW), m.first)
                negated = any(
                    (at.words[w] in _NEGATORS or (at.words[w][:1] in "وف" and at.words[w][1:] in _NEGATORS))
                    for w in window
                ) or (weight < 0 and any(
                    w in reversers for w in range(max(lo, m.first - lex.REVERSER_WINDOW), m.first)))
                if negated:
                    weight = -weight * lex.NEGATION_FACTOR
                intensified = (m.first - 1 in intensifiers) or (m.last + 1 in intensifiers)
                if intensified:
                    weight *= lex.INTENSIFIER_FACTOR
                start, end = at.span(m.first, m.contiguous_last, m.skip)
                words.append(ToneWord(at.text[start:end], start, end, weight, negated, intensified))
        weights = [w.weight for w in words]
        all_weights.extend(weights)
        per_sentence.append(SentenceTone(s.index, s.start, s.end, _score(weights), tuple(words)))
    return Tone(
        score=_score(all_weights),
        positive=sum(1 for w in all_weights if w > 0),
        negative=sum(1 for w in all_weights if w < 0),
        sentences=tuple(per_sentence),
    )
