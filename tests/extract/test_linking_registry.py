"""The entity registry built from the committed tables: ids, names, demonyms, flags."""

from __future__ import annotations

import json
import shutil

import pytest

from marsad.errors import ModelError
from marsad.extract.linking import Registry, load_registry
from marsad.extract.linking import _curated as curated
from marsad.extract.linking.registry import DATA_DIR, words_of_name


@pytest.fixture(scope="module")
def registry() -> Registry:
    return load_registry()


def readings(registry: Registry, name: str) -> list[str | None]:
    return [e.entity_id for e in registry.lookup(words_of_name(name))]


@pytest.mark.parametrize(
    ("name", "qid"),
    [
        ("روسيا", "Q159"),
        ("الاتحاد الروسي", "Q159"),
        ("أوكرانيا", "Q212"),
        ("اوكرانيا", "Q212"),
        ("الولايات المتحدة", "Q30"),
        ("الولايات المتحدة الأمريكية", "Q30"),
        ("الولايات المتحدة الاميركية", "Q30"),
        ("أمريكا", "Q30"),
        ("أميركا", "Q30"),
        ("المملكة العربية السعودية", "Q851"),
        ("السعودية", "Q851"),
        ("بريطانيا", "Q145"),
        ("إيران", "Q794"),
        ("سورية", "Q858"),
        ("ناميبيا", "Q1030"),
        ("كوسوفو", "Q1246"),
    ],
)
def test_country_names_give_their_wikidata_qid(registry: Registry, name: str, qid: str) -> None:
    assert readings(registry, name)[0] == qid
    entity = registry.entity(qid)
    assert entity.qid == qid and entity.kind == "country" and entity.type == "LOC"


@pytest.mark.parametrize(
    ("form", "qid"),
    [
        ("الروسي", "Q159"), ("الروسية", "Q159"), ("الروس", "Q159"), ("روسيون", "Q159"),
        ("الأمريكية", "Q30"), ("الأميركية", "Q30"), ("الأمريكيون", "Q30"), ("الأمريكان", "Q30"),
        ("الأوكراني", "Q212"), ("الإيراني", "Q794"), ("السعودي", "Q851"), ("المصري", "Q79"),
        ("الأوروبيون", "Q46"), ("الأوروبي", "Q46"), ("الكوري الشمالي", "Q423"),
        ("الكورية الجنوبية", "Q884"), ("الأتراك", "Q43"), ("المغاربة", "Q1028"),
    ],
)
def test_demonyms_stand_for_their_country_or_region(registry: Registry, form: str, qid: str) -> None:
    entries = registry.lookup(words_of_name(form))
    assert entries and entries[0].entity_id == qid and entries[0].via == "demonym"


def test_demonym_of_the_west_is_marked_as_a_compass_word(registry: Registry) -> None:
    (entry,) = registry.lookup(words_of_name("الغربية"))
    assert entry.entity_id == "m:LOC:the-west" and entry.geo


def test_ambiguous_demonym_between_two_countries_is_dropped(registry: Registry) -> None:
    # كونغولي is both Congos: neither gets it.
    assert registry.lookup(words_of_name("الكونغولي")) == []


@pytest.mark.parametrize(
    ("name", "entity_id", "kind"),
    [
        ("موسكو", "Q649", "city"),
        ("واشنطن", "Q61", "city"),
        ("كييف", "Q1899", "city"),
        ("الاتحاد الأوروبي", "Q458", "organisation"),
        ("الناتو", "Q7184", "organisation"),
        ("حلف شمال الأطلسي", "Q7184", "organisation"),
        ("الأمم المتحدة", "Q1065", "organisation"),
        ("الكرملين", "m:ORG:government-of-russia", "government"),
        ("البيت الأبيض", "m:ORG:government-of-the-united-states", "government"),
        ("الغرب", "m:LOC:the-west", "region"),
        ("الحلفاء الأوروبيون", "Q46", "region"),
    ],
)
def test_cities_regions_and_collective_actors(registry: Registry, name: str, entity_id: str, kind: str) -> None:
    assert readings(registry, name)[0] == entity_id
    assert registry.entity(entity_id).kind == kind


def test_city_knows_its_country(registry: Registry) -> None:
    assert registry.country_of("Q649") == "Q159"
    assert registry.country_of("m:ORG:government-of-russia") == "Q159"
    assert registry.country_of("Q159") == "Q159"


def test_ambiguous_name_lists_every_reading_country_first(registry: Registry) -> None:
    assert readings(registry, "عمان")[:2] == ["Q842", "Q3805"]  # Oman, then Amman
    tripoli = readings(registry, "طرابلس")
    assert tripoli[0] == "Q3579" and len(tripoli) == 2  # the Libyan capital is the prior


@pytest.mark.parametrize("word", ["كيف", "صور", "مشهد", "مالي", "برشلونة"])
def test_names_that_are_common_words_need_the_recognizer(registry: Registry, word: str) -> None:
    entries = registry.lookup(words_of_name(word))
    assert entries and not any(e.auto for e in entries)


def test_blocking_phrase_has_no_entity(registry: Registry) -> None:
    assert readings(registry, "مجلس الأمن القومي") == [None]
    assert readings(registry, "ريال مدريد") == [None]


def test_find_filters_by_type_and_reads_english_names(registry: Registry) -> None:
    assert registry.find("Russia").id == "Q159"
    assert registry.find("الناتو", "ORG").id == "Q7184"
    assert registry.find("الناتو", "LOC") is None
    assert registry.find("ستيف ويتكوف") is None


def test_qids_are_only_given_where_the_curated_data_or_the_country_table_has_them(registry: Registry) -> None:
    for entity in registry:
        if entity.qid is not None:
            assert entity.id == entity.qid and entity.qid[1:].isdigit()
        else:
            assert entity.id.startswith(f"m:{entity.type}:")


def test_every_curated_name_is_in_the_tables(registry: Registry) -> None:
    """The tables are rebuilt after each edit of _curated.py (scripts/build_entity_tables.py)."""
    for _iso2, _en, name_ar, aliases, qid in curated.CITIES:
        for name in [name_ar, *aliases.split("|")]:
            if name:
                assert readings(registry, name.lstrip("~")), name
        if qid:
            assert qid in registry
    for entity_id, _type, _kind, name_ar, aliases, _en, _stems, _country in curated.ACTORS:
        assert entity_id in registry
        for name in [name_ar, *aliases.split("|")]:
            if name:
                assert entity_id in readings(registry, name.lstrip("~")), name


def test_tables_are_compact() -> None:
    for path in DATA_DIR.glob("*.json"):
        assert path.stat().st_size < 400_000, path.name


def test_missing_or_stale_table_raises_model_error(tmp_path) -> None:
    shutil.copytree(DATA_DIR, tmp_path / "data")
    (tmp_path / "data" / "cities.json").unlink()
    with pytest.raises(ModelError, match="cities.json"):
        Registry.from_tables(tmp_path / "data")
    shutil.copy(DATA_DIR / "cities.json", tmp_path / "data" / "cities.json")
    table = json.loads((tmp_path / "data" / "actors.json").read_text(encoding="utf-8"))
    table["version"] = 99
    (tmp_path / "data" / "actors.json").write_text(json.dumps(table), encoding="utf-8")
    with pytest.raises(ModelError, match="version"):
        Registry.from_tables(tmp_path / "data")
