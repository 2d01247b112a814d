"""SQLite persistence for what extraction derives: entities, mentions, events and per-article
layers (quotes, tone, signals). Written inside the article's own transaction."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable
from typing import Any

from marsad.errors import NotFoundError
from marsad.text.normalize import normalize_for_matching

# Layers stored as whole JSON documents per article (events also get queryable rows).
JSON_LAYERS = ("events", "quotes", "tone", "signals")


def _d(obj: Any) -> dict[str, Any]:
    return obj if isinstance(obj, dict) else obj.to_dict()


def _j(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


def _key(name: str) -> str:
    return " ".join(normalize_for_matching(name).split())


class EntityTables:
    db: sqlite3.Connection

    # -- writing (inside add_article's transaction) ---------------------------------------------
    def _write_extraction(self, article_id: str, layers: dict[str, Any]) -> None:
        for ent in layers.get("entities", ()):
            e = _d(ent)
            self.db.execute(
                "INSERT INTO entities (id, type, name_ar, name_en, qid, kind, aliases, roles) "
                "VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT(id) DO UPDATE SET "
                "name_en = coalesce(entities.name_en, excluded.name_en), aliases = excluded.aliases, "
                "roles = excluded.roles",
                (e["id"], e["type"], e["name_ar"], e.get("name_en"), e.get("qid"), e.get("kind"),
                 _j(sorted(set(e.get("aliases") or ()))), _j(list(e.get("roles") or ()))),
            )
        self.db.executemany(
            "INSERT INTO mentions (article_id, entity_id, start, end, text, label, confidence, sentence, via, role) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, m["entity_id"], m["start"], m["end"], m["text"], m["label"],
              round(float(m["confidence"]), 4), m["sentence"], m["via"], m.get("role"))
             for m in map(_d, layers.get("mentions", ()))],
        )
        events = [_d(e) for e in layers.get("events", ())]
        self.db.executemany(
            "INSERT INTO events (article_id, type, actor_id, actor, recipient_id, recipient, trigger, "
            "trigger_start, trigger_end, sentence, date, negated, speculative, confidence) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [(article_id, e["type"], (e.get("actor") or {}).get("entity_id"), (e.get("actor") or {}).get("name"),
              (e.get("recipient") or {}).get("entity_id"), (e.get("recipient") or {}).get("name"),
              e["trigger"], e["trigger_start"], e["trigger_end"], e["sentence"], e.get("date"),
              int(bool(e.get("negated"))), int(bool(e.get("speculative"))), float(e.get("confidence", 1.0)))
             for e in events],
        )
        for name in JSON_LAYERS:
            if name in layers:
                value = layers[name]
                value = [_d(v) for v in value] if isinstance(value, (list, tuple)) else _d(value) if value is not None else None
                self.db.execute(
                    "INSERT OR REPLACE INTO article_layers (article_id, name, value) VALUES (?, ?, ?)",
                    (article_id, name, _j(value)),
                )

    def clear_extraction(self, article_id: str) -> None:
        for table in ("mentions", "events", "article_layers"):
            self.db.execute(f"DELETE FROM {table} WHERE article_id = ?", (article_id,))

    # -- reading ----------------------------------------------------------------------------------
    def article_layers(self, article_id: str) -> dict[str, Any]:
        out: dict[str, Any] = {
            "mentions": [
                {"start": r[0], "end": r[1], "text": r[2], "label": r[3], "entity_id": r[4],
                 "confidence": r[5], "sentence": r[6], "via": r[7], "role": r[8]}
                for r in self.db.execute(
                    "SELECT start, end, text, label, entity_id, confidence, sentence, via, role "
                    "FROM mentions WHERE article_id = ? ORDER BY start", (article_id,))
            ]
        }
        for name, value in self.db.execute(
                "SELECT name, value FROM article_layers WHERE article_id = ? ORDER BY name", (article_id,)):
            out[name] = json.loads(value)
        return out

    def all_entities(self) -> list[dict[str, Any]]:
        return [self._entity_row(r) for r in self.db.execute(
            "SELECT id, type, name_ar, name_en, qid, kind, aliases, roles FROM entities ORDER BY rowid")]

    @staticmethod
    def _entity_row(r: tuple[Any, ...]) -> dict[str, Any]:
        return {"id": r[0], "type": r[1], "name_ar": r[2], "name_en": r[3], "qid": r[4], "kind": r[5],
                "aliases": json.loads(r[6]), "roles": json.loads(r[7])}

    def list_entities(self, *, type: str | None = None, limit: int = 50, offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT e.id, e.type, e.name_ar, e.name_en, e.qid, e.kind, e.aliases, e.roles, "
            "count(*) AS mentions, count(DISTINCT m.article_id) AS articles "
            "FROM mentions m JOIN entities e ON e.id = m.entity_id "
            "WHERE (? IS NULL OR e.type = ?) GROUP BY e.id ORDER BY articles DESC, mentions DESC, e.id "
            "LIMIT ? OFFSET ?", (type, type, limit, offset)).fetchall()
        return [{**self._entity_row(r), "mentions": r[8], "articles": r[9]} for r in rows]

    def find_entity(self, name_or_id: str) -> str:
        """An entity id from an id, a QID, or any alias spelling."""
        row = self.db.execute("SELECT id FROM entities WHERE id = ? OR qid = ?", (name_or_id, name_or_id)).fetchone()
        if row:
            return row[0]
        wanted = _key(name_or_id)
        best: tuple[int, str] | None = None
        for r in self.db.execute("SELECT id, name_ar, name_en, aliases FROM entities"):
            names = [r[1], r[2] or "", *json.loads(r[3])]
            if any(_key(n) == wanted for n in names if n):
                count = self.db.execute("SELECT count(*) FROM mentions WHERE entity_id = ?", (r[0],)).fetchone()[0]
                if best is None or count > best[0]:
                    best = (count, r[0])
        if best is None:
            raise NotFoundError(f"no entity named or with id {name_or_id!r}")
        return best[1]

    def get_entity(self, entity_id: str, *, top: int = 15, articles: int = 20) -> dict[str, Any]:
        row = self.db.execute(
            "SELECT id, type, name_ar, name_en, qid, kind, aliases, roles FROM entities WHERE id = ?",
            (entity_id,)).fetchone()
        if row is None:
            raise NotFoundError(f"no entity with id {entity_id!r}")
        ent = self._entity_row(row)
        counts = self.db.execute(
            "SELECT count(*), count(DISTINCT article_id) FROM mentions WHERE entity_id = ?", (entity_id,)).fetchone()
        per_day = self.db.execute(
            "SELECT substr(coalesce(a.published_at, a.ingested_at), 1, 10) AS day, count(*), "
            "count(DISTINCT a.id) FROM mentions m JOIN articles a ON a.id = m.article_id "
            "WHERE m.entity_id = ? GROUP BY day ORDER BY day", (entity_id,)).fetchall()
        co = self.db.execute(
            "SELECT e.id, e.type, e.name_ar, count(DISTINCT o.article_id) AS n FROM mentions m "
            "JOIN mentions o ON o.article_id = m.article_id AND o.entity_id != m.entity_id "
            "JOIN entities e ON e.id = o.entity_id WHERE m.entity_id = ? "
            "GROUP BY e.id ORDER BY n DESC, e.id LIMIT ?", (entity_id, top)).fetchall()
        arts = self.db.execute(
            "SELECT a.id, a.title, a.source, coalesce(a.published_at, a.ingested_at) AS t, count(*) "
            "FROM mentions m JOIN articles a ON a.id = m.article_id WHERE m.entity_id = ? "
            "GROUP BY a.id ORDER BY t DESC, a.id LIMIT ?", (entity_id, articles)).fetchall()
        surface = self.db.execute(
            "SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text ORDER BY 2 DESC LIMIT 20",
            (entity_id,)).fetchall()
        return {
            **ent, "mentions": counts[0], "articles": counts[1],
            "surface_forms": [{"text": t, "count": n} for t, n in surface],
            "mentions_per_day": [{"day": d, "mentions": n, "articles": na} for d, n, na in per_day],
            "co_occurring": [{"id": i, "type": t, "name_ar": n, "articles": c} for i, t, n, c in co],
            "recent_articles": [{"id": i, "title": ti, "source": s, "time": t, "mentions": n}
                                for i, ti, s, t, n in arts],
        }

    def list_events(self, *, type: str | None = None, actor: str | None = None, limit: int = 50,
                    offset: int = 0) -> list[dict[str, Any]]:
        rows = self.db.execute(
            "SELECT ev.article_id, ev.type, ev.actor_id, ev.actor, ev.recipient_id, ev.recipient, ev.trigger, "
            "ev.trigger_start, ev.trigger_end, ev.sentence, ev.date, ev.negated, ev.speculative, ev.confidence, "
            "a.title, a.source, coalesce(a.published_at, a.ingested_at) FROM events ev "
            "JOIN articles a ON a.id = ev.article_id "
            "WHERE (? IS NULL OR ev.type = ?) AND (? IS NULL OR ev.actor_id = ? OR ev.actor = ?) "
            "ORDER BY coalesce(a.published_at, a.ingested_at) DESC, ev.id LIMIT ? OFFSET ?",
            (type, type, actor, actor, actor, limit, offset)).fetchall()
        keys = ("article_id", "type", "actor_id", "actor", "recipient_id", "recipient", "trigger",
                "trigger_start", "trigger_end", "sentence", "date", "negated", "speculative", "confidence",
                "title", "source", "time")
        out = []
        for r in rows:
            d = dict(zip(keys, r))
            d["negated"], d["speculative"] = bool(d["negated"]), bool(d["speculative"])
            out.append(d)
        return out

    def article_ids(self) -> Iterable[str]:
        return [r[0] for r in self.db.execute("SELECT id FROM articles ORDER BY rowid")]
