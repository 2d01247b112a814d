"""``marsad.web.annotate``: body + spans → runs of escaped pieces; the sections of an article;
the tone gauge; and ``marsad.web.entity_chart``'s radial co-occurrence network."""

from __future__ import annotations

import random
import re
from types import SimpleNamespace

import pytest
from markupsafe import Markup

from marsad.web.annotate import (
    LinkSpan,
    MarkSpan,
    annotated_sections,
    build_annotations,
    entity_href,
    segment,
    tone_gauge,
)
from marsad.web.entity_chart import MAX_EDGE, MIN_EDGE, RING, Node, cooccurrence_network, radial_layout
from marsad.web.templating import env

TEXT = "فرضت الدول الغربية عقوبات جديدة على روسيا بسبب الحرب في أوكرانيا."


def _span(word: str, text: str = TEXT) -> tuple[int, int]:
    start = text.index(word)
    return start, start + len(word)


def _link(word: str, href: str = "/entities/x", text: str = TEXT) -> LinkSpan:
    return LinkSpan(*_span(word, text), href, "loc")


def _render(runs) -> str:
    template = env.from_string('{% from "entity_macros.html" import render_runs %}{{ render_runs(runs) }}')
    return template.render(runs=runs)


def test_runs_rebuild_the_text_and_links_wrap_whole_mentions():
    runs = segment(TEXT, [_link("روسيا"), _link("أوكرانيا")], [MarkSpan(*_span("عقوبات جديدة على روسيا"), "evidence")])
    assert "".join(r.text for r in runs) == TEXT
    linked = [r for r in runs if r.link]
    assert [r.text for r in linked] == ["روسيا", "أوكرانيا"]
    # The evidence runs into the mention: the mention's own piece carries the mark too.
    russia = linked[0]
    assert [(p.text, p.marks) for p in russia.pieces] == [("روسيا", ("evidence",))]
    marked = "".join(p.text for r in runs for p in r.pieces if "evidence" in p.marks)
    assert marked == "عقوبات جديدة على روسيا"


def test_overlapping_mentions_keep_the_longer_earlier_one_and_never_nest():
    whole = _link("الدول الغربية", "/entities/west")
    inner = _link("الغربية", "/entities/adj")
    runs = segment(TEXT, [inner, whole])
    assert [(r.text, r.link.href) for r in runs if r.link] == [("الدول الغربية", "/entities/west")]


@pytest.mark.parametrize("start,end", [(-10, 4), (60, 500), (500, 600), (9, 9), (12, 3)])
def test_spans_out_of_range_or_empty_are_clipped_not_trusted(start, end):
    runs = segment(TEXT, [LinkSpan(start, end, "/entities/x", "loc")], [MarkSpan(start, end, "evidence")])
    assert "".join(r.text for r in runs) == TEXT
    for r in runs:
        if r.link:
            assert r.text == TEXT[max(start, 0):min(end, len(TEXT))]


def test_random_spans_always_rebuild_the_text():
    rng = random.Random(20240501)
    for _ in range(300):
        links = [LinkSpan(a, a + rng.randint(0, 12), "/e", "loc") for a in (rng.randint(-5, len(TEXT)) for _ in range(6))]
        marks = [MarkSpan(a, a + rng.randint(0, 30), "evidence") for a in (rng.randint(-5, len(TEXT)) for _ in range(3))]
        runs = segment(TEXT, links, marks)
        assert "".join(r.text for r in runs) == TEXT
        for r in runs:
            assert r.pieces and all(p.text for p in r.pieces)
        # consecutive runs never share a link
        assert all(a.link is None or a.link is not b.link for a, b in zip(runs, runs[1:]))


def test_an_anchor_is_placed_once_even_when_the_span_crosses_blocks():
    body = "السطر الأول هنا\nوالسطر الثاني هناك"
    blocks = [SimpleNamespace(kind="paragraph", text="السطر الأول هنا", start=0, end=15),
              SimpleNamespace(kind="paragraph", text="والسطر الثاني هناك", start=16, end=34)]
    mark = MarkSpan(6, 25, "evidence", anchor="ev-0-0")
    sections = annotated_sections(body, blocks, [], [mark])
    anchors = [p.anchor for s in sections for item in s.items for r in item for p in r.pieces if p.anchor]
    assert anchors == ["ev-0-0"]
    marked = ["".join(p.text for r in s.items[0] for p in r.pieces if p.marks) for s in sections]
    assert marked == ["الأول هنا", "والسطر ال"]


def test_unknown_mark_kind_is_refused():
    with pytest.raises(ValueError):
        segment(TEXT, [], [MarkSpan(0, 4, "onclick")])


def test_sections_group_bullets_and_fall_back_when_offsets_do_not_match():
    body = "عنوان\nبند أول\nبند ثان\nفقرة"
    blocks = [SimpleNamespace(kind="heading", text="عنوان", start=0, end=5),
              SimpleNamespace(kind="bullet", text="بند أول", start=6, end=13),
              SimpleNamespace(kind="bullet", text="بند ثان", start=14, end=21),
              SimpleNamespace(kind="paragraph", text="نص لا يطابق", start=22, end=26)]
    sections = annotated_sections(body, blocks, [LinkSpan(22, 26, "/e", "loc")], [])
    assert [s.kind for s in sections] == ["heading", "list", "paragraph"]
    assert [r.text for item in sections[1].items for r in item] == ["بند أول", "بند ثان"]
    # the mismatched block is shown as its own text, unannotated
    assert [(r.text, r.link) for r in sections[2].items[0]] == [("نص لا يطابق", None)]


def test_sections_without_blocks_are_one_paragraph_per_line():
    sections = annotated_sections("سطر أول\n\nسطر ثان", [], [LinkSpan(0, 3, "/e", "pers")], [])
    assert [(s.kind, "".join(r.text for r in s.items[0])) for s in sections] == [("paragraph", "سطر أول"),
                                                                                ("paragraph", "سطر ثان")]
    assert sections[0].items[0][0].link is not None


@pytest.mark.parametrize("hostile", ["<script>alert(1)</script>", '<img src=x onerror="alert(2)">', "a & b \"q\" 'z'"])
def test_rendered_runs_escape_every_piece(hostile):
    text = f"قال {hostile} إن روسيا {hostile} ترفض"
    runs = segment(text, [_link("روسيا", text=text)], [MarkSpan(*_span(hostile, text), "evidence", "ev-1-0",
                                                                    title=hostile)])
    html = _render(runs)
    assert hostile not in html
    assert "<script" not in html and "<img" not in html
    assert html.count('<a class="mention mention-loc" href="/entities/x">روسيا</a>') == 1
    assert re.search(r'<mark class="evidence" id="ev-1-0" title="[^"<>]*">', html)
    unescaped = (html.replace("&lt;", "<").replace("&gt;", ">").replace("&#34;", '"').replace("&#39;", "'")
                 .replace("&amp;", "&"))
    assert re.sub(r"<[^>]+>", "", unescaped.replace(hostile, "HOSTILE")) == text.replace(hostile, "HOSTILE")


def test_entity_href_percent_encodes_all_but_colons():
    assert entity_href("m:LOC:the-west") == "/entities/m:LOC:the-west"
    assert entity_href('a/b"<x>') == "/entities/a%2Fb%22%3Cx%3E"


def test_build_annotations_links_mentions_and_collects_panels():
    body = TEXT
    article = SimpleNamespace(title="عنوان", body=body, language="ar",
                              blocks=[SimpleNamespace(kind="paragraph", text=body, start=0, end=len(body))])
    s, e = _span("روسيا")
    layers = {
        "mentions": [{"start": s, "end": e, "text": "روسيا", "label": "LOC", "entity_id": "Q159"},
                     {"start": body.index("أوكرانيا"), "end": body.index("أوكرانيا") + 8, "text": "أوكرانيا",
                      "label": "LOC", "entity_id": None}],
        "signals": [{"code": "no_checkable_details", "message_ar": "رسالة", "message_en": "message",
                     "evidence": [{"field": "body", "start": 0, "end": 4, "text": "فرضت"},
                                  {"field": "title", "start": 0, "end": 5, "text": "عنوان"}]}],
        "tone": {"score": -0.5, "positive": 0, "negative": 2, "sentences": [
            {"words": [{"text": "عقوبات", "weight": -1.0}, {"text": "الحرب", "weight": -1.0},
                       {"text": "الحرب", "weight": -1.0}]}]},
        "events": [{"type": "SANCTION", "trigger": "فرضت", "negated": False, "speculative": True,
                    "actor": {"name": "الدول الغربية", "entity_id": "m:LOC:the-west"}, "recipient": None}],
        "quotes": [],
    }
    ann = build_annotations(article, layers, "en", {"Q159": {"name_ar": "روسيا", "name_en": "Russia", "type": "LOC"},
                                                   "m:LOC:the-west": {"name_ar": "الغرب", "type": "LOC"}})
    runs = ann.sections[0].items[0]
    assert [(r.text, r.link.href) for r in runs if r.link] == [("روسيا", "/entities/Q159"), ("أوكرانيا", None)]
    assert [(c.id, c.name, c.mentions) for c in ann.entities] == [("Q159", "روسيا", 1)]
    assert [(ev.field, ev.anchor) for ev in ann.signals[0].evidence] == [("body", "ev-0-0"), ("title", None)]
    assert ann.signals[0].message == "message"
    assert ann.tone.leaning == "neg"
    assert [(w.text, w.count, w.weight) for w in ann.tone.negative_words] == [("الحرب", 2, -2.0), ("عقوبات", 1, -1.0)]
    event = ann.events[0]
    assert (event.type_name, event.actor.text, event.actor.href, event.recipient, event.speculative) == (
        "Sanction", "الغرب", "/entities/m:LOC:the-west", None, True)
    assert (ann.text_lang, ann.text_dir, ann.analyzed) == ("ar", "rtl", True)


@pytest.mark.parametrize("score,rtl,side", [(-0.8, True, "right"), (-0.8, False, "left"), (0.6, True, "left"),
                                            (0.6, False, "right")])
def test_tone_gauge_runs_from_minus_one_at_the_reading_start(score, rtl, side):
    svg = tone_gauge(score, rtl=rtl, caption="<t>")
    assert isinstance(svg, Markup) and "&lt;t&gt;" in svg and "<t>" not in svg
    cx = float(re.search(r'<circle class="tone-dot [^"]+" cx="([\d.]+)"', svg).group(1))
    assert (cx > 120) == (side == "right")


def _nodes(weights: list[int]) -> list[Node]:
    return [Node(f"Q{i}", f"كيان {i}", "loc", w, f"/entities/Q{i}", f"كيان {i}") for i, w in enumerate(weights)]


def test_radial_layout_is_deterministic_on_a_ring_with_edges_by_weight():
    nodes = _nodes([5, 3, 1, 1])
    first, again = radial_layout(nodes), radial_layout(nodes)
    assert first == again
    for p in first:
        assert abs(((p.x - 360) ** 2 + (p.y - 230) ** 2) ** 0.5 - RING) < 1e-6
    assert first[0].y < 230 and abs(first[0].x - 360) < 1e-6  # the heaviest at the top
    assert first[0].edge == MAX_EDGE and first[2].edge < first[1].edge < first[0].edge
    assert all(p.edge >= MIN_EDGE for p in first)


def test_network_svg_links_every_node_and_escapes_labels():
    nodes = _nodes([2, 1]) + [Node("Q9", "<script>x</script>", "org", 1, "/entities/Q9", "<b>t</b>")]
    svg = cooccurrence_network("روسيا", "loc", nodes, caption="مع")
    assert svg.count('<a class="net-link" href="/entities/') == 3
    assert "<script>x" not in svg and "&lt;script&gt;x&lt;/script&gt;" in svg and "<b>" not in svg
    assert " style=" not in svg
    assert cooccurrence_network("روسيا", "loc", [], caption="مع") == ""
