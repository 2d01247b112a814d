from __future__ import annotations

import pytest

from marsad.text.normalize import normalize_for_matching


def search(client, **params):
    r = client.get("/api/search", params=params)
    assert r.status_code == 200, r.text
    return r.json()


def hit_ids(data):
    return [h["id"] for h in data["hits"]]


@pytest.mark.parametrize("query", ["أوكرانيا", "اوكرانيا", "لأوكرانيا", "أُوكْرَانْيَا"])
def test_search_matches_spelling_and_clitic_variants(client, articles, query):
    data = search(client, q=query)
    assert hit_ids(data) == [articles["aid"].id]
    assert data["total"] == 1 and data["match"] == "all" and data["mode"] == "lexical"


def test_highlights_point_at_matched_words_in_the_snippet(client):
    data = search(client, q="أسعار النفط")
    assert data["total"] == 2
    for hit in data["hits"]:
        marked = [normalize_for_matching(hit["snippet"][s:e]) for s, e in hit["highlights"]]
        assert marked, hit
        assert all("نفط" in m or "سعار" in m for m in marked), marked


def test_search_document_shape(client):
    data = search(client, q="النفط", limit=1)
    assert list(data) == ["query", "mode", "match", "limit", "offset", "total", "filters", "hits"]
    assert set(data["hits"][0]) == {"id", "title", "source", "published_at", "score", "snippet", "highlights"}
    assert data["filters"] == {"source": [], "from": None, "to": None, "entity": []}


@pytest.mark.parametrize("params, keys", [
    ({"source": "صحيفة الشرق"}, ["energy"]),
    ({"source": "الاقتصادية اليوم"}, ["oil"]),
    ({"from": "2024-03-03"}, ["energy"]),
    ({"to": "2024-03-02"}, ["oil"]),
    ({"source": "المدينة الثقافية"}, []),
])
def test_search_filters(client, articles, params, keys):
    data = search(client, q="النفط", **params)
    assert sorted(hit_ids(data)) == sorted(articles[k].id for k in keys)
    assert data["total"] == len(keys)


def test_facets_count_every_outlet_and_day_of_the_match(client):
    data = search(client, q="النفط", facets="true")
    facets = data["facets"]
    assert {f["source"]: f["articles"] for f in facets["source"]} == {"الاقتصادية اليوم": 1, "صحيفة الشرق": 1}
    assert facets["day"] == [{"day": "2024-03-02", "articles": 1}, {"day": "2024-03-05", "articles": 1}]


def test_source_facet_ignores_the_source_filter(client):
    data = search(client, q="النفط", facets="true", source="صحيفة الشرق")
    assert data["total"] == 1
    assert sum(f["articles"] for f in data["facets"]["source"]) == 2


def test_any_term_fallback_is_reported(client, articles):
    data = search(client, q="النفط زلزال")
    assert data["match"] == "any" and data["total"] == 2
    assert set(hit_ids(data)) == {articles["oil"].id, articles["energy"].id}


def test_offset_pages_through_hits(client):
    both = hit_ids(search(client, q="النفط", limit=2))
    first = hit_ids(search(client, q="النفط", limit=1))
    second = hit_ids(search(client, q="النفط", limit=1, offset=1))
    assert first + second == both
    assert search(client, q="النفط", offset=5)["hits"] == []


def test_no_match_is_an_empty_list(client):
    data = search(client, q="زلزال")
    assert data["hits"] == [] and data["total"] == 0


@pytest.mark.parametrize("mode", ["fuzzy", "", "Lexical", "semantic "])
def test_unknown_mode_is_422_with_a_clear_message(client, mode):
    r = client.get("/api/search", params={"q": "النفط", "mode": mode})
    assert r.status_code == 422
    error = r.json()["error"]
    assert error["code"] == "unknown_search_mode"
    assert f"unknown search mode {mode!r}" in error["message"] and "lexical" in error["message"]


@pytest.mark.parametrize("params, fragment", [
    ({}, "query parameter 'q'"),
    ({"q": ""}, "query parameter 'q'"),
    ({"q": "   "}, "blank"),
    ({"q": "نفط", "limit": 0}, "query parameter 'limit'"),
    ({"q": "نفط", "offset": -1}, "query parameter 'offset'"),
    ({"q": "نفط", "to": "2024-13-01"}, "query parameter 'to'"),
])
def test_bad_search_parameters_are_422(client, params, fragment):
    r = client.get("/api/search", params=params)
    assert r.status_code == 422
    assert r.json()["ok"] is False
    assert fragment in r.json()["error"]["message"]


@pytest.mark.parametrize("query", ['"', "NEAR(", "a OR b", "*", "title:x", "نفط AND", "-"])
def test_fts_syntax_in_the_query_is_just_text(client, query):
    r = client.get("/api/search", params={"q": query})
    assert r.status_code == 200
