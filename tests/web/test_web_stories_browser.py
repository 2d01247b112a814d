"""Stories in a real browser (headless Debian Chromium through Playwright) against the app under
uvicorn, over a database built by ingesting articles written for the test (one event retold by
several outlets at different times) and clustering them: search → article → its story, the
stories list, the English switch, hostile text, a narrow screen. Screenshots go to
artifacts/screenshots/ (10-story, 11-stories, 12-story-mobile)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from live_app import serving
from marsad_story_corpus import PLANT_COPIES, STORY_ARTICLES, STORY_XSS, build_story_db

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[2] / "artifacts" / "screenshots"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--no-first-run", "--disable-sync"]
A = STORY_ARTICLES

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(),
                                reason="/usr/bin/chromium is not installed (apt-get install -y chromium)")


@pytest.fixture(scope="module")
def story_server(tmp_path_factory: pytest.TempPathFactory):
    """The app over the story database under uvicorn on 127.0.0.1; yields its base URL."""
    from marsad.api import create_app

    db = build_story_db(tmp_path_factory.mktemp("story-live") / "stories.db")
    with serving(create_app(db, token=None)) as url:
        yield url


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        instance = pw.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield instance
        instance.close()


def _context(browser, base_url: str, **options):
    context = browser.new_context(base_url=base_url, **options)
    page = context.new_page()
    page.foreign_requests = []
    page.on("request", lambda r: None if r.url.startswith(base_url) else page.foreign_requests.append(r.url))
    page.dialogs = []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    return context, page


@pytest.fixture
def page(browser, story_server):
    context, pg = _context(browser, story_server, viewport={"width": 1280, "height": 900})
    yield pg
    context.close()


def shot(page, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.evaluate("document.fonts.ready")
    page.screenshot(path=str(SHOTS / f"{name}.png"), full_page=True)


def test_search_then_article_then_its_story(page):
    page.goto("/")
    page.locator(".big-search input[name=q]").fill("تحلية مياه البحر")
    page.locator(".big-search button").click()
    page.wait_for_url(re.compile(r"/search\?q="))
    hits = page.locator("ol.hits > li")
    assert hits.count() >= len(PLANT_COPIES)
    hits.first.locator(".card-title a").click()
    page.wait_for_url(re.compile(r"/articles/"))

    note = page.locator("aside.story-note")
    assert note.count() == 1
    assert re.search(r"نقلت \d+ مصادر أخرى هذه القصة", note.inner_text())
    note.locator("a.story-note-link").click()
    page.wait_for_url(re.compile(r"/stories/st-"))

    assert page.locator("html").get_attribute("dir") == "rtl"
    members = page.locator("ol.members > li")
    assert members.count() >= 2  # at least the origin and its copies; here the four near/exact copies
    member_ids = {m.get_attribute("id") for m in members.all()}
    assert {f"m-{A[k].id}" for k in PLANT_COPIES} <= member_ids
    origin = page.locator("li.member-origin")
    assert origin.count() == 1 and origin.get_attribute("id") == f"m-{A['origin'].id}"
    assert origin.locator(".badge").inner_text() == "المصدر الأصلي"

    svg = page.locator("svg.story-timeline")
    assert svg.is_visible()
    assert svg.locator("circle.dot").count() == members.count()
    assert svg.locator("circle.dot-origin").count() == 1
    assert svg.locator("path.edge").count() == members.count() - 1
    # Right to left: the origin (earliest) is drawn right of every later article.
    xs = svg.locator("circle.dot").evaluate_all("els => els.map(e => e.getBoundingClientRect().x)")
    origin_x = svg.locator("circle.dot-origin").evaluate("e => e.getBoundingClientRect().x")
    assert origin_x == max(xs)

    near = page.locator(f"#m-{A['near'].id}")
    assert near.locator(".badge").inner_text() == "نسخة شبه مطابقة"
    reworded = near.locator("li.op-reworded")
    assert reworded.locator("del").inner_text().startswith("وبلغت تكلفة المشروع")
    assert reworded.locator("ins").inner_text().startswith("وبلغت كلفة المشروع")
    assert reworded.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(255, 246, 213)"
    added = near.locator("li.op-added")
    assert added.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(231, 245, 234)"
    assert added.locator(".sentence").evaluate("el => getComputedStyle(el).direction") == "rtl"
    removed = page.locator(f"#m-{A['near2'].id} li.op-removed")
    assert removed.evaluate("el => getComputedStyle(el).backgroundColor") == "rgb(253, 236, 235)"

    kept = near.locator("li.op-kept details").first
    assert not kept.locator(".sentence").first.is_visible()  # folded until asked for
    kept.locator("summary").click()
    assert kept.locator(".sentence").first.is_visible()

    # Markup in a copied sentence is shown, not run.
    assert STORY_XSS in page.locator(f"#m-{A['near2'].id} li.op-added").inner_text()
    assert page.evaluate("typeof window.__xss") == "undefined" and page.dialogs == []
    assert page.locator("main script, main img, main b").count() == 0
    assert page.foreign_requests == []
    shot(page, "10-story")

    # A dot on the timeline jumps to its article's card.
    svg.locator(f"a[href='#m-{A['exact'].id}']").click()
    page.wait_for_url(re.compile(rf"#m-{A['exact'].id}$"))


def test_stories_list_orders_and_opens_a_story(page):
    page.goto("/stories")
    cards = page.locator("li.story-card")
    assert cards.count() == 2
    assert cards.first.locator(".card-title").inner_text() == A["origin"].title
    assert "مقالات" in cards.first.locator(".story-count").inner_text()
    assert cards.first.locator(".chip-origin").inner_text() == A["origin"].source
    assert cards.first.locator(".card-title").evaluate("el => getComputedStyle(el).direction") == "rtl"
    shot(page, "11-stories")
    page.locator("nav.modes a.mode", has_text="الأحدث").click()
    page.wait_for_url(re.compile(r"order=latest"))
    assert page.locator("li.story-card").first.locator(".card-title").inner_text() == A["volley"].title
    page.locator("li.story-card .card-title a").first.click()
    page.wait_for_url(re.compile(r"/stories/st-"))
    assert page.locator("ol.members > li").count() == 2
    assert page.foreign_requests == []


def test_story_page_english_switch(page):
    page.goto("/stories")
    page.locator("li.story-card .card-title a").first.click()
    page.wait_for_url(re.compile(r"/stories/st-"))
    page.locator("a.lang-switch").click()
    page.wait_for_url(re.compile(r"lang=en"))
    assert page.locator("html").get_attribute("dir") == "ltr"
    assert page.locator("li.member-origin .badge").inner_text() == "Origin"
    assert page.locator("h2").first.inner_text() == "How the story spread across outlets"
    assert page.locator("li.op-added .sentence").first.evaluate("el => getComputedStyle(el).direction") == "rtl"
    # Left to right: the origin is drawn left of every later article.
    svg = page.locator("svg.story-timeline")
    xs = svg.locator("circle.dot").evaluate_all("els => els.map(e => e.getBoundingClientRect().x)")
    assert svg.locator("circle.dot-origin").evaluate("e => e.getBoundingClientRect().x") == min(xs)
    page.goto(f"/articles/{A['near'].id}")
    assert "other outlets carried this story" in page.locator("aside.story-note").inner_text()


def test_story_page_on_a_narrow_screen(browser, story_server):
    context, page = _context(browser, story_server, viewport={"width": 390, "height": 844}, device_scale_factor=2)
    try:
        page.goto("/stories")
        page.locator("li.story-card .card-title a").first.click()
        page.wait_for_url(re.compile(r"/stories/st-"))
        width = page.evaluate("document.documentElement.scrollWidth")
        assert width <= 390, f"page scrolls sideways: {width}px"
        # The timeline keeps a legible size and scrolls inside its panel instead.
        assert page.locator("svg.story-timeline").evaluate("e => e.getBoundingClientRect().width") >= 700
        shot(page, "12-story-mobile")
    finally:
        context.close()
