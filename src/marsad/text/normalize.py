"""Arabic orthographic normalization for matching, with a map back to the original text.

``normalize(text)`` folds alef/hamza forms, alef maqsura, taa marbuta, Arabic-Indic and Persian
digits and Latin case; drops diacritics, tatweel and invisible bidi/zero-width characters; and
expands presentation-form ligatures. The result remembers, for every normalized character, the
original span it came from, so a match found in normalized text is reported in original offsets.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from array import array
from dataclasses import dataclass

from marsad.text._letters import DIACRITICS, FOLD, INVISIBLE, PRESENTATION_RANGES, TATWEEL

__all__ = ["Normalized", "normalize", "normalize_for_matching", "normalize_with_deletions", "original_offset"]

_TABLE: dict[int, int | None] = {ord(k): ord(v) for k, v in FOLD.items()}
for _ch in [*DIACRITICS, TATWEEL, *INVISIBLE]:
    _TABLE[ord(_ch)] = None
_DELETED = re.compile("[" + "".join(re.escape(c) for c in [*DIACRITICS, TATWEEL, *INVISIBLE]) + "]")
_PRESENTATION = re.compile(
    "[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in PRESENTATION_RANGES) + "]"
)


@dataclass(frozen=True, slots=True)
class Normalized:
    """Normalized text plus, per normalized character, its original ``[start, end)``."""

    text: str
    original: str
    starts: array
    ends: array

    def to_original(self, start: int, end: int) -> tuple[int, int]:
        """Map a half-open normalized span to the half-open original span it covers."""
        if start >= end:
            pos = self.starts[start] if start < len(self.text) else len(self.original)
            return pos, pos
        return self.starts[start], self.ends[end - 1]


def normalize_for_matching(text: str) -> str:
    """The normalized string alone (fast path, no offset map)."""
    if _PRESENTATION.search(text):
        text = _expand_presentation(text)[0]
    return text.translate(_TABLE)


def normalize(text: str) -> Normalized:
    """Normalize ``text`` and keep the offset map back to it."""
    source = text
    if _PRESENTATION.search(text):
        text, base_starts, base_ends = _expand_presentation(text)
    else:
        base_starts = base_ends = None
    kept = _kept_indices(text)
    out = text.translate(_TABLE)
    if base_starts is None:
        starts = array("i", kept)
        ends = array("i", (i + 1 for i in kept))
    else:
        starts = array("i", (base_starts[i] for i in kept))
        ends = array("i", (base_ends[i] for i in kept))
    assert len(starts) == len(out)
    return Normalized(out, source, starts, ends)


def normalize_with_deletions(text: str) -> tuple[str, list[int]] | None:
    """The normalized string and the sorted original positions normalization deleted — enough
    to map a few offsets back cheaply (``original_offset``). ``None`` when the text has
    presentation forms (one character becomes two): use ``normalize`` then."""
    if _PRESENTATION.search(text):
        return None
    return text.translate(_TABLE), [m.start() for m in _DELETED.finditer(text)]


def original_offset(index: int, deleted: list[int]) -> int:
    """Original position of normalized character ``index``, given the deleted positions."""
    j = index
    while True:  # j = index + (deleted positions <= j); converges in a few steps
        nxt = index + bisect_right(deleted, j)
        if nxt == j:
            return j
        j = nxt


def _kept_indices(text: str) -> list[int]:
    deleted = [m.start() for m in _DELETED.finditer(text)]
    if not deleted:
        return list(range(len(text)))
    kept: list[int] = []
    prev = 0
    for d in deleted:
        kept.extend(range(prev, d))
        prev = d + 1
    kept.extend(range(prev, len(text)))
    return kept


def _expand_presentation(text: str) -> tuple[str, list[int], list[int]]:
    """NFKC on presentation forms only; each output char maps to its source char."""
    chars: list[str] = []
    starts: list[int] = []
    ends: list[int] = []
    for i, ch in enumerate(text):
        piece = unicodedata.normalize("NFKC", ch) if _PRESENTATION.match(ch) else ch
        for p in piece:
            chars.append(p)
            starts.append(i)
            ends.append(i + 1)
    return "".join(chars), starts, ends
