"""Proclitics are split off for matching; names and words that merely start like them are not."""

from __future__ import annotations

import pytest

from marsad.text import normalize_for_matching, split_clitics, tokenize
from marsad.text._wordstats import WordStats
from marsad.text.tokenize import CliticSplitter


@pytest.mark.parametrize(
    ("word", "prefix", "base"),
    [
        # the cases the text layer promises
        ("لأوكرانيا", "ل", "اوكرانيا"),
        ("وأوكرانيا", "و", "اوكرانيا"),
        ("والعقوبات", "وال", "عقوبات"),
        ("بالرئيس", "بال", "رييس"),
        ("للحكومة", "لل", "حكومه"),
        ("وبوتين", "و", "بوتين"),
        ("بوتين", "", "بوتين"),
        ("لبنان", "", "لبنان"),
        ("وواشنطن", "و", "واشنطن"),
        # names and radicals that look like clitics
        ("فلاديمير", "", "فلاديمير"),
        ("كييف", "", "كييف"),
        ("واشنطن", "", "واشنطن"),
        ("ويتكوف", "", "ويتكوف"),
        ("باريس", "", "باريس"),
        ("بريطانيا", "", "بريطانيا"),
        ("لندن", "", "لندن"),
        ("فرنسا", "", "فرنسا"),
        ("فيصل", "", "فيصل"),
        ("وزير", "", "وزير"),
        ("لجنة", "", "لجنه"),
        ("فكرة", "", "فكره"),
        ("كأس", "", "كاس"),
        ("باب", "", "باب"),
        ("واحد", "", "واحد"),
        ("كامل", "", "كامل"),
        ("والده", "", "والده"),
        ("بين", "", "بين"),
        ("كان", "", "كان"),
        ("الذي", "", "الذي"),
        ("الله", "", "الله"),
        # the article that is not one: words written with hamza
        ("ألمانيا", "", "المانيا"),
        ("آلاف", "", "الاف"),
        ("إلغاء", "", "الغاء"),
        ("وألمانيا", "و", "المانيا"),
        ("لألمانيا", "ل", "المانيا"),
        # combinations
        ("وللحكومة", "ولل", "حكومه"),
        ("وبالرئيس", "وبال", "رييس"),
        ("فالعقوبات", "فال", "عقوبات"),
        ("كالعادة", "كال", "عاده"),
        ("وقال", "و", "قال"),
        ("وأضاف", "و", "اضاف"),
        ("فيقول", "ف", "يقول"),
        ("وفي", "و", "في"),
        ("بلبنان", "ب", "لبنان"),
        ("لليبيا", "ل", "ليبيا"),  # ل + ليبيا, not لل + يبيا
        ("للندن", "ل", "لندن"),
        ("والبحرين", "وال", "بحرين"),
    ],
)
def test_split_clitics(word: str, prefix: str, base: str) -> None:
    assert split_clitics(normalize_for_matching(word)) == (prefix, base)


def test_tokens_carry_the_split() -> None:
    token = tokenize("«لأوكرانيا»")[1]
    assert (token.text, token.prefix, token.base) == ("لأوكرانيا", "ل", "اوكرانيا")


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("والعقوبات", ("وال", "عقوبات")),  # the article is clear from its shape
        ("للحكومه", ("لل", "حكومه")),
        ("بوتين", ("", "بوتين")),  # protected names need no statistics
        ("وبوتين", ("و", "بوتين")),
        ("لبنان", ("", "لبنان")),
        ("وزير", ("", "وزير")),  # and with no evidence nothing else is split
        ("فكره", ("", "فكره")),
    ],
)
def test_without_statistics_the_rules_stay_safe(word: str, expected: tuple[str, str]) -> None:
    assert CliticSplitter(WordStats()).split(word) == expected
