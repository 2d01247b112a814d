from __future__ import annotations

import pytest
from starlette.requests import Request

from marsad.web.i18n import STRINGS, format_date, request_language, translator


@pytest.mark.parametrize("iso, lang, expected", [
    ("2024-03-05", "ar", "5 مارس 2024"),
    ("2024-03-05T08:30:00", "ar", "5 مارس 2024، 08:30"),
    ("2024-03-05 08:30", "en", "5 Mar 2024, 08:30"),
    ("2024-12", "ar", "ديسمبر 2024"),
    ("2024-13-01", "en", "2024-13-01"),
    ("yesterday", "ar", "yesterday"),
    (None, "ar", ""),
])
def test_format_date(iso, lang, expected):
    assert format_date(iso, lang) == expected


def test_both_languages_have_the_same_keys():
    assert set(STRINGS["ar"]) == set(STRINGS["en"])


def test_translator_formats_and_falls_back():
    t = translator("en")
    assert t("search.results", first=1, last=10, total=20) == "Results 1–10 of 20"
    assert t("no.such.key") == "no.such.key"


def _request(query: str = "", cookie: str | None = None) -> Request:
    headers = [(b"cookie", f"marsad_lang={cookie}".encode())] if cookie else []
    return Request({"type": "http", "method": "GET", "path": "/", "query_string": query.encode(), "headers": headers})


@pytest.mark.parametrize("query, cookie, expected", [
    ("", None, ("ar", False)),
    ("lang=en", None, ("en", True)),
    ("lang=ar", "en", ("ar", True)),
    ("", "en", ("en", False)),
    ("lang=fr", "xx", ("ar", False)),
])
def test_request_language(query, cookie, expected):
    assert request_language(_request(query, cookie)) == expected
