"""Fixtures for the web tests: the API tests' corpus and in-process client, and a live server."""

from __future__ import annotations

import socket
import sys
import threading
import time
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from marsad_test_corpus import ARTICLES, TOKEN, AppClient, build_db  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_db(tmp_path / "web.db")


@pytest.fixture
def app(db_path: Path):
    from marsad.api import create_app

    application = create_app(db_path, token=TOKEN)
    yield application
    application.state.pool.close()


@pytest.fixture
def client(app) -> AppClient:
    return AppClient(app)


@pytest.fixture
def articles():
    return ARTICLES


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory):
    """The app under uvicorn on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    import uvicorn

    from marsad.api import create_app

    db = build_db(tmp_path_factory.mktemp("live") / "live.db")
    application = create_app(db, token=TOKEN)
    server = uvicorn.Server(uvicorn.Config(application, host="127.0.0.1", port=_free_port(),
                                           log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{server.config.port}"
    server.should_exit = True
    thread.join(timeout=10)
