"""Stories: grouping articles that tell the same story. First piece: near-duplicate detection.

- ``shingles``  — texts → 3-word shingle hashes (normalized, clitic-folded, stable across runs)
- ``minhash``   — ``MinHasher`` (signatures, uint32 × ``num_perm``) and ``NearDuplicateIndex``
  (LSH bands, incremental ``add``/``add_many``, ``query``, ``candidate_pairs``, ``to_bytes``)
- ``synthetic`` — seeded rewrites of an article (tests and tuning; ``bench/dedup.py``)

    hasher = MinHasher()
    index = NearDuplicateIndex.for_hasher(hasher)           # threshold 0.5
    index.add_many(ids, hasher.signatures(texts))
    index.query(hasher.signature(new_text))                  # ids of near duplicates
    blob = signature_to_bytes(hasher.signature(text))        # per-article BLOB for the store
"""

from __future__ import annotations

from marsad.stories.minhash import (
    DEFAULT_NUM_PERM,
    DEFAULT_THRESHOLD,
    EMPTY,
    MinHasher,
    NearDuplicateIndex,
    estimate_jaccard,
    lsh_params,
    signature_from_bytes,
    signature_to_bytes,
)
from marsad.stories.shingles import (
    DEFAULT_SHINGLE_SIZE,
    ShingleBatch,
    iter_shingle_batches,
    shingle_batch,
    shingle_hashes,
    shingle_words,
)
from marsad.stories.synthetic import OPERATIONS, Rewrite, make_rewrites, rewrite

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_SHINGLE_SIZE",
    "DEFAULT_THRESHOLD",
    "EMPTY",
    "OPERATIONS",
    "MinHasher",
    "NearDuplicateIndex",
    "Rewrite",
    "ShingleBatch",
    "estimate_jaccard",
    "iter_shingle_batches",
    "lsh_params",
    "make_rewrites",
    "rewrite",
    "shingle_batch",
    "shingle_hashes",
    "shingle_words",
    "signature_from_bytes",
    "signature_to_bytes",
]
