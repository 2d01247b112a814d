"""Doc: analyze() gives sentences and tokens; layers are added by copy and read-only."""

from __future__ import annotations

import json

import pytest

from marsad.text import Doc, analyze


def test_analyze(body: str) -> None:
    doc = analyze("a1", body)
    assert doc.article_id == "a1" and doc.text == body
    assert len(doc.sentences) == 11
    assert all(body[t.start:t.end] == t.text for t in doc.tokens)
    assert doc.layers == {}


def test_tokens_of_a_sentence(body: str) -> None:
    doc = analyze("a1", body)
    words = [t.text for t in doc.sentence_tokens(doc.sentences[3])]
    assert words == ["خلفية", "الاجتماع"]
    seen = [t for s in doc.sentences for t in doc.sentence_tokens(s)]
    assert seen == [t for t in doc.tokens if t.text not in ("-", "•")]  # bullet marks lie outside


def test_with_layer_copies(body: str) -> None:
    doc = analyze("a1", body)
    newer = doc.with_layer("mentions", [{"start": 0, "end": 5}])
    assert newer.layers["mentions"] == [{"start": 0, "end": 5}]
    assert "mentions" not in doc.layers
    assert newer.tokens is doc.tokens
    replaced = newer.with_layer("mentions", [])
    assert replaced.layers["mentions"] == [] and newer.layers["mentions"]
    with pytest.raises(TypeError):
        newer.layers["x"] = 1  # type: ignore[index]


def test_bare_doc_has_empty_parts() -> None:
    doc = Doc(article_id="a2", text="نص")
    assert doc.sentences == () and doc.tokens == () and dict(doc.layers) == {}


class _Span:
    def __init__(self, start: int, end: int) -> None:
        self.start, self.end = start, end

    def to_dict(self) -> dict[str, int]:
        return {"start": self.start, "end": self.end}


def test_to_dict_round_trip(paragraph: str) -> None:
    doc = analyze("a3", paragraph).with_layer("spans", (_Span(0, 5),)).with_layer("lang", "ar")
    data = json.loads(json.dumps(doc.to_dict(), ensure_ascii=False))
    assert data["layers"] == {"spans": [{"start": 0, "end": 5}], "lang": "ar"}
    back = Doc.from_dict(data)
    assert back.sentences == doc.sentences and back.tokens == doc.tokens
    assert back.with_layer("spans", doc.layers["spans"]) == doc
