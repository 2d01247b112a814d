"""Credibility signals: things a careful reader would check, each with the spans that show it.

A signal never says an article is true or false; it points at what is missing or unusual
(no source, unnamed sources, heavy hedging, nothing checkable, template structure, the scraper's
repeated-title footer) and at where in the text that can be seen.

Codes (stable, for filters and the API):

* ``source_missing``         the article names no outlet/source (or an empty "المصدر:" label)
* ``anonymous_sources``      quotes attributed to unnamed sources (مصدر مطلع، مسؤول رفض …)
* ``no_named_source``        no named speaker and no direct quote anywhere
* ``hedging``                dense hedging/speculation (≥ HEDGE_MIN_COUNT cues and
                             ≥ HEDGE_PER_100_WORDS cues per 100 words)
* ``no_checkable_details``   no date and no figure that a reader could check
* ``template_headings``      generic section headings / stock paragraph openers (≥ 2)
* ``title_repeated_footer``  the title was repeated as a footer (dropped by ingest)
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from marsad.extract import _signal_lexicon as lex
from marsad.extract._event_lexicon import MONTHS
from marsad.extract.events import (
    ArabicText,
    Event,
    SentenceLike,
    WordPatterns,
    analyze,
    extract_events,
    longest_first,
)
from marsad.extract.quotes import Quote, extract_quotes
from marsad.extract.records import Mention
from marsad.text.normalize import normalize_for_matching

__all__ = ["SIGNAL_CODES", "Evidence", "Signal", "credibility_signals"]

SIGNAL_CODES = (
    "source_missing", "anonymous_sources", "no_named_source", "hedging",
    "no_checkable_details", "template_headings", "title_repeated_footer",
)


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a signal can be seen: ``<field>[start:end] == text`` with field "body", "title" or
    "source" (an empty span on "source" means the field itself is empty)."""

    field: str
    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.field, "start": self.start, "end": self.end, "text": self.text}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Evidence:
        return cls(field=d["field"], start=d["start"], end=d["end"], text=d["text"])


@dataclass(frozen=True, slots=True)
class Signal:
    code: str
    message_ar: str
    message_en: str
    evidence: tuple[Evidence, ...]
    details: dict[str, Any] = field(default_factory=dict)

    def to_dict(self) -> dict[str, Any]:
        return {"code": self.code, "message_ar": self.message_ar, "message_en": self.message_en,
                "evidence": [e.to_dict() for e in self.evidence], "details": dict(self.details)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Signal:
        return cls(code=d["code"], message_ar=d["message_ar"], message_en=d["message_en"],
                   evidence=tuple(Evidence.from_dict(e) for e in d.get("evidence", ())),
                   details=dict(d.get("details") or {}))


# --- compiled lexicon --------------------------------------------------------------------------

_HEDGES = WordPatterns((p, "hedge") for p in lex.HEDGE_CUES)
_VAGUE = WordPatterns((p, "vague") for p in lex.VAGUE_DETAILS)
_QAD = normalize_for_matching("قد")
_WEEKDAYS = frozenset(normalize_for_matching(w) for w in lex.WEEKDAYS + lex.RELATIVE_DAYS)
_MONTH_WORDS = frozenset(
    normalize_for_matching(w) for month in MONTHS for w in month.split() if len(w) > 2
)
_NUMBER_WORDS = frozenset(normalize_for_matching(w) for w in (
    "اثنان", "اثنين", "ثلاثة", "ثلاث", "أربعة", "أربع", "خمسة", "خمس", "ستة", "سبعة", "ثمانية",
    "تسعة", "عشرة", "عشرين", "ثلاثين", "أربعين", "خمسين", "مئة", "مائة", "ألف", "آلاف",
    "مليون", "ملايين", "مليار", "مليارات", "بالمئة", "بالمائة",
))
_DIGITS = re.compile(r"\d+")
_YEARS = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")
_TEMPLATE_HEADINGS = tuple(normalize_for_matching(h) for h in lex.TEMPLATE_HEADINGS)
_QUESTION_OPENERS = tuple(normalize_for_matching(h) for h in lex.QUESTION_OPENERS)
_TEMPLATE_OPENERS = tuple(normalize_for_matching(h) for h in lex.TEMPLATE_OPENERS)
_SOURCE_LABEL = re.compile(
    r"(?m)(?:^|\s)(?:%s)\s*[:：]\s*$" % "|".join(re.escape(s) for s in lex.SOURCE_LABELS)
)
_SPACE = re.compile(r"\s+")


def _get(obj: Any, name: str, default: Any = None) -> Any:
    if isinstance(obj, Mapping):
        return obj.get(name, default)
    return getattr(obj, name, default)


def _key(text: str) -> str:
    return _SPACE.sub(" ", normalize_for_matching(text)).strip(" .،,:;؛!?؟-–—")


# --- entry point -------------------------------------------------------------------------------


def credibility_signals(article_like: Any, *, sentences: Sequence[SentenceLike] | None = None,
                        quotes: Sequence[Quote] | None = None,
                        events: Sequence[Event] | None = None,
                        mentions: Sequence[Mention] = ()) -> list[Signal]:
    """Signals for an ``Article`` (or any object/mapping with ``title``, ``body``, ``source``,
    ``footer_removed`` and optionally ``blocks``). Quotes and events are computed here when not
    given; pass them when the pipeline already has them."""
    title = _get(article_like, "title", "") or ""
    body = _get(article_like, "body", "") or ""
    at = analyze(body, sentences)
    if quotes is None:
        quotes = extract_quotes(body, at.sentences, mentions)
    if events is None:
        events = extract_events(body, at.sentences, mentions)
    blocks = _blocks(article_like, body)
    found = [
        _source_missing(article_like, body, title),
        _anonymous_sources(quotes),
        _no_named_source(at, quotes, events, blocks),
        _hedging(at),
        _no_checkable_details(at, blocks),
        _template_headings(body, blocks),
        _title_footer(article_like, title, body),
    ]
    return [s for s in found if s is not None]


# --- blocks ------------------------------------------------------------------------------------


def _blocks(article_like: Any, body: str) -> list[tuple[str, int, int]]:
    """(kind, start, end) of the body's blocks: the article's own, else one per line, a line
    being a heading when it is short and has no closing punctuation (the scraper's layout)."""
    given = _get(article_like, "blocks") or ()
    out: list[tuple[str, int, int]] = []
    for b in given:
        out.append((_get(b, "kind", "paragraph"), int(_get(b, "start")), int(_get(b, "end"))))
    if out:
        return out
    pos = 0
    for line in body.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        stripped = line.strip()
        if not stripped:
            continue
        start += len(line) - len(line.lstrip())
        end -= len(line) - len(line.rstrip())
        if stripped.startswith(("-", "•", "*")):
            kind = "bullet"
        elif len(stripped.split()) <= 10 and stripped[-1] not in ".،,:;؛!":
            kind = "heading"
        else:
            kind = "paragraph"
        out.append((kind, start, end))
    return out


# --- the signals -------------------------------------------------------------------------------


def _source_missing(article_like: Any, body: str, title: str) -> Signal | None:
    source = _get(article_like, "source")
    if source and str(source).strip():
        return None
    evidence = [Evidence("source", 0, 0, "")]
    for m in _SOURCE_LABEL.finditer(body):
        start = m.start() + (len(m.group()) - len(m.group().lstrip()))
        end = m.end()
        while end > start and body[end - 1].isspace():
            end -= 1
        evidence.append(Evidence("body", start, end, body[start:end]))
    if title:
        evidence.append(Evidence("title", 0, len(title), title))
    return Signal(
        "source_missing",
        "لا يذكر الخبر مصدره: لا وسيلة إعلام ولا وكالة منسوب إليها.",
        "The article names no source: no outlet or agency it is attributed to.",
        tuple(evidence),
    )


def _anonymous_sources(quotes: Sequence[Quote]) -> Signal | None:
    anonymous = [q for q in quotes if q.anonymous]
    if not anonymous:
        return None
    evidence = tuple(
        Evidence("body", q.speaker.start, q.speaker.end, q.speaker.text) if q.speaker
        else Evidence("body", q.start, q.end, q.text)
        for q in anonymous
    )
    return Signal(
        "anonymous_sources",
        f"ينسب الخبر {len(anonymous)} من أقواله إلى مصادر غير مسماة.",
        f"{len(anonymous)} statement(s) are attributed to unnamed sources.",
        evidence,
        {"anonymous": len(anonymous), "quotes": len(quotes)},
    )


def _no_named_source(at: ArabicText, quotes: Sequence[Quote], events: Sequence[Event],
                     blocks: list[tuple[str, int, int]]) -> Signal | None:
    named = [q for q in quotes if q.speaker is not None and not q.anonymous]
    direct = [q for q in quotes if q.kind == "direct"]
    if named or direct:
        return None
    # Evidence: the statements that rest on nobody — sentences carrying events, else the lead.
    headings = {(s, e) for kind, s, e in blocks if kind == "heading"}
    spans: list[tuple[int, int]] = []
    for ev in events:
        span = (ev.sentence_start, ev.sentence_end)
        if span not in spans and span not in headings:
            spans.append(span)
    if not spans:
        spans = [(s.start, s.end) for s in at.sentences if (s.start, s.end) not in headings][:2]
    spans = spans[:5]
    return Signal(
        "no_named_source",
        "لا يسمي الخبر أي مصدر ولا ينقل أي اقتباس مباشر؛ ما يرد فيه غير منسوب إلى أحد.",
        "No named source and no direct quote: the statements are attributed to no one.",
        tuple(Evidence("body", s, e, at.text[s:e]) for s, e in spans),
        {"quotes": len(quotes)},
    )


def _hedging(at: ArabicText) -> Signal | None:
    cues: list[tuple[int, int]] = []
    for lo, hi in at.sentence_ranges:
        if lo >= hi:
            continue
        for m in longest_first(_HEDGES.find(at, lo, hi)):
            cues.append(at.span(m.first, m.last, m.skip))
        for w in range(lo, hi - 1):
            word = at.words[w]
            if (word == _QAD or (word[:1] in "وف" and word[1:] == _QAD)) and at.words[w + 1][:1] in "يتن" \
                    and at.words[w + 1] != "تم":
                cues.append(at.span(w, w + 1))
    n_words = len(at.words)
    rate = 100.0 * len(cues) / n_words if n_words else 0.0
    if len(cues) < lex.HEDGE_MIN_COUNT or rate < lex.HEDGE_PER_100_WORDS:
        return None
    cues.sort()
    return Signal(
        "hedging",
        f"لغة تخمين كثيفة: {len(cues)} عبارة ظن أو توقع ({rate:.1f} لكل 100 كلمة).",
        f"Dense hedging/speculation: {len(cues)} cues ({rate:.1f} per 100 words).",
        tuple(Evidence("body", s, e, at.text[s:e]) for s, e in cues),
        {"count": len(cues), "per_100_words": round(rate, 2), "words": n_words,
         "threshold_per_100_words": lex.HEDGE_PER_100_WORDS},
    )


def _no_checkable_details(at: ArabicText, blocks: list[tuple[str, int, int]]) -> Signal | None:
    words = set(at.words)
    words |= {w[1:] for w in words if w[:1] in "وف" and len(w) > 3}
    figures = len(_DIGITS.findall(at.norm.text)) + len(words & _NUMBER_WORDS)
    dates = len(_YEARS.findall(at.norm.text)) + len(words & (_WEEKDAYS | _MONTH_WORDS))
    if dates or figures:
        return None
    vague: list[tuple[int, int]] = []
    for lo, hi in at.sentence_ranges:
        if lo < hi:
            for m in longest_first(_VAGUE.find(at, lo, hi)):
                vague.append(at.span(m.first, m.last, m.skip))
    if not vague:
        first = next(((s, e) for kind, s, e in blocks if kind == "paragraph"), None)
        vague = [first] if first else [(s.start, s.end) for s in at.sentences[:1]]
    return Signal(
        "no_checkable_details",
        "لا يذكر الخبر تاريخا ولا رقما يمكن التحقق منه؛ الإشارات الزمنية والكمية مبهمة.",
        "No date and no figure a reader could check; time and quantity references are vague.",
        tuple(Evidence("body", s, e, at.text[s:e]) for s, e in vague),
        {"dates": dates, "figures": figures},
    )


def _template_headings(body: str, blocks: list[tuple[str, int, int]]) -> Signal | None:
    evidence: list[Evidence] = []
    for kind, start, end in blocks:
        text = body[start:end]
        if kind not in ("heading", "paragraph"):
            continue
        key = _key(text if kind == "heading" else text[:60])  # openers are a few words long
        if kind == "heading":
            question = key.startswith(_QUESTION_OPENERS) and text.rstrip().endswith(("؟", "?"))
            if question or any(key == h or key.startswith(h + " ") for h in _TEMPLATE_HEADINGS):
                evidence.append(Evidence("body", start, end, text))
        elif kind == "paragraph":
            for opener in _TEMPLATE_OPENERS:
                if key.startswith(opener + " ") or key.startswith(opener + ","):
                    n_words = len(opener.split())
                    cut = _nth_word_end(body, start, end, n_words)
                    evidence.append(Evidence("body", start, cut, body[start:cut]))
                    break
    if len(evidence) < 2:
        return None
    return Signal(
        "template_headings",
        "عناوين فرعية وعبارات افتتاحية عامة تتكرر في المقالات المولدة أو المحشوة.",
        "Generic section headings and stock openers, typical of template or padded articles.",
        tuple(evidence),
        {"count": len(evidence)},
    )


def _nth_word_end(text: str, start: int, end: int, n: int) -> int:
    count = 0
    for m in re.finditer(r"[^\s،,:;؛]+", text[start:end]):
        count += 1
        if count == n:
            return start + m.end()
    return end


def _title_footer(article_like: Any, title: str, body: str) -> Signal | None:
    removed = bool(_get(article_like, "footer_removed", False))
    evidence: list[Evidence] = []
    if removed and title:
        evidence.append(Evidence("title", 0, len(title), title))
    elif title:
        # Not removed upstream: the last non-empty line repeats the title.
        stripped = body.rstrip()
        line_start = stripped.rfind("\n") + 1
        last = stripped[line_start:]
        if last and _key(last).startswith(_key(title)) and _key(title):
            evidence.append(Evidence("body", line_start, len(stripped), last))
    if not evidence:
        return None
    return Signal(
        "title_repeated_footer",
        "العنوان مكرر في ذيل الصفحة، وهي سمة صفحات منسوخة آليا.",
        "The title is repeated as a footer, a mark of automatically scraped/copied pages.",
        tuple(evidence),
        {"footer_removed": removed},
    )
