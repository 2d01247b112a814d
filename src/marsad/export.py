"""Export the store to JSONL, CSV or Parquet, streaming row by row where the format allows."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import IO, Any

from marsad.errors import ConfigError
from marsad.store.base import Store

CSV_COLUMNS = ["id", "content_hash", "title", "body", "source", "source_missing", "url", "author",
               "published_at", "language", "origin", "format", "layer", "ingested_at"]


def _rows(store: Store) -> Any:
    for s in store.iter_articles():
        yield s.to_dict()


def export_articles(store: Store, fmt: str, output: str | Path | None) -> int:
    if fmt == "parquet":
        if not output:
            raise ConfigError("parquet export needs -o FILE")
        return _parquet(store, Path(output))
    out: IO[str]
    out = open(output, "w", encoding="utf-8", newline="") if output else sys.stdout
    n = 0
    try:
        if fmt == "jsonl":
            for row in _rows(store):
                out.write(json.dumps(row, ensure_ascii=False) + "\n")
                n += 1
        elif fmt == "csv":
            w = csv.DictWriter(out, fieldnames=CSV_COLUMNS, extrasaction="ignore")
            w.writeheader()
            for row in _rows(store):
                w.writerow(row)
                n += 1
        else:
            raise ConfigError(f"unknown export format {fmt!r}")
    finally:
        if output:
            out.close()
    return n


def _parquet(store: Store, path: Path, batch: int = 2000) -> int:
    import pyarrow as pa
    import pyarrow.parquet as pq

    schema = pa.schema([(c, pa.bool_() if c == "source_missing" else pa.string()) for c in CSV_COLUMNS]
                       + [("blocks", pa.string())])
    n = 0
    with pq.ParquetWriter(str(path), schema) as writer:
        buf: list[dict[str, Any]] = []
        for row in _rows(store):
            row = {c: row.get(c) for c in CSV_COLUMNS} | {"blocks": json.dumps(row["blocks"], ensure_ascii=False)}
            buf.append(row)
            if len(buf) >= batch:
                writer.write_table(pa.Table.from_pylist(buf, schema=schema))
                n += len(buf)
                buf = []
        if buf:
            writer.write_table(pa.Table.from_pylist(buf, schema=schema))
            n += len(buf)
    return n
