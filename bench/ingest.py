"""Ingest benchmark: articles/s and MB/s for read + analyze + index + store on the 6,000
articles of ../shared/data/news, printed next to a plain read+normalize baseline measured in
the same run on the same file.

    .venv/bin/python bench/ingest.py [--path FILE] [--db FILE] [--workers N] [--runner local,ray]

``--runner local,ray`` runs the ingest once per runner (a fresh database each), so the Ray
runner's figure (its start-up included) is printed beside the local one from the same run.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared")) / "data/news/saudinewsnet_sample_train.jsonl"


def baseline(path: Path) -> tuple[int, float]:
    """Read each JSON line and normalize title + content: the floor any ingest pays."""
    from marsad.text.normalize import normalize_for_matching

    t = time.perf_counter()
    n = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            normalize_for_matching(rec.get("title", "") + "\n" + rec.get("content", ""))
            n += 1
    return n, time.perf_counter() - t


def full(path: Path, db: Path, workers: int, runner: str = "local") -> tuple[int, float, dict]:
    from marsad.ingest.read import read_paths
    from marsad.pipeline import Runner, ingest
    from marsad.store import open_store

    store = open_store(db)
    t = time.perf_counter()
    report = ingest(store, read_paths([str(path)]), paths=[str(path)], runner=Runner(runner, workers))
    seconds = time.perf_counter() - t
    stats = store.stats()
    store.close()
    return report.new + report.known, seconds, {"new": report.new, "known": report.known,
                                                "skipped": report.skipped, "stored": stats["articles"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--path", type=Path, default=DEFAULT)
    ap.add_argument("--db", type=Path, default=None, help="database to write (default: a temp file)")
    ap.add_argument("--workers", type=int, default=2, help="recognizer processes (as `marsad ingest`)")
    ap.add_argument("--runner", default="local", help="comma-separated runners to time: local, ray")
    args = ap.parse_args()
    if not args.path.exists():
        print(f"skipped: {args.path} is not present (needs ../shared/data/news)")
        return 0
    mb = args.path.stat().st_size / 1e6
    n0, t0 = baseline(args.path)
    rows = []
    for runner in args.runner.split(","):
        with tempfile.TemporaryDirectory() as tmp:
            db = args.db if args.db and runner == "local" else Path(tmp) / "bench.db"
            rows.append((runner, *full(args.path, db, args.workers, runner)))
    print(f"input: {args.path.name}, {mb:.1f} MB, cores: {os.cpu_count()}, recognizer workers: {args.workers}")
    print(f"{'stage':<40}{'articles':>9}{'seconds':>9}{'articles/s':>12}{'MB/s':>8}")
    print(f"{'baseline read+normalize':<40}{n0:>9}{t0:>9.2f}{n0 / t0:>12.0f}{mb / t0:>8.2f}")
    for runner, n1, t1, counts in rows:
        label = f"marsad ingest, {runner} runner"
        print(f"{label:<40}{n1:>9}{t1:>9.2f}{n1 / t1:>12.0f}{mb / t1:>8.2f}")
        print(f"  costs {t1 / t0:.1f}x the baseline; {counts}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
