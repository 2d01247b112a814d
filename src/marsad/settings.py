"""Documented limits. Every size check in marsad reads its number from here.

The defaults are chosen so one article always fits comfortably in memory and a single bad input
cannot stall an ingest: a real news article is a few KB of text (SaudiNewsNet median ~1.2 K
characters, longest well under 100 KB), so anything near 2 MB is a dump, a log or a mistake.
Readers check sizes *before* reading a file into memory (``os.stat`` for plain files, a bounded
``readline`` for JSONL lines, a bounded read for decompressed ``.gz`` members).
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from typing import Any

from marsad.errors import ConfigError

__all__ = [
    "DEFAULT_LIMITS",
    "MAX_ARTICLE_BYTES",
    "MAX_EXTRA_FIELDS",
    "MAX_EXTRA_VALUE_CHARS",
    "MAX_HTML_BYTES",
    "MAX_JSON_DOCUMENT_BYTES",
    "Limits",
]

MAX_ARTICLE_BYTES = 2 * 1024 * 1024
"""One article: a text file, one JSONL line, or one decompressed ``.txt.gz`` member."""

MAX_HTML_BYTES = 8 * 1024 * 1024
"""One HTML page. Larger than an article because pages carry markup, scripts and styles."""

MAX_JSON_DOCUMENT_BYTES = 64 * 1024 * 1024
"""A ``.json`` file that is one JSON document (an array of records) rather than JSON lines has to
be parsed whole, so it gets its own cap. JSON lines files have no total cap: they stream."""

MAX_EXTRA_VALUE_CHARS = 2000
"""Unmapped input fields are kept in ``Article.extra``; a value whose JSON form is longer is
dropped (its name is listed under ``extra["dropped_fields"]``)."""

MAX_EXTRA_FIELDS = 50
"""At most this many unmapped fields are kept per record."""


@dataclass(frozen=True, slots=True)
class Limits:
    """The limits one ingest run uses; ``Limits()`` is the documented defaults."""

    max_article_bytes: int = MAX_ARTICLE_BYTES
    max_html_bytes: int = MAX_HTML_BYTES
    max_json_document_bytes: int = MAX_JSON_DOCUMENT_BYTES
    max_extra_value_chars: int = MAX_EXTRA_VALUE_CHARS
    max_extra_fields: int = MAX_EXTRA_FIELDS

    def __post_init__(self) -> None:
        for f in fields(self):
            value = getattr(self, f.name)
            if not isinstance(value, int) or isinstance(value, bool) or value <= 0:
                raise ConfigError(f"limit {f.name} must be a positive integer, got {value!r}")

    def with_(self, **changes: int) -> Limits:
        """A copy with some limits changed (unknown names raise ``ConfigError``)."""
        known = {f.name for f in fields(self)}
        unknown = sorted(set(changes) - known)
        if unknown:
            raise ConfigError(f"unknown limit(s) {unknown}; known: {sorted(known)}")
        return replace(self, **changes)

    def to_dict(self) -> dict[str, Any]:
        return {f.name: getattr(self, f.name) for f in fields(self)}

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Limits:
        return cls().with_(**data)


DEFAULT_LIMITS = Limits()
