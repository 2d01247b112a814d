"""``/api/events`` in-process (httpx ASGITransport) over a database of Arabic articles written
for these tests and ingested through ``marsad.pipeline.ingest``: filters, paging, errors, and
the sentence each event comes with."""

from __future__ import annotations

import pytest

from marsad_entity_corpus import ENTITY_ARTICLES, SANCTION_SENTENCE, build_entity_db, entity_app
from marsad_test_corpus import AppClient

A = ENTITY_ARTICLES
LIST_KEYS = ["type", "actor", "actor_id", "limit", "offset", "next_offset", "events"]
ROW_KEYS = {"article_id", "type", "actor_id", "actor", "recipient_id", "recipient", "trigger", "trigger_start",
            "trigger_end", "sentence", "date", "negated", "speculative", "confidence", "title", "source", "time",
            "context"}
CONTEXT_KEYS = {"start", "end", "text", "clipped", "trigger", "actor", "recipient"}


@pytest.fixture(scope="module")
def client(tmp_path_factory: pytest.TempPathFactory):
    app = entity_app(build_entity_db(tmp_path_factory.mktemp("events") / "events.db"))
    yield AppClient(app)
    app.state.pool.close()


def _all(client: AppClient, **params: str) -> list[dict]:
    return client.get("/api/events", params={"limit": 100, **params}).json()["events"]


def test_sanction_sentence_gives_actor_type_and_recipient(client):
    r = client.get("/api/events", params={"type": "SANCTION"})
    assert r.status_code == 200
    data = r.json()
    assert list(data) == LIST_KEYS
    assert (data["type"], data["actor"], data["actor_id"], data["next_offset"]) == ("SANCTION", None, None, None)
    assert {e["type"] for e in data["events"]} == {"SANCTION"}
    west = [e for e in data["events"] if e["article_id"] == A["sanctions"].id and e["trigger"] == "فرضت"]
    assert len(west) == 1
    event = west[0]
    assert set(event) == ROW_KEYS
    assert (event["actor_id"], event["actor"], event["recipient_id"], event["recipient"]) == (
        "m:LOC:the-west", "الدول الغربية", "Q159", "روسيا")
    assert (event["negated"], event["speculative"]) == (False, False)
    assert (event["title"], event["source"], event["time"]) == ("عقوبات غربية جديدة على روسيا", "وكالة الأنباء",
                                                               "2024-05-01T09:00:00")
    ctx = event["context"]
    assert set(ctx) == CONTEXT_KEYS
    assert (ctx["text"], ctx["start"], ctx["clipped"]) == (SANCTION_SENTENCE, 0, False)
    cut = lambda span: ctx["text"][span[0] - ctx["start"]:span[1] - ctx["start"]]  # noqa: E731
    assert (cut(ctx["trigger"]), cut(ctx["actor"]), cut(ctx["recipient"])) == ("فرضت", "الدول الغربية", "روسيا")


def test_a_denied_sanction_is_flagged_negated(client):
    turkey = [e for e in _all(client, type="sanction") if e["actor_id"] == "Q43"]
    assert len(turkey) == 1
    assert turkey[0]["negated"] is True and turkey[0]["recipient_id"] == "Q159"
    assert turkey[0]["context"]["text"].startswith("ولم تفرض تركيا")


@pytest.mark.parametrize("asked", ["روسيا", "Q159", "الاتحاد الروسي"])
def test_actor_filter_takes_an_id_or_any_spelling(client, asked):
    data = client.get("/api/events", params={"actor": asked}).json()
    assert (data["actor"], data["actor_id"]) == (asked, "Q159")
    assert data["events"], "Russia accuses Washington and meets Turkey"
    assert {e["actor_id"] for e in data["events"]} == {"Q159"}
    assert {e["type"] for e in data["events"]} >= {"ACCUSE", "CONSULT"}


def test_actor_and_type_filters_combine(client):
    events = _all(client, actor="روسيا", type="ACCUSE")
    assert [(e["actor_id"], e["recipient_id"], e["trigger"]) for e in events] == [("Q159", "Q61", "اتهمت")]


def test_an_actor_no_entity_is_named_matches_the_name_as_written(client):
    data = client.get("/api/events", params={"actor": "جهة لا وجود لها"}).json()
    assert (data["actor_id"], data["events"]) == ("جهة لا وجود لها", [])


def test_newest_article_first_and_every_context_is_the_body_text(client):
    events = _all(client)
    assert len(events) >= 8
    times = [e["time"] for e in events]
    assert times == sorted(times, reverse=True)
    bodies = {aid: client.get(f"/api/articles/{aid}").json()["body"] for aid in {e["article_id"] for e in events}}
    for e in events:
        ctx = e["context"]
        body = bodies[e["article_id"]]
        assert body[ctx["start"]:ctx["end"]] == ctx["text"]
        assert body[e["trigger_start"]:e["trigger_end"]] == e["trigger"]
        assert ctx["trigger"] == [e["trigger_start"], e["trigger_end"]]
        for role in ("actor", "recipient"):
            if ctx[role] is not None:
                assert ctx["start"] <= ctx[role][0] < ctx[role][1] <= ctx["end"]
        assert "\n" not in ctx["text"]


def test_pages_follow_next_offset(client):
    everything = _all(client)
    seen: list[tuple] = []
    offset: int | None = 0
    while offset is not None:
        page = client.get("/api/events", params={"limit": 4, "offset": offset}).json()
        seen += [(e["article_id"], e["trigger_start"], e["type"]) for e in page["events"]]
        offset = page["next_offset"]
    assert seen == [(e["article_id"], e["trigger_start"], e["type"]) for e in everything]


@pytest.mark.parametrize("params", [{"type": "WAR"}, {"limit": 0}, {"limit": 101}, {"offset": -3},
                                    {"actor": "x" * 201}])
def test_bad_parameters_are_422_with_the_standard_body(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422
    body = r.json()
    assert body["ok"] is False and body["error"]["code"] == "invalid_request"


def test_unknown_type_names_the_valid_ones(client):
    message = client.get("/api/events", params={"type": "WAR"}).json()["error"]["message"]
    assert "SANCTION" in message and "ASSAULT" in message
