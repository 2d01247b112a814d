"""Word vectors for the neural NER tagger, learnt from unlabelled Arabic news (training only).

Tokenizes the unlabelled news (SaudiNewsNet dev period + ANT) and the ANERcorp training sentences
outside dev exactly as the recognizer does (``simple_tokens`` + ``core_form``: normalized, edge
punctuation off, clitics kept), then trains skip-gram word2vec (gensim, one worker so that the
result is deterministic) and saves the ``ROWS`` most frequent words with their vectors, most
frequent first, as ``words`` / ``vectors`` in an ``.npz``.

Usage: python scripts/ner_embeddings.py OUT.npz   (about 10 minutes on one core)
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_data  # noqa: E402

ROWS = 200_000
DIMENSIONS = 100
WINDOW = 5
MIN_COUNT = 3
EPOCHS = 5
NEGATIVE = 5
SAMPLE = 1e-4
SEED = 20240611


def _log(msg: str, started: float) -> None:
    print(f"[embeddings {time.perf_counter() - started:6.0f}s] {msg}", flush=True)


def write_corpus(path: Path, extra_sentences: list[ner_data.Sentence]) -> int:
    """One document per line, core forms separated by spaces; returns the token count."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tokens = 0
    with path.open("w", encoding="utf-8") as fh:
        for doc in ner_data.unlabelled_token_stream(extra_sentences):
            words = [w for w in doc if w and not any(ch.isspace() for ch in w)]
            if words:
                fh.write(" ".join(words) + "\n")
                tokens += len(words)
    return tokens


def build(out_path: Path, extra_sentences: list[ner_data.Sentence], work: Path) -> None:
    from gensim.models import Word2Vec

    started = time.perf_counter()
    corpus = work / "embedding_corpus.txt"
    tokens = write_corpus(corpus, extra_sentences)
    _log(f"corpus {tokens:,} tokens in {corpus}", started)
    model = Word2Vec(
        corpus_file=str(corpus),
        vector_size=DIMENSIONS,
        window=WINDOW,
        min_count=MIN_COUNT,
        sg=1,
        negative=NEGATIVE,
        sample=SAMPLE,
        epochs=EPOCHS,
        workers=1,
        seed=SEED,
    )
    _log(f"word2vec trained, {len(model.wv):,} words", started)
    # gensim sorts the vocabulary by descending count; ties are broken by the word for stability.
    counts = [(-model.wv.get_vecattr(w, "count"), w) for w in model.wv.index_to_key]
    words = [w for _, w in sorted(counts)[:ROWS]]
    vectors = np.stack([model.wv[w] for w in words]).astype(np.float32)
    out_path.parent.mkdir(parents=True, exist_ok=True)
    np.savez(out_path, words=np.array(words), vectors=vectors)
    _log(f"wrote {out_path} ({len(words):,} x {DIMENSIONS})", started)


if __name__ == "__main__":
    train, _dev = ner_data.anercorp_splits()
    build(Path(sys.argv[1]), train, Path("/tmp/ner_neural"))
