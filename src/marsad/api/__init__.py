"""marsad's HTTP edge: a FastAPI app with the JSON API (``/api``), the web pages and OpenAPI docs.

    create_app(db_path, token=None) -> FastAPI
    serve(db_path, host="127.0.0.1", port=8000)
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

__all__ = ["create_app", "serve"]

if TYPE_CHECKING:
    from marsad.api.app import create_app, serve


def __getattr__(name: str) -> Any:
    # FastAPI is imported only when the API is used, so the CLI starts fast.
    if name in __all__:
        from marsad.api import app

        return getattr(app, name)
    raise AttributeError(name)
