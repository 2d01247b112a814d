from __future__ import annotations

import codecs
import io
import json
from pathlib import Path

from marsad.ingest.jsonl import iter_jsonl
from marsad.ingest.read import read_paths
from marsad.settings import Limits

RECORD = {"title": "عنوان الخبر", "content": "نص قصير للخبر يكفي للاختبار.", "source": "s"}


class SpyStream(io.BytesIO):
    """Records the largest single read a reader asked for."""

    def __init__(self, data: bytes) -> None:
        super().__init__(data)
        self.largest = 0

    def readline(self, size: int | None = -1) -> bytes:  # type: ignore[override]
        assert size is not None and size > 0, "unbounded readline"
        self.largest = max(self.largest, size)
        return super().readline(size)

    def read(self, size: int | None = -1) -> bytes:
        assert size is not None and size >= 0, "unbounded read"
        self.largest = max(self.largest, size)
        return super().read(size)


def test_lines_are_read_with_bounded_calls(split) -> None:
    limit = 4096
    long_line = json.dumps({**RECORD, "content": "ك" * 50_000}, ensure_ascii=False)
    good = json.dumps(RECORD, ensure_ascii=False)
    stream = SpyStream(("\n".join([good, long_line, good]) + "\n").encode("utf-8"))
    articles, errors = split(iter_jsonl(stream, path="dump.jsonl", limits=Limits(max_article_bytes=limit)))
    assert [a.origin for a in articles] == ["dump.jsonl:1", "dump.jsonl:3"]
    assert [e.record for e in errors] == [2]
    assert stream.largest <= 1 << 20  # never the whole line, never the whole file
    assert "over the 4,096-byte per-article limit" in errors[0].reason


def test_many_records_stream_in_order(tmp_path: Path, split) -> None:
    path = tmp_path / "big.jsonl"
    with open(path, "w", encoding="utf-8") as f:
        for i in range(3000):
            f.write(json.dumps({**RECORD, "url": f"http://e.x/{i}"}, ensure_ascii=False) + "\n")
    items = read_paths([path])
    first = next(items)  # a generator: nothing is read ahead of the consumer
    assert first.origin == f"{path}:1"
    rest, errors = split(items)
    assert errors == [] and len(rest) == 2999
    assert rest[-1].origin == f"{path}:3000"


def test_crlf_and_utf8_bom(tmp_path: Path, split) -> None:
    path = tmp_path / "win.jsonl"
    line = json.dumps(RECORD, ensure_ascii=False)
    path.write_bytes(codecs.BOM_UTF8 + f"{line}\r\n\r\n{line}\r\n".encode("utf-8"))
    articles, errors = split(read_paths([path]))
    assert errors == []
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3"]
    assert articles[0].original == line
    assert articles[0].extra["encoding"] == "utf-8-sig"


def test_utf16_jsonl(tmp_path: Path, split) -> None:
    path = tmp_path / "u16.jsonl"
    line = json.dumps(RECORD, ensure_ascii=False)
    path.write_bytes(f"{line}\n{line}\n".encode("utf-16"))
    articles, errors = split(read_paths([path]))
    assert errors == [] and len(articles) == 2
    assert articles[0].title == RECORD["title"]
    assert articles[0].extra["encoding"].startswith("utf-16")


def test_windows_1256_jsonl_line(tmp_path: Path, split) -> None:
    path = tmp_path / "legacy.jsonl"
    path.write_bytes(json.dumps(RECORD, ensure_ascii=False).encode("cp1256") + b"\n")
    (article,), errors = split(read_paths([path]))
    assert errors == []
    assert article.body == RECORD["content"]
    assert article.extra["encoding"] == "windows-1256"


def test_json_array_document(tmp_path: Path, split) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([RECORD, "oops", {**RECORD, "url": "http://e.x/2"}], ensure_ascii=False, indent=2),
                    encoding="utf-8")
    articles, errors = split(read_paths([path]))
    assert [a.origin for a in articles] == [f"{path}:[0]", f"{path}:[2]"]
    assert [str(e) for e in errors] == [f"{path}:[1]: not a JSON object: the array item is a JSON string"]


def test_pretty_printed_single_object(tmp_path: Path, split) -> None:
    path = tmp_path / "one.json"
    path.write_text(json.dumps(RECORD, ensure_ascii=False, indent=2), encoding="utf-8")
    (article,), errors = split(read_paths([path]))
    assert errors == [] and article.title == RECORD["title"]


def test_json_document_over_its_cap(tmp_path: Path, split) -> None:
    path = tmp_path / "export.json"
    path.write_text(json.dumps([RECORD] * 50, ensure_ascii=False, indent=1), encoding="utf-8")
    _, (error,) = split(read_paths([path], limits=Limits(max_json_document_bytes=1000)))
    assert "MAX_JSON_DOCUMENT_BYTES" in error.reason
