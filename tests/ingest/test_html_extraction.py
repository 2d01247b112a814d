from __future__ import annotations

import pytest

from marsad.errors import IngestError
from marsad.ingest.html import article_from_html, decode_html
from marsad.ingest.read import read_paths

TITLE = "افتتاح مكتبة عامة جديدة في وسط المدينة"


def test_page_metadata_and_blocks(fixtures_dir, split) -> None:
    articles, errors = split(read_paths([fixtures_dir / "page.html"]))
    assert errors == []
    (article,) = articles
    assert article.title == TITLE
    assert article.source == "صحيفة المثال"
    assert article.url == "https://www.example-news.com/culture/2025/library-opening/"
    assert article.author == "سلمى العتيبي"
    assert article.published_at == "2025-01-12T08:30:00+03:00"
    assert article.format == "html" and article.layer == "trafilatura"
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "paragraph", "heading", "paragraph", "bullet", "bullet", "bullet", "paragraph"]
    assert article.blocks[2].text == "خدمات مجانية للزوار"
    # the h1 repeating the title, the dateline, the nav bar and the footer are not body text
    assert TITLE not in article.body
    assert "يناير" not in article.body
    assert "الرئيسية" not in article.body and "جميع الحقوق" not in article.body
    for block in article.blocks:
        assert article.body[block.start : block.end] == block.text
    assert article.original.startswith("<!DOCTYPE html>")


def test_levantine_date_in_page_text(fixtures_dir, split) -> None:
    (article,), errors = split(read_paths([fixtures_dir / "page_levantine_date.html"]))
    assert errors == []
    assert article.published_at == "2025-01-12"
    assert article.extra["date_from"] == "page-text"


def test_same_page_same_text_same_hash(fixtures_dir, split) -> None:
    articles, _ = split(read_paths([fixtures_dir / "page.html", fixtures_dir / "page_levantine_date.html"]))
    assert articles[0].content_hash == articles[1].content_hash
    assert articles[0].id != articles[1].id  # different canonical URLs


def test_windows_1256_page_with_meta_charset(fixtures_dir) -> None:
    html = (fixtures_dir / "page.html").read_text(encoding="utf-8")
    data = html.replace('charset="utf-8"', 'charset="windows-1256"').encode("cp1256")
    decoded = decode_html(data)
    assert decoded.encoding == "cp1256"
    assert TITLE in decoded.text


def test_windows_1256_page_without_declaration(fixtures_dir) -> None:
    html = (fixtures_dir / "page.html").read_text(encoding="utf-8").replace('<meta charset="utf-8">', "")
    decoded = decode_html(html.encode("cp1256"))
    assert decoded.encoding == "windows-1256"
    assert TITLE in decoded.text


def test_page_without_site_name_or_url_has_no_source() -> None:
    paragraph = "أعلنت إدارة الحديقة العامة عن تمديد ساعات العمل خلال فصل الصيف لتستقبل الزوار حتى منتصف الليل. " * 3
    html = f"<html><head><title>تمديد ساعات العمل</title></head><body><article><p>{paragraph}</p></article></body></html>"
    article = article_from_html(html, path="p.html")
    assert article.source is None
    assert article.url is None
    assert article.body == paragraph.strip()


@pytest.mark.parametrize(
    "html",
    [
        "<html><head><title>x</title></head><body></body></html>",
        "<html><body><script>var a = 1;</script></body></html>",
    ],
)
def test_page_without_text_is_an_ingest_error(html: str) -> None:
    with pytest.raises(IngestError) as err:
        article_from_html(html, path="empty.html")
    assert err.value.path == "empty.html"
    assert "no article text" in err.value.reason
