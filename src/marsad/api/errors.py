"""One error shape for every failure the API answers: ``{"ok": false, "error": {"code",
"message"[, "details"]}}``, whatever raised it (our checks, FastAPI's validation, the store,
an unknown route, a bug). Pages outside ``/api`` get the same code and message as HTML."""

from __future__ import annotations

import logging
from collections.abc import Awaitable, Callable
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from marsad.errors import ConfigError, IngestError, MarsadError, NotFoundError, StoreError, TooLargeError

log = logging.getLogger("marsad.api")

_CODE_BY_STATUS = {
    400: "bad_request", 401: "unauthorized", 403: "forbidden", 404: "not_found",
    405: "method_not_allowed", 413: "too_large", 415: "unsupported_media_type",
    422: "invalid_request", 500: "internal_error",
}


class ApiError(Exception):
    """Raised by routes to answer with ``status`` and the standard error body."""

    def __init__(self, status: int, code: str, message: str, *, details: Any = None,
                 headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.details = details
        self.headers = headers


def error_body(code: str, message: str, details: Any = None) -> dict[str, Any]:
    error: dict[str, Any] = {"code": code, "message": message}
    if details is not None:
        error["details"] = details
    return {"ok": False, "error": error}


HtmlErrorRenderer = Callable[[Request, int, str, str], Response]


def install_error_handlers(app: FastAPI, html_renderer: HtmlErrorRenderer | None = None) -> None:
    """Route every error to one responder; ``html_renderer`` answers non-API paths."""

    def respond(request: Request, status: int, code: str, message: str, details: Any = None,
                headers: dict[str, str] | None = None) -> Response:
        if html_renderer is not None and not request.url.path.startswith("/api"):
            response = html_renderer(request, status, code, message)
            if headers:
                response.headers.update(headers)
            return response
        return JSONResponse(error_body(code, message, details), status_code=status, headers=headers)

    async def on_api_error(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, ApiError)
        return respond(request, exc.status, exc.code, exc.message, exc.details, exc.headers)

    async def on_http(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, StarletteHTTPException)
        code = _CODE_BY_STATUS.get(exc.status_code, f"http_{exc.status_code}")
        message = exc.detail if isinstance(exc.detail, str) else code.replace("_", " ")
        if exc.status_code == 404 and message == "Not Found":
            message = f"no such path: {request.url.path}"
        return respond(request, exc.status_code, code, message, headers=getattr(exc, "headers", None))

    async def on_validation(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, RequestValidationError)
        details = [
            {"loc": [str(p) for p in e.get("loc", ())], "message": str(e.get("msg", "")),
             "type": str(e.get("type", ""))}
            for e in exc.errors()
        ]
        message = "; ".join(f"{_where(d['loc'])}: {d['message']}" for d in details) or "invalid request"
        return respond(request, 422, "invalid_request", message, details)

    async def on_marsad(request: Request, exc: Exception) -> Response:
        assert isinstance(exc, MarsadError)
        if isinstance(exc, NotFoundError):
            return respond(request, 404, "not_found", str(exc))
        if isinstance(exc, TooLargeError):
            return respond(request, 413, "too_large", str(exc))
        if isinstance(exc, (ConfigError, IngestError)):
            return respond(request, 422, "invalid_request", str(exc))
        if isinstance(exc, StoreError):
            log.error("store error on %s: %s", request.url.path, exc)
            return respond(request, 500, "store_error", "the database could not answer; see the server log")
        log.error("error on %s: %s", request.url.path, exc)
        return respond(request, 500, "internal_error", "internal server error; see the server log")

    async def on_crash(request: Request, exc: Exception) -> Response:
        log.exception("unhandled error on %s", request.url.path, exc_info=exc)
        return respond(request, 500, "internal_error", "internal server error; see the server log")

    handlers: dict[type[Exception], Callable[[Request, Exception], Awaitable[Response]]] = {
        ApiError: on_api_error,
        StarletteHTTPException: on_http,
        RequestValidationError: on_validation,
        MarsadError: on_marsad,
        Exception: on_crash,
    }
    for exc_type, handler in handlers.items():
        app.add_exception_handler(exc_type, handler)


def _where(loc: list[str]) -> str:
    if len(loc) >= 2 and loc[0] in ("query", "path", "header", "body"):
        return f"{loc[0]} parameter {'.'.join(loc[1:])!r}"
    return ".".join(loc) or "request"
