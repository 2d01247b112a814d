"""Fixtures for the ingest tests: the tiny hand-written inputs in tests/fixtures/ingest and a
helper that splits a reader's output into articles and errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import IngestError
from marsad.ingest.article import Article

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "ingest"


@pytest.fixture
def fixtures_dir() -> Path:
    return FIXTURES


@pytest.fixture
def split():
    """``split(items) -> (articles, errors)``, checking nothing else slipped through."""

    def run(items) -> tuple[list[Article], list[IngestError]]:
        articles, errors = [], []
        for item in items:
            if isinstance(item, Article):
                articles.append(item)
            elif isinstance(item, IngestError):
                errors.append(item)
            else:  # pragma: no cover - a reader bug
                raise AssertionError(f"reader yielded {type(item).__name__}")
        return articles, errors

    return run
