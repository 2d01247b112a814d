"""The entity, event and annotated-article pages in-process (httpx ASGITransport): content,
links, hostile text escaped, no inline style or script, English switch, HTML errors."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from marsad_entity_corpus import (  # noqa: E402
    ENTITY_ARTICLES,
    ENTITY_XSS,
    ENTITY_XSS_IMG,
    HOSTILE_QUOTE,
    QUOTE_TEXT,
    build_entity_db,
    entity_app,
)
from marsad_test_corpus import AppClient  # noqa: E402

A = ENTITY_ARTICLES


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = entity_app(build_entity_db(tmp_path_factory.mktemp("entity-pages") / "pages.db"))
    yield AppClient(app)
    app.state.pool.close()


def _main(html: str) -> str:
    return html[html.index("<main"):html.index("</main>")]


PAGES = ["/entities", "/entities?type=ORG", "/entities/Q159", "/events", "/events?type=SANCTION&actor=روسيا",
         f"/articles/{A['sanctions'].id}/annotations", f"/articles/{A['hostile'].id}/annotations"]


@pytest.mark.parametrize("path", PAGES)
def test_pages_are_rtl_and_self_contained(client, path):
    r = client.get(path)
    assert r.status_code == 200
    assert '<html lang="ar" dir="rtl">' in r.text
    assert "default-src 'self'" in r.headers["content-security-policy"]
    for attr in re.findall(r'(?:src|href)="([^"]*)"', r.text):
        assert not re.match(r"(?i)^(https?:)?//|javascript:", attr), attr
    assert "<style" not in r.text and " style=" not in r.text and "<script>" not in r.text


def test_entities_list_has_type_tabs_and_links(client):
    html = _main(client.get("/entities").text)
    tabs = re.findall(r'<a class="mode" href="([^"]*)"( aria-current="true")?>', html)
    assert [href for href, _ in tabs] == ["/entities", "/entities?type=PERS", "/entities?type=ORG",
                                          "/entities?type=LOC", "/entities?type=MISC"]
    assert [bool(current) for _, current in tabs] == [True, False, False, False, False]
    assert 'href="/entities/Q159" dir="auto">روسيا</a>' in html
    assert 'href="/entities/m:ORG:government-of-russia"' in html
    orgs = _main(client.get("/entities?type=org").text)
    assert "الحكومة الروسية" in orgs and 'href="/entities/Q159"' not in orgs  # organisations only
    assert '<a class="mode" href="/entities?type=ORG" aria-current="true">' in orgs


def test_entity_page_has_chart_network_aliases_and_articles(client):
    html = _main(client.get("/entities/روسيا").text)
    assert '<h1 class="entity-name" dir="auto">روسيا</h1>' in html
    assert "timeline-chart" in html and html.count('class="col"') == 3  # three days with mentions
    network = html[html.index('<svg class="chart entity-network"'):html.index("</svg>", html.index("entity-network"))]
    links = re.findall(r'<a class="net-link" href="([^"]+)">', network)
    assert "/entities/Q212" in links and "/entities/Q43" in links and "/entities/Q159" not in links
    edges = re.findall(r'stroke-width="([\d.]+)"><title>([^<]+)</title>', network)
    assert len(edges) == len(links)
    width = {title.split(":")[0]: float(w) for w, title in edges}
    assert width["مع أوكرانيا"] == 9.0 and width["مع تركيا"] < width["مع أوكرانيا"]
    assert '<li class="chip" dir="auto">الاتحاد الروسي</li>' in html
    for key in ("talks", "aid", "sanctions"):
        assert f'href="/articles/{A[key].id}/annotations"' in html
    assert 'href="/events?type=ACCUSE&amp;actor=Q159"' in html  # its events, filtered to it


def test_events_page_shows_actor_type_recipient_and_the_sentence(client):
    html = _main(client.get("/events?type=SANCTION").text)
    assert '<option value="SANCTION" selected>عقوبات</option>' in html
    rows = re.findall(r'<tr class="event-row">(.*?)</tr>', html, re.S)
    assert rows and all(">عقوبات</a>" in r for r in rows)
    west = next(r for r in rows if "فرضت" in r)
    order = [west.index(x) for x in ('href="/entities/m:LOC:the-west"', ">عقوبات</a>", 'href="/entities/Q159"',
                                     '<mark class="trigger">فرضت</mark>', f'href="/articles/{A["sanctions"].id}/annotations"')]
    assert order == sorted(order)  # actor → type → recipient, then the sentence and its article
    assert '<mark class="trigger">فرضت</mark> <mark class="actor">الدول الغربية</mark>' in west
    assert '<mark class="recipient">روسيا</mark>' in west
    denied = next(r for r in rows if "ولم" in r)
    assert 'class="flag flag-negated"' in denied


def test_events_actor_filter_resolves_names(client):
    html = _main(client.get("/events?actor=الاتحاد الروسي").text)
    assert '<a href="/entities/Q159" dir="auto">روسيا</a> <code dir="ltr">Q159</code>' in html
    actors = re.findall(r'<td class="event-actor">(.*?)</td>', html, re.S)
    assert actors and all(a.startswith('<a class="party" href="/entities/Q159"') for a in actors)


def test_annotated_article_links_mentions_and_marks_evidence(client):
    html = _main(client.get(f"/articles/{A['sanctions'].id}/annotations").text)
    body = html[html.index('class="article-body"'):html.index('class="ann-panels"')]
    assert 'class="article-body" lang="ar" dir="rtl"' in body
    assert re.search(r'<a class="mention mention-loc" href="/entities/Q159" title="روسيا · مكان">(<mark[^>]*>)?روسيا', body)
    assert 'href="/entities/m:LOC:the-west"' in body and 'href="/entities/Q649"' in body
    anchor = re.search(r'<mark class="evidence" id="(ev-\d+-\d+)"[^>]*>مصادر مطلعة</mark>', body)
    assert anchor and f'href="#{anchor.group(1)}"' in html
    panels = html[html.index('class="ann-panels"'):]
    assert f">{QUOTE_TEXT}</blockquote>" in panels
    assert 'class="badge badge-direct"' in panels and 'class="badge badge-anonymous"' in panels
    assert '<a class="event-type" href="/events?type=SANCTION"' in panels
    assert 'class="tone-score tone-neg"' in panels


def test_hostile_text_in_mentions_and_quotes_stays_text(client):
    html = client.get(f"/articles/{A['hostile'].id}/annotations").text
    assert ENTITY_XSS not in html and ENTITY_XSS_IMG not in html and HOSTILE_QUOTE not in html
    assert "<b>" not in html and "<i>" not in html
    # The mention between the markup-looking words is still one link with the words escaped around it.
    assert ('&lt;b&gt;<a class="mention mention-org" href="/entities/m:ORG:government-of-russia" '
            'title="الحكومة الروسية · منظمة">الكرملين</a>&lt;/b&gt;') in html
    assert "&lt;script&gt;window.__xss=5&lt;/script&gt; لن نتراجع عن موقفنا</blockquote>" in html
    assert "متحدث باسم &lt;b&gt;الكرملين&lt;/b</span>" in html  # the speaker as written


def test_article_without_names_says_so(client):
    html = _main(client.get(f"/articles/{A['books'].id}/annotations").text)
    assert "لم يُتعرّف على كيانات في هذا المقال." in html and "لا اقتباسات." in html
    assert 'class="mention' not in html
    # Only the highlight the text has gets a switch.
    assert 'id="ann-show-entities"' not in html and 'id="ann-show-evidence"' in html


def test_english_interface_keeps_the_text_rtl(client):
    r = client.get(f"/articles/{A['sanctions'].id}/annotations?lang=en")
    assert '<html lang="en" dir="ltr">' in r.text
    assert 'class="article-body" lang="ar" dir="rtl"' in r.text
    assert "Credibility signals" in r.text and "attributed to unnamed sources" in r.text
    events = client.get("/events?type=SANCTION", cookies={"marsad_lang": "en"}).text
    assert "<h1>Events</h1>" in events and '<span class="arrow" aria-hidden="true">→</span>' in events
    assert ">Sanction</a>" in events


@pytest.mark.parametrize("path,status", [("/entities/لا-يوجد", 404), ("/entities?type=PEOPLE", 422),
                                         ("/events?type=WAR", 422), ("/articles/nope/annotations", 404),
                                         ("/events?page=0", 422)])
def test_errors_are_html_pages(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("text/html")
    assert f'<p class="error-status" dir="ltr">{status}</p>' in r.text


TEMPLATES = Path(__file__).resolve().parents[2] / "src" / "marsad" / "web" / "templates"


def test_article_page_shows_the_annotations_once_wired(client):
    """Active once article.html includes the partial (the article page's own body is replaced by it)."""
    if "_article_annotations.html" not in (TEMPLATES / "article.html").read_text(encoding="utf-8"):
        pytest.skip("article.html does not include _article_annotations.html yet")
    html = client.get(f"/articles/{A['sanctions'].id}").text
    assert html.count('class="article-body"') == 1 and '<section class="annotations"' in html
    assert 'href="/entities/Q159"' in html and 'class="evidence"' in html
    hostile = client.get(f"/articles/{A['hostile'].id}").text
    assert ENTITY_XSS not in hostile and "&lt;script&gt;window.__xss=5&lt;/script&gt;" in hostile
