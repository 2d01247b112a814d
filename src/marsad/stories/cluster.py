"""Incremental, deterministic story clustering (draft; documented once tuned)."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np

from marsad.stories.minhash import MinHasher, NearDuplicateIndex
from marsad.stories.salient import cosine, term_vector

Relation = Literal["founder", "exact", "near", "rewrite"]


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    near_min: float = 0.5
    near_sure: float = 0.8
    near_terms_min: float = 0.0
    rewrite_terms_min: float = 0.25
    rewrite_embed_min: float = 0.5
    rewrite_strong_terms: float = 2.0
    story_embed_min: float = -1.0
    cross_outlet: bool = True
    window_days: float = 3.0
    near_window_days: float = 1e9
    rewrite_margin: float = 0.0
    rewrite_ratio: float = 1.0
    margin_window: bool = True
    story_span_days: float = 1e9
    story_all_min: float = 0.0
    story_mean_min: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What clustering needs to know about one article."""

    article_id: str
    content_hash: str
    time: str | None  # ISO; published_at, else when it was ingested
    signature: np.ndarray  # MinHash, uint32
    embedding: np.ndarray | None = None  # L2-normalized float32
    terms: Mapping[str, float] = field(default_factory=dict)  # salient.term_vector
    source: str | None = None


def story_input(article_id: str, content_hash: str, time: str | None, title: str, body: str,
                signature: np.ndarray, embedding: np.ndarray | None = None,
                source: str | None = None) -> StoryInput:
    return StoryInput(article_id, content_hash, time, signature, embedding, term_vector(title, body),
                      source or None)


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    relation: Relation
    score: float
    matched: str | None  # the article that decided it; None for founders

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass
class _Story:
    id: str
    members: list[int] = field(default_factory=list)
    centroid: np.ndarray | None = None
    first: float | None = None


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
        self.index: NearDuplicateIndex[int] = NearDuplicateIndex.for_hasher(self.hasher, threshold=self.settings.near_min)
        self.story_of: dict[str, str] = {}
        self.by_hash: dict[str, int] = {}
        self.stories: dict[str, _Story] = {}
        self._ids: list[str] = []
        self._times: list[float | None] = []
        self._sources: list[str | None] = []
        self._terms: list[Mapping[str, float]] = []
        self._story: list[str] = []
        self._postings: dict[str, list[tuple[int, float]]] = {}
        self._vectors = np.zeros((64, 512), dtype=np.float32)
        self._has_vector: list[bool] = []

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
    def _in_window(self, t: float | None, k: int, days: float) -> bool:
        u = self._times[k]
        return t is None or u is None or abs(t - u) <= days * 86400

    def _decide(self, item: StoryInput) -> Assignment:
        s = self.settings
        other = self.by_hash.get(item.content_hash)
        if other is not None:
            return Assignment(item.article_id, self._story[other], "exact", 1.0, self._ids[other])
        t = _epoch(item.time)
        if len(self.index):
            scored = sorted(self.index.query_scored(item.signature), key=lambda ks: (-ks[1], ks[0]))
            for k, score in scored:
                if score < s.near_min:
                    break
                if not self._in_window(t, k, s.near_window_days):
                    continue
                if score < s.near_sure and cosine(item.terms, self._terms[k]) < s.near_terms_min:
                    continue
                return Assignment(item.article_id, self._story[k], "near", round(float(score), 4), self._ids[k])
        if item.terms:
            best = self._best_rewrite(item, t)
            if best is not None:
                k, score = best
                return Assignment(item.article_id, self._story[k], "rewrite", round(score, 4), self._ids[k])
        return Assignment(item.article_id, f"st-{item.article_id}", "founder", 1.0, None)

    def _best_rewrite(self, item: StoryInput, t: float | None) -> tuple[int, float] | None:
        s = self.settings
        acc: dict[int, float] = {}
        for term, w in item.terms.items():
            for k, v in self._postings.get(term, ()):
                acc[k] = acc.get(k, 0.0) + w * v
        found: list[tuple[float, int]] = []
        for k, sim in acc.items():
            if sim < s.rewrite_terms_min:
                continue
            if not self._in_window(t, k, s.window_days):
                continue
            if s.cross_outlet and item.source and item.source == self._sources[k]:
                continue
            if sim < s.rewrite_strong_terms:
                if item.embedding is None or not self._has_vector[k]:
                    continue
                if float(self._vectors[k] @ item.embedding) < s.rewrite_embed_min:
                    continue
            found.append((sim, k))
        found.sort(key=lambda x: (-x[0], x[1]))
        if found and (s.rewrite_margin > 0 or s.rewrite_ratio < 1):
            top_sim, top_k = found[0]
            top_story = self._story[top_k]
            rival = 0.0
            for k, sim in acc.items():
                if sim > rival and self._story[k] != top_story and (not s.margin_window or self._in_window(t, k, s.window_days)):
                    rival = sim
            if top_sim - rival < s.rewrite_margin or rival > s.rewrite_ratio * top_sim:
                return None
            found = found[:1]
        for sim, k in found:
            first = self.stories[self._story[k]].first
            if t is not None and first is not None and abs(t - first) > s.story_span_days * 86400:
                continue
            members = self.stories[self._story[k]].members
            if s.story_all_min > 0 and min(acc.get(m, 0.0) for m in members) < s.story_all_min:
                continue
            if s.story_mean_min > 0 and sum(acc.get(m, 0.0) for m in members) / len(members) < s.story_mean_min:
                continue
            if s.story_embed_min > -1 and item.embedding is not None:
                c = self.stories[self._story[k]].centroid
                if c is not None and float(c @ item.embedding) / (float(np.linalg.norm(c)) or 1.0) < s.story_embed_min:
                    continue
            return k, sim
        return None

    def _join(self, item: StoryInput, story_id: str) -> None:
        k = len(self._ids)
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id)
        story.members.append(k)
        te = _epoch(item.time)
        if te is not None and (story.first is None or te < story.first):
            story.first = te
        self._ids.append(item.article_id)
        self._times.append(_epoch(item.time))
        self._sources.append(item.source)
        self._terms.append(item.terms)
        self._story.append(story_id)
        self.story_of[item.article_id] = story_id
        self.by_hash.setdefault(item.content_hash, k)
        self.index.add(k, item.signature)
        for term, w in item.terms.items():
            self._postings.setdefault(term, []).append((k, w))
        if k >= len(self._vectors):
            grown = np.zeros((2 * len(self._vectors), self._vectors.shape[1]), np.float32)
            grown[: len(self._vectors)] = self._vectors
            self._vectors = grown
        self._has_vector.append(item.embedding is not None)
        if item.embedding is not None:
            self._vectors[k] = item.embedding
            story.centroid = item.embedding.copy() if story.centroid is None else story.centroid + item.embedding


def stories_of(assignments: Sequence[Assignment]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in assignments:
        out.setdefault(a.story_id, []).append(a.article_id)
    return out
