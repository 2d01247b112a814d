"""The registry of canonical entities: countries, cities, regions, organisations, and their names.

Loaded from the committed tables in ``marsad/extract/data/`` (built by
``scripts/build_entity_tables.py``). Every name is indexed by its tuple of normalized words, so
finding the names in a text is one dict lookup per word and candidate length, never a regex per
entity. A name maps to one or more ``AliasEntry``: several when it is ambiguous (عمان is Oman and
Amman), and an entry with no entity for a blocking phrase (مجلس الأمن القومي).
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from marsad.errors import ModelError
from marsad.extract.records import Entity, EntityType

from .keys import WORD, norm_token

__all__ = ["AliasEntry", "Registry", "load_registry", "words_of_name"]

DATA_DIR = Path(__file__).resolve().parents[1] / "data"
TABLES = ("countries.json", "cities.json", "actors.json")
DEMONYMS = "demonyms.json"
TABLE_VERSION = 1
# Where a name is ambiguous, the order of the tables is the prior: a country before a city.
_KIND_PRIOR = {"country": 0, "region": 1, "organisation": 2, "government": 3, "water": 4, "city": 5}


@dataclass(frozen=True, slots=True)
class AliasEntry:
    """What one name stands for."""

    entity_id: str | None  # None: a phrase that blocks shorter names inside it
    auto: bool  # may be linked where the recognizer saw nothing; else only on a recognizer span
    via: str = "gazetteer"  # "gazetteer" for names, "demonym" for adjectives and nationals
    geo: bool = False  # a demonym that is also a compass word (الغربية), see linker


def words_of_name(name: str) -> tuple[str, ...]:
    """The normalized words of a name, as the scanner sees them in text."""
    return tuple(norm_token(m.group()) for m in WORD.finditer(name))


class Registry:
    """Canonical entities and an index from normalized word tuples to ``AliasEntry`` lists."""

    def __init__(self) -> None:
        self._entities: dict[str, Entity] = {}
        self._country_of: dict[str, str] = {}
        self._index: dict[tuple[str, ...], list[AliasEntry]] = {}
        self._max_words: dict[str, int] = {}
        self._demonym_words: set[str] = set()
        self._population: dict[str, int] = {}
        self.scan_memo: dict[str, tuple] = {}  # scan.py's per-word cache; reset when names change

    # -- building ---------------------------------------------------------------------------

    def add_entity(self, entity: Entity, *, auto_names: Iterable[str] = (), ner_names: Iterable[str] = (),
                   country: str | None = None) -> None:
        """Register ``entity`` under its names; ``auto_names`` may be linked without the recognizer."""
        self._entities[entity.id] = entity
        if country:
            self._country_of[entity.id] = country
        for name in auto_names:
            self.add_name(name, AliasEntry(entity.id, True))
        for name in ner_names:
            self.add_name(name, AliasEntry(entity.id, False))

    def add_name(self, name: str, entry: AliasEntry, *, normalized: bool = False) -> None:
        words = tuple(name.split()) if normalized else words_of_name(name)
        if not words:
            return
        self.scan_memo.clear()
        entries = self._index.setdefault(words, [])
        if any(e.entity_id == entry.entity_id for e in entries):
            # The same name twice for one entity: keep the most permissive reading.
            if entry.auto:
                entries[:] = [AliasEntry(e.entity_id, True, e.via, e.geo) if e.entity_id == entry.entity_id else e
                              for e in entries]
            return
        entries.append(entry)
        if len(words) > self._max_words.get(words[0], 0):
            self._max_words[words[0]] = len(words)
        if entry.via == "demonym" and len(words) == 1:
            self._demonym_words.add(words[0])

    @classmethod
    def from_tables(cls, data_dir: Path = DATA_DIR) -> Registry:
        """Load the committed tables; ``ModelError`` if one is missing or of another version."""
        registry = cls()
        for name in TABLES:
            table = _read_table(data_dir / name)
            for row in table.get("entities", []):
                entity = Entity(
                    id=row["id"], type=row["type"], name_ar=row["name_ar"],
                    aliases=tuple(row["aliases"]) + tuple(n for n in row["ner_aliases"] if not n.isascii()),
                    name_en=row.get("name_en"), qid=row.get("qid"), kind=row.get("kind"),
                )
                country = row.get("country") or (row["id"] if row.get("kind") == "country" else None)
                if row.get("population"):
                    registry._population[row["id"]] = row["population"]
                name_auto = row.get("auto", True)
                registry.add_entity(entity, auto_names=[row["name_ar"]] * name_auto + row["aliases"],
                                    ner_names=[row["name_ar"]] * (not name_auto) + row["ner_aliases"],
                                    country=country)
            for blocker in table.get("blockers", []):
                registry.add_name(blocker, AliasEntry(None, True))
        demonyms = _read_table(data_dir / DEMONYMS)
        geo = set(demonyms.get("geo", ()))
        ner_only = set(demonyms.get("ner_only", ()))
        for entity_id, forms in demonyms["entities"].items():
            if entity_id not in registry._entities:
                continue
            for form in forms:
                entry = AliasEntry(entity_id, form not in ner_only, "demonym", form in geo)
                registry.add_name(form, entry, normalized=True)
        registry._order_ambiguous()
        return registry

    def _order_ambiguous(self) -> None:
        """Sort each ambiguous entry list so that the first entry is the prior reading: names the
        gazetteer may link first, then countries before regions, bodies and cities, then the
        larger city."""
        def prior(entry: AliasEntry) -> tuple[bool, int, int]:
            entity = self._entities.get(entry.entity_id) if entry.entity_id else None
            kind_rank = _KIND_PRIOR.get(entity.kind or "", 9) if entity else 9
            return (not entry.auto, kind_rank, -self._population.get(entry.entity_id or "", 0))

        for entries in self._index.values():
            if len(entries) > 1:
                entries.sort(key=prior)

    # -- lookups ----------------------------------------------------------------------------

    def lookup(self, words: tuple[str, ...]) -> list[AliasEntry]:
        """Entries for a tuple of normalized words (empty when unknown)."""
        return self._index.get(words, [])

    def max_words(self, first_word: str) -> int:
        """Longest name (in words) that starts with ``first_word``; 0 when none does."""
        return self._max_words.get(first_word, 0)

    def is_demonym(self, word: str) -> bool:
        return word in self._demonym_words

    def find(self, name: str, entity_type: EntityType | None = None) -> Entity | None:
        """The entity a whole name stands for (prior reading), or None."""
        for entry in self.lookup(words_of_name(name)):
            entity = self._entities.get(entry.entity_id) if entry.entity_id else None
            if entity is not None and (entity_type is None or entity.type == entity_type):
                return entity
        return None

    def get(self, entity_id: str) -> Entity | None:
        return self._entities.get(entity_id)

    def entity(self, entity_id: str) -> Entity:
        return self._entities[entity_id]

    def country_of(self, entity_id: str) -> str | None:
        """The country entity id a place or body belongs to (a country is its own)."""
        return self._country_of.get(entity_id)

    def __contains__(self, entity_id: object) -> bool:
        return entity_id in self._entities

    def __len__(self) -> int:
        return len(self._entities)

    def __iter__(self) -> Iterator[Entity]:
        return iter(self._entities.values())


def _read_table(path: Path) -> dict:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"entity table {path} is missing or unreadable ({exc}); "
                         "rebuild it with scripts/build_entity_tables.py") from exc
    if data.get("version") != TABLE_VERSION:
        raise ModelError(f"entity table {path} has version {data.get('version')!r}, expected {TABLE_VERSION}; "
                         "rebuild it with scripts/build_entity_tables.py")
    return data


@lru_cache(maxsize=1)
def load_registry() -> Registry:
    """The registry of the shipped tables, loaded once per process."""
    return Registry.from_tables()
