"""Tone: lexicon scores per sentence and article, the words behind them, negation and range."""

from __future__ import annotations

import pytest

from marsad.extract.events import sentences_of
from marsad.extract.tone import Tone, score_tone


def tone_of(text: str) -> Tone:
    tone = score_tone(text, sentences_of(text))
    for s in tone.sentences:
        assert -1.0 <= s.score <= 1.0
        for w in s.words:
            assert text[w.start:w.end] == w.text
    assert -1.0 <= tone.score <= 1.0
    return tone


@pytest.mark.parametrize("text", [
    "قتل عشرات المدنيين في قصف عنيف استهدف سوقا شعبية.",
    "تفاقمت الأزمة الاقتصادية وسط مخاوف من انهيار العملة.",
    "أدانت الحكومة الهجوم الإرهابي وحذرت من تصعيد خطير.",
])
def test_bad_news_is_negative(text: str) -> None:
    assert tone_of(text).score < -0.3


@pytest.mark.parametrize("text", [
    "وقع البلدان اتفاق سلام تاريخيا ينهي عقودا من الصراع.",
    "رحب المجتمع الدولي بنجاح المصالحة وتعزيز التعاون.",
    "حقق الاقتصاد نموا قويا وتحسنا في معدلات التوظيف.",
])
def test_good_news_is_positive(text: str) -> None:
    assert tone_of(text).score > 0.3


def test_neutral_text_scores_zero() -> None:
    tone = tone_of("تبدأ الدراسة في المدارس الحكومية يوم الأحد المقبل.")
    assert tone.score == 0.0 and tone.sentences[0].words == ()


def test_negation_flips_a_word() -> None:
    plain = tone_of("نجحت المفاوضات.")
    negated = tone_of("لم تنجح المفاوضات.")
    assert plain.score > 0 > negated.score
    (word,) = negated.sentences[0].words
    assert word.negated and word.text == "تنجح"


def test_intensifier_strengthens() -> None:
    mild = tone_of("أثار القرار غضبا.").score
    strong = tone_of("أثار القرار غضبا عارما.").score
    assert strong < mild < 0


def test_per_sentence_scores_and_round_trip() -> None:
    text = "اندلعت اشتباكات عنيفة في المدينة.\nوأعلن الطرفان لاحقا التوصل إلى هدنة."
    tone = tone_of(text)
    first, second = tone.sentences
    assert first.score < 0 < second.score
    assert Tone.from_dict(tone.to_dict()) == tone
