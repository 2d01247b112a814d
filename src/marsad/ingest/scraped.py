"""Scraped plain text → ``Article``.

The layout scrapers leave behind: the first non-empty line is the title; the body follows, one
block per line; the last line may be a footer that repeats the title and ends in
"المصدر: <outlet>" (the outlet may be empty), followed by blank lines. The footer is removed
from the body and its outlet, if any, becomes ``source`` (an empty one stays ``None``: never
invented). Lines that are scraper leftovers (share/print links, "اقرأ أيضا", ad slots, see
``_lexicon.BOILERPLATE_LINES``) are dropped.

Body lines become blocks: ``bullet`` (a list marker, stripped from the text), ``heading`` (a short
line without sentence-final punctuation, a question mark allowed, followed by body text) or
``paragraph``. The same line classifier serves JSONL bodies.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from marsad.errors import IngestError
from marsad.ingest._build import build_article
from marsad.ingest._lexicon import BOILERPLATE_LINES, BULLET_MARKERS, SOURCE_LABELS
from marsad.ingest.article import Article, BlockKind, matching_key
from marsad.ingest.dates import date_line

__all__ = [
    "LAYER",
    "BodyLines",
    "ScrapedParts",
    "article_from_text",
    "body_lines",
    "classify_lines",
    "clean_line",
    "is_boilerplate",
    "parse_scraped",
    "split_footer",
]

LAYER = "scraped-text"

HEADING_MAX_WORDS = 12
HEADING_MAX_CHARS = 100
# A line ending in one of these reads as a sentence or a lead-in, not a heading ("؟"/"?" do not
# disqualify: question headings are common in explainers).
SENTENCE_ENDINGS = frozenset(".!:;,،؛…»\"”'")
SOURCE_MAX_CHARS = 80
BOILERPLATE_MAX_CHARS = 200  # longer lines are text, whatever words they start with
DATELINE_SEARCH_LINES = 2  # a dateline sits right under the title, if anywhere
DATELINE_MAX_WORDS = 6

_WHITESPACE = re.compile(r"[ \t\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_ODD_SPACE = re.compile(r"[\t\u00a0\u2000-\u200a\u202f\u205f\u3000]")
_EDGE_INVISIBLES = "\ufeff\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u061c"
_BOILERPLATE = re.compile(r"^(?:" + "|".join(BOILERPLATE_LINES) + r")$", re.IGNORECASE)
_TRAILING_PUNCT = re.compile(r"[\s.:：!،,;؛|>»\-–—]+$")
_LABELS = "|".join(re.escape(label) for label in sorted(SOURCE_LABELS, key=len, reverse=True))
_FOOTER = re.compile(
    rf"^(?P<prefix>.*)[\s\-–—|:،,]*(?<![\w])(?P<label>{_LABELS})\s*(?P<colon>[:：])?\s*(?P<source>.*)$",
    re.IGNORECASE,
)
_BULLET = re.compile(
    r"^(?:[-*]\s+|(?:" + "|".join(re.escape(m) for m in BULLET_MARKERS if m not in "-*") + r")\s*)(?=\S)"
)
_HAS_LETTER = re.compile(r"[^\W\d_]")
# "عين اليوم – الرياض", "حامد القرشي-مكة المكرمة": place/byline lines under the title, not headings.
_DATELINE = re.compile(r"^\S.*?(?:\s[-–—ـ]\s|\s?[–—]\s?|(?<=\w)-(?=\w)).*\S$")


@dataclass(frozen=True, slots=True)
class ScrapedParts:
    """What the layout parser found; ``blocks`` are ``(kind, text)`` in reading order."""

    title: str
    blocks: tuple[tuple[BlockKind, str], ...]
    source: str | None
    footer_removed: bool
    boilerplate_removed: int
    published_at: str | None = None


def clean_line(line: str) -> str:
    """One line with invisible edge marks removed and runs of spaces folded to one."""
    if "  " in line or _ODD_SPACE.search(line):  # most lines need no rewriting: skip the sub
        line = _WHITESPACE.sub(" ", line)
    return line.strip().strip(_EDGE_INVISIBLES).strip()


def is_boilerplate(line: str) -> bool:
    """A whole line that is a scraper leftover (share/print link, "اقرأ أيضا", ad slot)."""
    if len(line) > BOILERPLATE_MAX_CHARS:
        return False
    return bool(_BOILERPLATE.match(_TRAILING_PUNCT.sub("", line)))


def split_footer(line: str, title: str) -> tuple[bool, str | None]:
    """``(is_footer, source)`` for a candidate last line.

    A footer is "<title> المصدر: <outlet>" (the title part may be cut short, the outlet may be
    empty; "المصدر :" is fine) or just "المصدر: <outlet>". A sentence that merely mentions
    "المصدر" is not a footer: without the title in front, the colon is required."""
    m = _FOOTER.match(line)
    if m is None:
        return False, None
    prefix = _TRAILING_PUNCT.sub("", m["prefix"]).strip()
    if prefix:
        if not _same_title(prefix, title):
            return False, None
    elif m["colon"] is None:
        return False, None
    source = _TRAILING_PUNCT.sub("", m["source"]).strip()
    if not source or len(source) > SOURCE_MAX_CHARS:
        return True, None
    return True, source


def _same_title(prefix: str, title: str) -> bool:
    a, b = matching_key(prefix), matching_key(title)
    if not a or not b:
        return False
    # Scrapers sometimes cut the repeated title; accept a long enough shared beginning.
    shorter = min(len(a), len(b))
    return a == b or (shorter >= 10 and (a.startswith(b) or b.startswith(a)))


def _bullet_text(line: str) -> str | None:
    m = _BULLET.match(line)
    if m is None:
        return None
    text = line[m.end():].strip()
    return text or None


def _heading_candidate(line: str) -> bool:
    return (
        len(line) <= HEADING_MAX_CHARS
        and len(line.split()) <= HEADING_MAX_WORDS
        and line[-1] not in SENTENCE_ENDINGS
        and _HAS_LETTER.search(line) is not None
    )


def _is_dateline(line: str) -> bool:
    return len(line.split()) <= DATELINE_MAX_WORDS and _DATELINE.match(line) is not None


def classify_lines(lines: list[str]) -> list[tuple[BlockKind, str]]:
    """Cleaned, non-empty body lines → ``(kind, text)`` blocks."""
    bullets = [_bullet_text(line) for line in lines]
    candidates = [
        bullets[i] is None and _heading_candidate(line) and not (i < DATELINE_SEARCH_LINES and _is_dateline(line))
        for i, line in enumerate(lines)
    ]
    blocks: list[tuple[BlockKind, str]] = []
    for i, line in enumerate(lines):
        bullet = bullets[i]
        if bullet is not None:
            blocks.append(("bullet", bullet))
        elif candidates[i] and i + 1 < len(lines) and (bullets[i + 1] is not None or not candidates[i + 1]):
            blocks.append(("heading", line))
        else:
            blocks.append(("paragraph", line))
    return blocks


@dataclass(frozen=True, slots=True)
class BodyLines:
    lines: list[str]
    source: str | None  # from the footer
    footer_removed: bool
    boilerplate_removed: int
    published_at: str | None  # from a dateline at the top of the body


def body_lines(raw_lines: list[str], title: str) -> BodyLines:
    """Cleaned body lines without blanks, boilerplate, a repeated title line, a leading dateline
    or the footer."""
    lines: list[str] = []
    dropped = 0
    for raw in raw_lines:
        line = clean_line(raw)
        if not line:
            continue
        if is_boilerplate(line):
            dropped += 1
            continue
        lines.append(line)
    if lines and title and len(lines[0]) <= 2 * len(title) and matching_key(lines[0]) == matching_key(title):
        lines.pop(0)  # the scraper printed the headline twice
    published_at = None
    for i in range(min(DATELINE_SEARCH_LINES, len(lines) - 1)):
        published_at = date_line(lines[i])
        if published_at is not None:
            del lines[i]
            break
    footer_found, source = False, None
    if lines:
        footer_found, source = split_footer(lines[-1], title)
        if footer_found:
            lines.pop()
    return BodyLines(lines, source, footer_found, dropped, published_at)


def parse_scraped(text: str) -> ScrapedParts:
    """Split scraped text into title, blocks and footer source (no identity, no I/O)."""
    raw_lines = text.splitlines()
    title = ""
    rest: list[str] = []
    for i, raw in enumerate(raw_lines):
        line = clean_line(raw)
        if line and not is_boilerplate(line):
            title, rest = line, raw_lines[i + 1 :]
            break
    body = body_lines(rest, title)
    return ScrapedParts(
        title=title,
        blocks=tuple(classify_lines(body.lines)),
        source=body.source,
        footer_removed=body.footer_removed,
        boilerplate_removed=body.boilerplate_removed,
        published_at=body.published_at,
    )


def article_from_text(text: str, *, path: str, encoding: str | None = None) -> Article:
    """A scraped text file → ``Article``; ``IngestError`` when there is no body text."""
    parts = parse_scraped(text)
    if not parts.title:
        raise IngestError(path, "no text (only blank lines or scraper leftovers)")
    if not parts.blocks:
        raise IngestError(path, "no body text: only a title line" + (" and a source footer" if parts.footer_removed else ""))
    extra: dict[str, object] = {}
    if encoding:
        extra["encoding"] = encoding
    if parts.boilerplate_removed:
        extra["boilerplate_lines_removed"] = parts.boilerplate_removed
    return build_article(
        title=parts.title,
        blocks=parts.blocks,
        source=parts.source,
        url=None,
        author=None,
        published_at=parts.published_at,
        original=text,
        origin=path,
        format="text",
        layer=LAYER,
        footer_removed=parts.footer_removed,
        extra=extra,
    )
