"""Linking the seed article (../shared/seeds, skipped when absent): hand-made spans, then the
shipped recognizer end to end when its model is present."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.errors import ModelError
from marsad.extract.linking import EntityResolver, link_article, load_registry
from marsad.extract.ner import EntitySpan
from marsad.extract.records import Mention


def hand_spans(text: str, names: list[tuple[str, str]]) -> list[EntitySpan]:
    """Spans at every occurrence of each name, longest names first, no overlaps."""
    found: list[EntitySpan] = []
    for name, label in sorted(names, key=lambda nl: -len(nl[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(EntitySpan(m.start(), m.end(), name, label, 0.9, 0))
    return sorted(found, key=lambda s: s.start)


FULL_NAMES = [("ستيف ويتكوف", "PERS"), ("دونالد ترامب", "PERS"), ("فلاديمير بوتين", "PERS")]


def check_seed_links(text: str, mentions: list[Mention]) -> None:
    for m in mentions:
        assert text[m.start : m.end] == m.text
    registry = load_registry()
    ids: dict[str, set[str]] = {}
    for m in mentions:
        ids.setdefault(m.text, set()).add(m.entity_id)
    assert ids["روسيا"] == {"Q159"}
    assert ids["أوكرانيا"] == {"Q212"}
    assert ids["الأمريكية"] == {"Q30"}
    assert ids["الروسية"] == {"Q159"} and ids["الروسي"] == {"Q159"}
    for city in ("موسكو", "واشنطن"):
        (city_id,) = ids[city]
        assert registry.entity(city_id).kind == "city"
    assert ids["موسكو"] == {"Q649"} and ids["واشنطن"] == {"Q61"}
    assert ids["الكرملين"] == {"m:ORG:government-of-russia"}


@pytest.mark.parametrize("surnames_tagged", [False, True])
def test_seed_with_hand_spans(seed_path: Path, surnames_tagged: bool) -> None:
    text = seed_path.read_text(encoding="utf-8")
    names = FULL_NAMES + ([("ويتكوف", "PERS"), ("بوتين", "PERS"), ("ترامب", "PERS")] if surnames_tagged else [])
    mentions, entities = link_article(text, hand_spans(text, names), load_registry())
    check_seed_links(text, mentions)
    first_full = min(m.start for m in mentions if m.text == "ستيف ويتكوف")
    witkoff = {m.entity_id for m in mentions if m.text == "ستيف ويتكوف"}
    later_bare = [m for m in mentions if m.text == "ويتكوف" and m.start > first_full]
    assert len(witkoff) == 1 and later_bare
    assert {m.entity_id for m in later_bare} == witkoff and all(m.via == "coref" for m in later_bare)
    # the title line's bare surname (before the full name) joins too
    assert {m.entity_id for m in mentions if m.text == "ويتكوف"} == witkoff
    person = next(e for e in entities if e.id in witkoff)
    assert person.name_ar == "ستيف ويتكوف" and "المبعوث" in person.roles
    putin = next(m for m in mentions if m.text == "فلاديمير بوتين")
    assert putin.role == "الرئيس الروسي"
    trump = next(m for m in mentions if m.text == "دونالد ترامب")
    assert trump.role == "الرئيس الأمريكي المنتخب"


@pytest.mark.parametrize("model", ["crf", "bilstm"])
def test_seed_end_to_end_with_the_recognizer(seed_path: Path, model: str) -> None:
    from marsad.extract.ner import load_recognizer

    try:
        recognizer = load_recognizer(model)
    except (ModelError, ImportError) as exc:
        pytest.skip(f"recognizer not available: {exc}")
    text = seed_path.read_text(encoding="utf-8")
    mentions, _ = link_article(text, recognizer.entities(text), load_registry(), resolver=EntityResolver(load_registry()))
    check_seed_links(text, mentions)
    full = [m for m in mentions if m.text == "ستيف ويتكوف"]
    if full:
        bare = [m for m in mentions if m.text == "ويتكوف" and m.start > full[0].start]
        assert bare and {m.entity_id for m in bare} == {full[0].entity_id}
