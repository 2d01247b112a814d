"""Corpus readers for training marsad's NER model (training only: reads /work/shared/data).

- ANERcorp train (CAMeL split reproduced) with a sequential dev split carved from its end;
- NewsFANE Gold (ANERcorp text re-annotated in 50 classes) mapped to PERS/LOC/ORG/MISC, with the
  sentences overlapping the dev split removed and its split-off clitics glued back;
- AQMAR (Wikipedia) with MIS* mapped to MISC;
- the unlabelled news text (SaudiNewsNet dev period + ANT) for word clusters;
- the gazetteers, compiled into one normalized ``TYPE<TAB>phrase`` list.
"""

from __future__ import annotations

import csv
import gzip
import json
import os
import re
from collections.abc import Iterator
from pathlib import Path

from marsad.extract.ner._tokenize import simple_tokens
from marsad.extract.ner.features import core_form
from marsad.text.normalize import normalize_for_matching

Sentence = list[tuple[str, str]]

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO / ".." / "shared")).resolve()
DATA = SHARED / "data"

ANERCORP = DATA / "anercorp" / "ANERCorp_CamelLabRepro_train.txt"
NEWSFANE = DATA / "newsfane" / "NewsFANE_Gold_ANERcorp-train-part.txt"
AQMAR = DATA / "aqmar" / "aqmar_train.txt"
UNLABELLED = (
    DATA / "news_corpus" / "saudinewsnet_dev_period.jsonl.gz",
    DATA / "pretrain_corpus" / "ant_multisource_v2.1.jsonl.gz",
    DATA / "pretrain_corpus" / "ant_v1.1_jawharafm.jsonl.gz",
)
GAZETTEERS = DATA / "gazetteers"

DEV_FRACTION = 0.10

# NewsFANE fine classes → ANERcorp's four. Facilities (buildings, airports, roads) are places in
# ANERcorp; products, vehicles and weapons are MISC; Group (groups of people) has no ANERcorp type.
NEWSFANE_TYPES = {
    **dict.fromkeys(
        "Politician Athlete Artist Other_PER Religious_PER Scientist Businessperson Lawyer "
        "Engineer Police".split(),
        "PERS",
    ),
    **dict.fromkeys(
        "Non-Governmental Sports Government Media Commercial Educational Medical-Science "
        "Religious_ORG Entertainment".split(),
        "ORG",
    ),
    **dict.fromkeys(
        "Nation Population-Center GPE-Cluster State-or-Province Continent County-or-District "
        "Water-Body Land-Region-Natural Building-Grounds Airport Path Subarea-Facility".split(),
        "LOC",
    ),
    **dict.fromkeys(
        "Book Movie Software Hardware Air Land Water Projectile Shooting Food Drug Plant".split(),
        "MISC",
    ),
}
AQMAR_TYPES = {"PER": "PERS", "LOC": "LOC", "ORG": "ORG"}


def read_bio(path: Path) -> list[Sentence]:
    """Lenient reader: ``token<space or tab>TAG``, blank line between sentences."""
    sentences: list[Sentence] = []
    current: Sentence = []
    with path.open(encoding="utf-8-sig") as fh:
        for line in fh:
            line = line.rstrip("\r\n")
            if not line.strip():
                if current:
                    sentences.append(current)
                    current = []
                continue
            token, _, tag = line.rpartition("\t" if "\t" in line else " ")
            token = token.replace("\u200e", "").replace("\u200f", "").strip()
            if token:
                current.append((token, tag.strip()))
    if current:
        sentences.append(current)
    return sentences


def anercorp_splits() -> tuple[list[Sentence], list[Sentence]]:
    """ANERcorp train split into (train, dev): dev is the last ``DEV_FRACTION`` of sentences."""
    sentences = read_bio(ANERCORP)
    cut = len(sentences) - round(len(sentences) * DEV_FRACTION)
    return sentences[:cut], sentences[cut:]


def _map_tags(sentence: Sentence, types: dict[str, str]) -> Sentence:
    """Map fine types to coarse ones; unknown types become O, repairing the BIO that follows."""
    out: Sentence = []
    prev = "O"
    for token, tag in sentence:
        prefix, _, label = tag.partition("-")
        coarse = types.get(label)
        if prefix not in ("B", "I") or coarse is None:
            new = "O"
        elif prefix == "I" and prev[2:] == coarse:
            new = "I-" + coarse
        else:
            new = "B-" + coarse
        out.append((token, new))
        prev = new
    return out


def _letters_key(tokens: list[str]) -> str:
    return re.sub(r"[^\w]|\d|_", "", normalize_for_matching("".join(tokens)))


def _char_shingles(key: str, size: int = 12, step: int = 4) -> set[str]:
    return {key[i : i + size] for i in range(0, max(1, len(key) - size + 1), step)}


def _glue_clitics(sentence: Sentence) -> Sentence:
    """Re-attach the one-letter proclitics NewsFANE split off (و الصادرات → والصادرات)."""
    out: Sentence = []
    i = 0
    while i < len(sentence):
        token, tag = sentence[i]
        glue = token in ("و", "ف", "ب", "ل", "ك") and i + 1 < len(sentence)
        if glue and sentence[i + 1][0][:1].isalpha():
            next_token, next_tag = sentence[i + 1]
            out.append((token + next_token, next_tag))
            i += 2
            continue
        out.append((token, tag))
        i += 1
    return out


def newsfane(dev: list[Sentence], max_overlap: float = 0.2) -> list[Sentence]:
    """NewsFANE sentences mapped to PERS/LOC/ORG/MISC, minus those whose text overlaps ``dev``.

    Overlap is measured on letters only (tokenisation and alef forms differ between the two
    corpora): the share of a sentence's character 12-grams found in the dev text.
    """
    dev_shingles: set[str] = set()
    for sent in dev:
        key = _letters_key([t for t, _ in sent])
        dev_shingles |= {key[i : i + 12] for i in range(0, max(1, len(key) - 11))}
    kept: list[Sentence] = []
    for sent in read_bio(NEWSFANE):
        shingles = _char_shingles(_letters_key([t for t, _ in sent]))
        overlap = len(shingles & dev_shingles) / len(shingles) if shingles else 0.0
        if overlap <= max_overlap:
            kept.append(_glue_clitics(_map_tags(sent, NEWSFANE_TYPES)))
    return kept


def aqmar() -> list[Sentence]:
    """AQMAR train articles with PER→PERS and MIS0–MIS3 → MISC."""
    types = dict(AQMAR_TYPES)
    for sent in read_bio(AQMAR):
        for _, tag in sent:
            label = tag.partition("-")[2].lstrip("-")
            if label.startswith("MIS"):
                types[label] = "MISC"
    sentences = []
    for sent in read_bio(AQMAR):
        fixed = [(tok, re.sub(r"^([BI])-+", r"\1-", tag)) for tok, tag in sent]
        sentences.append(_map_tags(fixed, types))
    return sentences


def unlabelled_documents() -> Iterator[str]:
    """Article texts of the unlabelled news corpora, in a fixed order."""
    for path in UNLABELLED:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            for line in fh:
                record = json.loads(line)
                title = record.get("title") or ""
                body = record.get("content") or record.get("text") or ""
                yield f"{title}\n{body}"


def unlabelled_token_stream(extra_sentences: list[Sentence]) -> Iterator[list[str]]:
    """Documents (then labelled training sentences) as lists of core forms for clustering."""
    for text in unlabelled_documents():
        yield [core_form(t.text) for t in simple_tokens(text)]
    for sent in extra_sentences:
        yield [core_form(t) for t, _ in sent]


# -- gazetteers -------------------------------------------------------------------------------

_GATE_TYPES = {
    "city": "LOC", "city_world": "LOC", "country": "LOC", "country_world": "LOC",
    "location_other": "LOC", "oceans_seas_islands": "LOC", "rivers": "LOC", "mountains": "LOC",
    "male_names": "PERS_FIRST", "female_names": "PERS_FIRST", "surnames": "PERS_LAST",
    "organisations": "ORG", "facility": "FAC", "monuments": "FAC", "titles": "TITLE",
    "places": "PLACE_CUE", "months": "MONTH", "days": "DAY",
}


def _clean_entry(text: str) -> str:
    return " ".join(core_form(t) for t in normalize_for_matching(text).split() if core_form(t))


def compile_gazetteer() -> list[tuple[str, str]]:
    """(TYPE, normalized phrase) pairs from ANERGazet, the GATE lists and the country table."""
    entries: set[tuple[str, str]] = set()

    def add(kind: str, text: str) -> None:
        phrase = _clean_entry(text)
        if phrase and len(phrase) > 1:
            entries.add((kind, phrase))

    anergazet = GAZETTEERS / "anergazet"
    for line in (anergazet / "AlignedLocGazetteer.txt").read_text(encoding="utf-8").splitlines():
        if line.strip() and not set(line.strip()) <= set("=*"):
            add("LOC", line)
    for line in (anergazet / "AlignedPersGazetteer.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            add("PERS", line)
    for line in (anergazet / "AlignedOrgGazetteer.txt").read_text(encoding="utf-8").splitlines():
        if line.strip():
            add("ORG", line)
    for name, kind in _GATE_TYPES.items():
        path = GAZETTEERS / "gate_arabic" / f"gazetteer__{name}.lst"
        for line in path.read_text(encoding="utf-8-sig").splitlines():
            entry = line.split("&", 1)[0].strip()  # GATE lines may carry "&feature=value"
            if entry:
                add(kind, entry)
    with (GAZETTEERS / "country_codes" / "countries_ar.tsv").open(encoding="utf-8") as fh:
        for row in csv.DictReader(fh, delimiter="\t"):
            for column in ("official_name_ar", "unterm_ar_short", "unterm_ar_formal"):
                if row.get(column):
                    add("LOC", row[column])
    return sorted(entries)
