"""link_article: registry names, demonyms, proclitics, person coreference, roles, organisations."""

from __future__ import annotations

import re

import pytest

from marsad.extract.linking import link_article, load_registry
from marsad.extract.ner import EntitySpan
from marsad.extract.records import Mention


def spans_for(text: str, names: list[tuple[str, str]]) -> list[EntitySpan]:
    """Recognizer-like spans at every occurrence of each name (longest names win overlaps)."""
    found: list[EntitySpan] = []
    for name, label in sorted(names, key=lambda nl: -len(nl[0])):
        for m in re.finditer(re.escape(name), text):
            if not any(s.start < m.end() and m.start() < s.end for s in found):
                found.append(EntitySpan(m.start(), m.end(), m.group(), label, 0.9, 0))
    return sorted(found, key=lambda s: s.start)


def link(text: str, names: list[tuple[str, str]] = ()) -> tuple[list[Mention], dict]:
    mentions, entities = link_article(text, spans_for(text, list(names)), load_registry())
    for m in mentions:
        assert text[m.start : m.end] == m.text
    ids = [m.entity_id for m in mentions]
    assert sorted(e.id for e in entities) == sorted(set(ids))
    return mentions, {e.id: e for e in entities}


def by_text(mentions: list[Mention], text: str) -> list[Mention]:
    return [m for m in mentions if m.text == text]


# -- registry names, proclitics and demonyms ---------------------------------------------------------


def test_proclitics_are_trimmed_and_the_article_is_kept() -> None:
    text = "تعثرت المحادثات بين واشنطن وموسكو، وأشاد السفير بالولايات المتحدة، وقدمت الحكومة دعما للعراق."
    mentions, _ = link(text)
    assert [(m.text, m.entity_id) for m in mentions] == [
        ("واشنطن", "Q61"), ("موسكو", "Q649"), ("الولايات المتحدة", "Q30"), ("لعراق", "Q796"),
    ]
    assert all(m.via == "gazetteer" and m.label == "LOC" for m in mentions)


@pytest.mark.parametrize(
    ("sentence", "surface", "qid"),
    [
        ("قال مسؤولون أمريكيون إن الوفد سيصل غدا.", "أمريكيون", "Q30"),
        ("وصل الوفد الروسي إلى العاصمة.", "الروسي", "Q159"),
        ("أدانت الخارجية الإيرانية الهجوم.", "الإيرانية", "Q794"),
        ("تتابع الأوساط الأميركية الملف.", "الأميركية", "Q30"),
        ("رحب الأوروبيون بالاتفاق.", "الأوروبيون", "Q46"),
        ("فرضت الدول الغربية عقوبات جديدة.", "الدول الغربية", "m:LOC:the-west"),
        ("انتقد المسؤولون العقوبات الغربية.", "الغربية", "m:LOC:the-west"),
        ("أكد المسؤول اليمني أن الهدنة صامدة.", "اليمني", "Q805"),
        ("يتابع الحلفاء الأوروبيون التطورات بحذر.", "الحلفاء الأوروبيون", "Q46"),
    ],
)
def test_demonyms_and_collective_actors_link(sentence: str, surface: str, qid: str) -> None:
    mentions, _ = link(sentence)
    (m,) = by_text(mentions, surface)
    assert m.entity_id == qid and m.label == "LOC"
    assert m.via == ("demonym" if " " not in surface and surface != "الغرب" else "gazetteer")


@pytest.mark.parametrize(
    ("sentence", "word", "wrong"),
    [
        ("شهدت الضفة الغربية مواجهات عنيفة.", "الغربية", "m:LOC:the-west"),  # a place, not the West
        ("أغلقت السلطات الحدود الغربية للمدينة.", "الغربية", None),  # compass word after a geographic head
        ("صدر الكتاب باللغة الروسية هذا العام.", "الروسية", None),  # a language
        ("أصيب اللاعب في قدمه اليمنى خلال المباراة.", "اليمنى", None),  # "the right one", not Yemeni
        ("ارتدى الحارس درعاً واقية.", "درعاً", None),  # "a shield", not Daraa
        ("اجتمع مجلس الأمن القومي أمس.", "مجلس الأمن", None),  # not the UN Security Council
        ("لا أعرف كيف انتهى الاجتماع.", "كيف", None),  # "how", not Kyiv
        ("نشرت الصحيفة صور الاجتماع.", "صور", None),  # "pictures", not Tyre
    ],
)
def test_words_that_only_look_like_names_are_not_linked(sentence: str, word: str, wrong: str | None) -> None:
    mentions, _ = link(sentence)
    at = sentence.index(word)
    covering = [m for m in mentions if m.start < at + len(word) and at < m.end]
    if wrong is None:
        assert covering == []
    else:
        assert covering and all(m.entity_id != wrong for m in covering)


def test_west_bank_is_its_own_place() -> None:
    mentions, _ = link("شهدت الضفة الغربية مواجهات عنيفة.")
    assert [(m.text, m.entity_id) for m in mentions] == [("الضفة الغربية", "m:LOC:west-bank")]


def test_metonyms_link_to_governments() -> None:
    mentions, entities = link("رد الكرملين على تصريحات البيت الأبيض بشأن العقوبات.")
    assert [m.entity_id for m in mentions] == ["m:ORG:government-of-russia", "m:ORG:government-of-the-united-states"]
    assert all(m.label == "ORG" for m in mentions)
    assert entities["m:ORG:government-of-russia"].kind == "government"


def test_organisations_after_a_conjunction() -> None:
    mentions, _ = link("ناقش الاتحاد الأوروبي وحلف الناتو والأمم المتحدة الأزمة.")
    assert [(m.text, m.entity_id) for m in mentions] == [
        ("الاتحاد الأوروبي", "Q458"), ("حلف الناتو", "Q7184"), ("الأمم المتحدة", "Q1065"),
    ]


@pytest.mark.parametrize(
    ("text", "qid"),
    [
        ("وصل الملك إلى عمان قادما من العقبة، وقال مسؤول أردني إن الزيارة ناجحة.", "Q3805"),
        ("زار الوفد سلطنة عمان ثم توجه إلى مسقط، وأكد أن عمان شريك مهم.", "Q842"),
        ("تجددت الاشتباكات في طرابلس بين الفصائل الليبية.", "Q3579"),
    ],
)
def test_ambiguous_names_take_the_reading_the_article_supports(text: str, qid: str) -> None:
    mentions, _ = link(text)
    surface = "عمان" if "عمان" in text else "طرابلس"
    assert {m.entity_id for m in by_text(mentions, surface)} == {qid}


def test_tripoli_of_lebanon_with_lebanese_context() -> None:
    mentions, entities = link("تظاهر المئات في طرابلس شمال لبنان احتجاجا على الغلاء، وقال نائب لبناني إن الوضع صعب.")
    (m,) = by_text(mentions, "طرابلس")
    assert m.entity_id != "Q3579" and entities[m.entity_id].kind == "city"


def test_recognizer_spans_override_the_gazetteer_and_keep_their_sentence() -> None:
    text = "أعلنت وزارة الخارجية الروسية موقفها.\nوزار الوزير القاهرة."
    mentions, _ = link(text, [("وزارة الخارجية الروسية", "ORG")])
    org = by_text(mentions, "وزارة الخارجية الروسية")[0]
    assert org.via == "ner" and org.label == "ORG" and org.entity_id.startswith("m:ORG:")
    assert not by_text(mentions, "الروسية")  # inside the recognizer's span
    cairo = by_text(mentions, "القاهرة")[0]
    assert cairo.entity_id == "Q85" and cairo.sentence == 1


def test_recognizer_span_with_a_proclitic_links_to_the_registry() -> None:
    text = "تحدث الرئيس مع وموسكو عن الأزمة."
    mentions, _ = link(text, [("وموسكو", "LOC")])
    (m,) = mentions
    assert (m.text, m.entity_id, m.via) == ("موسكو", "Q649", "ner")


def test_recognizer_span_that_starts_inside_a_word() -> None:
    # the recognizer itself may cut the proclitic off: وموسكو → span موسكو, وبوتين → بوتين
    text = "جرت اتصالات بين واشنطن وموسكو، ورد وبوتين على الأسئلة."
    at_moscow, at_putin = text.index("موسكو"), text.index("بوتين")
    spans = [EntitySpan(at_moscow, at_moscow + 5, "موسكو", "LOC", 0.9, 0),
             EntitySpan(at_putin, at_putin + 5, "بوتين", "PERS", 0.9, 0)]
    mentions, _ = link_article(text, spans, load_registry())
    got = {m.text: (m.start, m.entity_id, m.via) for m in mentions}
    assert got["موسكو"] == (at_moscow, "Q649", "ner")
    assert got["بوتين"][0] == at_putin and got["بوتين"][1].startswith("m:PERS:")


def test_organisation_span_on_a_city_name_is_not_the_city() -> None:
    text = "فاز برشلونة على منافسه بهدفين."
    mentions, _ = link(text, [("برشلونة", "ORG")])
    (m,) = mentions
    assert m.label == "ORG" and m.entity_id.startswith("m:ORG:")


def test_city_after_a_place_head_inside_a_location_span() -> None:
    text = "هبطت الطائرة في العاصمة الروسية موسكو مساء أمس."
    mentions, _ = link(text, [("العاصمة الروسية موسكو", "LOC")])
    # the span is narrowed to the city; the freed demonym is linked on its own
    assert [(m.text, m.entity_id, m.via) for m in mentions] == [
        ("الروسية", "Q159", "demonym"), ("موسكو", "Q649", "ner"),
    ]


# -- persons --------------------------------------------------------------------------------------


def test_surname_later_joins_the_full_name_and_roles_are_kept() -> None:
    text = ("التقى وزير الخارجية الأمريكي أنتوني بلينكن نظيره التركي في أنقرة. "
            "وقال بلينكن إن المحادثات كانت بناءة.")
    mentions, entities = link(text, [("أنتوني بلينكن", "PERS"), ("بلينكن", "PERS")])
    full, short = [m for m in mentions if m.label == "PERS"]
    assert full.text == "أنتوني بلينكن" and full.via == "ner"
    assert full.role == "وزير الخارجية الأمريكي"
    assert short.text == "بلينكن" and short.via == "coref"
    assert short.entity_id == full.entity_id
    person = entities[full.entity_id]
    assert person.name_ar == "أنتوني بلينكن" and "بلينكن" in person.aliases
    assert person.roles == ("وزير الخارجية الأمريكي",) and person.kind == "person"


def test_untagged_occurrences_of_a_known_name_are_added() -> None:
    text = "أجرى ستيف ويتكوف اتصالات مكثفة. وأكد ويتكوف لاحقا أن اللقاء تأجل."
    mentions, _ = link(text, [("ستيف ويتكوف", "PERS")])
    persons = [m for m in mentions if m.label == "PERS"]
    assert [m.text for m in persons] == ["ستيف ويتكوف", "ويتكوف"]
    assert persons[1].via == "coref" and persons[1].entity_id == persons[0].entity_id


def test_people_who_share_a_first_name_stay_apart() -> None:
    text = ("استقبل ولي العهد السعودي الأمير محمد بن سلمان الشيخ محمد بن زايد في الرياض. "
            "وبحث بن سلمان مع الضيف ملفات المنطقة، ثم غادر بن زايد. وقال محمد إن الزيارة ناجحة.")
    names = [("محمد بن سلمان", "PERS"), ("محمد بن زايد", "PERS"), ("بن سلمان", "PERS"), ("بن زايد", "PERS"),
             ("محمد", "PERS")]
    mentions, entities = link(text, names)
    ids = {m.text: m.entity_id for m in mentions if m.label == "PERS"}
    assert ids["محمد بن سلمان"] != ids["محمد بن زايد"]
    assert ids["بن سلمان"] == ids["محمد بن سلمان"]
    assert ids["بن زايد"] == ids["محمد بن زايد"]
    assert ids["محمد"] not in (ids["محمد بن سلمان"], ids["محمد بن زايد"])
    mbs = by_text(mentions, "محمد بن سلمان")[0]
    assert mbs.role == "ولي العهد السعودي الأمير"
    assert by_text(mentions, "محمد بن زايد")[0].role == "الشيخ"


def test_john_kerry_and_john_bolton_stay_apart() -> None:
    text = "اجتمع جون كيري مع جون بولتون في المساء. وقال كيري إن الخلاف قائم، ورد جون بأن الوقت مبكر."
    mentions, _ = link(text, [("جون كيري", "PERS"), ("جون بولتون", "PERS"), ("كيري", "PERS"), ("جون", "PERS")])
    ids = {m.text: m.entity_id for m in mentions}
    assert ids["جون كيري"] != ids["جون بولتون"]
    assert ids["كيري"] == ids["جون كيري"]
    assert ids["جون"] not in (ids["جون كيري"], ids["جون بولتون"])


def test_shared_surname_goes_to_the_nearest_preceding_full_name() -> None:
    text = "تحدث جو بايدن عن الاقتصاد. ثم ظهر هانتر بايدن أمام المحكمة، وقال بايدن إنه بريء."
    mentions, _ = link(text, [("جو بايدن", "PERS"), ("هانتر بايدن", "PERS"), ("بايدن", "PERS")])
    ids = {m.text: m.entity_id for m in mentions}
    assert ids["جو بايدن"] != ids["هانتر بايدن"]
    assert ids["بايدن"] == ids["هانتر بايدن"]


def test_person_proclitic_is_dropped_only_on_evidence() -> None:
    text = "هاجم فلاديمير بوتين الغرب. وردّ وبوتين غاضب على المنتقدين. والتقى وليد جنبلاط الوفد."
    mentions, _ = link(text, [("فلاديمير بوتين", "PERS"), ("وبوتين", "PERS"), ("وليد جنبلاط", "PERS")])
    texts = [m.text for m in mentions if m.label == "PERS"]
    assert "بوتين" in texts  # بوتين is met elsewhere: و is a proclitic
    assert "وليد جنبلاط" in texts  # وليد is a given name: its و stays


def test_titles_inside_spans_and_indefinite_heads() -> None:
    text = "قال الرئيس بوتين إن مستشار بوتين سافر. وأعلن ستيف ويتكوف، المبعوث الخاص، موعد اللقاء."
    names = [("الرئيس بوتين", "PERS"), ("بوتين", "PERS"), ("ستيف ويتكوف", "PERS")]
    mentions, _ = link(text, names)
    persons = [m for m in mentions if m.label == "PERS"]
    assert [(m.text, m.role) for m in persons] == [
        ("بوتين", "الرئيس"),  # title stripped from the span, kept as role
        ("بوتين", None),  # مستشار بوتين: Putin's adviser, not a title of Putin
        ("ستيف ويتكوف", "المبعوث الخاص"),  # apposition after a comma
    ]


def test_role_after_a_preposition_gets_its_article_back() -> None:
    text = "قدم الوفد التهنئة للرئيس الفرنسي إيمانويل ماكرون بعد الفوز."
    mentions, entities = link(text, [("إيمانويل ماكرون", "PERS")])
    (macron,) = [m for m in mentions if m.label == "PERS"]
    assert macron.role == "الرئيس الفرنسي"
    assert by_text(mentions, "الفرنسي")[0].entity_id == "Q142"


# -- organisations --------------------------------------------------------------------------------


def test_organisation_short_form_joins_the_long_name() -> None:
    text = "أعلنت شركة أرامكو السعودية نتائجها. وقالت أرامكو إن الأرباح ارتفعت، وأكدت الشركة ذلك."
    mentions, entities = link(text, [("شركة أرامكو السعودية", "ORG"), ("أرامكو", "ORG"), ("الشركة", "ORG")])
    ids = {m.text: m for m in mentions}
    assert ids["أرامكو"].entity_id == ids["شركة أرامكو السعودية"].entity_id
    assert ids["أرامكو"].via == "coref"
    assert ids["الشركة"].entity_id != ids["شركة أرامكو السعودية"].entity_id  # too generic
    assert entities[ids["أرامكو"].entity_id].name_ar == "شركة أرامكو السعودية"


def test_bracketed_short_name_of_an_organisation() -> None:
    text = "نشرت الوكالة الدولية للطاقة المتجددة (إرينا) تقريرها، وتوقعت إرينا نموا كبيرا."
    mentions, _ = link(text, [("الوكالة الدولية للطاقة المتجددة", "ORG")])
    assert [m.text for m in mentions] == ["الوكالة الدولية للطاقة المتجددة", "إرينا", "إرينا"]
    assert len({m.entity_id for m in mentions}) == 1


# -- output ----------------------------------------------------------------------------------------


def test_mentions_are_sorted_and_entities_unique() -> None:
    text = "زار وفد من روسيا وأوكرانيا العاصمة الفرنسية باريس، ثم عاد الوفد الروسي إلى موسكو."
    mentions, entities = link(text)
    assert [m.start for m in mentions] == sorted(m.start for m in mentions)
    assert [m.entity_id for m in mentions] == ["Q159", "Q212", "Q142", "Q90", "Q159", "Q649"]
    assert list(entities) == ["Q159", "Q212", "Q142", "Q90", "Q649"]


def test_empty_text_and_bad_spans() -> None:
    assert link_article("", []) == ([], [])
    bad = [EntitySpan(5, 900, "x", "PERS", 0.5, 0), EntitySpan(3, 3, "", "LOC", 0.5, 0)]
    assert link_article("نص قصير", bad) == ([], [])
