"""Shared fixtures: paths to ../shared (skipped when absent), an in-memory store, an article
factory."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SAMPLES = REPO / "samples"


@pytest.fixture(autouse=True)
def _restore_model_choice():
    """`marsad --ner-model` sets $MARSAD_NER_MODEL for its worker processes; under CliRunner
    that is this process, so every test starts and ends with the value it had before."""
    before = os.environ.get("MARSAD_NER_MODEL")
    yield
    if before is None:
        os.environ.pop("MARSAD_NER_MODEL", None)
    else:
        os.environ["MARSAD_NER_MODEL"] = before


def shared_dir() -> Path:
    return Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))


@pytest.fixture
def shared() -> Path:
    path = shared_dir()
    if not path.is_dir():
        pytest.skip("../shared is not present")
    return path


@pytest.fixture
def seed_path(shared: Path) -> Path:
    path = shared / "seeds" / "000_66570db6eea766ef.txt"
    if not path.exists():
        pytest.skip("seed article not present")
    return path


@pytest.fixture
def news_path(shared: Path) -> Path:
    path = shared / "data" / "news" / "saudinewsnet_sample_train.jsonl"
    if not path.exists():
        pytest.skip("shared news sample not present")
    return path


@pytest.fixture
def memory_store():
    from marsad.store import SQLiteStore

    store = SQLiteStore(":memory:")
    yield store
    store.close()


@pytest.fixture
def make_article():
    from marsad.ingest.article import Article, Block, article_id, content_hash

    def make(title: str, paragraphs: list[str], *, source: str | None = "صحيفة الاختبار",
             url: str | None = None, published_at: str | None = None) -> Article:
        blocks, pos = [], 0
        for p in paragraphs:
            blocks.append(Block("paragraph", p, pos, pos + len(p)))
            pos += len(p) + 1
        body = "\n".join(paragraphs)
        return Article(
            id=article_id(url=url, source=source, title=title, body=body), title=title, body=body,
            blocks=tuple(blocks), content_hash=content_hash(title, body), source=source, url=url,
            published_at=published_at, language="ar", original=title + "\n\n" + body,
            origin="test", format="text", layer="test",
        )

    return make
