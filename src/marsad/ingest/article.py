"""The ``Article`` record every reader produces, and how its identity is derived."""

from __future__ import annotations

import hashlib
import re
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

from marsad.text.normalize import normalize_for_matching

BlockKind = Literal["paragraph", "heading", "bullet"]

_SPACE = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Block:
    """One structural unit of the body: ``body[start:end] == text``."""

    kind: BlockKind
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Block:
        return cls(kind=data["kind"], text=data["text"], start=data["start"], end=data["end"])


@dataclass(frozen=True, slots=True)
class Article:
    """A cleaned article. ``body`` is the blocks joined by newlines; every later span
    (mentions, quotes, signals) carries offsets into ``body``."""

    id: str
    title: str
    body: str
    blocks: tuple[Block, ...]
    content_hash: str
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: str | None = None  # ISO 8601, as precise as the input states it
    language: str | None = None
    original: str = ""  # the decoded input this article was read from (file text, JSON line, HTML)
    origin: str = ""  # "path" or "path:line" where it came from
    format: str = ""  # text | html | jsonl
    layer: str = ""  # which extraction layer produced the text (provenance)
    footer_removed: bool = False  # the scraper's repeated-title footer was found and dropped
    extra: dict[str, Any] = field(default_factory=dict)  # unmapped input fields, kept verbatim

    @property
    def source_missing(self) -> bool:
        return not self.source

    def to_dict(self) -> dict[str, Any]:
        data = {
            "id": self.id,
            "title": self.title,
            "body": self.body,
            "blocks": [b.to_dict() for b in self.blocks],
            "content_hash": self.content_hash,
            "source": self.source,
            "source_missing": self.source_missing,
            "url": self.url,
            "author": self.author,
            "published_at": self.published_at,
            "language": self.language,
            "origin": self.origin,
            "format": self.format,
            "layer": self.layer,
            "footer_removed": self.footer_removed,
            "extra": dict(self.extra),
        }
        return data

    @classmethod
    def from_dict(cls, data: dict[str, Any], original: str = "") -> Article:
        return cls(
            id=data["id"],
            title=data["title"],
            body=data["body"],
            blocks=tuple(Block.from_dict(b) for b in data.get("blocks", ())),
            content_hash=data["content_hash"],
            source=data.get("source"),
            url=data.get("url"),
            author=data.get("author"),
            published_at=data.get("published_at"),
            language=data.get("language"),
            original=original or data.get("original", ""),
            origin=data.get("origin", ""),
            format=data.get("format", ""),
            layer=data.get("layer", ""),
            footer_removed=bool(data.get("footer_removed", False)),
            extra=dict(data.get("extra") or {}),
        )


def _digest(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=10).hexdigest()


def matching_key(text: str) -> str:
    """Normalized, whitespace-folded text: equal keys mean the same words."""
    return _SPACE.sub(" ", normalize_for_matching(text)).strip()


def content_hash(title: str, body: str) -> str:
    """Marks exact copies: same normalized body, whatever the outlet, spelling variants or
    diacritics. The title is left out because outlets re-headline wire copy."""
    return _digest(matching_key(body) or matching_key(title))


def canonical_url(url: str) -> str:
    """Scheme/host case, trailing slash and fragment do not change an article's identity."""
    url = url.strip()
    url = re.sub(r"#.*$", "", url)
    m = re.match(r"^(?i:(https?)://)?([^/?]+)(.*)$", url)
    if not m:
        return url
    host = m.group(2).lower()
    if host.startswith("www."):
        host = host[4:]
    rest = m.group(3).rstrip("/")
    return f"{host}{rest}"


def article_id(*, url: str | None, source: str | None, title: str, body: str) -> str:
    """Stable id from the record's own identity: its URL where there is one, else outlet +
    normalized content. Never from the path it was read from, so re-reading is idempotent."""
    if url and url.strip():
        return _digest("url\n" + canonical_url(url))
    key = (source or "").strip().lower() + "\n" + matching_key(title) + "\n" + matching_key(body)
    return _digest("content\n" + key)
