"""Events from hand-written Arabic sentences: types, trigger spans, actor/recipient, negation,
speculation, dates, and the record's round trip."""

from __future__ import annotations

import pytest

from marsad.extract.events import Event, SentenceSpan, extract_events, sentences_of
from marsad.extract.records import Mention


def one_sentence(text: str) -> list[SentenceSpan]:
    return [SentenceSpan(0, 0, len(text), text)]


def events_of(text: str, mentions: list[Mention] | None = None) -> list[Event]:
    events = extract_events(text, one_sentence(text), mentions or [])
    for ev in events:
        assert text[ev.trigger_start:ev.trigger_end] == ev.trigger
        for who in (ev.actor, ev.recipient):
            if who is not None:
                assert text[who.start:who.end] == who.text
    return events


@pytest.mark.parametrize("text, kind, trigger", [
    ("وقعت مصر والأردن اتفاقية جديدة للربط الكهربائي.", "AGREE", "وقعت"),
    ("التقى وزير الخارجية الروسي نظيره التركي في أنقرة.", "CONSULT", "التقى"),
    ("أشادت الحكومة بالدور القطري في الوساطة.", "SUPPORT", "أشادت"),
    ("أفرجت السلطات عن ثلاثة صحفيين أجانب.", "CONCEDE", "أفرجت"),
    ("تتعاون البلدان في مكافحة التهريب عبر الحدود.", "COOPERATE", "تتعاون"),
    ("أرسلت الكويت شحنات من المساعدات الطبية إلى السودان.", "AID", "أرسلت"),
    ("انسحبت القوات من المدينة بعد أسابيع من الحصار.", "RETREAT", "انسحبت"),
    ("طالبت النقابة بزيادة الأجور.", "REQUEST", "طالبت"),
    ("اتهمت موسكو كييف بتخريب خط الغاز.", "ACCUSE", "اتهمت"),
    ("رفضت الحكومة المقترح الأخير.", "REJECT", "رفضت"),
    ("هدد الرئيس بقطع العلاقات.", "THREATEN", "هدد"),
    ("نددت الخارجية السعودية بالاعتداء على السفارة.", "PROTEST", "نددت"),
    ("فرضت الولايات المتحدة عقوبات جديدة على إيران.", "SANCTION", "فرضت"),
    ("حشدت القوات آلاف الجنود على الحدود.", "MOBILIZE", "حشدت"),
    ("اعتقلت الشرطة خمسة أشخاص.", "COERCE", "اعتقلت"),
    ("قصفت المدفعية مواقع المسلحين شمال المدينة.", "ASSAULT", "قصفت"),
])
def test_each_plover_type_is_found(text: str, kind: str, trigger: str) -> None:
    found = [(e.type, e.trigger) for e in events_of(text)]
    assert (kind, trigger) in found


@pytest.mark.parametrize("text", [
    "ارتفعت أسعار النفط بنسبة 3 في المئة خلال تعاملات الثلاثاء.",
    "افتتح المعرض أبوابه أمام الزوار صباح اليوم.",
    "تعمل الوزارة على تطوير المناهج الدراسية.",
    "وقع حادث سير على الطريق الساحلي دون إصابات.",
    "أعلنت وزارة التعليم مواعيد الاختبارات النهائية.",
])
def test_sentences_without_events_give_none(text: str) -> None:
    assert events_of(text) == []


def test_diacritics_and_hamza_variants_do_not_matter() -> None:
    plain = events_of("اتهمت روسيا اوكرانيا بالتصعيد.")
    marked = events_of("اتَّهَمَتْ رُوسْيَا أُوكْرَانِيَا بِالتَّصْعِيدِ.")
    assert [e.type for e in plain] == [e.type for e in marked] == ["ACCUSE"]
    assert marked[0].trigger == "اتَّهَمَتْ"
    assert marked[0].actor is not None and marked[0].actor.entity_id == "Q159"


def test_vso_actor_after_verb_and_recipient_after_preposition() -> None:
    (ev,) = events_of("فرضت الولايات المتحدة عقوبات جديدة على روسيا يوم 15 مارس 2024.")
    assert ev.type == "SANCTION"
    assert ev.actor is not None and ev.actor.entity_id == "Q30"
    assert ev.recipient is not None and ev.recipient.text == "روسيا"
    assert ev.date == "2024-03-15"


def test_svo_actor_before_verb_and_direct_object() -> None:
    ev = events_of("روسيا تتهم أوكرانيا بخرق الهدنة.")[0]
    assert (ev.type, ev.actor.text, ev.recipient.text) == ("ACCUSE", "روسيا", "أوكرانيا")


def test_demonym_adjective_is_the_actor_of_a_noun_trigger() -> None:
    (ev,) = events_of("وما زالت العقوبات الغربية على موسكو سارية منذ سنوات.")
    assert ev.type == "SANCTION" and ev.trigger == "العقوبات"
    assert ev.actor is not None and ev.actor.entity_id == "m:LOC:the-west"
    assert ev.recipient is not None and ev.recipient.text == "موسكو"


def test_given_mentions_win_over_the_lexicon() -> None:
    text = "التقى الرئيس الروسي فلاديمير بوتين نظيره المصري في سوتشي."
    putin = text.index("فلاديمير بوتين")
    mention = Mention(putin, putin + len("فلاديمير بوتين"), "فلاديمير بوتين", "PERS", "Q7747",
                      0.9, 0, via="ner")
    (ev,) = events_of(text, [mention])
    assert ev.actor is not None and ev.actor.entity_id == "Q7747" and ev.actor.via == "mention"
    assert ev.recipient is not None and ev.recipient.entity_id == "Q79"


def test_a_trigger_inside_a_name_is_not_an_event() -> None:
    text = "طالبت منظمة العفو الدولية بالإفراج عن الناشطين."
    start = text.index("منظمة العفو الدولية")
    amnesty = Mention(start, start + len("منظمة العفو الدولية"), "منظمة العفو الدولية", "ORG",
                      None, 0.9, 0)
    kinds = [e.type for e in events_of(text, [amnesty])]
    assert kinds == ["REQUEST", "CONCEDE"]


@pytest.mark.parametrize("text, negated", [
    ("لم تفرض اليابان عقوبات جديدة على كوريا الشمالية.", True),
    ("لن تنسحب القوات من المنطقة الحدودية.", True),
    ("نفت الوزارة أن تكون الشرطة قد اعتقلت أي صحفي.", True),
    ("أكد البيان عدم التوصل إلى اتفاق.", True),
    ("لا سيما بعد أن فرضت واشنطن عقوبات على الشركة.", False),
    ("فرضت اليابان عقوبات جديدة على كوريا الشمالية.", False),
])
def test_negation(text: str, negated: bool) -> None:
    events = events_of(text)
    assert events and events[-1].negated is negated


@pytest.mark.parametrize("text, speculative", [
    ("من المتوقع أن تفرض بريطانيا عقوبات إضافية.", True),
    ("قد تنسحب فرنسا من القاعدة قبل نهاية العام.", True),
    ("ربما تستأنف المحادثات الأسبوع المقبل.", True),
    ("طالبت الأمم المتحدة بالانسحاب الفوري.", True),
    ("قد انسحبت القوات بالفعل من القاعدة.", False),
    ("انسحبت فرنسا من القاعدة.", False),
])
def test_speculation(text: str, speculative: bool) -> None:
    events = events_of(text)
    assert events and events[-1].speculative is speculative


def test_governed_by_rejection_is_negated() -> None:
    kinds = {e.type: e for e in events_of("رفضت روسيا الانسحاب من المناطق الحدودية.")}
    assert kinds["REJECT"].negated is False
    assert kinds["RETREAT"].negated is True
    assert kinds["RETREAT"].actor is not None and kinds["RETREAT"].actor.entity_id == "Q159"


def test_event_round_trips_through_dict() -> None:
    (ev,) = events_of("فرضت الولايات المتحدة عقوبات جديدة على روسيا.")
    assert Event.from_dict(ev.to_dict()) == ev


def test_offsets_hold_on_a_multi_sentence_body() -> None:
    body = ("أعلنت الحكومة فرض حظر التجول في العاصمة.\nوقال المتحدث إن القرار مؤقت.\n"
            "واعتقلت الشرطة عشرات المحتجين أمس.")
    events = extract_events(body, sentences_of(body), [])
    assert {e.type for e in events} == {"COERCE"}
    assert len({e.sentence for e in events}) == 2
    for ev in events:
        assert body[ev.trigger_start:ev.trigger_end] == ev.trigger
        assert ev.sentence_start <= ev.trigger_start < ev.trigger_end <= ev.sentence_end
