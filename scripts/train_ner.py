"""Train marsad's Arabic NER model (CRF) from /work/shared/data and write the shipped model folder.

    python scripts/train_ner.py                   # dev scores, then the shipped model
    python scripts/train_ner.py --no-final --out /tmp/ner --c1 0.1   # dev scores of a variant

Steps (deterministic: fixed seeds, sorted inputs, gzip without timestamps):
1. ANERcorp train → train + dev (the last 10 % of sentences, in order; the official split is
   sequential too).
2. Word clusters from unlabelled news (``scripts/ner_clusters.py``; cached in artifacts/ner/).
3. Gazetteer compiled from ANERGazet, the GATE Arabic lists and the country table.
4. A CRF trained on train (+ the chosen extra corpora) is scored on dev and the figures printed;
   then the shipped CRF is trained on train + dev with the same settings. ``--two-stage`` adds a
   second CRF fed with document-level votes of the first (see the model card: no reliable gain).
"""

from __future__ import annotations

import argparse
import gzip
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

import pycrfsuite

sys.path.insert(0, str(Path(__file__).resolve().parent))
import ner_clusters  # noqa: E402
import ner_data  # noqa: E402

from marsad.evaluation.ner import score  # noqa: E402
from marsad.extract.ner.features import (  # noqa: E402
    Lexicons,
    SentenceFeaturizer,
    load_clusters,
    load_gazetteer,
)
from marsad.extract.ner.recognizer import (  # noqa: E402
    CLUSTERS_FILE,
    DEFAULT_MODEL_DIR,
    FORMAT_VERSION,
    GAZETTEER_FILE,
    META_FILE,
    MODEL_FILE,
    SECOND_MODEL_FILE,
    Recognizer,
)

DEFAULT_CLUSTERS = ner_data.REPO / "artifacts" / "ner" / "clusters.tsv.gz"
# The second stage is trained on first-stage tags that the first stage did not see in training:
# the sentences are cut into this many contiguous folds, each tagged by a model of the others.
JACKKNIFE_FOLDS = 2
TYPES = ("PERS", "LOC", "ORG", "MISC")


def _log(msg: str) -> None:
    print(msg, flush=True)


def write_gazetteer(path: Path) -> None:
    entries = ner_data.compile_gazetteer()
    # No file name or time in the gzip header: rebuilds are byte-identical.
    with path.open("wb") as raw, gzip.GzipFile("", "wb", fileobj=raw, mtime=0) as fh:
        fh.write("".join(f"{kind}\t{phrase}\n" for kind, phrase in entries).encode("utf-8"))


def load_lexicons(folder: Path) -> Lexicons:
    clusters, ranks = load_clusters(folder / CLUSTERS_FILE)
    gazetteer, starts = load_gazetteer(folder / GAZETTEER_FILE)
    return Lexicons(clusters, ranks, gazetteer, starts)


def train_crf(
    featurizer: SentenceFeaturizer,
    sentences: list[ner_data.Sentence],
    model_path: Path,
    c1: float,
    c2: float,
    max_iterations: int,
    votes: list[list[tuple[str, ...]]] | None = None,
) -> float:
    started = time.perf_counter()
    trainer = pycrfsuite.Trainer(verbose=False)
    for index, sent in enumerate(sentences):
        feats = featurizer.sentence([t for t, _ in sent], None if votes is None else votes[index])
        trainer.append(feats, [tag for _, tag in sent])
    trainer.set_params(
        {
            "c1": c1,
            "c2": c2,
            "max_iterations": max_iterations,
            "feature.possible_transitions": True,
        }
    )
    trainer.train(str(model_path))
    return time.perf_counter() - started


def _tagger(path: Path) -> pycrfsuite.Tagger:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return tagger


def dev_scores(
    first: Path, lexicons: Lexicons, dev: list[ner_data.Sentence], second: Path | None = None
) -> dict:
    recognizer = Recognizer(_tagger(first), lexicons, {}, _tagger(second) if second else None)
    started = time.perf_counter()
    tagged = recognizer.tag_document([[t for t, _ in sent] for sent in dev])
    pred = [[tag for tag, _ in sent] for sent in tagged]
    elapsed = time.perf_counter() - started
    result = score([[tag for _, tag in sent] for sent in dev], pred)
    result["tokens_per_second"] = round(result["tokens"] / elapsed)
    return result


def _score_row(name: str, r: dict) -> str:
    return f"{name:6} {r['precision']:6.2f} {r['recall']:6.2f} {r['f1']:6.2f} {r['support']:5d}"


def format_scores(result: dict) -> str:
    rows = [f"{'type':6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>5}"]
    for name in TYPES:
        r = result["per_type"].get(name)
        if r:
            rows.append(_score_row(name, r))
    rows.append(_score_row("micro", result["micro"]))
    return "\n".join(rows)


def jackknife_votes(
    featurizer: SentenceFeaturizer,
    lexicons: Lexicons,
    sentences: list[ner_data.Sentence],
    work: Path,
    c1: float,
    c2: float,
    max_iterations: int,
    folds: int = JACKKNIFE_FOLDS,
) -> list[list[tuple[str, ...]]]:
    """Second-stage vote features for training sentences, from held-out first-stage tags."""
    bounds = [round(k * len(sentences) / folds) for k in range(folds + 1)]
    tags: list[list[str]] = []
    for k in range(folds):
        held = sentences[bounds[k] : bounds[k + 1]]
        rest = sentences[: bounds[k]] + sentences[bounds[k + 1] :]
        model = work / f"fold{k}.crfsuite"
        secs = train_crf(featurizer, rest, model, c1, c2, max_iterations)
        tagger = _tagger(model)
        for sent in held:
            tagger.set(featurizer.sentence([t for t, _ in sent]))
            tags.append(list(tagger.tag()))
        _log(f"  fold {k + 1}/{folds} trained in {secs:.0f}s")
    return featurizer.document_votes([[t for t, _ in sent] for sent in sentences], tags)


def train_two_stage(
    featurizer: SentenceFeaturizer,
    lexicons: Lexicons,
    sentences: list[ner_data.Sentence],
    first: Path,
    second: Path,
    work: Path,
    args: argparse.Namespace,
) -> None:
    secs = train_crf(featurizer, sentences, first, args.c1, args.c2, args.max_iterations)
    _log(f"  first stage trained in {secs:.0f}s on {len(sentences)} sentences")
    if not args.two_stage:
        return
    votes = jackknife_votes(
        featurizer, lexicons, sentences, work, args.c1, args.c2, args.max_iterations, args.folds
    )
    secs = train_crf(featurizer, sentences, second, args.c1, args.c2, args.max_iterations, votes)
    _log(f"  second stage trained in {secs:.0f}s")


def extra_sentences(
    names: list[str], dev: list[ner_data.Sentence], final: bool
) -> list[ner_data.Sentence]:
    """Extra training corpora; for the dev model NewsFANE loses the sentences overlapping dev."""
    out: list[ner_data.Sentence] = []
    if "newsfane" in names:
        out += ner_data.newsfane([] if final else dev)
    if "aqmar" in names:
        out += ner_data.aqmar()
    return out


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--out", type=Path, default=DEFAULT_MODEL_DIR)
    parser.add_argument("--clusters", type=Path, default=DEFAULT_CLUSTERS)
    parser.add_argument("--c1", type=float, default=0.05)
    parser.add_argument("--c2", type=float, default=0.01)
    parser.add_argument("--max-iterations", type=int, default=300)
    parser.add_argument("--extra", default="", help="comma list of extra corpora: newsfane,aqmar")
    parser.add_argument("--no-final", action="store_true", help="stop after the dev scores")
    parser.add_argument("--save-dev-model", type=Path, help="keep the dev models in this folder")
    parser.add_argument("--folds", type=int, default=JACKKNIFE_FOLDS, help="jackknife folds")
    parser.add_argument(
        "--two-stage", action="store_true",
        help="add the second (document vote) stage; it did not help reliably on dev, so it is off",
    )
    args = parser.parse_args()
    extras = [x for x in args.extra.split(",") if x]
    single_stage = not args.two_stage

    train, dev = ner_data.anercorp_splits()
    _log(f"ANERcorp: train {len(train)} sentences / {sum(map(len, train))} tokens, "
         f"dev {len(dev)} / {sum(map(len, dev))}")
    if not args.clusters.is_file():
        _log(f"building word clusters into {args.clusters}")
        ner_clusters.build(args.clusters, train)

    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp)
        staging = args.out
        staging.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(args.clusters, staging / CLUSTERS_FILE)
        write_gazetteer(staging / GAZETTEER_FILE)
        lexicons = load_lexicons(staging)
        featurizer = SentenceFeaturizer(lexicons)

        sents = train + extra_sentences(extras, dev, final=False)
        _log(f"dev models (c1={args.c1}, c2={args.c2}, extra={','.join(extras) or 'none'}):")
        train_two_stage(
            featurizer, lexicons, sents, work / "dev1.crfsuite", work / "dev2.crfsuite", work, args
        )
        stage1 = dev_scores(work / "dev1.crfsuite", lexicons, dev)
        _log("dev:" if single_stage else "dev, first stage only:")
        _log(format_scores(stage1))
        result = stage1
        if not single_stage:
            result = dev_scores(work / "dev1.crfsuite", lexicons, dev, work / "dev2.crfsuite")
            _log("dev, two stages:")
            _log(format_scores(result))
        _log(f"tagging speed on dev: {result['tokens_per_second']} tokens/s")
        if args.save_dev_model:
            args.save_dev_model.mkdir(parents=True, exist_ok=True)
            for name in ("dev1.crfsuite", "dev2.crfsuite"):
                if (work / name).is_file():
                    shutil.copyfile(work / name, args.save_dev_model / name)
        if args.no_final:
            return

        final = train + dev + extra_sentences(extras, dev, final=True)
        _log("shipped models:")
        train_two_stage(
            featurizer, lexicons, final, args.out / MODEL_FILE, args.out / SECOND_MODEL_FILE,
            work, args,
        )
        if single_stage:
            (args.out / SECOND_MODEL_FILE).unlink(missing_ok=True)
        meta = {
            "format_version": FORMAT_VERSION,
            "family": "crf",
            "model": "linear-chain CRF (python-crfsuite, L-BFGS)"
            + ("" if single_stage else ", two stages (second pools mentions over ±10 sentences)"),
            "second_stage": not single_stage,
            "labels": sorted(pycrfsuite_labels(args.out / MODEL_FILE)),
            "c1": args.c1,
            "c2": args.c2,
            "max_iterations": args.max_iterations,
            "training_data": ["ANERcorp train (CAMeL split reproduced), all sentences", *extras],
            "dev": {
                "split": "last 10% of ANERcorp train sentences, model trained on the other 90%",
                "sentences": result["sentences"],
                "tokens": result["tokens"],
                "micro": result["micro"],
                "per_type": result["per_type"],
            },
        }
        if not single_stage:
            meta["jackknife_folds"] = args.folds
            meta["dev"]["first_stage_micro"] = stage1["micro"]
        meta_text = json.dumps(meta, ensure_ascii=False, indent=1) + "\n"
        (args.out / META_FILE).write_text(meta_text, encoding="utf-8")
        sizes = {p.name: p.stat().st_size for p in sorted(args.out.iterdir()) if p.is_file()}
        _log("model folder: " + ", ".join(f"{k} {v / 1e6:.2f} MB" for k, v in sizes.items())
             + f"; total {sum(sizes.values()) / 1e6:.2f} MB")


def pycrfsuite_labels(path: Path) -> list[str]:
    tagger = pycrfsuite.Tagger()
    tagger.open(str(path))
    return list(tagger.labels())


if __name__ == "__main__":
    main()
