"""Schema migrations as named steps, each run in its own transaction and recorded in
``_marsad_migrations``, so running them again is a no-op. New steps are appended; a step is
never edited once released (databases out there have recorded it)."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

from marsad.errors import StoreError


@dataclass(frozen=True, slots=True)
class Migration:
    name: str
    apply: Callable[[sqlite3.Connection], None]


MIGRATIONS: list[Migration] = []


def migration(name: str) -> Callable[[Callable[[sqlite3.Connection], None]], Callable[[sqlite3.Connection], None]]:
    def register(fn: Callable[[sqlite3.Connection], None]) -> Callable[[sqlite3.Connection], None]:
        if any(m.name == name for m in MIGRATIONS):
            raise StoreError(f"migration {name!r} is defined twice")
        MIGRATIONS.append(Migration(name, fn))
        return fn

    return register


def run_script(db: sqlite3.Connection, script: str) -> None:
    """Execute statements one by one: ``executescript`` would commit the step's transaction."""
    statement = ""
    for line in script.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement)
            statement = ""
    if statement.strip():
        db.execute(statement)


@migration("0001_articles")
def _articles(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        CREATE TABLE articles (
            rowid INTEGER PRIMARY KEY,
            id TEXT NOT NULL UNIQUE,
            content_hash TEXT NOT NULL,
            title TEXT NOT NULL,
            body TEXT NOT NULL,
            blocks TEXT NOT NULL,            -- JSON list of {kind, text, start, end}
            source TEXT,
            url TEXT,
            author TEXT,
            published_at TEXT,
            language TEXT,
            origin TEXT NOT NULL,
            format TEXT NOT NULL,
            layer TEXT NOT NULL,
            footer_removed INTEGER NOT NULL DEFAULT 0,
            extra TEXT NOT NULL DEFAULT '{}',
            ingested_at TEXT NOT NULL
        );
        CREATE INDEX articles_content_hash ON articles(content_hash);
        CREATE INDEX articles_source ON articles(source);
        CREATE INDEX articles_published_at ON articles(published_at);

        CREATE TABLE article_originals (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            original TEXT NOT NULL
        );

        CREATE TABLE ingest_runs (
            id INTEGER PRIMARY KEY,
            started_at TEXT NOT NULL,
            finished_at TEXT,
            paths TEXT NOT NULL,
            new INTEGER NOT NULL DEFAULT 0,
            known INTEGER NOT NULL DEFAULT 0,
            skipped INTEGER NOT NULL DEFAULT 0
        );

        CREATE TABLE ingest_log (
            id INTEGER PRIMARY KEY,
            run_id INTEGER NOT NULL REFERENCES ingest_runs(id),
            origin TEXT NOT NULL,
            status TEXT NOT NULL CHECK (status IN ('new', 'known', 'skipped')),
            article_id TEXT,
            reason TEXT,
            at TEXT NOT NULL
        );
        CREATE INDEX ingest_log_run ON ingest_log(run_id);

        -- Full-text index over normalized, clitic-split, light-stemmed terms (see
        -- marsad.text.search_terms); SQLite's own tokenizer never sees raw Arabic.
        CREATE VIRTUAL TABLE articles_fts USING fts5(
            title, body, tokenize = "unicode61 remove_diacritics 0"
        );
        """
    )


def applied(db: sqlite3.Connection) -> list[str]:
    db.execute(
        "CREATE TABLE IF NOT EXISTS _marsad_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)"
    )
    return [r[0] for r in db.execute("SELECT name FROM _marsad_migrations ORDER BY name")]


def pending(db: sqlite3.Connection) -> list[str]:
    done = set(applied(db))
    return [m.name for m in MIGRATIONS if m.name not in done]


def migrate(db: sqlite3.Connection) -> list[str]:
    """Apply every pending step; returns the names applied now."""
    done = set(applied(db))
    ran: list[str] = []
    for m in MIGRATIONS:
        if m.name in done:
            continue
        try:
            db.execute("BEGIN IMMEDIATE")
            # Another process may have migrated while we waited for the lock.
            if db.execute("SELECT 1 FROM _marsad_migrations WHERE name = ?", (m.name,)).fetchone():
                db.execute("COMMIT")
                continue
            m.apply(db)
            db.execute(
                "INSERT INTO _marsad_migrations (name, applied_at) VALUES (?, ?)",
                (m.name, datetime.now(UTC).isoformat(timespec="seconds")),
            )
            db.execute("COMMIT")
        except sqlite3.Error as exc:
            if db.in_transaction:
                db.execute("ROLLBACK")
            raise StoreError(f"migration {m.name} failed: {exc}") from exc
        ran.append(m.name)
    return ran


@migration("0002_stories")
def _stories(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        -- Per-article representations for near-duplicate search, clustering and semantic search.
        CREATE TABLE article_vectors (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            signature BLOB NOT NULL,      -- MinHash, uint32 little-endian
            signature_scheme TEXT NOT NULL,
            embedding BLOB,               -- float32 little-endian, L2-normalized
            embedding_model TEXT
        );

        CREATE TABLE stories (
            id TEXT PRIMARY KEY,
            origin_article_id TEXT REFERENCES articles(id),
            title TEXT NOT NULL,
            size INTEGER NOT NULL,
            outlets INTEGER NOT NULL,
            first_time TEXT,
            last_time TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX stories_last_time ON stories(last_time);

        CREATE TABLE story_members (
            article_id TEXT PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
            story_id TEXT NOT NULL REFERENCES stories(id),
            relation TEXT NOT NULL,       -- founder | exact | near | rewrite
            score REAL NOT NULL,
            matched TEXT,                 -- the article that decided the assignment
            parent_article_id TEXT,       -- copy graph: the member it most likely derives from
            containment REAL,
            edge_kind TEXT,               -- copy | rewrite
            diff TEXT                     -- JSON sentence diff against the parent
        );
        CREATE INDEX story_members_story ON story_members(story_id);
        """,
    )


@migration("0003_extraction")
def _extraction(db: sqlite3.Connection) -> None:
    run_script(
        db,
        """
        -- Canonical entities (registry entities are written when first mentioned).
        CREATE TABLE entities (
            id TEXT PRIMARY KEY,
            type TEXT NOT NULL,
            name_ar TEXT NOT NULL,
            name_en TEXT,
            qid TEXT,
            kind TEXT,
            aliases TEXT NOT NULL DEFAULT '[]',   -- JSON list
            roles TEXT NOT NULL DEFAULT '[]'      -- JSON list
        );

        CREATE TABLE mentions (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            entity_id TEXT,
            start INTEGER NOT NULL,
            end INTEGER NOT NULL,
            text TEXT NOT NULL,
            label TEXT NOT NULL,
            confidence REAL NOT NULL,
            sentence INTEGER NOT NULL,
            via TEXT NOT NULL,
            role TEXT
        );
        CREATE INDEX mentions_entity ON mentions(entity_id, article_id);
        CREATE INDEX mentions_article ON mentions(article_id);

        -- Everything else extraction derives, per article, as JSON documents.
        CREATE TABLE article_layers (
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            name TEXT NOT NULL,
            value TEXT NOT NULL,
            PRIMARY KEY (article_id, name)
        );

        CREATE TABLE events (
            id INTEGER PRIMARY KEY,
            article_id TEXT NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
            type TEXT NOT NULL,
            actor_id TEXT,
            actor TEXT,
            recipient_id TEXT,
            recipient TEXT,
            trigger TEXT NOT NULL,
            trigger_start INTEGER NOT NULL,
            trigger_end INTEGER NOT NULL,
            sentence INTEGER NOT NULL,
            date TEXT,
            negated INTEGER NOT NULL,
            speculative INTEGER NOT NULL,
            confidence REAL NOT NULL
        );
        CREATE INDEX events_type ON events(type);
        CREATE INDEX events_actor ON events(actor_id);
        CREATE INDEX events_recipient ON events(recipient_id);
        CREATE INDEX events_article ON events(article_id);
        CREATE INDEX articles_language ON articles(language);
        CREATE INDEX articles_format ON articles(format);
        """,
    )
