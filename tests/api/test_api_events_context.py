"""``marsad.api.entity_service.event_context``: the sentence an event was read from, cut to a
window around the event when the sentence is very long, never cutting a word."""

from __future__ import annotations

import pytest

from marsad.api.entity_service import MAX_CONTEXT_CHARS, event_context


def _row(body: str, trigger: str, type_: str = "SANCTION") -> dict:
    start = body.index(trigger)
    return {"type": type_, "trigger_start": start, "trigger_end": start + len(trigger)}


def _layer(body: str, trigger: str, sentence: tuple[int, int], actor: str | None = None) -> list[dict]:
    start = body.index(trigger)
    event = {"type": "SANCTION", "trigger_start": start, "trigger_end": start + len(trigger),
             "sentence_start": sentence[0], "sentence_end": sentence[1], "actor": None, "recipient": None}
    if actor:
        a = body.index(actor)
        event["actor"] = {"name": actor, "entity_id": None, "start": a, "end": a + len(actor), "text": actor}
    return [event]


def test_short_sentence_is_given_whole():
    body = "جملة أولى.\nفرضت الحكومة قيودا جديدة على الواردات. وجملة أخرى."
    s = body.index("فرضت")
    e = body.index("الواردات.") + len("الواردات.")
    ctx = event_context(body, _row(body, "فرضت"), _layer(body, "فرضت", (s, e), actor="الحكومة"))
    assert ctx["text"] == "فرضت الحكومة قيودا جديدة على الواردات."
    assert (ctx["clipped"], ctx["recipient"]) == (False, None)
    assert body[ctx["actor"][0]:ctx["actor"][1]] == "الحكومة"


@pytest.mark.parametrize("where", [0.05, 0.5, 0.95])
def test_a_run_on_sentence_is_cut_around_the_event_at_word_edges(where):
    words = [f"كلمة{i}" for i in range(400)]
    at = int(len(words) * where)
    words[at] = "فرضت"
    words[at + 1] = "الحكومة"
    body = " ".join(words)
    ctx = event_context(body, _row(body, "فرضت"), _layer(body, "فرضت", (0, len(body)), actor="الحكومة"))
    assert ctx["clipped"] is True
    assert len(ctx["text"]) <= MAX_CONTEXT_CHARS
    assert body[ctx["start"]:ctx["end"]] == ctx["text"]
    assert "فرضت الحكومة" in ctx["text"]
    assert ctx["start"] == 0 or body[ctx["start"] - 1] == " "  # no word cut at either edge
    assert ctx["end"] == len(body) or body[ctx["end"]] == " "
    assert body[ctx["actor"][0]:ctx["actor"][1]] == "الحكومة"


def test_without_a_matching_layer_event_the_line_is_used():
    body = "عنوان فرعي\nرفضت الحكومة العرض المقدم\nسطر أخير"
    ctx = event_context(body, _row(body, "رفضت", "REJECT"), [])
    assert ctx["text"] == "رفضت الحكومة العرض المقدم"
    assert (ctx["actor"], ctx["recipient"]) == (None, None)
