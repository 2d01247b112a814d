"""Light stems: forms of one word share a stem; names and short words are left alone."""

from __future__ import annotations

import pytest

from marsad.text import light_stem, normalize_for_matching, split_clitics
from marsad.text._wordstats import WordStats
from marsad.text.stem import Stemmer


def stem_of(word: str) -> str:
    return light_stem(split_clitics(normalize_for_matching(word))[1])


@pytest.mark.parametrize(
    "forms",
    [
        ("عقوبات", "العقوبة", "عقوبتها", "والعقوبات", "بالعقوبة"),
        ("الحكومة", "حكومتها", "الحكومات", "للحكومة", "حكومتهم"),
        ("المسلمون", "المسلمين", "مسلم"),
        ("بيانات", "البيان", "بياناتها"),
        ("الأمريكية", "أمريكي", "الأمريكيون", "الأمريكيين"),
        ("نهاية", "نهايات", "النهاية"),
        ("ولاية", "الولايات"),
        ("مسؤولية", "مسؤوليتها", "المسؤول"),
        ("قالوا", "قال"),
        ("ثابتة", "ثابت"),  # the ت of ثابت is a root letter, not a restored taa marbuta
    ],
)
def test_forms_share_a_stem(forms: tuple[str, ...]) -> None:
    stems = {stem_of(form) for form in forms}
    assert len(stems) == 1, {form: stem_of(form) for form in forms}


@pytest.mark.parametrize(
    ("base", "stem"),
    [
        ("عقوبات", "عقوب"),
        ("حكومه", "حكوم"),
        ("بوتين", "بوتين"),
        ("اوكرانيا", "اوكرانيا"),
        ("روسيا", "روسيا"),
        ("فلسطين", "فلسطين"),
        ("لبنان", "لبنان"),
        ("ايران", "ايران"),
        ("سلمان", "سلمان"),
        ("مليون", "مليون"),
        ("عبدالله", "عبدالله"),
        ("بيت", "بيت"),  # too short to strip anything
        ("بيتها", "بيت"),
        ("صوتها", "صوت"),  # the ت stays: صو would be too short
        ("كتابه", "كتاب"),
        ("علي", "علي"),
        ("الذي", "الذي"),
    ],
)
def test_stems(base: str, stem: str) -> None:
    assert light_stem(base) == stem


@pytest.mark.parametrize(
    "forms", [("عقوبات", "عقوبه", "عقوبتها"), ("حكومات", "حكومه", "حكومتها")]
)
def test_stems_agree_without_statistics(forms: tuple[str, ...]) -> None:
    stemmer = Stemmer(WordStats())
    assert len({stemmer.stem(f) for f in forms}) == 1
    assert stemmer.stem("بوتين") == "بوتين"
