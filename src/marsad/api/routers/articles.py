"""``/api/articles``: newest-first listing (page numbers or cursors) and one article."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import JSONResponse

from marsad.api.deps import FilterDep, StoreDep
from marsad.api.errors import ApiError
from marsad.api.schemas import ERROR_RESPONSES, ArticleList, ArticleOut, ErrorBody
from marsad.store import queries

router = APIRouter(prefix="/api/articles", tags=["articles"])

MAX_LIMIT = 100


@router.get("", response_model=ArticleList, responses=ERROR_RESPONSES)
def list_articles(
    store: StoreDep,
    filters: FilterDep,
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 20,
    page: Annotated[int | None, Query(ge=1, le=100_000, description="1-based page number.")] = None,
    cursor: Annotated[str | None, Query(description="`next_cursor` of the previous page.")] = None,
) -> Any:
    """Articles newest first (by `published_at`; undated last), filtered by outlet and dates.

    Page with `page` (simple, shifts while new articles arrive) or with `cursor` (stable)."""
    if page is not None and cursor is not None:
        raise ApiError(422, "invalid_request", "use either page or cursor, not both")
    offset = ((page or 1) - 1) * limit
    result = queries.list_articles(store, filters, limit=limit, offset=offset, cursor=cursor)
    return JSONResponse({
        "total": result.total,
        "limit": limit,
        "page": None if cursor is not None else (page or 1),
        "next_cursor": result.next_cursor,
        "filters": filters.to_dict(),
        "articles": [a.to_dict() for a in result.articles],
    })


@router.get("/{article_id}", response_model=ArticleOut,
            responses={404: {"model": ErrorBody, "description": "No article with that id"}})
def get_article(store: StoreDep, article_id: str,
                original: Annotated[bool, Query(description="Include the original input text.")] = False) -> Any:
    """One article: the same document as `marsad show --json`."""
    return JSONResponse(store.get_article(article_id).to_dict(with_original=original))
