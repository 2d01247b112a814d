"""Sentences with offsets into the original text.

Every line break ends a sentence, so a heading line (short, no final punctuation) and each
bullet line ("- ", "• ", "1. ") stand alone; a bullet line is one sentence and its marker is left
out of the span. Inside a line, a sentence ends after . ! ? ؟ ؛ ; … (runs such as ؟! or ... count
as one), together with any closing quotes or brackets right after them («… انتهى.» stays whole),
when a space, the end of the line or an Arabic letter follows. Not split: decimals (3.5), single
letter abbreviations (د. محمد، U.S.) and elisions in brackets ((…), [...]).
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from typing import Any

from marsad.text._letters import INVISIBLE
from marsad.text._lexicon import ABBREVIATIONS, ERA_LETTERS

__all__ = ["Sentence", "split_sentences"]

_LINE_BREAK_RE = re.compile(r"\r\n|[\n\r\u2028\u2029\x0b\x0c\x1c-\x1e\x85]")
_BULLET_RE = re.compile(r"[ \t\u00a0]*(?:[-–—•▪●◦·*]|\d{1,2}[.)])[ \t\u00a0]+")
_END_RE = re.compile(r"[.!?؟؛;…]+[»\"”’'›)\]}]*(?=\s|$|[\u0621-\u064a])")
_WORD_BEFORE_RE = re.compile(r"\w+$")
_YEAR_BEFORE_RE = re.compile(r"\d\s*\w+$")
_STRIP = "".join(INVISIBLE) + " \t\n\r\f\v\u00a0\u2028\u2029\u3000"
_CONTENT_RE = re.compile(r"[^\W_]")
_LOOK_BACK = 32  # characters before a full stop that can tell an abbreviation


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence: ``text == source[start:end]``, without surrounding whitespace."""

    index: int
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Sentence:
        return cls(data["index"], data["start"], data["end"], data["text"])


def split_sentences(text: str) -> list[Sentence]:
    """The sentences of ``text`` in order; text with no letters or digits yields none."""
    spans: list[tuple[int, int]] = []
    line_start = 0
    for match in _LINE_BREAK_RE.finditer(text):
        _split_line(text, line_start, match.start(), spans)
        line_start = match.end()
    _split_line(text, line_start, len(text), spans)
    sentences: list[Sentence] = []
    for start, end in spans:
        start, end = _trim(text, start, end)
        if start < end and _CONTENT_RE.search(text, start, end):
            sentences.append(Sentence(len(sentences), start, end, text[start:end]))
    return sentences


def _split_line(text: str, start: int, end: int, spans: list[tuple[int, int]]) -> None:
    line = text[start:end]
    if not line.strip():
        return
    bullet = _BULLET_RE.match(line)
    if bullet:
        spans.append((start + bullet.end(), end))
        return
    sentence_start = 0
    for match in _END_RE.finditer(line):
        if _is_sentence_end(line, match.start(), match.group()):
            spans.append((start + sentence_start, start + match.end()))
            sentence_start = match.end()
    spans.append((start + sentence_start, end))


def _is_sentence_end(line: str, at: int, mark: str) -> bool:
    before = line[max(0, at - _LOOK_BACK):at]
    if before.endswith(("(", "[")):  # an elision such as (..) inside a sentence
        return False
    if not mark.startswith(".") or mark.startswith(".."):
        return True
    word = _WORD_BEFORE_RE.search(before)
    if word is None:
        return True
    token = word.group()
    letter = token.strip("\u0640")  # tatweel: هـ
    if token.lower() in ABBREVIATIONS:
        return False
    if len(letter) == 1 and letter.isalpha():
        # م. and هـ. after a year close a sentence ("عام 2015 م."); other lone letters abbreviate.
        return letter in ERA_LETTERS and _YEAR_BEFORE_RE.search(before) is not None
    return True


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in _STRIP:
        start += 1
    while end > start and text[end - 1] in _STRIP:
        end -= 1
    return start, end
