from __future__ import annotations

import pytest

from marsad.web.markup import highlight, safe_url, text_direction

HOSTILE = [
    "<script>window.__xss=1</script>",
    '<img src=x onerror="window.__xss=2">',
    "\"'><svg onload=alert(1)>",
    "&lt;already escaped&gt; & raw &",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_highlight_escapes_every_piece(text):
    html = str(highlight(text, [(0, 3), (5, len(text))]))
    assert "<script" not in html and "<img" not in html and "<svg" not in html
    assert html.count("<mark>") == 2 and html.count("</mark>") == 2


def test_highlight_wraps_exactly_the_spans():
    text = "ارتفعت أسعار النفط اليوم"
    assert str(highlight(text, [(13, 18), (7, 12)])) == "ارتفعت <mark>أسعار</mark> <mark>النفط</mark> اليوم"


@pytest.mark.parametrize("spans, expected", [
    ([], "abcdef"),
    ([(2, 2)], "abcdef"),
    ([(4, 99)], "abcd<mark>ef</mark>"),
    ([(-5, 1)], "<mark>a</mark>bcdef"),
    ([(1, 4), (2, 5)], "a<mark>bcd</mark><mark>e</mark>f"),  # overlap clipped, never doubled
])
def test_highlight_clips_bad_spans(spans, expected):
    assert str(highlight("abcdef", spans)) == expected


@pytest.mark.parametrize("text, language, expected", [
    ("خبر عربي", None, ("ar", "rtl")),
    ("خبر", "ar", ("ar", "rtl")),
    ("Oil prices", "en", ("en", "ltr")),
    ("Oil prices rise", None, ("", "auto")),
    ("Reuters: ارتفاع أسعار النفط", None, ("ar", "rtl")),
    ("1234", None, ("", "auto")),
])
def test_text_direction(text, language, expected):
    assert text_direction(text, language) == expected


@pytest.mark.parametrize("url, expected", [
    ("https://example.org/a?b=c", "https://example.org/a?b=c"),
    ("  http://example.org  ", "http://example.org"),
    ("javascript:alert(1)", None),
    ("JAVASCRIPT:alert(1)", None),
    ("data:text/html,<script>1</script>", None),
    ("//evil.example/x", None),
    ("https://example.org/a b", None),
    (None, None),
    ("", None),
])
def test_safe_url_only_http(url, expected):
    assert safe_url(url) == expected
