"""HTML pages → ``Article`` through trafilatura (offline: it only parses the given markup).

trafilatura finds the main text and the metadata: title, date (htmldate), site name (→
``source``; trafilatura falls back to the URL's host name when the page names no site), canonical
URL and author. Its XML body gives the structure: ``<head>`` → heading, ``<list><item>`` →
bullet, ``<p>``/``<quote>``/table rows → paragraph (a short, unpunctuated paragraph followed by
text is read as a heading, as in scraped text). A leading heading that repeats the title and a
dateline under it are lifted out of the body. Dates htmldate cannot read (Levantine month
names, Arabic-Indic digits) are found by ``dates.parse_arabic_date`` in the page's date elements.
"""

from __future__ import annotations

import codecs
import re
from typing import Any

import lxml.html
from lxml import etree

from marsad.errors import IngestError
from marsad.ingest._build import build_article
from marsad.ingest.article import Article, BlockKind, matching_key
from marsad.ingest.dates import date_line, parse_arabic_date
from marsad.ingest.decode import Decoded, decode_bytes, detect_bom, is_mostly_arabic
from marsad.ingest.scraped import classify_lines, clean_line, is_boilerplate, split_footer

__all__ = ["LAYER", "article_from_html", "decode_html", "html_blocks"]

LAYER = "trafilatura"

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-:.]+)""", re.IGNORECASE)
_TAGS = re.compile(r"<[^>]*>")
_XML_DECLARATION = re.compile(r"^\s*<\?xml[^>]*\?>")  # lxml refuses it on str input
_BLOCK_TAGS = frozenset({"p", "head", "item", "row", "quote", "list", "table", "div", "code"})
_DATE_XPATH = (
    "//time | //*[contains(@class, 'date') or contains(@class, 'time') or contains(@class, 'publish')"
    " or contains(@id, 'date') or contains(@id, 'publish') or contains(@itemprop, 'date')]"
)
_META_DATE_XPATH = (
    "//meta[@property='article:published_time' or @property='og:published_time'"
    " or @itemprop='datePublished' or @name='pubdate' or @name='publishdate' or @name='date'"
    " or @name='article:published_time']/@content"
)
_DATE_ELEMENTS_MAX = 20
_BYLINE_XPATH = (
    "//*[contains(@class, 'author') or contains(@class, 'writer') or contains(@class, 'byline')"
    " or contains(@class, 'dateline') or contains(@class, 'reporter') or @rel='author'"
    " or contains(@itemprop, 'author')]"
)
_BYLINE_ELEMENTS_MAX = 10
_BYLINE_TEXT_MAX = 120
_BYLINE_NAME_MAX_WORDS = 5
_BYLINE_SEPARATORS = re.compile(r"\s[|·•—]\s")
_PLACE_NAME = re.compile(r"^(?P<place>[^\s\d]+(?:\s[^\s\d]+)?)\s+[-–]\s+(?P<name>\S.*)$")
_DATE_TEXT_MAX = 200
DATELINE_SEARCH_BLOCKS = 2
TITLE_SEARCH_BLOCKS = 3  # the in-page headline, possibly under a section label
KICKER_MAX_WORDS = 4


def decode_html(data: bytes) -> Decoded:
    """Bytes of a page → text: a byte-order mark, else valid UTF-8, else the ``<meta charset>``
    the page declares, else windows-1256 when its visible text is mostly Arabic."""
    if detect_bom(data) is not None:
        return decode_bytes(data)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError:
        pass
    m = _META_CHARSET.search(data[:4096])
    if m is not None:
        try:
            codec = codecs.lookup(m.group(1).decode("ascii")).name
            return Decoded(data.decode(codec), codec)
        except (LookupError, UnicodeDecodeError):
            pass
    legacy = data.decode("cp1256")
    if is_mostly_arabic(_TAGS.sub(" ", legacy)):
        return Decoded(legacy, "windows-1256")
    return decode_bytes(data)  # raises with the precise reason (binary, invalid byte)


def _collect(el: Any, out: list[str]) -> None:
    if el.text:
        out.append(el.text)
    for child in el:
        if child.tag == "lb":
            out.append("\n")
        elif child.tag in _BLOCK_TAGS:
            out.append("\n")
            _collect(child, out)
            out.append("\n")
        elif child.tag != "list":
            _collect(child, out)
        if child.tail:
            out.append(child.tail)


def _lines(el: Any) -> list[str]:
    out: list[str] = []
    _collect(el, out)
    return [line for line in (clean_line(x) for x in "".join(out).split("\n")) if line]


def _own_lines(el: Any) -> list[str]:
    """Text of an element without its nested lists (their items are blocks of their own)."""
    out: list[str] = []
    if el.text:
        out.append(el.text)
    for child in el:
        if child.tag != "list":
            sub: list[str] = []
            _collect(child, sub)
            out.extend(sub)
        if child.tail:
            out.append(child.tail)
    return [line for line in (clean_line(x) for x in "".join(out).split("\n")) if line]


def html_blocks(body: Any) -> list[tuple[BlockKind, str]]:
    """trafilatura's XML body → ``(kind, text)`` blocks in reading order."""
    blocks: list[tuple[BlockKind, str]] = []

    def add(kind: BlockKind, lines: list[str]) -> None:
        blocks.extend((kind, line) for line in lines)

    def loose(text: str | None) -> None:
        if text:
            add("paragraph", [line for line in (clean_line(x) for x in text.split("\n")) if line])

    loose(body.text)
    for child in body:
        tag = child.tag
        if tag == "head":
            add("heading", _lines(child))
        elif tag == "list":
            for item in child.iter("item"):
                add("bullet", _own_lines(item))
        elif tag == "table":
            for row in child.iter("row"):
                cells = [" ".join(_lines(cell)) for cell in row if cell.tag == "cell"]
                row_text = " | ".join(c for c in cells if c)
                if row_text:
                    blocks.append(("paragraph", row_text))
        elif tag not in ("graphic", "ref") or _lines(child):
            add("paragraph", _lines(child))
        loose(child.tail)
    return blocks


def _with_heuristic_headings(blocks: list[tuple[BlockKind, str]]) -> list[tuple[BlockKind, str]]:
    # Pages that style headings as bold paragraphs give no <head>; read them as scraped text does.
    guessed = classify_lines([text for _, text in blocks])
    return [
        ("heading" if kind == "paragraph" and guess == "heading" else kind, text)
        for (kind, text), (guess, _) in zip(blocks, guessed, strict=True)
    ]


def _parse_page(html: str) -> Any | None:
    try:
        return lxml.html.fromstring(_XML_DECLARATION.sub("", html, count=1))
    except (etree.ParserError, ValueError):
        return None


def _page_dates(tree: Any | None) -> list[str]:
    """Day-precise dates the page states, best evidence first: publication meta tags, then
    ``<time>`` and date-classed elements (their text read by ``parse_arabic_date``)."""
    if tree is None:
        return []
    found: list[str] = []
    for value in tree.xpath(_META_DATE_XPATH):
        iso = parse_arabic_date(value)
        if iso and len(iso) >= 10:
            found.append(iso)
    for el in tree.xpath(_DATE_XPATH)[:_DATE_ELEMENTS_MAX]:
        for value in (el.get("datetime"), el.get("content"), el.text_content()[:_DATE_TEXT_MAX]):
            iso = parse_arabic_date(value)
            if iso and len(iso) >= 10:
                found.append(iso)
                break
    return found


def _byline_author(tree: Any | None, author: str | None) -> str | None:
    """Arabic bylines put the place first, "جدة - خالد المطيري"; trafilatura then reports the
    place as the author. When the found author is that place (or there is none), take the name."""
    if tree is None:
        return author
    for el in tree.xpath(_BYLINE_XPATH)[:_BYLINE_ELEMENTS_MAX]:
        text = clean_line(el.text_content())[:_BYLINE_TEXT_MAX]
        first = _BYLINE_SEPARATORS.split(text, maxsplit=1)[0].strip()
        m = _PLACE_NAME.match(first)
        if m is None:
            continue
        place, name = m["place"].strip(), m["name"].strip()
        if author and author != place:
            return author
        if not any(ch.isdigit() for ch in name) and len(name.split()) <= _BYLINE_NAME_MAX_WORDS:
            return name
    return author


def _choose_date(metadata_date: str | None, dateline: str | None, tree: Any | None) -> tuple[str | None, str | None]:
    """``(date, where it came from)``. htmldate gives the day; a timestamp the page states for
    that day is kept whole. htmldate guesses "YYYY-01-01" from a bare year; a day-precise Arabic
    date of the same year on the page is better evidence then."""
    candidates = _page_dates(tree)
    if metadata_date and not metadata_date.endswith("-01-01"):
        precise = next((c for c in candidates if c.startswith(metadata_date) and len(c) > len(metadata_date)), None)
        return precise or metadata_date, "metadata"
    ours = dateline or (candidates[0] if candidates else None)
    if ours and (metadata_date is None or ours[:4] == metadata_date[:4]):
        return ours, "page-text"
    return metadata_date, ("metadata" if metadata_date else None)


def _drop_title_block(blocks: list[tuple[BlockKind, str]], title: str) -> list[tuple[BlockKind, str]]:
    """Remove the in-page headline that repeats the title, and the short section label ("kicker",
    e.g. "ثقافة") that pages put above it."""
    if not title:
        return blocks
    key = matching_key(title)
    for i, (_, text) in enumerate(blocks[:TITLE_SEARCH_BLOCKS]):
        if matching_key(text) == key:
            before = blocks[:i]
            if all(len(t.split()) <= KICKER_MAX_WORDS for _, t in before):
                before = []
            return before + blocks[i + 1 :]
    return blocks


def article_from_html(html: str, *, path: str, encoding: str | None = None) -> Article:
    """One HTML page → ``Article``; ``IngestError`` when trafilatura finds no main text."""
    import trafilatura  # imported on first use: it takes ~0.4 s, wasted on JSONL-only runs

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=True,
            include_images=False, include_links=False, favor_recall=True,
        )
    except (ValueError, TypeError, etree.LxmlError) as exc:
        raise IngestError(path, f"HTML could not be parsed: {exc}") from None
    if doc is None or doc.body is None:
        raise IngestError(path, "no article text found in the HTML page (trafilatura extracted nothing)")
    blocks = [(kind, text) for kind, text in html_blocks(doc.body) if not is_boilerplate(text)]
    title = clean_line(doc.title or "")
    if not title:
        title = next((text for kind, text in blocks if kind == "heading"), "")
    blocks = _drop_title_block(blocks, title)
    dateline = None
    for i in range(min(DATELINE_SEARCH_BLOCKS, len(blocks) - 1)):
        dateline = date_line(blocks[i][1])
        if dateline is not None:
            del blocks[i]
            break
    footer_removed, footer_source = False, None
    if blocks:
        footer_removed, footer_source = split_footer(blocks[-1][1], title)
        if footer_removed:
            blocks.pop()
    if not blocks:
        raise IngestError(path, "no article text found in the HTML page (only a title)")
    blocks = _with_heuristic_headings(blocks)
    if not title:
        title = blocks[0][1] if blocks[0][0] == "heading" else ""
    tree = _parse_page(html)
    published_at, date_from = _choose_date(doc.date, dateline, tree)
    extra: dict[str, Any] = {}
    if encoding:
        extra["encoding"] = encoding
    for key in ("hostname", "description"):
        value = getattr(doc, key, None)
        if value:
            extra[key] = value
    for key in ("categories", "tags"):
        value = getattr(doc, key, None)
        if value:
            extra[key] = list(value)
    if date_from:
        extra["date_from"] = date_from
    return build_article(
        title=title,
        blocks=blocks,
        source=clean_line(doc.sitename or "") or footer_source,
        url=doc.url,
        author=_byline_author(tree, doc.author),
        published_at=published_at,
        original=html,
        origin=path,
        format="html",
        layer=LAYER,
        footer_removed=footer_removed,
        extra=extra,
    )
