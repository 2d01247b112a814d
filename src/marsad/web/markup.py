"""Turning article text into HTML safely: every piece of text is escaped, only our own tags
(``<mark>``) are added, and links are made only from http(s) URLs."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from markupsafe import Markup, escape

_ARABIC_LETTER = re.compile(r"[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF\uFB50-\uFDFF\uFE70-\uFEFF]")
_LATIN_LETTER = re.compile(r"[A-Za-z]")
RTL_LANGUAGES = frozenset({"ar", "fa", "ur", "he", "ps", "ckb", "yi"})


def highlight(text: str, spans: Iterable[Sequence[int]]) -> Markup:
    """``text`` with each half-open ``[start, end)`` span wrapped in ``<mark>``; overlapping or
    out-of-range spans are clipped, never trusted."""
    out: list[str] = []
    pos = 0
    for start, end in sorted((int(s), int(e)) for s, e in spans):
        start, end = max(start, pos), min(end, len(text))
        if start >= end:
            continue
        out.append(escape(text[pos:start]))
        out.append(Markup("<mark>") + escape(text[start:end]) + Markup("</mark>"))
        pos = end
    out.append(escape(text[pos:]))
    return Markup("").join(out)


def text_direction(text: str, language: str | None = None) -> tuple[str, str]:
    """``(lang, dir)`` attributes for a piece of content: from its language code when known,
    else from which script dominates."""
    if language:
        return language, "rtl" if language in RTL_LANGUAGES else "ltr"
    arabic = len(_ARABIC_LETTER.findall(text[:2000]))
    latin = len(_LATIN_LETTER.findall(text[:2000]))
    if arabic >= latin and arabic:
        return "ar", "rtl"
    return "", "auto"


def safe_url(url: str | None) -> str | None:
    """The URL if it is http(s), else None: a stored ``javascript:`` URL must never be a link."""
    if not url:
        return None
    stripped = url.strip()
    return stripped if re.match(r"(?i)^https?://[^\s]+$", stripped) else None
