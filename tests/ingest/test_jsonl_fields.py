from __future__ import annotations

import json
from pathlib import Path

import pytest

from marsad.errors import ConfigError
from marsad.ingest.jsonl import parse_field_map
from marsad.ingest.read import read_paths
from marsad.settings import Limits

BODY = "أعلنت وزارة الزراعة بدء موسم حصاد التمور في المنطقة الشرقية.\nوتوقعت الوزارة أن يرتفع الإنتاج هذا العام بنسبة ملحوظة."


def record(**overrides) -> dict:
    base = {
        "id": "demo-1",
        "source": "alyaum",
        "url": "http://example.com/news/1",
        "date_extracted": "2015-07-21 02:51:41",
        "title": "بدء موسم حصاد التمور",
        "author": "الدمام: مراسل الصحيفة",
        "content": BODY,
    }
    base.update(overrides)
    return base


def write_jsonl(path: Path, records: list, *, raw_lines: list[str] = ()) -> Path:
    lines = [json.dumps(r, ensure_ascii=False) for r in records] + list(raw_lines)
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_shared_layout_needs_no_options(tmp_path, split) -> None:
    path = write_jsonl(tmp_path / "news.jsonl", [record()])
    (article,), errors = split(read_paths([path]))
    assert errors == []
    assert article.title == "بدء موسم حصاد التمور"
    assert article.body == BODY
    assert [b.kind for b in article.blocks] == ["paragraph", "paragraph"]
    assert article.source == "alyaum"
    assert article.url == "http://example.com/news/1"
    assert article.author == "الدمام: مراسل الصحيفة"
    assert article.published_at == "2015-07-21T02:51:41"
    assert article.format == "jsonl" and article.layer == "jsonl"
    assert article.origin == f"{path}:1"
    assert article.original == path.read_text(encoding="utf-8").rstrip("\n")
    assert article.extra == {"id": "demo-1", "encoding": "utf-8"}


def test_custom_layout_with_field_map(tmp_path, split) -> None:
    rec = {"headline": "بدء موسم حصاد التمور", "text": BODY, "date": "الأحد 5 مارس 2023",
           "outlet": "صحيفة الشرق", "meta": {"link": "https://example.org/a"}, "section": "اقتصاد"}
    path = write_jsonl(tmp_path / "custom.ndjson", [rec])
    (article,), errors = split(read_paths([path], field_map="body=text,title=headline,published_at=date,url=meta.link"))
    assert errors == []
    assert article.title == rec["headline"]
    assert article.body == BODY
    assert article.published_at == "2023-03-05"
    assert article.url == "https://example.org/a"
    assert article.source == "صحيفة الشرق"  # not mapped: found under a common key name
    assert article.extra == {"section": "اقتصاد", "encoding": "utf-8"}


def test_explicit_map_overrides_defaults(tmp_path, split) -> None:
    rec = record(content="", body_text=BODY)
    path = write_jsonl(tmp_path / "a.jsonl", [rec])
    (article,), errors = split(read_paths([path], field_map={"body": "body_text"}))
    assert errors == [] and article.body == BODY


def test_unreadable_date_is_kept_raw(tmp_path, split) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(date_extracted="قبل ساعتين")])
    (article,), _ = split(read_paths([path]))
    assert article.published_at is None
    assert article.extra["published_at_raw"] == "قبل ساعتين"


def test_epoch_dates(tmp_path, split) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(date_extracted=1736670600), record(date_extracted=1736670600000)])
    articles, _ = split(read_paths([path]))
    assert [a.published_at for a in articles] == ["2025-01-12T08:30:00Z"] * 2


def test_extra_is_bounded(tmp_path, split) -> None:
    many = {f"k{i}": i for i in range(80)}
    path = write_jsonl(tmp_path / "a.jsonl", [record(huge="س" * 5000, nested={"a": list(range(2000))}, **many)])
    (article,), _ = split(read_paths([path], limits=Limits(max_extra_fields=10)))
    assert "huge" not in article.extra and "nested" not in article.extra
    assert {"huge", "nested"} <= set(article.extra["dropped_fields"])
    kept = [k for k in article.extra if k not in ("dropped_fields", "encoding")]
    assert len(kept) == 10


def test_same_text_from_two_outlets(tmp_path, split) -> None:
    a = record(source="okaz", url="http://okaz.example/1")
    b = record(source="alwatan", url="http://alwatan.example/9", title="عنوان آخر للخبر نفسه")
    path = write_jsonl(tmp_path / "wire.jsonl", [a, b])
    (first, second), _ = split(read_paths([path]))
    assert first.id != second.id
    assert first.content_hash == second.content_hash


def test_same_text_from_two_outlets_without_urls(tmp_path, split) -> None:
    a, b = record(source="okaz", url=None), record(source="alwatan", url=None)
    path = write_jsonl(tmp_path / "wire.jsonl", [a, b])
    (first, second), _ = split(read_paths([path]))
    assert first.source == "okaz" and first.url is None
    assert first.id != second.id
    assert first.content_hash == second.content_hash


def test_body_as_list_of_paragraphs(tmp_path, split) -> None:
    path = write_jsonl(tmp_path / "a.jsonl", [record(content=BODY.split("\n"))])
    (article,), _ = split(read_paths([path]))
    assert article.body == BODY


@pytest.mark.parametrize(
    ("spec", "expected"),
    [
        ("body=content,title=headline", {"body": "content", "title": "headline"}),
        (" body = text , published_at=meta.date ,", {"body": "text", "published_at": "meta.date"}),
    ],
)
def test_parse_field_map(spec: str, expected: dict) -> None:
    assert parse_field_map(spec) == expected


@pytest.mark.parametrize(
    ("spec", "message"),
    [
        ("text=content", "unknown article field"),
        ("body", "has no '='"),
        ("body=", "both FIELD and KEY"),
        ("body=a,body=b", "twice"),
        ("", "empty field map"),
    ],
)
def test_parse_field_map_refuses(spec: str, message: str) -> None:
    with pytest.raises(ConfigError, match=message):
        parse_field_map(spec)


def test_bad_field_map_raises_before_reading(tmp_path) -> None:
    with pytest.raises(ConfigError):
        read_paths([tmp_path / "does-not-matter.jsonl"], field_map={"headline": "title"})
