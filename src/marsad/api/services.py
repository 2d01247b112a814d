"""What the JSON routes and the web pages both answer, computed once: filtered search with
facets, and the stats document. Plain functions over a ``SQLiteStore``; no HTTP here."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from marsad.errors import ConfigError
from marsad.store import queries
from marsad.store.queries import ArticleFilter
from marsad.store.search import SearchHit, lexical_search
from marsad.store.sqlite import SQLiteStore
from marsad.text import search_terms


@dataclass(frozen=True, slots=True)
class Facets:
    sources: list[tuple[str, int]] = field(default_factory=list)  # "" = source missing
    days: list[tuple[str, int]] = field(default_factory=list)
    entities: list[tuple[str, str, str, int]] = field(default_factory=list)  # (id, name, type, articles)

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": [{"source": s, "articles": n} for s, n in self.sources],
            "day": [{"day": d, "articles": n} for d, n in self.days],
            "entity": [{"id": i, "name_ar": name, "type": t, "articles": n} for i, name, t, n in self.entities],
        }


@dataclass(frozen=True, slots=True)
class SearchResult:
    query: str
    mode: str
    match: str | None  # "all": every term matched; "any": nothing matched all, so any term may
    total: int | None  # None where the mode ranks every article (semantic, hybrid)
    limit: int
    offset: int
    filters: ArticleFilter
    hits: list[SearchHit]
    facets: Facets | None = None

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {
            "query": self.query, "mode": self.mode, "match": self.match,
            "limit": self.limit, "offset": self.offset, "total": self.total,
            "filters": self.filters.to_dict(), "hits": [h.to_dict() for h in self.hits],
        }
        if self.facets is not None:
            data["facets"] = self.facets.to_dict()
        return data


def lexical(store: SQLiteStore, query: str, filters: ArticleFilter, *, limit: int, offset: int,
            facets: bool = False) -> SearchResult:
    """Arabic-aware BM25 (``marsad.store.search``), within ``filters``. Like the CLI, all terms
    must match unless none does; the choice is made on the whole result, not per page."""
    terms = search_terms(query)
    total = queries.count_matches(store, terms, filters)
    any_term = total == 0 and len(set(terms)) > 1
    if any_term:
        total = queries.count_matches(store, terms, filters, any_term=True)
    hits = lexical_search(queries.ScopedMatcher(store, filters, any_term=any_term),  # type: ignore[arg-type]
                          query, limit=limit, offset=offset) if total > offset else []
    found = None
    if facets:
        found = Facets(
            sources=queries.source_counts(store, terms, filters.without_sources(), any_term=any_term) if terms else [],
            days=queries.day_counts(store, terms, ArticleFilter(filters.sources), any_term=any_term) if terms else [],
            entities=queries.entity_counts(store, terms, filters, any_term=any_term) if terms else [],
        )
    return SearchResult(query, "lexical", "any" if any_term else "all", total, limit, offset, filters,
                        hits, found)


SearchFn = Callable[..., SearchResult]


@dataclass(frozen=True, slots=True)
class SearchMode:
    name: str
    run: SearchFn
    filters: bool  # takes outlet/date filters and facets
    exclusive: bool = False  # wants the pool's dedicated connection (its embedding cache)


def _whole_collection(name: str) -> SearchFn:
    """A store-level mode (``marsad.store.search.search``) that ranks every article and takes
    no filters."""

    def run(store: SQLiteStore, query: str, filters: ArticleFilter, *, limit: int, offset: int,
            facets: bool = False) -> SearchResult:
        from marsad.store.search import search

        if filters.active:
            raise ConfigError(f"search mode {name!r} ranks the whole collection and takes no outlet or date "
                              "filters; use mode=lexical to filter")
        hits = search(store, query, mode=name, limit=limit, offset=offset)
        return SearchResult(query, name, None, None, limit, offset, filters, hits, None)

    return run


def _available_modes() -> dict[str, SearchMode]:
    from marsad.store import search

    modes = {"lexical": SearchMode("lexical", lexical, filters=True)}
    # Semantic and hybrid exist where the store's search offers them (they need the embeddings
    # that story clustering computes; without any, they find nothing).
    for name in ("semantic", "hybrid"):
        if name in getattr(search, "MODES", {}):
            modes[name] = SearchMode(name, _whole_collection(name), filters=False, exclusive=True)
    return modes


SEARCH_MODES: dict[str, SearchMode] = _available_modes()


def stats_document(store: SQLiteStore) -> dict[str, Any]:
    """``marsad stats --json`` plus articles per day."""
    data = store.stats()
    data["by_day"] = [{"day": d, "articles": n} for d, n in queries.day_counts(store)]
    return data
