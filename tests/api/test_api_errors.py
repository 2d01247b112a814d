from __future__ import annotations

import pytest

from marsad.errors import StoreError
from marsad_test_corpus import AppClient


@pytest.mark.parametrize("method, url, status, code", [
    ("GET", "/api/nothing-here", 404, "not_found"),
    ("GET", "/api/articles/unknown-id", 404, "not_found"),
    ("DELETE", "/api/articles", 405, "method_not_allowed"),
    ("GET", "/api/search", 422, "invalid_request"),
    ("GET", "/api/search?q=x&mode=fuzzy", 422, "unknown_search_mode"),
    ("GET", "/api/search?q=x&mode=semantic&source=a", 422, "invalid_request"),
    ("GET", "/api/articles?limit=abc", 422, "invalid_request"),
    ("POST", "/api/ingest", 401, "unauthorized"),
])
def test_every_api_error_has_the_same_body(client, method, url, status, code):
    r = client.request(method, url)
    assert r.status_code == status
    assert r.headers["content-type"] == "application/json"
    body = r.json()
    assert body["ok"] is False
    assert body["error"]["code"] == code
    assert isinstance(body["error"]["message"], str) and body["error"]["message"]
    assert set(body) == {"ok", "error"}


def _crashing_app(app, exc: Exception):
    @app.get("/api/crash")
    def crash() -> None:
        raise exc

    return AppClient(app, raise_app_exceptions=False)


def test_a_bug_is_a_500_error_body_without_internals(app):
    r = _crashing_app(app, RuntimeError("secret internal detail")).get("/api/crash")
    assert r.status_code == 500
    assert r.json() == {"ok": False, "error": {"code": "internal_error",
                                               "message": "internal server error; see the server log"}}
    assert b"secret internal detail" not in r.content


def test_a_store_failure_is_a_500_store_error(app):
    r = _crashing_app(app, StoreError("/var/db/x.db: disk I/O error")).get("/api/crash")
    assert r.status_code == 500
    assert r.json()["error"]["code"] == "store_error"
    assert b"/var/db" not in r.content


def test_openapi_lists_the_routes_and_docs_cover_them(client):
    from pathlib import Path

    spec = client.get("/openapi.json").json()
    paths = set(spec["paths"])
    assert {"/api/articles", "/api/articles/{article_id}", "/api/search", "/api/stats", "/api/ingest",
            "/api/stories", "/api/stories/{story_id}"} <= paths
    docs = (Path(__file__).resolve().parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    for path in paths:
        # every endpoint is documented (path parameters may be named differently in prose)
        stem = path.split("{")[0].rstrip("/")
        assert stem in docs, f"{path} is not in docs/api.md"
    assert client.get("/docs").status_code == 200


def test_stats_is_the_cli_document_plus_days(client, articles):
    data = client.get("/api/stats").json()
    assert data["articles"] == len(articles)
    assert data["source_missing"] == 1
    assert data["sources"]["صحيفة الشرق"] == 2
    assert data["by_day"][0] == {"day": "2024-02-20", "articles": 1}
    assert {"day": "2024-03-05", "articles": 2} in data["by_day"]


def test_not_a_marsad_database_fails_at_start(tmp_path):
    from marsad.api import create_app

    bogus = tmp_path / "not.db"
    bogus.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(StoreError):
        create_app(bogus)
