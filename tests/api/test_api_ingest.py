from __future__ import annotations

import json

import anyio
import pytest
from starlette.requests import Request

from marsad.api import create_app
from marsad.api.errors import ApiError
from marsad.api.routers.ingest import read_limited_body
from marsad_test_corpus import ARTICLES, TOKEN, AppClient

AUTH = {"Authorization": f"Bearer {TOKEN}"}

RECORDS = [
    {"title": "انطلاق مهرجان التمور في القصيم", "body": "انطلق المهرجان السنوي للتمور بمشاركة المزارعين.\nويستمر أسبوعين.",
     "source": "صحيفة الوسط", "url": "https://example.org/dates-festival", "published_at": "2024-04-10"},
    {"title": "تدشين خط حافلات جديد", "body": "دشنت البلدية خطا جديدا للحافلات يربط الأحياء الشمالية بالوسط.",
     "source": "صحيفة الوسط", "author": "محرر الشؤون المحلية"},
]


def count(client) -> int:
    return client.get("/api/stats").json()["articles"]


def test_json_records_are_stored_and_readable(client):
    before = count(client)
    r = client.post("/api/ingest", json=RECORDS, headers=AUTH)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["new"] == 2 and report["known"] == 0 and report["skipped"] == 0
    assert report["stories"]["clustered"] == before + 2  # like the CLI: every unclustered article
    assert count(client) == before + 2
    stored = client.get(f"/api/articles/{report['ids'][0]}").json()
    assert stored["title"] == RECORDS[0]["title"]
    assert stored["source"] == "صحيفة الوسط" and stored["published_at"] == "2024-04-10"
    assert stored["body"].splitlines() == RECORDS[0]["body"].splitlines()
    assert stored["origin"] == "api:[0]"
    assert client.get("/api/search", params={"q": "مهرجان التمور"}).json()["hits"][0]["id"] == report["ids"][0]


def test_story_clustering_can_be_skipped(client):
    report = client.post("/api/ingest", params={"stories": "false"}, json=RECORDS, headers=AUTH).json()
    assert report["new"] == 2 and "stories" not in report


def test_ingest_again_adds_nothing(client):
    first = client.post("/api/ingest", json=RECORDS, headers=AUTH).json()
    again = client.post("/api/ingest", json={"articles": RECORDS}, headers=AUTH).json()
    assert again["new"] == 0 and again["known"] == 2 and again["ids"] == first["ids"]


def test_field_map_for_other_layouts(client):
    record = {"headline": "افتتاح حديقة عامة", "text": "افتتحت الأمانة حديقة عامة جديدة في الحي الشرقي."}
    r = client.post("/api/ingest", params={"map": "title=headline,body=text"}, json=[record], headers=AUTH)
    assert r.status_code == 200, r.text
    assert client.get(f"/api/articles/{r.json()['ids'][0]}").json()["title"] == "افتتاح حديقة عامة"


def test_disabled_without_a_token(db_path, monkeypatch):
    monkeypatch.delenv("MARSAD_TOKEN", raising=False)
    app = create_app(db_path)
    try:
        r = AppClient(app).post("/api/ingest", json=RECORDS, headers=AUTH)
    finally:
        app.state.pool.close()
    assert r.status_code == 403
    assert r.json()["error"]["code"] == "ingest_disabled"
    assert "MARSAD_TOKEN" in r.json()["error"]["message"]


def test_token_from_the_environment(db_path, monkeypatch):
    monkeypatch.setenv("MARSAD_TOKEN", "from-env")
    app = create_app(db_path)
    try:
        client = AppClient(app)
        assert client.post("/api/ingest", json=RECORDS, headers={"Authorization": "Bearer from-env"}).status_code == 200
        assert client.post("/api/ingest", json=RECORDS, headers=AUTH).status_code == 401
    finally:
        app.state.pool.close()


@pytest.mark.parametrize("headers", [
    {},
    {"Authorization": "Bearer wrong"},
    {"Authorization": f"Bearer {TOKEN}x"},
    {"Authorization": f"Basic {TOKEN}"},
    {"Authorization": TOKEN},
    {"Authorization": "Bearer "},
])
def test_missing_or_wrong_token_is_401_and_stores_nothing(client, headers):
    before = count(client)
    r = client.post("/api/ingest", json=RECORDS, headers=headers)
    assert r.status_code == 401
    assert r.headers["www-authenticate"] == "Bearer"
    assert r.json()["error"]["code"] == "unauthorized"
    assert count(client) == before


@pytest.mark.parametrize("body, code", [
    (b"[{\"title\": \"x\",", "malformed_json"),
    (b"not json at all", "malformed_json"),
    (b"\xff\xfe[]", "malformed_json"),
    (b"42", "invalid_records"),
    (b"[]", "no_articles"),
])
def test_malformed_json_is_422(client, body, code):
    r = client.post("/api/ingest", content=body, headers=AUTH | {"Content-Type": "application/json"})
    assert r.status_code == 422
    assert r.json()["error"]["code"] == code


def test_one_bad_record_rejects_the_whole_request(client):
    before = count(client)
    bad = [RECORDS[0], {"title": "عنوان بلا نص", "body": ""}, RECORDS[1], "not an object"]
    r = client.post("/api/ingest", json=bad, headers=AUTH)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "invalid_records"
    assert error["message"].startswith("2 of 4 records are invalid")
    assert [d.split(":")[1] for d in error["details"]] == ["[1]", "[3]"]
    assert count(client) == before


def test_declared_length_over_the_limit_is_413_before_reading(db_path):
    app = create_app(db_path, token=TOKEN, max_ingest_bytes=200)
    try:
        client = AppClient(app)
        before = count(client)
        r = client.post("/api/ingest", json=RECORDS * 3, headers=AUTH)
        assert r.status_code == 413
        assert r.json()["error"]["code"] == "too_large"
        assert "200-byte limit" in r.json()["error"]["message"]
        assert count(client) == before
    finally:
        app.state.pool.close()


def test_undeclared_length_is_counted_while_reading(db_path):
    app = create_app(db_path, token=TOKEN, max_ingest_bytes=200)
    payload = json.dumps(RECORDS * 3, ensure_ascii=False).encode()

    async def chunks():
        for i in range(0, len(payload), 64):
            yield payload[i:i + 64]

    try:
        client = AppClient(app)
        r = client.post("/api/ingest", content=chunks(), headers=AUTH | {"Content-Type": "application/json"})
        assert "content-length" not in {k.lower() for k in r.request.headers}
        assert r.status_code == 413
        assert count(client) == len(ARTICLES)
    finally:
        app.state.pool.close()


def test_read_limited_body_stops_at_the_limit():
    sent = []

    async def receive():
        sent.append(1)
        return {"type": "http.request", "body": b"x" * 100, "more_body": True}

    request = Request({"type": "http", "method": "POST", "headers": [], "path": "/"}, receive)
    with pytest.raises(ApiError) as info:
        anyio.run(read_limited_body, request, 250)
    assert info.value.status == 413
    assert len(sent) == 3  # stopped at the first chunk past the limit, not at the end of the stream


def test_other_content_types_are_415(client):
    r = client.post("/api/ingest", content="title: x", headers=AUTH | {"Content-Type": "text/plain"})
    assert r.status_code == 415
    assert r.json()["error"]["code"] == "unsupported_media_type"


def test_uploaded_files_are_read_like_the_cli(client):
    jsonl = "\n".join(json.dumps(r, ensure_ascii=False) for r in RECORDS).encode()
    text = "وزارة الصحة تطلق حملة للتطعيم\nأطلقت وزارة الصحة حملة وطنية للتطعيم تستمر شهرا كاملا.\n".encode()
    files = [("file", ("news.jsonl", jsonl, "application/x-ndjson")),
             ("file", ("../../etc/حملة.txt", text, "text/plain"))]
    r = client.post("/api/ingest", files=files, headers=AUTH)
    assert r.status_code == 200, r.text
    report = r.json()
    assert report["new"] == 3
    origins = sorted(client.get(f"/api/articles/{i}").json()["origin"] for i in report["ids"])
    assert origins[0].startswith("upload:news.jsonl:") and origins[1].startswith("upload:news.jsonl:")
    assert origins[2].startswith("upload:") and origins[2].endswith(".txt")
    assert all("/tmp" not in o and "marsad-upload" not in o and ".." not in o for o in origins)


def test_an_unreadable_upload_rejects_the_whole_request(client):
    before = count(client)
    good = json.dumps(RECORDS[0], ensure_ascii=False).encode()
    files = [("file", ("good.jsonl", good, "application/x-ndjson")),
             ("file", ("bad.jsonl", good + b"\n{\"title\": \"x\", \"content\": \"\"}\n", "application/x-ndjson"))]
    r = client.post("/api/ingest", files=files, headers=AUTH)
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "invalid_records"
    assert error["details"][0].startswith("upload:bad.jsonl:2: ")
    assert count(client) == before


def test_multipart_without_files_is_422(client):
    r = client.post("/api/ingest", files=[("map", (None, "body=text"))], headers=AUTH)
    assert r.request.headers["content-type"].startswith("multipart/form-data")
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "no_articles"
