"""A story's origin (its earliest article) and copy graph: for every other member, the earlier
article it most likely derives from (containment of its word shingles, then time), with a
sentence-level diff against it."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from marsad.stories.diff import SentenceDiff, sentence_diff
from marsad.text import search_terms

SHINGLE = 3
# Below this containment a member shares too little text with any earlier member to call it a
# copy; it is a rewrite of the story, attached to the origin.
COPY_MIN_CONTAINMENT = 0.2


@dataclass(frozen=True, slots=True)
class Member:
    article_id: str
    time: str | None  # published_at, else ingested_at
    source: str | None
    title: str
    body: str


@dataclass(frozen=True, slots=True)
class CopyEdge:
    child: str
    parent: str
    containment: float  # share of the child's shingles found in the parent
    kind: str  # "copy" (shares text) or "rewrite" (same event, little shared text)
    diff: SentenceDiff

    def to_dict(self) -> dict[str, Any]:
        return {"child": self.child, "parent": self.parent, "containment": round(self.containment, 3),
                "kind": self.kind, "diff": self.diff.to_dict()}


def _shingles(text: str) -> set[tuple[str, ...]]:
    terms = search_terms(text)
    return {tuple(terms[i:i + SHINGLE]) for i in range(max(0, len(terms) - SHINGLE + 1))}


def _order_key(m: Member) -> tuple[int, str, str]:
    # Members without a time sort last: they cannot be shown to be first.
    return (0 if m.time else 1, m.time or "", m.article_id)


def origin_and_edges(members: Sequence[Member]) -> tuple[str | None, list[CopyEdge]]:
    ordered = sorted(members, key=_order_key)
    if not ordered:
        return None, []
    origin = ordered[0]
    sh = {m.article_id: _shingles(m.title + "\n" + m.body) for m in ordered}
    edges: list[CopyEdge] = []
    for k, child in enumerate(ordered[1:], start=1):
        cs = sh[child.article_id]
        best, best_c = origin, -1.0
        for parent in ordered[:k]:
            c = len(cs & sh[parent.article_id]) / len(cs) if cs else 0.0
            # ties go to the later parent: copies are usually of the nearest earlier copy
            if c >= best_c:
                best, best_c = parent, c
        kind = "copy" if best_c >= COPY_MIN_CONTAINMENT else "rewrite"
        if kind == "rewrite":
            best = origin
            best_c = len(cs & sh[origin.article_id]) / len(cs) if cs else 0.0
        edges.append(CopyEdge(child.article_id, best.article_id, best_c, kind,
                              sentence_diff(best.body, child.body)))
    return origin.article_id, edges
