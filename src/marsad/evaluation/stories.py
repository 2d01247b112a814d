"""Story clustering evaluation: B-cubed and pairwise precision/recall/F1 against gold labels.

The input is JSONL whose records carry a gold ``story`` field (any other fields as for
``marsad ingest``); records are clustered as ingest clusters them (``story_input``: publication
time, outlet, salient terms, MinHash signature, embedding).

B-cubed (Bagga & Baldwin 1998) scores each article: precision is the share of its predicted
story that is in its gold story, recall the share of its gold story that is in its predicted
story, both averaged over articles. Pairwise scores same-story pairs and is dominated by large
stories; both are reported.
"""

from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from marsad.errors import EvalError

__all__ = ["bcubed", "evaluate_stories_file", "pairwise"]


def bcubed(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """B-cubed precision/recall/F1 over the items both label."""
    items = [i for i in gold if i in pred]
    if not items:
        raise EvalError("no item carries both a gold and a predicted story")
    g_members: dict[str, set[str]] = defaultdict(set)
    p_members: dict[str, set[str]] = defaultdict(set)
    for i in items:
        g_members[gold[i]].add(i)
        p_members[pred[i]].add(i)
    p_sum = r_sum = 0.0
    for i in items:
        g, p = g_members[gold[i]], p_members[pred[i]]
        both = len(g & p)
        p_sum += both / len(p)
        r_sum += both / len(g)
    precision, recall = p_sum / len(items), r_sum / len(items)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def pairwise(gold: Mapping[str, str], pred: Mapping[str, str]) -> dict[str, float]:
    """Precision/recall over same-story pairs, counted from cluster sizes (no pair lists).
    With no predicted (gold) pair, precision (recall) is 1: nothing was claimed (missed)."""
    items = [i for i in gold if i in pred]
    if not items:
        raise EvalError("no item carries both a gold and a predicted story")

    def pairs(counts: Counter[Any]) -> int:
        return sum(n * (n - 1) // 2 for n in counts.values())

    gold_pairs = pairs(Counter(gold[i] for i in items))
    pred_pairs = pairs(Counter(pred[i] for i in items))
    both_pairs = pairs(Counter((gold[i], pred[i]) for i in items))
    precision = both_pairs / pred_pairs if pred_pairs else 1.0
    recall = both_pairs / gold_pairs if gold_pairs else 1.0
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall),
            "gold_pairs": gold_pairs, "predicted_pairs": pred_pairs}


def _f1(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r else 0.0


def evaluate_stories_file(path: str | Path, *, settings: Any = None) -> dict[str, Any]:
    from marsad.ingest.read import read_paths
    from marsad.stories import embed as embedding
    from marsad.stories.cluster import StoryClusterer, story_input

    gold: dict[str, str] = {}
    articles = []
    skipped = 0
    for item in read_paths([str(path)]):
        if isinstance(item, Exception):
            skipped += 1
            continue
        label = item.extra.get("story")
        if label is None:
            raise EvalError(f"{item.origin}: record has no gold 'story' field")
        # Identical records (same id) are one article; the first label wins.
        if item.id not in gold:
            gold[item.id] = str(label)
            articles.append(item)
    if not articles:
        raise EvalError(f"{path}: no readable record")
    started = time.perf_counter()
    clusterer = StoryClusterer(settings)
    signatures = clusterer.hasher.signatures([f"{a.title}\n{a.body}" for a in articles])
    vectors = embedding.embed([embedding.article_text(a.title, a.body) for a in articles])
    embedded = time.perf_counter()
    inputs = [story_input(a.id, a.content_hash, a.published_at, a.title, a.body, signatures[k],
                          vectors[k], a.source)
              for k, a in enumerate(articles)]
    pred = {x.article_id: x.story_id for x in clusterer.add_many(inputs)}
    seconds = time.perf_counter() - started
    return {
        "file": str(path), "articles": len(articles), "skipped_records": skipped,
        "gold_stories": len(set(gold.values())), "predicted_stories": len(set(pred.values())),
        "bcubed": bcubed(gold, pred), "pairwise": pairwise(gold, pred),
        "seconds": round(seconds, 2), "clustering_seconds": round(time.perf_counter() - embedded, 2),
        "articles_per_s": round(len(articles) / seconds, 1) if seconds else None,
    }
