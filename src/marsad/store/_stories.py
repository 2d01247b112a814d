"""SQLite persistence for stories: per-article vectors, memberships, copy edges and diffs."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Any

from marsad.errors import NotFoundError, StoreError


@dataclass(frozen=True, slots=True)
class MemberRow:
    article_id: str
    story_id: str
    relation: str
    score: float
    matched: str | None
    parent_article_id: str | None = None
    containment: float | None = None
    edge_kind: str | None = None
    diff: dict[str, Any] | None = None


@dataclass(frozen=True, slots=True)
class StoryRow:
    id: str
    origin_article_id: str | None
    title: str
    size: int
    outlets: int
    first_time: str | None
    last_time: str | None


_TIME = "coalesce(a.published_at, a.ingested_at)"


class StoryTables:
    db: sqlite3.Connection

    def unclustered(self, limit: int) -> list[tuple[str, str, str | None, str, str, str | None, str]]:
        """(id, content_hash, published_at, title, body, source, known time) of articles in no
        story yet, oldest first; the known time falls back to when it was ingested."""
        return self.db.execute(
            f"SELECT a.id, a.content_hash, a.published_at, a.title, a.body, a.source, {_TIME} FROM articles a "
            "LEFT JOIN story_members m ON m.article_id = a.id WHERE m.article_id IS NULL "
            f"ORDER BY {_TIME}, a.id LIMIT ?",
            (limit,),
        ).fetchall()

    def clustered_state(self, bodies_between: tuple[str, str] | None = None
                        ) -> Iterator[tuple[str, str, str | None, str, str | None, str | None, bytes, bytes | None, str]]:
        """(id, content_hash, published_at, title, body, source, signature, embedding, story_id) of
        every clustered article, in the order they were stored. With ``bodies_between`` (two ISO
        times), the body is read only for articles published in that range or undated, None for
        the rest: only those can be rewrite candidates or rivals of new articles, and reading and
        analysing every stored body made each update cost the size of the whole archive."""
        body = "a.body"
        params: tuple[str, ...] = ()
        if bodies_between is not None:
            body = "CASE WHEN a.published_at IS NULL OR a.published_at BETWEEN ? AND ? THEN a.body END"
            params = bodies_between
        yield from self.db.execute(
            f"SELECT a.id, a.content_hash, a.published_at, a.title, {body}, a.source, v.signature, "
            "v.embedding, m.story_id "
            "FROM story_members m JOIN articles a ON a.id = m.article_id "
            "JOIN article_vectors v ON v.article_id = a.id ORDER BY a.rowid",
            params,
        )

    def unclustered_time_range(self) -> tuple[str | None, str | None, int]:
        """(earliest, latest published_at, how many undated) of the articles in no story yet."""
        row = self.db.execute(
            "SELECT min(a.published_at), max(a.published_at), sum(a.published_at IS NULL) FROM articles a "
            "LEFT JOIN story_members m ON m.article_id = a.id WHERE m.article_id IS NULL").fetchone()
        return row[0], row[1], int(row[2] or 0)

    def story_member_texts(self, story_id: str) -> list[tuple[str, str, str | None, str, str, str | None]]:
        """(id, time, source, title, body, published_at) of a story's members; the time falls back
        to when the article was ingested."""
        return self.db.execute(
            f"SELECT a.id, {_TIME}, a.source, a.title, a.body, a.published_at FROM story_members m "
            "JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY a.rowid",
            (story_id,),
        ).fetchall()

    def save_story_batch(self, vectors: Sequence[tuple[str, bytes, str, bytes | None, str | None]],
                         members: Sequence[MemberRow], stories: Sequence[StoryRow]) -> None:
        """One transaction: the batch's vectors and memberships, and the stories they touched
        (rows replaced whole, members' edges included)."""
        now = datetime.now(UTC).isoformat(timespec="seconds")
        try:
            self.db.execute("BEGIN IMMEDIATE")
            self.db.executemany(
                "INSERT OR REPLACE INTO article_vectors (article_id, signature, signature_scheme, "
                "embedding, embedding_model) VALUES (?, ?, ?, ?, ?)", vectors)
            for s in stories:
                self.db.execute(
                    "INSERT OR REPLACE INTO stories (id, origin_article_id, title, size, outlets, "
                    "first_time, last_time, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                    (s.id, s.origin_article_id, s.title, s.size, s.outlets, s.first_time, s.last_time, now))
            self.db.executemany(
                "INSERT OR REPLACE INTO story_members (article_id, story_id, relation, score, matched, "
                "parent_article_id, containment, edge_kind, diff) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                [(m.article_id, m.story_id, m.relation, m.score, m.matched, m.parent_article_id,
                  m.containment, m.edge_kind, json.dumps(m.diff, ensure_ascii=False) if m.diff else None)
                 for m in members])
            self.db.execute("COMMIT")
        except sqlite3.Error as exc:
            if self.db.in_transaction:
                self.db.execute("ROLLBACK")
            raise StoreError(f"could not save stories: {exc}") from exc

    def member_rows(self, story_id: str) -> dict[str, tuple[str, float, str | None]]:
        """article id → (relation, score, matched) as decided when it joined."""
        return {r[0]: (r[1], r[2], r[3]) for r in self.db.execute(
            "SELECT article_id, relation, score, matched FROM story_members WHERE story_id = ?", (story_id,))}

    def list_stories(self, *, limit: int = 20, offset: int = 0, order: str = "size",
                     min_size: int = 1) -> list[dict[str, Any]]:
        order_sql = {"size": "s.size DESC, s.last_time DESC, s.id", "latest": "s.last_time DESC, s.size DESC, s.id"}
        if order not in order_sql:
            raise StoreError(f"unknown story order {order!r}; use size or latest")
        rows = self.db.execute(
            "SELECT s.id, s.title, s.size, s.outlets, s.first_time, s.last_time, s.origin_article_id, "
            "a.source FROM stories s LEFT JOIN articles a ON a.id = s.origin_article_id "
            f"WHERE s.size >= ? ORDER BY {order_sql[order]} LIMIT ? OFFSET ?",
            (min_size, limit, offset)).fetchall()
        return [{"id": r[0], "title": r[1], "size": r[2], "outlets": r[3], "first_time": r[4],
                 "last_time": r[5], "origin": {"id": r[6], "source": r[7]}} for r in rows]

    def get_story(self, story_id: str) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT id, title, size, outlets, first_time, last_time, origin_article_id FROM stories WHERE id = ?",
            (story_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no story with id {story_id!r}")
        members = [
            {"id": r[0], "title": r[1], "source": r[2], "time": r[3], "url": r[4], "relation": r[5],
             "score": r[6], "parent": r[7], "containment": r[8], "edge_kind": r[9],
             "diff": json.loads(r[10]) if r[10] else None, "origin": r[0] == row[6]}
            for r in self.db.execute(
                f"SELECT a.id, a.title, a.source, {_TIME}, a.url, m.relation, m.score, "
                "m.parent_article_id, m.containment, m.edge_kind, m.diff FROM story_members m "
                f"JOIN articles a ON a.id = m.article_id WHERE m.story_id = ? ORDER BY {_TIME}, a.id",
                (story_id,))
        ]
        return {"id": row[0], "title": row[1], "size": row[2], "outlets": row[3], "first_time": row[4],
                "last_time": row[5], "origin": row[6], "members": members,
                "edges": [{"child": m["id"], "parent": m["parent"], "kind": m["edge_kind"],
                           "containment": m["containment"]} for m in members if m["parent"]]}

    def story_of_article(self, article_id: str) -> str | None:
        r = self.db.execute("SELECT story_id FROM story_members WHERE article_id = ?", (article_id,)).fetchone()
        return r[0] if r else None

    def embeddings(self) -> tuple[list[str], list[bytes]]:
        rows = self.db.execute(
            "SELECT article_id, embedding FROM article_vectors WHERE embedding IS NOT NULL ORDER BY article_id"
        ).fetchall()
        return [r[0] for r in rows], [r[1] for r in rows]
