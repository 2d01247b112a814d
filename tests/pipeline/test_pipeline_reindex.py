"""`reindex`: extraction re-run over stored articles restores the same layers and entity ids,
whether recognition runs in this process or in worker processes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli
from marsad.ingest.read import read_paths
from marsad.pipeline import Pipeline, RunContext, Runner, ingest, reindex
from marsad.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def layers(store: SQLiteStore) -> dict[str, str]:
    return {aid: json.dumps(store.article_layers(aid), sort_keys=True, default=str) for aid in store.article_ids()}


@pytest.fixture
def ingested(tmp_path) -> SQLiteStore:
    store = SQLiteStore(tmp_path / "m.db")
    paths = [str(SAMPLES / "jsonl"), str(SAMPLES / "html")]
    ingest(store, read_paths(paths), paths=paths, pipeline=Pipeline(context=RunContext(store=store)))
    return store


@pytest.mark.slow
@pytest.mark.parametrize("workers", [1, 2])
def test_reindex_restores_wiped_layers(ingested, workers):
    before = layers(ingested)
    assert sum('"mentions": [{' in v for v in before.values()) > 10
    for aid in ingested.article_ids():  # as if an older marsad had extracted nothing
        ingested.replace_extraction(aid, {})
    assert layers(ingested) != before
    ticks = []
    n = reindex(ingested, on_article=lambda: ticks.append(1), runner=Runner("local", workers))
    assert n == len(ticks) == len(before)
    assert layers(ingested) == before  # same spans, same entity ids (the resolver is restored)


@pytest.mark.slow
def test_cli_reindex_with_worker_processes(ingested, tmp_path):
    before = layers(ingested)
    ingested.close()
    result = CliRunner().invoke(cli, ["--db", str(tmp_path / "m.db"), "reindex", "--workers", "2"])
    assert result.exit_code == 0, result.output
    assert f"re-indexed {len(before)} articles" in result.output
    assert layers(SQLiteStore(tmp_path / "m.db")) == before
