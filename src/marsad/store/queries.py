"""Read-only queries the API and web pages need beyond the ``Store`` interface: filtered and
paginated listings, filtered full-text matches, facet counts. SQLite only, parameterized SQL
only; every function takes a ``SQLiteStore`` and never writes."""

from __future__ import annotations

import base64
import binascii
import json
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from marsad.errors import ConfigError
from marsad.store.base import StoredArticle
from marsad.store.sqlite import SQLiteStore

EXCERPT_CHARS = 240

# Newest first; undated articles sort last, ties broken by storage order (newest first).
_SORT_KEY = "coalesce(a.published_at, '')"


@dataclass(frozen=True, slots=True)
class ArticleFilter:
    """Outlets (any of), an inclusive date range on ``published_at`` (its first 10 chars), and
    entities (ids or QIDs; every one must be mentioned)."""

    sources: tuple[str, ...] = ()
    date_from: date | None = None
    date_to: date | None = None
    entities: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.date_from and self.date_to and self.date_from > self.date_to:
            raise ConfigError(f"date range is empty: from {self.date_from} is after to {self.date_to}")

    @property
    def active(self) -> bool:
        return bool(self.sources or self.date_from or self.date_to or self.entities)

    def without_sources(self) -> ArticleFilter:
        return ArticleFilter((), self.date_from, self.date_to, self.entities)

    def sql(self, alias: str = "a") -> tuple[str, list[Any]]:
        """``AND …`` conditions (or ``""``) and their parameters."""
        parts: list[str] = []
        params: list[Any] = []
        if self.sources:
            parts.append(f"{alias}.source IN ({', '.join('?' * len(self.sources))})")
            params.extend(self.sources)
        # ISO strings compare in date order, whatever precision follows the date.
        if self.date_from:
            parts.append(f"{alias}.published_at >= ?")
            params.append(self.date_from.isoformat())
        if self.date_to:
            parts.append(f"{alias}.published_at < ?")
            params.append((self.date_to + timedelta(days=1)).isoformat())
        for entity in self.entities:
            parts.append(f"EXISTS (SELECT 1 FROM mentions fm JOIN entities fe ON fe.id = fm.entity_id "
                         f"WHERE fm.article_id = {alias}.id AND (fe.id = ? OR fe.qid = ?))")
            params.extend([entity, entity])
        return "".join(" AND " + p for p in parts), params

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": list(self.sources),
            "from": self.date_from.isoformat() if self.date_from else None,
            "to": self.date_to.isoformat() if self.date_to else None,
            "entity": list(self.entities),
        }


@dataclass(frozen=True, slots=True)
class ArticleSummary:
    id: str
    title: str
    source: str | None
    url: str | None
    author: str | None
    published_at: str | None
    language: str | None
    ingested_at: str
    excerpt: str

    @property
    def source_missing(self) -> bool:
        return not self.source

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id, "title": self.title, "source": self.source,
            "source_missing": self.source_missing, "url": self.url, "author": self.author,
            "published_at": self.published_at, "language": self.language,
            "ingested_at": self.ingested_at, "excerpt": self.excerpt,
        }


@dataclass(frozen=True, slots=True)
class ArticlePage:
    articles: list[ArticleSummary]
    total: int
    next_cursor: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)


# -- cursors ---------------------------------------------------------------------------------
def encode_cursor(sort_key: str, rowid: int) -> str:
    raw = json.dumps([sort_key, rowid], ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_cursor(cursor: str) -> tuple[str, int]:
    """The position a listing stopped at; ``ConfigError`` for anything not made by us."""
    try:
        raw = base64.urlsafe_b64decode(cursor + "=" * (-len(cursor) % 4))
        key, rowid = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError, TypeError, UnicodeDecodeError) as exc:
        raise ConfigError(f"invalid cursor {cursor[:40]!r}: pass back a next_cursor value") from exc
    if not isinstance(key, str) or not isinstance(rowid, int) or isinstance(rowid, bool):
        raise ConfigError(f"invalid cursor {cursor[:40]!r}: pass back a next_cursor value")
    return key, rowid


# -- listings --------------------------------------------------------------------------------
def list_articles(store: SQLiteStore, filters: ArticleFilter = ArticleFilter(), *, limit: int = 20,
                  offset: int = 0, cursor: str | None = None) -> ArticlePage:
    """Newest first. Either ``offset`` (page numbers) or ``cursor`` (stable while ingesting)."""
    where, params = filters.sql()
    keyset = ""
    keyset_params: list[Any] = []
    if cursor is not None:
        key, rowid = decode_cursor(cursor)
        keyset = f" AND ({_SORT_KEY}, a.rowid) < (?, ?)"
        keyset_params = [key, rowid]
        offset = 0
    rows = store.db.execute(
        f"SELECT a.rowid, {_SORT_KEY}, a.id, a.title, a.source, a.url, a.author, a.published_at, "
        f"a.language, a.ingested_at, substr(a.body, 1, ?) FROM articles a WHERE 1=1{where}{keyset} "
        f"ORDER BY {_SORT_KEY} DESC, a.rowid DESC LIMIT ? OFFSET ?",
        [EXCERPT_CHARS + 1, *params, *keyset_params, limit + 1, offset],
    ).fetchall()
    more = len(rows) > limit
    rows = rows[:limit]
    total = store.db.execute(f"SELECT count(*) FROM articles a WHERE 1=1{where}", params).fetchone()[0]
    next_cursor = encode_cursor(rows[-1][1], rows[-1][0]) if more and rows else None
    return ArticlePage([_summary(r[2:]) for r in rows], total, next_cursor)


def _summary(row: tuple[Any, ...]) -> ArticleSummary:
    aid, title, source, url, author, published_at, language, ingested_at, head = row
    excerpt = " ".join(head[:EXCERPT_CHARS].split())
    if len(head) > EXCERPT_CHARS:
        excerpt += "…"
    return ArticleSummary(aid, title, source, url, author, published_at, language, ingested_at, excerpt)


def article_ids(store: SQLiteStore, limit: int = 1000) -> list[str]:
    """Some stored ids, in storage order (benchmarks, smoke checks)."""
    return [r[0] for r in store.db.execute("SELECT id FROM articles ORDER BY rowid LIMIT ?", (limit,))]


# -- full-text matches with filters ----------------------------------------------------------
def fts_query(terms: list[str], *, any_term: bool = False) -> str:
    """Terms quoted as FTS5 strings, so no query syntax (AND, NEAR, *, :) leaks in."""
    quoted = ('"' + t.replace('"', '""') + '"' for t in dict.fromkeys(terms))
    return (" OR " if any_term else " ").join(quoted)


def match_ids(store: SQLiteStore, terms: list[str], filters: ArticleFilter = ArticleFilter(), *,
              any_term: bool = False, limit: int = 10, offset: int = 0) -> list[tuple[str, float]]:
    """``(article id, score)`` best first, scored like ``SQLiteStore.match`` (negated BM25,
    title weighted 2), restricted by ``filters``."""
    if not terms:
        return []
    where, params = filters.sql()
    rows = store.db.execute(
        "SELECT a.id, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts "
        "JOIN articles a ON a.rowid = articles_fts.rowid "
        f"WHERE articles_fts MATCH ?{where} ORDER BY rank, a.rowid LIMIT ? OFFSET ?",
        [fts_query(terms, any_term=any_term), *params, limit, offset],
    ).fetchall()
    return [(aid, -float(rank)) for aid, rank in rows]


def count_matches(store: SQLiteStore, terms: list[str], filters: ArticleFilter = ArticleFilter(), *,
                  any_term: bool = False) -> int:
    if not terms:
        return 0
    where, params = filters.sql()
    return store.db.execute(
        "SELECT count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
        f"WHERE articles_fts MATCH ?{where}",
        [fts_query(terms, any_term=any_term), *params],
    ).fetchone()[0]


class ScopedMatcher:
    """Stands in for a store in ``lexical_search``: ``match`` answers within ``filters`` and
    with the all/any-terms mode chosen up front (so counts, facets and hits agree)."""

    def __init__(self, store: SQLiteStore, filters: ArticleFilter, *, any_term: bool) -> None:
        self.store = store
        self.filters = filters
        self.any_term = any_term

    def match(self, terms: list[str], *, any_term: bool = False, limit: int = 10,
              offset: int = 0) -> list[tuple[StoredArticle, float]]:
        del any_term  # the mode was decided by the caller, see the class docstring
        found = match_ids(self.store, terms, self.filters, any_term=self.any_term, limit=limit, offset=offset)
        return [(self.store.get_article(aid), score) for aid, score in found]


# -- facets ----------------------------------------------------------------------------------
def source_counts(store: SQLiteStore, terms: list[str] | None = None,
                  filters: ArticleFilter = ArticleFilter(), *, any_term: bool = False) -> list[tuple[str, int]]:
    """Articles per outlet (``""`` = source missing), most first; within a full-text match when
    ``terms`` are given. Pass filters without ``sources`` to count every outlet on offer."""
    where, params = filters.sql()
    if terms:
        sql = ("SELECT coalesce(a.source, ''), count(*) FROM articles_fts "
               "JOIN articles a ON a.rowid = articles_fts.rowid "
               f"WHERE articles_fts MATCH ?{where} GROUP BY 1 ORDER BY 2 DESC, 1")
        params = [fts_query(terms, any_term=any_term), *params]
    else:
        sql = f"SELECT coalesce(a.source, ''), count(*) FROM articles a WHERE 1=1{where} GROUP BY 1 ORDER BY 2 DESC, 1"
    return [(s, n) for s, n in store.db.execute(sql, params)]


def day_counts(store: SQLiteStore, terms: list[str] | None = None,
               filters: ArticleFilter = ArticleFilter(), *, any_term: bool = False) -> list[tuple[str, int]]:
    """Dated articles per day (``YYYY-MM-DD``), oldest first; undated ones are left out."""
    where, params = filters.sql()
    day = "substr(a.published_at, 1, 10)"
    if terms:
        sql = (f"SELECT {day}, count(*) FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
               f"WHERE articles_fts MATCH ? AND a.published_at IS NOT NULL{where} GROUP BY 1 ORDER BY 1")
        params = [fts_query(terms, any_term=any_term), *params]
    else:
        sql = f"SELECT {day}, count(*) FROM articles a WHERE a.published_at IS NOT NULL{where} GROUP BY 1 ORDER BY 1"
    return [(d, n) for d, n in store.db.execute(sql, params) if _is_day(d)]


def entity_counts(store: SQLiteStore, terms: list[str] | None = None,
                  filters: ArticleFilter = ArticleFilter(), *, any_term: bool = False,
                  limit: int = 12) -> list[tuple[str, str, str, int]]:
    """The entities most often mentioned in the matching articles: (id, Arabic name, type,
    articles), most first."""
    where, params = filters.sql()
    if terms:
        scope = ("SELECT a.id FROM articles_fts JOIN articles a ON a.rowid = articles_fts.rowid "
                 f"WHERE articles_fts MATCH ?{where}")
        params = [fts_query(terms, any_term=any_term), *params]
    else:
        scope = f"SELECT a.id FROM articles a WHERE 1=1{where}"
    sql = ("SELECT e.id, e.name_ar, e.type, count(DISTINCT m.article_id) AS n FROM mentions m "
           f"JOIN entities e ON e.id = m.entity_id WHERE m.article_id IN ({scope}) "
           "GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?")
    return [tuple(r) for r in store.db.execute(sql, [*params, limit])]  # type: ignore[misc]


def _is_day(text: str) -> bool:
    try:
        date.fromisoformat(text)
    except ValueError:
        return False
    return True
