"""Reading Arabic: normalization with offset maps, sentences, tokens, light stems, language."""

from marsad.text.doc import Doc, analyze
from marsad.text.langid import detect_language
from marsad.text.normalize import Normalized, normalize, normalize_for_matching
from marsad.text.segment import Sentence, split_sentences
from marsad.text.stem import light_stem
from marsad.text.terms import search_terms, term_of, term_spans
from marsad.text.tokenize import Token, split_clitics, tokenize

__all__ = [
    "Doc",
    "Normalized",
    "Sentence",
    "Token",
    "analyze",
    "detect_language",
    "light_stem",
    "normalize",
    "normalize_for_matching",
    "search_terms",
    "split_clitics",
    "split_sentences",
    "term_of",
    "term_spans",
    "tokenize",
]
