"""The entity and event pages: the entity list by type (``/entities``), one entity
(``/entities/{id or name}``: mentions per day, co-occurrence network, aliases and roles, latest
articles and events), the events table (``/events``, by type and actor, with each event's
sentence), and an article's annotated reading (``/articles/{id}/annotations``: the body with
linked mentions and signal evidence, then quotes, events, tone and signals)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from starlette.responses import HTMLResponse

from marsad.api.entity_service import (
    ENTITY_TYPES,
    EVENT_TYPES,
    entity_document,
    entity_names,
    entity_type,
    event_type,
    list_entities,
    list_events,
)
from marsad.api.errors import ApiError
from marsad.errors import ConfigError
from marsad.web import entity_strings, i18n
from marsad.web.annotate import (
    MarkSpan,
    Run,
    article_annotations,
    entity_href,
    label_class,
    segment,
)
from marsad.web.charts import timeline_chart
from marsad.web.entity_chart import Node, cooccurrence_network
from marsad.web.templating import render

router = APIRouter(include_in_schema=False)

ENTITIES_PAGE_SIZE = 30
EVENTS_PAGE_SIZE = 25
ENTITY_EVENTS_SHOWN = 6
MAX_PAGE = 500
PageNumber = Annotated[int, Query(ge=1, le=MAX_PAGE)]


def _lang(request: Request) -> str:
    return i18n.request_language(request)[0]


def _checked(parse: Any, value: str | None) -> str | None:
    try:
        return parse(value)
    except ConfigError as exc:
        raise ApiError(422, "invalid_request", str(exc)) from exc


def _helpers(lang: str) -> dict[str, Any]:
    """What every page of this module adds to the template context."""
    return {
        "at": entity_strings.translator(lang),
        "count": lambda key, n: entity_strings.count_phrase(key, n, lang),
        "type_name": lambda code: entity_strings.event_type_name(code, lang),
        "kind_name": lambda kind: entity_strings.kind_name(kind, lang),
        "entity_href": entity_href,
        "label_class": label_class,
        "arrow": "←" if lang == "ar" else "→",
    }


@router.get("/entities", response_class=HTMLResponse)
def entities_page(request: Request, type: Annotated[str | None, Query(max_length=10)] = None,
                  page: PageNumber = 1) -> HTMLResponse:
    wanted = _checked(entity_type, type)
    with request.app.state.pool.reading() as store:
        listing = list_entities(store, type=wanted, limit=ENTITIES_PAGE_SIZE, offset=(page - 1) * ENTITIES_PAGE_SIZE)
    return render(request, "entities.html", {
        "listing": listing, "etype": wanted, "types": ENTITY_TYPES, "page": page, "page_size": ENTITIES_PAGE_SIZE,
        "active": "entities", **_helpers(_lang(request)),
    })


@router.get("/entities/{name_or_id:path}", response_class=HTMLResponse)
def entity_page(request: Request, name_or_id: str) -> HTMLResponse:
    lang = _lang(request)
    at = entity_strings.translator(lang)
    with request.app.state.pool.reading() as store:
        entity = entity_document(store, name_or_id)
        events = list_events(store, actor=entity["id"], limit=ENTITY_EVENTS_SHOWN)
        names = participant_names(store, events.events)
    timeline = timeline_chart(
        [(d["day"], d["mentions"]) for d in entity["mentions_per_day"]], caption=at("entity.timeline"),
        rtl=lang == "ar", label=lambda d: i18n.format_date(d, lang), height=170,
    )
    nodes = [
        Node(c["id"], c["name_ar"], label_class(c["type"]), c["articles"], entity_href(c["id"]),
             f"{c['name_ar']} · {entity_strings.count_phrase('articles', c['articles'], lang)}")
        for c in entity["co_occurring"]
    ]
    network = cooccurrence_network(
        entity["name_ar"], label_class(entity["type"]), nodes, caption=at("entity.network"),
        edge_title=lambda n: at("entity.with", name=n.label, n=entity_strings.count_phrase("articles", n.weight, lang)),
    )
    return render(request, "entity.html", {
        "entity": entity, "timeline": timeline, "network": network, "events": events,
        "event_rows": [event_row(e) for e in events.events], "names": names, "active": "entities",
        **_helpers(lang),
    })


@dataclass(frozen=True, slots=True)
class EventRow:
    """One event as the pages show it: the stored row and its sentence cut into runs."""

    event: dict[str, Any]
    sentence: list[Run]


def event_row(event: dict[str, Any]) -> EventRow:
    ctx = event.get("context") or {}
    text = str(ctx.get("text", ""))
    marks = [MarkSpan(span[0], span[1], role) for role in ("trigger", "actor", "recipient")
             if (span := ctx.get(role))]
    return EventRow(event, segment(text, (), marks, offset=int(ctx.get("start", 0))))


def participant_names(store: Any, events: list[dict[str, Any]]) -> dict[str, str]:
    """Canonical Arabic names of the actors and recipients of ``events`` by entity id: a row's
    own name is the words the actor was read from (الروسي for Russia)."""
    ids = {e[k] for e in events for k in ("actor_id", "recipient_id") if e.get(k)}
    return {i: n["name_ar"] for i, n in entity_names(store, ids).items()}


@router.get("/events", response_class=HTMLResponse)
def events_page(request: Request, type: Annotated[str | None, Query(max_length=20)] = None,
                actor: Annotated[str | None, Query(max_length=200)] = None, page: PageNumber = 1) -> HTMLResponse:
    wanted = _checked(event_type, type)
    lang = _lang(request)
    with request.app.state.pool.reading() as store:
        listing = list_events(store, type=wanted, actor=actor, limit=EVENTS_PAGE_SIZE,
                              offset=(page - 1) * EVENTS_PAGE_SIZE)
        actor_entity = entity_brief(store, listing.actor_id)
        names = participant_names(store, listing.events)
    return render(request, "events.html", {
        "listing": listing, "rows": [event_row(e) for e in listing.events], "etype": wanted, "types": EVENT_TYPES,
        "actor": listing.actor or "", "actor_entity": actor_entity, "names": names, "page": page,
        "page_size": EVENTS_PAGE_SIZE,
        "active": "events", **_helpers(lang),
    })


def entity_brief(store: Any, entity_id: str | None) -> dict[str, Any] | None:
    """Name and type of the entity the actor filter resolved to (None for a bare name)."""
    if not entity_id:
        return None
    found = entity_names(store, [entity_id]).get(entity_id)
    return {"id": entity_id, **found} if found else None


@router.get("/articles/{article_id}/annotations", response_class=HTMLResponse)
def annotated_article_page(request: Request, article_id: str) -> HTMLResponse:
    lang = _lang(request)
    with request.app.state.pool.reading() as store:
        stored = store.get_article(article_id)
        annotations = article_annotations(store, stored, lang)
    return render(request, "annotated_article.html", {
        "stored": stored, "article": stored.article, "annotations": annotations, "active": "",
        **_helpers(lang),
    })
