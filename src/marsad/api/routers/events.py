"""``/api/events``: who did what to whom (PLOVER types), newest article first, filtered by type
and actor, each with the sentence it was read from."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from marsad.api.deps import StoreDep
from marsad.api.entity_service import EVENT_TYPES, event_type, list_events
from marsad.api.schemas import ERROR_RESPONSES

router = APIRouter(prefix="/api/events", tags=["events"])

MAX_LIMIT = 100
MAX_OFFSET = 100_000


# Shapes for the OpenAPI document only; the route answers the store's rows plus `context`.
class EventContext(BaseModel):
    start: int
    end: int
    text: str = Field(description="`body[start:end]`: the event's sentence (a window of it when very long).")
    clipped: bool = Field(description="True when `text` is a window of a longer sentence.")
    trigger: list[int] = Field(description="`[start, end)` body offsets of the trigger.")
    actor: list[int] | None = Field(description="`[start, end)` body offsets of the actor, if any.")
    recipient: list[int] | None


class EventRow(BaseModel):
    article_id: str
    type: str = Field(examples=["SANCTION"])
    actor_id: str | None = Field(examples=["m:LOC:the-west"])
    actor: str | None = Field(examples=["الدول الغربية"], description="The actor's canonical name.")
    recipient_id: str | None = Field(examples=["Q159"])
    recipient: str | None = Field(examples=["روسيا"])
    trigger: str = Field(examples=["فرضت"])
    trigger_start: int
    trigger_end: int
    sentence: int = Field(description="Index of the sentence in the article.")
    date: str | None
    negated: bool
    speculative: bool
    confidence: float = Field(description="A ranking score, not a calibrated probability.")
    title: str
    source: str | None
    time: str | None = Field(description="The article's published_at, else when it was ingested.")
    context: EventContext


class EventList(BaseModel):
    type: str | None
    actor: str | None = Field(description="The actor filter as given.")
    actor_id: str | None = Field(description="The entity id it resolved to (the text itself when no entity has that name).")
    limit: int
    offset: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null at the end.")
    events: list[EventRow]


@router.get("", response_model=EventList, responses=ERROR_RESPONSES)
def events(
    store: StoreDep,
    type: Annotated[str | None, Query(description=f"Only this PLOVER type: {', '.join(EVENT_TYPES)} (any case).",
                                      max_length=20)] = None,
    actor: Annotated[str | None, Query(description="Only events by this actor: entity id, QID or any spelling "
                                                   "(`Q159`, `روسيا`).", max_length=200)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Events newest article first: the rows of `marsad events --json` plus `context`, the sentence
    each was read from with the trigger, actor and recipient offsets. Page with `offset`."""
    return JSONResponse(list_events(store, type=event_type(type), actor=actor, limit=limit, offset=offset).to_dict())
