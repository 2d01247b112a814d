"""Story clustering rules on hand-written Arabic mini-articles: retellings join, a same-topic
different event stays apart, copies join by the exact and near rules, and the guards (outlet,
time window, series veto, margin) hold. Embeddings are the real multilingual model unless a test
needs to control them."""

from __future__ import annotations

import random
from dataclasses import replace

import numpy as np
import pytest

from marsad.ingest.article import content_hash
from marsad.stories.cluster import (
    KEY_WEIGHT,
    Assignment,
    ClusterSettings,
    StoryClusterer,
    StoryInput,
    stories_of,
    story_input,
)
from marsad.stories.minhash import MinHasher
from marsad.stories.salient import term_weight

# A fire in a medicine warehouse at Salalah port, told twice in different words.
FIRE_TOLD_BY_NORTH = (
    "حريق يلتهم مستودعاً للأدوية في ميناء صلالة ولا إصابات",
    "اندلع حريق كبير فجر الثلاثاء في مستودع لتخزين الأدوية داخل ميناء صلالة جنوب سلطنة عمان، "
    "وتمكنت فرق الدفاع المدني من السيطرة عليه بعد أربع ساعات. "
    "وقال مدير الميناء سالم الكثيري إن النيران لم تمتد إلى أرصفة الحاويات، وإن حركة السفن لم تتوقف. "
    "وقدرت الخسائر الأولية بنحو ثلاثة ملايين ريال عماني، فيما فتحت الشرطة تحقيقاً لمعرفة سبب الحريق. "
    "وأشار شهود إلى أن سحابة دخان كثيفة غطت المنطقة الصناعية المجاورة حتى الظهر.",
)
FIRE_TOLD_BY_COAST = (
    "السيطرة على حريق مستودع أدوية بميناء صلالة بعد أربع ساعات",
    "أخمدت فرق الإطفاء صباح الثلاثاء نيراناً اشتعلت في مستودع أدوية بميناء صلالة، "
    "واستغرقت عملية الإخماد قرابة أربع ساعات. "
    "وأكد سالم الكثيري، مدير الميناء، أن الحاويات والأرصفة بقيت بمنأى عن الحريق وأن الملاحة مستمرة بشكل طبيعي. "
    "وتشير التقديرات إلى خسائر تقارب ثلاثة ملايين ريال عماني، بينما باشرت الشرطة التحقيق في ملابسات الحادث. "
    "وغطى الدخان أجزاء من المنطقة الصناعية القريبة لساعات.",
)
# Same topic (a fire at a port), another event.
OTHER_PORT_FIRE = (
    "حريق في مخزن للأخشاب بميناء الدقم دون خسائر بشرية",
    "شب حريق مساء الخميس في مخزن للأخشاب بميناء الدقم، وهرعت فرق الدفاع المدني إلى الموقع وأخمدته خلال ساعتين. "
    "وقالت إدارة الميناء إن الحريق اقتصر على كومة من الألواح المعدة للتصدير، وإن أحداً لم يصب بأذى. "
    "وأضافت أن لجنة فنية ستقيم الأضرار التي لحقت بالمخزن خلال الأيام المقبلة. "
    "ودعت الإدارة الشركات العاملة في الميناء إلى مراجعة إجراءات السلامة.",
)
# A series: the same template, the fourth and the fifth flight.
FLIGHT_TEMPLATE = (
    "وصلت إلى مطار المكلا اليوم الطائرة الإغاثية {n} محملة بأطنان من الأدوية والمستلزمات الطبية "
    "والمواد الغذائية المقدمة من الهيئة الخيرية المشتركة. وقال منسق الجسر الجوي إن الشحنة ستوزع على "
    "المستشفيات والمراكز الصحية في المحافظة خلال الأيام المقبلة، وإن رحلات أخرى ستتبعها تباعاً حتى "
    "تغطية احتياجات السكان. وأضاف أن فرق الهيئة تعمل بالتنسيق مع السلطات المحلية لضمان وصول المساعدات "
    "إلى مستحقيها في المناطق النائية. {extra}"
)

HASHER = MinHasher()


def make(aid: str, text: tuple[str, str], when: str | None, source: str | None,
         embedding: np.ndarray | None = None) -> StoryInput:
    title, body = text
    return story_input(aid, content_hash(title, body), when, title, body,
                       HASHER.signature(f"{title}\n{body}"), embedding, source)


@pytest.fixture(scope="module")
def fire_inputs() -> list[StoryInput]:
    from marsad.stories import embed

    texts = [FIRE_TOLD_BY_NORTH, FIRE_TOLD_BY_COAST, OTHER_PORT_FIRE]
    vectors = embed.embed([embed.article_text(t, b) for t, b in texts])
    return [
        make("fire-north", FIRE_TOLD_BY_NORTH, "2025-06-03T06:00:00", "وكالة الشمال", vectors[0]),
        make("fire-coast", FIRE_TOLD_BY_COAST, "2025-06-03T11:00:00", "صحيفة الساحل", vectors[1]),
        make("other-fire", OTHER_PORT_FIRE, "2025-06-05T20:00:00", "صحيفة الساحل", vectors[2]),
    ]


def test_retellings_join_and_a_same_topic_event_stays_apart(fire_inputs: list[StoryInput]) -> None:
    out = {a.article_id: a for a in StoryClusterer().add_many(fire_inputs)}
    assert out["fire-north"].relation == "founder"
    assert out["fire-coast"] == Assignment("fire-coast", "st-fire-north", "rewrite",
                                           out["fire-coast"].score, "fire-north")
    assert out["fire-coast"].score >= ClusterSettings().rewrite_terms_min
    assert out["other-fire"].relation == "founder"
    assert out["other-fire"].story_id == "st-other-fire"


def test_batch_order_does_not_change_the_stories(fire_inputs: list[StoryInput]) -> None:
    expected = StoryClusterer().add_many(fire_inputs)
    for seed in range(3):
        shuffled = fire_inputs[:]
        random.Random(seed).shuffle(shuffled)
        assert StoryClusterer().add_many(shuffled) == expected


@pytest.mark.parametrize(("change", "joins"), [
    ({}, True),
    ({"rewrite_terms_min": 0.6}, False),  # the retellings share ~0.45 of their salient terms
    ({"rewrite_embed_min": 0.9}, False),
])
def test_rewrite_thresholds(fire_inputs: list[StoryInput], change: dict, joins: bool) -> None:
    clusterer = StoryClusterer(replace(ClusterSettings(), **change))
    out = {a.article_id: a.story_id for a in clusterer.add_many(fire_inputs[:2])}
    assert (out["fire-coast"] == out["fire-north"]) is joins


def test_rewrite_needs_another_outlet(fire_inputs: list[StoryInput]) -> None:
    north, coast, _ = fire_inputs
    same_outlet = replace(coast, source=north.source)
    out = StoryClusterer().add_many([north, same_outlet])
    assert out[1].relation == "founder"
    out = StoryClusterer(ClusterSettings(cross_outlet=False)).add_many([north, same_outlet])
    assert out[1].relation == "rewrite"


@pytest.mark.parametrize(("when", "joins"), [
    ("2025-06-05T20:00:00", True),   # 2.6 days later: inside the 3-day window
    ("2025-06-08T11:00:00", False),  # 5 days later
    (None, True),                    # undated: time cannot rule it out
])
def test_rewrite_time_window(fire_inputs: list[StoryInput], when: str | None, joins: bool) -> None:
    north, coast, _ = fire_inputs
    out = StoryClusterer().add_many([north, replace(coast, time=when)])
    assert (out[1].story_id == "st-fire-north") is joins


def test_an_article_as_close_to_two_stories_joins_neither() -> None:
    """The margin rule: the best member must beat any other story's best by rewrite_margin."""
    assert min(term_weight(t) for t in ("صلال", "مستودع", "دقم", "اخشاب")) >= KEY_WEIGHT
    vec = np.ones(512, np.float32) / np.sqrt(512)
    salalah = {"صلال": 0.8, "مستودع": 0.6}
    duqm = {"دقم": 0.8, "اخشاب": 0.6}  # shares nothing with salalah: two stories
    both = {"صلال": 0.5, "مستودع": 0.5, "دقم": 0.5, "اخشاب": 0.5}  # cosine 0.7 with each
    sig = HASHER.signature
    a = StoryInput("a", "h-a", "2025-06-03T06:00:00", sig("نص أول مختلف تماما"), vec, salalah, "one")
    b = StoryInput("b", "h-b", "2025-06-03T07:00:00", sig("نص ثان لا يشبه غيره"), vec, duqm, "two")
    c = StoryInput("c", "h-c", "2025-06-03T08:00:00", sig("نص ثالث مستقل بكلماته"), vec, both, "three")
    assert [x.relation for x in StoryClusterer().add_many([a, b, c])] == ["founder", "founder", "founder"]
    lone = StoryClusterer().add_many([a, c])
    assert lone[1].relation == "rewrite" and lone[1].matched == "a" and lone[1].score == 0.7
    no_margin = StoryClusterer(ClusterSettings(rewrite_margin=0.0)).add_many([a, b, c])
    assert no_margin[2].relation == "rewrite"


def test_exact_copy_from_another_outlet_joins(fire_inputs: list[StoryInput]) -> None:
    north = fire_inputs[0]
    copy = make("fire-copy", FIRE_TOLD_BY_NORTH, "2025-06-04T09:00:00", "مجلة ثالثة", north.embedding)
    out = StoryClusterer().add_many([north, copy])
    assert out[1] == Assignment("fire-copy", "st-fire-north", "exact", 1.0, "fire-north")


def test_edited_copy_joins_by_the_near_rule() -> None:
    title, body = FIRE_TOLD_BY_NORTH
    edited = (title, body.replace("حتى الظهر", "حتى ساعات الظهيرة") + " وسيصدر تقرير مفصل لاحقاً.")
    out = StoryClusterer().add_many([
        make("orig", FIRE_TOLD_BY_NORTH, "2025-06-03T06:00:00", "وكالة الشمال"),
        make("edit", edited, "2025-06-03T08:00:00", "صحيفة الساحل"),
    ])
    assert out[1].relation == "near" and out[1].matched == "orig"
    assert ClusterSettings().near_min <= out[1].score < 1.0


def flight(aid: str, ordinal: str, extra: str, when: str) -> StoryInput:
    title = f"وصول الطائرة الإغاثية {ordinal} إلى مطار المكلا"
    return make(aid, (title, FLIGHT_TEMPLATE.format(n=ordinal, extra=extra)), when, f"outlet-{aid}")


def test_series_veto_keeps_two_flights_apart() -> None:
    fourth = flight("f4", "الرابعة", "ووصلت الشحنة في الصباح الباكر.", "2025-07-01T08:00:00")
    fifth = flight("f5", "الخامسة", "ووصلت الشحنة قبيل المغرب.", "2025-07-02T17:00:00")
    fourth_again = flight("f4b", "الرابعة", "ووصلت الشحنة قبيل المغرب.", "2025-07-01T12:00:00")
    vetoed = StoryClusterer().add_many([fourth, fifth, fourth_again])
    assert {a.article_id: a.relation for a in vetoed} == {"f4": "founder", "f4b": "near", "f5": "founder"}
    plain = StoryClusterer(ClusterSettings(series_veto=False)).add_many([fourth, fifth])
    assert plain[1].relation == "near" and plain[1].story_id == "st-f4"


def test_restore_then_add_continues_the_story(fire_inputs: list[StoryInput]) -> None:
    north, coast, other = fire_inputs
    clusterer = StoryClusterer()
    clusterer.restore(north, "st-saved")
    clusterer.restore(north, "st-ignored")  # already placed: kept where it was
    assert clusterer.story_of == {"fire-north": "st-saved"}
    assert clusterer.add(coast).story_id == "st-saved"
    assert clusterer.add(other).story_id == "st-other-fire"
    assert clusterer.add(coast).story_id == "st-saved"  # adding twice changes nothing
    assert len(clusterer) == 3


def test_undated_articles_come_last_and_stories_of_groups() -> None:
    sig = HASHER.signature
    items = [StoryInput(aid, f"h-{aid}", when, sig(f"نص رقم {aid} لا يتكرر في غيره أبدا"))
             for aid, when in [("u", None), ("late", "2025-01-02T00:00:00+03:00"), ("early", "2025-01-01")]]
    out = StoryClusterer().add_many(items)
    assert [a.article_id for a in out] == ["early", "late", "u"]
    assert stories_of(out) == {"st-early": ["early"], "st-late": ["late"], "st-u": ["u"]}


def test_settings_round_trip() -> None:
    s = ClusterSettings(near_min=0.6, cross_outlet=False)
    assert ClusterSettings.from_dict(s.to_dict() | {"unknown": 1}) == s
    a = Assignment("x", "st-y", "near", 0.7, "y")
    assert Assignment.from_dict(a.to_dict()) == a
