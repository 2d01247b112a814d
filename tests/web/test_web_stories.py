"""The story pages rendered in-process: the stories list, one story (timeline SVG, members with
their relation, sentence diffs), the article page's link to its story; escaping, RTL and the
English switch. Plus the pieces behind them: diff blocks, plural phrases, the timeline chart."""

from __future__ import annotations

import re

import pytest

from marsad_story_corpus import PLANT_COPIES, STORY_ARTICLES, STORY_XSS, STORY_XSS_IMG, build_story_db
from marsad_test_corpus import AppClient
from marsad.web import i18n
from marsad.web.story_chart import MAX_LANES, MAX_TICKS, parse_time, story_timeline, time_ticks
from marsad.web.story_pages import diff_blocks, display_relation

A = STORY_ARTICLES


@pytest.fixture(scope="module")
def story_client(tmp_path_factory: pytest.TempPathFactory):
    from marsad.api import create_app

    app = create_app(build_story_db(tmp_path_factory.mktemp("web-stories") / "stories.db"), token=None)
    yield AppClient(app)
    app.state.pool.close()


@pytest.fixture(scope="module")
def plant_id(story_client) -> str:
    return story_client.get(f"/api/articles/{A['origin'].id}/story").json()["story"]["story_id"]


def test_stories_page_lists_the_largest_story_first(story_client):
    r = story_client.get("/stories")
    assert r.status_code == 200
    html = r.text
    assert '<html lang="ar" dir="rtl">' in html
    assert 'href="/stories" aria-current="page"' in html
    cards = html.split('<li class="card story-card">')[1:]
    assert len(cards) == 2
    assert A["origin"].title in cards[0] and A["volley"].title in cards[1]
    assert "مقالات" in cards[0] and "مصادر" in cards[0]
    assert "مقالان" in cards[1] and "مصدران" in cards[1]
    assert 'class="chip chip-origin" dir="auto">وكالة أنباء الساحل<' in cards[0]
    assert "10 أبريل 2024، 08:15" in cards[0]  # the origin's time
    # An outlet name with markup is shown as text.
    assert "موقع الخليج &lt;b&gt;الإخباري&lt;/b&gt;" in cards[0]
    assert "<b>الإخباري" not in html


def test_stories_page_orders_by_latest_and_shows_single_stories_on_request(story_client):
    html = story_client.get("/stories", params={"order": "latest"}).text
    assert html.index(A["volley"].title) < html.index(A["origin"].title)
    assert re.search(r'<a class="mode" href="[^"]*order=latest[^"]*" aria-current="true">الأحدث</a>', html)
    singles = story_client.get("/stories", params={"min_size": 1}).text
    assert A["alone"].title in singles and A["alone"].title not in html


@pytest.mark.parametrize("params", [{"order": "huge"}, {"min_size": "0"}, {"page": "0"}])
def test_stories_page_refuses_bad_parameters_as_an_html_error(story_client, params):
    r = story_client.get("/stories", params=params)
    assert r.status_code == 422
    assert r.headers["content-type"].startswith("text/html")
    assert "invalid_request" in r.text


def test_story_page_draws_the_timeline(story_client, plant_id):
    html = story_client.get(f"/stories/{plant_id}").text
    svg = re.search(r'<svg class="chart story-timeline".*?</svg>', html, re.S)
    assert svg
    svg_text = svg.group(0)
    members = story_client.get(f"/api/stories/{plant_id}").json()["members"]
    assert svg_text.count('class="dot dot-') == len(members)
    assert svg_text.count('class="dot dot-origin"') == 1
    assert svg_text.count('class="dot-ring"') == 1
    assert svg_text.count('class="edge edge-') == len(members) - 1  # every copy points to its parent
    assert svg_text.count('class="lane-label"') == len({m["source"] for m in members})
    for m in members:
        assert f'href="#m-{m["id"]}"' in svg_text
    assert "&lt;b&gt;الإخباري" in svg_text and "<b>" not in svg_text
    assert "style=" not in svg_text  # the Content-Security-Policy forbids inline styles


def test_story_page_lists_members_with_their_relation(story_client, plant_id):
    html = story_client.get(f"/stories/{plant_id}").text
    relation = dict(re.findall(r'id="m-([0-9a-f]+)" data-relation="(\w+)"', html))
    assert relation[A["origin"].id] == "origin"
    assert relation[A["near"].id] == "near"
    assert relation[A["near2"].id] == "near"
    assert relation[A["exact"].id] == "exact"
    for label in ("المصدر الأصلي", "نسخة شبه مطابقة", "نسخة مطابقة"):
        assert f">{label}</span>" in html
    ids = list(relation)
    assert ids.index(A["origin"].id) < ids.index(A["near"].id) < ids.index(A["near2"].id) < ids.index(A["exact"].id)
    # The second near copy derives from the first: its card links to it.
    card = html.split(f'id="m-{A["near2"].id}"')[1].split("</li>\n")[0]
    assert f'نقلًا عن <a href="#m-{A["near"].id}"' in card


def test_story_page_shows_sentence_diffs_escaped(story_client, plant_id):
    html = story_client.get(f"/stories/{plant_id}").text
    near = html.split(f'id="m-{A["near"].id}"')[1].split('<li class="card member')[0]
    reworded = re.search(r'<li class="op op-reworded">.*?</li>', near, re.S).group(0)
    assert "<del>وبلغت تكلفة المشروع قرابة" in reworded and "<ins>وبلغت كلفة المشروع نحو" in reworded
    assert '<li class="op op-added">' in near and "وحضر حفل الافتتاح" in near
    kept = re.findall(r'<li class="op op-kept"><details><summary>(.*?)</summary>', near)
    assert kept == ["جملتان دون تغيير", "3 جمل دون تغيير"]
    near2 = html.split(f'id="m-{A["near2"].id}"')[1].split('<li class="card member')[0]
    assert '<li class="op op-removed">' in near2 and "المرحلة الثانية" in near2
    assert STORY_XSS not in html and STORY_XSS_IMG not in html
    assert "&lt;script&gt;window.__xss=9&lt;/script&gt;" in html
    exact = html.split(f'id="m-{A["exact"].id}"')[1]
    assert "النص مطابق للمقال الذي نُقل عنه." in exact


def test_story_page_in_english(story_client, plant_id):
    r = story_client.get(f"/stories/{plant_id}", params={"lang": "en"})
    html = r.text
    assert '<html lang="en" dir="ltr">' in html
    assert ">Near copy</span>" in html and ">Exact copy</span>" in html and ">Origin</span>" in html
    assert "How the story spread across outlets" in html
    assert 'lang="ar" dir="rtl"' in html  # the articles' own text stays right-to-left
    assert r.cookies.get(i18n.COOKIE) == "en"


def test_unknown_story_page_is_a_404_page(story_client):
    r = story_client.get("/stories/st-<i>missing")
    assert r.status_code == 404
    assert r.headers["content-type"].startswith("text/html")
    assert "no story with id" in r.text and "<i>missing" not in r.text


@pytest.mark.parametrize("key,note", [
    ("origin", "نقلت 3 مصادر أخرى هذه القصة"),
    ("near", "نقلت 3 مصادر أخرى هذه القصة"),
    ("exact", "نقلت 3 مصادر أخرى هذه القصة"),
])
def test_article_page_links_to_its_story(story_client, plant_id, key, note):
    html = story_client.get(f"/articles/{A[key].id}").text
    assert f'<a class="story-note-link" href="/stories/{plant_id}">عرض القصة</a>' in html
    size = story_client.get(f"/api/stories/{plant_id}").json()["size"]
    if size == len(PLANT_COPIES):  # with the rewrite in the story there is one outlet more
        assert note in html
    assert ("وهذه المقالة أول من نشرها" in html) is (key == "origin")
    assert "موقع الخليج &lt;b&gt;الإخباري&lt;/b&gt;" in html or key == "near2"


def test_article_page_note_in_english(story_client, plant_id):
    html = story_client.get(f"/articles/{A['volley_copy'].id}", params={"lang": "en"}).text
    assert "1 other outlet carried this story" in html
    assert ">صحيفة الملاعب<" in html


@pytest.mark.parametrize("path_key", ["alone"])
def test_article_alone_in_its_story_has_no_story_note(story_client, path_key):
    html = story_client.get(f"/articles/{A[path_key].id}").text
    assert "story-note" not in html


def test_article_page_without_stories_still_renders(client, articles):
    r = client.get(f"/articles/{articles['aid'].id}")
    assert r.status_code == 200 and "story-note" not in r.text
    assert 'href="/stories"' in r.text  # the nav links to the stories list


# -- the pieces ------------------------------------------------------------------------------

def _op(op, parent=None, child=None):
    return {"op": op, "parent": parent, "child": child, "similarity": 1.0 if op == "kept" else 0.0}


@pytest.mark.parametrize("ops,expected", [
    ([], []),
    ([_op("kept", "أ", "أ"), _op("kept", "ب", "ب")], [("kept", ("أ", "ب"))]),
    ([_op("kept", "أ", "أ"), _op("added", None, "ج"), _op("kept", "ب", "ب"), _op("kept", "د", "د")],
     [("kept", ("أ",)), ("added", ()), ("kept", ("ب", "د"))]),
    ([_op("removed", "أ"), _op("reworded", "ب", "ب2")], [("removed", ()), ("reworded", ())]),
])
def test_diff_blocks_fold_runs_of_kept_sentences(ops, expected):
    assert [(b.op, b.sentences) for b in diff_blocks(ops)] == expected


@pytest.mark.parametrize("member,expected", [
    ({"origin": True, "relation": "founder"}, "origin"),
    ({"origin": False, "relation": "exact"}, "exact"),
    ({"origin": False, "relation": "near"}, "near"),
    ({"origin": False, "relation": "rewrite", "edge_kind": "copy"}, "rewrite"),
    ({"origin": False, "relation": "founder", "edge_kind": "copy"}, "near"),
    ({"origin": False, "relation": "founder", "edge_kind": "rewrite"}, "rewrite"),
])
def test_display_relation(member, expected):
    assert display_relation(member) == expected


@pytest.mark.parametrize("n,lang,expected", [
    (1, "ar", "مقال واحد"), (2, "ar", "مقالان"), (3, "ar", "3 مقالات"), (10, "ar", "10 مقالات"),
    (11, "ar", "11 مقالًا"), (100, "ar", "100 مقال"), (103, "ar", "103 مقالات"), (1200, "ar", "1,200 مقال"),
    (1, "en", "1 article"), (2, "en", "2 articles"), (0, "en", "0 articles"),
])
def test_count_phrase_follows_arabic_plural_rules(n, lang, expected):
    assert i18n.count_phrase("articles", n, lang) == expected


def _member(mid, source, time, *, parent=None, origin=False, relation="near", edge_kind="copy"):
    return {"id": mid, "source": source, "time": time, "parent": parent, "origin": origin,
            "relation": relation, "edge_kind": edge_kind if parent else None}


MEMBERS = [
    _member("a1", "وكالة", "2024-04-10T08:00:00", origin=True, relation="founder"),
    _member("a2", "صحيفة", "2024-04-10T12:00:00", parent="a1"),
    _member("a3", "وكالة", "2024-04-10T20:00:00", parent="a2", relation="rewrite", edge_kind="rewrite"),
]


def _timeline(members, rtl):
    return str(story_timeline(members, caption="t", rtl=rtl, outlet_label=lambda s: s or "?", others_label="others",
                              origin_label="origin", tooltip=lambda m: m["id"], link=lambda m: f"#m-{m['id']}",
                              format_day=lambda d: d))


def _dot_x(svg, mid):
    return float(re.search(rf'href="#m-{mid}"><g[^>]*><title>{mid}</title>(?:<circle class="dot-ring"[^>]*/>)?'
                           r'<circle class="dot[^"]*" cx="([\d.]+)"', svg).group(1))


@pytest.mark.parametrize("rtl", [True, False])
def test_timeline_runs_in_the_reading_direction(rtl):
    svg = _timeline(MEMBERS, rtl)
    xs = [_dot_x(svg, m) for m in ("a1", "a2", "a3")]
    assert xs == sorted(xs, reverse=rtl)
    assert svg.count('class="edge edge-copy"') == 1 and svg.count('class="edge edge-rewrite"') == 1
    assert svg.count('class="lane-label"') == 2


def test_timeline_escapes_labels_and_merges_extra_outlets():
    members = [_member(f"m{i}", f"<b>outlet {i}</b>", f"2024-04-10T{i:02d}:00:00", origin=i == 0,
                       parent=None if i == 0 else "m0") for i in range(MAX_LANES + 4)]
    svg = _timeline(members, True)
    assert "<b>" not in svg and "&lt;b&gt;outlet 0&lt;/b&gt;" in svg
    assert svg.count('class="lane-label"') == MAX_LANES
    assert ">others</text>" in svg
    assert svg.count('class="dot dot-') == len(members)


def test_timeline_of_undated_members_is_empty():
    assert _timeline([_member("x", "s", None, origin=True)], True) == ""


@pytest.mark.parametrize("first,last", [
    ("2024-04-10T08:15:00", "2024-04-10T16:20:00"),
    ("2024-04-10T08:15:00", "2024-04-10T08:40:00"),
    ("2024-01-01", "2024-03-30"),
    ("2020-01-01", "2024-12-31"),
])
def test_time_ticks_are_few_and_inside_the_span(first, last):
    a, b = parse_time(first), parse_time(last)
    ticks = time_ticks(a, b, lambda d: d)
    assert 1 <= len(ticks) <= MAX_TICKS
    assert all(a <= t.at <= b for t in ticks)
    assert ticks[0].date_label  # the first tick always says which day


def test_parse_time_reads_offsets_as_utc():
    assert parse_time("2024-04-10T10:00:00+02:00") == parse_time("2024-04-10T08:00:00")
    assert parse_time("not a time") is None and parse_time(None) is None
