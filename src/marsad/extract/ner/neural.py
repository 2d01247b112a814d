"""BiLSTM-CRF tagger run with numpy alone (weights trained by ``scripts/train_ner_neural.py``).

Per token the network reads: the pretrained vectors of its normalized form and of that form with
its proclitics and article off (``SentenceFeaturizer.forms``), learnt embeddings of the word
clusters of both forms, a character CNN over the normalized form, and a multi-hot vector of the
CRF's low-cardinality features (shape, proclitic, frequency bucket, gazetteer and cue hits,
gazetteer phrase BIO, quotes). A bidirectional LSTM reads the sentence; a linear layer gives tag
scores, and a linear-chain CRF (with BIO-invalid transitions forbidden) decodes them with Viterbi.
The probability reported per token is the CRF marginal of its tag (forward-backward).

``TokenEncoder`` is shared with training, so both sides see identical inputs.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from marsad.errors import ModelError
from marsad.extract.ner.features import SentenceFeaturizer

__all__ = [
    "FEATURE_PREFIXES",
    "NeuralTagger",
    "TokenEncoder",
    "allowed_transitions",
    "crf_decode_batch",
    "crf_marginals",
    "crf_viterbi",
    "lstm_forward",
    "load_neural_tagger",
    "repair_bio",
    "strings_to_array",
]

# CRF feature families fed to the network as a multi-hot vector (the rest are high-cardinality
# strings that the word vectors and the character CNN stand in for).
FEATURE_PREFIXES = (
    "shape=", "pre=", "rank=", "gz=", "gzB=", "gzI=", "cue", "article", "edgepunct",
    "startpunct", "len=", "inquote",
)
PAD, UNK = 0, 1  # ids shared by the word and character vocabularies
BOW, EOW = 2, 3  # word-boundary characters
MAX_CHARS = 20  # characters of a word the CNN reads (longer words keep their first ones)
BATCH = 64  # sentences run through the LSTM together
_CACHE_LIMIT = 300_000


def repair_bio(tags: Sequence[str]) -> list[str]:
    """Canonical BIO: an ``I-X`` that does not continue an ``X`` entity becomes ``B-X``.

    Entities are unchanged under conlleval semantics (a stray ``I-X`` starts an entity there).
    """
    out: list[str] = []
    prev = "O"
    for tag in tags:
        if tag.startswith("I-") and prev[2:] != tag[2:]:
            tag = "B-" + tag[2:]
        out.append(tag)
        prev = tag
    return out


def allowed_transitions(labels: Sequence[str]) -> tuple[np.ndarray, np.ndarray]:
    """(L×L from→to, L start) masks of the BIO transitions: ``I-X`` only after ``B-X``/``I-X``."""
    n = len(labels)
    trans = np.ones((n, n), dtype=bool)
    start = np.ones(n, dtype=bool)
    for j, to in enumerate(labels):
        if to.startswith("I-"):
            start[j] = False
            for i, frm in enumerate(labels):
                trans[i, j] = frm[2:] == to[2:] and frm != "O"
    return trans, start


def _sigmoid(x: np.ndarray) -> np.ndarray:
    return 0.5 * (np.tanh(0.5 * x) + 1.0)


def lstm_forward(
    x: np.ndarray, w_ih: np.ndarray, w_hh: np.ndarray, bias: np.ndarray
) -> np.ndarray:
    """One LSTM direction over ``x`` (batch, time, input), PyTorch gate order (i, f, g, o).

    Sequences are padded at the end, so padding never reaches a real step's state.
    Returns hidden states (batch, time, hidden).
    """
    batch, steps, _ = x.shape
    hidden = w_hh.shape[1]
    gates_x = x @ w_ih.T + bias  # (batch, time, 4·hidden)
    w_hh_t = np.ascontiguousarray(w_hh.T)
    h = np.zeros((batch, hidden), dtype=x.dtype)
    c = np.zeros((batch, hidden), dtype=x.dtype)
    out = np.empty((batch, steps, hidden), dtype=x.dtype)
    for t in range(steps):
        gates = gates_x[:, t] + h @ w_hh_t
        i = _sigmoid(gates[:, :hidden])
        f = _sigmoid(gates[:, hidden : 2 * hidden])
        g = np.tanh(gates[:, 2 * hidden : 3 * hidden])
        o = _sigmoid(gates[:, 3 * hidden :])
        c = f * c + i * g
        h = o * np.tanh(c)
        out[:, t] = h
    return out


def crf_viterbi(
    emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> list[int]:
    """Best label path of one sentence: ``emissions`` (time, labels), transitions[from, to]."""
    steps = emissions.shape[0]
    if steps == 0:
        return []
    score = start + emissions[0]
    back = np.empty((steps, emissions.shape[1]), dtype=np.int64)
    for t in range(1, steps):
        total = score[:, None] + transitions
        back[t] = total.argmax(axis=0)
        score = total.max(axis=0) + emissions[t]
    best = [int((score + end).argmax())]
    for t in range(steps - 1, 0, -1):
        best.append(int(back[t, best[-1]]))
    return best[::-1]


def _logsumexp(x: np.ndarray, axis: int) -> np.ndarray:
    top = x.max(axis=axis, keepdims=True)
    return np.squeeze(top, axis) + np.log(np.exp(x - top).sum(axis=axis))


def crf_marginals(
    emissions: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> np.ndarray:
    """Per-position label marginals (time, labels) of one sentence by forward-backward."""
    steps, n = emissions.shape
    alpha = np.empty((steps, n))
    beta = np.empty((steps, n))
    alpha[0] = start + emissions[0]
    for t in range(1, steps):
        alpha[t] = _logsumexp(alpha[t - 1][:, None] + transitions, 0) + emissions[t]
    beta[-1] = end
    for t in range(steps - 2, -1, -1):
        beta[t] = _logsumexp(transitions + (emissions[t + 1] + beta[t + 1])[None, :], 1)
    log_z = _logsumexp(alpha[-1] + end, 0)
    return np.exp(alpha + beta - log_z)


def crf_decode_batch(
    emissions: np.ndarray, lengths: np.ndarray, transitions: np.ndarray, start: np.ndarray, end: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """Viterbi paths and label marginals of a right-padded batch ``emissions`` (batch, time,
    labels): (batch, time) label ids and (batch, time, labels) probabilities (0 past each
    sequence's length). Equals ``crf_viterbi`` and ``crf_marginals`` per sequence."""
    batch, steps, n = emissions.shape
    lengths = np.asarray(lengths)
    if lengths.shape != (batch,) or (lengths < 1).any() or (lengths > steps).any():
        raise ValueError(f"need one length in 1..{steps} per sequence, got {lengths.tolist()}")
    last = lengths - 1
    rows = np.arange(batch)
    # Viterbi: past its length a sequence's scores are carried unchanged.
    score = start + emissions[:, 0]
    back = np.zeros((batch, steps, n), dtype=np.int64)
    alpha = np.empty((batch, steps, n))
    alpha[:, 0] = score
    for t in range(1, steps):
        live = (t <= last)[:, None]
        total = score[:, :, None] + transitions
        back[:, t] = total.argmax(axis=1)
        score = np.where(live, total.max(axis=1) + emissions[:, t], score)
        alpha[:, t] = _logsumexp(alpha[:, t - 1, :, None] + transitions, 1) + emissions[:, t]
    paths = np.zeros((batch, steps), dtype=np.int64)
    best = (score + end).argmax(axis=1)
    for t in range(steps - 1, -1, -1):
        best = np.where(t == last, (score + end).argmax(axis=1), best)
        paths[:, t] = best
        if t:
            best = np.where(t <= last, back[rows, t, best], best)
    # Backward pass: each sequence starts from ``end`` at its own last position.
    beta = np.empty((batch, steps, n))
    beta[:, steps - 1] = end
    for t in range(steps - 2, -1, -1):
        following = _logsumexp(transitions + (emissions[:, t + 1] + beta[:, t + 1])[:, None, :], 2)
        beta[:, t] = np.where((t >= last)[:, None], end, following)
    log_z = _logsumexp(alpha[rows, last] + end, 1)
    valid = (np.arange(steps)[None, :] <= last[:, None])[:, :, None]
    return paths, np.exp(np.where(valid, alpha + beta - log_z[:, None, None], -np.inf))


@dataclass(frozen=True, slots=True)
class EncodedSentence:
    words: np.ndarray  # (time, 2) word ids of the form and of its bare base
    clusters: np.ndarray  # (time, 2) cluster ids (0 = not in the cluster list) of both forms
    features: np.ndarray  # (time, features) multi-hot float32
    cores: list[str]  # normalized forms, read by the character CNN


class TokenEncoder:
    """Tokens → the network's integer and multi-hot inputs (used by training and inference)."""

    def __init__(
        self,
        featurizer: SentenceFeaturizer,
        words: dict[str, int],
        chars: dict[str, int],
        features: dict[str, int],
        clusters: dict[str, tuple[str, ...]],
    ) -> None:
        self.featurizer = featurizer
        self.words = words
        self.chars = chars
        self.features = features
        self._clusters = clusters  # ``Lexicons.clusters``: word → (rank bucket, c64, c256, c1024)
        self._tokens: dict[str, tuple[str, tuple[int, int, int, int], list[int]]] = {}

    def cluster_id(self, form: str) -> int:
        """1 + the finest cluster id of ``form``; 0 when it is not in the cluster list."""
        known = self._clusters.get(form)
        return int(known[-1]) + 1 if known else 0

    def encode(self, tokens: Sequence[str]) -> EncodedSentence:
        n = len(tokens)
        words = np.empty((n, 2), dtype=np.int64)
        clusters = np.empty((n, 2), dtype=np.int64)
        multi_hot = np.zeros((n, len(self.features)), dtype=np.float32)
        cores: list[str] = []
        for i, (token, extra) in enumerate(zip(tokens, self.featurizer.sentence_features(tokens))):
            core, ids, hot = self._token(token)
            cores.append(core)
            words[i], clusters[i] = ids[:2], ids[2:]
            multi_hot[i, hot] = 1.0
            for feat in extra:
                index = self.features.get(feat)
                if index is not None:
                    multi_hot[i, index] = 1.0
        return EncodedSentence(words, clusters, multi_hot, cores)

    def _token(self, token: str) -> tuple[str, tuple[int, int, int, int], list[int]]:
        """(core form, (word id of core, of bare, cluster id of core, of bare), multi-hot indices
        of its word features) of a token, whatever its sentence: computed once per form."""
        known = self._tokens.get(token)
        if known is None:
            core, _base, bare = self.featurizer.forms(token)
            ids = (self.words.get(core, UNK), self.words.get(bare, UNK), self.cluster_id(core), self.cluster_id(bare))
            hot = [i for f in self.featurizer.word_features(token) if (i := self.features.get(f)) is not None]
            known = (core, ids, hot)
            if len(self._tokens) >= _CACHE_LIMIT:
                self._tokens.clear()
            self._tokens[token] = known
        return known

    def char_ids(self, core: str) -> list[int]:
        """[BOW, chars..., EOW] ids of a normalized form, at most ``MAX_CHARS`` characters."""
        return [BOW, *(self.chars.get(ch, UNK) for ch in core[:MAX_CHARS]), EOW]


class NeuralTagger:
    """The numpy BiLSTM-CRF: ``tag_sentences`` gives (tag, marginal probability) per token."""

    def __init__(self, weights: dict[str, np.ndarray], encoder: TokenEncoder, labels: list[str]):
        w = {k: np.asarray(v, dtype=np.float32) for k, v in weights.items() if k != "word_q"}
        # Word vectors are stored as int8 rows with one float scale per row.
        self._word_vectors = weights["word_q"].astype(np.float32) * w.pop("word_scale")[:, None]
        self._w = w
        self.encoder = encoder
        self._labels = list(labels)
        self._char_width = int(w["char_conv_w"].shape[2])
        self._char_cache: dict[str, np.ndarray] = {}

    @property
    def labels(self) -> list[str]:
        return list(self._labels)

    def _char_vector(self, core: str) -> np.ndarray:
        vec = self._char_cache.get(core)
        if vec is None:
            w = self._w
            ids = self.encoder.char_ids(core)
            pad, length = self._char_width // 2, len(ids)
            padded = np.zeros((length + 2 * pad, w["char_emb"].shape[1]), dtype=np.float32)
            padded[pad : pad + length] = w["char_emb"][ids]
            windows = np.lib.stride_tricks.sliding_window_view(padded, length, axis=0)[: self._char_width]
            # windows: (width, char_dim, length) → (length, width·char_dim), width-major as the filters
            conv = windows.transpose(2, 0, 1).reshape(length, -1) @ w["char_conv_flat"] + w["char_conv_b"]
            vec = np.maximum(conv.max(axis=0), 0.0)
            if len(self._char_cache) >= _CACHE_LIMIT:
                self._char_cache.clear()
            self._char_cache[core] = vec
        return vec

    def _inputs(self, sent: EncodedSentence) -> np.ndarray:
        w = self._w
        words = self._word_vectors[sent.words].reshape(len(sent.cores), -1)
        clusters = w["cluster_emb"][sent.clusters].reshape(len(sent.cores), -1)
        chars = np.stack([self._char_vector(c) for c in sent.cores])
        return np.concatenate([words, clusters, chars, sent.features], axis=1)

    def _batches(self, sentences: Sequence[Sequence[str]]) -> Iterator[tuple[list[int], np.ndarray, np.ndarray]]:
        """(sentence indices, right-padded tag scores (batch, time, labels), lengths) for runs of
        up to ``BATCH`` non-empty sentences of similar length."""
        w = self._w
        order = sorted((i for i, s in enumerate(sentences) if s), key=lambda i: len(sentences[i]))
        for first in range(0, len(order), BATCH):
            batch = order[first : first + BATCH]
            inputs = [self._inputs(self.encoder.encode(sentences[i])) for i in batch]
            lengths = np.array([x.shape[0] for x in inputs])
            x = np.zeros((len(batch), int(lengths.max()), inputs[0].shape[1]), dtype=np.float32)
            x_rev = np.zeros_like(x)
            for b, seq in enumerate(inputs):
                x[b, : lengths[b]] = seq
                x_rev[b, : lengths[b]] = seq[::-1]  # reversed within its length, padding last
            fwd = lstm_forward(x, w["lstm_f_ih"], w["lstm_f_hh"], w["lstm_f_b"])
            bwd = lstm_forward(x_rev, w["lstm_b_ih"], w["lstm_b_hh"], w["lstm_b_b"])
            for b, n in enumerate(lengths.tolist()):
                bwd[b, :n] = bwd[b, :n][::-1].copy()
            yield batch, np.concatenate([fwd, bwd], axis=2) @ w["out_w"].T + w["out_b"], lengths

    def emissions(self, sentences: Sequence[Sequence[str]]) -> list[np.ndarray]:
        """Tag scores (time, labels) per sentence; sentences of similar length run together."""
        out: list[np.ndarray] = [np.zeros((0, len(self._labels)), np.float32)] * len(sentences)
        for batch, scores, lengths in self._batches(sentences):
            for b, index in enumerate(batch):
                out[index] = scores[b, : lengths[b]]
        return out

    def tag_sentences(self, sentences: Sequence[Sequence[str]]) -> list[list[tuple[str, float]]]:
        w = self._w
        tagged: list[list[tuple[str, float]]] = [[] for _ in sentences]
        for batch, scores, lengths in self._batches(sentences):
            paths, marginals = crf_decode_batch(
                scores.astype(np.float64), lengths, w["crf_trans"], w["crf_start"], w["crf_end"])
            for b, index in enumerate(batch):
                path = paths[b, : lengths[b]].tolist()
                tags = repair_bio([self._labels[k] for k in path])
                sure = marginals[b, np.arange(len(path)), path]
                tagged[index] = [(tag, round(float(p), 4)) for tag, p in zip(tags, sure.tolist())]
        return tagged


def load_neural_tagger(
    path: Path,
    featurizer: SentenceFeaturizer,
    clusters: dict[str, tuple[str, ...]],
    ranks: dict[str, int],
    labels: list[str],
) -> NeuralTagger:
    """Read the weights and vocabularies from an ``.npz`` written by the training script."""
    try:
        with np.load(path, allow_pickle=False) as data:
            arrays = {k: data[k] for k in data.files}
    except (OSError, ValueError) as exc:
        raise ModelError(f"NER weights {path} are unreadable: {exc}") from exc
    # Vocabularies travel as newline-joined UTF-8 bytes (a numpy string array pads every entry).
    chars = {c: i + 4 for i, c in enumerate(_strings(arrays.pop("vocab_chars")))}
    features = {f: i for i, f in enumerate(_strings(arrays.pop("vocab_features")))}
    # Word rows follow the frequency order of the shipped cluster list: row 2 + rank.
    rows = arrays["word_q"].shape[0] - 2
    words = {w: rank + 2 for w, rank in ranks.items() if rank < rows}
    conv = arrays["char_conv_w"].astype(np.float32)  # (filters, char_dim, width)
    arrays["char_conv_flat"] = conv.transpose(2, 1, 0).reshape(-1, conv.shape[0])
    encoder = TokenEncoder(featurizer, words, chars, features, clusters)
    return NeuralTagger(arrays, encoder, labels)


def strings_to_array(items: Sequence[str]) -> np.ndarray:
    """Newline-joined UTF-8 bytes of ``items`` (none may contain a newline)."""
    return np.frombuffer("\n".join(items).encode("utf-8"), dtype=np.uint8)


def _strings(data: np.ndarray) -> list[str]:
    text = data.tobytes().decode("utf-8")
    return text.split("\n") if text else []
