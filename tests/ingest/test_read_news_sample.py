"""The shared SaudiNewsNet sample reads cleanly with no options (skipped without ../shared)."""

from __future__ import annotations

import json

import pytest

from marsad.ingest.read import read_paths


@pytest.mark.shared
@pytest.mark.slow
def test_news_sample_reads_without_options(news_path, split) -> None:
    articles, errors = split(read_paths([news_path]))
    assert errors == []
    with open(news_path, encoding="utf-8") as f:
        expected = sum(1 for line in f if line.strip())
    assert len(articles) == expected
    assert len({a.id for a in articles}) == len(articles)  # every record has its own URL
    assert all(a.published_at and a.source and a.title and a.body for a in articles)
    first = articles[0]
    raw = json.loads(first.original)
    assert first.url == raw["url"] and first.source == raw["source"]
    assert first.extra["orig_file"] == raw["orig_file"]
    for article in articles[:200]:
        for block in article.blocks:
            assert article.body[block.start : block.end] == block.text
