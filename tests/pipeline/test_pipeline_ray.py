"""The Ray runner: recognition fans out to Ray actors and the stored result equals a local run."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.ingest.article import Article
from marsad.ingest.read import read_paths
from marsad.pipeline import Pipeline, RunContext, Runner, _fingerprint, _paired, _recognizer_pool, ingest
from marsad.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


@pytest.fixture(scope="module")
def ray_session():
    """One Ray instance for the module; the runner must use it and leave it running."""
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, logging_level=logging.ERROR,
             object_store_memory=100 * 1024 * 1024)
    yield ray
    ray.shutdown()


def _stored(store: SQLiteStore) -> dict[str, str]:
    return {s.article.id: json.dumps(store.article_layers(s.article.id), sort_keys=True, default=str)
            for s in store.iter_articles()}


@pytest.mark.slow
def test_ray_actors_recognize_every_body(ray_session):
    from marsad.extract.ner import load_recognizer

    recognizer = load_recognizer()
    with _recognizer_pool(Runner("ray", 2)) as pool:
        pairs = list(_paired(read_paths([str(SAMPLES / "jsonl")]), pool, _fingerprint(recognizer)))
    articles = [(item, spans) for item, spans in pairs if isinstance(item, Article)]
    assert len(articles) > 10
    # Spans came back from the actors (None would mean "recognize here"), in input order.
    assert all(spans is not None for _, spans in articles)
    assert [spans for _, spans in articles] == [recognizer.entities(a.body) for a, _ in articles]
    assert sum(bool(spans) for _, spans in articles) > 10


@pytest.mark.slow
def test_ray_runner_stores_what_a_local_run_stores(tmp_path, ray_session):
    paths = [str(SAMPLES)]
    local, distributed = SQLiteStore(tmp_path / "local.db"), SQLiteStore(tmp_path / "ray.db")
    r1 = ingest(local, read_paths(paths), paths=paths, pipeline=Pipeline(context=RunContext(store=local)),
                runner=Runner("local", 1))
    r2 = ingest(distributed, read_paths(paths), paths=paths,
                pipeline=Pipeline(context=RunContext(store=distributed)), runner=Runner("ray", 2))
    assert (r1.new, r1.skipped, r1.errors) == (r2.new, r2.skipped, r2.errors)
    assert r2.new > 40 and r2.skipped > 0
    # Every layer of every article: mentions with offsets, entities, events, quotes, signals.
    ray_layers = _stored(distributed)
    assert ray_layers == _stored(local)
    assert sum('"mentions": [{' in layers for layers in ray_layers.values()) > 30
    assert ray_session.is_initialized()  # a Ray the caller started is the caller's to stop


@pytest.mark.parametrize("kwargs, message", [
    ({"kind": "spark"}, "unknown runner 'spark'"),
    ({"kind": "local", "workers": 0}, "at least one worker"),
    ({"kind": "local", "address": "10.0.0.1:6379"}, "for the ray runner only"),
])
def test_runner_rejects_bad_settings(kwargs, message):
    with pytest.raises(ConfigError, match=message):
        Runner(**kwargs)


@pytest.mark.slow
def test_ray_runner_reindexes(tmp_path, ray_session):
    from marsad.pipeline import reindex

    store = SQLiteStore(tmp_path / "m.db")
    paths = [str(SAMPLES / "jsonl")]
    ingest(store, read_paths(paths), paths=paths, pipeline=Pipeline(context=RunContext(store=store)))
    before = _stored(store)
    for aid in before:
        store.replace_extraction(aid, {})
    assert reindex(store, runner=Runner("ray", 2)) == len(before)
    assert _stored(store) == before
