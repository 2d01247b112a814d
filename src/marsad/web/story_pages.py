"""The story pages: the stories list (``/stories``, largest or latest first) and one story
(``/stories/{id}``: its outlets on a timeline, its articles with how each relates to the origin,
and each copy's sentence diff against the article it derives from)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse

from marsad.api.errors import ApiError
from marsad.api.story_service import DEFAULT_MIN_SIZE, ORDERS, list_stories, outlets_in_order
from marsad.web import i18n
from marsad.web.story_chart import story_timeline
from marsad.web.templating import render

router = APIRouter(include_in_schema=False)

STORIES_PAGE_SIZE = 20
MAX_PAGE = 500
CARD_OUTLETS = 6  # outlet names on a card; the rest are counted


@dataclass(frozen=True, slots=True)
class DiffBlock:
    """What the page shows for a diff: a run of unchanged sentences (collapsed) or one change."""

    op: str  # kept | added | removed | reworded
    sentences: tuple[str, ...] = ()  # the kept run
    parent: str | None = None
    child: str | None = None


def diff_blocks(ops: Sequence[dict[str, Any]]) -> list[DiffBlock]:
    """Consecutive kept sentences become one block, so the page can fold them away."""
    blocks: list[DiffBlock] = []
    run: list[str] = []
    for op in ops:
        if op.get("op") == "kept":
            run.append(op.get("child") or op.get("parent") or "")
            continue
        if run:
            blocks.append(DiffBlock("kept", tuple(run)))
            run = []
        blocks.append(DiffBlock(str(op.get("op")), parent=op.get("parent"), child=op.get("child")))
    if run:
        blocks.append(DiffBlock("kept", tuple(run)))
    return blocks


def display_relation(member: dict[str, Any]) -> str:
    """origin, exact, near or rewrite. A member that founded the story but turned out not to be
    its earliest article is named after its edge to its parent."""
    if member.get("origin"):
        return "origin"
    relation = member.get("relation")
    if relation in ("exact", "near", "rewrite"):
        return str(relation)
    return "rewrite" if member.get("edge_kind") == "rewrite" else "near"


@dataclass(frozen=True, slots=True)
class MemberView:
    member: dict[str, Any]
    relation: str
    parent: dict[str, Any] | None
    shared_pct: int | None
    blocks: list[DiffBlock] = field(default_factory=list)
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def identical(self) -> bool:
        return bool(self.blocks) and all(b.op == "kept" for b in self.blocks)


def member_views(members: Sequence[dict[str, Any]]) -> list[MemberView]:
    by_id = {m["id"]: m for m in members}
    views = []
    for m in members:
        diff = m.get("diff") or {}
        pct = round(m["containment"] * 100) if m.get("containment") is not None else None
        views.append(MemberView(m, display_relation(m), by_id.get(m.get("parent") or ""), pct,
                                diff_blocks(diff.get("ops") or []), dict(diff.get("counts") or {})))
    return views


def _lang(request: Request) -> str:
    return i18n.request_language(request)[0]


@router.get("/stories", response_class=HTMLResponse)
def stories_page(request: Request, order: Annotated[str, Query(max_length=10)] = "size",
                 min_size: Annotated[int, Query(ge=1, le=1_000_000)] = DEFAULT_MIN_SIZE,
                 page: Annotated[int, Query(ge=1, le=MAX_PAGE)] = 1) -> HTMLResponse:
    if order not in ORDERS:
        raise ApiError(422, "invalid_request", f"unknown story order {order[:20]!r}; use size or latest")
    lang = _lang(request)
    with request.app.state.pool.reading() as store:
        listing = list_stories(store, order=order, min_size=min_size, limit=STORIES_PAGE_SIZE,
                               offset=(page - 1) * STORIES_PAGE_SIZE)
        # Outlet names are not in the listing rows: one small query per story on the page.
        named = {s["id"]: [o for o in outlets_in_order(store.get_story(s["id"])["members"]) if o]
                 for s in listing.stories}
    cards = [{"story": s, "outlets": named[s["id"]][:CARD_OUTLETS],
              "more_outlets": max(0, len(named[s["id"]]) - CARD_OUTLETS)} for s in listing.stories]
    return render(request, "stories.html", {
        "listing": listing, "cards": cards, "order": order, "orders": ORDERS, "min_size": min_size,
        "page": page, "page_size": STORIES_PAGE_SIZE, "active": "stories",
        "count": lambda key, n: i18n.count_phrase(key, n, lang),
    })


@router.get("/stories/{story_id}", response_class=HTMLResponse)
def story_page(request: Request, story_id: str) -> HTMLResponse:
    lang = _lang(request)
    t = i18n.translator(lang)
    with request.app.state.pool.reading() as store:
        story = store.get_story(story_id)
    members = story["members"]
    views = member_views(members)
    relation_of = {v.member["id"]: v.relation for v in views}

    def outlet(source: str | None) -> str:
        return source or t("source.missing")

    timeline = story_timeline(
        members, caption=t("story.timeline"), rtl=lang == "ar",
        outlet_label=outlet, others_label=t("story.others_lane"), origin_label=t("relation.origin"),
        tooltip=lambda m: " · ".join((outlet(m.get("source")), i18n.format_date(m.get("time"), lang),
                                      t("relation." + relation_of[m["id"]]))),
        link=lambda m: f"#m-{m['id']}",
        format_day=lambda day: i18n.format_date(day, lang),
    )
    relations = [r for r in ("origin", "exact", "near", "rewrite") if r in relation_of.values()]
    return render(request, "story.html", {
        "story": story, "views": views, "timeline": timeline, "relations": relations,
        "edge_kinds": sorted({m.get("edge_kind") for m in members if m.get("parent") and m.get("edge_kind")}),
        "active": "stories", "count": lambda key, n: i18n.count_phrase(key, n, lang),
    })
