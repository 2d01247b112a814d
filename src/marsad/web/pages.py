"""The web pages: overview (``/``), browse (``/articles``), search (``/search``), one article
(``/articles/{id}``). Server-rendered HTML from the same services as the JSON API."""

from __future__ import annotations

from datetime import date
from typing import Annotated

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse

from marsad.api.errors import ApiError
from marsad.api.services import SEARCH_MODES, stats_document
from marsad.api.story_service import article_story
from marsad.errors import ConfigError
from marsad.store import queries
from marsad.store.queries import ArticleFilter
from marsad.web.annotate import article_annotations
from marsad.web import i18n
from marsad.web.charts import bar_chart, timeline_chart
from marsad.web.templating import render, url_with

router = APIRouter(include_in_schema=False)

SEARCH_PAGE_SIZE = 10
BROWSE_PAGE_SIZE = 20
MAX_PAGE = 500
TOP_SOURCES = 12
FACET_CHART_WIDTH = 250  # the filter column's inner width, so chart text is drawn at ~1:1

PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def _filters(request: Request) -> ArticleFilter:
    """Outlets and dates from the query; empty date inputs (a submitted blank form) are no filter."""
    params = request.query_params

    def day(name: str) -> date | None:
        value = (params.get(name) or "").strip()
        if not value:
            return None
        try:
            return date.fromisoformat(value)
        except ValueError as exc:
            raise ApiError(422, "invalid_request", f"{name!r} must be a date (YYYY-MM-DD), not {value[:20]!r}") from exc

    sources = tuple(dict.fromkeys(s for s in params.getlist("source") if s.strip()))
    try:
        entities = tuple(dict.fromkeys(e.strip() for e in params.getlist("entity") if e.strip()))
        return ArticleFilter(sources, day("from"), day("to"), entities)
    except ConfigError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc


def _charts_lang(request: Request) -> tuple[bool, str]:
    lang, _ = i18n.request_language(request)
    return lang == "ar", lang


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> HTMLResponse:
    rtl, lang = _charts_lang(request)
    t = i18n.translator(lang)
    with request.app.state.pool.reading() as store:
        stats = stats_document(store)
        latest = queries.list_articles(store, limit=8)
    named = [(s, n) for s, n in stats["sources"].items()]
    by_source = bar_chart(
        [(s or t("source.missing"), n) for s, n in named[:TOP_SOURCES]], caption=t("home.by_source"), rtl=rtl,
        link=lambda label: url_with(request, "/articles", source=label) if label != t("source.missing") else "/articles",
        value_format=lambda n: f"{n:,}",
    )
    by_day = timeline_chart(
        [(d["day"], d["articles"]) for d in stats["by_day"]], caption=t("home.by_day"), rtl=rtl,
        label=lambda d: i18n.format_date(d, lang),
        link=lambda d: url_with(request, "/articles", **{"from": d, "to": d}) if len(d) == 10 else "/articles",
        height=300,
    )
    return render(request, "home.html", {
        "stats": stats, "sources_count": len([s for s in stats["sources"] if s]),
        "by_source": by_source, "by_day": by_day, "latest": latest.articles, "active": "home",
    })


@router.get("/articles", response_class=HTMLResponse)
def browse(request: Request, page: PageNumber = 1) -> HTMLResponse:
    rtl, lang = _charts_lang(request)
    filters = _filters(request)
    with request.app.state.pool.reading() as store:
        listing = queries.list_articles(store, filters, limit=BROWSE_PAGE_SIZE, offset=(page - 1) * BROWSE_PAGE_SIZE)
        sources = queries.source_counts(store, None, filters.without_sources())
        days = queries.day_counts(store, None, ArticleFilter(filters.sources))
    timeline = timeline_chart(days, caption=i18n.translator(lang)("home.by_day"), rtl=rtl,
                              label=lambda d: i18n.format_date(d, lang), width=FACET_CHART_WIDTH, height=110)
    return render(request, "browse.html", {
        "listing": listing, "filters": filters, "page": page, "page_size": BROWSE_PAGE_SIZE,
        "source_facets": sources, "timeline": timeline, "active": "browse", "query": "",
    })


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request, q: Annotated[str, Query(max_length=500)] = "",
                mode: Annotated[str, Query(max_length=20)] = "lexical", page: PageNumber = 1) -> HTMLResponse:
    rtl, lang = _charts_lang(request)
    spec = SEARCH_MODES.get(mode)
    if spec is None:
        raise ApiError(422, "unknown_search_mode",
                       f"unknown search mode {mode!r}; available: {', '.join(SEARCH_MODES)}")
    # Modes that rank the whole collection take no filters: the page leaves them out.
    filters = _filters(request) if spec.filters else ArticleFilter()
    result = None
    timeline = None
    if q.strip():
        pool = request.app.state.pool
        with (pool.dedicated() if spec.exclusive else pool.reading()) as store:
            result = spec.run(store, q, filters, limit=SEARCH_PAGE_SIZE, offset=(page - 1) * SEARCH_PAGE_SIZE,
                              facets=spec.filters)
        if result.facets is not None:
            timeline = timeline_chart(result.facets.days, caption=i18n.translator(lang)("facets.timeline"),
                                      rtl=rtl, label=lambda d: i18n.format_date(d, lang),
                                      width=FACET_CHART_WIDTH, height=110)
    return render(request, "search.html", {
        "query": q, "mode": spec.name, "modes": list(SEARCH_MODES), "result": result, "filters": filters,
        "page": page, "page_size": SEARCH_PAGE_SIZE,
        "source_facets": result.facets.sources if result and result.facets else [],
        "entity_facets": result.facets.entities if result and result.facets else [],
        "timeline": timeline, "active": "search",
    })


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(request: Request, article_id: str,
                 q: Annotated[str, Query(max_length=500)] = "",
                 mode: Annotated[str, Query(max_length=20)] = "") -> HTMLResponse:
    lang, _ = i18n.request_language(request)
    with request.app.state.pool.reading() as store:
        stored = store.get_article(article_id)
        story_id = stored.layers.get("story_id")
        story = article_story(store, article_id, story_id) if story_id else None
        annotations = article_annotations(store, stored, lang)
    story_note = None
    if story is not None and story.other_articles:
        story_note = (i18n.count_phrase("other_outlets", len(story.other_outlets), lang) if story.other_outlets
                      else i18n.count_phrase("other_articles", story.other_articles, lang))
    return render(request, "article.html", {
        "stored": stored, "article": stored.article, "annotations": annotations,
        "query": q, "mode": mode, "active": "", "story": story, "story_note": story_note,
    })


def html_error(request: Request, status: int, code: str, message: str) -> HTMLResponse:
    return render(request, "error.html", {"status": status, "code": code, "message": message,
                                          "active": "", "query": ""}, status=status)
