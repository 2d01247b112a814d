"""The one place readers turn parsed parts into an ``Article`` (body, offsets, id, hash, language)."""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterable
from typing import Any

from marsad.ingest.article import Article, Block, BlockKind, article_id, content_hash

__all__ = ["build_article", "detect_language"]


@functools.cache
def _language_detector() -> Callable[[str], str | None] | None:
    # The language-id module lands separately; until it does, articles carry language=None.
    try:
        from marsad.text.langid import detect_language as detector
    except ModuleNotFoundError as exc:
        if exc.name in ("marsad.text.langid", "marsad.text"):
            return None
        raise
    return detector


def detect_language(text: str) -> str | None:
    detector = _language_detector()
    return detector(text) if detector is not None and text.strip() else None


def build_article(
    *,
    title: str,
    blocks: Iterable[tuple[BlockKind, str]],
    source: str | None,
    url: str | None,
    author: str | None,
    published_at: str | None,
    original: str,
    origin: str,
    format: str,
    layer: str,
    footer_removed: bool = False,
    extra: dict[str, Any] | None = None,
) -> Article:
    """``blocks`` are ``(kind, text)`` pairs in reading order; the body is their texts joined by
    newlines and every ``Block`` gets its half-open offsets into it."""
    built: list[Block] = []
    parts: list[str] = []
    pos = 0
    for kind, text in blocks:
        if built:
            pos += 1  # the joining newline
        built.append(Block(kind=kind, text=text, start=pos, end=pos + len(text)))
        parts.append(text)
        pos += len(text)
    body = "\n".join(parts)
    source = source or None
    url = url or None
    return Article(
        id=article_id(url=url, source=source, title=title, body=body),
        title=title,
        body=body,
        blocks=tuple(built),
        content_hash=content_hash(title, body),
        source=source,
        url=url,
        author=author or None,
        published_at=published_at or None,
        language=detect_language(f"{title}\n{body}"),
        original=original,
        origin=origin,
        format=format,
        layer=layer,
        footer_removed=footer_removed,
        extra=dict(extra or {}),
    )
