"""Sentences and tokens for the recognizer.

Uses ``marsad.text.segment.split_sentences`` and ``marsad.text.tokenize.tokenize`` when the text
layer provides them; otherwise a small fallback below: whitespace words with punctuation split off, which
is the granularity of ANERcorp (clitics stay attached: وموسكو is one token).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

__all__ = ["TextPiece", "sentences_with_tokens", "simple_tokens"]

_MARKS = "\u0610-\u061a\u064b-\u065f\u0670\u06d6-\u06ed\u0640\u200c\u200d"
# A number with inner separators (2.5, 1,200), a run of letters/digits/Arabic marks, or any other
# single visible character (punctuation stands alone).
_TOKEN = re.compile(rf"\d+(?:[.,\u066b\u066c]\d+)+|(?:[^\W_]|[{_MARKS}])+|\S")
# A sentence ends after . ! ? ؟ … (and any closing quotes/brackets) followed by space, or at a
# line break.
_SENTENCE_END = re.compile(r"[.!?\u061f\u2026]+[\"'»”)\]]*(?=\s)|\n+")


@dataclass(frozen=True, slots=True)
class TextPiece:
    """A token or sentence: ``text[start:end]`` of the text it came from."""

    start: int
    end: int
    text: str


def simple_tokens(text: str, offset: int = 0) -> list[TextPiece]:
    """Fallback tokenizer: words, numbers and single punctuation marks, offsets + ``offset``."""
    return [
        TextPiece(m.start() + offset, m.end() + offset, m.group()) for m in _TOKEN.finditer(text)
    ]


def _simple_sentences(text: str) -> list[TextPiece]:
    pieces: list[TextPiece] = []
    start = 0
    ends = [m.end() for m in _SENTENCE_END.finditer(text)] + [len(text)]
    for end in ends:
        chunk = text[start:end]
        if chunk.strip():
            first = start + len(chunk) - len(chunk.lstrip())
            last = start + len(chunk.rstrip())
            pieces.append(TextPiece(first, last, text[first:last]))
        start = end
    return pieces


def _text_layer() -> tuple[Callable | None, Callable | None]:
    try:
        from marsad.text.segment import split_sentences
    except ImportError:
        split_sentences = None
    try:
        from marsad.text.tokenize import tokenize
    except ImportError:
        tokenize = None
    return split_sentences, tokenize


def sentences_with_tokens(text: str) -> list[tuple[TextPiece, list[TextPiece]]]:
    """Split ``text`` into sentences and each sentence into tokens, offsets into ``text``."""
    split_sentences, tokenize = _text_layer()
    if split_sentences is not None:
        sentences = [
            TextPiece(s.start, s.end, text[s.start : s.end]) for s in split_sentences(text)
        ]
    else:
        sentences = _simple_sentences(text)
    out: list[tuple[TextPiece, list[TextPiece]]] = []
    for sent in sentences:
        if tokenize is not None:
            tokens = [
                TextPiece(t.start + sent.start, t.end + sent.start, t.text)
                for t in tokenize(sent.text)
            ]
        else:
            tokens = simple_tokens(sent.text, sent.start)
        # Guard against a tokenizer whose offsets do not point at its tokens.
        tokens = [t for t in tokens if text[t.start : t.end] == t.text and t.text.strip()]
        if tokens:
            out.append((sent, tokens))
    return out
