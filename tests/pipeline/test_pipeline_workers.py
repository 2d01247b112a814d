"""The worker protocol of ingest and reindex (`_paired`): results in input order, and a worker
that fails, dies or runs another model stops the run in one line without losing stored work.
Pools here are stand-ins with the `imap` of multiprocessing and Ray pools."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from marsad.errors import ConfigError, IngestError, MarsadError
from marsad.ingest.read import read_paths
from marsad.pipeline import Pipeline, RunContext, _fingerprint, _ingest_items, _load_recognizer_or_none, _paired
from marsad.store import SQLiteStore

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
EXPECTED = _fingerprint(_load_recognizer_or_none())  # the default model ($MARSAD_NER_MODEL is reset per test)


class StandInPool:
    """Answers each batch like a worker would, until ``fail_at``: then raises (as
    multiprocessing does), hands an exception back as a value (as Ray's pool does), or
    answers with another model's fingerprint."""

    def __init__(self, fail_at: int | None = None, how: str = "raise", recognizer=None) -> None:
        self.fail_at, self.how, self.recognizer = fail_at, how, recognizer
        self.batches: list[list[str | None]] = []

    def spans(self, body: str | None):
        if body is None:
            return None
        return self.recognizer.entities(body) if self.recognizer else [("span of", body[:5])]

    def imap(self, fn, batches: Iterator[list[str | None]], chunksize: int = 1):
        for n, bodies in enumerate(batches):
            self.batches.append(bodies)
            if n == self.fail_at and self.how == "raise":
                raise RuntimeError("worker lost\nMemoryError: out of memory")
            if n == self.fail_at and self.how == "value":
                yield ValueError("Traceback (most recent call last):\n  ...\nActorDiedError: the actor died")
                continue
            fingerprint = "marsad 0.0.1, crf model 000000000000" if n == self.fail_at else EXPECTED
            yield fingerprint, [self.spans(body) for body in bodies]


def test_results_keep_input_order_across_batches():
    records = list(read_paths([str(SAMPLES / "jsonl"), str(SAMPLES / "malformed")]))
    pool = StandInPool()
    pairs = list(_paired(iter(records), pool, EXPECTED))
    assert [item for item, _ in pairs] == records
    for item, spans in pairs:
        if isinstance(item, IngestError):
            assert spans is None
        else:
            assert spans == [("span of", item.body[:5])]
    assert len(pool.batches) > 2 and all(len(b) <= 8 for b in pool.batches)


@pytest.mark.parametrize("how, error, text", [
    ("raise", MarsadError, "entity recognition failed in a worker: RuntimeError: MemoryError: out of memory"),
    ("value", MarsadError, "entity recognition failed in a worker: ValueError: ActorDiedError: the actor died"),
    ("fingerprint", ConfigError, "runs marsad 0.0.1, crf model 000000000000 but this process"),
])
def test_a_failing_worker_stops_the_run_in_one_line(how, error, text):
    records = list(read_paths([str(SAMPLES / "jsonl")]))
    assert len(records) > 16
    got = []
    with pytest.raises(error) as caught:
        for pair in _paired(iter(records), StandInPool(fail_at=1, how=how), EXPECTED):
            got.append(pair)
    assert text in str(caught.value) and "\n" not in str(caught.value)
    assert [item for item, _ in got] == records[:8]  # the first batch came through, nothing after


def test_ingest_keeps_what_it_stored_before_a_worker_failed(tmp_path):
    paths = [str(SAMPLES / "jsonl")]
    store = SQLiteStore(tmp_path / "m.db")
    pipeline = Pipeline(context=RunContext(store=store))
    with pytest.raises(MarsadError, match="failed in a worker"):
        _ingest_items(store, read_paths(paths), paths, pipeline, None,
                      StandInPool(fail_at=2, recognizer=_load_recognizer_or_none()))
    stored = store.stats()["articles"]
    assert 0 < stored <= 16
    # Re-running (here in one process) completes the job and adds each article once.
    report = _ingest_items(store, read_paths(paths), paths, pipeline, None, None)
    assert report.known == stored and store.stats()["articles"] == stored + report.new


def _blas_threads() -> list[int]:
    from threadpoolctl import threadpool_info

    return [lib["num_threads"] for lib in threadpool_info() if lib["user_api"] == "blas"]


def test_worker_processes_run_one_blas_thread_each():
    # Two workers that each spin up a BLAS thread per core oversubscribe the machine: a two-worker
    # BiLSTM ingest ran 6x slower than one process before workers were held to one thread.
    import multiprocessing

    from marsad.pipeline import _worker_init

    with multiprocessing.get_context("spawn").Pool(1, initializer=_worker_init) as pool:
        threads = pool.apply(_blas_threads)
    assert threads and set(threads) == {1}
