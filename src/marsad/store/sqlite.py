"""The embedded SQLite backend: WAL mode, recorded migrations, FTS5 over search terms."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from marsad.errors import NotFoundError, StoreError
from marsad.ingest.article import Article, Block
from marsad.store import migrations
from marsad.store._entities import EntityTables
from marsad.store._stories import StoryTables
from marsad.store.base import IndexedArticle, Store, StoredArticle

_ARTICLE_COLUMNS = (
    "id, content_hash, title, body, blocks, source, url, author, published_at, language, "
    "origin, format, layer, footer_removed, extra, ingested_at"
)


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def _fts_phrase(term: str) -> str:
    # Terms are quoted as FTS5 strings so no query syntax (AND, NEAR, *, :) leaks in.
    return '"' + term.replace('"', '""') + '"'


class SQLiteStore(EntityTables, StoryTables, Store):
    """``SQLiteStore(":memory:")`` for tests, a path for real use."""

    def __init__(self, path: str | Path, *, migrate: bool = True) -> None:
        self.path = str(path)
        try:
            # Autocommit mode: transactions are opened explicitly, one per article.
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.execute("PRAGMA foreign_keys=ON")
            self.db.execute("PRAGMA busy_timeout=10000")
        except sqlite3.Error as exc:
            raise StoreError(f"{self.path}: cannot open database: {exc}") from exc
        if migrate:
            self.migrate()

    # -- schema -------------------------------------------------------------------------------
    def migrate(self) -> list[str]:
        try:
            return migrations.migrate(self.db)
        except sqlite3.DatabaseError as exc:
            raise StoreError(f"{self.path}: not a marsad database ({exc})") from exc

    def pending_migrations(self) -> list[str]:
        return migrations.pending(self.db)

    def applied_migrations(self) -> list[str]:
        return migrations.applied(self.db)

    # -- articles -----------------------------------------------------------------------------
    def has_article(self, article_id: str) -> bool:
        return self.db.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None

    def add_article(self, item: IndexedArticle, *, run_id: int | None = None) -> bool:
        a = item.article
        try:
            self.db.execute("BEGIN IMMEDIATE")
            if self.has_article(a.id):
                if run_id is not None:
                    self._log(run_id, a.origin, "known", a.id, None)
                self.db.execute("COMMIT")
                return False
            cur = self.db.execute(
                f"INSERT INTO articles ({_ARTICLE_COLUMNS}) VALUES ({', '.join('?' * 16)})",
                (
                    a.id, a.content_hash, a.title, a.body,
                    json.dumps([b.to_dict() for b in a.blocks], ensure_ascii=False),
                    a.source, a.url, a.author, a.published_at, a.language, a.origin, a.format,
                    a.layer, int(a.footer_removed), json.dumps(a.extra, ensure_ascii=False), _now(),
                ),
            )
            rowid = cur.lastrowid
            self.db.execute(
                "INSERT INTO article_originals (article_id, original) VALUES (?, ?)", (a.id, a.original)
            )
            self.db.execute(
                "INSERT INTO articles_fts (rowid, title, body) VALUES (?, ?, ?)",
                (rowid, " ".join(item.title_terms), " ".join(item.body_terms)),
            )
            self._write_extraction(a.id, item.layers)
            if run_id is not None:
                self._log(run_id, a.origin, "new", a.id, None)
            self.db.execute("COMMIT")
            return True
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"{a.origin}: could not store article {a.id}: {exc}") from exc

    def _row_to_stored(self, row: tuple[Any, ...], original: str = "") -> StoredArticle:
        (aid, chash, title, body, blocks, source, url, author, published_at, language, origin,
         fmt, layer, footer_removed, extra, ingested_at) = row
        article = Article(
            id=aid, title=title, body=body,
            blocks=tuple(Block.from_dict(b) for b in json.loads(blocks)),
            content_hash=chash, source=source, url=url, author=author,
            published_at=published_at, language=language, original=original, origin=origin,
            format=fmt, layer=layer, footer_removed=bool(footer_removed), extra=json.loads(extra),
        )
        return StoredArticle(article=article, ingested_at=ingested_at)

    def get_article(self, article_id: str) -> StoredArticle:
        row = self.db.execute(
            f"SELECT {_ARTICLE_COLUMNS} FROM articles WHERE id = ?", (article_id,)
        ).fetchone()
        if row is None:
            raise NotFoundError(f"no article with id {article_id!r}")
        orig = self.db.execute(
            "SELECT original FROM article_originals WHERE article_id = ?", (article_id,)
        ).fetchone()
        stored = self._row_to_stored(row, orig[0] if orig else "")
        stored.layers.update(self.article_layers(article_id))
        story = self.story_of_article(article_id)
        if story is not None:
            stored.layers["story_id"] = story
        return stored

    def iter_articles(self) -> Iterator[StoredArticle]:
        cur = self.db.execute(f"SELECT {_ARTICLE_COLUMNS} FROM articles ORDER BY rowid")
        for row in cur:
            yield self._row_to_stored(row)

    def match(self, terms: list[str], *, any_term: bool = False, limit: int = 10,
              offset: int = 0) -> list[tuple[StoredArticle, float]]:
        if not terms:
            return []
        query = (" OR " if any_term else " ").join(_fts_phrase(t) for t in dict.fromkeys(terms))
        cols = ", ".join("a." + c.strip() for c in _ARTICLE_COLUMNS.split(","))
        try:
            rows = self.db.execute(
                f"SELECT {cols}, bm25(articles_fts, 2.0, 1.0) AS rank FROM articles_fts "
                "JOIN articles a ON a.rowid = articles_fts.rowid "
                "WHERE articles_fts MATCH ? ORDER BY rank, a.rowid LIMIT ? OFFSET ?",
                (query, limit, offset),
            ).fetchall()
        except sqlite3.Error as exc:
            raise StoreError(f"search failed: {exc}") from exc
        return [(self._row_to_stored(r[:-1]), -float(r[-1])) for r in rows]

    def stats(self) -> dict[str, Any]:
        one = lambda sql: self.db.execute(sql).fetchone()[0]  # noqa: E731
        return {
            "articles": one("SELECT count(*) FROM articles"),
            "distinct_content": one("SELECT count(DISTINCT content_hash) FROM articles"),
            "sources": {
                (s if s is not None else ""): n
                for s, n in self.db.execute(
                    "SELECT source, count(*) FROM articles GROUP BY source ORDER BY count(*) DESC, source"
                )
            },
            "source_missing": one("SELECT count(*) FROM articles WHERE source IS NULL OR source = ''"),
            "languages": dict(self.db.execute(
                "SELECT coalesce(language, ''), count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()),
            "formats": dict(self.db.execute(
                "SELECT format, count(*) FROM articles GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()),
            "published": {
                "first": one("SELECT min(published_at) FROM articles"),
                "last": one("SELECT max(published_at) FROM articles"),
            },
            "ingest_runs": one("SELECT count(*) FROM ingest_runs"),
            "skipped_records": one("SELECT count(DISTINCT origin) FROM ingest_log WHERE status = 'skipped'"),
            "migrations": self.applied_migrations(),
        }

    # -- ingest log ---------------------------------------------------------------------------
    def start_run(self, paths: list[str]) -> int:
        cur = self.db.execute(
            "INSERT INTO ingest_runs (started_at, paths) VALUES (?, ?)",
            (_now(), json.dumps(paths, ensure_ascii=False)),
        )
        return int(cur.lastrowid or 0)

    def _log(self, run_id: int, origin: str, status: str, article_id: str | None,
             reason: str | None) -> None:
        self.db.execute(
            "INSERT INTO ingest_log (run_id, origin, status, article_id, reason, at) VALUES (?, ?, ?, ?, ?, ?)",
            (run_id, origin, status, article_id, reason, _now()),
        )

    def log(self, run_id: int, origin: str, status: str, article_id: str | None = None,
            reason: str | None = None) -> None:
        self._log(run_id, origin, status, article_id, reason)

    def finish_run(self, run_id: int, new: int, known: int, skipped: int) -> None:
        self.db.execute(
            "UPDATE ingest_runs SET finished_at = ?, new = ?, known = ?, skipped = ? WHERE id = ?",
            (_now(), new, known, skipped, run_id),
        )

    def replace_extraction(self, article_id: str, layers: dict[str, Any]) -> None:
        """Swap an article's derived layers for new ones in one transaction (``marsad reindex``)."""
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.clear_extraction(article_id)
            self._write_extraction(article_id, layers)
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"could not re-index article {article_id}: {exc}") from exc

    def close(self) -> None:
        self.db.close()
