#!/usr/bin/env python3
"""Audit the top entities of a marsad database for one real-world entity listed twice.

Lists the top N entities (the order of ``marsad entities``: articles, then mentions) and flags
candidate duplicate pairs among them:

- ``same-qid``: two entries with one Wikidata QID;
- ``same-name``: a normalized name (canonical name, alias or surface form seen 2+ times) of one is
  a normalized name of the other, also after dropping ال from every word, a proclitic (و ف ب ل ك)
  from the first word and a trailing family name (آل سعود);
- ``similar``: rapidfuzz ratio of the normalized canonical names (ال dropped) ≥ ``--min-ratio``,
  or equal consonant skeletons (``marsad.extract.linking.keys.skeleton_key``);
- ``contained``: one canonical name is a word sequence inside the other (a surname apart from the
  full name, بن سلمان in محمد بن سلمان, a city in a club's name);
- ``registry``: a name of one is a registry name (or a demonym) of the other (الأمريكيين → USA);
- ``acronym``: a Latin name of one spells the initials of the other's English name.

Pairs listed in ``KNOWN_DIFFERENT`` below (two different entities that only look alike) are shown
apart and do not fail the audit. Exit status: 0 when no other pair is flagged, 1 otherwise.

    .venv/bin/python scripts/audit_entities.py DB [--top 100] [--pool 100] [--json]

``--pool M`` (M > N) also lists, as information, pairs between the top N and ranks N+1..M; only
pairs inside the top N count for the exit status. The flags are candidates: read them.
"""

from __future__ import annotations

import argparse
import itertools
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from rapidfuzz import fuzz  # noqa: E402

from marsad.extract.linking import load_registry  # noqa: E402
from marsad.extract.linking.keys import name_tokens, prefix_variants, skeleton  # noqa: E402
from marsad.store import open_store  # noqa: E402

# Two entries that look alike but are different entities. Each side is an entity id or
# "TYPE:name" (name in any spelling: compared after normalization); the reason is for the reader.
KNOWN_DIFFERENT: list[tuple[str, str, str]] = [
    # A city and the daily named after it (the outlet alriyadh); likewise Medina and al-Madina.
    ("LOC:الرياض", "ORG:الرياض", "Riyadh the city vs the daily al-Riyadh"),
    ("LOC:المدينة المنورة", "ORG:المدينة", "Medina the city vs the daily al-Madina"),
    # A country and its capital, two countries or a country and a club that look alike.
    ("Q842", "Q3805", "Oman (عُمان) vs Amman (عمّان): one spelling without vowels"),
    ("Q262", "Q3561", "Algeria vs Algiers (الجزائر العاصمة)"),
    ("Q298", "ORG:تشيلسي", "Chile (تشيلي) vs Chelsea FC (تشيلسي)"),
    ("ORG:برشلونة", "m:LOC:barcelona-es", "FC Barcelona vs the city"),
    ("ORG:مانشستر يونايتد", "ORG:مانشستر سيتي", "two Manchester clubs"),
    # Kings and princes: one is named in the other's nasab chain (father, grandfather).
    ("PERS:سلمان بن عبدالعزيز آل سعود", "PERS:محمد بن سلمان بن عبدالعزيز",
     "King Salman vs his son Mohammed bin Salman"),
    ("PERS:سلمان بن عبدالعزيز", "PERS:محمد بن سلمان بن عبدالعزيز", "King Salman vs his son Mohammed bin Salman"),
    ("PERS:سلمان بن عبدالعزيز", "PERS:سلطان بن سلمان بن عبدالعزيز", "King Salman vs his son Prince Sultan"),
    ("PERS:عبدالله بن عبدالعزيز", "PERS:عبدالله بن عبدالعزيز الربيعة",
     "King Abdullah vs Dr Abdullah Al-Rabeeah (KSrelief)"),
    ("PERS:خالد الفيصل", "PERS:سعود الفيصل", "two sons of King Faisal"),
]


@dataclass
class Row:
    rank: int
    id: str
    type: str
    name: str
    articles: int
    mentions: int
    qid: str | None
    name_en: str | None
    names: list[str] = field(default_factory=list)  # canonical, aliases, frequent surface forms


def _tokens(name: str) -> tuple[str, ...]:
    return tuple(name_tokens(name))


def _bare_word(word: str) -> str:
    return word[2:] if word.startswith("ال") and len(word) > 3 else word


def name_keys(name: str) -> set[str]:
    """Normalized keys of a name: as it is, without ال, without a proclitic, without آل X."""
    tokens = _tokens(name)
    if not tokens:
        return set()
    forms = {tokens}
    if len(tokens) >= 3 and tokens[-2] == "ال":  # سلمان بن عبدالعزيز آل سعود → سلمان بن عبدالعزيز
        forms.add(tokens[:-2])
    for form in list(forms):
        for variant, dropped in prefix_variants(form[0]):
            if dropped and len(variant) >= 3:
                forms.add((variant, *form[1:]))
        if form[0].startswith("لل"):  # لله = ل + الله, للعراق = ل + العراق (the alef elided)
            forms.update({("ا" + form[0], *form[1:]), ("ا" + form[0][1:], *form[1:])})
    keys = set()
    for form in forms:
        keys.add(" ".join(form))
        keys.add(" ".join(_bare_word(w) for w in form))
    return keys


def _same_side(side: str, row: Row) -> bool:
    if side == row.id:
        return True
    if ":" in side and not side.startswith("m:"):
        entity_type, name = side.split(":", 1)
        return entity_type == row.type and bool(name_keys(name) & name_keys(row.name))
    return False


def known_reason(a: Row, b: Row) -> str | None:
    for x, y, reason in KNOWN_DIFFERENT:
        if (_same_side(x, a) and _same_side(y, b)) or (_same_side(x, b) and _same_side(y, a)):
            return reason
    return None


def load_rows(db: str, pool: int, min_surface: int) -> list[Row]:
    store = open_store(db)
    rows = []
    for rank, r in enumerate(store.list_entities(limit=pool), start=1):  # type: ignore[attr-defined]
        row = Row(rank, r["id"], r["type"], r["name_ar"], r["articles"], r["mentions"], r.get("qid"),
                  r.get("name_en"))
        names = [r["name_ar"], *r.get("aliases", [])]
        surfaces = store.db.execute(  # type: ignore[attr-defined]
            "SELECT text, count(*) FROM mentions WHERE entity_id = ? GROUP BY text HAVING count(*) >= ?",
            (r["id"], min_surface)).fetchall()
        names += [text for text, _ in surfaces]
        row.names = list(dict.fromkeys(n for n in names if n and n.strip()))
        rows.append(row)
    return rows


def _contained(short: tuple[str, ...], long: tuple[str, ...]) -> bool:
    n = len(short)
    if not short or n >= len(long):
        return False
    bare_short = tuple(_bare_word(w) for w in short)
    bare_long = tuple(_bare_word(w) for w in long)
    return any(bare_long[k : k + n] == bare_short for k in range(len(long) - n + 1))


def _initials(name_en: str) -> str:
    return "".join(w[0] for w in name_en.replace("-", " ").split() if w[0].isupper())


def pair_reasons(a: Row, b: Row, registry, min_ratio: float) -> list[str]:  # noqa: ANN001
    reasons: list[str] = []
    if a.qid and a.qid == b.qid:
        reasons.append(f"same-qid {a.qid}")
    keys_a = {k: n for n in a.names for k in name_keys(n)}
    keys_b = {k: n for n in b.names for k in name_keys(n)}
    common = sorted(set(keys_a) & set(keys_b))
    if common:
        reasons.append(f"same-name {keys_a[common[0]]!r} ~ {keys_b[common[0]]!r}")
    bare_a = " ".join(_bare_word(w) for w in _tokens(a.name))
    bare_b = " ".join(_bare_word(w) for w in _tokens(b.name))
    if bare_a and bare_b and bare_a != bare_b:
        ratio = fuzz.ratio(bare_a, bare_b)
        if ratio >= min_ratio and min(len(bare_a), len(bare_b)) >= 4:
            reasons.append(f"similar ratio {ratio:.0f}")
        else:
            # Equal consonant skeletons of 4+ letters (short ones collide: سوريا/سويسرا are both سر).
            skel_a = " ".join(map(skeleton, bare_a.split()))
            if skel_a == " ".join(map(skeleton, bare_b.split())) and len(skel_a.replace(" ", "")) >= 4:
                reasons.append("similar skeleton")
    ta, tb = _tokens(a.name), _tokens(b.name)
    if _contained(ta, tb) or _contained(tb, ta):
        reasons.append("contained")
    for x, y in ((a, b), (b, a)):
        if y.id.startswith("m:") and y.id not in registry:
            continue  # only registry entities have registry names
        for name in x.names:
            entity = registry.find(name)
            if entity is None:
                for variant, dropped in prefix_variants(_tokens(name)[0] if _tokens(name) else ""):
                    if dropped:
                        entity = registry.find(" ".join((variant, *_tokens(name)[1:])))
                        if entity is not None:
                            break
            if entity is not None and entity.id == y.id and x.id != y.id:
                reasons.append(f"registry {name!r} → {y.id}")
                break
        if x.name_en is None and y.name_en:
            initials = _initials(y.name_en)
            if len(initials) >= 2 and any(n.replace(".", "").upper() == initials for n in x.names if n.isascii()):
                reasons.append(f"acronym {initials}")
    return reasons


def audit(rows: list[Row], top: int, registry, min_ratio: float) -> list[dict]:  # noqa: ANN001
    flagged = []
    for a, b in itertools.combinations(rows, 2):
        if a.rank > top and b.rank > top:
            continue
        reasons = pair_reasons(a, b, registry, min_ratio)
        if reasons:
            flagged.append({"a": a, "b": b, "reasons": reasons, "known": known_reason(a, b),
                            "in_top": a.rank <= top and b.rank <= top})
    return flagged


def _show(row: Row) -> str:
    return f"#{row.rank} {row.type} {row.name} ({row.id}, {row.articles} art.)"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("db", help="marsad SQLite database")
    parser.add_argument("--top", type=int, default=100, help="audited ranks (default 100)")
    parser.add_argument("--pool", type=int, default=0, help="also compare with ranks up to this one (info only)")
    parser.add_argument("--min-ratio", type=float, default=90.0, help="rapidfuzz ratio for 'similar' (default 90)")
    parser.add_argument("--min-surface", type=int, default=2, help="surface forms seen this often count as names")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")
    parser.add_argument("--quiet", action="store_true", help="do not list the top entities")
    args = parser.parse_args(argv)
    if not Path(args.db).exists():
        parser.error(f"{args.db}: no such database")
    rows = load_rows(args.db, max(args.top, args.pool), args.min_surface)
    flagged = audit(rows, args.top, load_registry(), args.min_ratio)
    failing = [f for f in flagged if f["in_top"] and not f["known"]]
    if args.json:
        def pair(f: dict) -> dict:
            return {"a": f["a"].__dict__, "b": f["b"].__dict__, "reasons": f["reasons"], "known_different": f["known"],
                    "in_top": f["in_top"]}
        print(json.dumps({"top": args.top, "entities": [r.__dict__ for r in rows[: args.top]],
                          "flagged": [pair(f) for f in flagged], "failing": len(failing)}, ensure_ascii=False, indent=1))
        return 1 if failing else 0
    if not args.quiet:
        print(f"top {args.top} entities of {args.db}:")
        for row in rows[: args.top]:
            print(f"  {row.rank:>4} {row.type:<4} {row.articles:>5} {row.mentions:>6}  {row.name}  [{row.id}]")
    print(f"\nflagged pairs in the top {args.top}, not known different ({len(failing)}):")
    for f in failing:
        print(f"  {_show(f['a'])}  <->  {_show(f['b'])}: {'; '.join(f['reasons'])}")
    known = [f for f in flagged if f["in_top"] and f["known"]]
    print(f"\nflagged but known different ({len(known)}):")
    for f in known:
        print(f"  {_show(f['a'])}  <->  {_show(f['b'])}: {f['known']}")
    outside = [f for f in flagged if not f["in_top"] and not f["known"]]
    if outside:
        print(f"\nwith ranks {args.top + 1}..{args.pool} (information, not counted) ({len(outside)}):")
        for f in outside:
            print(f"  {_show(f['a'])}  <->  {_show(f['b'])}: {'; '.join(f['reasons'])}")
    print(f"\n{'FAIL' if failing else 'OK'}: {len(failing)} flagged pair(s) in the top {args.top}")
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
