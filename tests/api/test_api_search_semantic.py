"""Semantic and hybrid modes over the embeddings story clustering stores (the multilingual
model ships with the package; nothing is downloaded)."""

from __future__ import annotations

import pytest

from marsad_test_corpus import ARTICLES, AppClient, build_db


@pytest.fixture(scope="module")
def clustered_client(tmp_path_factory):
    from marsad.api import create_app
    from marsad.pipeline import update_stories
    from marsad.store import open_store

    db = build_db(tmp_path_factory.mktemp("semantic") / "s.db")
    with open_store(db) as store:
        update_stories(store)
    app = create_app(db, token="")
    yield AppClient(app)
    app.state.pool.close()


@pytest.mark.parametrize("query, key", [("oil prices", "oil"), ("medical aid shipment to Ukraine", "aid"),
                                        ("معرض الكتاب", "books")])
def test_semantic_finds_by_meaning_across_languages(clustered_client, query, key):
    r = clustered_client.get("/api/search", params={"q": query, "mode": "semantic", "limit": 3})
    assert r.status_code == 200, r.text
    data = r.json()
    assert data["mode"] == "semantic" and data["total"] is None and data["match"] is None
    assert ARTICLES[key].id in [h["id"] for h in data["hits"]]


def test_hybrid_fuses_both_ranks(clustered_client):
    data = clustered_client.get("/api/search", params={"q": "أسعار النفط", "mode": "hybrid", "limit": 3}).json()
    assert data["mode"] == "hybrid"
    assert {ARTICLES["oil"].id, ARTICLES["energy"].id} <= {h["id"] for h in data["hits"]}


@pytest.mark.parametrize("params", [{"source": "صحيفة الشرق"}, {"from": "2024-03-01"}])
def test_whole_collection_modes_refuse_filters(clustered_client, params):
    r = clustered_client.get("/api/search", params={"q": "النفط", "mode": "semantic"} | params)
    assert r.status_code == 422
    assert "use mode=lexical to filter" in r.json()["error"]["message"]


def test_search_page_offers_the_modes(clustered_client):
    html = clustered_client.get("/search", params={"q": "oil prices", "mode": "semantic"}).text
    assert 'class="mode" href="/search?q=oil+prices&amp;mode=hybrid"' in html
    assert 'aria-current="true">المعنى</a>' in html
    assert "layout-single" in html and 'class="facets"' not in html
    assert ARTICLES["oil"].title in html
