"""``/api/entities``: entities most written about first (by type), and one entity by id, QID or
any spelling with its aliases, roles, mentions per day and the entities met with it."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from marsad.api.deps import StoreDep
from marsad.api.entity_service import ENTITY_TYPES, entity_document, entity_type, list_entities
from marsad.api.schemas import ERROR_RESPONSES, ErrorBody

router = APIRouter(prefix="/api/entities", tags=["entities"])

MAX_LIMIT = 100
MAX_OFFSET = 100_000


# Shapes for the OpenAPI document only; the routes answer the store's dicts as they are.
class EntitySummary(BaseModel):
    id: str = Field(examples=["Q159"], description="A Wikidata QID when known, else `m:<type>:<key>`.")
    type: str = Field(examples=["LOC"], description="PERS, ORG, LOC or MISC.")
    name_ar: str = Field(examples=["روسيا"])
    name_en: str | None = Field(examples=["Russia"])
    qid: str | None
    kind: str | None = Field(examples=["country"])
    aliases: list[str]
    roles: list[str] = Field(description="Titles met right before the name (الرئيس الروسي …).")
    mentions: int
    articles: int = Field(description="Articles that mention it at least once.")


class EntityList(BaseModel):
    type: str | None
    limit: int
    offset: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null at the end.")
    entities: list[EntitySummary]


class SurfaceForm(BaseModel):
    text: str
    count: int


class DayCount(BaseModel):
    day: str = Field(examples=["2024-05-01"], description="Published day (ingest day when undated).")
    mentions: int
    articles: int


class CoOccurring(BaseModel):
    id: str
    type: str
    name_ar: str
    articles: int = Field(description="Articles that mention both.")


class EntityArticle(BaseModel):
    id: str
    title: str
    source: str | None
    time: str | None
    mentions: int


class EntityOut(BaseModel):
    id: str
    type: str
    name_ar: str
    name_en: str | None
    qid: str | None
    kind: str | None
    aliases: list[str]
    roles: list[str]
    mentions: int
    articles: int
    surface_forms: list[SurfaceForm] = Field(description="Spellings met in the text, most frequent first (20 at most).")
    mentions_per_day: list[DayCount] = Field(description="The timeline: mentions and articles per day, oldest first.")
    co_occurring: list[CoOccurring] = Field(description="Entities mentioned in the same articles, most shared first (15 at most).")
    recent_articles: list[EntityArticle] = Field(description="Newest first (20 at most).")


@router.get("", response_model=EntityList, responses=ERROR_RESPONSES)
def entities(
    store: StoreDep,
    type: Annotated[str | None, Query(description=f"Only this type: {', '.join(ENTITY_TYPES)} (any case).",
                                      max_length=10)] = None,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Entities most written about first (articles that mention them, then mentions), like
    `marsad entities --json`. Page with `offset`: pass the previous answer's `next_offset`."""
    return JSONResponse(list_entities(store, type=entity_type(type), limit=limit, offset=offset).to_dict())


@router.get("/{name_or_id:path}", response_model=EntityOut,
            responses={404: {"model": ErrorBody, "description": "No entity with that id, QID or name"}})
def entity(store: StoreDep, name_or_id: str) -> Any:
    """One entity by id (`Q159`, `m:LOC:the-west`), Wikidata QID or any spelling (`روسيا`,
    `الاتحاد الروسي`): exactly `marsad entity NAME_OR_ID --json`. The answer's `id` is the
    canonical one."""
    return JSONResponse(entity_document(store, name_or_id))
