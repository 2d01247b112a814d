"""EntityResolver: one id per person or organisation across articles, whatever the spelling."""

from __future__ import annotations

import json
import re

import pytest

from marsad.extract.linking import EntityResolver, link_article, load_registry
from marsad.extract.ner import EntitySpan


@pytest.fixture
def resolver() -> EntityResolver:
    return EntityResolver(load_registry())


@pytest.mark.parametrize("variant", ["ستيف ويتكوڤ", "ستيف وتكوف", "ستيف ويتكووف", "ستيف ويتكوف"])
def test_transliteration_variants_merge(resolver: EntityResolver, variant: str) -> None:
    first = resolver.resolve("ستيف ويتكوف", "PERS")
    assert resolver.resolve(variant, "PERS") == first
    assert len(resolver) == 1


@pytest.mark.parametrize("surname", ["ويتكوف", "ويتكوڤ", "وتكوف"])
def test_bare_surname_joins_the_only_full_name_that_ends_with_it(resolver: EntityResolver, surname: str) -> None:
    full = resolver.resolve("ستيف ويتكوف", "PERS")
    assert resolver.resolve(surname, "PERS") == full


def test_full_name_upgrades_an_entity_known_by_its_surname(resolver: EntityResolver) -> None:
    bare = resolver.resolve("بوتين", "PERS")
    assert resolver.resolve("فلاديمير بوتين", "PERS") == bare
    entity = resolver.entity(bare)
    assert entity.name_ar == "فلاديمير بوتين" and "بوتين" in entity.aliases


@pytest.mark.parametrize(
    ("a", "b"),
    [("محمد بن سلمان", "محمد بن زايد"), ("جون كيري", "جون بولتون"), ("عبد الله الثاني", "عبد الله بن زايد")],
)
def test_people_sharing_a_first_name_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert resolver.resolve(a, "PERS") != resolver.resolve(b, "PERS")


def test_first_name_alone_never_joins_a_full_name(resolver: EntityResolver) -> None:
    kerry = resolver.resolve("جون كيري", "PERS")
    bolton = resolver.resolve("جون بولتون", "PERS")
    john = resolver.resolve("جون", "PERS")
    assert john not in (kerry, bolton)
    mbs = resolver.resolve("محمد بن سلمان", "PERS")
    assert resolver.resolve("محمد", "PERS") != mbs
    assert resolver.resolve("سلمان", "PERS") != mbs  # follows a particle: not a short form
    assert resolver.resolve("بن سلمان", "PERS") == mbs


def test_surname_shared_by_two_known_people_stays_apart(resolver: EntityResolver) -> None:
    joe = resolver.resolve("جو بايدن", "PERS")
    hunter = resolver.resolve("هانتر بايدن", "PERS")
    assert resolver.resolve("بايدن", "PERS") not in (joe, hunter)


def test_orthographic_variants_are_one_key(resolver: EntityResolver) -> None:
    a = resolver.resolve("أحمد أبو الغيط", "PERS")
    assert resolver.resolve("احمد ابو الغيط", "PERS") == a
    assert resolver.resolve("أحمد أبوالغيط", "PERS") == a
    assert resolver.resolve("عبدالله", "PERS") == resolver.resolve("عبد الله", "PERS")


def test_one_inserted_consonant_merges_only_in_long_names(resolver: EntityResolver) -> None:
    arnold = resolver.resolve("أرنولد شوارتزنيغر", "PERS")
    assert resolver.resolve("أرنولد شوارزنيغر", "PERS") == arnold
    shammari = resolver.resolve("فهد الشمري", "PERS")
    assert resolver.resolve("فهد الشمراني", "PERS") != shammari  # short: another family


@pytest.mark.parametrize(
    ("a", "b"),
    [("محمد علي", "محمود علي"), ("خالد الحسن", "خالد الحسين"), ("سعد الحريري", "سعيد الحريري"),
     ("عبد الرحمن السديس", "عبد الرحيم السديس"), ("جمال خاشقجي", "جميل خاشقجي")],
)
def test_native_names_differing_by_a_long_vowel_stay_apart(resolver: EntityResolver, a: str, b: str) -> None:
    assert resolver.resolve(a, "PERS") != resolver.resolve(b, "PERS")


def test_repeated_resolves_do_not_grow_the_indexes(resolver: EntityResolver) -> None:
    for _ in range(50):
        resolver.resolve("ستيف ويتكوف", "PERS", aliases=["ويتكوف"])
    assert sum(len(v) for v in resolver._blocks.values()) == 2


def test_types_do_not_mix(resolver: EntityResolver) -> None:
    assert resolver.resolve("الأهلي", "ORG") != resolver.resolve("الأهلي", "PERS")


def test_english_names_merge(resolver: EntityResolver) -> None:
    a = resolver.resolve("ويتكوف", "PERS", name_en="Steve Witkoff")
    assert resolver.resolve("ستيفن ويتكوفسكي", "PERS", name_en="steve witkoff") == a
    assert resolver.entity(a).name_en == "Steve Witkoff"


def test_registry_names_resolve_to_registry_entities(resolver: EntityResolver) -> None:
    assert resolver.resolve("روسيا", "LOC") == "Q159"
    assert resolver.resolve("الناتو", "ORG") == "Q7184"
    assert resolver.resolve("Russia", "LOC") == "Q159"
    assert resolver.entity("Q159").name_ar == "روسيا"
    assert len(resolver) == 0


def test_lookup_creates_nothing(resolver: EntityResolver) -> None:
    assert resolver.lookup("ستيف ويتكوف", "PERS") is None
    assert len(resolver) == 0


def test_roles_and_aliases_accumulate(resolver: EntityResolver) -> None:
    a = resolver.resolve("ستيف ويتكوف", "PERS", aliases=["ويتكوف"], roles=["المبعوث"])
    assert resolver.resolve("ستيف وتكوف", "PERS", roles=["المبعوث", "رجل الأعمال"]) == a
    assert resolver.resolve("ستيف ويتكوڤ", "PERS") == a  # same key as the name: no new alias
    entity = resolver.entity(a)
    assert entity.roles == ("المبعوث", "رجل الأعمال")
    assert entity.aliases == ("ويتكوف", "ستيف وتكوف")


def test_state_round_trips_through_json(resolver: EntityResolver) -> None:
    witkoff = resolver.resolve("ستيف ويتكوف", "PERS", roles=["المبعوث"])
    mbs = resolver.resolve("محمد بن سلمان", "PERS")
    state = json.loads(json.dumps(resolver.to_dict(), ensure_ascii=False))
    again = EntityResolver.from_dict(state, load_registry())
    assert again.entities() == resolver.entities()
    assert again.resolve("ويتكوڤ", "PERS") == witkoff
    assert again.resolve("بن سلمان", "PERS") == mbs
    assert again.resolve("محمد بن زايد", "PERS") != mbs
    with pytest.raises(ValueError):
        EntityResolver.from_dict({"version": 0, "entities": []})


def test_empty_name_is_refused(resolver: EntityResolver) -> None:
    with pytest.raises(ValueError):
        resolver.resolve("  ،  ", "PERS")


def _spans(text: str, names: list[tuple[str, str]]) -> list[EntitySpan]:
    out = []
    for name, label in names:
        for m in re.finditer(re.escape(name), text):
            out.append(EntitySpan(m.start(), m.end(), name, label, 0.9, 0))
    return out


def test_articles_share_ids_through_the_resolver(resolver: EntityResolver) -> None:
    registry = load_registry()
    one = "قال المبعوث ستيف ويتكوف إن المفاوضات مستمرة في موسكو."
    two = "عاد ويتكوڤ إلى واشنطن بعد جولة طويلة."
    m1, e1 = link_article(one, _spans(one, [("ستيف ويتكوف", "PERS")]), registry, resolver=resolver)
    m2, e2 = link_article(two, _spans(two, [("ويتكوڤ", "PERS")]), registry, resolver=resolver)
    witkoff = [m for m in m1 if m.label == "PERS"][0].entity_id
    assert [m for m in m2 if m.label == "PERS"][0].entity_id == witkoff
    person = next(e for e in e2 if e.id == witkoff)
    assert person.name_ar == "ستيف ويتكوف" and "المبعوث" in person.roles
