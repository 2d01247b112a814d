"""Sentence-level diff between a copy and the article it derives from: which sentences it
kept, removed, added, and which it reworded (same sentence, different words)."""

from __future__ import annotations

import difflib
from dataclasses import asdict, dataclass
from typing import Any, Literal

from marsad.text import search_terms
from marsad.text.segment import split_sentences

Op = Literal["kept", "removed", "added", "reworded"]

# Two sentences are the same sentence reworded when this share of their terms (Dice) matches.
REWORDED_MIN = 0.5


@dataclass(frozen=True, slots=True)
class DiffOp:
    op: Op
    parent: str | None  # the sentence in the source article
    child: str | None  # the sentence in the copy
    similarity: float

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class SentenceDiff:
    ops: tuple[DiffOp, ...]

    def counts(self) -> dict[str, int]:
        out = {"kept": 0, "removed": 0, "added": 0, "reworded": 0}
        for o in self.ops:
            out[o.op] += 1
        return out

    def to_dict(self) -> dict[str, Any]:
        return {"counts": self.counts(), "ops": [o.to_dict() for o in self.ops]}


def _sentences(text: str) -> list[str]:
    return [s.text for s in split_sentences(text) if s.text.strip()]


def _dice(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    sa, sb = set(a), set(b)
    return 2 * len(sa & sb) / (len(sa) + len(sb))


def sentence_diff(parent_text: str, child_text: str) -> SentenceDiff:
    """Align sentences by their analyzed terms (so spelling, clitics and diacritics do not count
    as changes), then pair leftover removed/added sentences that are rewordings of each other."""
    ps, cs = _sentences(parent_text), _sentences(child_text)
    pt = [search_terms(s) for s in ps]
    ct = [search_terms(s) for s in cs]
    keys_p = [" ".join(t) for t in pt]
    keys_c = [" ".join(t) for t in ct]
    ops: list[DiffOp] = []
    matcher = difflib.SequenceMatcher(a=keys_p, b=keys_c, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        if tag == "equal":
            ops.extend(DiffOp("kept", ps[i], cs[j], 1.0) for i, j in zip(range(i1, i2), range(j1, j2)))
            continue
        removed = list(range(i1, i2))
        added = list(range(j1, j2))
        # Greedy best-first pairing of rewordings inside this changed region.
        pairs = sorted(
            ((_dice(pt[i], ct[j]), i, j) for i in removed for j in added),
            key=lambda x: (-x[0], x[1], x[2]),
        )
        used_i: set[int] = set()
        used_j: set[int] = set()
        paired: dict[int, tuple[int, float]] = {}
        for score, i, j in pairs:
            if score < REWORDED_MIN or i in used_i or j in used_j:
                continue
            used_i.add(i)
            used_j.add(j)
            paired[j] = (i, score)
        for i in removed:
            if i not in used_i:
                ops.append(DiffOp("removed", ps[i], None, 0.0))
        for j in added:
            if j in paired:
                i, score = paired[j]
                ops.append(DiffOp("reworded", ps[i], cs[j], round(score, 3)))
            else:
                ops.append(DiffOp("added", None, cs[j], 0.0))
    return SentenceDiff(tuple(_fold_moves(ops)))


def _fold_moves(ops: list[DiffOp]) -> list[DiffOp]:
    """A sentence moved elsewhere shows up as removed + added with identical terms: kept."""
    removed_at: dict[str, list[int]] = {}
    for k, o in enumerate(ops):
        if o.op == "removed" and o.parent is not None:
            removed_at.setdefault(" ".join(search_terms(o.parent)), []).append(k)
    dropped: set[int] = set()
    out: dict[int, DiffOp] = {}
    for k, o in enumerate(ops):
        if o.op == "added" and o.child is not None:
            waiting = removed_at.get(" ".join(search_terms(o.child)))
            if waiting:
                r = waiting.pop(0)
                dropped.add(r)
                out[k] = DiffOp("kept", ops[r].parent, o.child, 1.0)
                continue
        out[k] = o
    return [o for k, o in sorted(out.items()) if k not in dropped]
