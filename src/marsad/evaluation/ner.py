"""Entity-level scoring of named-entity tags (CoNLL / seqeval default semantics).

An entity is a maximal run ``B-X I-X ... I-X``; a stray ``I-X`` (after ``O`` or after a tag of
another type) starts a new entity, as in conlleval and seqeval's default (non-strict) mode. A predicted
entity counts as correct only when its type, first and last token all match a gold entity.
"""

from __future__ import annotations

import re
import time
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, Protocol

from marsad.errors import EvalError
from marsad.extract.ner._bio import bio_entities as entities_from_bio

__all__ = ["entities_from_bio", "evaluate_file", "read_conll", "score"]

_TAG = re.compile(r"O|[BI]-[A-Za-z][A-Za-z_-]*")


class _Tagger(Protocol):
    def tag(self, tokens: list[str]) -> list[tuple[str, float]]: ...


def read_conll(path: str | Path) -> list[list[tuple[str, str]]]:
    """Read ``token TAG`` lines (blank line between sentences) into sentences of (token, tag).

    Raises EvalError naming the file and line for a line that is not two fields or whose tag is
    not ``O``, ``B-TYPE`` or ``I-TYPE``.
    """
    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read as UTF-8 text ({exc})") from exc
    sentences: list[list[tuple[str, str]]] = []
    current: list[tuple[str, str]] = []
    for lineno, line in enumerate(raw.splitlines(), start=1):
        if not line.strip():
            if current:
                sentences.append(current)
                current = []
            continue
        fields = line.split()
        if len(fields) != 2:
            raise EvalError(
                f"{path}:{lineno}: expected 'token TAG', got {len(fields)} field(s): {line[:60]!r}"
            )
        token, tag = fields
        if not _TAG.fullmatch(tag):
            raise EvalError(f"{path}:{lineno}: bad tag {tag!r} (want O, B-TYPE or I-TYPE)")
        current.append((token, tag))
    if current:
        sentences.append(current)
    return sentences


def _prf(correct: int, predicted: int, gold: int) -> dict[str, float | int]:
    precision = correct / predicted if predicted else 0.0
    recall = correct / gold if gold else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return {
        "precision": round(100 * precision, 2),
        "recall": round(100 * recall, 2),
        "f1": round(100 * f1, 2),
        "support": gold,
        "predicted": predicted,
        "correct": correct,
    }


def score(gold_seqs: Sequence[Sequence[str]], pred_seqs: Sequence[Sequence[str]]) -> dict[str, Any]:
    """Entity-level precision/recall/F1 (percentages) per type and micro-averaged.

    ``gold_seqs`` and ``pred_seqs`` are tag sequences (or (token, tag) pairs) aligned sentence by
    sentence. Returns ``{"per_type": {TYPE: {...}}, "micro": {...}, "sentences": n, "tokens": n}``.
    """
    if len(gold_seqs) != len(pred_seqs):
        raise EvalError(f"{len(gold_seqs)} gold sentences but {len(pred_seqs)} predicted")
    gold_count: Counter[str] = Counter()
    pred_count: Counter[str] = Counter()
    correct: Counter[str] = Counter()
    tokens = 0
    for index, (gold, pred) in enumerate(zip(gold_seqs, pred_seqs)):
        gold_tags = [_tag_of(x) for x in gold]
        pred_tags = [_tag_of(x) for x in pred]
        if len(gold_tags) != len(pred_tags):
            raise EvalError(
                f"sentence {index}: {len(gold_tags)} gold tags but {len(pred_tags)} predicted"
            )
        tokens += len(gold_tags)
        gold_entities = set(entities_from_bio(gold_tags))
        pred_entities = set(entities_from_bio(pred_tags))
        gold_count.update(e[0] for e in gold_entities)
        pred_count.update(e[0] for e in pred_entities)
        correct.update(e[0] for e in gold_entities & pred_entities)
    types = sorted(set(gold_count) | set(pred_count))
    return {
        "per_type": {t: _prf(correct[t], pred_count[t], gold_count[t]) for t in types},
        "micro": _prf(sum(correct.values()), sum(pred_count.values()), sum(gold_count.values())),
        "sentences": len(gold_seqs),
        "tokens": tokens,
    }


def _tag_of(item: str | tuple[str, str]) -> str:
    return item if isinstance(item, str) else item[1]


def evaluate_file(path: str | Path, recognizer: _Tagger) -> dict[str, Any]:
    """Tag every sentence of a CoNLL file with ``recognizer`` and score it; adds tokens/s.

    A recognizer with ``tag_document`` gets the file's sentences in order as one document (its
    second stage pools mentions over neighbouring sentences); otherwise ``tag`` is called per
    sentence.
    """
    sentences = read_conll(path)
    gold = [[tag for _, tag in sent] for sent in sentences]
    tokens = [[tok for tok, _ in sent] for sent in sentences]
    started = time.perf_counter()
    tag_document = getattr(recognizer, "tag_document", None)
    if tag_document is not None:
        tagged = tag_document(tokens)
    else:
        tagged = [recognizer.tag(sent) for sent in tokens]
    pred = [[tag for tag, _ in sent] for sent in tagged]
    elapsed = time.perf_counter() - started
    result = score(gold, pred)
    result["path"] = str(path)
    result["seconds"] = round(elapsed, 3)
    result["tokens_per_second"] = round(result["tokens"] / elapsed, 1) if elapsed > 0 else None
    return result
