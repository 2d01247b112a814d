"""Response and request shapes, for the OpenAPI document only: routes build plain dicts from
the records' ``to_dict()`` and answer them as they are (no second validation pass)."""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel, ConfigDict, Field


class ErrorDetail(BaseModel):
    code: str = Field(examples=["not_found"])
    message: str = Field(examples=["no article with id 'abc'"])
    details: Any | None = None


class ErrorBody(BaseModel):
    ok: bool = Field(False, examples=[False])
    error: ErrorDetail


class ArticleSummary(BaseModel):
    id: str
    title: str
    source: str | None
    source_missing: bool
    url: str | None
    author: str | None
    published_at: str | None
    language: str | None
    ingested_at: str
    excerpt: str


class ArticleList(BaseModel):
    total: int = Field(description="Articles matching the filters.")
    limit: int
    page: int | None = Field(description="Page number when paging by page; null with a cursor.")
    next_cursor: str | None = Field(description="Pass as `cursor` for the next page; null at the end.")
    filters: dict[str, Any]
    articles: list[ArticleSummary]


class BlockOut(BaseModel):
    kind: str = Field(examples=["paragraph"])
    text: str
    start: int
    end: int


class ArticleOut(BaseModel):
    """``marsad show --json``: ``StoredArticle.to_dict()``; later stages add their layers."""

    model_config = ConfigDict(extra="allow")
    id: str
    title: str
    body: str
    blocks: list[BlockOut]
    content_hash: str
    source: str | None
    source_missing: bool
    url: str | None
    author: str | None
    published_at: str | None
    language: str | None
    origin: str
    format: str
    layer: str
    footer_removed: bool
    extra: dict[str, Any]
    ingested_at: str


class Hit(BaseModel):
    id: str
    title: str
    source: str | None
    published_at: str | None
    score: float = Field(description="Negated BM25: higher is better.")
    snippet: str
    highlights: list[list[int]] = Field(description="Half-open [start, end) offsets of matched words in `snippet`.")


class SearchOut(BaseModel):
    query: str
    mode: str = Field(examples=["lexical"])
    match: str | None = Field(description="Lexical: `all` terms matched, or `any` when nothing matched all of them.")
    limit: int
    offset: int
    total: int | None = Field(description="Lexical: hits in all; null for modes that rank every article.")
    filters: dict[str, Any]
    hits: list[Hit]
    facets: dict[str, Any] | None = Field(None, description="With `facets=true`: hits per outlet and per day.")


class IngestRecord(BaseModel):
    """One article to store. Unknown fields are kept in the article's `extra`."""

    model_config = ConfigDict(extra="allow")
    title: str = Field(min_length=1)
    body: str = Field(min_length=1)
    source: str | None = None
    url: str | None = None
    author: str | None = None
    published_at: str | None = Field(None, description="ISO 8601 date or date-time.")


class IngestOut(BaseModel):
    run_id: int
    new: int
    known: int
    skipped: int
    errors: list[str]
    seconds: float
    bytes_read: int
    stories: dict[str, Any] | None = Field(None, description="Story clustering summary (absent with `stories=false`).")
    ids: list[str] = Field(description="Article ids in input order (new and already known).")


ERROR_RESPONSES: dict[int | str, dict[str, Any]] = {
    422: {"model": ErrorBody, "description": "Invalid parameters"},
}
