"""Train marsad's neural Arabic NER tagger (BiLSTM-CRF) and score it on dev against the CRF.

    python scripts/train_ner_neural.py --no-final              # dev scores only
    python scripts/train_ner_neural.py                         # dev scores, then the shipped model

Needs the training extras (``pip install -r requirements-train.txt``: torch CPU, gensim) and
../shared/data. Inference needs numpy only (``marsad.extract.ner.neural``).

Steps (deterministic: fixed seeds, one fixed thread count, sorted inputs):
1. ANERcorp train → train + dev (the last 10 % of sentences, as for the CRF).
2. Word clusters (``scripts/ner_clusters.py``) and word vectors (``scripts/ner_embeddings.py``),
   both learnt from the unlabelled news and cached in artifacts/ner/; the gazetteer is recompiled.
3. A BiLSTM-CRF trained on train (+ chosen extra corpora) is exported to numpy weights, loaded
   through ``load_recognizer`` and scored on dev next to the CRF's recorded dev figures; then the
   shipped model is trained on train + dev with the same settings.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import sys
import time
import zipfile
from pathlib import Path

# numpy's BLAS threads fight torch's for the two cores (dev tagging ran 20x slower): one thread.
os.environ.setdefault("OPENBLAS_NUM_THREADS", "1")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from torch import nn  # noqa: E402

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_clusters  # noqa: E402
import ner_data  # noqa: E402
import ner_embeddings  # noqa: E402
from train_ner import format_scores, load_lexicons, write_gazetteer  # noqa: E402

from marsad.evaluation.ner import score  # noqa: E402
from marsad.extract.ner.features import SentenceFeaturizer  # noqa: E402
from marsad.extract.ner.neural import (  # noqa: E402
    FEATURE_PREFIXES,
    PAD,
    UNK,
    TokenEncoder,
    allowed_transitions,
    repair_bio,
    strings_to_array,
)
from marsad.extract.ner.recognizer import (  # noqa: E402
    CLUSTERS_FILE,
    FORMAT_VERSION,
    GAZETTEER_FILE,
    META_FILE,
    NEURAL_FILE,
    SHIPPED_MODELS,
    load_recognizer,
)

DEFAULT_CLUSTERS = ner_data.REPO / "artifacts" / "ner" / "clusters.tsv.gz"
DEFAULT_EMBEDDINGS = ner_data.REPO / "artifacts" / "ner" / "word2vec_d100.npz"
LABELS = ["B-LOC", "B-MISC", "B-ORG", "B-PERS", "I-LOC", "I-MISC", "I-ORG", "I-PERS", "O"]
# The CRF's dev figures (MODEL_CARD_ner.md; scripts/train_ner.py --no-final reproduces them).
CRF_DEV = {"micro": 74.75, "PERS": 76.44, "LOC": 86.69, "ORG": 66.41, "MISC": 50.67}
FORBIDDEN = -10_000.0  # transition score of a BIO-invalid step


def _log(msg: str) -> None:
    print(msg, flush=True)


# -- inputs -------------------------------------------------------------------------------------


def feature_vocabulary(featurizer: SentenceFeaturizer, sentences: list[ner_data.Sentence]) -> list[str]:
    seen: set[str] = set()
    for sent in sentences:
        for feats in featurizer.token_features([t for t, _ in sent]):
            seen.update(f for f in feats if f.startswith(FEATURE_PREFIXES))
    return sorted(seen)


def char_vocabulary(featurizer: SentenceFeaturizer, sentences: list[ner_data.Sentence]) -> list[str]:
    seen: set[str] = set()
    for sent in sentences:
        for token, _ in sent:
            seen.update(featurizer.forms(token)[0])
    return sorted(seen - {"\n"})


def word_matrix(embeddings: Path, cluster_words: list[str], rows: int) -> np.ndarray:
    """int8-quantized word vectors (rows PAD, UNK, then the ``rows`` most frequent words in the
    cluster list's order) and their per-row scales, dequantized: what inference will see."""
    with np.load(embeddings) as data:
        words = data["words"].tolist()
        vectors = data["vectors"].astype(np.float32)
    vectors /= vectors.std()
    index = {w: i for i, w in enumerate(words)}
    matrix = np.zeros((rows + 2, vectors.shape[1]), dtype=np.float32)
    for rank, word in enumerate(cluster_words[:rows]):
        i = index.get(word)
        if i is not None:
            matrix[rank + 2] = vectors[i]
    return matrix


def quantize(matrix: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    scale = np.abs(matrix).max(axis=1) / 127.0
    scale = np.where(scale > 0, scale, 1.0).astype(np.float16)
    q = np.clip(np.round(matrix / scale.astype(np.float32)[:, None]), -127, 127).astype(np.int8)
    return q, scale


def encode(encoder: TokenEncoder, sentences: list[ner_data.Sentence]) -> list[dict]:
    label_index = {t: i for i, t in enumerate(LABELS)}
    out = []
    for sent in sentences:
        tokens = [t for t, _ in sent]
        enc = encoder.encode(tokens)
        gold = repair_bio([tag if tag in label_index else "O" for _, tag in sent])
        out.append({
            "words": enc.words, "clusters": enc.clusters, "features": enc.features,
            "chars": [encoder.char_ids(c) for c in enc.cores],
            "labels": np.array([label_index[t] for t in gold], dtype=np.int64),
        })
    return out


def collate(items: list[dict]) -> dict[str, torch.Tensor]:
    lengths = [len(it["labels"]) for it in items]
    batch, steps = len(items), max(lengths)
    n_chars = max(len(c) for it in items for c in it["chars"])
    words = np.zeros((batch, steps, 2), dtype=np.int64)
    clusters = np.zeros((batch, steps, 2), dtype=np.int64)
    features = np.zeros((batch, steps, items[0]["features"].shape[1]), dtype=np.float32)
    chars = np.full((batch, steps, n_chars), PAD, dtype=np.int64)
    labels = np.zeros((batch, steps), dtype=np.int64)
    for b, it in enumerate(items):
        n = lengths[b]
        words[b, :n] = it["words"]
        clusters[b, :n] = it["clusters"]
        features[b, :n] = it["features"]
        labels[b, :n] = it["labels"]
        for t, ids in enumerate(it["chars"]):
            chars[b, t, : len(ids)] = ids
    return {
        "words": torch.from_numpy(words), "clusters": torch.from_numpy(clusters),
        "features": torch.from_numpy(features), "chars": torch.from_numpy(chars),
        "labels": torch.from_numpy(labels), "lengths": torch.tensor(lengths),
    }


# -- model --------------------------------------------------------------------------------------


class BiLstmCrf(nn.Module):
    def __init__(self, words: np.ndarray, n_chars: int, n_features: int, args: argparse.Namespace):
        super().__init__()
        self.words = nn.Embedding.from_pretrained(torch.from_numpy(words), freeze=True)
        self.char_emb = nn.Embedding(n_chars, args.char_dim, padding_idx=PAD)
        self.char_conv = nn.Conv1d(
            args.char_dim, args.char_filters, args.char_width, padding=args.char_width // 2
        )
        self.cluster_emb = nn.Embedding(1025, args.cluster_dim)
        size = 2 * words.shape[1] + 2 * args.cluster_dim + args.char_filters + n_features
        self.dropout = nn.Dropout(args.dropout)
        self.lstm = nn.LSTM(size, args.hidden, batch_first=True, bidirectional=True)
        self.out = nn.Linear(2 * args.hidden, len(LABELS))
        self.trans = nn.Parameter(torch.zeros(len(LABELS), len(LABELS)))
        self.start = nn.Parameter(torch.zeros(len(LABELS)))
        self.end = nn.Parameter(torch.zeros(len(LABELS)))
        trans_ok, start_ok = allowed_transitions(LABELS)
        self.register_buffer("trans_mask", torch.from_numpy(np.where(trans_ok, 0.0, FORBIDDEN)).float())
        self.register_buffer("start_mask", torch.from_numpy(np.where(start_ok, 0.0, FORBIDDEN)).float())
        self.word_dropout = args.word_dropout

    def crf_params(self) -> tuple[torch.Tensor, torch.Tensor, torch.Tensor]:
        return self.trans + self.trans_mask, self.start + self.start_mask, self.end

    def emissions(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        words = batch["words"]
        if self.training and self.word_dropout > 0:
            drop = torch.rand(words.shape) < self.word_dropout
            words = words.masked_fill(drop & (words != PAD), UNK)
        b, t, _ = words.shape
        word_vecs = self.words(words).reshape(b, t, -1)
        cluster_vecs = self.cluster_emb(batch["clusters"]).reshape(b, t, -1)
        chars = batch["chars"].reshape(b * t, -1)
        conv = self.char_conv(self.char_emb(chars).transpose(1, 2))  # (b·t, filters, n_chars)
        conv = conv.masked_fill((chars == PAD).unsqueeze(1), -1e4)
        char_vecs = torch.relu(conv.max(dim=2).values).reshape(b, t, -1)
        x = torch.cat([word_vecs, cluster_vecs, char_vecs, batch["features"]], dim=2)
        x = self.dropout(x)
        packed = nn.utils.rnn.pack_padded_sequence(
            x, batch["lengths"], batch_first=True, enforce_sorted=False
        )
        hidden, _ = self.lstm(packed)
        hidden, _ = nn.utils.rnn.pad_packed_sequence(hidden, batch_first=True, total_length=t)
        return self.out(self.dropout(hidden))

    def loss(self, batch: dict[str, torch.Tensor]) -> torch.Tensor:
        """Mean negative log-likelihood of the gold paths under the CRF."""
        scores = self.emissions(batch)
        trans, start, end = self.crf_params()
        labels, lengths = batch["labels"], batch["lengths"]
        b, t, _ = scores.shape
        mask = torch.arange(t)[None, :] < lengths[:, None]
        rows = torch.arange(b)
        gold = start[labels[:, 0]] + scores[rows, 0, labels[:, 0]]
        alpha = start[None, :] + scores[:, 0]
        for step in range(1, t):
            on = mask[:, step]
            step_gold = trans[labels[:, step - 1], labels[:, step]] + scores[rows, step, labels[:, step]]
            gold = gold + torch.where(on, step_gold, torch.zeros_like(step_gold))
            nxt = torch.logsumexp(alpha[:, :, None] + trans[None], dim=1) + scores[:, step]
            alpha = torch.where(on[:, None], nxt, alpha)
        last = labels[rows, lengths - 1]
        gold = gold + end[last]
        log_z = torch.logsumexp(alpha + end[None], dim=1)
        return (log_z - gold).mean()


def export(model: BiLstmCrf, path: Path, q: np.ndarray, scale: np.ndarray, chars: list[str],
           features: list[str]) -> None:
    def half(t: torch.Tensor) -> np.ndarray:
        return t.detach().numpy().astype(np.float16)

    def single(t: torch.Tensor) -> np.ndarray:
        return t.detach().numpy().astype(np.float32)

    lstm = model.lstm
    trans, start, end = model.crf_params()
    arrays = {
        "word_q": q, "word_scale": scale,
        "char_emb": half(model.char_emb.weight), "char_conv_w": half(model.char_conv.weight),
        "char_conv_b": single(model.char_conv.bias), "cluster_emb": half(model.cluster_emb.weight),
        "lstm_f_ih": half(lstm.weight_ih_l0), "lstm_f_hh": half(lstm.weight_hh_l0),
        "lstm_f_b": single(lstm.bias_ih_l0 + lstm.bias_hh_l0),
        "lstm_b_ih": half(lstm.weight_ih_l0_reverse), "lstm_b_hh": half(lstm.weight_hh_l0_reverse),
        "lstm_b_b": single(lstm.bias_ih_l0_reverse + lstm.bias_hh_l0_reverse),
        "out_w": half(model.out.weight), "out_b": single(model.out.bias),
        "crf_trans": single(trans), "crf_start": single(start), "crf_end": single(end),
        "vocab_chars": strings_to_array(chars), "vocab_features": strings_to_array(features),
    }
    write_npz(path, arrays)


def write_npz(path: Path, arrays: dict[str, np.ndarray]) -> None:
    """``np.savez_compressed`` without timestamps, so that a rebuild is byte-identical."""
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name in sorted(arrays):
            info = zipfile.ZipInfo(f"{name}.npy", date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            with archive.open(info, "w", force_zip64=True) as fh:
                np.lib.format.write_array(fh, np.asarray(arrays[name]), allow_pickle=False)


# -- training -----------------------------------------------------------------------------------


def seed_everything(seed: int, threads: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    torch.set_num_threads(threads)
    torch.use_deterministic_algorithms(True)


def batches(data: list[dict], size: int, rng: random.Random) -> list[list[dict]]:
    """Batches of similar length (less padding), in a shuffled order."""
    order = sorted(range(len(data)), key=lambda i: (len(data[i]["labels"]), rng.random()))
    groups = [order[k : k + size] for k in range(0, len(order), size)]
    rng.shuffle(groups)
    return [[data[i] for i in g] for g in groups]


def write_meta(folder: Path, args: argparse.Namespace, result: dict | None, extras: list[str],
               n_features: int, n_chars: int) -> None:
    meta = {
        "format_version": FORMAT_VERSION,
        "family": "bilstm-crf",
        "model": "BiLSTM-CRF (numpy inference; trained with PyTorch)",
        "labels": LABELS,
        "settings": {
            k: getattr(args, k) for k in (
                "epochs", "hidden", "char_dim", "char_filters", "char_width", "cluster_dim",
                "dropout", "word_dropout", "lr", "final_lr", "batch_size", "vocab", "seed",
            )
        },
        "inputs": {"features": n_features, "chars": n_chars},
        "training_data": ["ANERcorp train (CAMeL split reproduced), all sentences", *extras],
    }
    if result is not None:
        meta["dev"] = {
            "split": "last 10% of ANERcorp train sentences, model trained on the other 90%",
            "sentences": result["sentences"],
            "tokens": result["tokens"],
            "micro": result["micro"],
            "per_type": result["per_type"],
        }
    text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
    (folder / META_FILE).write_text(text, encoding="utf-8")


def train_model(
    sentences: list[ner_data.Sentence],
    folder: Path,
    args: argparse.Namespace,
    extras: list[str],
    dev: list[ner_data.Sentence] | None = None,
) -> dict | None:
    """Train on ``sentences``, write the model folder; with ``dev``, score it (numpy path)."""
    seed_everything(args.seed, args.threads)
    lexicons = load_lexicons(folder)
    featurizer = SentenceFeaturizer(lexicons)
    cluster_words = sorted(lexicons.ranks, key=lexicons.ranks.__getitem__)
    features = feature_vocabulary(featurizer, sentences)
    chars = char_vocabulary(featurizer, sentences)
    q, scale = quantize(word_matrix(args.embeddings, cluster_words, args.vocab))
    words = q.astype(np.float32) * scale.astype(np.float32)[:, None]
    encoder = TokenEncoder(
        featurizer,
        {w: r + 2 for w, r in lexicons.ranks.items() if r < args.vocab},
        {c: i + 4 for i, c in enumerate(chars)},
        {f: i for i, f in enumerate(features)},
        lexicons.clusters,
    )
    data = encode(encoder, sentences)
    _log(f"  {len(data)} sentences, {len(features)} features, {len(chars)} characters, "
         f"{args.vocab} word rows")
    model = BiLstmCrf(words, len(chars) + 4, len(features), args)
    optimizer = torch.optim.Adam([p for p in model.parameters() if p.requires_grad], lr=args.lr)
    rng = random.Random(args.seed)
    started = time.perf_counter()
    result = None
    for epoch in range(1, args.epochs + 1):
        # Linear decay to ``final_lr`` of the initial rate: the last epochs settle rather than
        # jump between minima, so the fixed epoch count needs no early stopping on dev.
        progress = (epoch - 1) / max(1, args.epochs - 1)
        for group in optimizer.param_groups:
            group["lr"] = args.lr * (1.0 - (1.0 - args.final_lr) * progress)
        model.train()
        total = 0.0
        for group in batches(data, args.batch_size, rng):
            optimizer.zero_grad()
            loss = model.loss(collate(group))
            loss.backward()
            nn.utils.clip_grad_norm_(model.parameters(), args.clip)
            optimizer.step()
            total += loss.item() * len(group)
        model.eval()
        export(model, folder / NEURAL_FILE, q, scale, chars, features)
        msg = f"  epoch {epoch:2d} loss {total / len(data):7.3f} {time.perf_counter() - started:5.0f}s"
        if dev is not None and (epoch % args.dev_every == 0 or epoch == args.epochs):
            write_meta(folder, args, None, extras, len(features), len(chars))
            result = score_dev(folder, dev)
            msg += f"  dev F1 {result['micro']['f1']:.2f}"
        _log(msg)
    write_meta(folder, args, result, extras, len(features), len(chars))
    _log(f"  trained in {time.perf_counter() - started:.0f}s")
    return result


def score_dev(folder: Path, dev: list[ner_data.Sentence]) -> dict:
    recognizer = load_recognizer(folder)
    started = time.perf_counter()
    tagged = recognizer.tag_document([[t for t, _ in sent] for sent in dev])
    elapsed = time.perf_counter() - started
    result = score([[tag for _, tag in sent] for sent in dev], [[t for t, _ in s] for s in tagged])
    result["tokens_per_second"] = round(result["tokens"] / elapsed)
    return result


def prepare_folder(folder: Path, clusters: Path) -> None:
    """A model folder with the lexical files the features read (clusters, gazetteer)."""
    folder.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(clusters, folder / CLUSTERS_FILE)
    write_gazetteer(folder / GAZETTEER_FILE)


def comparison(result: dict) -> str:
    rows = [f"{'':6} {'CRF':>6} {'neural':>7} {'diff':>6}"]
    for name in ("PERS", "LOC", "ORG", "MISC", "micro"):
        mine = result["micro"]["f1"] if name == "micro" else result["per_type"][name]["f1"]
        rows.append(f"{name:6} {CRF_DEV[name]:6.2f} {mine:7.2f} {mine - CRF_DEV[name]:+6.2f}")
    return "\n".join(rows)


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=SHIPPED_MODELS["bilstm"])
    parser.add_argument("--work", type=Path, default=Path("/tmp/ner_neural"))
    parser.add_argument("--clusters", type=Path, default=DEFAULT_CLUSTERS)
    parser.add_argument("--embeddings", type=Path, default=DEFAULT_EMBEDDINGS)
    parser.add_argument("--extra", default="", help="comma list of extra corpora: newsfane,aqmar")
    parser.add_argument("--no-final", action="store_true", help="stop after the dev scores")
    parser.add_argument("--epochs", type=int, default=20)
    parser.add_argument("--hidden", type=int, default=128)
    parser.add_argument("--char-dim", type=int, default=24)
    parser.add_argument("--char-filters", type=int, default=50)
    parser.add_argument("--char-width", type=int, default=3)
    parser.add_argument("--cluster-dim", type=int, default=16)
    parser.add_argument("--dropout", type=float, default=0.5)
    parser.add_argument("--word-dropout", type=float, default=0.05)
    parser.add_argument("--lr", type=float, default=1e-3)
    parser.add_argument("--final-lr", type=float, default=0.1, help="last epoch's share of --lr")
    parser.add_argument("--clip", type=float, default=5.0)
    parser.add_argument("--batch-size", type=int, default=16)
    parser.add_argument("--vocab", type=int, default=100_000, help="word vector rows shipped")
    parser.add_argument("--seed", type=int, default=20240611)
    parser.add_argument("--threads", type=int, default=2)
    parser.add_argument("--dev-every", type=int, default=1)
    args = parser.parse_args()
    extras = [x for x in args.extra.split(",") if x]

    train, dev = ner_data.anercorp_splits()
    _log(f"ANERcorp: train {len(train)} sentences / {sum(map(len, train))} tokens, "
         f"dev {len(dev)} / {sum(map(len, dev))}")
    if not args.clusters.is_file():
        _log(f"building word clusters into {args.clusters}")
        ner_clusters.build(args.clusters, train)
    if not args.embeddings.is_file():
        _log(f"building word vectors into {args.embeddings}")
        ner_embeddings.build(args.embeddings, train, args.work)

    dev_folder = args.work / "dev_model"
    prepare_folder(dev_folder, args.clusters)

    from train_ner import extra_sentences

    _log(f"dev model (extra={','.join(extras) or 'none'}):")
    result = train_model(train + extra_sentences(extras, dev, final=False), dev_folder, args,
                         extras, dev)
    assert result is not None
    _log("dev:")
    _log(format_scores(result))
    _log(comparison(result))
    _log(f"tagging speed on dev: {result['tokens_per_second']} tokens/s")
    if args.no_final:
        return

    _log("shipped model:")
    prepare_folder(args.out, args.clusters)
    train_model(train + dev + extra_sentences(extras, dev, final=True), args.out, args, extras)
    meta_path = args.out / META_FILE
    meta = json.loads(meta_path.read_text(encoding="utf-8"))
    meta["dev"] = json.loads((dev_folder / META_FILE).read_text(encoding="utf-8"))["dev"]
    meta_path.write_text(json.dumps(meta, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for stale in ("model.crfsuite", "model2.crfsuite"):
        (args.out / stale).unlink(missing_ok=True)
    sizes = {p.name: p.stat().st_size for p in sorted(args.out.iterdir()) if p.is_file()}
    _log("model folder: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items())
         + f"; total {sum(sizes.values()) / 1e6:.2f} MB")


if __name__ == "__main__":
    main()
