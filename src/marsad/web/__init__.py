"""The web dashboard: Arabic, right-to-left pages (English on request) served by the API app.
Templates and static files (CSS, a little JS, the Noto Arabic web fonts) ship in the package."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from fastapi import FastAPI

    from marsad.api.errors import HtmlErrorRenderer

STATIC_DIR = Path(__file__).parent / "static"


def install_web(app: FastAPI) -> HtmlErrorRenderer:
    """Add the pages and ``/static`` to ``app``; returns the HTML error page renderer."""
    from starlette.staticfiles import StaticFiles

    from marsad.web.pages import html_error, router
    from marsad.web.story_pages import router as story_router
    from marsad.web.entity_pages import router as entity_router

    app.include_router(router)
    app.include_router(story_router)
    app.include_router(entity_router)
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")
    return html_error
