"""Entity-level NER scoring: exact-match entities, seqeval default semantics for stray I- tags."""

from __future__ import annotations

from pathlib import Path

import pytest

from marsad.errors import EvalError
from marsad.evaluation.ner import entities_from_bio, evaluate_file, read_conll, score


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["B-PERS", "I-PERS", "O", "B-LOC"], [("PERS", 0, 2), ("LOC", 3, 4)]),
        # a stray I- after O starts an entity
        (["O", "I-ORG", "I-ORG", "O"], [("ORG", 1, 3)]),
        # an I- of another type after B- starts a new entity
        (["B-PERS", "I-LOC", "I-LOC"], [("PERS", 0, 1), ("LOC", 1, 3)]),
        # B- after B- of the same type: two entities
        (["B-LOC", "B-LOC"], [("LOC", 0, 1), ("LOC", 1, 2)]),
        # an entity running to the end of the sentence
        (["O", "B-MISC", "I-MISC"], [("MISC", 1, 3)]),
        (["O", "O"], []),
    ],
)
def test_entities_from_bio(tags: list[str], expected: list[tuple[str, int, int]]) -> None:
    assert entities_from_bio(tags) == expected


def test_score_counts_exact_matches_per_type_and_micro() -> None:
    gold = [
        ["B-PERS", "I-PERS", "O", "B-LOC", "O"],
        ["B-ORG", "I-ORG", "I-ORG", "O", "B-MISC"],
    ]
    pred = [
        ["B-PERS", "I-PERS", "O", "B-ORG", "O"],  # PERS right, LOC typed ORG
        ["B-ORG", "I-ORG", "O", "O", "B-MISC"],  # ORG cut short, MISC right
    ]
    result = score(gold, pred)
    assert result["per_type"]["PERS"]["f1"] == 100.0
    assert result["per_type"]["LOC"] == {
        "precision": 0.0, "recall": 0.0, "f1": 0.0, "support": 1, "predicted": 0, "correct": 0,
    }
    assert result["per_type"]["ORG"]["precision"] == 0.0
    assert result["per_type"]["ORG"]["predicted"] == 2
    micro = result["micro"]
    assert (micro["correct"], micro["predicted"], micro["support"]) == (2, 4, 4)
    assert micro["precision"] == micro["recall"] == micro["f1"] == 50.0
    assert result["tokens"] == 10


def test_score_stray_inside_tags_match_a_gold_entity_like_seqeval() -> None:
    # seqeval (default mode) reads "O I-LOC" as one LOC entity: it matches gold "O B-LOC".
    result = score([["O", "B-LOC", "O"]], [["O", "I-LOC", "O"]])
    assert result["micro"]["f1"] == 100.0
    # ...and "B-PERS I-LOC" as PERS + LOC, so a gold two-token PERS is missed.
    result = score([["B-PERS", "I-PERS"]], [["B-PERS", "I-LOC"]])
    assert result["micro"]["correct"] == 0
    assert result["micro"]["predicted"] == 2


def test_score_accepts_token_tag_pairs() -> None:
    gold = [[("بوتين", "B-PERS"), ("قال", "O")]]
    assert score(gold, [["B-PERS", "O"]])["micro"]["f1"] == 100.0


def test_score_rejects_misaligned_input() -> None:
    with pytest.raises(EvalError):
        score([["O", "O"]], [["O"]])
    with pytest.raises(EvalError):
        score([["O"]], [])


def test_read_conll_reads_sentences(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("زار O\nبوتين B-PERS\nموسكو B-LOC\n\n\nوقال O\n", encoding="utf-8")
    assert read_conll(path) == [
        [("زار", "O"), ("بوتين", "B-PERS"), ("موسكو", "B-LOC")],
        [("وقال", "O")],
    ]


@pytest.mark.parametrize(
    ("content", "bad_line"),
    [
        ("زار O\nبوتين\n", 2),
        ("زار O\nبوتين B-PERS extra\n", 2),
        ("زار O\n\nموسكو LOC\n", 3),
    ],
)
def test_read_conll_names_the_malformed_line(tmp_path: Path, content: str, bad_line: int) -> None:
    path = tmp_path / "bad.txt"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(EvalError, match=rf"bad\.txt:{bad_line}:"):
        read_conll(path)


class _EchoTagger:
    """Tags a token B-LOC when it is in ``places``: a stand-in recognizer."""

    def __init__(self, places: set[str]) -> None:
        self.places = places

    def tag(self, tokens: list[str]) -> list[tuple[str, float]]:
        return [("B-LOC" if t in self.places else "O", 1.0) for t in tokens]


def test_evaluate_file_scores_and_times(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("سافر O\nإلى O\nموسكو B-LOC\n\nبوتين B-PERS\nقال O\n", encoding="utf-8")
    result = evaluate_file(path, _EchoTagger({"موسكو"}))
    assert result["per_type"]["LOC"]["f1"] == 100.0
    assert result["micro"]["recall"] == 50.0
    assert result["tokens"] == 5
    assert result["tokens_per_second"] > 0


class _DocumentTagger(_EchoTagger):
    """Also offers ``tag_document``, which must then be used (it sees the whole file)."""

    def __init__(self) -> None:
        super().__init__(set())
        self.calls = 0

    def tag_document(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        self.calls += 1
        return [[("B-LOC", 1.0) if t == "موسكو" else ("O", 1.0) for t in s] for s in sentences]


def test_evaluate_file_prefers_tag_document(tmp_path: Path) -> None:
    path = tmp_path / "gold.txt"
    path.write_text("سافر O\nإلى O\nموسكو B-LOC\n\nقال O\n", encoding="utf-8")
    tagger = _DocumentTagger()
    result = evaluate_file(path, tagger)
    assert tagger.calls == 1
    assert result["micro"]["f1"] == 100.0
