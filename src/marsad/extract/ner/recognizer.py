"""The shipped Arabic named-entity recognizer over whitespace tokens.

Two models ship, each a folder whose ``meta.json`` names its family (see MODEL_CARD_ner.md):

- ``crf`` (``models/ner/``, the default): a feature CRF (python-crfsuite, ``scripts/train_ner.py``),
  ~50,000 tokens/s on one core, so ingest with full extraction keeps above 50 articles/s on 2 cores;
- ``bilstm`` (``models/ner_bilstm/``): a BiLSTM-CRF run with numpy (``neural.py``,
  ``scripts/train_ner_neural.py``), 3 points more F1 on dev at ~13,000 tokens/s, about a third of
  the ingest speed. Chosen with ``MARSAD_NER_MODEL=bilstm`` (or ``marsad ingest --ner-model``).

Tags follow ANERcorp: BIO over PERS, LOC, ORG, MISC, one tag per whitespace token with its clitics
attached (وموسكو is one B-LOC token). ``entities()`` returns character spans and trims a leading
proclitic (و ف ب ل) off the first token when the rest is the more frequent word, so وموسكو
gives the span موسكو while واشنطن stays whole.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from marsad.errors import ModelError
from marsad.extract.ner._bio import bio_entities
from marsad.extract.ner._lexicon import (
    CONJUNCTIONS,
    EDGE_PUNCTUATION,
    MIN_BASE_LETTERS,
    SPAN_PREPOSITIONS,
)
from marsad.extract.ner._tokenize import sentences_with_tokens
from marsad.extract.ner.features import (
    Lexicons,
    SentenceFeaturizer,
    core_form,
    load_clusters,
    load_gazetteer,
)
from marsad.extract.ner.neural import NeuralTagger, load_neural_tagger

__all__ = ["DEFAULT_MODEL_DIR", "SHIPPED_MODELS", "EntitySpan", "Recognizer", "load_recognizer", "model_folder"]

MODELS_DIR = Path(__file__).resolve().parents[1] / "models"
# The shipped models by name; MARSAD_NER_MODEL picks one (or a folder) for a whole run.
SHIPPED_MODELS = {"crf": MODELS_DIR / "ner", "bilstm": MODELS_DIR / "ner_bilstm"}
DEFAULT_MODEL = "crf"
DEFAULT_MODEL_DIR = SHIPPED_MODELS[DEFAULT_MODEL]
MODEL_ENV = "MARSAD_NER_MODEL"
MODEL_FILE = "model.crfsuite"
NEURAL_FILE = "model.npz"  # BiLSTM-CRF weights (``meta["family"] == "bilstm-crf"``)
SECOND_MODEL_FILE = "model2.crfsuite"  # optional second stage (``meta["second_stage"]``)
CLUSTERS_FILE = "clusters.tsv.gz"
GAZETTEER_FILE = "gazetteer.tsv.gz"
META_FILE = "meta.json"
FORMAT_VERSION = 1


@dataclass(frozen=True, slots=True)
class EntitySpan:
    """One recognized entity: ``text[start:end] == self.text`` in the text given to ``entities``.

    ``confidence`` is the lowest per-token marginal probability of the entity's tags (CRF
    forward-backward, for both model families); ``sentence``
    is the index of the sentence it was found in.
    """

    start: int
    end: int
    text: str
    label: str
    confidence: float
    sentence: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> EntitySpan:
        return cls(
            start=int(d["start"]), end=int(d["end"]), text=d["text"], label=d["label"],
            confidence=float(d["confidence"]), sentence=int(d["sentence"]),
        )


class Recognizer:
    """Tags tokens and finds entity spans in text with a trained model.

    ``first`` is a ``NeuralTagger`` or a crfsuite tagger. A crfsuite ``first`` tags each sentence
    on its own; ``second`` (optional, CRF only) tags it again knowing what the first pass said
    about other mentions of the same words in the surrounding sentences.
    """

    def __init__(
        self, first: Any, lexicons: Lexicons, meta: dict[str, Any], second: Any | None = None
    ) -> None:
        self._first = first
        self._second = second
        self._lexicons = lexicons
        self._featurizer = SentenceFeaturizer(lexicons)
        self.meta = meta

    @property
    def labels(self) -> list[str]:
        if isinstance(self._first, NeuralTagger):
            return self._first.labels
        return list(self._first.labels())

    def tag(self, tokens: list[str]) -> list[tuple[str, float]]:
        """One (BIO tag, marginal probability of that tag) per token of one sentence."""
        return self.tag_document([tokens])[0]

    def tag_document(self, sentences: list[list[str]]) -> list[list[tuple[str, float]]]:
        """Tag the sentences of one document (their order matters to the second stage)."""
        if isinstance(self._first, NeuralTagger):
            return self._first.tag_sentences(sentences)
        first = [self._run(self._first, self._featurizer.sentence(toks)) for toks in sentences]
        if self._second is None:
            return first
        votes = self._featurizer.document_votes(
            sentences, [[tag for tag, _ in sent] for sent in first]
        )
        return [
            self._run(self._second, self._featurizer.sentence(toks, sent_votes))
            for toks, sent_votes in zip(sentences, votes)
        ]

    @staticmethod
    def _run(tagger: Any, features: list[list[str]]) -> list[tuple[str, float]]:
        if not features:
            return []
        tagger.set(features)
        tags = tagger.tag()
        marginal = tagger.marginal
        return [(tag, round(marginal(tag, i), 4)) for i, tag in enumerate(tags)]

    def entities(self, text: str) -> list[EntitySpan]:
        """Entities in ``text``, sentence by sentence, with character offsets into ``text``."""
        spans: list[EntitySpan] = []
        pieces = sentences_with_tokens(text)
        document = self.tag_document([[t.text for t in tokens] for _, tokens in pieces])
        for index, ((_sentence, tokens), tagged) in enumerate(zip(pieces, document)):
            for label, first, stop in bio_entities([tag for tag, _ in tagged]):
                start = tokens[first].start
                start += self.leading_clitic_length(tokens[first].text)
                end = tokens[stop - 1].end
                start, end = _trim_punctuation(text, start, end)
                if start >= end:
                    continue
                confidence = min(prob for _, prob in tagged[first:stop])
                spans.append(EntitySpan(start, end, text[start:end], label, confidence, index))
        return spans

    def leading_clitic_length(self, token: str) -> int:
        """How many characters of ``token`` are a proclitic to leave out of an entity span.

        Candidates are a one-letter conjunction (و ف), a preposition (ب ل), or both; the deepest
        cut wins whose rest is a word of at least ``MIN_BASE_LETTERS`` letters that is more
        frequent in news than the token and any shallower cut, and that is not a cut off a
        gazetteer name (واشنطن stays whole). لل (ل + ال) is left whole: its rest is not a word.
        """
        ranks = self._lexicons.ranks
        gazetteer = self._lexicons.gazetteer
        cuts: list[int] = []
        pos = 0
        if token[:1] in CONJUNCTIONS:
            pos = _skip_marks(token, 1)
            cuts.append(pos)
        if token[pos : pos + 1] in SPAN_PREPOSITIONS and token[pos : pos + 2] != "لل":
            cuts.append(_skip_marks(token, pos + 1))
        full = core_form(token)
        best_cut, best_rank = 0, ranks.get(full, len(ranks))
        for cut in cuts:
            rest = core_form(token[cut:])
            if len(rest) < MIN_BASE_LETTERS or rest not in ranks:
                continue
            if full in gazetteer and rest not in gazetteer:
                continue
            if ranks[rest] < best_rank:
                best_cut, best_rank = cut, ranks[rest]
        return best_cut


def _skip_marks(token: str, pos: int) -> int:
    """First position at or after ``pos`` that is not a diacritic or tatweel."""
    while pos < len(token) and ("\u064b" <= token[pos] <= "\u065f" or token[pos] in "\u0670\u0640"):
        pos += 1
    return pos


def _trim_punctuation(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start] in EDGE_PUNCTUATION:
        start += 1
    while end > start and text[end - 1] in EDGE_PUNCTUATION:
        end -= 1
    return start, end


def model_folder(name_or_path: str | Path | None = None) -> Path:
    """The folder of a shipped model by name (``crf``, ``bilstm``) or a folder path; by default
    ``$MARSAD_NER_MODEL``, else ``crf``."""
    chosen = name_or_path if name_or_path is not None else os.environ.get(MODEL_ENV) or DEFAULT_MODEL
    return SHIPPED_MODELS.get(str(chosen), Path(chosen))


def load_recognizer(path: str | Path | None = None) -> Recognizer:
    """Load the recognizer from a shipped model's name or a model folder (default: see
    ``model_folder``).

    ``meta.json`` names the model family: ``"bilstm-crf"`` (numpy weights in ``model.npz``) or
    ``"crf"`` (python-crfsuite, the default for folders written before families existed).
    Raises ModelError when a model file is missing or unreadable.
    """
    folder = model_folder(path)
    _require(folder, [META_FILE])
    try:
        meta = json.loads((folder / META_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ModelError(f"NER model in {folder} is unreadable: {exc}") from exc
    if meta.get("format_version") != FORMAT_VERSION:
        raise ModelError(
            f"{folder / META_FILE}: format_version {meta.get('format_version')!r}, "
            f"this marsad reads {FORMAT_VERSION}; rebuild with `python scripts/train_ner_neural.py`"
        )
    family = meta.get("family", "crf")
    if family not in ("crf", "bilstm-crf"):
        raise ModelError(f"{folder / META_FILE}: unknown model family {family!r}")
    neural = family == "bilstm-crf"
    _require(folder, [NEURAL_FILE if neural else MODEL_FILE, CLUSTERS_FILE, GAZETTEER_FILE])
    try:
        clusters, ranks = load_clusters(folder / CLUSTERS_FILE)
        gazetteer, phrase_starts = load_gazetteer(folder / GAZETTEER_FILE)
        lexicons = Lexicons(clusters, ranks, gazetteer, phrase_starts)
        if neural:
            first = load_neural_tagger(
                folder / NEURAL_FILE, SentenceFeaturizer(lexicons), clusters, ranks,
                list(meta["labels"]),
            )
            return Recognizer(first, lexicons, meta)
        first, second = _load_crf(folder, meta)
    except ModelError:
        raise
    except (OSError, ValueError, EOFError, KeyError) as exc:
        raise ModelError(f"NER model in {folder} is unreadable: {exc}") from exc
    return Recognizer(first, lexicons, meta, second)


def _require(folder: Path, names: list[str]) -> None:
    missing = [name for name in names if not (folder / name).is_file()]
    if missing:
        raise ModelError(
            f"NER model folder {folder} lacks {', '.join(missing)}; reinstall marsad or rebuild "
            "the model with `python scripts/train_ner_neural.py`"
        )


def _load_crf(folder: Path, meta: dict[str, Any]) -> tuple[Any, Any | None]:
    import pycrfsuite  # imported here so marsad imports without the CRF library

    first = pycrfsuite.Tagger()
    first.open(str(folder / MODEL_FILE))
    second = None
    if meta.get("second_stage"):
        _require(folder, [SECOND_MODEL_FILE])
        second = pycrfsuite.Tagger()
        second.open(str(folder / SECOND_MODEL_FILE))
    return first, second
