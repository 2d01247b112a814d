"""The judged story gold: the committed judgments file is well formed, and ``derive_gold`` joins
pairs judged ``same`` (transitively, with the copy rules) and nothing judged otherwise."""

from __future__ import annotations

import csv
import importlib.util
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
JUDGMENTS = REPO / "data" / "gold" / "news_story_judgments.tsv"


@pytest.fixture(scope="module")
def gold_module():
    spec = importlib.util.spec_from_file_location("make_story_gold", REPO / "scripts" / "make_story_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def test_judgments_file_is_well_formed() -> None:
    with open(JUDGMENTS, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    assert len(rows) > 1000
    assert {r["label"] for r in rows} <= {"same", "diff", "unsure"}
    assert {r["drawn_as"] for r in rows} == {"join-near", "join-rewrite", "miss"}
    pairs = [(r["id_a"], r["id_b"]) for r in rows]
    assert len(set(pairs)) == len(pairs)
    assert all(a < b and a.startswith("saudinewsnet-") for a, b in pairs)
    assert all(r["reason"].strip() for r in rows)


def _record(rid: str, content: str, title: str, source: str) -> dict:
    return {"id": rid, "content": content, "title": title, "source": source, "date_extracted": "2015-07-21 10:00:00"}


def test_judged_pairs_join_stories(gold_module) -> None:
    records = [
        _record("a", "نص أول عن افتتاح جسر", "افتتاح جسر", "x"),
        _record("b", "نص أول عن افتتاح جسر", "عنوان آخر", "y"),  # same content as a
        _record("c", "رواية أخرى لافتتاح الجسر الجديد", "الجسر يفتح", "z"),
        _record("d", "خبر عن الطقس غدا", "الطقس", "x"),
        _record("e", "خبر عن الطقس بعد غد", "طقس الغد", "y"),
    ]
    plain = gold_module.derive_gold(records)
    assert plain[0] == plain[1] and len(set(plain)) == 4
    judged = {("b", "c"): "same", ("d", "e"): "diff", ("a", "d"): "unsure"}
    labels = gold_module.derive_gold(records, judged=judged)
    assert labels[0] == labels[1] == labels[2]  # c joins a through b
    assert len({labels[0], labels[3], labels[4]}) == 3


def test_read_judgments(gold_module, tmp_path: Path) -> None:
    path = tmp_path / "j.tsv"
    path.write_text("id_a\tid_b\tlabel\tdrawn_as\treason\nx\ty\tsame\tmiss\tone event\n", encoding="utf-8")
    assert gold_module.read_judgments(path) == {("x", "y"): "same"}
