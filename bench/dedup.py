"""Near-duplicate benchmark: marsad's MinHash + LSH against datasketch's, on one workload.

Workload: the 26,872 articles of ../shared/data/news_corpus plus synthetic rewrites
(``marsad.stories.synthetic``) of randomly chosen articles, up to ``--n`` documents (default
100,000; a smaller ``--n`` keeps the same originals : rewrites ratio). Every rewrite's source is
a known near-duplicate pair. The workload is built once and cached in the temp directory.

Each implementation runs in its own subprocess on the same texts, same shingles (3-word,
``marsad.stories.shingles``), same ``num_perm``, same threshold and the same LSH bands × rows:

- stage ``shingles``    texts → shingle hashes (the same code for both, timed in both)
- stage ``signatures``  shingles → MinHash signatures
        ours: one-permutation hashing, numpy over the batch
        datasketch: ``MinHash.bulk`` with 32-bit shingle hashes as Python ints and an identity
        ``hashfunc`` (its fastest path here: 2.7x faster than hashing shingle bytes with its
        default SHA-1, faster than passing arrays; the ``tolist`` conversion is timed with it)
- stage ``index``       insert every signature into the LSH index
        ours: ``NearDuplicateIndex.add_many``; datasketch: ``MinHashLSH.insert`` one by one
        (its ``insertion_session`` is slower with in-memory storage)
- stage ``query``       every document queried against the index, candidates verified by
        estimated Jaccard >= threshold → the set of near-duplicate pairs
        ours: ``query_many`` over all signatures; datasketch: ``query`` + ``MinHash.jaccard``
  ours also times ``candidate_pairs()``, the self-join that yields the same pairs (asserted), as a
  second line and a second speedup: it is how marsad would dedup a whole collection, while
  datasketch has no such call.

Recall is given over all known pairs and over those whose exact Jaccard reaches the threshold
(an estimator with less variance finds fewer pairs just below the threshold by luck, so the
second figure is the fairer one), with the count of known pairs accepted below the threshold.

Printed per stage in wall-clock and process-CPU seconds (CPU time is steadier when the machine
is shared): articles/s end to end and without shingling, the speedups, and the peak-RSS growth of
each worker (VmHWM at the end of the timed stages minus RSS after loading the workload and
importing/warming the library, the peak being reset through /proc/self/clear_refs; it includes
the result sets the worker builds). ``--accuracy SEEDS`` adds the estimators' error against
exact Jaccard on the known pairs for several seeds (untimed).

    .venv/bin/python bench/dedup.py [--n 100000] [--datasketch-n N] [--threshold 0.5] [--accuracy 3]

``--datasketch-n`` runs datasketch on the first N documents only (then its throughput is
measured on N and labelled so). Skips with a message when ../shared is absent.
"""

from __future__ import annotations

import argparse
import gc
import gzip
import hashlib
import json
import os
import pickle
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
CORPUS = SHARED / "data" / "news_corpus" / "saudinewsnet_dev_period.jsonl.gz"
CORPUS_SIZE = 26_872
FULL_SIZE = 100_000


# --- workload ---------------------------------------------------------------------------------


def build_workload(n: int, seed: int) -> Path:
    """Texts (originals then rewrites) and known pairs, cached as a pickle in the temp dir."""
    from marsad.stories import _synonyms, synthetic
    from marsad.stories.synthetic import make_rewrites

    # The cache name carries a digest of the generator's code, so a changed generator rebuilds.
    code = Path(synthetic.__file__).read_bytes() + Path(_synonyms.__file__).read_bytes()
    digest = hashlib.sha256(code).hexdigest()[:10]
    path = Path(tempfile.gettempdir()) / f"marsad-bench-dedup-n{n}-s{seed}-{digest}.pkl"
    if path.exists():
        return path

    originals = min(CORPUS_SIZE, max(1, round(n * CORPUS_SIZE / FULL_SIZE)))
    records = []
    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        for line in f:
            record = json.loads(line)
            records.append((record.get("title") or "", record.get("content") or ""))
            if len(records) == originals:
                break
    texts = [f"{title}\n{body}" for title, body in records]
    rng = np.random.default_rng(seed)
    sources = rng.integers(0, len(records), n - len(records))
    started = time.perf_counter()
    pairs = []
    for i, source in enumerate(sources.tolist()):
        title, body = records[source]
        rewrite = make_rewrites(title, body, 1, seed=seed * 1_000_003 + i)[0]
        pairs.append((len(texts), source))
        texts.append(f"{rewrite.title}\n{rewrite.body}")
    print(f"workload: {len(records):,} originals + {len(pairs):,} rewrites "
          f"(generated in {time.perf_counter() - started:.0f} s), cached in {path}", flush=True)
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump({"texts": texts, "pairs": np.array(pairs, dtype=np.int64)}, f, protocol=5)
    tmp.rename(path)
    return path


# --- workers (each in its own process) ---------------------------------------------------------


class Stopwatch:
    """Wall-clock and process CPU seconds per stage (CPU time is steadier on a shared machine)."""

    def __init__(self) -> None:
        self.wall: dict[str, float] = {}
        self.cpu: dict[str, float] = {}
        self._stage: str | None = None

    def start(self, stage: str) -> None:
        self.stop()
        self._stage, self._wall, self._cpu = stage, time.perf_counter(), time.process_time()

    def stop(self) -> None:
        if self._stage is not None:
            self.wall[self._stage] = self.wall.get(self._stage, 0.0) + time.perf_counter() - self._wall
            self.cpu[self._stage] = self.cpu.get(self._stage, 0.0) + time.process_time() - self._cpu
            self._stage = None

    def result(self) -> dict[str, dict[str, float]]:
        self.stop()
        return {"wall": self.wall, "cpu": self.cpu}


def _peak_rss_mb() -> float:
    """Peak resident memory of this process (VmHWM), in MB."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: KiB


def _reset_peak_rss() -> bool:
    """Reset the peak to the current RSS (Linux >= 4.0), so loading the workload is not counted."""
    try:
        Path("/proc/self/clear_refs").write_text("5")
        return True
    except OSError:
        return False


def _pairs_array(pairs: set[tuple[int, int]] | np.ndarray) -> np.ndarray:
    arr = np.array(sorted(pairs), dtype=np.int64) if isinstance(pairs, set) else pairs
    return arr.reshape(-1, 2)


def worker_ours(texts: list[str], args: argparse.Namespace) -> dict:
    from marsad.stories.minhash import MinHasher, NearDuplicateIndex
    from marsad.stories.shingles import iter_shingle_batches

    hasher = MinHasher(num_perm=args.num_perm, shingle_size=args.k)
    watch = Stopwatch()
    signatures = np.empty((len(texts), hasher.num_perm), dtype=np.uint32)
    done = 0
    batches = iter_shingle_batches(texts, k=args.k)
    while True:
        watch.start("shingles")
        batch = next(batches, None)
        if batch is None:
            break
        watch.start("signatures")
        signatures[done : done + len(batch)] = hasher.signatures_from_shingles(batch)
        done += len(batch)

    watch.start("index")
    index: NearDuplicateIndex[int] = NearDuplicateIndex(
        threshold=args.threshold, num_perm=hasher.num_perm, bands=args.bands, rows=args.rows
    )
    index.add_many(range(len(texts)), signatures)

    watch.start("query")
    results = index.query_many(signatures)
    found = {(min(q, k), max(q, k)) for q, hits in enumerate(results) for k, _ in hits if k != q}
    watch.stop()
    peak = _peak_rss_mb()  # before the untimed checks below

    candidates = index.query_many(signatures, verify=False)
    candidate_pairs = {(min(q, k), max(q, k)) for q, hits in enumerate(candidates) for k, _ in hits if k != q}
    join = Stopwatch()
    join.start("self_join")
    joined = index.candidate_pairs()
    join.stop()
    assert {(a, b) for a, b, _ in joined} == found, "candidate_pairs() and query_many() disagree"
    return {"times": watch.result(), "self_join": join.result(), "found": _pairs_array(found),
            "candidates": _pairs_array(candidate_pairs), "peak_rss_mb": peak}


def worker_datasketch(texts: list[str], args: argparse.Namespace) -> dict:
    from datasketch import MinHash, MinHashLSH

    from marsad.stories.shingles import iter_shingle_batches

    low32 = np.uint64(0xFFFFFFFF)
    identity = lambda value: value  # noqa: E731 - shingles are already hashed
    watch = Stopwatch()
    minhashes: list[MinHash] = []
    batches = iter_shingle_batches(texts, k=args.k)
    while True:
        watch.start("shingles")
        batch = next(batches, None)
        if batch is None:
            break
        watch.start("signatures")
        values = (batch.hashes & low32).tolist()
        offsets = batch.offsets.tolist()
        docs = (values[offsets[d] : offsets[d + 1]] for d in range(len(batch)))
        minhashes += MinHash.bulk(docs, num_perm=args.num_perm, hashfunc=identity)

    watch.start("index")
    lsh = MinHashLSH(threshold=args.threshold, num_perm=args.num_perm, params=(args.bands, args.rows))
    for key, minhash in enumerate(minhashes):
        lsh.insert(key, minhash, check_duplication=False)

    watch.start("query")
    found, candidate_pairs = set(), set()
    for q, minhash in enumerate(minhashes):
        for key in lsh.query(minhash):
            if key != q:
                pair = (min(q, key), max(q, key))
                candidate_pairs.add(pair)
                if minhash.jaccard(minhashes[key]) >= args.threshold:
                    found.add(pair)
    watch.stop()
    return {"times": watch.result(), "found": _pairs_array(found), "candidates": _pairs_array(candidate_pairs),
            "peak_rss_mb": _peak_rss_mb()}


def warm_up(worker: str) -> None:
    from marsad.stories.minhash import MinHasher

    if worker == "datasketch":
        import datasketch  # noqa: F401 - imports scipy; counted apart from the index's memory
    MinHasher().signatures(["نص قصير للتسخين فقط"])


def run_worker(args: argparse.Namespace) -> int:
    with open(args.workload, "rb") as f:
        texts = pickle.load(f)["texts"][: args.limit or None]
    warm_up(args.worker)  # imports and one-time tables, so the memory figure scales with n
    gc.collect()
    _reset_peak_rss()
    baseline = _peak_rss_mb()
    result = (worker_ours if args.worker == "ours" else worker_datasketch)(texts, args)
    result["rss_growth_mb"] = result.pop("peak_rss_mb") - baseline
    result["n"] = len(texts)
    with open(args.out, "wb") as f:
        pickle.dump(result, f)
    return 0


# --- driver -----------------------------------------------------------------------------------


def spawn(worker: str, workload: Path, limit: int, args: argparse.Namespace) -> dict:
    with tempfile.NamedTemporaryFile(suffix=".pkl", delete=False) as tmp:
        out = Path(tmp.name)
    command = [
        sys.executable, __file__, "--worker", worker, "--workload", str(workload), "--out", str(out),
        "--limit", str(limit), "--num-perm", str(args.num_perm), "--k", str(args.k),
        "--threshold", str(args.threshold), "--bands", str(args.bands), "--rows", str(args.rows),
    ]
    subprocess.run(command, check=True)
    with open(out, "rb") as f:
        result = pickle.load(f)
    out.unlink()
    return result


def exact_jaccard(texts: list[str], pairs: np.ndarray, k: int) -> np.ndarray:
    """Exact Jaccard of the shingle sets of every pair."""
    from marsad.stories.shingles import shingle_batch

    batch = shingle_batch(texts, k=k)
    out = np.zeros(len(pairs))
    for i, (a, b) in enumerate(pairs.tolist()):
        x, y = np.unique(batch[a]), np.unique(batch[b])
        inter = np.intersect1d(x, y, assume_unique=True).size
        union = x.size + y.size - inter
        out[i] = inter / union if union else 0.0
    return out


def accuracy(texts: list[str], known: np.ndarray, exact: np.ndarray, args: argparse.Namespace) -> None:
    """Estimator error of both MinHash variants on the known pairs, over several seeds (untimed)."""
    from datasketch import MinHash

    from marsad.stories.minhash import MinHasher, estimate_jaccard
    from marsad.stories.shingles import shingle_batch

    batch = shingle_batch(texts, k=args.k)
    low32 = np.uint64(0xFFFFFFFF)
    near = np.abs(exact - args.threshold) < 0.1
    print(f"estimator error on {len(known):,} known pairs ({near.sum():,} within 0.1 of the threshold):")
    for seed in range(1, args.accuracy + 1):
        signatures = MinHasher(num_perm=args.num_perm, seed=seed, shingle_size=args.k).signatures(texts)
        ours = estimate_jaccard(signatures[known[:, 0]], signatures[known[:, 1]])
        cache: dict[int, MinHash] = {}

        def sketch(doc: int) -> MinHash:
            if doc not in cache:
                cache[doc] = MinHash(num_perm=args.num_perm, seed=seed, hashfunc=lambda v: v)
                cache[doc].update_batch((batch[doc] & low32).tolist())
            return cache[doc]

        theirs = np.array([sketch(a).jaccard(sketch(b)) for a, b in known.tolist()])
        for name, estimate in (("marsad", ours), ("datasketch", theirs)):
            error = estimate - exact
            print(f"  seed {seed} {name:<10} RMSE {np.sqrt(np.mean(error**2)):.4f} (near threshold "
                  f"{np.sqrt(np.mean(error[near] ** 2)):.4f}), bias {error.mean():+.4f}; recall of pairs >= "
                  f"{args.threshold}: {np.mean(estimate[exact >= args.threshold] >= args.threshold):.4f}, "
                  f"pairs below accepted: {int(np.sum(estimate[exact < args.threshold] >= args.threshold))}")


def recall(found: np.ndarray, known: np.ndarray) -> float:
    if not len(known):
        return float("nan")
    width = int(max(found.max(initial=0), known.max(initial=0))) + 1
    found_codes = found[:, 0] * width + found[:, 1]
    low, high = known.min(axis=1), known.max(axis=1)
    return float(np.isin(low * width + high, found_codes).mean())


def report(name: str, result: dict, known: np.ndarray, exact: np.ndarray, threshold: float) -> dict:
    n = result["n"]
    above = exact >= threshold
    row = {"name": name, "n": n, "recall": recall(result["found"], known),
           "recall_above": recall(result["found"], known[above]),
           "accepted_below": round(recall(result["found"], known[~above]) * (~above).sum()),
           "candidate_recall": recall(result["candidates"], known),
           "pairs": len(result["found"]), "candidates": len(result["candidates"]),
           "rss": result["rss_growth_mb"]}
    for clock in ("wall", "cpu"):
        t = result["times"][clock]
        total = sum(t.values())
        rates = {"query": (n / total, n / (total - t["shingles"]))}
        stages = "  ".join(f"{k} {v:6.2f}s" for k, v in t.items())
        print(f"{name:<10} {clock:<4} {stages}  total {total:6.2f}s  → {n / total:>7,.0f} articles/s "
              f"end to end, {n / (total - t['shingles']):>7,.0f}/s without shingling")
        if "self_join" in result:
            join = result["self_join"][clock]["self_join"]
            joined = total - t["query"] + join
            rates["self_join"] = (n / joined, n / (joined - t["shingles"]))
            print(f"{'':<15} candidate_pairs() instead of query_many(): {join:6.2f}s  → "
                  f"{rates['self_join'][0]:>7,.0f} articles/s end to end, {rates['self_join'][1]:>7,.0f}/s "
                  "without shingling")
        row[clock] = rates
    print(f"{'':<15} peak RSS +{row['rss']:.0f} MB; recall {row['recall']:.4f} of all known pairs "
          f"(LSH candidates {row['candidate_recall']:.4f}), {row['recall_above']:.4f} of those with exact "
          f"Jaccard >= {threshold}, plus {row['accepted_below']:,} known pairs below it; "
          f"{row['pairs']:,} pairs verified of {row['candidates']:,} candidates")
    return row


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=FULL_SIZE, help="documents in the workload (default 100000)")
    ap.add_argument("--datasketch-n", type=int, default=0, help="run datasketch on the first N only")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--k", type=int, default=3, help="words per shingle")
    ap.add_argument("--threshold", type=float, default=None, help="default: marsad's DEFAULT_THRESHOLD")
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--skip-datasketch", action="store_true")
    ap.add_argument("--accuracy", type=int, default=0, metavar="SEEDS",
                    help="also compare estimator error of both over SEEDS seeds (untimed, in-process)")
    # worker-only arguments
    ap.add_argument("--worker", choices=("ours", "datasketch"), help=argparse.SUPPRESS)
    ap.add_argument("--workload", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--out", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--limit", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--bands", type=int, default=0, help=argparse.SUPPRESS)
    ap.add_argument("--rows", type=int, default=0, help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.worker:
        return run_worker(args)

    if not CORPUS.exists():
        print(f"skipped: {CORPUS} is not present (needs ../shared/data/news_corpus)")
        return 0
    from marsad.stories.minhash import DEFAULT_THRESHOLD, NearDuplicateIndex

    if args.threshold is None:
        args.threshold = DEFAULT_THRESHOLD
    probe: NearDuplicateIndex[int] = NearDuplicateIndex(threshold=args.threshold, num_perm=args.num_perm)
    args.bands, args.rows = probe.bands, probe.rows
    workload = build_workload(args.n, args.seed)
    with open(workload, "rb") as f:
        data = pickle.load(f)
    texts, known = data["texts"], data["pairs"]
    print(f"n={len(texts):,} documents, {len(known):,} known (rewrite, source) pairs; num_perm={args.num_perm}, "
          f"k={args.k}, threshold={args.threshold}, LSH {args.bands} bands x {args.rows} rows (both)")
    exact = exact_jaccard(texts, known, args.k)
    print(f"known pairs whose exact Jaccard >= {args.threshold}: {np.mean(exact >= args.threshold):.4f} "
          f"(what an exact detector at this threshold finds)")
    if args.accuracy:
        accuracy(texts, known, exact, args)
    del texts, data

    ours_result = spawn("ours", workload, 0, args)
    ours = report("marsad", ours_result, known, exact, args.threshold)
    if args.skip_datasketch:
        return 0
    ds_n = min(args.datasketch_n or args.n, args.n)
    inside = (known < ds_n).all(axis=1)
    ds_known = known[inside]
    theirs = report("datasketch", spawn("datasketch", workload, ds_n, args), ds_known, exact[inside], args.threshold)
    note, ours_recall = "", ours["recall"]
    if ds_n != args.n:
        # Whether a pair is found does not depend on the other documents, so recall on the
        # pairs inside the first ds_n documents is comparable; throughput is per article.
        ours_recall = recall(ours_result["found"], ds_known)
        ours["recall_above"] = recall(ours_result["found"], ds_known[exact[inside] >= args.threshold])
        note = f" (datasketch run on the first {ds_n:,} documents; recall on the {len(ds_known):,} pairs there)"
    for clock in ("wall", "cpu"):
        base = theirs[clock]["query"]
        for way, label in (("query", "query_many"), ("self_join", "candidate_pairs")):
            mine = ours[clock][way]
            print(f"speedup ({clock}, marsad {label}): {mine[0] / base[0]:.1f}x end to end, "
                  f"{mine[1] / base[1]:.1f}x without shingling{note}")
    print(f"recall: marsad {ours_recall:.4f} vs datasketch {theirs['recall']:.4f} of all known pairs; "
          f"{ours['recall_above']:.4f} vs {theirs['recall_above']:.4f} of those with exact Jaccard >= {args.threshold}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
