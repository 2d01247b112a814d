"""One entity, one entry: nasab chains, family names, titles, eponymous institutions, non-entities.

These are the causes of duplicate entries found by ``scripts/audit_entities.py`` on a news corpus;
every sentence here is written for the test.
"""

from __future__ import annotations

import re

import pytest

from marsad.extract.linking import EntityResolver, link_article, load_registry
from marsad.extract.ner import EntitySpan
from marsad.extract.records import Mention


@pytest.fixture
def resolver() -> EntityResolver:
    return EntityResolver(load_registry())


def spans_for(text: str, names: list[tuple[str, str]]) -> list[EntitySpan]:
    """Recognizer-like spans at every occurrence of each name (longest names win overlaps)."""
    found: list[EntitySpan] = []
    for name, label in sorted(names, key=lambda nl: -len(nl[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(EntitySpan(m.start(), m.end(), m.group(), label, 0.9, 0))
    return sorted(found, key=lambda s: s.start)


def link(text: str, names: list[tuple[str, str]], resolver: EntityResolver | None = None) -> list[Mention]:
    mentions, entities = link_article(text, spans_for(text, names), load_registry(), resolver=resolver)
    for m in mentions:
        assert text[m.start : m.end] == m.text
    assert sorted(e.id for e in entities) == sorted({m.entity_id for m in mentions})
    return mentions


def texts(mentions: list[Mention], label: str | None = None) -> list[str]:
    return [m.text for m in mentions if label is None or m.label == label]


# -- resolver: nasab chains and family names ---------------------------------------------------------


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("محمد بن سلمان", "محمد بن سلمان بن عبدالعزيز"),
        ("محمد بن سلمان بن عبد العزيز", "محمد بن سلمان"),
        ("سلمان بن عبد العزيز", "سلمان بن عبدالعزيز آل سعود"),
        ("سلمان بن عبدالعزيز آل سعود", "سلمان بن عبدالعزيز"),
        ("فيصل بن خالد", "فيصل بن خالد بن عبدالعزيز آل سعود"),
    ],
)
def test_a_nasab_chain_and_its_longer_form_are_one_person(resolver: EntityResolver, first: str, second: str) -> None:
    assert resolver.resolve(first, "PERS") == resolver.resolve(second, "PERS")
    assert len(resolver) == 1


def test_a_chain_that_continues_otherwise_is_another_person(resolver: EntityResolver) -> None:
    mbs = resolver.resolve("محمد بن سلمان بن عبدالعزيز", "PERS")
    assert resolver.resolve("محمد بن سلمان", "PERS") == mbs
    assert resolver.resolve("محمد بن سلمان بن فهد", "PERS") != mbs


def test_a_shorter_chain_shared_by_two_longer_names_stays_apart(resolver: EntityResolver) -> None:
    a = resolver.resolve("خالد بن فيصل بن عبدالعزيز", "PERS")
    b = resolver.resolve("خالد بن فيصل بن تركي", "PERS")
    assert a != b
    assert resolver.resolve("خالد بن فيصل", "PERS") not in (a, b)


def test_a_family_name_after_the_chain_is_no_nasab_cut(resolver: EntityResolver) -> None:
    king = resolver.resolve("عبدالله بن عبدالعزيز آل سعود", "PERS")
    minister = resolver.resolve("عبدالله بن عبدالعزيز الربيعة", "PERS")
    assert king != minister
    assert resolver.resolve("عبد الله بن عبد العزيز", "PERS") == king


# -- resolver: a given name after a title held by one person --------------------------------------------


def test_a_given_name_after_a_unique_title_is_the_known_holder(resolver: EntityResolver) -> None:
    king = resolver.resolve("سلمان بن عبدالعزيز", "PERS", roles=["خادم الحرمين الشريفين الملك"])
    prince = resolver.resolve("سلمان بن حمد", "PERS", roles=["ولي العهد"])
    assert king != prince
    assert resolver.resolve("سلمان", "PERS", roles=["الملك"]) == king
    assert resolver.resolve("سلمان", "PERS", roles=["العاهل السعودي"]) == king
    # The bare given name is not recorded on the king: without a title it is someone else.
    assert "سلمان" not in resolver.entity(king).aliases
    plain = resolver.resolve("سلمان", "PERS")
    assert plain not in (king, prince)
    assert resolver.resolve("سلمان", "PERS", roles=["الأمير"]) == plain  # many princes: no unique title


def test_two_holders_of_one_title_and_given_name_stay_apart(resolver: EntityResolver) -> None:
    saudi = resolver.resolve("عبدالله بن عبدالعزيز", "PERS", roles=["الملك"])
    jordan = resolver.resolve("عبدالله الثاني", "PERS", roles=["العاهل الأردني الملك"])
    bare = resolver.resolve("عبدالله", "PERS", roles=["الملك"])
    assert bare not in (saudi, jordan)


def test_title_index_survives_the_state_round_trip(resolver: EntityResolver) -> None:
    king = resolver.resolve("سلمان بن عبدالعزيز", "PERS", roles=["الملك"])
    restored = EntityResolver.from_dict(resolver.to_dict(), load_registry())
    assert restored.resolve("سلمان", "PERS", roles=["الملك"]) == king
    assert restored.resolve("سلمان بن عبدالعزيز آل سعود", "PERS") == king


# -- article: nasab short forms, compounds, family names ---------------------------------------------------


def test_nasab_short_form_joins_the_full_chain_in_an_article() -> None:
    text = "استقبل الأمير محمد بن سلمان بن عبدالعزيز الوفد. وقال الأمير محمد بن سلمان إن الزيارة مهمة."
    mentions = link(text, [("محمد بن سلمان بن عبدالعزيز", "PERS"), ("محمد بن سلمان", "PERS")])
    persons = [m for m in mentions if m.label == "PERS"]
    assert len(persons) == 2 and len({m.entity_id for m in persons}) == 1
    assert persons[1].via == "coref"


def test_compound_second_name_is_no_first_and_last_word() -> None:
    # عبد العزيز alone is the father's name, not a short form of عبد الله بن عبد العزيز.
    text = "أمر الملك عبد الله بن عبد العزيز ببناء المستشفى. وكان الأمير عبد العزيز حاضرا."
    mentions = link(text, [("عبد الله بن عبد العزيز", "PERS"), ("عبد العزيز", "PERS")])
    full, short = [m for m in mentions if m.label == "PERS"]
    assert full.text == "عبد الله بن عبد العزيز" and short.text == "عبد العزيز"
    assert full.entity_id != short.entity_id


def test_family_name_is_no_short_form_of_one_member() -> None:
    text = "التقى سلمان بن عبدالعزيز آل سعود بالوفد، وتحدث عن تاريخ أسرة آل سعود."
    mentions = link(text, [("سلمان بن عبدالعزيز آل سعود", "PERS")])
    assert texts(mentions, "PERS") == ["سلمان بن عبدالعزيز آل سعود"]


@pytest.mark.parametrize(
    ("span", "name"),
    [
        ("محمد بن سلمان بن عبدالعزيز ولي ولي", "محمد بن سلمان بن عبدالعزيز"),
        ("عبدالله بن عبدالعزيز رحمه الله", "عبدالله بن عبدالعزيز"),
        ("فيصل بن سلمان أمير", "فيصل بن سلمان"),
    ],
)
def test_a_title_or_blessing_at_the_end_of_a_person_span_is_cut(span: str, name: str) -> None:
    text = f"وصل {span} العهد إلى القاهرة أمس."
    mentions = link(text, [(span, "PERS")])
    assert texts(mentions, "PERS") == [name]


def test_a_name_after_a_particle_is_never_cut() -> None:
    text = "حضر الأمير عبدالله بن مساعد المباراة."
    assert texts(link(text, [("عبدالله بن مساعد", "PERS")]), "PERS") == ["عبدالله بن مساعد"]


# -- article: eponymous institutions ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "institution", "label"),
    [
        ("وصلت قافلة من مركز الملك سلمان للإغاثة والأعمال الإنسانية إلى المدينة.", "سلمان",
         "مركز الملك سلمان للإغاثة والأعمال الإنسانية", "ORG"),
        ("هبطت الطائرة في مطار الملك عبدالعزيز الدولي مساء أمس.", "عبدالعزيز", "مطار الملك عبدالعزيز الدولي", "LOC"),
        ("تخرج الطلاب في جامعة الملك سعود هذا العام.", "سعود", "جامعة الملك سعود", "ORG"),
        ("أغلق المرور جزءا من طريق الملك عبدالله الذي يربط الأحياء.", "عبدالله", "طريق الملك عبدالله", "LOC"),
        ("نقل المصاب إلى مستشفى الملك فهد التخصصي بالدمام.", "الملك فهد", "مستشفى الملك فهد التخصصي", "ORG"),
        ("تبرع رجل أعمال لـمركز الأمير سلطان للقلب.", "سلطان", "مركز الأمير سلطان للقلب", "ORG"),
    ],
)
def test_a_person_span_in_an_institution_name_names_the_institution(text: str, span: str, institution: str,
                                                                  label: str) -> None:
    mentions = link(text, [(span, "PERS")])
    assert [(m.text, m.label) for m in mentions if m.label != "LOC" or m.text == institution] == [(institution, label)]


def test_the_king_himself_is_still_a_person() -> None:
    text = "أصدر الملك سلمان أمرا بصرف راتب شهر، وزار الملك سلمان المركز."
    mentions = link(text, [("سلمان", "PERS")])
    assert texts(mentions, "PERS") == ["سلمان", "سلمان"]


def test_institutions_resolve_across_articles(resolver: EntityResolver) -> None:
    a = link("قدم مركز الملك سلمان للإغاثة والأعمال الإنسانية مساعدات.", [("سلمان", "PERS")], resolver)
    b = link("وزع مركز الملك سلمان للإغاثة والأعمال الإنسانية سلالا غذائية.", [("سلمان", "PERS")], resolver)
    assert a[0].entity_id == b[0].entity_id and a[0].label == "ORG"
    assert not any(e.type == "PERS" for e in resolver.entities())


# -- article: spans that are no entity ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "label"),
    [
        ("قال الحمد لله على السلامة.", "لله", "MISC"),
        ("توفي الشيخ رحمه الله أمس.", "الله", "MISC"),
        ("بلغت الكلفة عشرة ملايين دولار.", "دولار", "MISC"),
        ("ارتفع اليورو أمام العملات.", "اليورو", "MISC"),
        ("دفع خمسين ريالا رسوما.", "ريالا", "MISC"),
        ("تأهل الفريق إلى مباراة السوبر.", "السوبر", "MISC"),
    ],
)
def test_non_entities_are_dropped(text: str, span: str, label: str) -> None:
    assert link(text, [(span, label)]) == []


def test_a_club_called_after_the_currency_is_kept() -> None:
    mentions = link("فاز الريال على خصمه في الدوري.", [("الريال", "ORG")])
    assert texts(mentions, "ORG") == ["الريال"]


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("تراجعت الصادرات في أبريل (نيسان) الماضي.", "نيسان"),
        ("وصل الوفد في 22 أبريل إلى العاصمة.", "أبريل"),
        ("ارتفعت الطلبات خلال شهري نيسان وأيار.", "نيسان"),
        ("وقعت الاتفاقية في نيسان/أبريل الماضي.", "نيسان"),
    ],
)
def test_a_month_in_a_date_is_no_entity(text: str, span: str) -> None:
    assert link(text, [(span, "ORG")]) == []


def test_a_company_named_like_a_month_is_kept_outside_dates() -> None:
    assert texts(link("طرحت نيسان سيارة جديدة في السوق.", [("نيسان", "ORG")])) == ["نيسان"]


def test_a_letter_pair_of_a_dotted_abbreviation_is_no_entity() -> None:
    assert link("قال المدرب لهيئة (بي.بي.سي) إن الفريق جاهز.", [("بي", "ORG")]) == []


@pytest.mark.parametrize(
    ("text", "span", "name"),
    [
        # The recognizer stopped before the chain, or on its particle: the chain is the name.
        ("رفع الأمير عبدالله بن مساعد بن عبدالعزيز التهنئة.", "عبدالله", "عبدالله بن مساعد بن عبدالعزيز"),
        ("كرم عبد الله بن خالد الفائزين.", "عبد الله بن", "عبد الله بن خالد"),
        ("استقبل الشيخ محمد آل الشيخ الوفد.", "محمد", "محمد آل الشيخ"),
        ("هنأ الأمير فيصل بن عبد العزيز الفريق.", "فيصل", "فيصل بن عبد العزيز"),
        # A particle with no name after it is dropped.
        ("قال عبد الله بن، ثم سكت.", "عبد الله بن", "عبد الله"),
        ("قال محمد بن الوزير إن الاجتماع انتهى.", "محمد بن", "محمد"),
    ],
)
def test_a_person_span_runs_on_over_its_nasab_chain(text: str, span: str, name: str) -> None:
    assert texts(link(text, [(span, "PERS")]), "PERS") == [name]


def test_the_grandfathers_name_is_no_short_form() -> None:
    text = "استقبل محمد بن سلمان بن عبدالعزيز الوزير. وحضر الأمير بن عبدالعزيز الحفل، وقال بن سلمان إنه سعيد."
    mentions = link(text, [("محمد بن سلمان بن عبدالعزيز", "PERS"), ("بن عبدالعزيز", "PERS"), ("بن سلمان", "PERS")])
    full, grandfather, father = [m for m in mentions if m.label == "PERS"]
    assert father.entity_id == full.entity_id and grandfather.entity_id != full.entity_id


# -- article: spans inside or around registry names ------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "span", "label", "entity_id"),
    [
        ("وصل الوزير إلى جمهورية مصر العربية أمس.", "مصر العربية", "LOC", "Q79"),
        ("أدانت الأمانة العامة لمجلس التعاون لدول الخليج العربية الهجوم.", "الخليج العربية", "LOC", "m:ORG:gcc"),
        ("زار الوفد مصر الشقيقة الأسبوع الماضي.", "مصر الشقيقة", "LOC", "Q79"),
    ],
)
def test_a_span_inside_or_around_a_registry_name_takes_its_entity(text: str, span: str, label: str,
                                                                   entity_id: str) -> None:
    mentions = link(text, [(span, label)])
    assert [m.entity_id for m in mentions] == [entity_id]


@pytest.mark.parametrize(
    ("text", "span", "label", "kept"),
    [
        ("أسست الشركة برأسمال 2 مليون ريال هذا العام.", "ريال", "ORG", False),
        ("بلغت القيمة 500 دولار للسهم.", "دولار", "ORG", False),
        ("فاز ريال مدريد على ضيفه، وتألق ريال في الشوط الثاني.", "ريال", "ORG", True),
    ],
)
def test_a_currency_after_a_number_is_no_entity_whatever_the_label(text: str, span: str, label: str,
                                                                    kept: bool) -> None:
    mentions = link(text, [(span, label)])
    assert (span in texts(mentions)) is kept


def test_a_common_word_among_geonames_spellings_is_dropped_from_the_registry() -> None:
    registry = load_registry()
    assert registry.find("الجزيرة") is None  # not Algiers
    assert registry.find("الجزائر العاصمة").id == "Q3561"
    assert link("قضى الرحالة سنوات في الجزيرة العربية.", [("الجزيرة", "LOC")])[0].entity_id != "Q3561"


def test_a_title_seen_with_a_surname_is_no_evidence_for_the_title_rule(resolver: EntityResolver) -> None:
    # الملك الفيصل (King Faisal) and خالد الفيصل (a prince) in one article: the title belongs to
    # the surname mention, so الملك خالد elsewhere is not the prince.
    text = "افتتح الأمير خالد الفيصل المعرض الذي يروي سيرة الملك الفيصل ورحلاته."
    first = link(text, [("خالد الفيصل", "PERS"), ("الفيصل", "PERS")], resolver)
    prince = first[0].entity_id
    later = link("تمت التوسعة في عهد الملك خالد قبل عقود.", [("خالد", "PERS")], resolver)
    assert later[0].entity_id != prince


def test_a_full_name_seen_far_more_often_with_the_title_wins_over_stray_spans(resolver: EntityResolver) -> None:
    king = ""
    for _ in range(6):
        king = resolver.resolve("سلمان بن عبدالعزيز", "PERS", roles=["الملك"])
    stray = resolver.resolve("سلمان بن عبدالعزيز وأكد", "PERS", roles=["الملك"])  # a span that ran into a verb
    assert stray != king
    assert resolver.resolve("سلمان", "PERS", roles=["الملك"]) == king


def test_two_full_names_seen_alike_with_the_title_stay_apart(resolver: EntityResolver) -> None:
    for _ in range(3):
        saudi = resolver.resolve("عبدالله بن عبدالعزيز", "PERS", roles=["الملك"])
        jordan = resolver.resolve("عبدالله الثاني", "PERS", roles=["الملك"])
    assert resolver.resolve("عبدالله", "PERS", roles=["الملك"]) not in (saudi, jordan)
