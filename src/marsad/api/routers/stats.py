"""``/api/stats``: what the store holds."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from marsad.api.deps import StoreDep
from marsad.api.services import stats_document

router = APIRouter(prefix="/api", tags=["stats"])


@router.get("/stats")
def stats(store: StoreDep) -> Any:
    """`marsad stats --json` (articles, distinct contents, outlets, languages, formats, date range,
    ingest runs, skips, migrations) plus `by_day`: dated articles per day."""
    return JSONResponse(stats_document(store))
