"""Tokens with offsets into the original text, and proclitics split off for matching.

``tokenize(text)`` finds words, numbers, Latin words and punctuation in the *normalized* text
(so a word broken by tatweel, diacritics or a zero-width joiner is still one word) and reports
each token by its span in the *original* text: ``text[t.start:t.end] == t.text``.

Arabic words are written with their proclitics attached: و/ف (and, so), ب/ك/ل (with, like, for)
and the article ال, in that order (والعقوبات، بالرئيس، للحكومة، لأوكرانيا). ``split_clitics``
separates them so that every form of a word shares one ``base``. Many words and names only
*start* with those letters (بوتين، لبنان، فلاديمير، واشنطن), so a split is made only when the
remainder is itself a common word, judged by corpus counts (``_wordstats``), word lists
(``_lexicon``) and lengths; a name that is not known stays whole.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from typing import Any

from marsad.text import _lexicon as lex
from marsad.text._letters import DIACRITICS, INVISIBLE, PRESENTATION_RANGES, TATWEEL
from marsad.text._wordstats import WordStats, default_word_stats
from marsad.text.normalize import normalize, normalize_for_matching

__all__ = ["CliticSplitter", "Token", "TOKEN_KINDS", "canonical_number", "split_clitics", "tokenize"]

TOKEN_KINDS = ("word", "number", "latin", "punct")

# Arabic-script letters left after normalization (diacritics, tatweel and invisibles are gone).
ARABIC_LETTERS = (
    "\u0621-\u063a\u0641-\u064a\u066e\u066f\u0671-\u06d3\u06d5\u06ee\u06ef\u06fa-\u06fc\u06ff"
)
# Latin (with accents), Greek and Cyrillic letters: "foreign" words, kind "latin".
FOREIGN_LETTERS = (
    "A-Za-z\u00c0-\u00d6\u00d8-\u00f6\u00f8-\u02af\u0370-\u03ff\u0400-\u052f\u1e00-\u1eff"
)
_TOKEN_RE = re.compile(
    rf"(?P<word>[{ARABIC_LETTERS}]+)"
    r"|(?P<number>\d+(?:[.,]\d+)*)"
    rf"|(?P<latin>[{FOREIGN_LETTERS}][{FOREIGN_LETTERS}\d\u0300-\u036f]*)"
    r"|(?P<punct>(?P<mark>\S)(?P=mark)*)"
)
# Marks that belong to the word before them but vanish in normalization (tanween in قدماً).
_TRAILING_MARKS = frozenset([*DIACRITICS, TATWEEL])
_THOUSANDS_RE = re.compile(r"\d{1,3}(?:,\d{3})+(?:\.\d+)?")
_DELETED_RE = re.compile("[" + re.escape("".join([*DIACRITICS, TATWEEL, *INVISIBLE])) + "]")
_PRESENTATION_RE = re.compile("[" + "".join(f"{chr(a)}-{chr(b)}" for a, b in PRESENTATION_RANGES) + "]")


@dataclass(frozen=True, slots=True)
class Token:
    """One token: ``text`` is ``source[start:end]``; ``norm`` its normalized form.

    For words, ``prefix`` holds the proclitics split off (normalized, e.g. "وال") and ``base`` the
    rest (``norm == prefix + base``). For numbers ``base`` is the number without thousands
    separators; for Latin words it is lowercased; otherwise ``base == norm``.
    """

    text: str
    start: int
    end: int
    kind: str
    norm: str
    prefix: str
    base: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Token:
        return cls(**{name: data[name] for name in cls.__dataclass_fields__})


def _normalized_set(words: frozenset[str]) -> frozenset[str]:
    return frozenset(normalize_for_matching(w) for w in words)


def _bare_name(name: str) -> str:
    # البحرين is protected as بحرين: its article is split like any other. Checked before
    # normalization, so ألمانيا (hamza: no article) keeps its ال.
    return name[2:] if name.startswith(lex.ARTICLE) and len(name) > 4 else name


_KEEP_WHOLE = _normalized_set(lex.STOPWORDS | lex.KEEP_WHOLE)
_PROTECTED = _normalized_set(frozenset(_bare_name(name) for name in lex.PROTECTED_NAMES))


class CliticSplitter:
    """Splits proclitics off normalized Arabic words, using corpus ``WordStats`` as evidence."""

    def __init__(self, stats: WordStats) -> None:
        self.stats = stats
        self._count = stats.counts.get
        self.split = lru_cache(maxsize=200_000)(self._split)

    def _split(self, word: str) -> tuple[str, str]:
        """``(prefix, base)`` for one normalized word; ``prefix`` is "" when nothing is split."""
        if len(word) < 3 or word in _KEEP_WHOLE or word in _PROTECTED:
            return "", word
        first = word[0]
        if first in lex.CONJUNCTIONS and self._strip_ok(first, word, word[1:]):
            prefix, base = self._split_after_conjunction(word[1:])
            return first + prefix, base
        return self._split_after_conjunction(word)

    def _split_after_conjunction(self, word: str) -> tuple[str, str]:
        if len(word) < 3 or word in _KEEP_WHOLE or word in _PROTECTED:
            return "", word
        if word.startswith(lex.LAM_ARTICLE):
            base = word[2:]
            lam_word = word[1:]  # لليبيا is ل + ليبيا, للحكومة is لل + حكومة
            lam_reading = lam_word in _PROTECTED or (
                self._count(lam_word, 0) > self._count(lex.ARTICLE + base, 0)
                and not self._strip_ok("ل", lam_word, base)  # لاستبدال is itself ل + استبدال
            )
            if not lam_reading and len(base) >= lex.MIN_BASE_AFTER_ARTICLE:
                return lex.LAM_ARTICLE, base
        first = word[0]
        if first in lex.PREPOSITIONS and self._strip_ok(first, word, word[1:]):
            rest = word[1:]
            if first == "ل":
                # ل + ال is written لل, so an ال after ل belongs to the word (لألمانيا).
                return first, rest
            prefix, base = self._split_article(rest)
            return first + prefix, base
        return self._split_article(word)

    def _split_article(self, word: str) -> tuple[str, str]:
        if (
            word.startswith(lex.ARTICLE)
            and len(word) - 2 >= lex.MIN_BASE_AFTER_ARTICLE
            and word not in _KEEP_WHOLE
            and word not in self.stats.radical_al
        ):
            return lex.ARTICLE, word[2:]
        return "", word

    def _takes_article(self, word: str) -> bool:
        """Is ``word`` (or ``word`` less a suffix: فصوله → فصول) seen with the article?"""
        count = self._count
        needed = max(lex.MIN_REMAINDER_COUNT, lex.ARTICLE_EVIDENCE_RATIO * count(word, 0))
        for form in (word, *_without_suffix(word)):
            with_article = lex.ARTICLE + form
            # ألبان is not ال + بان
            if with_article not in self.stats.radical_al and count(with_article, 0) >= needed:
                return True
        return False

    def _strip_ok(self, clitic: str, word: str, rest: str) -> bool:
        """Is ``word`` really ``clitic + rest``?"""
        if len(rest) < lex.MIN_BASE_AFTER_CLITIC or word in self.stats.plain_alef:
            return False
        if rest in _PROTECTED:
            return True
        if self._takes_article(word):
            return False
        if rest in _KEEP_WHOLE and clitic in lex.CONJUNCTIONS:  # وفي، فهو، ولكن
            return True
        if clitic == "ك" and rest.startswith(lex.KAF_REMAINDER_NEVER_STARTS):
            return False
        if len(rest) == 2 and rest[0] == "و":  # و + one letter is not a word
            return False
        article_rest = rest.startswith(lex.ARTICLE) and rest not in self.stats.radical_al
        word_count, rest_count = self._count(word, 0), self._count(rest, 0)
        if word_count < lex.MIN_REMAINDER_COUNT and rest_count < lex.MIN_REMAINDER_COUNT:
            # Neither form is known: split only where the shape leaves no doubt (والبيتكوين).
            return (article_rest or rest.startswith(lex.LAM_ARTICLE)) and len(rest) >= 5
        if len(rest) == 2:
            ratio = lex.SHORT_REMAINDER_RATIO
        elif article_rest:
            ratio = lex.ARTICLE_REMAINDER_RATIO
        elif clitic == "ف" and not rest.startswith(lex.FA_VERB_STARTS):
            ratio = lex.FA_OTHER_RATIO
        else:
            ratio = lex.SPLIT_RATIO[clitic]
        return rest_count >= lex.MIN_REMAINDER_COUNT and rest_count >= ratio * word_count


# Endings removed before looking a word up with the article; ا is the accusative tanween (فردا).
_SUFFIXES = tuple(suffix for suffix, _ in lex.PRONOUN_SUFFIXES + lex.NUMBER_SUFFIXES) + ("ا",)


def _without_suffix(word: str) -> list[str]:
    return [word[: -len(s)] for s in _SUFFIXES if word.endswith(s) and len(word) - len(s) >= 3]


@lru_cache(maxsize=1)
def _default_splitter() -> CliticSplitter:
    return CliticSplitter(default_word_stats())


def split_clitics(word: str) -> tuple[str, str]:
    """``(prefix, base)`` of a normalized Arabic word, with the shipped statistics."""
    return _default_splitter().split(word)


def canonical_number(number: str) -> str:
    """Digits as written, thousands separators dropped ("1,500,000" → "1500000")."""
    if "," in number and _THOUSANDS_RE.fullmatch(number):
        return number.replace(",", "")
    return number


def tokenize(text: str) -> list[Token]:
    """Tokens of ``text`` in order, with offsets into ``text`` itself."""
    starts: Sequence[int] = ()
    ends: Sequence[int] = ()
    if _PRESENTATION_RE.search(text):
        # Ligatures expand to several letters: use the full offset map.
        normalized = normalize(text)
        normalized_text, starts, ends = normalized.text, normalized.starts, normalized.ends
        deleted: list[int] | None = None
    else:
        # Normalization only folds or deletes characters. Normalized index n sits at original
        # index n + j, j counting the deletions before it; tokens come in order, so j only grows.
        normalized_text = normalize_for_matching(text)
        deleted = [m.start() for m in _DELETED_RE.finditer(text)]
    deleted_count = len(deleted) if deleted else 0
    skipped = 0
    split = _default_splitter().split
    length = len(text)
    tokens: list[Token] = []
    for match in _TOKEN_RE.finditer(normalized_text):
        first, last = match.start(), match.end() - 1
        if deleted is None:
            start, end = starts[first], ends[last]
        else:
            while skipped < deleted_count and deleted[skipped] <= first + skipped:
                skipped += 1
            start = first + skipped
            while skipped < deleted_count and deleted[skipped] <= last + skipped:
                skipped += 1
            end = last + skipped + 1
        kind = match.lastgroup
        norm = match.group()
        prefix = ""
        if kind == "word":
            while end < length and text[end] in _TRAILING_MARKS:
                end += 1
            prefix, base = split(norm)
        elif kind == "number":
            base = canonical_number(norm)
        elif kind == "latin":
            norm = base = norm.lower()
        else:
            kind = "punct"
            base = norm
        tokens.append(Token(text[start:end], start, end, kind, norm, prefix, base))
    return tokens
