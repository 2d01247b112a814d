"""``/api/search``: Arabic-aware search within outlet and date filters."""

from __future__ import annotations

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import JSONResponse

from marsad.api.deps import FilterDep, StoreDep
from marsad.api.errors import ApiError
from marsad.api.schemas import ERROR_RESPONSES, SearchOut
from marsad.api.services import SEARCH_MODES

router = APIRouter(prefix="/api", tags=["search"])

MAX_LIMIT = 100
MAX_OFFSET = 10_000


@router.get("/search", response_model=SearchOut, responses=ERROR_RESPONSES)
def search(
    request: Request,
    store: StoreDep,
    filters: FilterDep,
    q: Annotated[str, Query(min_length=1, max_length=500, description="The query, in Arabic or not.")],
    mode: Annotated[str, Query(description="`lexical` (default); `semantic` and `hybrid` where available.")] = "lexical",
    limit: Annotated[int, Query(ge=1, le=MAX_LIMIT)] = 10,
    offset: Annotated[int, Query(ge=0, le=MAX_OFFSET)] = 0,
    facets: Annotated[bool, Query(description="Also count hits per outlet and per day (lexical).")] = False,
) -> Any:
    """Lexical: spelling variants, clitics (و، ال، ل، ب…), light stems and diacritics all match;
    BM25 ranks, the title counts double; filters and facets apply. Semantic: by meaning, in any
    language (an English query finds Arabic articles); hybrid: both ranks fused. Each hit has a
    snippet and highlight offsets into it."""
    spec = SEARCH_MODES.get(mode)
    if spec is None:
        raise ApiError(422, "unknown_search_mode",
                       f"unknown search mode {mode!r}; available: {', '.join(SEARCH_MODES)}")
    if not q.strip():
        raise ApiError(422, "invalid_request", "query parameter 'q' is blank")
    if spec.exclusive:
        with request.app.state.pool.dedicated() as own:
            result = spec.run(own, q, filters, limit=limit, offset=offset, facets=facets)
    else:
        result = spec.run(store, q, filters, limit=limit, offset=offset, facets=facets)
    return JSONResponse(result.to_dict())
