"""Incremental, deterministic story clustering.

Each new article joins an existing story or founds one; nothing is ever re-clustered. The rules
are tried in order (figures: ``scripts/tune_stories.py``, see docs/stories.md):

1. **exact**: an article with the same ``content_hash`` is already in a story → join it.
2. **near**: MinHash LSH finds an article whose estimated Jaccard over 3-word shingles is at
   least ``near_min`` → join its story (the best-scoring one). Near copies are nearly always the
   same story: of 348 near joins the copy-only news gold calls false, judged by hand, 338 were
   the same event (edited press releases, wire copy).
3. **rewrite**: for retellings in other words. The candidate is the earlier article with the
   highest salient-term cosine (``salient.term_vector``: terms weighted by rarity in news).
   It must be a single *member* of a story, never a story's pooled terms, which would grow and
   attract. The article joins that member's story when:

   - the term cosine is at least ``rewrite_terms_min``;
   - the embedding cosine (USE multilingual, title and lead) is at least ``rewrite_embed_min``;
   - the member is from another outlet (``cross_outlet``): an outlet does not retell its own news;
   - both are dated within ``window_days`` of each other, and the article is within
     ``story_span_days`` of the story's first member, so a story cannot creep along a running
     topic day after day;
   - the best member beats the best article of any *other* story seen in the last
     ``rival_days`` by ``rewrite_margin`` in term cosine. This keeps apart the topic neighbours
     that dense local news is full of: an article as close to two stories belongs to neither.
     A genuine retelling stands out from everything else.
4. **series veto** (``series_veto``): when both headlines carry figures or ordinals and share
   none («الطائرة الإغاثية الرابعة» / «الخامسة», two days' market close), the pair is two
   instances of a series. It may not join by the rewrite rule, nor by the near rule below a
   Jaccard of ``near_sure``.
5. otherwise the article founds a new story; its id is ``st-<founder article id>``.

Defaults, and what moving each one does (``scripts/tune_stories.py eval --set NAME=VALUE``;
news: B-cubed F1 on the judged gold of ../shared/data/news — copies plus 1,022 hand-judged pairs,
0.977 at the defaults; samples: how many of the 8 multi-outlet sample stories come out whole,
8/8 at the defaults):

=====================  =======  ===========================================================
setting                default  evidence
=====================  =======  ===========================================================
``near_min``           0.5      news 0.975 / 0.977 / 0.976 at 0.4 / 0.6 / 0.8: flat, since
                                rule 3 also catches near copies; 0.5 is the LSH design point
``near_sure``          0.9      no change on news at 1.0; kept so that a corrected figure in
                                an otherwise identical copy (a death toll updated) stays one
``series_veto``        True     news precision 0.973 without it (0.977 with)
``rewrite_terms_min``  0.22     samples 5/8 at 0.30
``rewrite_embed_min``  0.45     samples 6/8 at 0.55; news 0.975 at 0.40
``rewrite_margin``     0.2      news 0.943 / 0.965 / 0.971 at 0 / 0.1 / 0.15; samples 4/8 at
                                0.3 (the margin does most of the work against neighbours)
``rival_days``         30       news 0.975 when rivals come from the last 7 days only
``window_days``        3        samples 7/8 at 2 (s3 runs over 2.4 days)
``story_span_days``    3        samples 7/8 at 2; news 0.975 without the cap
``cross_outlet``       True     news 0.974 without it
=====================  =======  ===========================================================

With rule 3 off, news falls to 0.952 (recall 0.910) and every sample story splits (0/8); on the
copy-only golds it would rise, because they count every correct retelling join as false
(docs/stories.md).

Feed articles in publication order: ``StoryClusterer.add_many`` sorts by (undated last, time,
id), so one batch gives the same stories however it was listed. ``StoryInput.time`` is the
publication time; pass ``None`` when it is unknown, not the ingest time (an undated article
then matches regardless of time). Per article the cost is one LSH query, an inverted-index walk
over the article's heavy terms (weight ≥ ``KEY_WEIGHT``, postings within the time horizon), and
at most ``CANDIDATES`` exact cosines: 6,000 news articles take ~4.5 s on one core, ~2.5 s more
for ``story_input`` (term vectors), embeddings excluded.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import asdict, dataclass, field, fields
from datetime import UTC, datetime
from typing import Any, Literal

import numpy as np

from marsad.stories.minhash import MinHasher, NearDuplicateIndex
from marsad.stories.salient import cosine, series_markers, term_vector, term_weight

__all__ = [
    "Assignment",
    "ClusterSettings",
    "Relation",
    "StoryClusterer",
    "StoryInput",
    "stories_of",
    "story_input",
]

Relation = Literal["founder", "exact", "near", "rewrite"]

DAY = 86400.0
# Candidates for the rewrite rule are found through the article's heavy terms only (weight ≥ 4:
# about 45 of ~110 salient terms of a news article), which carry most of any cosine.
KEY_WEIGHT = 4.0
# Exact cosines are computed for at most this many best partial matches, and only for those
# whose partial score reaches FLOOR_SHARE of rewrite_terms_min.
CANDIDATES = 30
FLOOR_SHARE = 0.25


@dataclass(frozen=True, slots=True)
class ClusterSettings:
    near_min: float = 0.5
    near_sure: float = 0.9
    series_veto: bool = True
    rewrite_terms_min: float = 0.22
    rewrite_embed_min: float = 0.45
    rewrite_margin: float = 0.2
    rival_days: float = 30.0
    window_days: float = 3.0
    story_span_days: float = 3.0
    cross_outlet: bool = True

    @property
    def reach_days(self) -> float:
        """How far in time the rewrite rule looks from an article (candidates and rivals)."""
        return max(self.window_days, self.rival_days, self.story_span_days)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> ClusterSettings:
        known = {f.name for f in fields(cls)}
        return cls(**{k: v for k, v in data.items() if k in known})


@dataclass(frozen=True, slots=True)
class StoryInput:
    """What clustering needs to know about one article (``story_input`` builds it)."""

    article_id: str
    content_hash: str
    time: str | None  # ISO publication time; None when unknown (not the ingest time)
    signature: np.ndarray  # MinHash, uint32
    embedding: np.ndarray | None = None  # L2-normalized float32
    terms: Mapping[str, float] = field(default_factory=dict)  # salient.term_vector
    source: str | None = None  # the outlet
    markers: frozenset[str] = frozenset()  # salient.series_markers of the title


def story_input(article_id: str, content_hash: str, time: str | None, title: str, body: str | None,
                signature: np.ndarray, embedding: np.ndarray | None = None,
                source: str | None = None) -> StoryInput:
    """A ``StoryInput`` with the text features (salient terms, headline series markers) computed:
    ~0.3 ms per news article. ``body=None`` leaves the terms out, for a restored article too far
    in time from every new one to be a rewrite candidate or rival (exact and near still apply)."""
    terms = term_vector(title, body) if body is not None else {}
    return StoryInput(article_id, content_hash, time, signature, embedding, terms, source or None,
                      series_markers(title))


@dataclass(frozen=True, slots=True)
class Assignment:
    article_id: str
    story_id: str
    relation: Relation
    score: float  # exact 1.0; near: estimated Jaccard; rewrite: term cosine
    matched: str | None  # the article that decided it; None for founders

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: Mapping[str, Any]) -> Assignment:
        return cls(data["article_id"], data["story_id"], data["relation"], float(data["score"]),
                   data.get("matched"))


@dataclass
class _Story:
    id: str
    members: list[int] = field(default_factory=list)
    first: float | None = None  # earliest known member time (epoch seconds)


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
    """``add``/``add_many`` decide stories; ``restore`` loads decisions made earlier."""

    def __init__(self, settings: ClusterSettings | None = None, hasher: MinHasher | None = None) -> None:
        self.settings = settings or ClusterSettings()
        self.hasher = hasher or MinHasher()
        self.index: NearDuplicateIndex[int] = NearDuplicateIndex.for_hasher(
            self.hasher, threshold=self.settings.near_min)
        self.story_of: dict[str, str] = {}
        self.stories: dict[str, _Story] = {}
        self._by_hash: dict[str, int] = {}
        # Per article, by the order it was added (its index k):
        self._ids: list[str] = []
        self._times: list[float | None] = []
        self._sources: list[str | None] = []
        self._terms: list[Mapping[str, float]] = []
        self._markers: list[frozenset[str]] = []
        self._story: list[str] = []
        self._has_vector: list[bool] = []
        self._vectors = np.zeros((64, 512), dtype=np.float32)  # grown by doubling
        self._postings: dict[str, list[int]] = {}  # heavy term → article indices

    def __len__(self) -> int:
        return len(self.story_of)

    # -- public --------------------------------------------------------------------------------
    def add_many(self, items: Iterable[StoryInput]) -> list[Assignment]:
        """Add in publication order (undated articles last, then by id)."""
        ordered = sorted(items, key=lambda it: (it.time is None, _epoch(it.time) or 0.0, it.article_id))
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
        aid = item.article_id
        other = self._by_hash.get(item.content_hash)
        if other is not None:
            return Assignment(aid, self._story[other], "exact", 1.0, self._ids[other])
        if len(self.index):
            scored = sorted(self.index.query_scored(item.signature), key=lambda ks: (-ks[1], ks[0]))
            for k, score in scored:
                if score < s.near_min:
                    break
                if score < s.near_sure and self._series_clash(item, k):
                    continue
                return Assignment(aid, self._story[k], "near", round(float(score), 4), self._ids[k])
        t = _epoch(item.time)
        best = self._best_rewrite(item, t) if item.terms else None
        if best is not None:
            k, score = best
            return Assignment(aid, self._story[k], "rewrite", round(score, 4), self._ids[k])
        return Assignment(aid, f"st-{aid}", "founder", 1.0, None)

    def _series_clash(self, item: StoryInput, k: int) -> bool:
        theirs = self._markers[k]
        return self.settings.series_veto and bool(item.markers) and bool(theirs) and not (item.markers & theirs)

    def _eligible(self, item: StoryInput, t: float | None, k: int) -> bool:
        """Everything rule 3 asks of a member except the similarities."""
        s = self.settings
        if s.cross_outlet and item.source and item.source == self._sources[k]:
            return False
        if self._series_clash(item, k):
            return False
        if t is not None:
            u = self._times[k]
            if u is not None and abs(t - u) > s.window_days * DAY:
                return False
            first = self.stories[self._story[k]].first
            if first is not None and abs(t - first) > s.story_span_days * DAY:
                return False
        return True

    def _best_rewrite(self, item: StoryInput, t: float | None) -> tuple[int, float] | None:
        s = self.settings
        horizon = s.reach_days * DAY
        lo, hi = (t - horizon, t + horizon) if t is not None else (float("-inf"), float("inf"))
        times, terms = self._times, self._terms
        partial: dict[int, float] = {}
        for term, w in item.terms.items():
            if term_weight(term) < KEY_WEIGHT:
                continue
            for k in self._postings.get(term, ()):
                u = times[k]
                if u is None or lo <= u <= hi:
                    partial[k] = partial.get(k, 0.0) + w * terms[k][term]
        floor = s.rewrite_terms_min * FLOOR_SHARE
        top = sorted(((k, p) for k, p in partial.items() if p >= floor), key=lambda kp: (-kp[1], kp[0]))
        scored = sorted(((cosine(item.terms, terms[k]), k) for k, _ in top[:CANDIDATES]),
                        key=lambda sk: (-sk[0], sk[1]))
        for sim, k in scored:
            if sim < s.rewrite_terms_min:
                return None
            if not self._eligible(item, t, k):
                continue
            if item.embedding is None or not self._has_vector[k]:
                continue
            if float(self._vectors[k] @ item.embedding) < s.rewrite_embed_min:
                continue
            story = self._story[k]
            rival = next((r for r, j in scored if self._story[j] != story), 0.0)
            if sim - rival < s.rewrite_margin:
                return None
            return k, sim
        return None

    def _join(self, item: StoryInput, story_id: str) -> None:
        k = len(self._ids)
        story = self.stories.get(story_id)
        if story is None:
            story = self.stories[story_id] = _Story(story_id)
        story.members.append(k)
        t = _epoch(item.time)
        if t is not None and (story.first is None or t < story.first):
            story.first = t
        self._ids.append(item.article_id)
        self._times.append(t)
        self._sources.append(item.source)
        self._terms.append(item.terms)
        self._markers.append(item.markers)
        self._story.append(story_id)
        self.story_of[item.article_id] = story_id
        self._by_hash.setdefault(item.content_hash, k)
        self.index.add(k, item.signature)
        for term in item.terms:
            if term_weight(term) >= KEY_WEIGHT:
                self._postings.setdefault(term, []).append(k)
        if k >= len(self._vectors):
            grown = np.zeros((2 * len(self._vectors), self._vectors.shape[1]), np.float32)
            grown[: len(self._vectors)] = self._vectors
            self._vectors = grown
        self._has_vector.append(item.embedding is not None)
        if item.embedding is not None:
            self._vectors[k] = item.embedding


def stories_of(assignments: Sequence[Assignment]) -> dict[str, list[str]]:
    out: dict[str, list[str]] = {}
    for a in assignments:
        out.setdefault(a.story_id, []).append(a.article_id)
    return out
