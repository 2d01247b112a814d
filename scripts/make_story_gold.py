"""Derive story gold labels for ../shared/data/news: articles with identical normalized content,
or an identical normalized title from another outlet, are one story (union-find); every other
article is its own story. Writes JSONL with a `story` field for `marsad eval stories`.

    .venv/bin/python scripts/make_story_gold.py [--input FILE] [-o OUT] [--titles/--no-titles]

The output is derived from research-only data: keep it out of the repository.
"""

from __future__ import annotations

import argparse
import json
import os
from pathlib import Path

from marsad.ingest.article import matching_key

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--input", type=Path, default=SHARED / "data/news/saudinewsnet_sample_train.jsonl")
    ap.add_argument("-o", "--output", type=Path, default=Path("/tmp/news_story_gold.jsonl"))
    ap.add_argument("--no-titles", action="store_true", help="identical content only")
    ap.add_argument("--lead-words", type=int, default=0,
                    help="also join cross-outlet articles whose content starts with the same N "
                         "normalized words (wire copy with an edited tail); 0 = off")
    args = ap.parse_args()
    records = [json.loads(line) for line in open(args.input, encoding="utf-8")]
    parent = list(range(len(records)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    first: dict[tuple[str, str], int] = {}
    for i, r in enumerate(records):
        keys = [("content", matching_key(r.get("content", "")))]
        if not args.no_titles:
            keys.append(("title", matching_key(r.get("title", ""))))
        if args.lead_words:
            words = matching_key(r.get("content", "")).split()
            if len(words) >= 2 * args.lead_words:
                keys.append(("lead", " ".join(words[: args.lead_words])))
        for kind, key in keys:
            if not key:
                continue
            j = first.setdefault((kind, key), i)
            if j != i and (kind == "content" or records[j].get("source") != r.get("source")):
                # titles and leads join across outlets only: one outlet reuses its own templates
                parent[find(i)] = find(j)
    with open(args.output, "w", encoding="utf-8") as out:
        for i, r in enumerate(records):
            out.write(json.dumps({**r, "story": f"g{find(i)}"}, ensure_ascii=False) + "\n")
    groups = {}
    for i in range(len(records)):
        groups.setdefault(find(i), []).append(i)
    multi = [g for g in groups.values() if len(g) > 1]
    print(f"{len(records)} articles, {len(groups)} gold stories, {len(multi)} with 2+ members "
          f"({sum(map(len, multi))} articles) → {args.output}")


if __name__ == "__main__":
    main()
