"""The front door: paths in, ``Article``s and ``IngestError``s out.

``read_paths`` walks files and directories (recursively, sorted, skipping hidden entries and
database files), decompresses ``.gz`` as it streams, and dispatches on the extension, sniffing the
first bytes when the extension says nothing:

    .txt, no extension       → scraped text   (``scraped.py``, layer "scraped-text")
    .html, .htm, .xhtml      → HTML            (``html.py``, layer "trafilatura")
    .jsonl, .ndjson, .json   → JSON lines      (``jsonl.py``, layer "jsonl"; a ``.json`` holding one
                                                JSON array/object is read whole, within a cap)

Directory walks take only those extensions (and ``.gz`` of them); a file named explicitly is
read whatever its extension, its format sniffed from its first bytes.

A bad file or record never stops the walk: it is *yielded* as an ``IngestError`` whose
``str()`` is one line, ``path[:line]: reason``. Sizes are checked before anything is read into
memory (``marsad.settings``).
"""

from __future__ import annotations

import gzip
import json
import os
import zlib
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import IO

from marsad.errors import IngestError, TooLargeError
from marsad.ingest.article import Article
from marsad.ingest.decode import DecodeError, binary_signature, decode_bytes, detect_bom, detect_utf16_without_bom
from marsad.ingest.html import article_from_html, decode_html
from marsad.ingest.jsonl import iter_json_records, iter_jsonl, parse_field_map, validate_field_map
from marsad.ingest.scraped import article_from_text
from marsad.settings import DEFAULT_LIMITS, Limits

__all__ = [
    "FieldMap",
    "count_inputs",
    "detect_format",
    "is_input_name",
    "iter_input_files",
    "parse_field_map",
    "read_file",
    "read_paths",
]

FieldMap = Mapping[str, str]

TEXT_SUFFIXES = frozenset({".txt", ".text", ""})
HTML_SUFFIXES = frozenset({".html", ".htm", ".xhtml"})
JSONL_SUFFIXES = frozenset({".jsonl", ".ndjson", ".json"})
DATABASE_SUFFIXES = (".db", ".db-wal", ".db-shm", ".db-journal", ".sqlite", ".sqlite3")
GZIP_MAGIC = b"\x1f\x8b"
_SNIFF_BYTES = 4096
_HTML_MARKERS = (b"<!doctype html", b"<html", b"<head", b"<body", b"<article", b"<meta", b"<p>", b"<div")


def _is_database(name: str) -> bool:
    return name.lower().endswith(DATABASE_SUFFIXES)


def is_input_name(name: str) -> bool:
    """Whether a directory walk picks this file: a supported extension (optionally ``.gz``) or
    none at all. Hidden files, databases and other types (README.md, stories.tsv, images) are
    left alone; a file named explicitly is read whatever its name, by sniffing."""
    if name.startswith(".") or _is_database(name):
        return False
    inner = name[:-3] if name.lower().endswith(".gz") else name
    return Path(inner).suffix.lower() in TEXT_SUFFIXES | HTML_SUFFIXES | JSONL_SUFFIXES


def _walk(root: Path) -> list[Path]:
    found: list[Path] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = [d for d in dirnames if not d.startswith(".")]
        found.extend(Path(dirpath) / name for name in filenames if is_input_name(name))
    return sorted(found, key=lambda p: p.relative_to(root).parts)


def iter_input_files(paths: Iterable[str | os.PathLike[str]]) -> Iterator[Path | IngestError]:
    """Each input file once, in a stable order: the given paths in the given order, directories
    expanded (sorted; only ``is_input_name`` files, so hidden entries, ``.db`` files and other
    types are skipped). Missing paths and explicitly named database files come out as
    ``IngestError``."""
    seen: set[str] = set()
    for given in _as_list(paths):
        path = Path(given)
        if path.is_dir():
            candidates = _walk(path)
        elif path.exists():
            if _is_database(path.name):
                yield IngestError(str(path), "a database file, not an article input; skipped")
                continue
            candidates = [path]
        else:
            yield IngestError(str(path), "no such file or directory")
            continue
        for candidate in candidates:
            key = os.path.realpath(candidate)
            if key not in seen:
                seen.add(key)
                yield candidate


def count_inputs(paths: Iterable[str | os.PathLike[str]]) -> int:
    """How many files (and unreadable paths) ``read_paths`` will go through; for progress bars."""
    return sum(1 for _ in iter_input_files(paths))


def detect_format(name: str, head: bytes) -> str:
    """``"text"``, ``"html"`` or ``"jsonl"`` from the file name (``.gz`` already removed), or from
    the first bytes when the extension is missing or unknown."""
    suffix = Path(name).suffix.lower()
    if suffix in HTML_SUFFIXES:
        return "html"
    if suffix in JSONL_SUFFIXES:
        return "jsonl"
    if suffix in TEXT_SUFFIXES - {""}:
        return "text"
    sample = head
    bom = detect_bom(sample)
    if bom is not None:
        try:
            sample = sample[bom[1]:].decode(bom[0].replace("-sig", ""), errors="ignore").encode("utf-8")
        except LookupError:
            pass
    sample = sample.lstrip().lower()
    if sample.startswith(b"<") and any(marker in sample[:_SNIFF_BYTES] for marker in _HTML_MARKERS):
        return "html"
    if sample.startswith(b"{"):
        return "jsonl"
    return "text"


def read_paths(
    paths: Iterable[str | os.PathLike[str]],
    *,
    field_map: FieldMap | str | None = None,
    limits: Limits | None = None,
) -> Iterator[Article | IngestError]:
    """Every article in ``paths``, and an ``IngestError`` for everything that could not be read.

    ``field_map`` (a mapping or a ``"body=text,title=headline"`` string) applies to JSON inputs;
    a bad one raises ``ConfigError`` here, before anything is read."""
    mapping = _field_map(field_map)
    return _read_all(_as_list(paths), mapping, limits or DEFAULT_LIMITS)


def _as_list(paths: Iterable[str | os.PathLike[str]] | str | os.PathLike[str]) -> list[str | os.PathLike[str]]:
    # A lone path is a common slip; iterating a string would walk its characters.
    if isinstance(paths, str | os.PathLike):
        return [paths]
    return list(paths)


def _field_map(field_map: FieldMap | str | None) -> dict[str, str] | None:
    if field_map is None:
        return None
    if isinstance(field_map, str):
        return parse_field_map(field_map)
    return validate_field_map(field_map)


def _read_all(paths: list[str | os.PathLike[str]], field_map: dict[str, str] | None,
              limits: Limits) -> Iterator[Article | IngestError]:
    for item in iter_input_files(paths):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from _read_one(item, field_map, limits)


def read_file(path: str | os.PathLike[str], *, field_map: FieldMap | str | None = None,
              limits: Limits | None = None) -> Iterator[Article | IngestError]:
    """The articles of one file (any supported format, ``.gz`` or not)."""
    return _read_one(Path(path), _field_map(field_map), limits or DEFAULT_LIMITS)


def _read_one(path: Path, field_map: dict[str, str] | None, limits: Limits) -> Iterator[Article | IngestError]:
    where = str(path)
    try:
        if path.name.lower().endswith(".gz"):
            yield from _read_gz(path, path.name[:-3], field_map, limits)
            return
        size = path.stat().st_size
        if size == 0:
            yield IngestError(where, "empty file")
            return
        with open(path, "rb") as stream:
            head = stream.read(_SNIFF_BYTES)
            if head.startswith(GZIP_MAGIC):  # gzip data without the .gz name
                fmt = "gz"
            else:
                fmt = detect_format(path.name, head)
            if fmt == "jsonl":
                stream.seek(0)
                yield from _read_json(stream, head, where, path.suffix.lower(), field_map, limits)
                return
            if fmt != "gz":
                limit = limits.max_html_bytes if fmt == "html" else limits.max_article_bytes
                if size > limit:
                    yield _too_large(where, size, limit, fmt)
                    return
                data = head + stream.read(limit + 1 - len(head))
        if fmt == "gz":
            yield from _read_gz(path, path.name, field_map, limits)
        else:
            yield from _article_from_bytes(data, where, fmt)
    except PermissionError as exc:
        yield IngestError(where, f"cannot read: {exc.strerror or exc}")
    except IsADirectoryError:
        yield IngestError(where, "is a directory")
    except FileNotFoundError:
        yield IngestError(where, "no such file or directory (removed while reading)")
    except OSError as exc:
        yield IngestError(where, f"cannot read: {exc.strerror or exc}")


def _too_large(where: str, size: int, limit: int, fmt: str, *, decompressed: bool = False) -> TooLargeError:
    setting = "MAX_HTML_BYTES" if fmt == "html" else "MAX_ARTICLE_BYTES"
    what = "decompressed content is over" if decompressed else f"file is {size:,} bytes, over"
    return TooLargeError(where, f"{what} the {limit:,}-byte per-article limit (marsad.settings.{setting})")


def _article_from_bytes(data: bytes, where: str, fmt: str) -> Iterator[Article | IngestError]:
    if not data.strip():
        yield IngestError(where, "empty file" if not data else "empty file (only whitespace)")
        return
    try:
        decoded = decode_html(data) if fmt == "html" else decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, exc.reason)
        return
    if not decoded.text.strip():
        yield IngestError(where, "empty file (only whitespace)")
        return
    try:
        if fmt == "html":
            yield article_from_html(decoded.text, path=where, encoding=decoded.encoding)
        else:
            yield article_from_text(decoded.text, path=where, encoding=decoded.encoding)
    except IngestError as exc:
        yield exc


def _read_json(stream: IO[bytes], head: bytes, where: str, suffix: str,
               field_map: dict[str, str] | None, limits: Limits) -> Iterator[Article | IngestError]:
    bom = detect_bom(head)
    encoding = bom[0] if bom else None
    if bom is None and (b"\x00" in head or binary_signature(head)):
        encoding = detect_utf16_without_bom(head)  # JSON lines saved as BOM-less UTF-16
        if encoding is None:
            try:
                decode_bytes(head)
            except DecodeError as exc:
                yield IngestError(where, exc.reason)
                return
    if suffix == ".json" and _is_json_document(head, encoding):
        yield from _read_json_document(stream, where, field_map, limits)
        return
    if bom is not None:
        stream.read(bom[1])
    yield from iter_jsonl(stream, path=where, field_map=field_map, limits=limits, encoding=encoding)


def _is_json_document(head: bytes, encoding: str | None) -> bool:
    """A ``.json`` file that is one (pretty-printed) document rather than one object per line."""
    text = head.decode(encoding.replace("-sig", "") if encoding else "utf-8", errors="ignore").lstrip("\ufeff \t\r\n")
    if text.startswith("["):
        return True
    if not text.startswith("{"):
        return False
    first_line, newline, _ = text.partition("\n")
    if not newline:
        return False  # no newline within the sniffed bytes: a long single line, i.e. JSON lines
    try:
        json.loads(first_line)
    except json.JSONDecodeError:
        return True
    return False


def _read_json_document(stream: IO[bytes], where: str, field_map: dict[str, str] | None,
                        limits: Limits) -> Iterator[Article | IngestError]:
    cap = limits.max_json_document_bytes
    data = stream.read(cap + 1)  # bounded even for a .gz whose size is unknown until read
    if len(data) > cap:
        yield TooLargeError(
            where,
            f"file is one JSON document over the {cap:,}-byte limit "
            "(marsad.settings.MAX_JSON_DOCUMENT_BYTES); write it as JSON lines to stream it",
        )
        return
    try:
        decoded = decode_bytes(data)
    except DecodeError as exc:
        yield IngestError(where, exc.reason)
        return
    try:
        document = json.loads(decoded.text)
    except json.JSONDecodeError as exc:
        yield IngestError(where, f"not JSON: {exc.msg} at line {exc.lineno} column {exc.colno}")
        return
    records = document if isinstance(document, list) else [document]
    if not records:
        yield IngestError(where, "empty JSON document: the array holds no records")
        return
    yield from iter_json_records(records, path=where, field_map=field_map, limits=limits, encoding=decoded.encoding)


class _Counting:
    """Counts what passes through, so a truncation message can say how much was read."""

    def __init__(self) -> None:
        self.articles = 0

    def wrap(self, items: Iterator[Article | IngestError]) -> Iterator[Article | IngestError]:
        for item in items:
            if isinstance(item, Article):
                self.articles += 1
            yield item


def _read_gz(path: Path, inner_name: str, field_map: dict[str, str] | None,
             limits: Limits) -> Iterator[Article | IngestError]:
    where = str(path)
    counter = _Counting()
    try:
        with gzip.open(path, "rb") as stream:
            head = stream.peek(_SNIFF_BYTES)[:_SNIFF_BYTES]
            if not head:
                yield IngestError(where, "empty file (the .gz holds no data)")
                return
            fmt = detect_format(inner_name, head)
            if fmt == "jsonl":
                suffix = Path(inner_name).suffix.lower()
                yield from counter.wrap(_read_json(stream, head, where, suffix, field_map, limits))
                return
            limit = limits.max_html_bytes if fmt == "html" else limits.max_article_bytes
            data = stream.read(limit + 1)
            if len(data) > limit:
                yield _too_large(where, len(data), limit, fmt, decompressed=True)
                return
        yield from _article_from_bytes(data, where, fmt)
    except EOFError:
        yield IngestError(where, f"truncated .gz file: the compressed data ends early{_so_far(counter)}")
    except (gzip.BadGzipFile, zlib.error) as exc:
        yield IngestError(where, f"corrupt .gz file ({exc}){_so_far(counter)}")


def _so_far(counter: _Counting) -> str:
    return f" (after {counter.articles} record(s) read)" if counter.articles else ""
