"""The pages rendered in-process: right-to-left Arabic, the English switch, escaping of hostile
article text, nothing loaded from outside the server."""

from __future__ import annotations

import re

import pytest

from marsad_test_corpus import XSS_IMG, XSS_SCRIPT

PAGES = ["/", "/articles", "/search", "/search?q=النفط", "/search?q=النفط&source=صحيفة الشرق&from=2024-03-01"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_arabic_rtl_by_default(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert r.headers["content-type"].startswith("text/html")
    assert '<html lang="ar" dir="rtl">' in r.text


@pytest.mark.parametrize("path", PAGES)
def test_pages_load_nothing_from_elsewhere(client, path):
    r = client.get(path)
    assert "default-src 'self'" in r.headers["content-security-policy"]
    for attr in re.findall(r'(?:src|href)="([^"]*)"', r.text):
        assert not re.match(r"(?i)^(https?:)?//", attr), attr
    assert "<style" not in r.text and " style=" not in r.text and "<script>" not in r.text


def test_english_switch_sets_a_cookie_and_keeps_content_rtl(client, articles):
    r = client.get(f"/articles/{articles['aid'].id}?lang=en")
    assert '<html lang="en" dir="ltr">' in r.text
    assert "marsad_lang=en" in r.headers["set-cookie"]
    assert 'class="article-body" lang="ar" dir="rtl"' in r.text
    again = client.get("/", cookies={"marsad_lang": "en"})
    assert '<html lang="en" dir="ltr">' in again.text and "Overview" in again.text
    back = client.get("/?lang=ar", cookies={"marsad_lang": "en"})
    assert '<html lang="ar" dir="rtl">' in back.text


def test_language_links_keep_the_query(client):
    r = client.get("/search?q=النفط&source=صحيفة الشرق")
    link = re.search(r'class="lang-switch" href="([^"]+)"', r.text).group(1)
    assert link.startswith("/search?") and "lang=en" in link and "source=" in link and "q=" in link


def test_hostile_article_is_shown_as_text(client, articles):
    a = articles["xss"]
    html = client.get(f"/articles/{a.id}").text
    assert XSS_SCRIPT not in html and XSS_IMG not in html and "<b>عاجل</b>" not in html
    assert "&lt;script&gt;window.__xss=1&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=&#34;window.__xss=2&#34;&gt;" in html
    assert "<i>مائل</i>" not in html and "مصدر &lt;i&gt;مائل&lt;/i&gt;" in html
    assert 'href="javascript:' not in html.lower()
    assert "javascript:window.__xss=3" in html  # shown, not linked


def test_hostile_text_in_search_snippets_is_escaped(client):
    html = client.get("/search?q=الأمن الرقمي").text
    assert "<script>window" not in html and "<img src=x" not in html
    assert "<mark>" in html and "&lt;b&gt;عاجل&lt;/b&gt;" in html


def test_article_page_structure(client, articles):
    a = articles["aid"]
    html = client.get(f"/articles/{a.id}?q=أوكرانيا").text
    body = html[html.index('class="article-body"'):html.index("article-details")]
    assert "<h2>محتويات الشحنة</h2>" in body
    assert "<ul><li>أدوية للأمراض المزمنة</li><li>معدات جراحية ومستلزمات إسعاف</li></ul>" in body
    assert body.count("<p>") == 2
    assert 'href="https://example.org/news/aid"' in html and 'rel="noopener noreferrer nofollow"' in html
    assert 'href="/search?q=%D8%A3' in html  # back to the results


def test_source_missing_badge(client, articles):
    html = client.get(f"/articles/{articles['match'].id}").text
    assert 'class="badge badge-missing"' in html and "المصدر غير معروف" in html


def test_english_article_is_ltr(client, articles):
    html = client.get(f"/articles/{articles['english'].id}").text
    assert 'class="article-body" lang="en" dir="ltr"' in html


def test_search_page_shows_facets_and_highlights(client):
    html = client.get("/search?q=النفط").text
    assert "النتائج 1–2 من 2" in html
    assert html.count('name="source"') == 2
    assert "<mark>" in html and "timeline-chart" in html


def test_search_filter_checkbox_is_checked(client):
    html = client.get("/search?q=النفط&source=صحيفة الشرق").text
    assert 'value="صحيفة الشرق" data-autosubmit checked' in html
    assert "النتائج 1–1 من 1" in html


def test_home_has_charts_and_counts(client, articles):
    html = client.get("/").text
    assert "bar-chart" in html and "timeline-chart" in html
    assert f'<span class="stat-num">{len(articles)}</span>' in html


def test_empty_database_home(tmp_path):
    from marsad.api import create_app
    from marsad_test_corpus import AppClient

    app = create_app(tmp_path / "empty.db")
    try:
        html = AppClient(app).get("/").text
    finally:
        app.state.pool.close()
    assert "قاعدة البيانات فارغة" in html


@pytest.mark.parametrize("path, status", [
    ("/articles/no-such-id", 404),
    ("/no/such/page", 404),
    ("/search?q=x&from=not-a-date", 422),
    ("/articles?page=0", 422),
])
def test_errors_are_html_pages(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'<p class="error-status" dir="ltr">{status}</p>' in r.text


def test_static_font_and_license_ship(client):
    font = client.get("/static/fonts/noto-naskh-arabic-arabic-400-normal.woff2")
    assert font.status_code == 200 and font.content[:4] == b"wOF2"
    assert "SIL Open Font License" in client.get("/static/fonts/OFL.txt").text
