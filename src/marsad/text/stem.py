"""Light suffix stripping for matching: عقوبات، العقوبة، عقوبتها → عقوب.

A light stemmer removes at most one pronoun suffix (ها، هم، نا، ه …) and then at most one
number/gender ending (ات، ون، ين، ان، ية، ي …), each only when a stem of a minimum length remains.
It works on a ``base`` (a normalized word without proclitics, see ``tokenize.split_clitics``).
Function words, protected names (بوتين، روسيا) and bases that the corpus statistics mark as
name-like (سلمان، ياسين) are returned unchanged. The result is a matching key, not a root.
"""

from __future__ import annotations

from functools import lru_cache

from marsad.text import _lexicon as lex
from marsad.text._wordstats import WordStats, default_word_stats
from marsad.text.tokenize import _KEEP_WHOLE, _PROTECTED

__all__ = ["Stemmer", "light_stem"]

_TAA = "ت"
_TAA_MARBUTA = "ه"  # ة after normalization


class Stemmer:
    """Light stemmer over normalized bases, consulting corpus ``WordStats``."""

    def __init__(self, stats: WordStats) -> None:
        self.stats = stats
        self.stem = lru_cache(maxsize=200_000)(self._stem)

    def _stem(self, base: str) -> str:
        if (
            len(base) < 4
            or base in _KEEP_WHOLE
            or base in _PROTECTED
            or base in self.stats.name_like
            or base.endswith(lex.KEEP_ENDING)
        ):
            return base
        stem = base
        for suffix, min_stem in lex.PRONOUN_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= min_stem:
                stem = stem[: -len(suffix)]
                stem = self._restore_taa_marbuta(stem)
                break
        for suffix, min_stem in lex.NUMBER_SUFFIXES:
            if stem.endswith(suffix) and len(stem) - len(suffix) >= min_stem:
                if suffix[0] == lex.NISBA and stem[-len(suffix) - 1] == lex.NISBA_NOT_AFTER:
                    continue
                shorter = stem[: -len(suffix)]
                # A plural must not collapse into a function word (آليات → الي is not إلى).
                return stem if shorter in _KEEP_WHOLE else shorter
        return stem

    def _restore_taa_marbuta(self, stem: str) -> str:
        """عقوبت (from عقوبتها) → عقوب, like عقوبة → عقوب; but ثابت (from ثابتة) stays."""
        if not stem.endswith(_TAA) or len(stem) - 1 < lex.TAA_STEM_MIN:
            return stem
        count = self.stats.count
        if count(stem) <= count(stem[:-1] + _TAA_MARBUTA):
            return stem[:-1]
        return stem


@lru_cache(maxsize=1)
def _default_stemmer() -> Stemmer:
    return Stemmer(default_word_stats())


def light_stem(base: str) -> str:
    """The matching stem of a normalized base (``Token.base``)."""
    return _default_stemmer().stem(base)
