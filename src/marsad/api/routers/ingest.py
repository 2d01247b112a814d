"""``POST /api/ingest``: store articles sent as JSON records or uploaded files.

Guarded by a bearer token (``MARSAD_TOKEN``; without one the route answers 403). The body is
capped (``MAX_INGEST_BYTES``): the declared Content-Length is checked first and the bytes are
counted while reading, before any parsing. Everything is validated before anything is stored,
so a rejected request leaves the database as it was.
"""

from __future__ import annotations

import hmac
import json
import re
import tempfile
from collections.abc import AsyncIterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from marsad.api.errors import ApiError
from marsad.api.schemas import ErrorBody, IngestOut, IngestRecord
from marsad.errors import ConfigError, IngestError
from marsad.ingest.article import Article

router = APIRouter(prefix="/api", tags=["ingest"])

MAX_INGEST_BYTES = 10 * 1024 * 1024  # whole request body, JSON or multipart
MAX_UPLOAD_FILES = 100
JSON_ORIGIN = "api"  # records are named api:[index] in errors and origins
_SAFE_NAME = re.compile(r"[^\w.\-]+")

_JSON_EXAMPLE = [{
    "title": "افتتاح معرض الكتاب في دورته الجديدة",
    "body": "افتتح المعرض أبوابه صباح اليوم بمشاركة مئات الناشرين.\nويستمر عشرة أيام.",
    "source": "صحيفة المثال", "url": "https://example.org/news/1",
    "author": None, "published_at": "2024-03-01",
}]

_RECORD_SCHEMA = IngestRecord.model_json_schema()

_OPENAPI_BODY = {
    "requestBody": {
        "required": True,
        "content": {
            "application/json": {
                "schema": {
                    "oneOf": [
                        {"type": "array", "items": _RECORD_SCHEMA},
                        {"type": "object", "properties": {
                            "articles": {"type": "array", "items": _RECORD_SCHEMA}},
                         "required": ["articles"]},
                    ]
                },
                "example": _JSON_EXAMPLE,
            },
            "multipart/form-data": {
                "schema": {
                    "type": "object",
                    "properties": {
                        "file": {"type": "array", "items": {"type": "string", "format": "binary"},
                                 "description": "Text, HTML, JSONL or .gz files, as `marsad ingest` reads them."},
                        "map": {"type": "string", "description": "JSONL field map, e.g. `body=text,title=headline`."},
                    },
                    "required": ["file"],
                }
            },
        },
    }
}

_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorBody, "description": text}
    for code, text in {
        401: "Missing or wrong bearer token", 403: "Ingest is disabled (no MARSAD_TOKEN)",
        413: f"Body over {MAX_INGEST_BYTES} bytes", 415: "Neither JSON nor multipart",
        422: "Malformed JSON or invalid records; nothing was stored",
    }.items()
}


@router.post("/ingest", response_model=IngestOut, responses=_ERRORS, openapi_extra=_OPENAPI_BODY)
async def ingest_articles(request: Request) -> Any:
    """Store articles: a JSON list of records (`title`, `body`, optional `source`, `url`,
    `author`, `published_at`), or files uploaded as multipart field `file`.

    Needs `Authorization: Bearer <MARSAD_TOKEN>`. All or nothing: if any record is invalid the
    answer is 422 listing each problem and nothing is stored. Known articles are not stored twice.
    Like `marsad ingest`, new articles are then clustered into stories (`?stories=false` skips it;
    `marsad stories --update` does it later)."""
    settings = request.app.state.settings
    _check_token(request, settings.token)
    body = await read_limited_body(request, settings.max_ingest_bytes)
    content_type = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if content_type == "application/json" or content_type.endswith("+json"):
        # Parsing and building articles is CPU work: keep it off the event loop.
        articles = await run_in_threadpool(articles_from_json, body, request.query_params.get("map"))
        paths = [JSON_ORIGIN]
    elif content_type == "multipart/form-data":
        articles, paths = await _articles_from_upload(request, body)
    else:
        raise ApiError(415, "unsupported_media_type",
                       "send application/json (a list of article records) or multipart/form-data (files)")
    if not articles:
        raise ApiError(422, "no_articles", "the request holds no articles; nothing was stored")
    cluster = request.query_params.get("stories", "true").lower() not in ("false", "0", "no")
    summary = await run_in_threadpool(_store_all, request.app.state.pool, articles, paths, cluster)
    return JSONResponse({**summary, "ids": [a.id for a in articles]})


def _check_token(request: Request, token: str | None) -> None:
    if not token:
        raise ApiError(403, "ingest_disabled",
                       "ingest over HTTP is disabled: start the server with MARSAD_TOKEN set to enable it")
    scheme, _, given = request.headers.get("authorization", "").partition(" ")
    # Compare every time, even on a wrong scheme, so timing says nothing about the token.
    ok = hmac.compare_digest(given.strip().encode("utf-8"), token.encode("utf-8"))
    if not ok or scheme.lower() != "bearer":
        raise ApiError(401, "unauthorized", "missing or wrong bearer token (Authorization: Bearer <MARSAD_TOKEN>)",
                       headers={"WWW-Authenticate": "Bearer"})


async def read_limited_body(request: Request, limit: int) -> bytes:
    """The body, refusing (413) a declared or actual size over ``limit`` before holding more."""
    declared = request.headers.get("content-length")
    if declared is not None:
        if not declared.strip().isdigit():
            raise ApiError(400, "bad_request", f"invalid Content-Length {declared[:40]!r}")
        if int(declared) > limit:
            raise ApiError(413, "too_large", f"request body of {int(declared)} bytes is over the {limit}-byte limit")
    received = bytearray()
    async for chunk in request.stream():
        received += chunk
        if len(received) > limit:
            raise ApiError(413, "too_large", f"request body is over the {limit}-byte limit")
    return bytes(received)


# -- JSON records ----------------------------------------------------------------------------
def articles_from_json(body: bytes, field_map: str | None = None) -> list[Article]:
    """Parse and validate every record (as ``marsad ingest`` reads a JSON file); 422 listing
    every problem if any record is bad."""
    from marsad.ingest.jsonl import iter_json_records

    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ApiError(422, "malformed_json", f"body is not UTF-8 (byte {exc.start})") from exc
    except json.JSONDecodeError as exc:
        raise ApiError(422, "malformed_json", f"malformed JSON at line {exc.lineno} column {exc.colno}: {exc.msg}") from exc
    if isinstance(data, dict) and isinstance(data.get("articles"), list):
        data = data["articles"]
    elif isinstance(data, dict):
        data = [data]
    if not isinstance(data, list):
        raise ApiError(422, "invalid_records", "expected a JSON list of article objects")
    mapping = _field_map(field_map)
    articles: list[Article] = []
    problems: list[str] = []
    for item in iter_json_records(data, path=JSON_ORIGIN, field_map=mapping):
        if isinstance(item, IngestError):
            problems.append(str(item))
        else:
            articles.append(item)
    if problems:
        raise ApiError(422, "invalid_records",
                       f"{len(problems)} of {len(data)} records are invalid; nothing was stored",
                       details=problems)
    return articles


def _field_map(spec: str | None) -> dict[str, str] | None:
    from marsad.ingest.jsonl import parse_field_map

    if not spec:
        return None
    try:
        return parse_field_map(spec)
    except ConfigError as exc:
        raise ApiError(422, "invalid_request", f"invalid field map: {exc}") from exc


# -- uploaded files --------------------------------------------------------------------------
async def _one_chunk(body: bytes) -> AsyncIterator[bytes]:
    yield body


async def _articles_from_upload(request: Request, body: bytes) -> tuple[list[Article], list[str]]:
    try:
        form = await MultiPartParser(request.headers, _one_chunk(body), max_files=MAX_UPLOAD_FILES,
                                     max_fields=10, max_part_size=64 * 1024).parse()
    except MultiPartException as exc:
        raise ApiError(422, "malformed_multipart", f"malformed multipart body: {exc.message}") from exc
    try:
        uploads = [v for _, v in form.multi_items() if isinstance(v, UploadFile)]
        if not uploads:
            raise ApiError(422, "no_articles", "no file in the multipart body (send files as field 'file')")
        field_map = form.get("map") or request.query_params.get("map")
        with tempfile.TemporaryDirectory(prefix="marsad-upload-") as tmp:
            names: list[str] = []
            for n, upload in enumerate(uploads):
                name = _safe_name(upload.filename or "", n)
                (Path(tmp) / name).write_bytes(await upload.read())
                names.append(name)
            return await run_in_threadpool(_read_uploads, tmp, names, field_map if isinstance(field_map, str) else None)
    finally:
        await form.close()


def _safe_name(filename: str, n: int) -> str:
    # Only the last path part, harmless characters, unique by position; the extension stays
    # because the readers use it (.gz, .jsonl, .html).
    base = _SAFE_NAME.sub("_", filename.replace("\\", "/").rsplit("/", 1)[-1]).strip("._") or "upload"
    return f"{n:03d}-{base[-100:]}"


def _read_uploads(tmp: str, names: list[str], field_map: str | None) -> tuple[list[Article], list[str]]:
    from marsad.ingest.read import read_paths

    mapping = _field_map(field_map)
    prefix = str(Path(tmp)) + "/"
    shown = {f"{prefix}{name}": f"upload:{name[4:]}" for name in names}

    def public(path: str) -> str:  # the temp dir means nothing to the client
        for real, nice in shown.items():
            if path.startswith(real):
                return nice + path[len(real):]
        return path

    articles: list[Article] = []
    problems: list[str] = []
    for item in read_paths([str(Path(tmp) / name) for name in names], field_map=mapping):
        if isinstance(item, IngestError):
            problems.append(f"{public(item.path)}" + (f":{item.record}" if item.record is not None else "")
                            + f": {item.reason}")
        else:
            articles.append(replace(item, origin=public(item.origin)))
    if problems:
        raise ApiError(422, "invalid_records",
                       f"{len(problems)} files or records could not be read; nothing was stored",
                       details=problems)
    return articles, [shown[f"{prefix}{name}"] for name in names]


def _store_all(pool: Any, articles: list[Article], paths: list[str], cluster: bool) -> dict[str, Any]:
    """Store, then (like ``marsad ingest``) put the new articles into stories. The articles are
    committed before clustering starts, so a clustering failure is reported, not a rollback."""
    from marsad.errors import MarsadError
    from marsad.pipeline import ingest

    with pool.writing() as store:
        summary = ingest(store, iter(articles), paths=paths).to_dict()
        if cluster and hasattr(store, "unclustered"):
            from marsad.pipeline import update_stories

            try:
                summary["stories"] = update_stories(store).to_dict()
            except MarsadError as exc:
                summary["stories"] = {"error": str(exc)}
    return summary
