"""Scoring events and quotes: the gold file's shape, the matching rules on tiny files, malformed
records, and pinned floors on the shipped gold (dev part tuned on, test part held out)."""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path

import pytest

from marsad.errors import EvalError
from marsad.evaluation.events import (
    DEFAULT_GOLD,
    evaluate_events,
    evaluate_quotes,
    format_report,
    read_gold,
)
from marsad.extract.events import PLOVER_TYPES


def write_gold(tmp_path: Path, records: list[dict]) -> Path:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n",
                    encoding="utf-8")
    return path


def record(sentence: str, events: list[dict] | None = None, quotes: list[dict] | None = None,
           rid: str = "t-1") -> dict:
    return {"id": rid, "sentence": sentence, "entities": [], "events": events or [],
            "quotes": quotes or []}


def test_shipped_gold_covers_every_type() -> None:
    records = read_gold(DEFAULT_GOLD)
    assert len(records) >= 200
    counts = Counter(e["type"] for r in records for e in r["events"])
    assert all(counts[t] >= 8 for t in PLOVER_TYPES), counts
    events = [e for r in records for e in r["events"]]
    assert sum(e["negated"] for e in events) >= 10 and sum(e["speculative"] for e in events) >= 10
    assert sum(1 for r in records if not r["events"]) >= 20
    assert sum(len(r["quotes"]) for r in records) >= 25


def test_dev_and_test_parts_split_every_fifth_line() -> None:
    dev, test = read_gold(DEFAULT_GOLD, "dev"), read_gold(DEFAULT_GOLD, "test")
    every = read_gold(DEFAULT_GOLD)
    assert len(dev) + len(test) == len(every)
    assert {r["id"] for r in test} == {r["id"] for i, r in enumerate(every) if i % 5 == 4}


def test_trigger_overlap_and_type_make_a_match(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [
        record("فرضت الولايات المتحدة عقوبات جديدة على روسيا.",
               [{"type": "SANCTION", "trigger": "فرضت … عقوبات", "actor": "الولايات المتحدة",
                 "recipient": "روسيا", "negated": False, "speculative": False}]),
        record("ارتفعت أسعار النفط خلال تعاملات اليوم.", rid="t-2"),
    ])
    result = evaluate_events(gold, mentions="none")
    assert result["micro"]["f1"] == 1.0
    assert result["per_type"]["SANCTION"]["tp"] == 1
    assert result["actor_accuracy"] == result["recipient_accuracy"] == 1.0


def test_wrong_type_counts_as_miss_and_spurious(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [
        record("اعتقلت الشرطة خمسة أشخاص.",
               [{"type": "ASSAULT", "trigger": "اعتقلت", "actor": "الشرطة", "recipient": None,
                 "negated": False, "speculative": False}]),
    ])
    result = evaluate_events(gold, mentions="none")
    assert result["per_type"]["ASSAULT"]["fn"] == 1 and result["per_type"]["COERCE"]["fp"] == 1
    assert result["micro"]["f1"] == 0.0


def test_quotes_are_scored_by_kind_and_span(tmp_path: Path) -> None:
    gold = write_gold(tmp_path, [
        record("قال مصدر مطلع إن الوفد سيصل غدا.",
               quotes=[{"speaker": "مصدر مطلع", "quote": "الوفد سيصل غدا", "kind": "reported",
                        "anonymous": True}]),
        record("وقال الوزير: «لن نقبل بأي حلول منقوصة».", rid="t-2",
               quotes=[{"speaker": "الوزير", "quote": "لن نقبل بأي حلول منقوصة",
                        "kind": "reported", "anonymous": False}]),
    ])
    result = evaluate_quotes(gold)
    reported, direct = result["per_kind"]["reported"], result["per_kind"]["direct"]
    assert (reported["tp"], reported["fn"], direct["fp"]) == (1, 1, 1)  # the second is direct
    assert result["anonymous_accuracy"] == 1.0
    assert "quotes" in format_report(evaluate_events(gold), result)


@pytest.mark.parametrize("line, message", [
    ("{not json", "not JSON"),
    (json.dumps({"id": "x"}), "sentence"),
    (json.dumps(record("هدد الرئيس بالرد.", [{"type": "THREAT", "trigger": "هدد"}])), "type"),
    (json.dumps(record("هدد الرئيس بالرد.", [{"type": "THREATEN", "trigger": "توعد"}])), "trigger"),
    (json.dumps(record("قال الوزير إن الوضع مستقر.",
                       quotes=[{"quote": "الوضع", "kind": "said"}])), "kind"),
])
def test_malformed_records_name_the_line(tmp_path: Path, line: str, message: str) -> None:
    path = tmp_path / "bad.jsonl"
    path.write_text(json.dumps(record("اتفق الطرفان.")) + "\n" + line + "\n", encoding="utf-8")
    with pytest.raises(EvalError, match=rf"bad.jsonl:2: .*{message}"):
        read_gold(path)


@pytest.mark.parametrize("part, events_floor, quotes_floor", [
    ("dev", 0.95, 0.9),
    ("test", 0.85, 0.8),
])
def test_scores_stay_above_pinned_floors(part: str, events_floor: float, quotes_floor: float) -> None:
    # Measured: dev events F1 0.98, quotes 0.96; test events 0.92, quotes 0.91 (see docs/events.md)
    assert evaluate_events(DEFAULT_GOLD, part)["micro"]["f1"] >= events_floor
    assert evaluate_quotes(DEFAULT_GOLD, part)["micro"]["f1"] >= quotes_floor
