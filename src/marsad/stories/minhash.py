"""MinHash signatures and an LSH index for near-duplicate articles.

Signatures
    ``MinHasher`` turns texts into ``num_perm``-slot uint32 signatures (one row per text) with
    *one-permutation hashing* and optimal densification (Li, Owen & Zhang 2012; Shrivastava
    2017): each shingle hash is mixed once with a seeded splitmix64; its high bits choose one of
    ``num_perm`` bins and its low 32 bits are the value; a slot keeps the minimum value that
    fell in its bin. A bin no shingle reached borrows the value of a filled bin picked by a
    fixed, seeded probe sequence, so two documents with the same shingles fill it the same way.
    The fraction of equal slots estimates the Jaccard similarity of the shingle sets as
    ``num_perm`` independent permutations ``(a·x + b) mod p`` would (same recall in
    ``bench/dedup.py``), but each shingle is hashed once instead of ``num_perm`` times, and a
    whole batch is one ``np.minimum.at``.
    Signatures depend only on the text and ``MinHasher.scheme``; a text with no words gets the
    all-``EMPTY`` signature, which matches nothing.

Index
    ``NearDuplicateIndex`` splits signatures into ``bands`` bands of ``rows`` slots. Two documents
    whose signatures agree on a whole band become candidates; the chance of that for Jaccard
    ``s`` is ``1 - (1 - s**rows)**bands``. ``lsh_params`` picks ``bands × rows ≤ num_perm``
    minimising the weighted areas of false positives below the threshold and false negatives
    above it (datasketch's rule). marsad weights them 0.2 : 0.8 (``LSH_WEIGHTS``) because a
    missed pair is lost while a spurious candidate only costs one vectorised comparison: for
    128 slots and threshold 0.5 that is 30 bands × 4 rows (candidate at s = 0.5: 86%, at 0.6:
    98%, at 0.3: 22%), where equal weights give 25 × 5 (55%, 87%, 6%). Candidates are then
    kept only if their estimated Jaccard reaches the threshold.
    Band keys live in sorted numpy runs merged like a binary counter, so adding documents later
    costs amortised O(log n) per document and never rebuilds the index.
"""

from __future__ import annotations

import json
import struct
from collections.abc import Hashable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Generic, TypeVar

import numpy as np

from marsad.errors import StoreError
from marsad.stories.shingles import (
    DEFAULT_SHINGLE_SIZE,
    ShingleBatch,
    iter_shingle_batches,
    shingle_batch,
    splitmix64,
    stable_u64,
)

__all__ = [
    "DEFAULT_NUM_PERM",
    "DEFAULT_THRESHOLD",
    "EMPTY",
    "MinHasher",
    "NearDuplicateIndex",
    "estimate_jaccard",
    "lsh_params",
    "signature_from_bytes",
    "signature_to_bytes",
]

DEFAULT_NUM_PERM = 128
DEFAULT_SEED = 1
# Estimated Jaccard (over 3-word shingles) from which two articles count as near duplicates.
# Measured on ../shared/data/news: 85% of cross-outlet pairs with the same title but different
# text reach 0.5 (92% reach 0.3), random pairs essentially never reach 0.1; between 0.3 and 0.5
# templated articles (congratulation cables, weather reports) mix with real rewrites.
DEFAULT_THRESHOLD = 0.5
# LSH bands are chosen favouring recall (weights on false positives, false negatives): missed
# pairs are lost, extra candidates only cost one vectorised verification.
LSH_WEIGHTS = (0.2, 0.8)
EMPTY = 0xFFFFFFFF  # every slot of a document without shingles
SCHEME = "marsad.minhash.oph.v1"

_LOW32 = np.uint64(0xFFFFFFFF)
_S32 = np.uint64(32)
_PROBES = 64  # densification probes tried vectorised before the circular fallback
_PAIR_CHUNK = 1 << 13  # candidate pairs compared per step (keeps temporaries in cache)
_QUERY_CHUNK = 1 << 13  # query signatures looked up per step (bounds temporary memory)
_FORMAT = b"MRSDLSH1"


# --- signatures -------------------------------------------------------------------------------


@lru_cache(maxsize=16)
def _constants(num_perm: int, seed: int) -> tuple[np.uint64, np.ndarray]:
    key = stable_u64(f"marsad.minhash.key.v1:{seed}", 1)[0]
    probe_hashes = stable_u64(f"marsad.minhash.probe.v1:{seed}:{num_perm}", num_perm * _PROBES)
    probes = ((probe_hashes >> _S32) * np.uint64(num_perm)) >> _S32
    return key, probes.astype(np.int64).reshape(num_perm, _PROBES)


def _one_permutation(batch: ShingleBatch, num_perm: int, seed: int) -> np.ndarray:
    key, probes = _constants(num_perm, seed)
    n = len(batch)
    mixed = splitmix64(batch.hashes ^ key)
    bins = ((mixed >> _S32) * np.uint64(num_perm)) >> _S32
    flat = np.repeat(np.arange(n, dtype=np.int64) * num_perm, batch.counts) + bins.astype(np.int64)
    signatures = np.full(n * num_perm, EMPTY, dtype=np.uint32)
    np.minimum.at(signatures, flat, (mixed & _LOW32).astype(np.uint32))
    filled = np.zeros(n * num_perm, dtype=bool)
    filled[flat] = True
    signatures = signatures.reshape(n, num_perm)
    filled = filled.reshape(n, num_perm)
    _densify(signatures, filled, batch.counts > 0, probes)
    return signatures


def _densify(signatures: np.ndarray, filled: np.ndarray, nonempty: np.ndarray, probes: np.ndarray) -> None:
    """Fill empty bins of non-empty documents in place from the fixed probe sequence of the bin."""
    rows, cols = np.nonzero(~filled & nonempty[:, None])
    if rows.size == 0:
        return
    source = signatures.copy()  # borrow only original minima, never densified ones
    for attempt in range(_PROBES):
        take = probes[cols, attempt]
        hit = filled[rows, take]
        signatures[rows[hit], cols[hit]] = source[rows[hit], take[hit]]
        rows, cols = rows[~hit], cols[~hit]
        if rows.size == 0:
            return
    # Documents with very few shingles: take the next filled bin to the right, circularly.
    for row in np.unique(rows).tolist():
        mine = rows == row
        full = np.flatnonzero(filled[row])
        nearest = full[np.searchsorted(full, cols[mine]) % full.size]
        signatures[row, cols[mine]] = source[row, nearest]


@dataclass(frozen=True)
class MinHasher:
    """Texts to MinHash signatures: ``num_perm`` uint32 slots per text (see module docstring).

    Everything that changes a signature is a field here and in ``scheme``; signatures made
    with different schemes must not be compared.
    """

    num_perm: int = DEFAULT_NUM_PERM
    seed: int = DEFAULT_SEED
    shingle_size: int = DEFAULT_SHINGLE_SIZE
    fold_clitics: bool = True

    def __post_init__(self) -> None:
        if not 1 <= self.num_perm <= 1 << 16:
            raise ValueError(f"num_perm must be in 1..65536, got {self.num_perm}")

    @property
    def scheme(self) -> str:
        """Names the signature function, e.g. ``marsad.minhash.oph.v1/perm=128/seed=1/k=3/clitics=1``."""
        return (
            f"{SCHEME}/perm={self.num_perm}/seed={self.seed}"
            f"/k={self.shingle_size}/clitics={int(self.fold_clitics)}"
        )

    def shingles(self, texts: Sequence[str]) -> ShingleBatch:
        return shingle_batch(texts, k=self.shingle_size, fold_clitics=self.fold_clitics)

    def signature(self, text: str) -> np.ndarray:
        """The signature of one text: shape ``(num_perm,)``, dtype uint32."""
        return self.signatures([text])[0]

    def signatures(self, texts: Sequence[str]) -> np.ndarray:
        """Signatures of many texts at once: shape ``(len(texts), num_perm)``, dtype uint32."""
        texts = list(texts)
        out = np.empty((len(texts), self.num_perm), dtype=np.uint32)
        done = 0
        batches = iter_shingle_batches(texts, k=self.shingle_size, fold_clitics=self.fold_clitics)
        for batch in batches:  # slice by slice, so temporaries stay small
            out[done : done + len(batch)] = self.signatures_from_shingles(batch)
            done += len(batch)
        return out

    def signatures_from_shingles(self, batch: ShingleBatch) -> np.ndarray:
        """Signatures of already shingled documents (one row per document of ``batch``)."""
        return _one_permutation(batch, self.num_perm, self.seed)


def estimate_jaccard(a: np.ndarray, b: np.ndarray) -> float | np.ndarray:
    """Fraction of equal slots: the Jaccard estimate. Broadcasts over leading axes (rows of
    ``a`` against rows of ``b``); a pair involving an empty signature scores 0."""
    a = np.asarray(a)
    b = np.asarray(b)
    score = (a == b).mean(axis=-1)
    empty = (a == EMPTY).all(axis=-1) | (b == EMPTY).all(axis=-1)
    score = np.where(empty, 0.0, score)
    return float(score) if score.ndim == 0 else score


def signature_to_bytes(signature: np.ndarray) -> bytes:
    """A signature as a BLOB: its slots as little-endian uint32."""
    return np.ascontiguousarray(signature, dtype="<u4").tobytes()


def signature_from_bytes(blob: bytes, num_perm: int | None = None) -> np.ndarray:
    """Inverse of ``signature_to_bytes``; ``StoreError`` when the BLOB has the wrong size."""
    if len(blob) % 4 or not blob or (num_perm is not None and len(blob) != 4 * num_perm):
        expected = "a multiple of 4" if num_perm is None else str(4 * num_perm)
        raise StoreError(f"MinHash signature BLOB has {len(blob)} bytes, expected {expected}")
    return np.frombuffer(blob, dtype="<u4").astype(np.uint32)


# --- LSH parameters ---------------------------------------------------------------------------


def _integral(values: np.ndarray, grid: np.ndarray) -> float:
    return float(np.sum((values[1:] + values[:-1]) * np.diff(grid)) / 2)


@lru_cache(maxsize=64)
def lsh_params(
    threshold: float,
    num_perm: int,
    false_positive_weight: float = 0.5,
    false_negative_weight: float = 0.5,
) -> tuple[int, int]:
    """``(bands, rows)`` with ``bands * rows <= num_perm`` minimising the weighted area of
    false positives (similarity below ``threshold``) and false negatives (above it)."""
    if not 0.0 < threshold < 1.0:
        raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold}")
    below = np.linspace(0.0, threshold, 257)
    above = np.linspace(threshold, 1.0, 257)
    best, best_error = (1, num_perm), float("inf")
    for bands in range(1, num_perm + 1):
        for rows in range(1, num_perm // bands + 1):
            fp = _integral(1 - (1 - below**rows) ** bands, below)
            fn = _integral((1 - above**rows) ** bands, above)
            error = false_positive_weight * fp + false_negative_weight * fn
            if error < best_error:
                best, best_error = (bands, rows), error
    return best


# --- index ------------------------------------------------------------------------------------

K = TypeVar("K", bound=Hashable)


class NearDuplicateIndex(Generic[K]):
    """MinHash LSH over signatures from one ``MinHasher`` (see module docstring).

    Keys are any hashable values (article ids in practice); ``to_bytes`` needs str or int keys.
    Adding a key twice raises ``ValueError``.
    """

    def __init__(
        self,
        *,
        threshold: float = DEFAULT_THRESHOLD,
        num_perm: int = DEFAULT_NUM_PERM,
        bands: int | None = None,
        rows: int | None = None,
        scheme: str | None = None,
    ) -> None:
        if not 0.0 < threshold < 1.0:
            raise ValueError(f"threshold must be strictly between 0 and 1, got {threshold}")
        if (bands is None) != (rows is None):
            raise ValueError("give both bands and rows, or neither")
        if bands is None or rows is None:
            bands, rows = lsh_params(threshold, num_perm, *LSH_WEIGHTS)
        if bands < 1 or rows < 1 or bands * rows > num_perm or bands > 255:
            raise ValueError(f"bands × rows = {bands} × {rows} does not fit {num_perm} slots")
        self.threshold = threshold
        self.num_perm = num_perm
        self.bands = bands
        self.rows = rows
        self.scheme = scheme
        self._keys: list[K] = []
        self._ids: dict[K, int] = {}
        self._signatures = np.zeros((0, num_perm), dtype=np.uint32)
        self._runs: list[tuple[np.ndarray, np.ndarray]] = []  # (sorted band keys, doc ids)
        self._row_weights = stable_u64("marsad.lsh.band.v1", rows) | np.uint64(1)
        # Verification compares slot counts, so the float threshold is applied exactly once.
        self._min_equal = int(np.ceil(threshold * num_perm - 1e-9))

    @classmethod
    def for_hasher(cls, hasher: MinHasher, threshold: float = DEFAULT_THRESHOLD) -> NearDuplicateIndex[K]:
        return cls(threshold=threshold, num_perm=hasher.num_perm, scheme=hasher.scheme)

    # -- contents --

    def __len__(self) -> int:
        return len(self._keys)

    def __contains__(self, key: object) -> bool:
        return key in self._ids

    def keys(self) -> list[K]:
        return list(self._keys)

    def signature(self, key: K) -> np.ndarray:
        return self._signatures[self._ids[key]].copy()

    def add(self, key: K, signature: np.ndarray) -> None:
        self.add_many([key], np.asarray(signature)[None, :])

    def add_many(self, keys: Sequence[K], signatures: np.ndarray) -> None:
        """Index many documents at once (one sorted run; no rebuild of earlier ones)."""
        signatures = self._check_signatures(signatures)
        keys = list(keys)
        if len(keys) != signatures.shape[0]:
            raise ValueError(f"{len(keys)} keys for {signatures.shape[0]} signatures")
        seen: set[K] = set()
        for key in keys:
            if key in self._ids or key in seen:
                raise ValueError(f"key {key!r} is already in the index")
            seen.add(key)
        first = len(self._keys)
        self._ids.update((key, first + offset) for offset, key in enumerate(keys))
        self._keys.extend(keys)
        self._append_signatures(signatures)
        ids = np.arange(first, first + len(keys), dtype=np.int64)
        band_keys, band_ids = self._band_keys(signatures, ids)
        if band_keys.size:
            order = np.argsort(band_keys, kind="stable")
            self._runs.append((band_keys[order], band_ids[order]))
            self._merge_runs()

    # -- queries --

    def query(self, signature: np.ndarray, *, verify: bool = True) -> list[K]:
        """Keys of indexed documents near ``signature``: LSH candidates whose estimated Jaccard
        reaches the threshold (all candidates with ``verify=False``), most similar first."""
        return [key for key, _ in self.query_many(np.asarray(signature)[None, :], verify=verify)[0]]

    def query_scored(self, signature: np.ndarray) -> list[tuple[K, float]]:
        """Like ``query``, with each key's estimated Jaccard."""
        return self.query_many(np.asarray(signature)[None, :])[0]

    def query_many(
        self, signatures: np.ndarray, *, verify: bool = True
    ) -> list[list[tuple[K, float]]]:
        """``query_scored`` for every row of ``signatures``, vectorised over blocks of rows."""
        signatures = self._check_signatures(signatures)
        results: list[list[tuple[K, float]]] = []
        for begin in range(0, signatures.shape[0], _QUERY_CHUNK):
            results += self._query_block(signatures[begin : begin + _QUERY_CHUNK], verify)
        return results

    def _query_block(self, signatures: np.ndarray, verify: bool) -> list[list[tuple[K, float]]]:
        queries, ids = self._lookup(signatures)
        equal = self._equal_slots(signatures, queries, self._signatures, ids)
        if verify:
            keep = equal >= self._min_equal
            queries, ids, equal = queries[keep], ids[keep], equal[keep]
        order = np.lexsort((ids, -equal, queries))
        keys = self._keys
        hits = list(zip([keys[i] for i in ids[order].tolist()], (equal[order] / self.num_perm).tolist()))
        bounds = np.searchsorted(queries[order], np.arange(signatures.shape[0] + 1)).tolist()
        return [hits[bounds[q] : bounds[q + 1]] for q in range(signatures.shape[0])]

    def candidate_pairs(self, *, verify: bool = True) -> list[tuple[K, K, float]]:
        """Every pair of indexed documents sharing a band, as ``(earlier key, later key,
        estimated Jaccard)`` in insertion order; with ``verify`` only those reaching the
        threshold. Cost grows with the square of the largest bucket (many exact copies)."""
        left, right = self._pair_ids()
        equal = self._equal_slots(self._signatures, left, self._signatures, right)
        if verify:
            keep = equal >= self._min_equal
            left, right, equal = left[keep], right[keep], equal[keep]
        keys = self._keys
        return list(
            zip(
                [keys[i] for i in left.tolist()],
                [keys[i] for i in right.tolist()],
                (equal / self.num_perm).tolist(),
            )
        )

    # -- persistence --

    def to_bytes(self) -> bytes:
        """Parameters, keys and signatures; band runs are rebuilt by ``from_bytes``."""
        if not all(isinstance(k, (str, int)) and not isinstance(k, bool) for k in self._keys):
            raise ValueError("only str and int keys can be serialized")
        header = json.dumps(
            {
                "threshold": self.threshold,
                "num_perm": self.num_perm,
                "bands": self.bands,
                "rows": self.rows,
                "scheme": self.scheme,
                "keys": self._keys,
            },
            ensure_ascii=False,
        ).encode("utf-8")
        body = np.ascontiguousarray(self._signatures[: len(self._keys)], dtype="<u4").tobytes()
        return _FORMAT + struct.pack("<Q", len(header)) + header + body

    @classmethod
    def from_bytes(cls, data: bytes) -> NearDuplicateIndex[Any]:
        """Inverse of ``to_bytes``; ``StoreError`` when the data is not such an index."""
        prefix = len(_FORMAT) + 8
        if len(data) < prefix or data[: len(_FORMAT)] != _FORMAT:
            raise StoreError("not a serialized NearDuplicateIndex (bad magic)")
        (header_size,) = struct.unpack("<Q", data[len(_FORMAT) : prefix])
        try:
            header = json.loads(data[prefix : prefix + header_size].decode("utf-8"))
            index: NearDuplicateIndex[Any] = cls(
                threshold=float(header["threshold"]),
                num_perm=int(header["num_perm"]),
                bands=int(header["bands"]),
                rows=int(header["rows"]),
                scheme=header["scheme"],
            )
            keys = header["keys"]
        except (ValueError, KeyError, TypeError) as err:
            raise StoreError(f"corrupt NearDuplicateIndex header: {err}") from err
        body = data[prefix + header_size :]
        if len(body) != 4 * index.num_perm * len(keys):
            raise StoreError(
                f"NearDuplicateIndex holds {len(body)} signature bytes for {len(keys)} keys"
            )
        signatures = np.frombuffer(body, dtype="<u4").astype(np.uint32).reshape(len(keys), index.num_perm)
        try:
            index.add_many(keys, signatures)
        except (ValueError, TypeError) as err:  # repeated or unhashable keys
            raise StoreError(f"corrupt NearDuplicateIndex keys: {err}") from err
        return index

    # -- internals --

    def _check_signatures(self, signatures: np.ndarray) -> np.ndarray:
        signatures = np.asarray(signatures)
        if signatures.ndim != 2 or signatures.shape[1] != self.num_perm:
            raise ValueError(f"expected signatures of shape (n, {self.num_perm}), got {signatures.shape}")
        if signatures.dtype != np.uint32:
            if not np.issubdtype(signatures.dtype, np.integer):
                raise ValueError(f"signatures must be uint32, got {signatures.dtype}")
            signatures = signatures.astype(np.uint32)
        return signatures

    def _append_signatures(self, signatures: np.ndarray) -> None:
        used = len(self._keys) - signatures.shape[0]
        if len(self._keys) > self._signatures.shape[0]:
            grown = np.zeros((max(len(self._keys), 2 * self._signatures.shape[0], 64), self.num_perm), np.uint32)
            grown[:used] = self._signatures[:used]
            self._signatures = grown
        self._signatures[used : len(self._keys)] = signatures

    def _band_keys(self, signatures: np.ndarray, ids: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """One uint64 key per (document, band): the band index in the top 8 bits, a hash of
        the band's slots below. Empty signatures get none."""
        nonempty = ~(signatures == EMPTY).all(axis=1)
        signatures, ids = signatures[nonempty], ids[nonempty]
        used = signatures[:, : self.bands * self.rows].reshape(-1, self.bands, self.rows)
        combined = np.zeros(used.shape[:2], dtype=np.uint64)
        for row in range(self.rows):  # a loop over the few rows beats a sum over a short axis
            combined += used[:, :, row].astype(np.uint64) * self._row_weights[row]
        mixed = splitmix64(combined)
        band = np.arange(self.bands, dtype=np.uint64) << np.uint64(56)
        keys = (mixed >> np.uint64(8)) | band
        return keys.ravel(), np.repeat(ids, self.bands)

    def _merge_runs(self) -> None:
        runs = self._runs
        while len(runs) >= 2 and runs[-2][0].size <= 2 * runs[-1][0].size:
            (k1, i1), (k2, i2) = runs[-2], runs[-1]
            keys, ids = np.concatenate((k1, k2)), np.concatenate((i1, i2))
            order = np.argsort(keys, kind="stable")
            runs[-2:] = [(keys[order], ids[order])]

    def _lookup(self, signatures: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """Unique (query row, document id) pairs sharing at least one band key."""
        qkeys, qrows = self._band_keys(signatures, np.arange(signatures.shape[0], dtype=np.int64))
        order = np.argsort(qkeys)  # sorted needles make the binary searches cache-friendly
        qkeys, qrows = qkeys[order], qrows[order]
        found_rows, found_ids = [], []
        for keys, ids in self._runs:
            lo = np.searchsorted(keys, qkeys)
            hit = np.flatnonzero(keys[np.minimum(lo, keys.size - 1)] == qkeys)
            if not hit.size:
                continue
            # Most buckets hold one document; look for the end only where the next key repeats.
            start = lo[hit]
            count = np.ones(hit.size, dtype=np.int64)
            more = np.flatnonzero(keys[np.minimum(start + 1, keys.size - 1)] == qkeys[hit])
            more = more[start[more] + 1 < keys.size]
            count[more] = np.searchsorted(keys, qkeys[hit[more]], "right") - start[more]
            found_rows.append(np.repeat(qrows[hit], count))
            found_ids.append(ids[_ranges(start, count)])
        if not found_rows:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        width = len(self._keys) + 1
        pairs = _sorted_unique(np.concatenate(found_rows) * width + np.concatenate(found_ids))
        return pairs // width, pairs % width

    def _pair_ids(self) -> tuple[np.ndarray, np.ndarray]:
        """Unique (earlier id, later id) pairs of documents sharing at least one band key."""
        if len(self._runs) > 1:
            keys = np.concatenate([k for k, _ in self._runs])
            ids = np.concatenate([i for _, i in self._runs])
            order = np.argsort(keys, kind="stable")
            self._runs = [(keys[order], ids[order])]
        if not self._runs:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        keys, ids = self._runs[0]
        left, right = [], []
        # Positions whose key repeats at distance d: pairs within a bucket, one distance at a time.
        position = np.flatnonzero(keys[1:] == keys[:-1])
        distance = 1
        while position.size:
            left.append(ids[position])
            right.append(ids[position + distance])
            distance += 1
            position = position[position + distance < keys.size]
            position = position[keys[position] == keys[position + distance]]
        if not left:
            return np.zeros(0, np.int64), np.zeros(0, np.int64)
        a, b = np.concatenate(left), np.concatenate(right)
        low, high = np.minimum(a, b), np.maximum(a, b)
        width = len(self._keys) + 1
        pairs = _sorted_unique(low * width + high)
        return pairs // width, pairs % width

    @staticmethod
    def _equal_slots(
        left_sigs: np.ndarray, left: np.ndarray, right_sigs: np.ndarray, right: np.ndarray
    ) -> np.ndarray:
        out = np.empty(left.size, dtype=np.int64)
        for begin in range(0, left.size, _PAIR_CHUNK):
            end = begin + _PAIR_CHUNK
            a = np.take(left_sigs, left[begin:end], axis=0)
            b = np.take(right_sigs, right[begin:end], axis=0)
            out[begin:end] = np.count_nonzero(a == b, axis=1)
        return out


def _sorted_unique(values: np.ndarray) -> np.ndarray:
    """Sorted distinct values (np.unique's hash path is far slower on these int64 codes)."""
    values = np.sort(values)
    keep = np.ones(values.size, dtype=bool)
    np.not_equal(values[1:], values[:-1], out=keep[1:])
    return values[keep]


def _ranges(starts: np.ndarray, counts: np.ndarray) -> np.ndarray:
    """Concatenation of ``range(s, s + c)`` for every (s, c), without a Python loop."""
    total = int(counts.sum())
    offsets = np.cumsum(counts) - counts
    return np.arange(total, dtype=np.int64) - np.repeat(offsets - starts, counts)
