"""Sentences: offsets into the original, headings and bullets alone, no splits in numbers,
abbreviations or elisions, closing quotes kept with their sentence."""

from __future__ import annotations

import pytest

from marsad.text import Sentence, split_sentences


def texts(text: str) -> list[str]:
    return [s.text for s in split_sentences(text)]


def test_body_with_headings_and_bullets(body: str) -> None:
    assert texts(body) == [
        "وزراء الطاقة يبحثون أسعار النفط في فيينا",
        "اجتمع وزراء الطاقة في العاصمة النمساوية لبحث تراجع الأسعار.",
        "وأكد المجتمعون أهمية استقرار السوق.",
        "خلفية الاجتماع",
        "تراجعت أسعار الخام بنسبة 3.5 في المئة خلال الشهر الماضي، بحسب د. سامر الحلبي؛",
        "وهو أكبر تراجع منذ عامين.",
        "خفض الإنتاج: اقترحت بعض الدول خفضاً مؤقتاً للإنتاج",
        "مراقبة السوق: دعا آخرون إلى لجنة متابعة شهرية.",
        "ما الخطوة التالية؟",
        "قال أحد المندوبين «سنلتقي مجدداً في الخريف.»",
        "ولم يحدد موعداً.",
    ]


def test_offsets_point_into_the_original(body: str, paragraph: str) -> None:
    for text in (body, paragraph, "\n\n  سطر واحد فقط  \n"):
        sentences = split_sentences(text)
        assert [s.index for s in sentences] == list(range(len(sentences)))
        previous_end = 0
        for s in sentences:
            assert text[s.start:s.end] == s.text
            assert s.text == s.text.strip()
            assert s.start >= previous_end
            previous_end = s.end


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("بلغ النمو 3.5 في المئة. ثم تراجع", ["بلغ النمو 3.5 في المئة.", "ثم تراجع"]),
        ("قال د. محمد إن الوضع مستقر. وغادر", ["قال د. محمد إن الوضع مستقر.", "وغادر"]),
        ("زار U.S. Army القاعدة. ثم عاد", ["زار U.S. Army القاعدة.", "ثم عاد"]),
        ("صدر القرار عام 2015 م. وبدأ التنفيذ", ["صدر القرار عام 2015 م.", "وبدأ التنفيذ"]),
        ("قال «لن نتراجع.» ثم صمت", ["قال «لن نتراجع.»", "ثم صمت"]),
        ("قال «سنرد (..) في الوقت المناسب». وانتهى", ["قال «سنرد (..) في الوقت المناسب».", "وانتهى"]),
        ("هل انتهى الأمر؟! لا أظن؛ ربما", ["هل انتهى الأمر؟!", "لا أظن؛", "ربما"]),
        ("انتهى الاجتماع.وغادر الوفد", ["انتهى الاجتماع.", "وغادر الوفد"]),
        ("Is it over? Not yet! Maybe", ["Is it over?", "Not yet!", "Maybe"]),
        ("زوروا www.example.com/a?b=1 للمزيد", ["زوروا www.example.com/a?b=1 للمزيد"]),
        ("1. البند الأول. وفيه تفصيل\n2. البند الثاني", ["البند الأول. وفيه تفصيل", "البند الثاني"]),
        ("", []),
        ("  \n\n ... \n", []),
    ],
)
def test_split_cases(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_windows_line_breaks() -> None:
    text = "عنوان الخبر\r\nنص الخبر الأول.\r\n"
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == ["عنوان الخبر", "نص الخبر الأول."]
    assert all(text[s.start:s.end] == s.text for s in sentences)


def test_sentence_round_trips_through_dict() -> None:
    sentence = split_sentences("جملة أولى. جملة ثانية")[1]
    assert Sentence.from_dict(sentence.to_dict()) == sentence


def test_seed_article_sentences(seed_path) -> None:
    text = seed_path.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert all(text[s.start:s.end] == s.text for s in sentences)
    # Title, headings and the three bullets are sentences of their own.
    bullet_lines = [line[2:].strip() for line in text.splitlines() if line.startswith("- ")]
    assert len(bullet_lines) == 3
    assert set(bullet_lines) <= {s.text for s in sentences}
    assert sentences[0].text == text.splitlines()[0].strip()
    assert not any("\n" in s.text for s in sentences)
