"""A story's origin (its earliest article) and copy graph: for every other member, the earlier
article it most likely derives from (containment of its word shingles, then time), with a
sentence-level diff against it.

Members are ordered by publication time, compared as instants (an offset is honoured; a naive
time is read as UTC, as the clusterer reads it). A time stated as a date only stands for the
last moment of that day: it cannot be shown to precede an article of the same day whose hour is
known. Members without a time, or with one that does not parse, come last.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from marsad.stories.diff import SentenceDiff, sentence_diff
from marsad.text import search_terms

SHINGLE = 3
# Below this containment a member shares too little text with any earlier member to call it a
# copy; it is a rewrite of the story, attached to the origin.
COPY_MIN_CONTAINMENT = 0.2
DAY = 86400


@dataclass(frozen=True, slots=True)
class Member:
    article_id: str
    time: str | None  # ISO publication time; None (or unparseable) sorts last
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


def _instant(time: str | None) -> float | None:
    """Epoch seconds of the latest moment ``time`` allows (a date alone: the end of its day)."""
    if not time:
        return None
    text = time.strip().replace("Z", "+00:00")
    try:
        dt = datetime.fromisoformat(text)
    except ValueError:
        return None
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=UTC)
    date_only = len(text) <= 10 and "T" not in text and " " not in text
    return dt.timestamp() + (DAY - 1 if date_only else 0)


def _order_key(m: Member) -> tuple[int, float, str]:
    at = _instant(m.time)
    return (0, at, m.article_id) if at is not None else (1, 0.0, m.article_id)


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
