"""Word clusters for the NER model, learnt from unlabelled Arabic news (training only).

Counts directional co-occurrences (word at distance -2, -1, +1, +2) between the most frequent
``ROWS`` words and the ``CONTEXTS`` most frequent context words, weighs them by positive PMI (with
context-distribution smoothing), reduces them with a truncated SVD and groups the word vectors with
k-means at three granularities. Writes ``word<TAB>c64<TAB>c256<TAB>c1024`` lines, most frequent word
first. Deterministic (fixed seeds, ties in frequency broken by the word).

Usage: python scripts/ner_clusters.py OUT.tsv.gz   (about 10 minutes on one core)
"""

from __future__ import annotations

import gzip
import sys
import time
from array import array
from pathlib import Path

import numpy as np
from scipy import sparse
from sklearn.cluster import KMeans
from sklearn.utils.extmath import randomized_svd

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

ROWS = 200_000
CONTEXTS = 25_000
DIMENSIONS = 160
CLUSTER_SIZES = (64, 256, 1024)
# k-means is fitted on the best-estimated (most frequent) words, then every row is assigned to the
# nearest centroid: much faster than fitting on all rows, and rare words' vectors are noisy anyway.
KMEANS_FIT_ROWS = 60_000
SEED = 20240611
BOUNDARY = -1


def _log(msg: str, started: float) -> None:
    print(f"[clusters {time.perf_counter() - started:6.0f}s] {msg}", flush=True)


def build(out_path: Path, extra_sentences: list[ner_data.Sentence]) -> None:
    started = time.perf_counter()
    word_ids: dict[str, int] = {}
    stream = array("i")
    for doc in ner_data.unlabelled_token_stream(extra_sentences):
        for word in doc:
            wid = word_ids.get(word)
            if wid is None:
                wid = word_ids[word] = len(word_ids)
            stream.append(wid)
        stream.append(BOUNDARY)
    ids = np.frombuffer(stream, dtype=np.int32).copy()
    _log(f"{len(ids):,} tokens, {len(word_ids):,} types", started)

    counts = np.bincount(ids[ids >= 0], minlength=len(word_ids))
    words = list(word_ids)
    order = sorted(range(len(words)), key=lambda i: (-counts[i], words[i]))
    rank = np.full(len(words) + 1, -1, dtype=np.int64)  # last slot maps BOUNDARY
    rank[np.asarray(order)] = np.arange(len(order))
    ranked = rank[ids]  # BOUNDARY (-1) indexes the last slot, which stays -1
    vocab = [words[i] for i in order[:ROWS]]
    _log(f"rows {len(vocab):,} (min count {counts[order[len(vocab) - 1]]})", started)

    n_cols = 4 * CONTEXTS
    blocks = []
    for slot, offset in enumerate((-2, -1, 1, 2)):
        if offset < 0:
            w, c = ranked[-offset:], ranked[:offset]
        else:
            w, c = ranked[:-offset], ranked[offset:]
        # A pair is valid when both ends are in range and no sentence/doc boundary lies between.
        keep = (w >= 0) & (w < ROWS) & (c >= 0) & (c < CONTEXTS)
        if abs(offset) == 2:
            middle = ranked[1:-1]
            keep &= middle >= 0
        keys = w[keep] * n_cols + (c[keep] + slot * CONTEXTS)
        blocks.append(keys)
    keys, pair_counts = np.unique(np.concatenate(blocks), return_counts=True)
    rows, cols = np.divmod(keys, n_cols)
    matrix = sparse.csr_matrix(
        (pair_counts.astype(np.float64), (rows, cols)), shape=(len(vocab), n_cols)
    )
    _log(f"co-occurrence matrix nnz {matrix.nnz:,}", started)

    total = matrix.sum()
    row_sums = np.asarray(matrix.sum(axis=1)).ravel()
    col_smoothed = np.asarray(matrix.sum(axis=0)).ravel() ** 0.75
    col_prob = col_smoothed / col_smoothed.sum()
    coo = matrix.tocoo()
    pmi = np.log(coo.data / total) - np.log(row_sums[coo.row] / total) - np.log(col_prob[coo.col])
    positive = pmi > 0
    ppmi = sparse.csr_matrix(
        (pmi[positive], (coo.row[positive], coo.col[positive])), shape=matrix.shape
    )
    _log(f"PPMI nnz {ppmi.nnz:,}", started)

    u, s, _ = randomized_svd(ppmi, DIMENSIONS, n_iter=4, random_state=SEED)
    vectors = u * np.sqrt(s)
    vectors /= np.linalg.norm(vectors, axis=1, keepdims=True) + 1e-9
    vectors = vectors.astype(np.float32)
    _log("SVD done", started)

    assignments = []
    for k in CLUSTER_SIZES:
        km = KMeans(n_clusters=k, n_init=1, max_iter=60, random_state=SEED)
        km.fit(vectors[:KMEANS_FIT_ROWS])
        assignments.append(km.predict(vectors))
        _log(f"k-means k={k} done", started)

    out_path.parent.mkdir(parents=True, exist_ok=True)
    # No file name or time in the gzip header, so a rebuild is byte-identical wherever it is written.
    with out_path.open("wb") as fh, gzip.GzipFile("", "wb", fileobj=fh, mtime=0) as raw:
        lines = (
            "\t".join([word, *(str(a[i]) for a in assignments)]) + "\n"
            for i, word in enumerate(vocab)
        )
        raw.write("".join(lines).encode("utf-8"))
    _log(f"wrote {out_path}", started)


if __name__ == "__main__":
    train, _dev = ner_data.anercorp_splits()
    build(Path(sys.argv[1]), train)
