"""Entities and events as the JSON routes and the web pages both answer them: a page of the
entity listing, one entity by id or any spelling, a page of events with the sentence each was
read from. Plain functions over a ``SQLiteStore``; no HTTP here."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from marsad.errors import ConfigError, NotFoundError
from marsad.extract.events import PLOVER_TYPES
from marsad.store.sqlite import SQLiteStore

ENTITY_TYPES: tuple[str, ...] = ("PERS", "ORG", "LOC", "MISC")
EVENT_TYPES: tuple[str, ...] = PLOVER_TYPES
# A sentence longer than this is cut to a window around the trigger and its participants, so
# one run-on "sentence" (a page without full stops) cannot bloat a listing.
MAX_CONTEXT_CHARS = 360
CONTEXT_MARGIN = 90  # characters kept on each side of the trigger/actor/recipient span


def entity_type(value: str | None) -> str | None:
    """``value`` as one of ``ENTITY_TYPES`` (any case), None for no filter; ConfigError else."""
    if value is None or not value.strip():
        return None
    upper = value.strip().upper()
    if upper not in ENTITY_TYPES:
        raise ConfigError(f"unknown entity type {value[:20]!r}; use one of {', '.join(ENTITY_TYPES)}")
    return upper


def event_type(value: str | None) -> str | None:
    """``value`` as one of the PLOVER ``EVENT_TYPES`` (any case), None for no filter."""
    if value is None or not value.strip():
        return None
    upper = value.strip().upper()
    if upper not in EVENT_TYPES:
        raise ConfigError(f"unknown event type {value[:20]!r}; use one of {', '.join(EVENT_TYPES)}")
    return upper


# --- entities ------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityListing:
    type: str | None
    limit: int
    offset: int
    entities: list[dict[str, Any]]
    has_more: bool

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.has_more else None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "limit": self.limit, "offset": self.offset, "next_offset": self.next_offset,
                "entities": self.entities}


def list_entities(store: SQLiteStore, *, type: str | None = None, limit: int = 20, offset: int = 0) -> EntityListing:
    """Entities most written about first (articles, then mentions); one row more is read to tell
    whether another page follows."""
    rows = store.list_entities(type=type, limit=limit + 1, offset=offset)
    return EntityListing(type, limit, offset, rows[:limit], len(rows) > limit)


def entity_document(store: SQLiteStore, name_or_id: str) -> dict[str, Any]:
    """``marsad entity NAME_OR_ID --json``: found by id, Wikidata QID or any alias spelling."""
    return store.get_entity(store.find_entity(name_or_id))


def entity_names(store: SQLiteStore, ids: Iterable[str]) -> dict[str, dict[str, Any]]:
    """``{id: {"name_ar", "name_en", "type"}}`` for the ids that exist, in one query."""
    wanted = sorted({i for i in ids if i})
    out: dict[str, dict[str, Any]] = {}
    for chunk in (wanted[i:i + 500] for i in range(0, len(wanted), 500)):  # SQLite's variable limit
        marks = ", ".join("?" * len(chunk))
        for row in store.db.execute(f"SELECT id, name_ar, name_en, type FROM entities WHERE id IN ({marks})", chunk):
            out[row[0]] = {"name_ar": row[1], "name_en": row[2], "type": row[3]}
    return out


# --- events --------------------------------------------------------------------------------------


def resolve_actor(store: SQLiteStore, actor: str | None) -> str | None:
    """The entity id ``actor`` names (id, QID or any spelling); the text itself when no entity
    has that name, since the event lexicon names some actors it does not link (as the CLI)."""
    if actor is None or not actor.strip():
        return None
    try:
        return store.find_entity(actor.strip())
    except NotFoundError:
        return actor.strip()


@dataclass(frozen=True, slots=True)
class EventListing:
    type: str | None
    actor: str | None  # as asked
    actor_id: str | None  # what it was resolved to
    limit: int
    offset: int
    events: list[dict[str, Any]]
    has_more: bool

    @property
    def next_offset(self) -> int | None:
        return self.offset + self.limit if self.has_more else None

    def to_dict(self) -> dict[str, Any]:
        return {"type": self.type, "actor": self.actor, "actor_id": self.actor_id, "limit": self.limit,
                "offset": self.offset, "next_offset": self.next_offset, "events": self.events}


def list_events(store: SQLiteStore, *, type: str | None = None, actor: str | None = None, limit: int = 20,
                offset: int = 0) -> EventListing:
    """Events newest article first, each with ``context``: the sentence it was read from."""
    actor_id = resolve_actor(store, actor)
    rows = store.list_events(type=type, actor=actor_id, limit=limit + 1, offset=offset)
    page = rows[:limit]
    add_context(store, page)
    return EventListing(type, actor.strip() if actor and actor.strip() else None, actor_id, limit, offset,
                        page, len(rows) > limit)


def add_context(store: SQLiteStore, rows: list[dict[str, Any]]) -> None:
    """Give each event row ``context``: ``{"start", "end", "text", "clipped", "trigger",
    "actor", "recipient"}`` where ``text == body[start:end]`` (the event's sentence, or a window
    of it around the event when it is very long) and the three spans are ``[start, end]`` body
    offsets (null when the event has no such participant). Each article is read once."""
    bodies: dict[str, tuple[str, list[dict[str, Any]]]] = {}
    for row in rows:
        article_id = row["article_id"]
        if article_id not in bodies:
            stored = store.get_article(article_id)
            bodies[article_id] = (stored.article.body, list(stored.layers.get("events") or ()))
        body, layer = bodies[article_id]
        row["context"] = event_context(body, row, layer)


def event_context(body: str, row: dict[str, Any], layer: list[dict[str, Any]]) -> dict[str, Any]:
    """The context of one stored event row, from the article's events layer (which keeps the
    sentence bounds and participant offsets the row lacks)."""
    trigger = (int(row["trigger_start"]), int(row["trigger_end"]))
    found = next((e for e in layer if e.get("type") == row["type"]
                  and (e.get("trigger_start"), e.get("trigger_end")) == trigger), None)
    spans: dict[str, tuple[int, int] | None] = {"trigger": trigger, "actor": None, "recipient": None}
    if found is not None:
        start, end = int(found.get("sentence_start", trigger[0])), int(found.get("sentence_end", trigger[1]))
        for role in ("actor", "recipient"):
            part = found.get(role)
            if part and isinstance(part.get("start"), int) and isinstance(part.get("end"), int):
                spans[role] = (part["start"], part["end"])
    else:  # a layer written by an older version: the line around the trigger
        start = body.rfind("\n", 0, trigger[0]) + 1
        newline = body.find("\n", trigger[1])
        end = len(body) if newline < 0 else newline
    start, end = max(0, min(start, trigger[0])), min(len(body), max(end, trigger[1]))
    clipped = False
    if end - start > MAX_CONTEXT_CHARS:
        inside = [s for s in spans.values() if s is not None and start <= s[0] and s[1] <= end]
        lo = min(s[0] for s in inside) - CONTEXT_MARGIN
        hi = max(s[1] for s in inside) + CONTEXT_MARGIN
        new_start = _word_edge(body, max(start, lo), start, left=True)
        new_end = _word_edge(body, min(end, hi), end, left=False)
        clipped = (new_start, new_end) != (start, end)
        start, end = new_start, new_end
    return {
        "start": start, "end": end, "text": body[start:end], "clipped": clipped,
        **{role: ([s[0], s[1]] if s is not None and start <= s[0] and s[1] <= end else None)
           for role, s in spans.items()},
    }


def _word_edge(body: str, pos: int, limit: int, *, left: bool) -> int:
    """``pos`` moved outwards (towards ``limit``) to the nearest space, so no word is cut."""
    step = -1 if left else 1
    moved = 0
    while pos != limit and moved < 30:
        if (body[pos - 1] if left else body[pos]).isspace():
            return pos
        pos += step
        moved += 1
    return pos
