"""Quotes: direct and reported speech, speakers, anonymous sources, and no invented quotes."""

from __future__ import annotations

import pytest

from marsad.extract.events import SentenceSpan, sentences_of
from marsad.extract.quotes import Quote, extract_quotes
from marsad.extract.records import Mention


def quotes_of(text: str, mentions: list[Mention] | None = None) -> list[Quote]:
    quotes = extract_quotes(text, sentences_of(text), mentions or [])
    for q in quotes:
        assert text[q.start:q.end] == q.text
        if q.speaker is not None:
            assert text[q.speaker.start:q.speaker.end] == q.speaker.text
    return quotes


@pytest.mark.parametrize("text, speaker, content", [
    ("وقال المتحدث باسم الوزارة في مؤتمر صحفي إن المفاوضات ستستأنف غدا.",
     "المتحدث باسم الوزارة", "المفاوضات ستستأنف غدا"),
    ("أكدت الرئاسة أن الزيارة تأتي في إطار التنسيق المستمر.",
     "الرئاسة", "الزيارة تأتي في إطار التنسيق المستمر"),
    ("وأشار التقرير إلى أن معدلات البطالة تراجعت.", "التقرير", "معدلات البطالة تراجعت"),
    ("ونقلت الوكالة عن مسؤول أمني قوله إن الطريق أعيد فتحه.", "مسؤول أمني", "الطريق أعيد فتحه"),
])
def test_reported_speech(text: str, speaker: str, content: str) -> None:
    (q,) = quotes_of(text)
    assert q.kind == "reported"
    assert q.speaker is not None and q.speaker.text == speaker
    assert q.text == content


@pytest.mark.parametrize("text, speaker, content", [
    ("وقال الوزير: «لن نقبل بأي حلول منقوصة».", "الوزير", "لن نقبل بأي حلول منقوصة"),
    ("«نحن مستعدون للحوار دون شروط مسبقة»، قالت المتحدثة للصحفيين.", "المتحدثة",
     "نحن مستعدون للحوار دون شروط مسبقة"),
    ('وشدد رئيس الوزراء على أن "الحكومة لن تتراجع عن الإصلاحات".', "رئيس الوزراء",
     "الحكومة لن تتراجع عن الإصلاحات"),
])
def test_direct_quotes(text: str, speaker: str, content: str) -> None:
    (q,) = quotes_of(text)
    assert (q.kind, q.text) == ("direct", content)
    assert q.speaker is not None and q.speaker.text == speaker


def test_speaker_gets_the_linked_entity_id() -> None:
    text = "وقال لافروف إن موسكو منفتحة على الحوار."
    start = text.index("لافروف")
    lavrov = Mention(start, start + 6, "لافروف", "PERS", "Q80137", 0.9, 0)
    (q,) = quotes_of(text, [lavrov])
    assert q.speaker is not None and q.speaker.entity_id == "Q80137" and q.speaker.label == "PERS"
    assert q.anonymous is False


@pytest.mark.parametrize("text", [
    "قال مصدر مطلع إن الوفد سيصل مساء الغد.",
    "وقالت مصادر دبلوماسية إن الاجتماع تأجل.",
    "قال مسؤول رفض الكشف عن اسمه إن المحادثات متعثرة.",
    "وأضاف المسؤول، الذي طلب عدم ذكر اسمه، أن الخطة جاهزة.",
    "ويرى محللون أن الأزمة ستطول.",
    "وبحسب مصادر أمنية، فإن المشتبه به غادر البلاد.",
])
def test_anonymous_sources(text: str) -> None:
    quotes = quotes_of(text)
    assert len(quotes) == 1 and quotes[0].anonymous is True


@pytest.mark.parametrize("text", [
    "أعلنت الحكومة حالة الطوارئ في ثلاث محافظات.",
    "وصف المراقبون الخطوة بأنها «الحرب الباردة» الجديدة.",
    "ذكر تقرير نشر في «ديلي ميل» تفاصيل الصفقة.",
    "تعتبر موسكو أن الحوار المباشر أفضل السبل.",
    "يؤكد هذا القرار أن المرحلة صعبة.",
    "ارتفعت أسعار الذهب مع تراجع الدولار.",
    "طالبت منظمات حقوقية بالإفراج عن المعتقلين.",
])
def test_no_quote_is_invented(text: str) -> None:
    assert quotes_of(text) == []


def test_continuation_keeps_the_speaker() -> None:
    text = "وقال وزير الخارجية إن الحوار مستمر.\nوأضاف أن الجولة المقبلة ستعقد في مسقط."
    first, second = quotes_of(text)
    assert first.speaker is not None and second.speaker == first.speaker


def test_quote_round_trips_through_dict() -> None:
    text = "قال مصدر مطلع إن الوفد سيصل مساء الغد."
    sentences = [SentenceSpan(0, 0, len(text), text)]
    (q,) = extract_quotes(text, sentences, [])
    assert Quote.from_dict(q.to_dict()) == q
