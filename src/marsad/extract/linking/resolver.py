"""Cross-article entity resolution: one id per person or organisation, whatever the spelling.

``EntityResolver.resolve(name, type)`` returns the id of the entity ``name`` stands for, creating
one when none fits. The rules, in order (all within one entity type):

1. registry: a name of the registry (روسيا، الناتو) gives the registry's entity;
2. exact key: the same name after orthographic normalization (أ/إ/آ → ا، ى → ي، ة → ه, diacritics
   off, عبد الله = عبدالله), or a name seen before as an alias of the entity;
3. English name: the same ``name_en`` (case-insensitive);
4. loose match: as many words, each the same or a spelling of it by ``keys.loose_word_score``:
   equal consonant skeletons (ويتكوف = ويتكوڤ = وتكوف = ويتكووف) or one consonant inserted
   (rapidfuzz ratio ≥ ``FUZZY_MIN_RATIO`` on skeletons of 5+ letters), and only for words of 5+
   letters that are neither common given names nor عبد/أبو compounds — so محمد بن سلمان and محمد
   بن زايد, جون كيري and جون بولتون, or محمد علي and محمود علي stay apart. The best candidate is
   taken if it is the only one with that score;
5. surname (persons): a bare surname, or بن + name, that ends exactly one known full name
   (ويتكوف → ستيف ويتكوف) joins it; a common given name alone never does, and a surname shared
   by two known people stays apart. A full name whose surname so far stood alone for one entity
   joins that entity (and becomes its name);
6. nasab chain (persons): محمد بن سلمان and محمد بن سلمان بن عبدالعزيز, سلمان بن عبدالعزيز and
   سلمان بن عبدالعزيز آل سعود are one person: a name of 3+ words with بن joins the known name it
   extends (cut before a further بن or آل), or the one known name that extends it, when no
   name of that entity continues the chain otherwise (محمد بن سلمان بن فهد is someone else);
7. title (persons): a common given name alone after a title held by one person at a time
   (الملك سلمان، العاهل الأردني الملك عبدالله) is the one known full name with that given name
   seen with that title; the bare name is then not recorded as that person's alias, so a plain
   سلمان elsewhere is not taken for the king. Two such full names: it stays apart.

State is plain data: ``to_dict()`` / ``from_dict()`` store the entities (the indexes are rebuilt).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from marsad.extract.records import Entity, EntityType

from ._lexicon import CHAIN_PARTICLES, COMMON_GIVEN_NAMES, NAME_PARTICLES, NASAB_PARTICLES, UNIQUE_TITLES
from .keys import FUZZY_MIN_RATIO, entity_id_for, loose_name_score, name_key, name_tokens, skeleton
from .registry import Registry

__all__ = ["FUZZY_MIN_RATIO", "EntityResolver"]

STATE_VERSION = 1
# Rule 7 picks, among several full names seen with one given name and office, one seen this many
# times as often as the next (the king, against stray recognizer spans that run into a verb).
TITLE_DOMINANCE = 5
_KINDS = {"PERS": "person", "ORG": "organisation", "LOC": "place"}


@dataclass(slots=True)
class _Record:
    id: str
    type: str
    name_ar: str
    aliases: list[str] = field(default_factory=list)
    name_en: str | None = None
    roles: list[str] = field(default_factory=list)
    kind: str | None = None

    def entity(self) -> Entity:
        return Entity(self.id, self.type, self.name_ar, tuple(self.aliases), self.name_en, None,  # type: ignore[arg-type]
                      tuple(self.roles), self.kind)


class EntityResolver:
    """Persistent name → entity id resolution across articles (see the module doc for rules)."""

    def __init__(self, registry: Registry | None = None, *, min_ratio: float = FUZZY_MIN_RATIO) -> None:
        self.registry = registry
        self.min_ratio = min_ratio
        self._records: dict[str, _Record] = {}
        self._exact: dict[tuple[str, str], str] = {}
        self._english: dict[tuple[str, str], str] = {}
        # Names by (type, word count, first letter of the last word's skeleton): the candidates
        # of a loose match. Person full names by their surname's skeleton, likewise.
        self._blocks: dict[tuple[str, int, str], list[tuple[tuple[str, ...], str]]] = {}
        self._by_suffix: dict[str, list[tuple[tuple[str, ...], str]]] = {}
        self._words: set[str] = set()
        # Person names by each nasab prefix of theirs (rule 6), and by (given name, unique title) (rule 7).
        self._by_nasab_prefix: dict[tuple[str, ...], set[str]] = {}
        self._titled: dict[tuple[str, str], dict[str, int]] = {}  # → {person id: times seen}

    # -- public ---------------------------------------------------------------------------------

    def resolve(self, name: str, entity_type: EntityType, *, aliases: Iterable[str] = (), name_en: str | None = None,
                roles: Iterable[str] = (), kind: str | None = None,
                title_roles: Iterable[str] | None = None) -> str:
        """Id of the entity ``name`` stands for; records ``aliases``, ``name_en`` and ``roles``.

        ``title_roles``: the roles written with ``name`` itself (default: ``roles``), the evidence
        that a given name after a unique title stands for this person (rule 7)."""
        roles = [r for r in roles if r]
        title_roles = roles if title_roles is None else [r for r in title_roles if r]
        if entity_type == "PERS":
            titled = self._by_title(tuple(name_tokens(name)), roles)
            if titled is not None:
                return titled  # rule 7: the bare given name is not recorded on the person
        found = self.lookup(name, entity_type, name_en=name_en)
        if found is not None and self.registry is not None and found in self.registry:
            return found
        if found is None:
            key = name_key(name)
            if not key:
                raise ValueError(f"cannot resolve an empty name: {name!r}")
            found = entity_id_for(entity_type, key)
            while found in self._records or (self.registry is not None and found in self.registry):
                found = entity_id_for(entity_type, key + "#" + found)
            self._records[found] = _Record(found, entity_type, name.strip(), kind=kind or _KINDS.get(entity_type))
        record = self._records[found]
        for alias in [name, *aliases]:
            self._add_name(record, alias)
        if name_en and record.name_en is None:
            record.name_en = name_en
            self._english[(record.type, name_en.casefold())] = record.id
        known_roles = {name_key(r) for r in record.roles} if roles else set()
        for role in roles:
            if name_key(role) not in known_roles:
                known_roles.add(name_key(role))
                record.roles.append(role)
        if title_roles and entity_type == "PERS":
            # Rule 7's evidence: a full name with its own titles (a title seen with a bare
            # surname, الملك الفيصل, says nothing of خالد الفيصل).
            self._index_titles(record, tuple(name_tokens(name)), title_roles)
        return found

    def lookup(self, name: str, entity_type: EntityType, *, name_en: str | None = None) -> str | None:
        """The id ``name`` resolves to, or None; creates and records nothing."""
        if self.registry is not None and entity_type != "PERS":
            entity = self.registry.find(name, entity_type)
            if entity is not None:
                return entity.id
        tokens = tuple(name_tokens(name))
        if not tokens:
            return None
        found = self._exact.get((entity_type, " ".join(tokens)))
        if found is None and name_en:
            found = self._english.get((entity_type, name_en.casefold()))
        if found is None:
            found = self._loose(entity_type, tokens)
        if found is None and entity_type == "PERS":
            found = self._by_surname(tokens)
        if found is None and entity_type == "PERS":
            found = self._by_nasab(tokens)
        return found

    def entity(self, entity_id: str) -> Entity:
        """The entity with this id (resolver-made or from the registry); KeyError if unknown."""
        record = self._records.get(entity_id)
        if record is not None:
            return record.entity()
        if self.registry is not None and entity_id in self.registry:
            return self.registry.entity(entity_id)
        raise KeyError(entity_id)

    def entities(self) -> list[Entity]:
        """Entities made by this resolver, in creation order."""
        return [r.entity() for r in self._records.values()]

    def knows_word(self, word: str) -> bool:
        """Whether a normalized word is part of a known person's name."""
        return word in self._words

    def __len__(self) -> int:
        return len(self._records)

    def to_dict(self) -> dict[str, Any]:
        return {"version": STATE_VERSION, "min_ratio": self.min_ratio,
                "entities": [r.entity().to_dict() for r in self._records.values()]}

    @classmethod
    def from_dict(cls, data: dict[str, Any], registry: Registry | None = None) -> EntityResolver:
        if data.get("version") != STATE_VERSION:
            raise ValueError(f"resolver state version {data.get('version')!r}, expected {STATE_VERSION}")
        resolver = cls(registry, min_ratio=data.get("min_ratio", FUZZY_MIN_RATIO))
        for row in data["entities"]:
            entity = Entity.from_dict(row)
            record = _Record(entity.id, entity.type, entity.name_ar, [], entity.name_en, list(entity.roles),
                             entity.kind)
            resolver._records[record.id] = record
            for alias in (entity.name_ar, *entity.aliases):
                resolver._add_name(record, alias)
            if entity.name_en:
                resolver._english[(entity.type, entity.name_en.casefold())] = entity.id
            # Stored roles do not say which name they came with: trust them for rule 7 only where
            # no bare surname ever reached the entity (its aliases are all full names).
            if all(len(name_tokens(a)) >= 2 for a in entity.aliases):
                resolver._index_titles(record, tuple(name_tokens(record.name_ar)), record.roles)
        return resolver

    # -- indexes -----------------------------------------------------------------------------------

    def _add_name(self, record: _Record, name: str) -> None:
        tokens = tuple(name_tokens(name))
        if not tokens:
            return
        key = " ".join(tokens)
        if (record.type, key) not in self._exact:  # a new name: index it (a name keeps its first owner)
            self._exact[(record.type, key)] = record.id
            self._blocks.setdefault(_block(record.type, tokens), []).append((tokens, record.id))
            if record.type == "PERS":
                self._words.update(tokens)
                suffix = _surname(tokens)
                if suffix is not None and len(suffix) < len(tokens):
                    self._by_suffix.setdefault(_skeleton_key(suffix), []).append((suffix, record.id))
                for prefix in _nasab_prefixes(tokens):
                    self._by_nasab_prefix.setdefault(prefix, set()).add(record.id)
        current = name_tokens(record.name_ar)
        if record.type == "PERS" and len(tokens) > len(current) and _surname(tokens) is not None:
            # A full name arrives for an entity known by its surname: it becomes the name.
            record.aliases.append(record.name_ar)
            record.name_ar = name.strip()
        elif key != name_key(record.name_ar) and key not in {name_key(a) for a in record.aliases}:
            record.aliases.append(name.strip())

    def _loose(self, entity_type: str, tokens: tuple[str, ...]) -> str | None:
        """The one entity whose best name matches ``tokens`` best, word by word (rule 4)."""
        best: dict[str, float] = {}
        for cand, entity_id in self._blocks.get(_block(entity_type, tokens), ()):
            score = loose_name_score(tokens, cand, self.min_ratio)
            if score is not None and score > best.get(entity_id, -1.0):
                best[entity_id] = score
        if not best:
            return None
        ranked = sorted(best.values(), reverse=True)
        if len(ranked) > 1 and ranked[0] == ranked[1]:
            return None  # two entities fit equally well: ambiguous
        return max(best, key=best.__getitem__)

    def _by_surname(self, tokens: tuple[str, ...]) -> str | None:
        """Rule 5: a bare surname and the full name it ends, either way round."""
        suffix = _surname(tokens)
        if suffix is None:
            return None
        owners = {i for cand, i in self._by_suffix.get(_skeleton_key(suffix), ())
                  if loose_name_score(suffix, cand, self.min_ratio) is not None}
        if len(suffix) == len(tokens):
            # A bare surname (or بن + name): the one full name it ends, if only one does.
            if len(tokens) == 1 and tokens[0] in COMMON_GIVEN_NAMES:
                return None
            return next(iter(owners)) if len(owners) == 1 else None
        # A full name: an entity so far known only by this surname, if no full name claims it.
        if owners:
            return None
        alone = {i for cand, i in self._blocks.get(_block("PERS", suffix), ())
                 if len(name_tokens(self._records[i].name_ar)) == len(suffix)
                 and loose_name_score(suffix, cand, self.min_ratio) is not None}
        return next(iter(alone)) if len(alone) == 1 else None


    def _by_nasab(self, tokens: tuple[str, ...]) -> str | None:
        """Rule 6: the known name this one extends along its nasab chain, else the one known name
        that extends it; only an entity none of whose names continues the chain otherwise."""
        if not _is_nasab(tokens):
            return None
        for prefix in reversed(_nasab_prefixes(tokens)):  # the longest known prefix first
            found = self._exact.get(("PERS", " ".join(prefix)))
            if found is not None and self._chain_fits(found, tokens):
                return found
        longer = {i for i in self._by_nasab_prefix.get(tokens, ()) if self._chain_fits(i, tokens)}
        return next(iter(longer)) if len(longer) == 1 else None

    def _chain_fits(self, entity_id: str, tokens: tuple[str, ...]) -> bool:
        """Whether every nasab name of the entity and ``tokens`` are one the other's prefix."""
        record = self._records.get(entity_id)
        if record is None or record.type != "PERS":
            return False
        for name in (record.name_ar, *record.aliases):
            other = tuple(name_tokens(name))
            if other[:1] == tokens[:1] and _is_nasab(other):
                n = min(len(other), len(tokens))
                if other[:n] != tokens[:n]:
                    return False
        return True

    def _by_title(self, tokens: tuple[str, ...], roles: list[str]) -> str | None:
        """Rule 7: a given name alone after a title held by one person at a time (same office:
        الملك, العاهل and خادم الحرمين الشريفين are all "king"): the one full name seen with that
        given name and office, or the one seen ``TITLE_DOMINANCE`` times as often as any other
        (a recognizer's stray span, سلمان بن عبدالعزيز ولصاحب, is seen once)."""
        if len(tokens) != 1 or tokens[0] not in COMMON_GIVEN_NAMES:
            return None
        seen: dict[str, int] = {}
        for office in _unique_titles(roles):
            for entity_id, count in self._titled.get((tokens[0], office), {}).items():
                seen[entity_id] = seen.get(entity_id, 0) + count
        if len(seen) == 1:
            return next(iter(seen))
        ranked = sorted(seen.items(), key=lambda item: -item[1])
        if len(ranked) > 1 and ranked[0][1] >= TITLE_DOMINANCE * max(ranked[1][1], 1):
            return ranked[0][0]
        return None

    def _index_titles(self, record: _Record, tokens: tuple[str, ...], roles: Iterable[str]) -> None:
        """(given name, office) → the person: a full name (``tokens``) seen with a unique title."""
        if record.type != "PERS" or len(tokens) < 2 or tokens[0] in NAME_PARTICLES:
            return
        for office in _unique_titles(roles):
            counts = self._titled.setdefault((tokens[0], office), {})
            counts[record.id] = counts.get(record.id, 0) + 1


def _unique_titles(roles: Iterable[str]) -> set[str]:
    """The offices of the ``UNIQUE_TITLES`` found as word sequences in the roles (king, …)."""
    out: set[str] = set()
    for role in roles:
        words = name_key(role).split()
        for size in (1, 2, 3):
            for k in range(len(words) - size + 1):
                office = UNIQUE_TITLES.get(" ".join(words[k : k + size]))
                if office:
                    out.add(office)
    return out


def _is_nasab(tokens: tuple[str, ...]) -> bool:
    """A name of 3+ words whose second word is بن/ابن/بنت (محمد بن سلمان)."""
    return len(tokens) >= 3 and tokens[1] in CHAIN_PARTICLES and tokens[0] not in NAME_PARTICLES


def _nasab_prefixes(tokens: tuple[str, ...]) -> list[tuple[str, ...]]:
    """Shorter forms of a nasab name, shortest first: cut before each further بن or آل
    (محمد بن سلمان بن عبدالعزيز آل سعود → محمد بن سلمان, محمد بن سلمان بن عبدالعزيز)."""
    if not _is_nasab(tokens):
        return []
    return [tokens[:k] for k in range(3, len(tokens)) if tokens[k] in NASAB_PARTICLES and tokens[k - 1] not in NAME_PARTICLES]


def _block(entity_type: str, tokens: tuple[str, ...]) -> tuple[str, int, str]:
    return entity_type, len(tokens), skeleton(tokens[-1])[:1]


def _skeleton_key(tokens: tuple[str, ...]) -> str:
    return " ".join(skeleton(t) for t in tokens)


def _surname(tokens: tuple[str, ...]) -> tuple[str, ...] | None:
    """The short form a name may be cited by: its last word, or particle + last word
    (بن سلمان); None when the name is only particles."""
    if not tokens or tokens[-1] in NAME_PARTICLES:
        return None
    if len(tokens) >= 2 and tokens[-2] in NAME_PARTICLES:
        return tokens[-2:]
    return tokens[-1:]
