"""`marsad ingest --runner ray`: a local Ray instance for the run, and clear errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest
from click.testing import CliRunner

from marsad.cli import cli

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _invoke(db: Path, *args: str):
    return CliRunner().invoke(cli, ["--db", str(db), *args])


@pytest.mark.slow
def test_cli_ray_runner_starts_and_stops_a_local_instance(tmp_path):
    ray = pytest.importorskip("ray")
    local = _invoke(tmp_path / "local.db", "ingest", "--quiet", "--no-stories", "--workers", "1",
                    str(SAMPLES / "html"))
    distributed = _invoke(tmp_path / "ray.db", "ingest", "--quiet", "--no-stories", "--runner", "ray",
                          "--workers", "2", str(SAMPLES / "html"))
    assert distributed.exit_code == local.exit_code == 0, distributed.output
    counts = [_invoke(tmp_path / f"{name}.db", "entities", "--json").output for name in ("local", "ray")]
    assert counts[0] == counts[1] and '"PERS"' in counts[1]
    assert not ray.is_initialized()


def test_cli_ray_address_needs_the_ray_runner(tmp_path):
    result = _invoke(tmp_path / "m.db", "ingest", "--quiet", "--ray-address", "10.0.0.1:6379", str(SAMPLES / "html"))
    assert result.exit_code == 2
    assert "--ray-address" in result.output and "--runner ray" in result.output
    assert not (tmp_path / "m.db").exists()


def test_cli_ray_runner_reports_an_unreachable_cluster(tmp_path):
    pytest.importorskip("ray")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{s.getsockname()[1]}"
    result = _invoke(tmp_path / "m.db", "ingest", "--quiet", "--no-stories", "--runner", "ray",
                     "--ray-address", address, str(SAMPLES / "html"))
    assert result.exit_code == 1
    assert result.output.count("\n") == 1 and f"no Ray cluster answers at {address}" in result.output
    # The runner is checked before the run is recorded: the database holds no trace of it.
    from marsad.store import SQLiteStore

    assert SQLiteStore(tmp_path / "m.db").stats()["ingest_runs"] == 0


def test_cli_ray_runner_names_an_address_taken_from_the_environment(tmp_path, monkeypatch):
    pytest.importorskip("ray")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        address = f"127.0.0.1:{s.getsockname()[1]}"
    monkeypatch.setenv("RAY_ADDRESS", address)
    ray_run = _invoke(tmp_path / "r.db", "ingest", "--quiet", "--no-stories", "--runner", "ray", str(SAMPLES / "html"))
    assert ray_run.exit_code == 1 and f"no Ray cluster answers at {address}" in ray_run.output
    # The local runner never looks at RAY_ADDRESS.
    local_run = _invoke(tmp_path / "l.db", "ingest", "--quiet", "--no-stories", "--workers", "1", str(SAMPLES / "html"))
    assert local_run.exit_code == 0, local_run.output
