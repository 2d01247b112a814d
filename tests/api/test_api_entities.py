"""``/api/entities`` and ``/api/entities/{id}`` in-process (httpx ASGITransport) over a database
of Arabic articles written for these tests and ingested through ``marsad.pipeline.ingest``."""

from __future__ import annotations

import pytest

from marsad_entity_corpus import ENTITY_ARTICLES, build_entity_db, entity_app
from marsad_test_corpus import AppClient

A = ENTITY_ARTICLES
LIST_KEYS = ["type", "limit", "offset", "next_offset", "entities"]
ROW_KEYS = {"id", "type", "name_ar", "name_en", "qid", "kind", "aliases", "roles", "mentions", "articles"}
DETAIL_KEYS = ROW_KEYS | {"surface_forms", "mentions_per_day", "co_occurring", "recent_articles"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = entity_app(build_entity_db(tmp_path_factory.mktemp("entities") / "entities.db"))
    yield AppClient(app)
    app.state.pool.close()


def test_list_puts_the_most_written_about_first(client):
    r = client.get("/api/entities")
    assert r.status_code == 200
    data = r.json()
    assert list(data) == LIST_KEYS
    assert (data["type"], data["limit"], data["offset"], data["next_offset"]) == (None, 20, 0, None)
    rows = data["entities"]
    assert all(set(row) == ROW_KEYS for row in rows)
    by_id = {row["id"]: row for row in rows}
    # Russia and Ukraine are each in the sanctions, aid and talks articles.
    assert {rows[0]["id"], rows[1]["id"]} == {"Q159", "Q212"}
    assert (by_id["Q159"]["name_ar"], by_id["Q159"]["articles"], by_id["Q159"]["mentions"]) == ("روسيا", 3, 4)
    assert "الاتحاد الروسي" in by_id["Q159"]["aliases"]
    articles = [row["articles"] for row in rows]
    assert articles == sorted(articles, reverse=True)
    assert by_id["Q649"]["articles"] == 2  # Moscow: sanctions and the hostile statement


@pytest.mark.parametrize("asked", ["ORG", "org", " Org "])
def test_list_by_type_in_any_case(client, asked):
    data = client.get("/api/entities", params={"type": asked}).json()
    assert data["type"] == "ORG"
    assert "m:ORG:government-of-russia" in [row["id"] for row in data["entities"]]
    assert {row["type"] for row in data["entities"]} == {"ORG"}
    assert "الكرملين" in data["entities"][0]["aliases"]


def test_list_pages_with_next_offset(client):
    everything = [row["id"] for row in client.get("/api/entities", params={"limit": 100}).json()["entities"]]
    assert len(everything) >= 8
    seen: list[str] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/entities", params={"limit": 3, "offset": offset}).json()
        assert page["limit"] == 3 and len(page["entities"]) <= 3
        seen += [row["id"] for row in page["entities"]]
        offset = page["next_offset"]
    assert seen == everything


@pytest.mark.parametrize("params,code", [
    ({"type": "PERSON"}, "invalid_request"),
    ({"limit": 0}, "invalid_request"),
    ({"limit": 101}, "invalid_request"),
    ({"offset": -1}, "invalid_request"),
])
def test_list_rejects_bad_parameters_with_the_standard_body(client, params, code):
    r = client.get("/api/entities", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["error"]["code"] == code and body["error"]["message"]


@pytest.mark.parametrize("asked", ["Q159", "روسيا", "الاتحاد الروسي", "روسيا الاتحادية"])
def test_entity_by_id_qid_or_any_spelling(client, asked):
    r = client.get(f"/api/entities/{asked}")
    assert r.status_code == 200
    data = r.json()
    assert set(data) == DETAIL_KEYS
    assert (data["id"], data["type"], data["name_ar"], data["name_en"]) == ("Q159", "LOC", "روسيا", "Russia")


def test_entity_timeline_co_occurrence_and_articles(client):
    data = client.get("/api/entities/Q159").json()
    assert data["mentions_per_day"] == [
        {"day": "2024-05-01", "mentions": 1, "articles": 1},
        {"day": "2024-05-02", "mentions": 1, "articles": 1},
        {"day": "2024-05-03", "mentions": 2, "articles": 1},  # روسيا and الروسي in the talks
    ]
    assert sum(d["mentions"] for d in data["mentions_per_day"]) == data["mentions"]
    co = {c["id"]: c for c in data["co_occurring"]}
    assert co["Q212"] == {"id": "Q212", "type": "LOC", "name_ar": "أوكرانيا", "articles": 3}
    assert co["Q43"]["articles"] == 1 and co["Q30"]["articles"] == 2
    assert "Q159" not in co
    shared = [c["articles"] for c in data["co_occurring"]]
    assert shared == sorted(shared, reverse=True)
    assert [a["id"] for a in data["recent_articles"]] == [A["talks"].id, A["aid"].id, A["sanctions"].id]
    assert {s["text"] for s in data["surface_forms"]} == {"روسيا", "الروسي"}


def test_entity_id_with_colons_plain_or_encoded(client):
    plain = client.get("/api/entities/m:LOC:the-west")
    encoded = client.get("/api/entities/m%3ALOC%3Athe-west")
    assert plain.status_code == encoded.status_code == 200
    assert plain.json() == encoded.json()
    assert plain.json()["name_ar"] == "الغرب"


def test_kremlin_alias_finds_the_russian_government(client):
    data = client.get("/api/entities/الكرملين").json()
    assert data["id"] == "m:ORG:government-of-russia"
    assert [a["id"] for a in data["recent_articles"]] == [A["hostile"].id, A["sanctions"].id]


@pytest.mark.parametrize("asked", ["Q0", "لا يوجد", "<script>alert(1)</script>"])
def test_unknown_entity_is_a_404_with_the_standard_body(client, asked):
    r = client.get(f"/api/entities/{asked}")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body == {"ok": False, "error": {"code": "not_found", "message": body["error"]["message"]}}
    assert asked in body["error"]["message"]


def test_openapi_documents_the_routes(client):
    paths = client.get("/openapi.json").json()["paths"]
    assert "/api/entities" in paths and "/api/entities/{name_or_id}" in paths and "/api/events" in paths
    assert "404" in paths["/api/entities/{name_or_id}"]["get"]["responses"]


def test_search_and_articles_filter_by_entity(client):
    every = client.get("/api/articles", params={"limit": 100}).json()
    russia = client.get("/api/articles", params={"entity": "Q159", "limit": 100}).json()
    key = "articles" if "articles" in russia else "items"
    assert 0 < len(russia[key]) < len(every[key])
    hits = client.get("/api/search", params={"q": "روسيا", "entity": "Q159"}).json()["hits"]
    assert hits and all(client.get(f"/api/articles/{h['id']}").json()["mentions"] for h in hits)
    none = client.get("/api/search", params={"q": "روسيا", "entity": "m:PERS:nobody"}).json()["hits"]
    assert none == []


def test_search_facets_count_entities_and_page_offers_them(client):
    data = client.get("/api/search", params={"q": "روسيا", "facets": "true"}).json()
    entities = data["facets"]["entity"]
    assert entities and entities[0]["articles"] >= entities[-1]["articles"]
    assert "Q159" in [e["id"] for e in entities]
    page = client.get("/search", params={"q": "روسيا"}).text
    assert 'name="entity" value="Q159"' in page
