"""Synthetic rewrites of an Arabic article, for testing and tuning near-duplicate detection.

``make_rewrites(title, body, n, seed)`` returns ``n`` rewrites, each made by a seeded
``random.Random`` applying 2 to 4 operations drawn from ``OPERATIONS``:

- ``reorder``      swap adjacent sentences (or two paragraphs after the first)
- ``drop``         remove about one sentence in eight (never the only one)
- ``synonyms``     swap words from ``_synonyms.SYNONYM_GROUPS`` (clitics kept: وقال → وأوضح)
- ``clitics``      add, drop or switch و/ف at sentence starts and before ال; rarely drop ال
- ``boilerplate``  add an outlet's sentences and a dateline around the text
- ``truncate``     keep the first 55–85% of the sentences
- ``headline``     a new title (prefix, suffix, or the lede's first words)
- ``numbers``      change some numbers (digits keep their script)

Body operations run in the order above; ``Rewrite.operations`` lists, in that order, only those
that changed the text. The same (title, body, n, seed) gives the same rewrites in any process.
Sentences are split by punctuation and newlines, which is all a rewrite needs.
"""

from __future__ import annotations

import random
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from marsad.stories._synonyms import (
    BOILERPLATE_SENTENCES,
    DATELINE_PLACES,
    HEADLINE_PREFIXES,
    HEADLINE_SUFFIXES,
    SYNONYM_GROUPS,
)
from marsad.text.normalize import normalize_for_matching

__all__ = ["OPERATIONS", "Rewrite", "make_rewrites", "rewrite"]

OPERATIONS = ("headline", "drop", "reorder", "truncate", "boilerplate", "synonyms", "clitics", "numbers")

_SENTENCE_END = re.compile(r"(?<=[.!?؟…])\s+")
_ARABIC_WORD = re.compile(r"[\u0621-\u065F\u0670-\u06D3]+")  # letters, diacritics, tatweel
_NUMBER = re.compile(r"[0-9]+|[\u0660-\u0669]+")
_SYNONYM_PREFIXES = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل")
_CONJUNCTIONS = ("و", "ف")
_SYNONYMS: dict[str, tuple[str, ...]] = {
    normalize_for_matching(word): group for group in SYNONYM_GROUPS for word in group
}


@dataclass(frozen=True)
class Rewrite:
    """One synthetic rewrite and the operations that changed it (in the order applied)."""

    title: str
    body: str
    operations: tuple[str, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "body": self.body, "operations": list(self.operations)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Rewrite:
        return cls(data["title"], data["body"], tuple(data["operations"]))


# A body is a list of paragraphs, each a list of sentences.
_Body = list[list[str]]


def _split(body: str) -> _Body:
    paragraphs = [p.strip() for p in body.split("\n")]
    return [[s for s in _SENTENCE_END.split(p) if s] for p in paragraphs if p]


def _join(paragraphs: _Body) -> str:
    return "\n\n".join(" ".join(p) for p in paragraphs if p)


def _sentence_slots(paragraphs: _Body) -> list[tuple[int, int]]:
    return [(i, j) for i, p in enumerate(paragraphs) for j in range(len(p))]


# --- body operations: each returns a new body (or the same one when nothing applies) ---------


def _reorder(paragraphs: _Body, rng: random.Random) -> _Body:
    out = [list(p) for p in paragraphs]
    pairs = [(i, j) for i, p in enumerate(out) for j in range(len(p) - 1)]
    if len(out) >= 3 and (not pairs or rng.random() < 0.4):
        a, b = sorted(rng.sample(range(1, len(out)), 2))  # two paragraphs after the lede
        out[a], out[b] = out[b], out[a]
        return out
    # One or two swaps of adjacent sentences, never the same pair twice (that would undo it).
    for i, j in rng.sample(pairs, min(len(pairs), rng.randint(1, 2))):
        out[i][j], out[i][j + 1] = out[i][j + 1], out[i][j]
    return out


def _drop(paragraphs: _Body, rng: random.Random) -> _Body:
    slots = _sentence_slots(paragraphs)
    if len(slots) < 2:
        return paragraphs
    count = max(1, round(len(slots) / 8))
    dropped = set(rng.sample(slots[1:], min(count, len(slots) - 1)))  # keep the lede
    return [[s for j, s in enumerate(p) if (i, j) not in dropped] for i, p in enumerate(paragraphs)]


def _truncate(paragraphs: _Body, rng: random.Random) -> _Body:
    slots = _sentence_slots(paragraphs)
    if len(slots) < 3:
        return paragraphs
    keep = set(slots[: max(2, round(len(slots) * rng.uniform(0.55, 0.85)))])
    return [[s for j, s in enumerate(p) if (i, j) in keep] for i, p in enumerate(paragraphs)]


def _boilerplate(paragraphs: _Body, rng: random.Random) -> _Body:
    out = [list(p) for p in paragraphs] or [[]]
    added = rng.sample(BOILERPLATE_SENTENCES, rng.randint(1, 2))
    out.append(added[:1])
    if len(added) > 1:
        out.insert(1 if len(out) > 1 else 0, added[1:])
    if out[0] and rng.random() < 0.5:
        out[0][0] = f"{rng.choice(DATELINE_PLACES)} - {out[0][0]}"
    return out


def _edit_words(
    paragraphs: _Body,
    rng: random.Random,
    pattern: re.Pattern[str],
    share: Callable[[str, bool], float],
    change: Callable[[str, bool], str],
) -> _Body:
    """Change each ``pattern`` match with probability ``share(match, opens_sentence)`` (at least
    one when any has a chance), using ``change(match, opens_sentence)``."""
    spots = []
    for i, paragraph in enumerate(paragraphs):
        for j, sentence in enumerate(paragraph):
            for n, match in enumerate(pattern.finditer(sentence)):
                weight = share(match.group(), n == 0)
                if weight > 0:
                    spots.append((i, j, match.start(), match.end(), n == 0, weight))
    chosen = [spot for spot in spots if rng.random() < spot[5]]
    if spots and not chosen:
        chosen = [rng.choice(spots)]
    out = [list(p) for p in paragraphs]
    for i, j, start, end, first, _ in reversed(chosen):  # right to left keeps offsets valid
        sentence = out[i][j]
        out[i][j] = sentence[:start] + change(sentence[start:end], first) + sentence[end:]
    return out


def _synonym_split(word: str) -> tuple[str, tuple[str, ...]] | None:
    """(clitic prefix, synonym group) when the word is a table word, bare or with clitics."""
    for prefix in ("", *_SYNONYM_PREFIXES):
        if word.startswith(prefix):
            group = _SYNONYMS.get(normalize_for_matching(word[len(prefix) :]))
            if group is not None:
                return prefix, group
    return None


def _synonyms(paragraphs: _Body, rng: random.Random) -> _Body:
    def swap(word: str, _: bool) -> str:
        found = _synonym_split(word)
        assert found is not None
        prefix, group = found
        bare = normalize_for_matching(word[len(prefix) :])
        return prefix + rng.choice([w for w in group if normalize_for_matching(w) != bare])

    return _edit_words(
        paragraphs, rng, _ARABIC_WORD, lambda w, _: 0.6 if _synonym_split(w) else 0.0, swap
    )


def _clitics(paragraphs: _Body, rng: random.Random) -> _Body:
    """Vary clitics where an editor would: the conjunction opening a sentence (add, drop or
    switch و/ف) and before a definite word (والوزير → الوزير); rarely drop ال itself."""

    def share(word: str, opens: bool) -> float:
        if opens:
            return 0.5 if len(word) > 3 or word[0] not in _CONJUNCTIONS else 0.0
        if word[0] in _CONJUNCTIONS and word[1:3] == "ال":
            return 0.3
        return 0.04 if word.startswith("ال") and len(word) > 4 else 0.0

    def vary(word: str, opens: bool) -> str:
        if word[0] in _CONJUNCTIONS and (opens or word[1:3] == "ال"):
            if opens and rng.random() >= 0.7:
                return ("ف" if word[0] == "و" else "و") + word[1:]
            return word[1:]
        if opens:
            return rng.choice(_CONJUNCTIONS) + word
        return word[2:]

    return _edit_words(paragraphs, rng, _ARABIC_WORD, share, vary)


def _numbers(paragraphs: _Body, rng: random.Random) -> _Body:
    def change(digits: str, _: bool) -> str:
        value = int(normalize_for_matching(digits))
        new = value + rng.choice((-2, -1, 1, 2, 3, 5, 10)) if value > 10 else rng.randint(2, 9)
        text = str(new if new != value else value + 1)
        if "\u0660" <= digits[0] <= "\u0669":
            text = "".join(chr(0x0660 + int(d)) for d in text)
        return text

    return _edit_words(paragraphs, rng, _NUMBER, lambda _, __: 0.6, change)


_BODY_OPERATIONS: dict[str, Callable[[_Body, random.Random], _Body]] = {
    "drop": _drop,
    "reorder": _reorder,
    "truncate": _truncate,
    "boilerplate": _boilerplate,
    "synonyms": _synonyms,
    "clitics": _clitics,
    "numbers": _numbers,
}


def _headline(title: str, paragraphs: _Body, rng: random.Random) -> str:
    core = title.strip()
    choice = rng.random()
    if choice < 0.35 or not core:
        lede = paragraphs[0][0] if paragraphs and paragraphs[0] else core
        words = lede.split()
        return " ".join(words[: rng.randint(6, 10)]).rstrip("،,.:؛")
    if choice < 0.7:
        return f"{rng.choice(HEADLINE_PREFIXES)}: {core}"
    return f"{core} {rng.choice(HEADLINE_SUFFIXES)}"


# --- public API -------------------------------------------------------------------------------


def rewrite(title: str, body: str, operations: Sequence[str], seed: int | str) -> Rewrite:
    """Apply the given operations (in ``OPERATIONS`` order) with an RNG seeded by ``seed``.
    ``operations`` of the result lists those that changed the text."""
    unknown = [op for op in operations if op not in OPERATIONS]
    if unknown:
        raise ValueError(f"unknown rewrite operation(s) {unknown}; known: {', '.join(OPERATIONS)}")
    rng = random.Random(f"marsad.synthetic.v1:{seed}")
    paragraphs = _split(body)
    applied: list[str] = []
    new_title = title
    for op in OPERATIONS:
        if op not in operations:
            continue
        if op == "headline":
            new_title = _headline(title, paragraphs, rng)
            if new_title != title:
                applied.append(op)
            continue
        changed = _BODY_OPERATIONS[op](paragraphs, rng)
        if changed != paragraphs:
            applied.append(op)
            paragraphs = changed
    return Rewrite(new_title, _join(paragraphs), tuple(applied))


def make_rewrites(
    article_title: str,
    body: str,
    n: int,
    seed: int,
    *,
    operations: Sequence[str] = OPERATIONS,
    min_operations: int = 2,
    max_operations: int = 4,
) -> list[Rewrite]:
    """``n`` rewrites, each applying ``min_operations``..``max_operations`` operations drawn
    (seeded) from ``operations``."""
    if not 1 <= min_operations <= max_operations:
        raise ValueError("need 1 <= min_operations <= max_operations")
    pool = list(operations)
    out = []
    for i in range(n):
        rng = random.Random(f"marsad.synthetic.pick.v1:{seed}:{i}")
        count = rng.randint(min(min_operations, len(pool)), min(max_operations, len(pool)))
        out.append(rewrite(article_title, body, rng.sample(pool, count), f"{seed}:{i}"))
    return out
