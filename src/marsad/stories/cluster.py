"""Incremental, deterministic story clustering.

Each new article joins an existing story or starts one; nothing is ever re-clustered. The rules,
tried in order (thresholds tuned with ``marsad eval stories`` on dev data, see docs/stories.md):

1. **exact**: an article with the same ``content_hash`` is already in a story → join it.
2. **near**: MinHash LSH finds an article whose estimated Jaccard over 3-word shingles is at
   least ``near_min`` → join its story.
3. **rewrite**: the cosine between the article's multilingual sentence embedding (title + lead)
   and a story's centroid is at least ``semantic_strong``; or at least ``semantic_min`` when the
   article also shares ``min_shared_entities`` linked entities with the story — and the story has
   a member within ``window_days`` of the article's time.
4. otherwise the article founds a new story; its id is ``st-<founder article id>``.

Articles are fed in the order given; for a deterministic batch, feed them sorted by
(time, id) — ``StoryClusterer.add_many`` does that.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np

from marsad.stories.minhash import MinHasher, NearDuplicateIndex

Relation = Literal["founder", "exact", "near", "rewrite"]


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    near_min: float = 0.3
    semantic_strong: float = 0.86
    semantic_min: float = 0.72
    min_shared_entities: int = 2
    min_shared_ratio: float = 0.0
    window_days: float = 4.0


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What clustering needs to know about one article."""

    article_id: str
    content_hash: str
    time: str | None  # ISO; published_at, else when it was ingested
    signature: np.ndarray  # MinHash, uint32
    embedding: np.ndarray | None = None  # L2-normalized float32
    entities: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    relation: Relation
    score: float
    matched: str | None  # the article (exact/near) that decided it; None for founder/rewrite

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Story:
    id: str
    members: list[str] = field(default_factory=list)
    centroid: np.ndarray | None = None
    first: float = float("inf")
    last: float = float("-inf")
    entities: Counter[str] = field(default_factory=Counter)


def _epoch(iso: str | None) -> float | None:
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:  # naive times are read as UTC, so results do not depend on the machine
        dt = dt.replace(tzinfo=UTC)
    return dt.timestamp()


class StoryClusterer:
    def __init__(self, settings: ClusterSettings | None = None, hasher: MinHasher | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self.hasher = hasher or MinHasher()
        self.index: NearDuplicateIndex[str] = NearDuplicateIndex.for_hasher(self.hasher, threshold=self.settings.near_min)
        self.story_of: dict[str, str] = {}
        self.by_hash: dict[str, str] = {}
        self.stories: dict[str, _Story] = {}
        self._story_order: list[str] = []  # row i of the centroid matrix
        self._row: dict[str, int] = {}
        self._matrix = np.zeros((64, 512), dtype=np.float32)  # grown by doubling

    @property
    def _centroids(self) -> np.ndarray:
        return self._matrix[: len(self._story_order)]

    def __len__(self) -> int:
        return len(self.story_of)

    # -- public --------------------------------------------------------------------------------
    def add_many(self, items: Iterable[StoryInput]) -> list[Assignment]:
        ordered = sorted(items, key=lambda it: (it.time or "", it.article_id))
        return [self.add(it) for it in ordered]

    def add(self, item: StoryInput) -> Assignment:
        if item.article_id in self.story_of:
            sid = self.story_of[item.article_id]
            return Assignment(item.article_id, sid, "founder" if sid == f"st-{item.article_id}" else "exact", 1.0, None)
        assignment = self._decide(item)
        self._join(item, assignment.story_id)
        return assignment

    def restore(self, item: StoryInput, story_id: str) -> None:
        """Put back an article whose story was decided earlier (loading saved state)."""
        if item.article_id not in self.story_of:
            self._join(item, story_id)

    # -- rules ---------------------------------------------------------------------------------
    def _decide(self, item: StoryInput) -> Assignment:
        s = self.settings
        other = self.by_hash.get(item.content_hash)
        if other is not None:
            return Assignment(item.article_id, self.story_of[other], "exact", 1.0, other)
        if len(self.index):
            scored = self.index.query_scored(item.signature)
            if scored:
                best, score = max(scored, key=lambda ks: (ks[1], ks[0]))
                if score >= s.near_min:
                    return Assignment(item.article_id, self.story_of[best], "near", round(float(score), 4), best)
        if item.embedding is not None and len(self._story_order):
            sims = self._centroids @ item.embedding
            t = _epoch(item.time)
            k = min(20, len(sims))
            top = np.argpartition(-sims, k - 1)[:k]
            for row in top[np.lexsort((top, -sims[top]))]:
                sim = float(sims[row])
                if sim < s.semantic_min:
                    break
                story = self.stories[self._story_order[row]]
                if t is not None and story.first != float("inf"):
                    window = s.window_days * 86400
                    if t < story.first - window or t > story.last + window:
                        continue
                shared = sum(1 for e in item.entities if story.entities.get(e))
                ratio = shared / len(item.entities) if item.entities else 0.0
                if sim >= s.semantic_strong or (shared >= s.min_shared_entities and ratio >= s.min_shared_ratio):
                    return Assignment(item.article_id, story.id, "rewrite", round(sim, 4), None)
        return Assignment(item.article_id, f"st-{item.article_id}", "founder", 1.0, None)

    def _join(self, item: StoryInput, story_id: str) -> None:
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id)
            self._row[story_id] = len(self._story_order)
            self._story_order.append(story_id)
            if len(self._story_order) > len(self._matrix):
                grown = np.zeros((2 * len(self._matrix), self._matrix.shape[1]), np.float32)
                grown[: len(self._matrix)] = self._matrix
                self._matrix = grown
        story.members.append(item.article_id)
        self.story_of[item.article_id] = story_id
        self.by_hash.setdefault(item.content_hash, item.article_id)
        self.index.add(item.article_id, item.signature)
        t = _epoch(item.time)
        if t is not None:
            story.first, story.last = min(story.first, t), max(story.last, t)
        story.entities.update(item.entities)
        if item.embedding is not None:
            total = (story.centroid if story.centroid is not None else 0) + item.embedding
            story.centroid = np.asarray(total, dtype=np.float32)
            norm = float(np.linalg.norm(story.centroid)) or 1.0
            self._matrix[self._row[story_id]] = story.centroid / norm


def stories_of(assignments: Sequence[Assignment]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in assignments:
        out.setdefault(a.story_id, []).append(a.article_id)
    return out
