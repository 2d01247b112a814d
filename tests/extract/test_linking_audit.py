"""scripts/audit_entities.py: the duplicate-entry checker flags look-alike pairs, and only those."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from marsad.extract.linking import load_registry

SCRIPT = Path(__file__).resolve().parents[2] / "scripts" / "audit_entities.py"


@pytest.fixture(scope="module")
def audit():  # noqa: ANN201
    spec = importlib.util.spec_from_file_location("audit_entities", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    sys.modules["audit_entities"] = module
    spec.loader.exec_module(module)
    return module


def row(audit, rank: int, entity_id: str, entity_type: str, name: str, *aliases: str, qid: str | None = None):  # noqa: ANN001, ANN201
    return audit.Row(rank, entity_id, entity_type, name, 10, 20, qid, None, [name, *aliases])


@pytest.mark.parametrize(
    ("a", "b"),
    [("يورو", "اليورو"), ("الله", "لله"), ("أمريكا", "امريكا"), ("سلمان بن عبدالعزيز آل سعود", "سلمان بن عبد العزيز")],
)
def test_spelling_variants_share_a_key(audit, a: str, b: str) -> None:  # noqa: ANN001
    assert audit.name_keys(a) & audit.name_keys(b)


@pytest.mark.parametrize(
    ("a", "b", "reason"),
    [
        (("m:MISC:1", "MISC", "يورو"), ("m:MISC:2", "MISC", "اليورو"), "same-name"),
        (("m:PERS:1", "PERS", "ستيف ويتكوف"), ("m:PERS:2", "PERS", "ويتكوف"), "contained"),
        (("m:PERS:1", "PERS", "ستيف ويتكوف"), ("m:PERS:2", "PERS", "ستيف ويتكووف"), "similar"),
        (("Q30", "LOC", "الولايات المتحدة"), ("m:LOC:9", "LOC", "الأمريكيين"), "registry"),
    ],
)
def test_duplicate_pairs_are_flagged(audit, a: tuple, b: tuple, reason: str) -> None:  # noqa: ANN001
    reasons = audit.pair_reasons(row(audit, 1, *a), row(audit, 2, *b), load_registry(), 90.0)
    assert any(r.startswith(reason) for r in reasons), reasons


@pytest.mark.parametrize(
    ("a", "b"),
    [
        (("Q858", "LOC", "سوريا"), ("Q39", "LOC", "سويسرا")),  # short skeletons collide (سر)
        (("m:PERS:1", "PERS", "محمد بن سلمان"), ("m:PERS:2", "PERS", "محمد بن نايف")),
        (("Q142", "LOC", "فرنسا"), ("Q183", "LOC", "ألمانيا")),
    ],
)
def test_different_entities_are_not_flagged(audit, a: tuple, b: tuple) -> None:  # noqa: ANN001
    assert audit.pair_reasons(row(audit, 1, *a), row(audit, 2, *b), load_registry(), 90.0) == []


def test_known_different_pairs_are_recognized_in_any_spelling(audit) -> None:  # noqa: ANN001
    city = row(audit, 1, "Q3692", "LOC", "الرياض")
    paper = row(audit, 2, "m:ORG:x", "ORG", "الرياض")
    assert audit.known_reason(city, paper) and audit.known_reason(paper, city)
    flagged = audit.audit([city, paper], 2, load_registry(), 90.0)
    assert len(flagged) == 1 and flagged[0]["known"]
    other = row(audit, 2, "m:LOC:y", "LOC", "رياض")
    assert audit.known_reason(city, other) is None
