"""``/api/stories``: stories largest or latest first, one story with its copy graph and sentence
diffs, and the story an article belongs to."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse
from pydantic import BaseModel, Field

from marsad.api.deps import StoreDep
from marsad.api.schemas import ERROR_RESPONSES, ErrorBody
from marsad.api.story_service import DEFAULT_MIN_SIZE, StoryOrder, article_story, list_stories
from marsad.errors import NotFoundError

router = APIRouter(prefix="/api", tags=["stories"])


# Shapes for the OpenAPI document only; the routes answer the store's dicts as they are.
class StoryOrigin(BaseModel):
    id: str | None
    source: str | None


class StorySummary(BaseModel):
    id: str = Field(examples=["st-7c0b88595512ed8f058f"])
    title: str = Field(description="The origin's title.")
    size: int = Field(description="Articles in the story.")
    outlets: int = Field(description="Distinct named outlets among them.")
    first_time: str | None
    last_time: str | None
    origin: StoryOrigin


class StoryList(BaseModel):
    order: str
    min_size: int
    limit: int
    offset: int
    next_offset: int | None = Field(description="Pass as `offset` for the next page; null at the end.")
    stories: list[StorySummary]


class DiffOp(BaseModel):
    op: str = Field(examples=["reworded"], description="kept, removed, added or reworded")
    parent: str | None = Field(description="The sentence in the parent article (null when added).")
    child: str | None = Field(description="The sentence in this article (null when removed).")
    similarity: float


class Diff(BaseModel):
    counts: dict[str, int]
    ops: list[DiffOp]


class StoryMember(BaseModel):
    id: str
    title: str
    source: str | None
    time: str | None = Field(description="published_at, else when it was ingested.")
    url: str | None
    relation: str = Field(examples=["near"], description="How it joined: founder, exact, near or rewrite.")
    score: float
    parent: str | None = Field(description="The earlier member it most likely derives from; null for the origin.")
    containment: float | None = Field(description="Share of its 3-word shingles found in the parent.")
    edge_kind: str | None = Field(description="copy (shares text) or rewrite.")
    diff: Diff | None = Field(description="Sentence diff against the parent.")
    origin: bool


class StoryEdge(BaseModel):
    child: str
    parent: str
    kind: str | None
    containment: float | None


class StoryOut(BaseModel):
    id: str
    title: str
    size: int
    outlets: int
    first_time: str | None
    last_time: str | None
    origin: str | None = Field(description="The id of the earliest member.")
    members: list[StoryMember]
    edges: list[StoryEdge]


class ArticleStory(BaseModel):
    story_id: str
    title: str
    size: int
    outlets: int
    origin: str | None
    is_origin: bool
    other_articles: int
    other_outlets: list[str] = Field(description="Named outlets other than the article's own, first carrier first.")


class ArticleStoryOut(BaseModel):
    article_id: str
    story: ArticleStory | None


MAX_LIMIT = 100
ORDER_HELP = "`size`: most articles first; `latest`: the most recent last article first."
MIN_SIZE_HELP = "Leave out stories with fewer articles (1 lists single-article stories too)."
MAX_OFFSET = 100_000
NOT_FOUND = {404: {"model": ErrorBody, "description": "No story (or article) with that id"}}


@router.get("/stories", response_model=StoryList, responses=ERROR_RESPONSES)
def stories(
    store: StoreDep,
    order: Annotated[StoryOrder, Query(description=ORDER_HELP)] = "size",
    min_size: Annotated[int, Query(ge=1, le=1_000_000, description=MIN_SIZE_HELP)] = DEFAULT_MIN_SIZE,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
) -> Any:
    """Stories (an event as told by one or more outlets: exact copies, near copies, rewrites) with
    their size, outlet count, first and last time and origin. Page with `offset`: pass the
    previous answer's `next_offset` (null at the end)."""
    return JSONResponse(list_stories(store, order=order, min_size=min_size, limit=limit, offset=offset).to_dict())


@router.get("/stories/{story_id}", response_model=StoryOut, responses=NOT_FOUND)
def story(store: StoreDep, story_id: str) -> Any:
    """One story, exactly `marsad story ID --json`: members oldest first with outlet, time, how each
    joined (`relation`), the article it derives from (`parent`, `containment`, `edge_kind`) and the
    sentence diff against it; the origin; the copy edges."""
    return JSONResponse(store.get_story(story_id))


@router.get("/articles/{article_id}/story", response_model=ArticleStoryOut, responses=NOT_FOUND)
def story_of_article(store: StoreDep, article_id: str) -> Any:
    """The story an article belongs to and the other outlets that carried it; `story` is null
    while the article is in no story yet (`marsad stories --update`)."""
    if not store.has_article(article_id):
        raise NotFoundError(f"no article with id {article_id!r}")
    found = article_story(store, article_id)
    story_doc = None
    if found is not None:
        story_doc = found.to_dict()
        del story_doc["article_id"]  # said once, outside
    return JSONResponse({"article_id": article_id, "story": story_doc})
