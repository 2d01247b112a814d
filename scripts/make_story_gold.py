"""Derive story gold labels for ../shared/data/news, written as JSONL with a `story` field for
`marsad eval stories`.

Articles are joined into one gold story (union-find) when they have

- identical normalized content (any outlets: wire copy republished word for word);
- an identical normalized title, from another outlet (unless ``--no-titles``);
- with ``--lead-words N``: the same first N normalized words of content, from another outlet
  (wire copy with an edited tail);
- with ``--copies C``: from another outlet within ``--copy-days`` days, at least a share C of the
  shorter article's word 8-grams found in the longer one (lightly edited press releases). This
  uses exact 8-gram containment, not the clusterer's MinHash estimate over 3-word shingles, so
  it is an independent check on the "near" rule;
- with ``--judged FILE`` (``data/gold/news_story_judgments.tsv``): a pair judged ``same`` by a
  reader (the same occurrence of an event, told in other words). Identical-content rules only
  know copies, so they count every correct join of two outlets' own write-ups as a false merge;
  the judgments cover every join the default gold calls false at the shipped settings, plus the
  300 closest cross-outlet pairs the clusterer left apart (so misses count against recall too).

Every other article is its own story. The default (identical content or cross-outlet title) is
the gold the acceptance figures use; the stricter ``--no-titles`` and the more complete
``--lead-words 12 --copies 0.5`` bracket it (see docs/stories.md).

    .venv/bin/python scripts/make_story_gold.py [--input FILE] [-o OUT] [--no-titles]
        [--lead-words N] [--copies C] [--copy-days D]

The output is derived from research-only data: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
from collections import defaultdict
from collections.abc import Mapping, Sequence
from datetime import datetime
from pathlib import Path

from marsad.ingest.article import matching_key

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
COPY_SHINGLE = 8
# An 8-gram found in more articles than this is boilerplate (a dateline, a prayer, an outlet's
# footer), not evidence of copying.
COPY_MAX_DF = 20


def _day(record: dict) -> float | None:
    raw = str(record.get("date_extracted") or record.get("published_at") or "")
    try:
        return datetime.fromisoformat(raw.replace(" ", "T")[:19]).timestamp() / 86400
    except ValueError:
        return None


def _shingles(key: str) -> set[str]:
    words = key.split()
    return {" ".join(words[i:i + COPY_SHINGLE]) for i in range(len(words) - COPY_SHINGLE + 1)}


def read_judgments(path: Path) -> dict[tuple[str, str], str]:
    """(id, id) → ``same`` | ``diff`` | ``unsure``, from a TSV with a header row."""
    with open(path, encoding="utf-8") as f:
        rows = list(csv.DictReader(f, delimiter="\t"))
    return {(r["id_a"], r["id_b"]): r["label"] for r in rows}


def derive_gold(records: Sequence[dict], *, titles: bool = True, lead_words: int = 0,
                copies: float = 0.0, copy_days: float = 3.0,
                judged: Mapping[tuple[str, str], str] | None = None) -> list[str]:
    """Gold story label (``g<index of a member>``) of each record (``content``, ``title``,
    ``source`` and ``date_extracted`` fields; ``id`` for ``judged`` pairs)."""
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    contents = [matching_key(r.get("content", "")) for r in records]
    first: dict[tuple[str, str], int] = {}
    for i, r in enumerate(records):
        keys = [("content", contents[i])]
        if titles:
            keys.append(("title", matching_key(r.get("title", ""))))
        if lead_words:
            words = contents[i].split()
            if len(words) >= 2 * lead_words:
                keys.append(("lead", " ".join(words[:lead_words])))
        for kind, key in keys:
            if not key:
                continue
            j = first.setdefault((kind, key), i)
            if j != i and (kind == "content" or records[j].get("source") != r.get("source")):
                # titles and leads join across outlets only: one outlet reuses its own templates
                parent[find(i)] = find(j)
    if copies:
        for i, j in _copy_pairs(records, contents, copies, copy_days):
            parent[find(i)] = find(j)
    if judged:
        index = {r.get("id"): i for i, r in enumerate(records)}
        for (a, b), label in sorted(judged.items()):
            if label == "same" and a in index and b in index:
                parent[find(index[a])] = find(index[b])
    return [f"g{find(i)}" for i in range(len(records))]


def _copy_pairs(records: Sequence[dict], contents: list[str], share: float,
                days: float) -> list[tuple[int, int]]:
    shingles = [_shingles(c) for c in contents]
    postings: dict[str, list[int]] = defaultdict(list)
    for i, sh in enumerate(shingles):
        for h in sh:
            postings[h].append(i)
    overlap: dict[tuple[int, int], int] = defaultdict(int)
    for docs in postings.values():
        if len(docs) < 2 or len(docs) > COPY_MAX_DF:
            continue
        for a in range(len(docs)):
            for b in range(a + 1, len(docs)):
                overlap[docs[a], docs[b]] += 1
    times = [_day(r) for r in records]
    out = []
    for (i, j), n in sorted(overlap.items()):
        if records[i].get("source") == records[j].get("source"):
            continue
        if times[i] is not None and times[j] is not None and abs(times[i] - times[j]) > days:
            continue
        if n >= share * min(len(shingles[i]), len(shingles[j])):
            out.append((i, j))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--input", type=Path, default=SHARED / "data/news/saudinewsnet_sample_train.jsonl")
    ap.add_argument("-o", "--output", type=Path, default=Path("/tmp/news_story_gold.jsonl"))
    ap.add_argument("--no-titles", action="store_true", help="identical content only")
    ap.add_argument("--lead-words", type=int, default=0,
                    help="also join cross-outlet articles whose content starts with the same N "
                         "normalized words (wire copy with an edited tail); 0 = off")
    ap.add_argument("--copies", type=float, default=0.0,
                    help="also join cross-outlet articles sharing this share of the shorter one's "
                         "word 8-grams (edited copies); 0 = off")
    ap.add_argument("--copy-days", type=float, default=3.0)
    ap.add_argument("--judged", type=Path, help="also join pairs judged 'same' in this TSV "
                    "(data/gold/news_story_judgments.tsv)")
    args = ap.parse_args()
    with open(args.input, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()]
    labels = derive_gold(records, titles=not args.no_titles, lead_words=args.lead_words,
                         copies=args.copies, copy_days=args.copy_days,
                         judged=read_judgments(args.judged) if args.judged else None)
    with open(args.output, "w", encoding="utf-8") as out:
        for r, label in zip(records, labels):
            out.write(json.dumps({**r, "story": label}, ensure_ascii=False) + "\n")
    sizes: dict[str, int] = defaultdict(int)
    for label in labels:
        sizes[label] += 1
    multi = [n for n in sizes.values() if n > 1]
    print(f"{len(records)} articles, {len(sizes)} gold stories, {len(multi)} with 2+ members "
          f"({sum(multi)} articles) → {args.output}")


if __name__ == "__main__":
    main()
