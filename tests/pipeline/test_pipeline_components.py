from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from marsad.errors import ConfigError, IngestError, TooLargeError
from marsad.pipeline import Pipeline, RunContext, ingest, register, registered
from marsad.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def test_pipeline_rejects_unknown_and_unmet_requirements():
    with pytest.raises(ConfigError, match="unknown pipeline component"):
        Pipeline(["no.such.v1"])
    with pytest.raises(ConfigError, match="requires"):
        Pipeline(["extract.entities.v1"])  # needs sentences and tokens from text.analyze.v1


def test_pipeline_registered_names_are_versioned():
    assert all(name.rsplit(".", 1)[-1].startswith("v") for name in registered())


def test_pipeline_component_must_return_a_doc():
    from marsad.errors import MarsadError
    from marsad.text.doc import Doc

    if "test.broken.v1" not in registered():
        register("test.broken.v1", lambda ctx: (lambda doc: "not a doc"), requires=["doc.text"])
    with pytest.raises(MarsadError, match="test.broken.v1"):
        Pipeline(["test.broken.v1"])(Doc(article_id="x", text="نص"))


@pytest.mark.parametrize("err", [IngestError("a.jsonl", "not JSON", 3), TooLargeError("b.txt", "over 2 MiB")])
def test_ingest_errors_survive_pickling(err):
    back = pickle.loads(pickle.dumps(err))
    assert type(back) is type(err) and str(back) == str(err) and back.record == err.record


def _mentions(store: SQLiteStore) -> list[tuple]:
    return store.db.execute(
        "SELECT article_id, start, end, entity_id, via FROM mentions ORDER BY article_id, start").fetchall()


@pytest.mark.slow
def test_ingest_with_worker_processes_equals_sequential(tmp_path):
    from marsad.ingest.read import read_paths

    paths = [str(SAMPLES / "jsonl"), str(SAMPLES / "malformed")]
    one, two = SQLiteStore(tmp_path / "1.db"), SQLiteStore(tmp_path / "2.db")
    r1 = ingest(one, read_paths(paths), paths=paths, pipeline=Pipeline(context=RunContext(store=one)), workers=1)
    r2 = ingest(two, read_paths(paths), paths=paths, pipeline=Pipeline(context=RunContext(store=two)), workers=2)
    assert (r1.new, r1.skipped, r1.errors) == (r2.new, r2.skipped, r2.errors)
    assert r1.new > 10 and r1.skipped > 0
    assert _mentions(one) == _mentions(two)
