"""Scoring events and quotes against the hand-annotated gold file ``data/gold/events_quotes.jsonl``.

Gold format (one JSON object per line, see ``docs/events.md``)::

    {"id": "eq-001", "sentence": "...", "entities": [{"text": "روسيا", "type": "LOC"}, ...],
     "events": [{"type", "trigger", "actor", "recipient", "negated", "speculative"}],
     "quotes": [{"speaker", "quote", "kind", "anonymous"}]}

Strings are copied from the sentence; a trigger may name its parts with " … " (``فرض … العقوبات``).

Event match: same type and the predicted trigger overlaps the gold trigger (any part). Actor and
recipient are scored separately on matched events (right when both are empty or the spans overlap).
Quote match: same kind and overlapping quote spans; speaker and anonymity scored on matches.

Honesty: the file is split into a **dev** part (lines whose 0-based index % 5 != 4) used while
writing the lexicon, and a **test** part (every 5th line) that is not looked at while tuning.

``entities`` lists the names in the sentence; with ``mentions="gold"`` they become the
``Mention`` input (an oracle NER, as the extractor expects NER/linking output); with
``mentions="none"`` the extractor has only its own actor lexicon.
"""

from __future__ import annotations

import argparse
import json
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from marsad.errors import EvalError
from marsad.extract.events import PLOVER_TYPES, Event, SentenceSpan, extract_events
from marsad.extract.quotes import Quote, extract_quotes
from marsad.extract.records import Mention

__all__ = [
    "benchmark_extraction",
    "evaluate_events",
    "evaluate_quotes",
    "format_report",
    "read_gold",
]

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "data" / "gold" / "events_quotes.jsonl"
PARTS = ("all", "dev", "test")
TEST_EVERY = 5


# --- reading -----------------------------------------------------------------------------------


def read_gold(path: str | Path = DEFAULT_GOLD, part: str = "all") -> list[dict[str, Any]]:
    """Gold records of one part; raises EvalError naming the line of a malformed record."""
    if part not in PARTS:
        raise EvalError(f"unknown part {part!r}: use one of {', '.join(PARTS)}")
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise EvalError(f"{path}: cannot read gold file ({exc})") from exc
    records: list[dict[str, Any]] = []
    index = 0
    for lineno, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            rec = json.loads(line)
        except json.JSONDecodeError as exc:
            raise EvalError(f"{path}:{lineno}: not JSON ({exc.msg})") from exc
        _validate(rec, f"{path}:{lineno}")
        in_test = index % TEST_EVERY == TEST_EVERY - 1
        index += 1
        if part == "all" or (part == "test") == in_test:
            records.append(rec)
    return records


def _validate(rec: Any, where: str) -> None:
    if not isinstance(rec, dict) or not isinstance(rec.get("sentence"), str):
        raise EvalError(f"{where}: a record needs a string 'sentence'")
    sentence = rec["sentence"]
    for ev in rec.get("events", []):
        if ev.get("type") not in PLOVER_TYPES:
            raise EvalError(f"{where}: unknown event type {ev.get('type')!r}")
        for part in str(ev.get("trigger", "")).split(" … "):
            if not part or part not in sentence:
                raise EvalError(f"{where}: trigger part {part!r} is not in the sentence")
        for key in ("actor", "recipient"):
            if ev.get(key) and ev[key] not in sentence:
                raise EvalError(f"{where}: {key} {ev[key]!r} is not in the sentence")
    for q in rec.get("quotes", []):
        if q.get("kind") not in ("direct", "reported"):
            raise EvalError(f"{where}: quote kind must be 'direct' or 'reported'")
        if not q.get("quote") or q["quote"] not in sentence:
            raise EvalError(f"{where}: quote {q.get('quote')!r} is not in the sentence")
        if q.get("speaker") and q["speaker"] not in sentence:
            raise EvalError(f"{where}: speaker {q['speaker']!r} is not in the sentence")


def _spans(sentence: str, text: str | None) -> list[tuple[int, int]]:
    """Every occurrence of ``text`` (or of each " … " part) in the sentence."""
    if not text:
        return []
    out: list[tuple[int, int]] = []
    for part in text.split(" … "):
        start = sentence.find(part)
        while start >= 0:
            out.append((start, start + len(part)))
            start = sentence.find(part, start + 1)
    return out


def _overlaps(a: tuple[int, int], spans: Iterable[tuple[int, int]]) -> bool:
    return any(a[0] < e and s < a[1] for s, e in spans)


def gold_mentions(rec: dict[str, Any]) -> list[Mention]:
    """The record's entity strings as mentions (every occurrence), for oracle-NER scoring."""
    sentence = rec["sentence"]
    out: list[Mention] = []
    for entity in rec.get("entities", []):
        name, label = (entity, "MISC") if isinstance(entity, str) else (entity["text"], entity["type"])
        for s, e in _spans(sentence, name):
            out.append(Mention(s, e, sentence[s:e], label, None, 1.0, 0, via="gold"))
    return out


def _run(rec: dict[str, Any], mentions: str) -> tuple[list[Event], list[Quote]]:
    sentence = rec["sentence"]
    sentences = [SentenceSpan(0, 0, len(sentence), sentence)]
    given = gold_mentions(rec) if mentions == "gold" else []
    return extract_events(sentence, sentences, given), extract_quotes(sentence, sentences, given)


# --- scoring -----------------------------------------------------------------------------------


def _prf(tp: int, fp: int, fn: int) -> dict[str, float | int]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"precision": round(p, 3), "recall": round(r, 3), "f1": round(f, 3),
            "tp": tp, "fp": fp, "fn": fn}


def _role_right(sentence: str, gold: str | None, pred: tuple[int, int] | None) -> bool:
    if not gold:
        return pred is None
    return pred is not None and _overlaps(pred, _spans(sentence, gold))


def evaluate_events(path: str | Path = DEFAULT_GOLD, part: str = "all",
                    mentions: str = "gold") -> dict[str, Any]:
    """Per-type and micro precision/recall/F1 of events, with actor, recipient, negation and
    speculation accuracy on matched events."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    roles = Counter()
    errors: list[dict[str, Any]] = []
    records = read_gold(path, part)
    for rec in records:
        sentence = rec["sentence"]
        predicted, _ = _run(rec, mentions)
        unmatched = list(predicted)
        for gold in rec.get("events", []):
            trigger_spans = _spans(sentence, gold["trigger"])
            hit = next((p for p in unmatched if p.type == gold["type"]
                        and _overlaps((p.trigger_start, p.trigger_end), trigger_spans)), None)
            if hit is None:
                fn[gold["type"]] += 1
                errors.append({"id": rec["id"], "miss": gold})
                continue
            unmatched.remove(hit)
            tp[gold["type"]] += 1
            roles["matched"] += 1
            actor = (hit.actor.start, hit.actor.end) if hit.actor else None
            recipient = (hit.recipient.start, hit.recipient.end) if hit.recipient else None
            roles["actor"] += _role_right(sentence, gold.get("actor"), actor)
            roles["recipient"] += _role_right(sentence, gold.get("recipient"), recipient)
            roles["negated"] += hit.negated == bool(gold.get("negated"))
            roles["speculative"] += hit.speculative == bool(gold.get("speculative"))
            if gold.get("actor"):
                roles["gold_actor"] += 1
                roles["gold_actor_found"] += _role_right(sentence, gold["actor"], actor)
        for p in unmatched:
            fp[p.type] += 1
            errors.append({"id": rec["id"], "spurious": {"type": p.type, "trigger": p.trigger}})
    per_type = {t: _prf(tp[t], fp[t], fn[t]) for t in PLOVER_TYPES}
    matched = roles["matched"] or 1
    return {
        "part": part, "mentions": mentions, "sentences": len(records),
        "gold_events": sum(tp.values()) + sum(fn.values()),
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_type": per_type,
        "actor_accuracy": round(roles["actor"] / matched, 3),
        "actor_recall_named": round(roles["gold_actor_found"] / (roles["gold_actor"] or 1), 3),
        "recipient_accuracy": round(roles["recipient"] / matched, 3),
        "negated_accuracy": round(roles["negated"] / matched, 3),
        "speculative_accuracy": round(roles["speculative"] / matched, 3),
        "errors": errors,
    }


def evaluate_quotes(path: str | Path = DEFAULT_GOLD, part: str = "all",
                    mentions: str = "gold") -> dict[str, Any]:
    """Per-kind precision/recall/F1 of quotes, with speaker and anonymity accuracy on matches."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    roles = Counter()
    errors: list[dict[str, Any]] = []
    records = read_gold(path, part)
    for rec in records:
        sentence = rec["sentence"]
        _, predicted = _run(rec, mentions)
        unmatched = list(predicted)
        for gold in rec.get("quotes", []):
            spans = _spans(sentence, gold["quote"])
            hit = next((p for p in unmatched if p.kind == gold["kind"]
                        and _overlaps((p.start, p.end), spans)), None)
            if hit is None:
                fn[gold["kind"]] += 1
                errors.append({"id": rec["id"], "miss": gold})
                continue
            unmatched.remove(hit)
            tp[gold["kind"]] += 1
            roles["matched"] += 1
            speaker = (hit.speaker.start, hit.speaker.end) if hit.speaker else None
            roles["speaker"] += _role_right(sentence, gold.get("speaker"), speaker)
            roles["anonymous"] += hit.anonymous == bool(gold.get("anonymous"))
            roles["exact"] += hit.text == gold["quote"]
        for p in unmatched:
            fp[p.kind] += 1
            errors.append({"id": rec["id"], "spurious": {"kind": p.kind, "quote": p.text}})
    matched = roles["matched"] or 1
    return {
        "part": part, "mentions": mentions, "sentences": len(records),
        "gold_quotes": sum(tp.values()) + sum(fn.values()),
        "micro": _prf(sum(tp.values()), sum(fp.values()), sum(fn.values())),
        "per_kind": {k: _prf(tp[k], fp[k], fn[k]) for k in ("direct", "reported")},
        "speaker_accuracy": round(roles["speaker"] / matched, 3),
        "anonymous_accuracy": round(roles["anonymous"] / matched, 3),
        "exact_text": round(roles["exact"] / matched, 3),
        "errors": errors,
    }


def format_report(events: dict[str, Any] | None, quotes: dict[str, Any] | None = None) -> str:
    """A plain-text table of the scores (what the CLI prints)."""
    lines: list[str] = []
    if events is not None:
        lines += _events_lines(events)
    if quotes is not None:
        lines += _quotes_lines(quotes)
    return "\n".join(lines)


def _events_lines(events: dict[str, Any]) -> list[str]:
    lines = [f"events — part={events['part']} mentions={events['mentions']} "
             f"sentences={events['sentences']} gold={events['gold_events']}",
             f"{'type':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, s in [*events["per_type"].items(), ("MICRO", events["micro"])]:
        lines.append(f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                     f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    lines.append(
        f"on matched events: actor {events['actor_accuracy']:.3f} "
        f"(named actors found {events['actor_recall_named']:.3f}), recipient "
        f"{events['recipient_accuracy']:.3f}, negated {events['negated_accuracy']:.3f}, "
        f"speculative {events['speculative_accuracy']:.3f}")
    return lines


def _quotes_lines(quotes: dict[str, Any]) -> list[str]:
    lines = [f"quotes — part={quotes['part']} gold={quotes['gold_quotes']}",
             f"{'kind':<10} {'P':>6} {'R':>6} {'F1':>6} {'tp':>4} {'fp':>4} {'fn':>4}"]
    for name, s in [*quotes["per_kind"].items(), ("MICRO", quotes["micro"])]:
        lines.append(f"{name:<10} {s['precision']:>6.3f} {s['recall']:>6.3f} {s['f1']:>6.3f} "
                     f"{s['tp']:>4} {s['fp']:>4} {s['fn']:>4}")
    lines.append(f"on matched quotes: speaker {quotes['speaker_accuracy']:.3f}, anonymous "
                 f"{quotes['anonymous_accuracy']:.3f}, exact text {quotes['exact_text']:.3f}")
    return lines


# --- speed -------------------------------------------------------------------------------------


def benchmark_extraction(news_jsonl: str | Path, limit: int = 1000) -> dict[str, Any]:
    """Full extraction (sentences, events, quotes, tone, signals) over the ``content`` of the first
    ``limit`` articles of a JSONL file, on one core; returns articles per second."""
    from marsad.extract.events import sentences_of
    from marsad.extract.signals import credibility_signals
    from marsad.extract.tone import score_tone

    articles: list[dict[str, Any]] = []
    with open(news_jsonl, encoding="utf-8") as f:
        for line in f:
            if len(articles) >= limit:
                break
            rec = json.loads(line)
            articles.append({"title": rec.get("title") or "", "body": rec.get("content") or "",
                             "source": rec.get("source"), "footer_removed": False})
    counts: Counter[str] = Counter()
    started, cpu_started = time.perf_counter(), time.process_time()
    for art in articles:
        body = art["body"]
        sentences = sentences_of(body)
        events = extract_events(body, sentences, ())
        quotes = extract_quotes(body, sentences, ())
        score_tone(body, sentences)
        signals = credibility_signals(art, sentences=sentences, quotes=quotes, events=events)
        counts["events"] += len(events)
        counts["quotes"] += len(quotes)
        counts["signals"] += len(signals)
        counts["chars"] += len(body)
    elapsed = time.perf_counter() - started
    cpu = time.process_time() - cpu_started
    return {"articles": len(articles), "seconds": round(elapsed, 3),
            "articles_per_second": round(len(articles) / elapsed, 1) if elapsed else 0.0,
            "cpu_seconds": round(cpu, 3),
            "articles_per_cpu_second": round(len(articles) / cpu, 1) if cpu else 0.0,
            **counts}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m marsad.evaluation.events",
                                     description="Score events and quotes against the gold file.")
    parser.add_argument("gold", nargs="?", default=str(DEFAULT_GOLD))
    parser.add_argument("--part", choices=PARTS, default="all")
    parser.add_argument("--mentions", choices=("gold", "none"), default="gold")
    parser.add_argument("--errors", action="store_true", help="list misses and spurious matches")
    parser.add_argument("--bench", metavar="NEWS_JSONL", help="measure extraction speed instead")
    parser.add_argument("--limit", type=int, default=1000)
    args = parser.parse_args(argv)
    if args.bench:
        print(json.dumps(benchmark_extraction(args.bench, args.limit), ensure_ascii=False))
        return 0
    ev = evaluate_events(args.gold, args.part, args.mentions)
    qu = evaluate_quotes(args.gold, args.part, args.mentions)
    print(format_report(ev, qu))
    if args.errors:
        for err in ev["errors"] + qu["errors"]:
            print(json.dumps(err, ensure_ascii=False))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
