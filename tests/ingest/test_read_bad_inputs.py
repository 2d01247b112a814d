"""Every bad input gives exactly one clear line (path[:line]: reason) and the walk goes on."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from marsad.errors import IngestError, TooLargeError
from marsad.ingest.read import read_paths
from marsad.settings import MAX_ARTICLE_BYTES

GOOD_TEXT = "عنوان خبر قصير\nنص الخبر في سطر واحد يكفي ليكون متنا صالحا للقراءة.\n"
GOOD_RECORD = {"title": "عنوان", "content": "نص الخبر في سطر واحد.", "source": "s", "url": "http://e.x/1"}
PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"


def _jsonl(*lines: str) -> bytes:
    return ("\n".join(lines) + "\n").encode("utf-8")


GOOD_LINE = json.dumps(GOOD_RECORD, ensure_ascii=False)

# name, bytes, expected record (line) or None, words the reason must contain
CASES = [
    ("image", PNG, None, "PNG image"),
    ("photo.txt", PNG, None, "PNG image"),
    ("nul.txt", b"abc\x00\x00\x00def\x00\x00\x00\x00xyz\x00", None, "NUL byte"),
    ("empty.txt", b"", None, "empty file"),
    ("blank.txt", b"  \n\n\t\n", None, "empty file"),
    ("empty.jsonl", b"", None, "empty file"),
    ("blank.jsonl", b"\n\n\n", None, "empty file"),
    ("latin1.txt", "le café était fermé à midi".encode("latin-1"), None, "not UTF-8"),
    ("broken.jsonl", _jsonl(GOOD_LINE, '{"title": "x", "content": ', GOOD_LINE), 2, "not JSON"),
    ("array.jsonl", _jsonl(GOOD_LINE, '["a", "b"]', GOOD_LINE), 2, "not a JSON object"),
    ("string.jsonl", _jsonl(GOOD_LINE, '"just a string"'), 2, "not a JSON object"),
    ("notext.jsonl", _jsonl(GOOD_LINE, json.dumps({"title": "عنوان بلا نص", "content": "  "})), 2, "no text"),
    ("nobody.jsonl", _jsonl(json.dumps({"title": "عنوان فقط"}), GOOD_LINE), 1, "no text"),
    ("badbytes.jsonl", _jsonl(GOOD_LINE) + b'{"content": "caf\xe9 ferm\xe9"}\n', 2, "invalid byte"),
    ("title-only.txt", "عنوان بلا متن\n\n\n".encode(), None, "no body text"),
]


@pytest.mark.parametrize(("name", "data", "line", "reason"), CASES, ids=[c[0] for c in CASES])
def test_bad_input_gives_one_clear_line(tmp_path: Path, split, name: str, data: bytes, line: int | None,
                                        reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    after = tmp_path / "zz_after.txt"
    after.write_text(GOOD_TEXT, encoding="utf-8")

    articles, errors = split(read_paths([tmp_path]))

    assert len(errors) == 1, [str(e) for e in errors]
    (error,) = errors
    assert error.path == str(path)
    assert error.record == line
    assert reason in error.reason
    message = str(error)
    assert "\n" not in message
    assert message.startswith(f"{path}:{line}: " if line else f"{path}: ")
    # the walk went on: the good file after it (and the good JSON lines around it) were read
    assert any(a.origin == str(after) for a in articles)
    if name.endswith(".jsonl"):
        good_lines = sum(1 for raw in data.splitlines() if raw.decode("utf-8", "replace") == GOOD_LINE)
        assert sum(1 for a in articles if a.format == "jsonl") == good_lines


def test_fifty_megabyte_text_file_is_refused_by_size(tmp_path: Path, split) -> None:
    path = tmp_path / "huge.txt"
    chunk = ("سطر من نص طويل جدا يتكرر كثيرا في ملف ضخم\n" * 1000).encode("utf-8")
    with open(path, "wb") as f:
        while f.tell() < 50 * 1024 * 1024:
            f.write(chunk)
    (tmp_path / "ok.txt").write_text(GOOD_TEXT, encoding="utf-8")
    articles, errors = split(read_paths([tmp_path]))
    assert len(articles) == 1
    (error,) = errors
    assert isinstance(error, TooLargeError)
    assert error.path == str(path) and error.record is None
    assert f"{MAX_ARTICLE_BYTES:,}-byte" in error.reason and "MAX_ARTICLE_BYTES" in error.reason


def test_size_is_checked_before_reading(tmp_path: Path, split) -> None:
    # A sparse 50 MB file of NUL bytes: were it read, it would be reported as binary.
    path = tmp_path / "sparse.txt"
    with open(path, "wb") as f:
        f.truncate(50 * 1024 * 1024)
    _, (error,) = split(read_paths([path]))
    assert isinstance(error, TooLargeError)


def test_jsonl_line_over_the_limit(tmp_path: Path, split) -> None:
    path = tmp_path / "dump.jsonl"
    huge = json.dumps({"title": "t", "content": "ن" * (MAX_ARTICLE_BYTES // 2 + 10)}, ensure_ascii=False)
    path.write_text("\n".join([GOOD_LINE, huge, GOOD_LINE]) + "\n", encoding="utf-8")
    articles, errors = split(read_paths([path]))
    assert [a.origin for a in articles] == [f"{path}:1", f"{path}:3"]
    (error,) = errors
    assert isinstance(error, TooLargeError)
    assert error.record == 2
    assert "over the" in error.reason and "per-article limit" in error.reason


def test_truncated_gz_yields_records_then_one_error(tmp_path: Path, split) -> None:
    lines = [json.dumps({**GOOD_RECORD, "url": f"http://e.x/{i}", "content": f"نص الخبر رقم {i} " * 40},
                        ensure_ascii=False) for i in range(400)]
    whole = gzip.compress(("\n".join(lines) + "\n").encode("utf-8"))
    path = tmp_path / "dump.jsonl.gz"
    path.write_bytes(whole[: len(whole) * 2 // 3])
    articles, errors = split(read_paths([path]))
    assert 0 < len(articles) < 400
    assert [a.origin for a in articles] == [f"{path}:{i}" for i in range(1, len(articles) + 1)]
    (error,) = errors
    assert error.path == str(path)
    assert "truncated .gz" in error.reason
    assert f"after {len(articles)} record(s)" in error.reason


def test_truncated_text_gz(tmp_path: Path, split) -> None:
    whole = gzip.compress((GOOD_TEXT * 200).encode("utf-8"))
    path = tmp_path / "article.txt.gz"
    path.write_bytes(whole[:-12])
    articles, (error,) = split(read_paths([path]))
    assert articles == []
    assert "truncated .gz" in error.reason


def test_corrupt_gz(tmp_path: Path, split) -> None:
    path = tmp_path / "bad.jsonl.gz"
    path.write_bytes(b"\x1f\x8b\x08\x00" + b"\xff" * 64)
    _, (error,) = split(read_paths([path]))
    assert error.path == str(path) and ".gz" in error.reason


def test_decompressed_text_over_the_limit(tmp_path: Path, split) -> None:
    path = tmp_path / "bomb.txt.gz"
    path.write_bytes(gzip.compress(("ن" * (MAX_ARTICLE_BYTES)).encode("utf-8")))
    _, (error,) = split(read_paths([path]))
    assert isinstance(error, TooLargeError) and "decompressed" in error.reason


def test_missing_path(tmp_path: Path, split) -> None:
    _, (error,) = split(read_paths([tmp_path / "nope.txt"]))
    assert isinstance(error, IngestError) and "no such file" in error.reason


def test_not_jsonl_at_all_gives_one_line(tmp_path: Path, split) -> None:
    path = tmp_path / "table.jsonl"
    path.write_text("\n".join(f"col1,col2,{i}" for i in range(100)) + "\n", encoding="utf-8")
    _, errors = split(read_paths([path]))
    (error,) = errors
    assert error.record is None
    assert "not a JSON lines file" in error.reason and "line 1: not JSON" in error.reason
