"""The FastAPI application: JSON routes under ``/api``, web pages at ``/``, OpenAPI at ``/docs``."""

from __future__ import annotations

import importlib
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from pathlib import Path

from fastapi import FastAPI

from marsad import __version__
from marsad.api.errors import install_error_handlers
from marsad.api.pool import StorePool
from marsad.api.routers.ingest import MAX_INGEST_BYTES

# One module per resource (see marsad/api/routers/__init__.py). Entity, story and event routers
# are appended here when their stages land; a module with ``available()`` may opt out.
ROUTER_MODULES: tuple[str, ...] = (
    "marsad.api.routers.articles",
    "marsad.api.routers.search",
    "marsad.api.routers.stats",
    "marsad.api.routers.ingest",
    "marsad.api.routers.stories",
    "marsad.api.routers.entities",
    "marsad.api.routers.events",
)

TOKEN_ENV = "MARSAD_TOKEN"


@dataclass(frozen=True, slots=True)
class ApiSettings:
    db_path: str
    token: str | None  # None or "": POST /api/ingest is disabled
    max_ingest_bytes: int = MAX_INGEST_BYTES


def create_app(db_path: str | Path, token: str | None = None, *, max_ingest_bytes: int = MAX_INGEST_BYTES,
               web: bool = True) -> FastAPI:
    """The app over the database at ``db_path`` (created and migrated if needed).

    ``token`` guards ``POST /api/ingest``; when None it is read from ``$MARSAD_TOKEN``, and
    with neither the route is disabled. ``web=False`` serves the JSON API alone."""
    settings = ApiSettings(str(db_path), token if token is not None else os.environ.get(TOKEN_ENV) or None,
                           max_ingest_bytes)
    pool = StorePool(settings.db_path)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(
        title="marsad (مرصد) API",
        version=__version__,
        description="Arabic-first news intelligence: articles, Arabic-aware search, stories, stats, ingest. "
                    'Every error answers `{"ok": false, "error": {"code", "message"}}`.',
        lifespan=lifespan,
    )
    app.state.settings = settings
    app.state.pool = pool
    for name in ROUTER_MODULES:
        module = importlib.import_module(name)
        available = getattr(module, "available", None)
        if available is None or available():
            app.include_router(module.router)
    html_errors = None
    if web:
        from marsad.web import install_web

        html_errors = install_web(app)
    install_error_handlers(app, html_errors)
    return app


def app_from_env() -> FastAPI:
    """App factory for worker processes: the database comes from ``MARSAD_DB``."""
    import os

    return create_app(os.environ["MARSAD_DB"], os.environ.get("MARSAD_TOKEN") or None)


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, *, token: str | None = None,
          workers: int = 1, log_level: str = "info") -> None:
    """Run the app with uvicorn until interrupted (``marsad serve``). With ``workers`` > 1 each
    worker is a process with its own read connections (SQLite WAL lets them read in parallel)."""
    import os

    import uvicorn

    common = {"host": host, "port": port, "log_level": log_level, "proxy_headers": False,
              "server_header": False, "access_log": log_level == "info"}
    if workers <= 1:
        uvicorn.run(create_app(db_path, token), **common)
        return
    os.environ["MARSAD_DB"] = str(db_path)
    if token:
        os.environ["MARSAD_TOKEN"] = token
    uvicorn.run("marsad.api.app:app_from_env", factory=True, workers=workers, **common)
