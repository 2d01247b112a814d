"""Words of an article and the registry names found among them (longest match, proclitics off).

A name may span several words only when nothing but spaces or a hyphen separates them, so a
comma or a full stop ends it. The first word of a name may carry proclitics (وموسكو،
بالولايات، للعراق); the hit's ``start`` is then moved past them in the original text.

This is the hot path of linking: a word that cannot start a name costs one dict lookup.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from marsad.text.normalize import normalize_for_matching

from .keys import _NORM_MEMO, WORD, norm_token, prefix_variants
from .registry import AliasEntry, Registry

__all__ = ["Hit", "Words", "find_names", "match_words", "variants"]

_JOINERS = " \t\u00a0-"
_group = re.Match.group
_PROCLITIC_LETTERS = frozenset("وفبلك")
_VARIANTS_MEMO: dict[str, list[tuple[str, int]]] = {}
_MEMO_MAX = 200_000


@dataclass(frozen=True, slots=True)
class Hit:
    """Registry name found over words ``first..last`` (inclusive); ``text[start:end]`` is the name
    without its proclitics; ``entries`` are what it may stand for, prior reading first."""

    first: int
    last: int
    start: int
    end: int
    entries: tuple[AliasEntry, ...]


class Words:
    """The words of a text: parallel lists of start, end and normalized form."""

    __slots__ = ("text", "start", "end", "norm", "_gap")

    def __init__(self, text: str) -> None:
        self.text = text
        found = list(WORD.finditer(text))
        memo = _NORM_MEMO.get
        self.start = [m.start() for m in found]
        self.end = [m.end() for m in found]
        self.norm = [memo(w) or norm_token(w) for w in map(_group, found)]
        self._gap = bytearray(len(found))  # 0 unknown, 1 joined to the next word, 2 not

    def __len__(self) -> int:
        return len(self.norm)

    def _joined_next(self, i: int) -> bool:
        state = self._gap[i]
        if state == 0:
            gap = self.text[self.end[i] : self.start[i + 1]]
            state = 1 if not gap.strip(_JOINERS) else 2
            self._gap[i] = state
        return state == 1

    def joined(self, i: int, j: int) -> bool:
        """True when words i..j (inclusive) form one run without punctuation."""
        return all(self._joined_next(k) for k in range(i, j))

    def range_of(self, start: int, end: int) -> tuple[int, int] | None:
        """Indices (first, last) of the words that overlap ``[start, end)``, or None. (A span may
        start inside a word: the recognizer cuts وموسكو to موسكو.)"""
        first = bisect_right(self.end, start)
        last = bisect_left(self.start, end) - 1
        return (first, last) if first <= last else None

    def skip_letters(self, i: int, letters: int) -> int:
        """Offset in the text after the first ``letters`` normalized letters of word ``i`` (and
        any marks that sit on them)."""
        pos, end = self.start[i], self.end[i]
        text = self.text
        while letters > 0 and pos < end:
            letters -= len(normalize_for_matching(text[pos]))
            pos += 1
        while pos < end and not normalize_for_matching(text[pos]):
            pos += 1
        return pos


def variants(norm: str) -> list[tuple[str, int]]:
    """``prefix_variants`` memoized; words that cannot carry a proclitic get only themselves."""
    out = _VARIANTS_MEMO.get(norm)
    if out is None:
        out = prefix_variants(norm) if norm[:1] in _PROCLITIC_LETTERS else [(norm, 0)]
        if len(_VARIANTS_MEMO) >= _MEMO_MAX:
            _VARIANTS_MEMO.clear()
        _VARIANTS_MEMO[norm] = out
    return out


def _starts(registry: Registry, norm: str) -> tuple[tuple[str, int, int], ...]:
    """(form, letters dropped, longest name in words) for each way word ``norm`` may start a
    registry name; memoized on the registry, empty for most words."""
    memo = registry.scan_memo
    out = memo.get(norm)
    if out is None:
        out = tuple((form, dropped, registry.max_words(form)) for form, dropped in variants(norm)
                    if registry.max_words(form))
        if len(memo) >= _MEMO_MAX:
            memo.clear()
        memo[norm] = out
    return out


def _best_at(words: Words, registry: Registry, i: int, max_last: int,
             starts: tuple[tuple[str, int, int], ...]) -> tuple[int, int, list[AliasEntry]] | None:
    """Longest name starting at word i and ending at or before ``max_last``, fewest letters
    dropped on ties: (last word, letters dropped from word i, entries)."""
    norms = words.norm
    best: tuple[int, int, list[AliasEntry]] | None = None
    for form, dropped, longest in starts:
        last = min(max_last, i + longest - 1)
        while last > i and not words.joined(i, last):
            last -= 1
        while last >= i and (best is None or last > best[0]):
            key = (form, *norms[i + 1 : last + 1])
            entries = registry.lookup(key)
            if entries:
                best = (last, dropped, entries)
                break
            last -= 1
    return best


def find_names(words: Words, registry: Registry) -> list[Hit]:
    """All registry names in the text, left to right, longest first, without overlaps."""
    hits: list[Hit] = []
    norms = words.norm
    memo = registry.scan_memo
    n = len(norms)
    i = 0
    while i < n:
        starts = memo.get(norms[i])
        if starts is None:
            starts = _starts(registry, norms[i])
        found = _best_at(words, registry, i, n - 1, starts) if starts else None
        if found is None:
            i += 1
            continue
        last, dropped, entries = found
        start = words.skip_letters(i, dropped) if dropped else words.start[i]
        hits.append(Hit(i, last, start, words.end[last], tuple(entries)))
        i = last + 1
    return hits


def match_words(words: Words, registry: Registry, first: int, last: int) -> Hit | None:
    """The registry name covering exactly words ``first..last`` (proclitics off the first)."""
    starts = _starts(registry, words.norm[first])
    found = _best_at(words, registry, first, last, starts) if starts else None
    if found is None or found[0] != last:
        return None
    _, dropped, entries = found
    start = words.skip_letters(first, dropped) if dropped else words.start[first]
    return Hit(first, last, start, words.end[last], tuple(entries))
