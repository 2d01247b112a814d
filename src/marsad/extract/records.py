"""Records the extract stage hands to later stages: canonical entities and their mentions."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

EntityType = Literal["PERS", "ORG", "LOC", "MISC"]


@dataclass(frozen=True, slots=True)
class Entity:
    """A canonical entity: one person, organisation or place, whatever the spelling."""

    id: str  # stable: "Q159" style when a Wikidata QID is known, else "m:<type>:<hash>"
    type: EntityType
    name_ar: str
    aliases: tuple[str, ...] = ()
    name_en: str | None = None
    qid: str | None = None
    roles: tuple[str, ...] = ()  # titles met with it: المبعوث، الرئيس الروسي، وزير الخارجية
    kind: str | None = None  # country, city, region, person, organisation ...

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["aliases"] = list(self.aliases)
        d["roles"] = list(self.roles)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Entity:
        return cls(
            id=d["id"], type=d["type"], name_ar=d["name_ar"], aliases=tuple(d.get("aliases", ())),
            name_en=d.get("name_en"), qid=d.get("qid"), roles=tuple(d.get("roles", ())),
            kind=d.get("kind"),
        )


@dataclass(frozen=True, slots=True)
class Mention:
    """One mention in an article body: ``body[start:end] == text``.

    ``via`` says how it was found: "ner" (the recognizer), "gazetteer", "demonym" (الروسية → Russia),
    "coref" (a bare surname resolved to the full name met earlier in the article).
    """

    start: int
    end: int
    text: str
    label: EntityType
    entity_id: str | None
    confidence: float
    sentence: int
    via: str = "ner"
    role: str | None = None  # a title right before the name, kept as a role
    extra: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Mention:
        return cls(**d)
