"""Request-scoped pieces the routers share: a store connection, the filter parameters."""

from __future__ import annotations

from collections.abc import AsyncIterator
from datetime import date
from typing import Annotated

from fastapi import Depends, Query, Request

from marsad.store.queries import ArticleFilter
from marsad.store.sqlite import SQLiteStore


# Both are ``async`` only so FastAPI runs them on the event loop instead of hopping to a worker
# thread for each (checking a connection out of the pool does not block); routes that query
# the store are plain ``def`` and run in the thread pool.
async def get_store(request: Request) -> AsyncIterator[SQLiteStore]:
    with request.app.state.pool.reading() as store:
        yield store


async def get_filter(
    source: Annotated[list[str], Query(description="Outlet name; repeat for several (any of them).")] = [],  # noqa: B006
    date_from: Annotated[date | None, Query(alias="from", description="First day, YYYY-MM-DD (inclusive).")] = None,
    date_to: Annotated[date | None, Query(alias="to", description="Last day, YYYY-MM-DD (inclusive).")] = None,
    entity: Annotated[list[str], Query(description="Entity id or QID (e.g. Q159); repeat: all must be mentioned.")] = [],  # noqa: B006
) -> ArticleFilter:
    return ArticleFilter(tuple(dict.fromkeys(s for s in source if s.strip())), date_from, date_to,
                         tuple(dict.fromkeys(e.strip() for e in entity if e.strip())))


StoreDep = Annotated[SQLiteStore, Depends(get_store)]
FilterDep = Annotated[ArticleFilter, Depends(get_filter)]
