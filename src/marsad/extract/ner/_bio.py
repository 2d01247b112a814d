"""BIO tags to entity runs, with conlleval/seqeval (default mode) semantics."""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["bio_entities"]


def bio_entities(tags: Sequence[str]) -> list[tuple[str, int, int]]:
    """(type, first token, end token exclusive) for each entity in a BIO tag sequence.

    An entity is ``B-X I-X ... I-X``; a stray ``I-X`` after ``O`` or after another type starts a new
    entity, as conlleval and seqeval's default mode do.
    """
    entities: list[tuple[str, int, int]] = []
    kind: str | None = None
    start = 0
    for i, tag in enumerate(tags):
        prefix, _, label = tag.partition("-")
        continues = prefix == "I" and label == kind
        if kind is not None and not continues:
            entities.append((kind, start, i))
            kind = None
        if prefix in ("B", "I") and not continues:
            kind, start = label, i
    if kind is not None:
        entities.append((kind, start, len(tags)))
    return entities
