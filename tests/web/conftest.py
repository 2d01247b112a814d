"""Fixtures for the web tests: the API tests' corpus and in-process client, and a live server."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from live_app import serving  # noqa: E402
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


@pytest.fixture(scope="module")
def live_server(tmp_path_factory: pytest.TempPathFactory):
    """The app under uvicorn on 127.0.0.1 (a free port) in a thread; yields its base URL."""
    from marsad.api import create_app

    with serving(create_app(build_db(tmp_path_factory.mktemp("live") / "live.db"), token=TOKEN)) as url:
        yield url
