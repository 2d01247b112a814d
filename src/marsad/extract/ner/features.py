"""CRF features for Arabic named-entity tagging, shared by training and inference.

A token's features depend only on its own string and on the lexical resources (word clusters learnt
from unlabelled news, a gazetteer and the cue lists in ``_lexicon``), so they are computed once per
distinct token and cached; a sentence then adds window (±2) copies, word bigrams and gazetteer
phrase matches. Feature names use ``=`` and never ``:`` (crfsuite reads ``name:value`` as a weight).
"""

from __future__ import annotations

import gzip
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

from marsad.extract.ner._lexicon import (
    ARTICLE,
    CONJUNCTIONS,
    EDGE_PUNCTUATION,
    LOC_CUES,
    MIN_BASE_LETTERS,
    ORG_CUES,
    PERSON_CUES,
    PREPOSITIONS,
    SPEECH_CUES,
)
from marsad.text.normalize import normalize_for_matching

__all__ = [
    "Lexicons",
    "SentenceFeaturizer",
    "core_form",
    "load_clusters",
    "load_gazetteer",
    "split_proclitics",
]

# Longest gazetteer phrase matched, in tokens.
MAX_PHRASE_TOKENS = 6
# Frequency-rank buckets of the unlabelled corpus: very common words are rarely names.
RANK_BUCKETS = ((300, "r0"), (3_000, "r1"), (30_000, "r2"), (100_000, "r3"))
_WORD_CACHE_LIMIT = 300_000
# Opening quote mark → the closing mark it pairs with.
QUOTE_MARKS = {"«": "»", '"': '"', "“": "”", "'": "'", "»": "«"}
MAX_QUOTED_TOKENS = 6
# Sentences on each side pooled by the second stage (a news story's worth).
VOTE_WINDOW = 10


def core_form(token: str) -> str:
    """Normalized token without punctuation stuck to its edges ("(د" → "د")."""
    norm = normalize_for_matching(token)
    stripped = norm.strip(EDGE_PUNCTUATION)
    return stripped or norm


def split_proclitics(norm: str) -> tuple[str, str]:
    """Split normalized ``norm`` into (proclitics, base); the article ال stays on the base.

    و/ف then ب/ل/ك come off only when at least ``MIN_BASE_LETTERS`` letters remain; لل (ل + ال
    with the alef dropped) gives the base back its ال: للامم → ("ل", "الامم").
    """
    prefix = ""
    rest = norm
    if rest[:1] in CONJUNCTIONS and len(rest) - 1 >= MIN_BASE_LETTERS:
        prefix, rest = rest[0], rest[1:]
    if rest[:1] in PREPOSITIONS and len(rest) - 1 >= MIN_BASE_LETTERS:
        if rest.startswith("لل") and len(rest) - 2 >= MIN_BASE_LETTERS - 1:
            return prefix + "ل", "ا" + rest[1:]
        prefix, rest = prefix + rest[0], rest[1:]
    return prefix, rest


def _strip_article(base: str) -> str:
    if base.startswith(ARTICLE) and len(base) - 2 >= MIN_BASE_LETTERS - 1:
        return base[2:]
    return base


def _shape(core: str) -> str:
    if core.isdigit():
        return "num"
    if any(ch.isdigit() for ch in core):
        return "hasnum"
    letters = [ch for ch in core if ch.isalpha()]
    if not letters:
        return "punct"
    latin = sum(1 for ch in letters if ch < "\u0250")
    if latin == len(letters):
        return "latin"
    if latin:
        return "mixed"
    return "arabic"


@dataclass(frozen=True, slots=True)
class Lexicons:
    """Lexical resources: word → (rank bucket, cluster ids) and gazetteer phrase → types."""

    clusters: dict[str, tuple[str, ...]] = field(default_factory=dict)
    ranks: dict[str, int] = field(default_factory=dict)  # frequency rank in the unlabelled news
    gazetteer: dict[str, frozenset[str]] = field(default_factory=dict)
    # First words of multi-word gazetteer phrases, so most tokens skip the phrase search.
    phrase_starts: frozenset[str] = frozenset()


def load_clusters(path: Path) -> tuple[dict[str, tuple[str, ...]], dict[str, int]]:
    """Read ``word<TAB>c64<TAB>c256<TAB>c1024`` lines (most frequent word first) from a gz TSV.

    Returns (word → (rank bucket, cluster ids...), word → frequency rank).
    """
    clusters: dict[str, tuple[str, ...]] = {}
    ranks: dict[str, int] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for rank, line in enumerate(fh):
            word, *ids = line.rstrip("\n").split("\t")
            bucket = "r4"
            for limit, name in RANK_BUCKETS:
                if rank < limit:
                    bucket = name
                    break
            clusters[word] = (bucket, *ids)
            ranks[word] = rank
    return clusters, ranks


def load_gazetteer(path: Path) -> tuple[dict[str, frozenset[str]], frozenset[str]]:
    """Read ``TYPE<TAB>normalized phrase`` lines from a gz TSV."""
    types: dict[str, set[str]] = {}
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            kind, _, phrase = line.rstrip("\n").partition("\t")
            if phrase:
                types.setdefault(phrase, set()).add(kind)
    gazetteer = {phrase: frozenset(kinds) for phrase, kinds in types.items()}
    starts = frozenset(p.split(" ", 1)[0] for p in gazetteer if " " in p)
    return gazetteer, starts


def _vote_features(counts: Counter[str]) -> tuple[str, ...]:
    entity = [(n, kind) for kind, n in counts.items() if kind != "O" and n > 0]
    others = sum(n for n in counts.values() if n > 0)
    if not entity:
        return ("vote=O",) if others >= 2 else ()
    best_n, best = max(entity, key=lambda x: (x[0], x[1]))
    share = best_n / others
    level = "all" if share == 1.0 else "most" if share >= 0.5 else "some"
    return (f"vote={best}", f"voteshare={level}", f"vote={best}|{level}")


def _quoted(tokens: Sequence[str]) -> list[str]:
    """"inquote" for tokens between a matching pair of quote marks at most
    ``MAX_QUOTED_TOKENS`` apart (titles of programmes, models of cars), else ""."""
    marks = [i for i, tok in enumerate(tokens) if tok in QUOTE_MARKS]
    out = [""] * len(tokens)
    k = 0
    while k + 1 < len(marks):
        first, last = marks[k], marks[k + 1]
        opening, closing = tokens[first], tokens[last]
        if QUOTE_MARKS[opening] == closing and 1 < last - first <= MAX_QUOTED_TOKENS + 1:
            for i in range(first + 1, last):
                out[i] = "inquote"
            k += 2
        else:
            k += 1
    return out


@dataclass(slots=True)
class _WordInfo:
    own: list[str]  # features of the token at the current position
    context: list[str]  # the subset its neighbours see (prefixed with their offset)
    core: str
    base: str  # without proclitics, article kept
    bare: str  # without proclitics and article


class SentenceFeaturizer:
    """Turns a tokenized sentence into one feature list per token (crfsuite item strings)."""

    def __init__(self, lexicons: Lexicons) -> None:
        self._lex = lexicons
        self._cache: dict[str, _WordInfo] = {}

    def sentence(
        self, tokens: Sequence[str], votes: Sequence[tuple[str, ...]] | None = None
    ) -> list[list[str]]:
        """Features per token; ``votes`` (from ``document_votes``) adds the second-stage ones."""
        infos = [self._word(tok) for tok in tokens]
        phrase_tags = self._phrase_tags(infos)
        quoted = _quoted(tokens)
        n = len(infos)
        out: list[list[str]] = []
        for i, info in enumerate(infos):
            feats = ["bias", *info.own]
            for offset in (-2, -1, 1, 2):
                j = i + offset
                if 0 <= j < n:
                    tag = f"{offset}"
                    feats.extend(tag + f for f in infos[j].context)
                    if phrase_tags[j]:
                        feats.extend(f"{tag}{p}" for p in phrase_tags[j])
                elif j == -1:
                    feats.append("BOS")
                elif j == n:
                    feats.append("EOS")
            feats.extend(phrase_tags[i])
            if quoted[i]:
                feats.append(quoted[i])
            if votes is not None:
                feats.extend(votes[i])
                if i > 0:
                    feats.extend(f"-1{v}" for v in votes[i - 1])
                if i + 1 < n:
                    feats.extend(f"+1{v}" for v in votes[i + 1])
            if i > 0:
                feats.append(f"bi-1={infos[i - 1].bare}|{info.bare}")
            if i + 1 < n:
                feats.append(f"bi+1={info.bare}|{infos[i + 1].bare}")
            out.append(feats)
        return out

    def forms(self, token: str) -> tuple[str, str, str]:
        """(core form, base without proclitics, bare base without the article) of ``token``."""
        info = self._word(token)
        return info.core, info.base, info.bare

    def token_features(self, tokens: Sequence[str]) -> list[list[str]]:
        """Each token's own features (no window copies or bigrams): its word features, the
        gazetteer phrase it belongs to and whether it is quoted. The neural tagger's inputs."""
        return [[*self.word_features(tok), *extra] for tok, extra in zip(tokens, self.sentence_features(tokens))]

    def word_features(self, token: str) -> list[str]:
        """The features of ``token`` alone, whatever sentence it is in (cached; do not modify)."""
        return self._word(token).own

    def sentence_features(self, tokens: Sequence[str]) -> list[tuple[str, ...]]:
        """Per token, the features its sentence adds to ``word_features``: the gazetteer phrase
        it belongs to and whether it is quoted."""
        phrase_tags = self._phrase_tags([self._word(tok) for tok in tokens])
        return [(*tags, quoted) if quoted else tags for tags, quoted in zip(phrase_tags, _quoted(tokens))]

    def vote_key(self, token: str) -> str:
        """The form under which mentions of one name are pooled: clitics off, article kept."""
        return self._word(token).base

    def document_votes(
        self,
        sentences: Sequence[Sequence[str]],
        tags: Sequence[Sequence[str]],
        window: int = VOTE_WINDOW,
    ) -> list[list[tuple[str, ...]]]:
        """What a first tagging pass said about the *other* mentions of each token's form.

        For every token, the first-pass types of the same form (``vote_key``) in the ``window``
        sentences before and after are pooled (the token itself left out): "vote=ORG" names the
        most frequent entity type, "voteshare=..." how much of the pool it holds, and "vote=O"
        says that at least two other mentions were all left out. Names repeat in a news story,
        and one confident mention can carry the doubtful ones.
        """
        keys = [[self.vote_key(tok) for tok in sent] for sent in sentences]
        kinds = [[tag[2:] if tag != "O" else "O" for tag in sent_tags] for sent_tags in tags]
        pool: dict[str, Counter[str]] = {}

        def update(j: int, sign: int) -> None:
            for key, kind in zip(keys[j], kinds[j]):
                pool.setdefault(key, Counter())[kind] += sign

        n = len(sentences)
        for j in range(min(window + 1, n)):
            update(j, 1)
        out: list[list[tuple[str, ...]]] = []
        for i in range(n):
            if i > 0 and i + window < n:
                update(i + window, 1)
            if i - window - 1 >= 0:
                update(i - window - 1, -1)
            sent_votes: list[tuple[str, ...]] = []
            for key, kind in zip(keys[i], kinds[i]):
                counts = pool[key].copy()
                counts[kind] -= 1
                sent_votes.append(_vote_features(counts) if len(key) > 1 else ())
            out.append(sent_votes)
        return out

    # -- per word -----------------------------------------------------------------------------

    def _word(self, token: str) -> _WordInfo:
        info = self._cache.get(token)
        if info is None:
            info = self._compute_word(token)
            if len(self._cache) >= _WORD_CACHE_LIMIT:
                self._cache.clear()
            self._cache[token] = info
        return info

    def _compute_word(self, token: str) -> _WordInfo:
        core = core_form(token)
        prefix, base = split_proclitics(core)
        bare = _strip_article(base)
        shape = _shape(core)
        own = [f"w={core}", f"b={base}", f"bb={bare}", f"pre={prefix}", f"shape={shape}"]
        context = [f"w={core}", f"bb={bare}", f"shape={shape}"]
        if core != normalize_for_matching(token):
            own.append("edgepunct")
        if base.startswith(ARTICLE):
            own.append("article")
        own.append(f"len={min(len(bare), 10)}")
        if shape in ("arabic", "latin", "mixed"):
            for k in (1, 2, 3, 4):
                if len(bare) > k:
                    own.append(f"p{k}={bare[:k]}")
                    own.append(f"s{k}={bare[-k:]}")
            for k in (1, 2):
                if len(core) > k:
                    own.append(f"ws{k}={core[-k:]}")
        if token and unicodedata.category(token[0]).startswith("P"):
            own.append("startpunct")

        clusters = self._lex.clusters
        known = clusters.get(core)
        if known is not None:
            bucket, *ids = known
            own.append(f"rank={bucket}")
            own.extend(f"c{k}={cid}" for k, cid in zip(("64", "256", "1k"), ids))
            context.extend(f"c{k}={cid}" for k, cid in zip(("64", "256", "1k"), ids))
        else:
            own.append("rank=oov")
            context.append("c=oov")
        if bare != core:
            known_bare = clusters.get(bare)
            if known_bare is not None:
                _, *ids = known_bare
                own.extend(f"bc{k}={cid}" for k, cid in zip(("64", "256", "1k"), ids))
                context.append(f"bc1k={ids[-1]}")

        kinds: set[str] = set()
        gazetteer = self._lex.gazetteer
        for form in {core, base, bare, ARTICLE + bare}:
            found = gazetteer.get(form)
            if found:
                kinds.update(found)
        for kind in sorted(kinds):
            own.append(f"gz={kind}")
            context.append(f"gz={kind}")
        for name, cues in (("cuePER", PERSON_CUES), ("cueORG", ORG_CUES), ("cueLOC", LOC_CUES)):
            if core in cues or base in cues or bare in cues or ARTICLE + bare in cues:
                own.append(name)
                context.append(name)
        if core in SPEECH_CUES:
            context.append("cueSAY")
        return _WordInfo(own, context, core, base, bare)

    # -- per sentence -------------------------------------------------------------------------

    def _phrase_tags(self, infos: list[_WordInfo]) -> list[tuple[str, ...]]:
        """Longest multi-word gazetteer matches, as BIO-style features per token."""
        tags: list[tuple[str, ...]] = [()] * len(infos)
        starts = self._lex.phrase_starts
        gazetteer = self._lex.gazetteer
        n = len(infos)
        i = 0
        while i < n:
            first = infos[i]
            heads = {h for h in (first.core, first.base) if h in starts}
            matched = 0
            kinds: frozenset[str] = frozenset()
            for head in heads:
                for length in range(min(MAX_PHRASE_TOKENS, n - i), 1, -1):
                    if length <= matched:
                        break
                    phrase = " ".join([head, *(x.core for x in infos[i + 1 : i + length])])
                    found = gazetteer.get(phrase)
                    if found:
                        matched, kinds = length, found
                        break
            if matched:
                kinds_sorted = sorted(kinds)
                tags[i] = tuple(f"gzB={k}" for k in kinds_sorted)
                for j in range(i + 1, i + matched):
                    tags[j] = tuple(f"gzI={k}" for k in kinds_sorted)
                i += matched
            else:
                i += 1
        return tags
