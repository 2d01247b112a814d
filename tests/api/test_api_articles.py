from __future__ import annotations

import pytest

from marsad.store import open_store

NEWEST_FIRST = ["rain", "energy", "english", "xss", "oil", "aid", "books", "match"]


def ids(articles, keys):
    return [articles[k].id for k in keys]


def test_list_is_newest_first_with_undated_last(client, articles):
    r = client.get("/api/articles")
    assert r.status_code == 200
    data = r.json()
    assert data["total"] == len(articles)
    assert [a["id"] for a in data["articles"]] == ids(articles, NEWEST_FIRST)
    first = data["articles"][0]
    assert set(first) == {"id", "title", "source", "source_missing", "url", "author", "published_at",
                          "language", "ingested_at", "excerpt"}
    assert first["excerpt"].startswith("أغلقت السلطات")


@pytest.mark.parametrize("limit", [1, 3, 5])
def test_page_numbers_cover_everything_once(client, articles, limit):
    seen = []
    page = 1
    while True:
        data = client.get("/api/articles", params={"limit": limit, "page": page}).json()
        if not data["articles"]:
            break
        assert data["page"] == page
        seen += [a["id"] for a in data["articles"]]
        page += 1
    assert seen == ids(articles, NEWEST_FIRST)


@pytest.mark.parametrize("limit", [1, 2, 3, 8, 50])
def test_cursor_walk_covers_everything_once(client, articles, limit):
    seen, cursor = [], None
    for _ in range(20):
        params = {"limit": limit} | ({"cursor": cursor} if cursor else {})
        data = client.get("/api/articles", params=params).json()
        seen += [a["id"] for a in data["articles"]]
        cursor = data["next_cursor"]
        if cursor is None:
            break
    assert seen == ids(articles, NEWEST_FIRST)


def test_cursor_is_stable_while_new_articles_arrive(client, articles, db_path, make_article):
    first = client.get("/api/articles", params={"limit": 3}).json()
    with open_store(db_path) as store:
        from marsad.pipeline import Pipeline, index_article

        store.add_article(index_article(make_article("خبر عاجل جديد", ["نص جديد وصل الآن."],
                                                     published_at="2030-01-01"), Pipeline()))
    second = client.get("/api/articles", params={"limit": 3, "cursor": first["next_cursor"]}).json()
    assert [a["id"] for a in second["articles"]] == ids(articles, NEWEST_FIRST[3:6])
    assert second["total"] == len(articles) + 1


@pytest.mark.parametrize("params, keys", [
    ({"source": "صحيفة الشرق"}, ["energy", "aid"]),
    ({"source": ["صحيفة الشرق", "المدينة الثقافية"]}, ["energy", "aid", "books"]),
    ({"from": "2024-03-02", "to": "2024-03-04"}, ["english", "xss", "oil"]),
    ({"from": "2024-03-05"}, ["rain", "energy"]),
    ({"to": "2024-03-01"}, ["aid", "books"]),
    ({"source": "الاقتصادية اليوم", "to": "2024-03-04"}, ["oil"]),
    ({"source": "لا يوجد"}, []),
])
def test_filters(client, articles, params, keys):
    data = client.get("/api/articles", params=params).json()
    assert [a["id"] for a in data["articles"]] == ids(articles, keys)
    assert data["total"] == len(keys)


@pytest.mark.parametrize("params, fragment", [
    ({"from": "2024-03-05", "to": "2024-03-01"}, "date range is empty"),
    ({"from": "yesterday"}, "query parameter 'from'"),
    ({"cursor": "not-a-cursor"}, "invalid cursor"),
    ({"cursor": "WzEsMl0"}, "invalid cursor"),  # valid base64 of [1,2]: wrong types
    ({"page": 2, "cursor": "x"}, "either page or cursor"),
    ({"limit": 101}, "query parameter 'limit'"),
    ({"page": 0}, "query parameter 'page'"),
])
def test_bad_listing_parameters_are_422(client, params, fragment):
    r = client.get("/api/articles", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["error"]["code"] == "invalid_request"
    assert fragment in body["error"]["message"]


def test_one_article_is_the_show_json_shape(client, articles, db_path):
    a = articles["aid"]
    r = client.get(f"/api/articles/{a.id}")
    assert r.status_code == 200
    with open_store(db_path) as store:
        assert r.json() == store.get_article(a.id).to_dict()
    assert [b["kind"] for b in r.json()["blocks"]] == ["paragraph", "heading", "bullet", "bullet", "paragraph"]
    assert "original" not in r.json()


def test_one_article_with_original(client, articles):
    a = articles["oil"]
    r = client.get(f"/api/articles/{a.id}", params={"original": "true"})
    assert r.json()["original"] == a.original


def test_unknown_article_is_404_error_body(client):
    r = client.get("/api/articles/0123456789abcdef0123")
    assert r.status_code == 404
    assert r.json() == {"ok": False, "error": {"code": "not_found",
                                               "message": "no article with id '0123456789abcdef0123'"}}


def test_json_is_utf8_arabic_not_escaped(client, articles):
    r = client.get(f"/api/articles/{articles['oil'].id}")
    assert r.headers["content-type"] == "application/json"
    assert "أسعار النفط".encode() in r.content
    assert b"\\u06" not in r.content
