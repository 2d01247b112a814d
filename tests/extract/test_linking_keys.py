"""Name keys: exact (orthographic) and skeleton (transliteration) keys, proclitic variants."""

from __future__ import annotations

import pytest

from marsad.extract.linking import name_key, skeleton, skeleton_key
from marsad.extract.linking.keys import entity_id_for, loose_word_score, prefix_variants


@pytest.mark.parametrize("variant", ["ويتكوف", "ويتكوڤ", "وتكوف", "ويتكووف", "ويتكوفْ"])
def test_transliterations_of_one_name_share_a_skeleton(variant: str) -> None:
    assert skeleton_key(variant) == skeleton_key("ويتكوف") == "وتكف"


@pytest.mark.parametrize(
    ("a", "b"),
    [("سلمان", "زايد"), ("كيري", "بولتون"), ("بوتين", "بايدن"), ("لافروف", "لابيد")],
)
def test_different_names_keep_different_skeletons(a: str, b: str) -> None:
    assert skeleton(name_key(a)) != skeleton(name_key(b))


@pytest.mark.parametrize(
    ("a", "b"),
    [("أحمد أبو الغيط", "احمد ابو الغيط"), ("عبد الله", "عبدالله"), ("مصطفى", "مصطفي"),
     ("فاطمة", "فاطمه"), ("إسماعيل", "اسماعيل"), ("محمّد", "محمد")],
)
def test_exact_key_folds_orthographic_variants(a: str, b: str) -> None:
    assert name_key(a) == name_key(b)


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        ("ويتكوف", "وتكوف", True), ("زيلينسكي", "زيلنسكي", True), ("نتنياهو", "نتانياهو", True),
        ("شوارتزنيغر", "شوارزنيغر", True),  # one consonant more, long name
        ("محمد", "محمود", False), ("سعد", "سعيد", False), ("الحسن", "الحسين", False),  # native, short
        ("عبدالرحمن", "عبدالرحيم", False), ("سلمان", "زايد", False), ("كيري", "بولتون", False),
    ],
)
def test_loose_word_match(a: str, b: str, same: bool) -> None:
    assert (loose_word_score(name_key(a), name_key(b)) is not None) is same


def test_prefix_variants_put_fewest_dropped_letters_first() -> None:
    assert prefix_variants("والروسيه")[:3] == [("والروسيه", 0), ("الروسيه", 1), ("روسيه", 3)]
    assert ("العراق", 1) in prefix_variants("للعراق")
    assert prefix_variants("موسكو") == [("موسكو", 0)]


def test_ids_without_qid_are_typed_and_stable() -> None:
    assert entity_id_for("PERS", "ستيف ويتكوف") == entity_id_for("PERS", "ستيف ويتكوف")
    assert entity_id_for("PERS", "ستيف ويتكوف").startswith("m:PERS:")
    assert entity_id_for("PERS", "ستيف ويتكوف") != entity_id_for("ORG", "ستيف ويتكوف")
