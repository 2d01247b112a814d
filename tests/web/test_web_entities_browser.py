"""The entity, event and annotated-article pages in a real browser (headless Debian Chromium
through Playwright) against the app under uvicorn: article → entity → co-occurring entity,
right-to-left layout, hostile text in a mention's neighbourhood and in a quote stays text, the
events page. Screenshots go to artifacts/screenshots/ (12-entity, 13-events, 14-article-annotated)."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "api"))

from live_app import serving  # noqa: E402
from marsad_entity_corpus import (  # noqa: E402
    ENTITY_ARTICLES,
    ENTITY_XSS,
    ENTITY_XSS_IMG,
    HOSTILE_QUOTE,
    build_entity_db,
    entity_app,
)

A = ENTITY_ARTICLES
CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
ANNOTATIONS_CSS = "/static/annotations.css"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def entity_server(tmp_path_factory: pytest.TempPathFactory):
    with serving(entity_app(build_entity_db(tmp_path_factory.mktemp("entity-live") / "live.db"))) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


@pytest.fixture
def page(browser, entity_server):
    context = browser.new_context(viewport={"width": 1280, "height": 900}, base_url=entity_server)
    pg = context.new_page()
    pg.foreign_requests = []
    pg.on("request", lambda req: None if req.url.startswith(entity_server) else pg.foreign_requests.append(req.url))
    pg.dialogs = []
    pg.on("dialog", lambda d: (pg.dialogs.append(d.message), d.dismiss()))
    yield pg
    context.close()


def open_page(page, path: str) -> None:
    """Go to ``path`` with annotations.css applied: base.html links it once the lead wires it in;
    until then it is added here, from our own server (the CSP allows 'self' stylesheets)."""
    page.goto(path)
    if page.locator(f"link[rel=stylesheet][href^='{ANNOTATIONS_CSS}']").count() == 0:
        page.add_style_tag(url=ANNOTATIONS_CSS)
    page.evaluate("document.fonts.ready")


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_article_to_entity_to_co_occurring_entity(page):
    open_page(page, f"/articles/{A['sanctions'].id}/annotations")
    assert page.locator("html").get_attribute("dir") == "rtl"
    body = page.locator(".annotations .article-body")
    assert body.get_attribute("dir") == "rtl"
    assert body.evaluate("el => getComputedStyle(el).direction") == "rtl"
    mentions = body.locator("a.mention")
    texts = mentions.all_inner_texts()
    assert {"روسيا", "أوكرانيا", "موسكو", "الكرملين", "الدول الغربية"} <= set(texts)
    hrefs = [mentions.nth(i).get_attribute("href") for i in range(mentions.count())]
    assert all(h.startswith("/entities/") for h in hrefs)
    russia = body.locator("a.mention", has_text="روسيا").first
    # Highlighted by its type's colour, not plain text.
    assert russia.evaluate("el => getComputedStyle(el).borderBottomStyle") == "solid"
    evidence = body.locator("mark.evidence")
    assert evidence.count() >= 2
    assert page.locator(".ann-signals a.evidence-go").count() >= 2
    assert page.locator(".ann-quotes blockquote").first.inner_text() == "العقوبات ستبقى قائمة حتى تتوقف الحرب"
    assert page.locator(".ann-quotes .badge-anonymous").count() == 1
    shot(page, "14-article-annotated")

    # Unticking a layer takes its highlight away (CSS only).
    page.locator("#ann-show-entities").uncheck()
    assert russia.evaluate("el => getComputedStyle(el).borderBottomStyle") == "none"
    page.locator("#ann-show-entities").check()

    russia.click()
    page.wait_for_url(re.compile(r"/entities/Q159$"))
    open_page(page, page.url)
    assert page.locator("h1.entity-name").inner_text() == "روسيا"
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator(".entity-network .net-link").count() >= 5
    assert page.locator(".entity-timeline svg .col").count() == 3
    shot(page, "12-entity")
    page.locator(".entity-network .net-link", has_text="أوكرانيا").click()
    page.wait_for_url(re.compile(r"/entities/Q212$"))
    assert page.locator("h1.entity-name").inner_text() == "أوكرانيا"
    page.locator(".entity-articles a", has_text="محادثات روسية تركية").click()
    page.wait_for_url(re.compile(r"/annotations$"))
    assert page.locator(".annotations .article-body a.mention", has_text="أنقرة").count() == 1
    assert page.foreign_requests == []


def test_hostile_text_in_mention_and_quote_stays_text(page):
    open_page(page, f"/articles/{A['hostile'].id}/annotations")
    text = page.locator(".annotations .article-body").inner_text()
    assert "<b>الكرملين</b>" in text and ENTITY_XSS_IMG in text and ENTITY_XSS in text
    kremlin = page.locator(".annotations .article-body a.mention", has_text="الكرملين")
    assert kremlin.count() == 1 and kremlin.inner_text() == "الكرملين"
    quotes = page.locator(".ann-quotes blockquote").all_inner_texts()
    assert HOSTILE_QUOTE in quotes
    assert page.locator("main script, main img, main b, main i").count() == 0
    assert page.evaluate("typeof window.__xss") == "undefined"
    assert page.dialogs == []


def test_events_page_filters_by_type_and_actor(page):
    open_page(page, "/events")
    assert page.locator("html").get_attribute("dir") == "rtl"
    rows = page.locator("table.event-table tbody tr")
    assert rows.count() >= 8
    assert rows.first.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # In a right-to-left table the actor column is right of the recipient column.
    actor_x = rows.first.locator("td.event-actor").bounding_box()["x"]
    recipient_x = rows.first.locator("td.event-recipient").bounding_box()["x"]
    assert actor_x > recipient_x
    shot(page, "13-events")
    page.locator(".event-filters select[name=type]").select_option("SANCTION")
    page.locator(".event-filters input[name=actor]").fill("الدول الغربية")
    page.locator(".event-filters button").click()
    page.wait_for_url(re.compile(r"type=SANCTION"))
    rows = page.locator("table.event-table tbody tr")
    assert rows.count() == 1
    row = rows.first
    assert row.locator(".party").all_inner_texts() == ["الغرب", "روسيا"]
    assert row.locator(".event-sentence mark.trigger").inner_text() == "فرضت"
    row.locator("td.event-recipient a.party").click()
    page.wait_for_url(re.compile(r"/entities/Q159$"))
    assert page.foreign_requests == []


@pytest.mark.parametrize("path", ["/entities/Q159", "/events", "/entities", "ANNOTATED"])
def test_narrow_screen_does_not_scroll_sideways(browser, entity_server, path):
    context = browser.new_context(viewport={"width": 390, "height": 844}, base_url=entity_server)
    page = context.new_page()
    try:
        open_page(page, path.replace("ANNOTATED", f"/articles/{A['sanctions'].id}/annotations"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"{path} scrolls sideways: {width}px"
    finally:
        context.close()
