"""Numpy BiLSTM-CRF inference: LSTM, CRF decoding and marginals against brute-force references,
BIO repair, and a tiny random model loaded through ``load_recognizer`` end to end."""

from __future__ import annotations

import gzip
import itertools
import json
import math
from pathlib import Path

import numpy as np
import pytest

from marsad.extract.ner import load_recognizer
from marsad.extract.ner.neural import (
    allowed_transitions,
    crf_decode_batch,
    crf_marginals,
    crf_viterbi,
    lstm_forward,
    repair_bio,
    strings_to_array,
)

LABELS = ["B-LOC", "B-MISC", "B-ORG", "B-PERS", "I-LOC", "I-MISC", "I-ORG", "I-PERS", "O"]


def _sig(v: float) -> float:
    return 1.0 / (1.0 + math.exp(-v))


def _lstm_reference(x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, b: np.ndarray) -> np.ndarray:
    """Scalar loops, straight from the LSTM equations (gate order i, f, g, o)."""
    hidden = w_hh.shape[1]
    h = [0.0] * hidden
    c = [0.0] * hidden
    out = []
    for step in x:
        gates = [
            b[k] + sum(w_ih[k, j] * step[j] for j in range(len(step)))
            + sum(w_hh[k, j] * h[j] for j in range(hidden))
            for k in range(4 * hidden)
        ]
        new_h = []
        for u in range(hidden):
            i = _sig(gates[u])
            f = _sig(gates[hidden + u])
            g = math.tanh(gates[2 * hidden + u])
            o = _sig(gates[3 * hidden + u])
            c[u] = f * c[u] + i * g
            new_h.append(o * math.tanh(c[u]))
        h = new_h
        out.append(h)
    return np.array(out)


def test_lstm_matches_the_equations_and_ignores_end_padding() -> None:
    rng = np.random.default_rng(7)
    w_ih, w_hh, b = rng.normal(size=(12, 4)), rng.normal(size=(12, 3)), rng.normal(size=12)
    long_seq, short_seq = rng.normal(size=(5, 4)), rng.normal(size=(3, 4))
    batch = np.zeros((2, 5, 4))
    batch[0] = long_seq
    batch[1, :3] = short_seq
    out = lstm_forward(batch, w_ih, w_hh, b)
    np.testing.assert_allclose(out[0], _lstm_reference(long_seq, w_ih, w_hh, b), atol=1e-9)
    np.testing.assert_allclose(out[1, :3], _lstm_reference(short_seq, w_ih, w_hh, b), atol=1e-9)


def _path_score(path, emissions, trans, start, end) -> float:
    total = start[path[0]] + end[path[-1]] + sum(emissions[t, k] for t, k in enumerate(path))
    return total + sum(trans[a, b] for a, b in zip(path, path[1:]))


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_viterbi_and_marginals_match_brute_force(seed: int) -> None:
    rng = np.random.default_rng(seed)
    steps, n = 4, 3
    emissions, trans = rng.normal(size=(steps, n)), rng.normal(size=(n, n))
    start, end = rng.normal(size=n), rng.normal(size=n)
    paths = list(itertools.product(range(n), repeat=steps))
    scores = np.array([_path_score(p, emissions, trans, start, end) for p in paths])
    assert crf_viterbi(emissions, trans, start, end) == list(paths[int(scores.argmax())])
    probs = np.exp(scores - scores.max())
    probs /= probs.sum()
    expected = np.zeros((steps, n))
    for p, prob in zip(paths, probs):
        for t, k in enumerate(p):
            expected[t, k] += prob
    np.testing.assert_allclose(crf_marginals(emissions, trans, start, end), expected, atol=1e-9)


def test_batched_decoding_equals_one_sentence_at_a_time() -> None:
    # Right-padded sentences of different lengths (1 included) with forbidden transitions: the
    # padding must change neither a path nor a marginal.
    rng = np.random.default_rng(11)
    n = len(LABELS)
    trans = rng.normal(size=(n, n))
    trans[rng.random((n, n)) < 0.3] = -1e4
    start, end = rng.normal(size=n), rng.normal(size=n)
    lengths = np.array([1, 7, 3, 12, 12, 2])
    emissions = rng.normal(size=(len(lengths), lengths.max(), n)) * 3
    emissions[:, :, :][np.arange(lengths.max())[None, :] >= lengths[:, None]] = 99.0  # loud padding
    paths, marginals = crf_decode_batch(emissions, lengths, trans, start, end)
    for b, length in enumerate(lengths.tolist()):
        one = emissions[b, :length]
        assert paths[b, :length].tolist() == crf_viterbi(one, trans, start, end)
        np.testing.assert_allclose(marginals[b, :length], crf_marginals(one, trans, start, end), atol=1e-9)


@pytest.mark.parametrize("lengths", [[0, 2], [3, 2], [2]])
def test_batched_decoding_rejects_impossible_lengths(lengths: list[int]) -> None:
    with pytest.raises(ValueError, match="one length in 1..2"):
        crf_decode_batch(np.zeros((2, 2, 3)), lengths, np.zeros((3, 3)), np.zeros(3), np.zeros(3))


def test_viterbi_of_an_empty_sentence() -> None:
    assert crf_viterbi(np.zeros((0, 3)), np.zeros((3, 3)), np.zeros(3), np.zeros(3)) == []


@pytest.mark.parametrize(
    ("tags", "expected"),
    [
        (["O", "I-PERS", "I-PERS"], ["O", "B-PERS", "I-PERS"]),
        (["B-LOC", "I-ORG"], ["B-LOC", "B-ORG"]),
        (["I-MISC"], ["B-MISC"]),
        (["B-ORG", "I-ORG", "O", "B-LOC"], ["B-ORG", "I-ORG", "O", "B-LOC"]),
        ([], []),
    ],
)
def test_repair_bio(tags: list[str], expected: list[str]) -> None:
    assert repair_bio(tags) == expected


def test_allowed_transitions_follow_bio() -> None:
    trans, start = allowed_transitions(LABELS)
    index = {t: i for i, t in enumerate(LABELS)}
    assert trans[index["B-PERS"], index["I-PERS"]] and trans[index["I-PERS"], index["I-PERS"]]
    assert not trans[index["O"], index["I-PERS"]]
    assert not trans[index["B-LOC"], index["I-PERS"]]
    assert trans[index["I-LOC"], index["B-PERS"]] and trans[index["O"], index["O"]]
    assert start[index["B-ORG"]] and not start[index["I-ORG"]]


# -- a tiny random model, end to end --------------------------------------------------------------

WORDS = ["في", "قال", "موسكو", "الرئيس", "بوتين", "الروسي"]


def _write_gz(path: Path, text: str) -> None:
    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(text)


@pytest.fixture(scope="module")
def tiny_model(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("tiny_ner")
    rng = np.random.default_rng(3)
    _write_gz(folder / "clusters.tsv.gz", "".join(f"{w}\t{i}\t{i}\t{i}\n" for i, w in enumerate(WORDS)))
    _write_gz(folder / "gazetteer.tsv.gz", "LOC\tموسكو\nPERS\tبوتين\n")
    chars = sorted(set("".join(WORDS)))
    features = ["gz=LOC", "gz=PERS", "shape=arabic", "shape=punct"]
    dim, hidden, filters, char_dim, cluster_dim = 6, 5, 4, 3, 2
    size = 2 * dim + 2 * cluster_dim + filters + len(features)
    words = rng.normal(size=(len(WORDS) + 2, dim))
    scale = (np.abs(words).max(axis=1) / 127).astype(np.float16)
    arrays = {
        "word_q": np.round(words / scale[:, None].astype(np.float64)).astype(np.int8),
        "word_scale": scale,
        "char_emb": rng.normal(size=(len(chars) + 4, char_dim)).astype(np.float16),
        "char_conv_w": rng.normal(size=(filters, char_dim, 3)).astype(np.float16),
        "char_conv_b": rng.normal(size=filters).astype(np.float32),
        "cluster_emb": rng.normal(size=(1025, cluster_dim)).astype(np.float16),
        "out_w": rng.normal(size=(len(LABELS), 2 * hidden)).astype(np.float16),
        "out_b": rng.normal(size=len(LABELS)).astype(np.float32),
        "vocab_chars": strings_to_array(chars),
        "vocab_features": strings_to_array(features),
    }
    for d in ("f", "b"):
        arrays[f"lstm_{d}_ih"] = rng.normal(size=(4 * hidden, size)).astype(np.float16)
        arrays[f"lstm_{d}_hh"] = rng.normal(size=(4 * hidden, hidden)).astype(np.float16)
        arrays[f"lstm_{d}_b"] = rng.normal(size=4 * hidden).astype(np.float32)
    trans_ok, start_ok = allowed_transitions(LABELS)
    arrays["crf_trans"] = np.where(trans_ok, rng.normal(size=trans_ok.shape), -1e4).astype(np.float32)
    arrays["crf_start"] = np.where(start_ok, 0.0, -1e4).astype(np.float32)
    arrays["crf_end"] = np.zeros(len(LABELS), dtype=np.float32)
    np.savez_compressed(folder / "model.npz", **arrays)
    meta = {"format_version": 1, "family": "bilstm-crf", "labels": LABELS}
    (folder / "meta.json").write_text(json.dumps(meta), encoding="utf-8")
    return folder


def test_tiny_model_tags_consistently(tiny_model: Path) -> None:
    recognizer = load_recognizer(tiny_model)
    assert recognizer.labels == LABELS
    sentences = [["قال", "الرئيس", "الروسي", "بوتين", "في", "موسكو", "."], [], ["وموسكو"]]
    tagged = recognizer.tag_document(sentences)
    assert [len(s) for s in tagged] == [7, 0, 1]
    for sent in tagged:
        tags = [t for t, _ in sent]
        assert repair_bio(tags) == tags
        assert all(t in LABELS and 0.0 <= p <= 1.0 for t, p in sent)
    # batching and sentence order do not change a sentence's tags
    assert recognizer.tag(sentences[0]) == tagged[0]
    assert recognizer.tag_document(sentences[::-1])[::-1] == tagged


def test_tiny_model_entity_offsets(tiny_model: Path) -> None:
    recognizer = load_recognizer(tiny_model)
    text = "قال الرئيس الروسي بوتين في موسكو. وفي موسكو قال بوتين."
    spans = recognizer.entities(text)
    assert spans  # the random weights do tag some tokens
    for span in spans:
        assert text[span.start : span.end] == span.text
        assert span.text == span.text.strip(" .")
        assert 0.0 <= span.confidence <= 1.0
        assert span.sentence in (0, 1)


def test_missing_weights_file_is_reported(tiny_model: Path, tmp_path: Path) -> None:
    from marsad.errors import ModelError

    for name in ("clusters.tsv.gz", "gazetteer.tsv.gz", "meta.json"):
        (tmp_path / name).write_bytes((tiny_model / name).read_bytes())
    with pytest.raises(ModelError, match="lacks model.npz"):
        load_recognizer(tmp_path)
