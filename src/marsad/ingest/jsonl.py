"""JSON lines (one object per line) → ``Article``s, streamed line by line in bounded memory.

The fields of the SaudiNewsNet dumps in ``shared/data/news`` (``title, content, source, url,
author, date_extracted``) work with no options. Other layouts name their keys with a field map,
``{"body": "text", "title": "headline", "published_at": "date"}`` or on the command line
``body=text,title=headline,published_at=date`` (``parse_field_map``). A mapped key may be a
dotted path into nested objects (``published_at=meta.date``). Article fields the map does not
name fall back to common key names (``FALLBACK_KEYS``). Keys not used go to ``Article.extra``,
bounded by ``Limits.max_extra_fields`` / ``max_extra_value_chars``.

Each line gives an ``Article`` or an ``IngestError`` naming ``path:line``; a line over
``Limits.max_article_bytes`` is skipped without being held in memory.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterator, Mapping
from datetime import UTC, datetime
from typing import IO, Any

from marsad.errors import ConfigError, IngestError, TooLargeError
from marsad.ingest._build import build_article
from marsad.ingest.article import Article
from marsad.ingest.dates import parse_arabic_date
from marsad.ingest.decode import is_mostly_arabic
from marsad.ingest.scraped import body_lines, classify_lines
from marsad.settings import DEFAULT_LIMITS, Limits

__all__ = [
    "ARTICLE_FIELDS",
    "DEFAULT_FIELD_MAP",
    "FALLBACK_KEYS",
    "LAYER",
    "article_from_record",
    "iter_json_records",
    "iter_jsonl",
    "parse_field_map",
    "validate_field_map",
]

LAYER = "jsonl"

ARTICLE_FIELDS = ("title", "body", "source", "url", "author", "published_at")
DEFAULT_FIELD_MAP: dict[str, str] = {
    "title": "title",
    "body": "content",
    "source": "source",
    "url": "url",
    "author": "author",
    "published_at": "date_extracted",
}
# Tried in order for each article field the caller's map does not name.
FALLBACK_KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "heading"),
    "body": ("content", "text", "body", "article", "maintext", "article_text"),
    "source": ("source", "outlet", "site_name", "sitename", "publisher", "source_name"),
    "url": ("url", "link", "canonical_url", "permalink"),
    "author": ("author", "authors", "byline"),
    "published_at": (
        "date_extracted", "published_at", "date_published", "datePublished", "published",
        "pubDate", "publish_date", "date",
    ),
}
GIVE_UP_AFTER = 20  # leading lines that are not JSON objects before a file is called "not JSONL"
_RESERVED_EXTRA = ("encoding",)  # keys readers set in extra themselves
_EPOCH_MS_THRESHOLD = 100_000_000_000  # larger epoch numbers are milliseconds


def parse_field_map(spec: str) -> dict[str, str]:
    """``"body=content,title=headline"`` → ``{"body": "content", "title": "headline"}``.

    Raises ``ConfigError`` for an unknown article field, a missing ``=``, an empty key or a field
    named twice."""
    mapping: dict[str, str] = {}
    for item in (part.strip() for part in spec.split(",")):
        if not item:
            continue
        field, sep, key = (s.strip() for s in item.partition("="))
        if not sep:
            raise ConfigError(f"field map item {item!r} has no '=': write FIELD=KEY, e.g. body=content")
        if not field or not key:
            raise ConfigError(f"field map item {item!r}: both FIELD and KEY are needed, e.g. body=content")
        if field in mapping:
            raise ConfigError(f"field map names {field!r} twice")
        mapping[field] = key
    if not mapping:
        raise ConfigError("empty field map: write FIELD=KEY,..., e.g. body=content,title=headline")
    return validate_field_map(mapping)


def validate_field_map(mapping: Mapping[str, str]) -> dict[str, str]:
    """Check the article-field names of a map; returns it as a plain dict."""
    unknown = sorted(set(mapping) - set(ARTICLE_FIELDS))
    if unknown:
        raise ConfigError(f"unknown article field(s) {unknown} in field map; known: {list(ARTICLE_FIELDS)}")
    bad = [f for f, k in mapping.items() if not isinstance(k, str) or not k.strip()]
    if bad:
        raise ConfigError(f"field map gives no key for {bad}")
    return {f: k.strip() for f, k in mapping.items()}


def _lookup(record: Mapping[str, Any], key: str) -> tuple[bool, Any]:
    if key in record:
        return True, record[key]
    node: Any = record
    for part in key.split("."):
        if not isinstance(node, Mapping) or part not in node:
            return False, None
        node = node[part]
    return True, node


def _as_text(value: Any, *, joiner: str) -> str | None:
    if value is None or isinstance(value, bool):
        return None
    if isinstance(value, str):
        return value.strip() or None
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, list):
        parts = [t for t in (_as_text(v, joiner=joiner) for v in value) if t]
        return joiner.join(parts) or None
    if isinstance(value, Mapping):
        for key in ("name", "text", "value", "@value"):
            if key in value:
                return _as_text(value[key], joiner=joiner)
    return None


def _as_date(value: Any) -> tuple[str | None, Any]:
    """``(iso or None, raw value to keep when it could not be read)``."""
    if value is None or value == "":
        return None, None
    if isinstance(value, int | float) and not isinstance(value, bool):
        seconds = value / 1000 if value > _EPOCH_MS_THRESHOLD else value
        try:
            return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%dT%H:%M:%SZ"), None
        except (OverflowError, OSError, ValueError):
            return None, value
    text = _as_text(value, joiner=" ")
    iso = parse_arabic_date(text)
    return iso, (None if iso else value)


def _bounded_extra(record: Mapping[str, Any], used: set[str], limits: Limits) -> dict[str, Any]:
    extra: dict[str, Any] = {}
    dropped: list[str] = []
    for key, value in record.items():
        if key in used:
            continue
        if len(extra) >= limits.max_extra_fields:
            dropped.append(key)
            continue
        size = len(value) if isinstance(value, str) else len(json.dumps(value, ensure_ascii=False, default=str))
        if size > limits.max_extra_value_chars:
            dropped.append(key)
            continue
        extra[f"record.{key}" if key in _RESERVED_EXTRA else key] = value
    if dropped:
        extra["dropped_fields"] = dropped
    return extra


def article_from_record(
    record: Mapping[str, Any],
    *,
    path: str,
    record_id: int | str,
    original: str,
    field_map: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
) -> Article:
    """One decoded JSON object → ``Article``; ``IngestError`` when it has no text."""
    field_map = field_map or {}
    values: dict[str, Any] = {}
    used: set[str] = set()
    for field in ARTICLE_FIELDS:
        keys = (field_map[field],) if field in field_map else FALLBACK_KEYS[field]
        for key in keys:
            found, value = _lookup(record, key)
            if found and value not in (None, "", [], {}):
                values[field] = value
                used.add(key.split(".")[0] if key not in record else key)
                break
    body_key = field_map.get("body")
    body_text = _as_text(values.get("body"), joiner="\n")
    if not body_text:
        if body_key:
            reason = f"record has no text: field {body_key!r} (mapped to body) is missing or empty"
        else:
            reason = (
                f"record has no text: no non-empty body field (looked for {', '.join(FALLBACK_KEYS['body'])}; "
                "name another with the field map, e.g. body=KEY)"
            )
        raise IngestError(path, reason, record_id)
    title = _as_text(values.get("title"), joiner=" ") or ""
    title = " ".join(title.split())
    body = body_lines(body_text.splitlines(), title)
    if not body.lines:
        raise IngestError(path, "record has no text: the body holds only blank lines or scraper leftovers", record_id)
    published_at, raw_date = _as_date(values.get("published_at"))
    extra = _bounded_extra(record, used, limits)
    if raw_date is not None:
        extra["published_at_raw"] = raw_date if isinstance(raw_date, str | int | float) else str(raw_date)
    if encoding:
        extra["encoding"] = encoding
    if body.boilerplate_removed:
        extra["boilerplate_lines_removed"] = body.boilerplate_removed
    return build_article(
        title=title,
        blocks=classify_lines(body.lines),
        source=_as_text(values.get("source"), joiner=", ") or body.source,
        url=_as_text(values.get("url"), joiner=" "),
        author=_as_text(values.get("author"), joiner=", "),
        published_at=published_at or body.published_at,
        original=original,
        origin=f"{path}:{record_id}",
        format="jsonl",
        layer=LAYER,
        footer_removed=body.footer_removed,
        extra=extra,
    )


def _decode_line(raw: bytes, encoding: str | None) -> tuple[str, str]:
    """One line's bytes → text: UTF-8 (the JSON default), else windows-1256 when that reads as
    Arabic. ``encoding`` names what the file declared (``utf-8-sig`` after a byte-order mark)."""
    if encoding and encoding not in ("utf-8", "utf-8-sig"):
        try:
            return raw.decode(encoding), encoding
        except UnicodeDecodeError as exc:
            raise ValueError(f"invalid {encoding} at byte {exc.start} of the line") from None
    try:
        return raw.decode("utf-8"), encoding or "utf-8"
    except UnicodeDecodeError as exc:
        legacy = raw.decode("cp1256")
        if is_mostly_arabic(legacy):
            return legacy, "windows-1256"
        raise ValueError(
            f"invalid byte 0x{raw[exc.start]:02x} at byte {exc.start} of the line: not UTF-8 or windows-1256 Arabic"
        ) from None


def _lines(stream: IO[bytes], max_bytes: int, text_encoding: str | None) -> Iterator[tuple[int, bytes | str | int]]:
    """``(line number, raw line)``; an ``int`` in place of the line is the size of a line over
    ``max_bytes``, skipped without holding it. ``text_encoding`` (UTF-16/32) reads text lines."""
    source: IO[Any]
    if text_encoding:
        source = io.TextIOWrapper(stream, encoding=text_encoding, newline=None)
        limit, newline, chunk_limit = max_bytes // 2, "\n", 1 << 19
    else:
        source = stream
        limit, newline, chunk_limit = max_bytes, b"\n", 1 << 20  # type: ignore[assignment]
    try:
        yield from _bounded_lines(source, limit, newline, chunk_limit)
    finally:
        if isinstance(source, io.TextIOWrapper):
            source.detach()  # the caller owns (and closes) the byte stream


def _bounded_lines(source: IO[Any], limit: int, newline: Any, chunk_limit: int) -> Iterator[tuple[int, Any]]:
    lineno = 0
    while True:
        line = source.readline(limit + 1)
        if not line:
            return
        lineno += 1
        if len(line) > limit and not line.endswith(newline):
            size = len(line)
            while True:
                chunk = source.readline(chunk_limit)
                size += len(chunk)
                if not chunk or chunk.endswith(newline):
                    break
            yield lineno, size
            continue
        yield lineno, line


def iter_jsonl(
    stream: IO[bytes],
    *,
    path: str,
    field_map: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
) -> Iterator[Article | IngestError]:
    """Stream a JSON lines file. ``encoding``: ``None``/``"utf-8"`` (bytes decoded per line, with
    a windows-1256 fallback), or a UTF-16/32 codec for files with that byte-order mark (the mark
    must already be consumed)."""
    text_encoding = encoding if encoding and encoding.startswith(("utf-16", "utf-32")) else None
    byte_encoding = None if text_encoding else encoding
    # Parse errors on the leading lines are held back: if no line of the first GIVE_UP_AFTER is a
    # JSON object, the file is not JSON lines and one message says so instead of twenty.
    pending: list[IngestError] = []
    settled = False
    records = 0
    for lineno, raw in _lines(stream, limits.max_article_bytes, text_encoding):
        if isinstance(raw, int):
            unit = "characters" if text_encoding else "bytes"
            kind, item = "error", TooLargeError(
                path, f"line is {raw:,} {unit}, over the {limits.max_article_bytes:,}-byte per-article limit", lineno
            )
        else:
            if lineno == 1 and isinstance(raw, bytes) and raw.startswith(b"\xef\xbb\xbf"):
                raw, byte_encoding = raw[3:], "utf-8-sig"
            kind, item = _parse_line(raw, lineno, path, field_map, limits, byte_encoding, text_encoding)
        if kind == "blank":
            continue
        records += 1
        if not settled:
            if kind == "not-json":
                pending.append(item)
                if len(pending) >= GIVE_UP_AFTER:
                    first = pending[0]
                    yield IngestError(
                        path,
                        f"not a JSON lines file: none of the first {len(pending)} lines is a JSON object "
                        f"(line {first.record}: {first.reason})",
                    )
                    return
                continue
            yield from pending
            pending.clear()
            settled = True
        yield item
    yield from pending
    if records == 0:
        yield IngestError(path, "empty file: no JSON lines records (only blank lines)")


def _parse_line(
    raw: bytes | str,
    lineno: int,
    path: str,
    field_map: Mapping[str, str] | None,
    limits: Limits,
    byte_encoding: str | None,
    text_encoding: str | None,
) -> tuple[str, Any]:
    """``(kind, item)``: kind is "blank", "not-json" (item: IngestError), "error" or "article"."""
    if isinstance(raw, bytes):
        try:
            line, used_encoding = _decode_line(raw, byte_encoding)
        except ValueError as exc:
            return "error", IngestError(path, str(exc), lineno)
    else:
        line, used_encoding = raw, text_encoding or "utf-8"
    line = line.rstrip("\r\n")
    if not line.strip():
        return "blank", None
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        return "not-json", IngestError(path, f"not JSON: {exc.msg} (column {exc.colno})", lineno)
    if not isinstance(record, dict):
        return "not-json", IngestError(path, f"not a JSON object: the line holds a JSON {_json_kind(record)}", lineno)
    try:
        return "article", article_from_record(
            record, path=path, record_id=lineno, original=line, field_map=field_map,
            limits=limits, encoding=used_encoding,
        )
    except IngestError as exc:
        return "error", exc


def iter_json_records(
    records: list[Any],
    *,
    path: str,
    field_map: Mapping[str, str] | None = None,
    limits: Limits = DEFAULT_LIMITS,
    encoding: str | None = None,
) -> Iterator[Article | IngestError]:
    """The items of a whole-file JSON array; ``record`` in errors/origins is ``[index]``."""
    for index, record in enumerate(records):
        record_id = f"[{index}]"
        if not isinstance(record, dict):
            yield IngestError(path, f"not a JSON object: the array item is a JSON {_json_kind(record)}", record_id)
            continue
        original = json.dumps(record, ensure_ascii=False)
        if len(original.encode("utf-8")) > limits.max_article_bytes:
            yield TooLargeError(path, f"record is over the {limits.max_article_bytes:,}-byte per-article limit", record_id)
            continue
        try:
            yield article_from_record(
                record, path=path, record_id=record_id, original=original,
                field_map=field_map, limits=limits, encoding=encoding,
            )
        except IngestError as exc:
            yield exc


def _json_kind(value: Any) -> str:
    if isinstance(value, list):
        return "array"
    if isinstance(value, str):
        return "string"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int | float):
        return "number"
    return "null" if value is None else type(value).__name__
