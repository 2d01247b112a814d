"""The CLI end to end on the shipped sample corpus and the seed article (CliRunner, temp DB)."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO / "samples"


def run(db: Path, *args: str, code: int = 0) -> str:
    result = CliRunner().invoke(cli, ["--db", str(db), *args], catch_exceptions=False)
    assert result.exit_code == code, result.output
    return result.output


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory) -> Path:
    db = tmp_path_factory.mktemp("cli") / "samples.db"
    out = run(db, "ingest", "--quiet", str(SAMPLES), code=3)  # the malformed files are skipped
    assert "6 skipped" in out
    return db


def test_cli_ingest_reports_each_skip_once_and_exits_3(tmp_path):
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "m.db"), "ingest", "--quiet", "--no-stories",
                                      str(SAMPLES / "malformed")])
    assert result.exit_code == 3
    skipped = [line for line in result.output.splitlines() if line.startswith("skipped ")]
    assert len(skipped) == 6 and len(set(skipped)) == 6
    assert all("malformed/" in line and ": " in line for line in skipped)


def test_cli_ingest_twice_adds_nothing(sample_db):
    out = run(sample_db, "ingest", "--quiet", str(SAMPLES), code=3)
    assert "ingested: 0 new, 53 already known, 6 skipped" in out


def test_cli_search_finds_clitic_forms_and_json_shape(sample_db):
    doc = json.loads(run(sample_db, "search", "أوكرانيا", "--json", "--limit", "50"))
    assert doc["query"] == "أوكرانيا" and doc["mode"] == "lexical"
    assert doc["hits"], "the Ukraine story should be found"
    for hit in doc["hits"]:
        assert set(hit) == {"id", "title", "source", "published_at", "score", "snippet", "highlights"}
        for s, e in hit["highlights"]:
            assert "وكرانيا" in hit["snippet"][s:e]
    same = json.loads(run(sample_db, "search", "أُوكْـرَانْيَا", "--json", "--limit", "50"))
    assert [h["id"] for h in same["hits"]] == [h["id"] for h in doc["hits"]]


def test_cli_semantic_search_english_query_finds_arabic_sanctions_story(sample_db):
    doc = json.loads(run(sample_db, "search", "sanctions on Russia", "--semantic", "--json", "--limit", "5"))
    titles = " ".join(h["title"] for h in doc["hits"])
    assert "عقوبات" in titles


def test_cli_show_json_has_structure_and_layers(sample_db):
    hit = json.loads(run(sample_db, "search", "العقوبات", "--json"))["hits"][0]
    art = json.loads(run(sample_db, "show", hit["id"], "--json"))
    for block in art["blocks"]:
        assert art["body"][block["start"]:block["end"]] == block["text"]
    for m in art["mentions"]:
        assert art["body"][m["start"]:m["end"]] == m["text"]
    assert {"events", "quotes", "tone", "signals", "story_id"} <= set(art)


def test_cli_stats_and_migrate_list(sample_db):
    stats = json.loads(run(sample_db, "stats", "--json"))
    assert stats["articles"] == 53 and stats["skipped_records"] == 6
    listed = run(sample_db, "migrate", "--list")
    assert "[x] 0001_articles" in listed and "[ ]" not in listed


@pytest.mark.parametrize("fmt", ["jsonl", "csv", "parquet"])
def test_cli_export_formats(sample_db, tmp_path, fmt):
    out = tmp_path / f"a.{fmt}"
    run(sample_db, "export", "--format", fmt, "-o", str(out))
    if fmt == "jsonl":
        rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    elif fmt == "csv":
        rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    else:
        import pyarrow.parquet as pq

        rows = pq.read_table(out).to_pylist()
    assert len(rows) == 53
    assert all(r["title"] for r in rows)


def test_cli_entities_and_entity(sample_db):
    doc = json.loads(run(sample_db, "entities", "--type", "LOC", "--json"))
    ids = [e["id"] for e in doc["entities"]]
    assert "Q159" in ids  # Russia
    ent = json.loads(run(sample_db, "entity", "روسيا", "--json"))
    assert ent["id"] == "Q159" and ent["articles"] >= 3
    assert ent["co_occurring"] and ent["mentions_per_day"]


def test_cli_events_filter_by_type(sample_db):
    doc = json.loads(run(sample_db, "events", "--type", "SANCTION", "--json"))
    assert doc["events"] and all(e["type"] == "SANCTION" for e in doc["events"])


def test_cli_stories_and_story(sample_db):
    doc = json.loads(run(sample_db, "stories", "--json"))
    assert doc["stories"], "the sample corpus has multi-outlet stories"
    story = json.loads(run(sample_db, "story", doc["stories"][0]["id"], "--json"))
    origin = [m for m in story["members"] if m["origin"]]
    assert len(origin) == 1 and origin[0]["id"] == story["origin"]
    times = [m["time"] for m in story["members"] if m["time"]]
    assert origin[0]["time"] == min(times)
    text = run(sample_db, "story", doc["stories"][0]["id"])
    assert "origin" in text


def test_cli_seed_article_acceptance(seed_path, tmp_path):
    db = tmp_path / "seed.db"
    run(db, "ingest", "--quiet", "--no-stories", str(seed_path))
    first_line = seed_path.read_text(encoding="utf-8").splitlines()[0]
    [hit] = json.loads(run(db, "search", "ويتكوف", "--json"))["hits"]
    art = json.loads(run(db, "show", hit["id"], "--json"))
    assert art["title"] == first_line.strip()
    assert "المصدر" not in art["body"] and art["body"] == art["body"].rstrip()
    assert art["source"] is None and art["source_missing"] is True
    kinds = {b["kind"] for b in art["blocks"]}
    assert {"heading", "bullet", "paragraph"} <= kinds


def test_cli_bad_db_path_is_one_line_error(tmp_path):
    bad = tmp_path / "x.db"
    bad.write_bytes(b"not a database" * 50)
    result = CliRunner().invoke(cli, ["--db", str(bad), "stats"])
    assert result.exit_code == 1
    assert result.output.strip().startswith("Error:") and len(result.output.strip().splitlines()) == 1
