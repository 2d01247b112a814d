"""Tune and measure story clustering (``marsad.stories.cluster``) on three data sets.

- ``news``: the 6,000 SaudiNewsNet articles of ../shared/data/news, scored against golds derived
  by ``scripts/make_story_gold.py``: ``content`` (identical content only, the strictest),
  ``default`` (identical content or cross-outlet title: the acceptance gold), ``lead12`` (also
  the same first 12 words across outlets) and ``copies`` (lead12, plus cross-outlet articles
  within 3 days sharing half the shorter one's word 8-grams).
- ``synthetic``: rewrites (``marsad.stories.synthetic.make_rewrites``) of source articles from
  ../shared/data/news_corpus plus unrelated distractors; built by the ``synthetic`` command as
  JSONL with a gold ``story`` field (so ``marsad eval stories FILE`` scores it too).
- ``samples``: the bundled corpus (samples/, gold in samples/stories.tsv): B-cubed, and whether
  each multi-outlet story is one predicted story with the right origin and no standalone article.

Signatures and embeddings (the slow part: ~60 s for 6,000 articles) are cached under
``$MARSAD_TUNE_CACHE`` (default: the temp dir), keyed by the input bytes and the code that makes
them; term vectors are cached keyed by ``salient.py`` and the word statistics. A grid point then
costs a few seconds per data set.

    .venv/bin/python scripts/tune_stories.py synthetic [-o FILE] [--sources 300] [--distractors 2000]
    .venv/bin/python scripts/tune_stories.py eval [--data news,synthetic,samples] [--set near_min=0.6 ...]
    .venv/bin/python scripts/tune_stories.py grid --grid '{"rewrite_terms_min": [0.25, 0.3]}'
    .venv/bin/python scripts/tune_stories.py judge [--n 50] [--gold default]   # merges gold calls false

Everything derived from ../shared stays outside the repository.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import importlib.util
import itertools
import json
import os
import pickle
import random
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field, fields, replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import numpy as np

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("MARSAD_SHARED", REPO.parent / "shared"))
NEWS = SHARED / "data" / "news" / "saudinewsnet_sample_train.jsonl"
CORPUS = SHARED / "data" / "news_corpus" / "saudinewsnet_dev_period.jsonl.gz"
SAMPLES = REPO / "samples"
CACHE = Path(os.environ.get("MARSAD_TUNE_CACHE", Path(tempfile.gettempdir()) / "marsad-tune-stories"))
SYNTHETIC = CACHE / "synthetic_rewrites.jsonl"
JUDGMENTS = REPO / "data" / "gold" / "news_story_judgments.tsv"

sys.path.insert(0, str(REPO / "src"))

from marsad.evaluation.stories import bcubed, pairwise  # noqa: E402
from marsad.ingest.article import Article  # noqa: E402
from marsad.stories.cluster import ClusterSettings, StoryClusterer, StoryInput, story_input  # noqa: E402


def _load_gold_module() -> Any:
    spec = importlib.util.spec_from_file_location("make_story_gold", REPO / "scripts" / "make_story_gold.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


# --- data sets --------------------------------------------------------------------------------


@dataclass
class Dataset:
    name: str
    articles: list[Article]
    inputs: list[StoryInput]
    golds: dict[str, dict[str, str]]
    origins: dict[str, str] = field(default_factory=dict)  # samples: gold story → origin article id


def _digest(*parts: bytes) -> str:
    h = hashlib.sha256()
    for p in parts:
        h.update(p)
        h.update(b"\0")
    return h.hexdigest()[:16]


def _code_digest(*modules: str) -> bytes:
    import importlib

    out = b""
    for name in modules:
        path = importlib.import_module(name).__file__
        out += Path(str(path)).read_bytes()
    return out


def _cached(key: str, build: Any) -> Any:
    CACHE.mkdir(parents=True, exist_ok=True)
    path = CACHE / f"{key}.pkl"
    if path.exists():
        with open(path, "rb") as f:
            return pickle.load(f)
    value = build()
    tmp = path.with_suffix(".tmp")
    with open(tmp, "wb") as f:
        pickle.dump(value, f, protocol=4)
    tmp.replace(path)
    return value


def _inputs(name: str, articles: list[Article], data_key: bytes) -> list[StoryInput]:
    """StoryInputs exactly as ``marsad eval stories`` builds them, signatures/embeddings cached."""
    from marsad.stories import embed as embedding
    from marsad.stories.minhash import MinHasher
    from marsad.text._wordstats import DEFAULT_PATH as WORD_STATS

    hasher = MinHasher()

    def vectors() -> tuple[np.ndarray, np.ndarray]:
        started = time.perf_counter()
        sig = hasher.signatures([f"{a.title}\n{a.body}" for a in articles])
        emb = embedding.embed([embedding.article_text(a.title, a.body) for a in articles])
        print(f"[{name}] signatures + embeddings of {len(articles)} articles: "
              f"{time.perf_counter() - started:.0f}s", file=sys.stderr)
        return sig, emb

    vec_key = _digest(data_key, hasher.scheme.encode(), _code_digest("marsad.stories.embed"),
                      embedding.MODEL_NAME.encode())
    sig, emb = _cached(f"{name}-vectors-{vec_key}", vectors)
    term_key = _digest(data_key, _code_digest("marsad.stories.salient", "marsad.stories.cluster",
                                              "marsad.text.stem", "marsad.text.tokenize"),
                       WORD_STATS.read_bytes() if WORD_STATS.exists() else b"")

    def terms() -> list[StoryInput]:
        return [story_input(a.id, a.content_hash, a.published_at, a.title, a.body, sig[k], emb[k], a.source)
                for k, a in enumerate(articles)]

    return _cached(f"{name}-inputs-{term_key}", terms)


def _read(paths: list[str]) -> list[Article]:
    from marsad.ingest.read import read_paths

    seen: set[str] = set()
    out = []
    for item in read_paths(paths):
        if isinstance(item, Exception) or item.id in seen:
            continue
        seen.add(item.id)
        out.append(item)
    return out


def news_dataset(path: Path = NEWS) -> Dataset:
    gold_module = _load_gold_module()
    raw = path.read_bytes()
    articles = _read([str(path)])
    with open(path, encoding="utf-8") as f:
        records = {r["id"]: r for r in map(json.loads, f)}
    rows = [records[a.extra["id"]] for a in articles]
    ids = [a.id for a in articles]

    variants: dict[str, dict[str, Any]] = {
        "content": {"titles": False},
        "default": {},
        "lead12": {"lead_words": 12},
        "copies": {"copies": 0.5},
    }
    judged = JUDGMENTS.read_bytes() if JUDGMENTS.exists() else b""
    if judged:
        variants["judged"] = {"judged": True}

    def golds() -> dict[str, dict[str, str]]:
        pairs = gold_module.read_judgments(JUDGMENTS) if judged else None
        return {name: dict(zip(ids, gold_module.derive_gold(rows, **{**kw, "judged": pairs if kw.get("judged") else None})))
                for name, kw in variants.items()}

    gold_key = _digest(raw, (REPO / "scripts" / "make_story_gold.py").read_bytes(), judged,
                       json.dumps(variants, sort_keys=True).encode())
    return Dataset("news", articles, _inputs("news", articles, raw), _cached(f"news-golds-{gold_key}", golds))


def samples_dataset(root: Path = SAMPLES) -> Dataset:
    articles = _read([str(root / d) for d in ("html", "jsonl", "scraped")])
    with open(root / "stories.tsv", encoding="utf-8") as f:
        rows = {r["path_or_record"]: r for r in csv.DictReader(f, delimiter="\t")}
    gold: dict[str, str] = {}
    origins: dict[str, str] = {}
    for a in articles:
        row = rows[str(Path(a.origin).relative_to(root)) if a.origin.startswith(str(root)) else a.origin]
        gold[a.id] = row["story_id"]
        if row["origin"] == "yes":
            origins[row["story_id"]] = a.id
    key = b"".join(sorted(a.content_hash.encode() + (a.published_at or "").encode() for a in articles))
    return Dataset("samples", articles, _inputs("samples", articles, key), {"gold": gold}, origins)


def synthetic_dataset(path: Path = SYNTHETIC) -> Dataset:
    if not path.exists():
        build_synthetic(path)
    articles = _read([str(path)])
    gold = {a.id: str(a.extra["story"]) for a in articles}
    return Dataset("synthetic", articles, _inputs("synthetic", articles, path.read_bytes()), {"gold": gold})


def build_synthetic(out: Path, *, sources: int = 300, distractors: int = 2000, min_rewrites: int = 3,
                    max_rewrites: int = 5, seed: int = 20250401, min_chars: int = 400) -> None:
    """Source articles with their rewrites (one gold story each) and unrelated distractors (each
    alone), drawn from the dev-period corpus. Articles that copy each other are left out first
    (same content or title, or MinHash Jaccard ≥ 0.3), so that the gold's "unrelated" holds."""
    from marsad.ingest.article import matching_key
    from marsad.stories.minhash import MinHasher, NearDuplicateIndex
    from marsad.stories.synthetic import make_rewrites

    with gzip.open(CORPUS, "rt", encoding="utf-8") as f:
        pool = [r for r in map(json.loads, f) if len(r.get("content", "")) >= min_chars and r.get("title")]
    rng = random.Random(seed)
    rng.shuffle(pool)
    hasher = MinHasher()
    index: NearDuplicateIndex[int] = NearDuplicateIndex.for_hasher(hasher, threshold=0.3)
    seen_keys: set[str] = set()
    chosen: list[dict] = []
    need = sources + distractors
    for start in range(0, len(pool), 500):
        block = pool[start:start + 500]
        sigs = hasher.signatures([f"{r['title']}\n{r['content']}" for r in block])
        for r, sig in zip(block, sigs):
            keys = {"c" + matching_key(r["content"]), "t" + matching_key(r["title"])}
            if keys & seen_keys or index.query(sig):
                continue
            seen_keys |= keys
            index.add(len(chosen), sig)
            chosen.append(r)
            if len(chosen) == need:
                break
        if len(chosen) == need:
            break
    out.parent.mkdir(parents=True, exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for n, r in enumerate(chosen):
            story = f"syn-{n:04d}"
            f.write(json.dumps({**r, "story": story}, ensure_ascii=False) + "\n")
            if n >= sources:
                continue
            t0 = datetime.fromisoformat(r["date_extracted"].replace(" ", "T")[:19])
            count = rng.randint(min_rewrites, max_rewrites)
            for i, rw in enumerate(make_rewrites(r["title"], r["content"], count, seed + n)):
                when = (t0 + timedelta(hours=rng.uniform(0.5, 48))).isoformat(timespec="seconds")
                f.write(json.dumps({
                    "id": f"{r['id']}-rw{i}", "source": f"synthetic-outlet-{i}",
                    "url": f"https://synthetic.example/{r['id']}/{i}", "date_extracted": when,
                    "title": rw.title, "author": "", "content": rw.body, "story": story,
                    "operations": list(rw.operations)}, ensure_ascii=False) + "\n")
    print(f"{len(chosen)} originals ({sources} with rewrites) → {out}", file=sys.stderr)


DATASETS = {"news": news_dataset, "synthetic": synthetic_dataset, "samples": samples_dataset}


# --- scoring ----------------------------------------------------------------------------------


def cluster(data: Dataset, settings: ClusterSettings) -> tuple[dict[str, str], Any, float]:
    clusterer = StoryClusterer(settings)
    started = time.perf_counter()
    assignments = clusterer.add_many(data.inputs)
    return {a.article_id: a.story_id for a in assignments}, assignments, time.perf_counter() - started


def samples_acceptance(data: Dataset, pred: dict[str, str]) -> dict[str, Any]:
    """Each multi-outlet story one predicted story, its origin the gold origin, no standalone
    article inside it."""
    from marsad.stories.origin import Member, origin_and_edges

    gold = data.golds["gold"]
    by_id = {a.id: a for a in data.articles}
    members: dict[str, list[str]] = defaultdict(list)
    for aid, sid in pred.items():
        members[sid].append(aid)
    stories_ok = origins_ok = 0
    problems = []
    multi = sorted({g for g in gold.values() if not g.startswith("solo")})
    for g in multi:
        ids = [a for a in gold if gold[a] == g]
        predicted = {pred[a] for a in ids}
        if len(predicted) != 1 or len(members[next(iter(predicted))]) != len(ids):
            problems.append(f"{g}: split into {len(predicted)} / merged with others")
            continue
        stories_ok += 1
        group = [Member(a, by_id[a].published_at, by_id[a].source, by_id[a].title, by_id[a].body) for a in ids]
        origin, _ = origin_and_edges(group)
        if origin == data.origins[g]:
            origins_ok += 1
        else:
            problems.append(f"{g}: origin {origin} is not the gold origin {data.origins[g]}")
    solos_merged = sum(1 for a, g in gold.items() if g.startswith("solo") and len(members[pred[a]]) > 1)
    return {"stories_ok": f"{stories_ok}/{len(multi)}", "origins_ok": f"{origins_ok}/{len(multi)}",
            "solos_merged": solos_merged, "problems": problems}


def evaluate(data: Dataset, settings: ClusterSettings) -> dict[str, Any]:
    pred, assignments, seconds = cluster(data, settings)
    out: dict[str, Any] = {"articles": len(pred), "predicted_stories": len(set(pred.values())),
                           "seconds": round(seconds, 2),
                           "relations": dict(Counter(a.relation for a in assignments))}
    for name, gold in data.golds.items():
        out[name] = {"bcubed": bcubed(gold, pred), "pairwise": pairwise(gold, pred),
                     "gold_stories": len(set(gold.values()))}
    if data.name == "samples":
        out["acceptance"] = samples_acceptance(data, pred)
    return out


def _line(name: str, result: dict[str, Any]) -> str:
    parts = [f"{name:<9} {result['seconds']:5.1f}s"]
    for gold, r in result.items():
        if isinstance(r, dict) and "bcubed" in r:
            b = r["bcubed"]
            parts.append(f"{gold} P{b['precision']:.3f} R{b['recall']:.3f} F{b['f1']:.3f}")
    if "acceptance" in result:
        acc = result["acceptance"]
        parts.append(f"stories {acc['stories_ok']} origins {acc['origins_ok']} solos_merged {acc['solos_merged']}")
    return " | ".join(parts)


def _parse_sets(pairs: list[str]) -> dict[str, Any]:
    types = {f.name: f.type for f in fields(ClusterSettings)}
    out: dict[str, Any] = {}
    for pair in pairs:
        key, _, value = pair.partition("=")
        if key not in types:
            raise SystemExit(f"unknown setting {key!r}; known: {', '.join(types)}")
        out[key] = json.loads(value)
    return out


# --- commands ---------------------------------------------------------------------------------


def cmd_eval(args: argparse.Namespace) -> None:
    settings = replace(ClusterSettings(), **_parse_sets(args.set))
    report = {"settings": settings.to_dict()}
    for name in args.data.split(","):
        data = DATASETS[name]()
        report[name] = evaluate(data, settings)
        print(_line(name, report[name]), flush=True)
        if name == "samples":
            for problem in report[name]["acceptance"]["problems"]:
                print("   ", problem)
    if args.json:
        Path(args.json).write_text(json.dumps(report, ensure_ascii=False, indent=1))


def cmd_grid(args: argparse.Namespace) -> None:
    grid = json.loads(args.grid)
    data = {name: DATASETS[name]() for name in args.data.split(",")}
    keys = list(grid)
    for values in itertools.product(*(grid[k] for k in keys)):
        point = dict(zip(keys, values))
        settings = replace(ClusterSettings(), **point)
        print(json.dumps(point), flush=True)
        for name, d in data.items():
            print("  " + _line(name, evaluate(d, settings)), flush=True)


def cmd_synthetic(args: argparse.Namespace) -> None:
    build_synthetic(Path(args.output), sources=args.sources, distractors=args.distractors, seed=args.seed)


def cmd_judge(args: argparse.Namespace) -> None:
    """Print a seeded sample of predicted same-story pairs (article → the member that decided it)
    that the gold calls different stories, for judging by hand."""
    data = news_dataset()
    settings = replace(ClusterSettings(), **_parse_sets(args.set))
    _, assignments, _ = cluster(data, settings)
    gold = data.golds[args.gold]
    by_id = {a.id: a for a in data.articles}
    false = [a for a in assignments if a.matched and gold[a.article_id] != gold[a.matched]
             and (not args.relation or a.relation == args.relation)]
    print(f"{len(false)} joins the '{args.gold}' gold calls false, by relation: "
          f"{dict(Counter(a.relation for a in false))}")
    random.Random(args.seed).shuffle(false)
    for n, a in enumerate(false[: args.n], 1):
        child, parent = by_id[a.article_id], by_id[a.matched]  # type: ignore[index]
        print(f"\n#{n} {a.relation} score {a.score}")
        for tag, art in (("matched", parent), ("joined ", child)):
            print(f"  {tag} {art.source} {art.published_at}: {art.title}")
            print(f"          {art.body[: args.chars]}".replace("\n", " "))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = ap.add_subparsers(dest="command", required=True)
    e = sub.add_parser("eval", help="score one setting (defaults + --set overrides)")
    e.add_argument("--data", default="news,synthetic,samples")
    e.add_argument("--set", action="append", default=[], metavar="NAME=JSON")
    e.add_argument("--json", help="also write the full report here")
    e.set_defaults(func=cmd_eval)
    g = sub.add_parser("grid", help="score every combination of a JSON grid")
    g.add_argument("--grid", required=True)
    g.add_argument("--data", default="news,synthetic,samples")
    g.set_defaults(func=cmd_grid)
    s = sub.add_parser("synthetic", help="write the synthetic rewrite set (JSONL with `story`)")
    s.add_argument("-o", "--output", default=str(SYNTHETIC))
    s.add_argument("--sources", type=int, default=300)
    s.add_argument("--distractors", type=int, default=2000)
    s.add_argument("--seed", type=int, default=20250401)
    s.set_defaults(func=cmd_synthetic)
    j = sub.add_parser("judge", help="sample joins the news gold calls false, to judge by hand")
    j.add_argument("--n", type=int, default=50)
    j.add_argument("--gold", default="default")
    j.add_argument("--seed", type=int, default=7)
    j.add_argument("--chars", type=int, default=260)
    j.add_argument("--relation", choices=["near", "rewrite"], help="only joins by this rule")
    j.add_argument("--set", action="append", default=[], metavar="NAME=JSON")
    j.set_defaults(func=cmd_judge)
    args = ap.parse_args()
    if not SHARED.exists() and args.command != "eval":
        raise SystemExit(f"{SHARED} not found: set MARSAD_SHARED")
    args.func(args)


if __name__ == "__main__":
    main()
