"""NER features: clitic splitting, core forms, gazetteer phrases and window features."""

from __future__ import annotations

import pytest

from marsad.extract.ner._tokenize import simple_tokens
from marsad.extract.ner.features import Lexicons, SentenceFeaturizer, core_form, split_proclitics


@pytest.mark.parametrize(
    ("norm", "expected"),
    [
        ("وموسكو", ("و", "موسكو")),
        ("بالعاصمه", ("ب", "العاصمه")),
        ("وللامم", ("ول", "الامم")),  # ل + ال: the article comes back
        ("وبالمدينه", ("وب", "المدينه")),
        ("وزن", ("", "وزن")),  # too short to hold a clitic
        ("بوتين", ("ب", "وتين")),  # the splitter is blind; the CRF sees both forms
    ],
)
def test_split_proclitics(norm: str, expected: tuple[str, str]) -> None:
    assert split_proclitics(norm) == expected


@pytest.mark.parametrize(
    ("token", "core"),
    [("(د", "د"), ("أوكرانيا،", "اوكرانيا"), ("القاهرةُ", "القاهره"), ("...", "...")],
)
def test_core_form(token: str, core: str) -> None:
    assert core_form(token) == core


def _featurizer() -> SentenceFeaturizer:
    gazetteer = {"الامم المتحده": frozenset({"ORG"}), "موسكو": frozenset({"LOC"})}
    lexicons = Lexicons(
        clusters={"موسكو": ("r1", "5", "50", "500")},
        ranks={"موسكو": 1000},
        gazetteer=gazetteer,
        phrase_starts=frozenset({"الامم"}),
    )
    return SentenceFeaturizer(lexicons)


def test_sentence_features_include_window_gazetteer_and_clusters() -> None:
    tokens = ["قال", "وزير", "في", "وموسكو", "إن", "الأمم", "المتحدة", "تدعم"]
    feats = _featurizer().sentence(tokens)
    assert len(feats) == len(tokens)
    moscow = feats[3]
    assert "w=وموسكو" in moscow and "b=موسكو" in moscow
    assert "gz=LOC" in moscow  # found through the clitic-stripped base
    assert "bc1k=500" in moscow  # cluster of the base form
    assert "-2cuePER" in moscow  # وزير two tokens to the left
    assert "gzB=ORG" in feats[5] and "gzI=ORG" in feats[6]
    assert "BOS" in feats[0] and "EOS" in feats[-1]
    assert not any(":" in f for sent in feats for f in sent)


def test_simple_tokens_split_punctuation_and_keep_clitics() -> None:
    text = "قال (بوتين) إن 2.5% من سكان وموسكو، نعم."
    tokens = simple_tokens(text)
    assert [t.text for t in tokens] == [
        "قال", "(", "بوتين", ")", "إن", "2.5", "%", "من", "سكان", "وموسكو", "،", "نعم", ".",
    ]
    assert all(text[t.start : t.end] == t.text for t in tokens)


def test_document_votes_pool_other_mentions_of_the_same_form() -> None:
    featurizer = _featurizer()
    sentences = [["قال", "الليكود", "إن"], ["وأكد", "والليكود", "ذلك"], ["حزب", "الليكود"]]
    first_pass = [["O", "B-ORG", "O"], ["O", "O", "O"], ["O", "B-ORG"]]
    votes = featurizer.document_votes(sentences, first_pass, window=1)
    # والليكود (first pass: O) sees two ORG mentions of الليكود around it, itself left out.
    assert "vote=ORG" in votes[1][1] and "voteshare=all" in votes[1][1]
    # the last sentence's window holds only sentence 1 (O) besides itself: one mention, no vote
    assert votes[2][1] == ()
    feats = featurizer.sentence(sentences[1], votes[1])
    assert "vote=ORG" in feats[1] and "+1vote=ORG" in feats[0]
