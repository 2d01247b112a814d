"""Text-layer benchmark: MB/s of search_terms(), tokenize() and analyze() on the news sample.

    .venv/bin/python bench/text_terms.py [--path FILE] [--limit N] [--rounds 3]

Each text is an article's title + content (UTF-8 bytes counted). Round 1 starts with empty caches
(cold: word statistics loaded, every distinct word split and stemmed once); later rounds are warm,
as in a long ingest. Times are CPU seconds of one process on one core.
"""

from __future__ import annotations

import argparse
import json
import os
import time
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data/news/saudinewsnet_sample_train.jsonl"


def load(path: Path, limit: int | None) -> list[str]:
    texts = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines):
            if limit is not None and number >= limit:
                break
            record = json.loads(line)
            texts.append(record.get("title", "") + "\n" + record.get("content", ""))
    return texts


def timed(texts: list[str], fn: Callable[[str], object]) -> float:
    """CPU seconds of this process (the machine may be shared; wall time would count others)."""
    started = time.process_time()
    for text in texts:
        fn(text)
    return time.process_time() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--path", type=Path, default=DEFAULT)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()

    from marsad.text import analyze, search_terms, tokenize

    texts = load(args.path, args.limit)
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    print(f"{len(texts):,} articles, {megabytes:.1f} MB of UTF-8 from {args.path}")
    for name, fn in (
        ("search_terms", search_terms),
        ("tokenize", tokenize),
        ("analyze", lambda text: analyze("bench", text)),
    ):
        runs = [timed(texts, fn) for _ in range(args.rounds)]
        speeds = ", ".join(f"{megabytes / s:.1f}" for s in runs)
        print(f"{name:13s} MB/s per round: {speeds}  (best {megabytes / min(runs):.1f})")


if __name__ == "__main__":
    main()
