"""The seed article (read at test time from ../shared, never copied into the repo)."""

from __future__ import annotations

from marsad.ingest.read import read_paths


def test_seed_layout(seed_path, split) -> None:
    raw_lines = seed_path.read_text(encoding="utf-8").splitlines()
    first_line = next(line for line in raw_lines if line.strip()).strip()
    last_line = next(line for line in reversed(raw_lines) if line.strip()).strip()

    articles, errors = split(read_paths([seed_path]))
    assert errors == []
    (article,) = articles

    assert article.title == first_line
    # the footer repeats the title and ends in "المصدر:" with no outlet: removed, source missing
    assert last_line.startswith(first_line) and last_line.endswith("المصدر:")
    assert article.footer_removed is True
    assert article.source is None and article.source_missing
    assert last_line not in article.body
    assert not article.body.rstrip().endswith("المصدر:")
    # no trailing blank lines, no empty blocks
    assert article.body == article.body.strip()
    assert all(b.text.strip() == b.text and b.text for b in article.blocks)
    kinds = [b.kind for b in article.blocks]
    assert kinds.count("heading") >= 3
    assert kinds.count("bullet") == sum(1 for line in raw_lines if line.startswith("- "))
    # a question line followed by a paragraph is a heading
    assert any(b.kind == "heading" and b.text.endswith("؟") for b in article.blocks)
    # bullet markers are stripped
    assert all(not b.text.startswith("-") for b in article.blocks if b.kind == "bullet")
    for block in article.blocks:
        assert article.body[block.start : block.end] == block.text
