"""Readers that turn files and records into ``Article``s.

    read_paths(paths, field_map=None, limits=None) -> Iterator[Article | IngestError]

Layers: ``decode`` (bytes → text), ``scraped`` (plain scraped text), ``html`` (trafilatura),
``jsonl`` (JSON lines with a field map), ``dates`` (Arabic dates → ISO), all behind ``read``.
Names are re-exported lazily so importing ``marsad.ingest.article`` stays cheap.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "Article",
    "Block",
    "count_inputs",
    "decode_bytes",
    "parse_arabic_date",
    "parse_field_map",
    "read_file",
    "read_paths",
]

_WHERE = {
    "Article": "marsad.ingest.article",
    "Block": "marsad.ingest.article",
    "count_inputs": "marsad.ingest.read",
    "decode_bytes": "marsad.ingest.decode",
    "parse_arabic_date": "marsad.ingest.dates",
    "parse_field_map": "marsad.ingest.jsonl",
    "read_file": "marsad.ingest.read",
    "read_paths": "marsad.ingest.read",
}


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module 'marsad.ingest' has no attribute {name!r}")
    return getattr(importlib.import_module(module), name)
