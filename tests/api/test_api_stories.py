"""``/api/stories``, ``/api/stories/{id}`` and ``/api/articles/{id}/story`` in-process (httpx
ASGITransport) over a database of articles written for these tests, clustered into stories by
``marsad.pipeline.update_stories``."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad_story_corpus import PLANT_COPIES, STORY_ARTICLES, STORY_XSS, build_story_db
from marsad_test_corpus import AppClient

A = STORY_ARTICLES
SUMMARY_KEYS = {"id", "title", "size", "outlets", "first_time", "last_time", "origin"}
MEMBER_KEYS = {"id", "title", "source", "time", "url", "relation", "score", "parent", "containment",
               "edge_kind", "diff", "origin"}


@pytest.fixture(scope="module")
def story_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_story_db(tmp_path_factory.mktemp("stories") / "stories.db")


@pytest.fixture(scope="module")
def story_client(story_db: Path):
    from marsad.api import create_app

    app = create_app(story_db, token=None)
    yield AppClient(app)
    app.state.pool.close()


def plant_story_id(client: AppClient) -> str:
    return client.get(f"/api/articles/{A['origin'].id}/story").json()["story"]["story_id"]


def test_list_by_size_puts_the_largest_first_and_hides_single_articles(story_client):
    r = story_client.get("/api/stories")
    assert r.status_code == 200
    data = r.json()
    assert list(data) == ["order", "min_size", "limit", "offset", "next_offset", "stories"]
    assert (data["order"], data["min_size"], data["limit"], data["offset"], data["next_offset"]) == ("size", 2, 20, 0, None)
    stories = data["stories"]
    assert [s["origin"]["id"] for s in stories] == [A["origin"].id, A["volley"].id]
    plant, volley = stories
    assert set(plant) == SUMMARY_KEYS
    assert plant["size"] >= len(PLANT_COPIES)  # the free rewrite may join too
    assert plant["outlets"] == plant["size"]  # every article here is from another outlet
    assert plant["origin"] == {"id": A["origin"].id, "source": "وكالة أنباء الساحل"}
    assert plant["title"] == A["origin"].title
    assert plant["first_time"] == "2024-04-10T08:15:00"
    assert (volley["size"], volley["outlets"], volley["last_time"]) == (2, 2, "2024-04-12T21:30:00")


def test_list_latest_puts_the_most_recent_story_first(story_client):
    stories = story_client.get("/api/stories", params={"order": "latest"}).json()["stories"]
    assert [s["origin"]["id"] for s in stories] == [A["volley"].id, A["origin"].id]


def test_min_size_one_lists_single_article_stories(story_client):
    stories = story_client.get("/api/stories", params={"min_size": 1, "limit": 100}).json()["stories"]
    origins = {s["origin"]["id"] for s in stories}
    assert A["alone"].id in origins
    assert {s["size"] for s in stories if s["origin"]["id"] == A["alone"].id} == {1}
    in_stories = sum(s["size"] for s in stories)
    assert in_stories == len(A)  # every article is in exactly one story


@pytest.mark.parametrize("order", ["size", "latest"])
@pytest.mark.parametrize("limit", [1, 2, 3])
def test_offset_paging_covers_every_story_once(story_client, order, limit):
    whole = [s["id"] for s in story_client.get(
        "/api/stories", params={"order": order, "min_size": 1, "limit": 100}).json()["stories"]]
    seen, offset = [], 0
    for _ in range(20):
        data = story_client.get("/api/stories", params={"order": order, "min_size": 1, "limit": limit,
                                                        "offset": offset}).json()
        assert len(data["stories"]) <= limit
        seen += [s["id"] for s in data["stories"]]
        if data["next_offset"] is None:
            break
        assert data["next_offset"] == offset + limit
        offset = data["next_offset"]
    assert seen == whole


@pytest.mark.parametrize("params,where", [
    ({"order": "biggest"}, "order"),
    ({"min_size": 0}, "min_size"),
    ({"limit": 0}, "limit"),
    ({"limit": 101}, "limit"),
    ({"offset": -1}, "offset"),
    ({"limit": "many"}, "limit"),
])
def test_bad_list_parameters_answer_the_standard_422(story_client, params, where):
    r = story_client.get("/api/stories", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False
    assert body["error"]["code"] == "invalid_request"
    assert where in body["error"]["message"]
    assert body["error"]["details"][0]["loc"] == ["query", where]


def test_story_has_members_oldest_first_with_outlet_time_relation_and_diffs(story_client):
    sid = plant_story_id(story_client)
    r = story_client.get(f"/api/stories/{sid}")
    assert r.status_code == 200
    story = r.json()
    assert list(story) == ["id", "title", "size", "outlets", "first_time", "last_time", "origin", "members", "edges"]
    assert story["id"] == sid and story["origin"] == A["origin"].id
    members = {m["id"]: m for m in story["members"]}
    assert len(members) == story["size"]
    assert {A[k].id for k in PLANT_COPIES} <= set(members)
    times = [m["time"] for m in story["members"]]
    assert times == sorted(times)
    for m in story["members"]:
        assert set(m) == MEMBER_KEYS

    origin = members[A["origin"].id]
    assert origin["origin"] is True and origin["parent"] is None and origin["diff"] is None
    assert (origin["source"], origin["time"]) == ("وكالة أنباء الساحل", "2024-04-10T08:15:00")

    near = members[A["near"].id]
    assert (near["relation"], near["parent"], near["edge_kind"], near["origin"]) == ("near", A["origin"].id, "copy", False)
    assert 0.5 < near["containment"] < 1
    assert near["diff"]["counts"] == {"kept": 5, "removed": 0, "added": 1, "reworded": 1}
    reworded = [op for op in near["diff"]["ops"] if op["op"] == "reworded"]
    assert len(reworded) == 1
    assert "تكلفة المشروع" in reworded[0]["parent"] and "كلفة المشروع" in reworded[0]["child"]

    near2 = members[A["near2"].id]
    assert near2["parent"] == A["near"].id  # it copies the near copy, not the origin
    assert near2["diff"]["counts"]["removed"] == 1 and near2["diff"]["counts"]["added"] == 1
    added = next(op for op in near2["diff"]["ops"] if op["op"] == "added")
    assert STORY_XSS in added["child"] and added["parent"] is None  # JSON carries the text as it is

    exact = members[A["exact"].id]
    assert exact["relation"] == "exact" and exact["containment"] == 1.0
    assert exact["diff"]["counts"]["kept"] == len(A["exact"].blocks) and exact["diff"]["counts"]["added"] == 0

    assert {(e["child"], e["parent"]) for e in story["edges"]} == {
        (m["id"], m["parent"]) for m in story["members"] if m["parent"]}
    assert all(e["kind"] in ("copy", "rewrite") for e in story["edges"])


def test_story_is_the_cli_document(story_client, story_db):
    from marsad.store import open_store

    sid = plant_story_id(story_client)
    with open_store(story_db) as store:
        expected = store.get_story(sid)
    assert story_client.get(f"/api/stories/{sid}").json() == expected


@pytest.mark.parametrize("story_id", ["st-nope", "<img src=x onerror=1>", "st-" + "a" * 300])
def test_unknown_story_is_a_404_with_the_standard_body(story_client, story_id):
    r = story_client.get(f"/api/stories/{story_id}")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("application/json")
    assert r.json() == {"ok": False, "error": {"code": "not_found", "message": f"no story with id {story_id!r}"}}


@pytest.mark.parametrize("key,is_origin", [("origin", True), ("near", False), ("near2", False), ("exact", False)])
def test_article_story_names_the_other_outlets_in_order(story_client, key, is_origin):
    data = story_client.get(f"/api/articles/{A[key].id}/story").json()
    assert data["article_id"] == A[key].id
    story = data["story"]
    assert list(story) == ["story_id", "title", "size", "outlets", "origin", "is_origin", "other_articles",
                           "other_outlets"]
    assert story["origin"] == A["origin"].id and story["is_origin"] is is_origin
    assert story["other_articles"] == story["size"] - 1
    carriers = [A[k].source for k in PLANT_COPIES if k != key]
    assert [o for o in story["other_outlets"] if o in carriers] == carriers
    assert A[key].source not in story["other_outlets"]


def test_article_alone_in_its_story_has_no_other_outlets(story_client):
    story = story_client.get(f"/api/articles/{A['alone'].id}/story").json()["story"]
    assert (story["size"], story["other_articles"], story["other_outlets"]) == (1, 0, [])


def test_article_not_yet_clustered_has_no_story(client, articles):
    # The shared API corpus is ingested without story clustering.
    r = client.get(f"/api/articles/{articles['oil'].id}/story")
    assert r.status_code == 200
    assert r.json() == {"article_id": articles["oil"].id, "story": None}


def test_unknown_article_story_is_a_404(story_client):
    r = story_client.get("/api/articles/no-such-article/story")
    assert r.status_code == 404
    assert r.json()["error"] == {"code": "not_found", "message": "no article with id 'no-such-article'"}


def test_openapi_describes_the_story_routes(story_client):
    paths = story_client.get("/openapi.json").json()["paths"]
    assert {"/api/stories", "/api/stories/{story_id}", "/api/articles/{article_id}/story"} <= set(paths)
    params = {p["name"] for p in paths["/api/stories"]["get"]["parameters"]}
    assert params == {"order", "min_size", "limit", "offset"}
    assert "404" in paths["/api/stories/{story_id}"]["get"]["responses"]
