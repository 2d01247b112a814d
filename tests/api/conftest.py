"""Fixtures for the API tests: a database of the test corpus and an in-process client."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

from marsad_test_corpus import ARTICLES, TOKEN, AppClient, build_db  # noqa: E402


@pytest.fixture
def db_path(tmp_path: Path) -> Path:
    return build_db(tmp_path / "api.db")


@pytest.fixture
def app(db_path: Path, monkeypatch: pytest.MonkeyPatch):
    from marsad.api import create_app

    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    application = create_app(db_path, token=TOKEN)
    yield application
    application.state.pool.close()


@pytest.fixture
def client(app) -> AppClient:
    return AppClient(app)


@pytest.fixture
def articles():
    return ARTICLES
