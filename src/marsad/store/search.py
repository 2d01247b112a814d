"""Arabic-aware lexical search: the query goes through the same normalization, clitic
splitting and light stemming as the indexed text, BM25 ranks, and the snippet is cut from the
original body around the words that matched."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from marsad.store.base import Store
from marsad.text import search_terms, term_spans

SNIPPET_CHARS = 220


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    source: str | None
    published_at: str | None
    score: float  # higher is better (negated BM25)
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()  # [start, end) of matched words in ``snippet``

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


def lexical_search(store: Store, query: str, *, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """All query terms must match; if nothing does, any term may (still BM25-ranked)."""
    terms = search_terms(query)
    if not terms:
        return []
    rows = store.match(terms, limit=limit, offset=offset)
    if not rows and len(set(terms)) > 1:
        rows = store.match(terms, any_term=True, limit=limit, offset=offset)
    wanted = set(terms)
    return [
        SearchHit(
            id=s.article.id, title=s.article.title, source=s.article.source,
            published_at=s.article.published_at, score=round(score, 4),
            **_snippet(s.article.body or s.article.title, wanted),
        )
        for s, score in rows
    ]


def _snippet(body: str, wanted: set[str]) -> dict[str, Any]:
    """The window of ``SNIPPET_CHARS`` holding the most matched words, with their offsets."""
    hits = [(s, e) for s, e, _ in term_spans(body, only=wanted)]
    if not hits:
        text = body[:SNIPPET_CHARS]
        return {"snippet": text + ("…" if len(body) > SNIPPET_CHARS else ""), "highlights": ()}
    best_start, best_count = hits[0][0], 0
    j = 0
    for i, (s, _) in enumerate(hits):
        while hits[j][0] < s - SNIPPET_CHARS // 3:
            j += 1
        count = sum(1 for hs, he in hits[j:] if hs >= s - SNIPPET_CHARS // 3 and he <= s + SNIPPET_CHARS)
        if count > best_count:
            best_start, best_count = s, count
    start = max(0, best_start - SNIPPET_CHARS // 3)
    while start > 0 and not body[start - 1].isspace():  # do not cut a word in half
        start -= 1
    end = min(len(body), start + SNIPPET_CHARS)
    while end < len(body) and not body[end].isspace():
        end += 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    text = prefix + body[start:end].replace("\n", " ") + suffix
    shift = len(prefix) - start
    highlights = tuple((hs + shift, he + shift) for hs, he in hits if hs >= start and he <= end)
    return {"snippet": text, "highlights": highlights}


# -- semantic and hybrid ----------------------------------------------------------------------

_MATRICES: dict[int, tuple[int, list[str], Any]] = {}


def _embedding_matrix(store: Any) -> tuple[list[str], Any]:
    """All article embeddings as one matrix, cached per store until the count changes."""
    import numpy as np

    from marsad.stories.embed import from_bytes

    count = store.db.execute("SELECT count(*) FROM article_vectors WHERE embedding IS NOT NULL").fetchone()[0]
    cached = _MATRICES.get(id(store))
    if cached and cached[0] == count:
        return cached[1], cached[2]
    ids, blobs = store.embeddings()
    matrix = np.vstack([from_bytes(b) for b in blobs]) if blobs else np.zeros((0, 512), np.float32)
    _MATRICES[id(store)] = (count, ids, matrix)
    return ids, matrix


def semantic_search(store: Any, query: str, *, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """Articles by meaning: cosine between the query's multilingual embedding and each
    article's (title + lead). Works across languages: an English query finds Arabic articles."""
    import numpy as np

    from marsad.stories.embed import embed

    ids, matrix = _embedding_matrix(store)
    if not query.strip() or not ids:
        return []
    sims = matrix @ embed([query])[0]
    top = np.argsort(-sims, kind="stable")[offset: offset + limit]
    wanted = set(search_terms(query))
    hits = []
    for i in top:
        a = store.get_article(ids[i]).article
        hits.append(SearchHit(id=a.id, title=a.title, source=a.source, published_at=a.published_at,
                              score=round(float(sims[i]), 4), **_snippet(a.body or a.title, wanted)))
    return hits


RRF_K = 60  # reciprocal rank fusion constant (Cormack et al. 2009): damps the top ranks' weight


def hybrid_search(store: Any, query: str, *, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """Lexical and semantic ranks merged by reciprocal rank fusion."""
    depth = max(50, offset + limit)
    lexical = lexical_search(store, query, limit=depth)
    semantic = semantic_search(store, query, limit=depth)
    fused: dict[str, float] = {}
    best: dict[str, SearchHit] = {}
    for ranked in (lexical, semantic):
        for rank, hit in enumerate(ranked):
            fused[hit.id] = fused.get(hit.id, 0.0) + 1.0 / (RRF_K + rank + 1)
            best.setdefault(hit.id, hit)
    order = sorted(fused, key=lambda k: (-fused[k], k))[offset: offset + limit]
    return [SearchHit(**{**best[k].to_dict(), "score": round(fused[k], 5),
                         "highlights": best[k].highlights}) for k in order]


MODES = {"lexical": lexical_search, "semantic": semantic_search, "hybrid": hybrid_search}


def search(store: Any, query: str, *, mode: str = "lexical", limit: int = 10, offset: int = 0) -> list[SearchHit]:
    from marsad.errors import ConfigError

    fn = MODES.get(mode)
    if fn is None:
        raise ConfigError(f"unknown search mode {mode!r}; use one of {', '.join(MODES)}")
    return fn(store, query, limit=limit, offset=offset)
