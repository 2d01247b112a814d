from __future__ import annotations

import gzip
import json
import shutil
from pathlib import Path

from marsad.ingest.read import count_inputs, detect_format, iter_input_files, read_file, read_paths

TEXT = "عنوان الخبر الأول\nنص الخبر الأول في سطر كامل ينتهي بنقطة.\n"
RECORD = {"title": "عنوان السجل", "content": "نص السجل الأول.", "source": "s", "url": "http://e.x/r"}
HTML = ("<!doctype html><html><head><title>عنوان الصفحة</title></head><body><article><p>"
        + "فقرة أولى من صفحة الاختبار تتحدث عن افتتاح حديقة جديدة في الحي الشمالي للمدينة. " * 3
        + "</p></article></body></html>")


def make_tree(root: Path) -> None:
    (root / "b").mkdir(parents=True)
    (root / "a.txt").write_text(TEXT, encoding="utf-8")
    (root / "b" / "c.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    (root / "b" / "d.html").write_text(HTML, encoding="utf-8")
    (root / "b" / "e.txt.gz").write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (root / "b" / "f.jsonl.gz").write_bytes(gzip.compress((json.dumps(RECORD, ensure_ascii=False) + "\n").encode()))
    (root / "b" / "noext").write_text(HTML, encoding="utf-8")
    (root / ".hidden.txt").write_text(TEXT, encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "x.txt").write_text(TEXT, encoding="utf-8")
    (root / "marsad.db").write_bytes(b"SQLite format 3\x00")
    (root / "marsad.db-wal").write_bytes(b"\x00" * 10)
    (root / "README.md").write_text("# notes\n", encoding="utf-8")
    (root / "b" / "labels.tsv").write_text("a\tb\n", encoding="utf-8")
    (root / "b" / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n")


def test_walk_is_sorted_recursive_and_skips_hidden_and_databases(tmp_path: Path) -> None:
    make_tree(tmp_path)
    files = [p.relative_to(tmp_path).as_posix() for p in iter_input_files([tmp_path])]
    assert files == ["a.txt", "b/c.jsonl", "b/d.html", "b/e.txt.gz", "b/f.jsonl.gz", "b/noext"]
    assert count_inputs([tmp_path]) == 6


def test_every_format_is_read(tmp_path: Path, split) -> None:
    make_tree(tmp_path)
    articles, errors = split(read_paths([tmp_path]))
    assert errors == []
    got = [(Path(a.origin.split(":")[0]).name, a.format, a.layer) for a in articles]
    assert got == [
        ("a.txt", "text", "scraped-text"),
        ("c.jsonl", "jsonl", "jsonl"),
        ("d.html", "html", "trafilatura"),
        ("e.txt.gz", "text", "scraped-text"),
        ("f.jsonl.gz", "jsonl", "jsonl"),
        ("noext", "html", "trafilatura"),
    ]


def test_read_is_deterministic_and_deduplicated(tmp_path: Path, split) -> None:
    make_tree(tmp_path)
    once, _ = split(read_paths([tmp_path]))
    twice, _ = split(read_paths([tmp_path, tmp_path / "a.txt", tmp_path]))
    assert [a.id for a in once] == [a.id for a in twice]


def test_explicitly_named_file_is_read_whatever_its_extension(tmp_path: Path, split) -> None:
    notes = tmp_path / "notes.md"
    notes.write_text(TEXT, encoding="utf-8")
    logo = tmp_path / "logo.png"
    logo.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    assert list(iter_input_files([tmp_path])) == []  # a walk leaves them alone
    (article,), errors = split(read_paths([notes, logo]))
    assert article.format == "text" and article.origin == str(notes)
    (error,) = errors
    assert error.path == str(logo) and "PNG image" in error.reason


def test_explicit_database_file_is_reported(tmp_path: Path, split) -> None:
    make_tree(tmp_path)
    _, (error,) = split(read_paths([tmp_path / "marsad.db"]))
    assert "database" in error.reason


def test_gzip_data_without_gz_name_is_sniffed(tmp_path: Path, split) -> None:
    path = tmp_path / "article.txt"
    path.write_bytes(gzip.compress(TEXT.encode("utf-8")))
    (article,), errors = split(read_paths([path]))
    assert errors == [] and article.title == "عنوان الخبر الأول"


def test_read_file_single(fixtures_dir: Path, split) -> None:
    (article,), _ = split(read_file(fixtures_dir / "utf16_article.txt"))
    assert article.extra["encoding"] == "utf-16-le"
    assert article.source is None and article.footer_removed is False


def test_detect_format() -> None:
    assert detect_format("a.HTM", b"") == "html"
    assert detect_format("a.ndjson", b"") == "jsonl"
    assert detect_format("a.txt", b"<html>") == "text"  # the extension wins when it is known
    assert detect_format("README", b"  <!DOCTYPE html><html>") == "html"
    assert detect_format("dump", b'{"title": "x"}\n') == "jsonl"
    assert detect_format("notes.md", "نص عادي".encode()) == "text"


def test_same_record_from_two_paths_has_the_same_id(tmp_path: Path, fixtures_dir: Path, split) -> None:
    for name in ("one", "two"):
        (tmp_path / name).mkdir()
        shutil.copy(fixtures_dir / "scraped_footer.txt", tmp_path / name / "copy.txt")
        (tmp_path / name / "r.jsonl").write_text(json.dumps(RECORD, ensure_ascii=False) + "\n", encoding="utf-8")
    articles, errors = split(read_paths([tmp_path / "one", tmp_path / "two"]))
    assert errors == [] and len(articles) == 4
    assert articles[0].origin != articles[2].origin
    assert articles[0].id == articles[2].id  # scraped text, no URL: outlet + content
    assert articles[1].id == articles[3].id  # JSONL, by URL
    assert articles[0].content_hash == articles[2].content_hash
