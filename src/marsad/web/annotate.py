"""An article's annotations as data the templates render with autoescaping, never as markup
strings: the body cut at every span boundary into ``Run``s (a linked entity mention, or plain
text) of ``Piece``s (text plus the marks over it: signal evidence), and the quote, event, tone
and signal panels as small view records.

Every piece of article text stays a plain ``str`` that Jinja escapes; the only markup made here
is the tone gauge (SVG built from numbers and our own class names). Spans are half-open body
offsets and are never trusted: each is clipped to its block, and overlapping mentions are
dropped (the longer, earlier one wins) so links never nest."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import quote

from markupsafe import Markup

from marsad.web import entity_strings
from marsad.web.markup import text_direction

# Every class name this module puts into a page; nothing taken from the data becomes a class.
MARK_KINDS = frozenset({"evidence", "trigger", "actor", "recipient"})
LABEL_CLASSES = {"PERS": "pers", "ORG": "org", "LOC": "loc", "MISC": "misc"}
TONE_WORDS_SHOWN = 12
NEUTRAL_TONE = 0.05  # |score| below this reads as neutral


def entity_href(entity_id: str) -> str:
    """The entity page of ``entity_id``, percent-encoded (ids may hold ``:`` and, in principle,
    anything else)."""
    return "/entities/" + quote(entity_id, safe=":")


def label_class(label: str | None) -> str:
    return LABEL_CLASSES.get(label or "", "misc")


# --- segmenting ----------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class LinkSpan:
    """A span that becomes one link (an entity mention); ``href`` None makes it a plain span."""

    start: int
    end: int
    href: str | None
    css: str  # one of LABEL_CLASSES' values
    title: str = ""


@dataclass(frozen=True, slots=True)
class MarkSpan:
    """A span to highlight; ``anchor`` (an element id) goes on the first piece of it shown."""

    start: int
    end: int
    kind: str  # one of MARK_KINDS: signal evidence, or an event's trigger and participants
    anchor: str | None = None
    title: str = ""


@dataclass(frozen=True, slots=True)
class Piece:
    text: str
    marks: tuple[str, ...] = ()
    anchor: str | None = None
    title: str = ""

    @property
    def css(self) -> str:
        return " ".join(self.marks)


@dataclass(frozen=True, slots=True)
class Run:
    """Consecutive pieces under the same link (or under none)."""

    pieces: tuple[Piece, ...]
    link: LinkSpan | None = None

    @property
    def text(self) -> str:
        return "".join(p.text for p in self.pieces)


def _clip(start: int, end: int, lo: int, hi: int) -> tuple[int, int] | None:
    start, end = max(int(start), lo), min(int(end), hi)
    return (start, end) if start < end else None


def segment(text: str, links: Iterable[LinkSpan] = (), marks: Iterable[MarkSpan] = (), *, offset: int = 0,
            placed: set[str] | None = None) -> list[Run]:
    """``text`` (which starts at body offset ``offset``) cut into runs: ``"".join(run.text) ==
    text`` always. Links are clipped and made disjoint; marks may overlap links and each other.
    ``placed`` collects the anchors already given out, so a span crossing blocks gets its anchor
    once (pass the same set for every block of a page)."""
    lo, hi = offset, offset + len(text)
    placed = set() if placed is None else placed
    kept: list[tuple[int, int, LinkSpan]] = []
    for link in sorted(links, key=lambda s: (s.start, -(s.end - s.start))):
        span = _clip(link.start, link.end, lo, hi)
        if span is None or (kept and span[0] < kept[-1][1]):
            continue  # out of this block, empty, or overlapping a link already kept
        kept.append((span[0], span[1], link))
    shown: list[tuple[int, int, MarkSpan]] = []
    for mark in marks:
        if mark.kind not in MARK_KINDS:
            raise ValueError(f"unknown mark kind {mark.kind!r}")
        span = _clip(mark.start, mark.end, lo, hi)
        if span is not None:
            shown.append((span[0], span[1], mark))
    cuts = sorted({lo, hi, *(p for s, e, _ in kept for p in (s, e)), *(p for s, e, _ in shown for p in (s, e))})
    runs: list[Run] = []
    pieces: list[Piece] = []
    current: LinkSpan | None = None
    k = 0
    for a, b in zip(cuts, cuts[1:]):
        while k < len(kept) and kept[k][1] <= a:
            k += 1
        link = kept[k][2] if k < len(kept) and kept[k][0] <= a else None
        over = [m for s, e, m in shown if s <= a and b <= e]
        anchor = next((m.anchor for m in over if m.anchor and m.anchor not in placed), None)
        if anchor:
            placed.add(anchor)
        piece = Piece(text[a - lo:b - lo], tuple(sorted({m.kind for m in over})), anchor,
                      " · ".join(dict.fromkeys(m.title for m in over if m.title)))
        if link is not current and pieces:
            runs.append(Run(tuple(pieces), current))
            pieces = []
        current = link
        pieces.append(piece)
    if pieces:
        runs.append(Run(tuple(pieces), current))
    return runs


@dataclass(frozen=True, slots=True)
class AnnotatedSection:
    """What the page shows for consecutive blocks: a heading, a paragraph, or a list; each item
    is the runs of one block."""

    kind: str  # heading | paragraph | list
    items: tuple[tuple[Run, ...], ...]


def annotated_sections(body: str, blocks: Sequence[Any], links: Sequence[LinkSpan],
                       marks: Sequence[MarkSpan]) -> list[AnnotatedSection]:
    """The body block by block (bullets grouped into lists, as the plain article page does).
    A block whose offsets do not match the body is shown without annotations; an article
    without blocks is shown one paragraph per line."""
    placed: set[str] = set()
    spans = [(b.kind, b.text, b.start if body[b.start:b.end] == b.text else None) for b in blocks]
    if not spans:
        spans, pos = [], 0
        for line in body.split("\n"):
            if line.strip():
                spans.append(("paragraph", line, pos))
            pos += len(line) + 1
    out: list[AnnotatedSection] = []
    bullets: list[tuple[Run, ...]] = []
    for kind, text, start in spans:
        if start is None:
            runs = tuple(segment(text))
        else:  # only the spans that reach into this block
            end = start + len(text)
            runs = tuple(segment(text, [s for s in links if s.start < end and s.end > start],
                                 [m for m in marks if m.start < end and m.end > start], offset=start, placed=placed))
        if kind == "bullet":
            bullets.append(runs)
            continue
        if bullets:
            out.append(AnnotatedSection("list", tuple(bullets)))
            bullets = []
        out.append(AnnotatedSection("heading" if kind == "heading" else "paragraph", (runs,)))
    if bullets:
        out.append(AnnotatedSection("list", tuple(bullets)))
    return out


# --- panels --------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EntityRef:
    """A name shown in a panel, linked to its entity page when it has one."""

    text: str
    href: str | None = None
    css: str = "misc"
    title: str = ""


@dataclass(frozen=True, slots=True)
class EntityChip:
    id: str
    name: str
    href: str
    css: str
    type_label: str
    mentions: int


@dataclass(frozen=True, slots=True)
class QuoteView:
    kind: str  # direct | reported
    text: str
    speaker: EntityRef | None
    speaker_entity: EntityRef | None  # the linked name inside the speaker phrase, if any
    anonymous: bool
    cue: str | None


@dataclass(frozen=True, slots=True)
class EventView:
    type: str
    type_name: str
    actor: EntityRef | None
    recipient: EntityRef | None
    trigger: str
    negated: bool
    speculative: bool


@dataclass(frozen=True, slots=True)
class ToneWordView:
    text: str
    count: int
    weight: float  # summed over its occurrences
    negated: bool
    intensified: bool


@dataclass(frozen=True, slots=True)
class ToneView:
    score: float
    leaning: str  # neg | pos | neutral
    positive: int
    negative: int
    gauge: Markup
    negative_words: tuple[ToneWordView, ...]
    positive_words: tuple[ToneWordView, ...]


@dataclass(frozen=True, slots=True)
class EvidenceView:
    field: str  # body | title | source
    text: str
    anchor: str | None  # the highlighted span's id in the body


@dataclass(frozen=True, slots=True)
class SignalView:
    code: str
    message: str
    evidence: tuple[EvidenceView, ...]


@dataclass(frozen=True, slots=True)
class ArticleAnnotations:
    """Everything ``_article_annotations.html`` shows; ``t`` translates its strings."""

    t: Callable[..., str]
    lang: str
    text_lang: str
    text_dir: str
    analyzed: bool
    sections: list[AnnotatedSection]
    entities: list[EntityChip] = field(default_factory=list)
    quotes: list[QuoteView] = field(default_factory=list)
    events: list[EventView] = field(default_factory=list)
    tone: ToneView | None = None
    signals: list[SignalView] = field(default_factory=list)
    has_mentions: bool = False  # the body shows highlighted mentions
    has_evidence: bool = False  # the body shows signal evidence


def evidence_anchor(signal_index: int, evidence_index: int) -> str:
    return f"ev-{signal_index}-{evidence_index}"


def tone_gauge(score: float, *, rtl: bool, caption: str) -> Markup:
    """A diverging bar from 0 to ``score`` on a −1…+1 track (−1 at the reading start). Built
    from numbers and fixed class names only; the caption is escaped."""
    from markupsafe import escape

    width, height, pad = 240, 26, 8
    span = width - 2 * pad
    clamped = max(-1.0, min(1.0, float(score)))
    mid = width / 2

    def x_of(value: float) -> float:
        x = pad + (value + 1) / 2 * span
        return width - x if rtl else x

    x = x_of(clamped)
    left, right = sorted((mid, x))
    css = "tone-bar-neg" if clamped < 0 else "tone-bar-pos"
    return Markup(
        f'<svg class="tone-gauge" viewBox="0 0 {width} {height}" role="img" aria-label="{escape(caption)}">'
        f"<title>{escape(caption)}</title>"
        f'<rect class="tone-track" x="{pad}" y="9" width="{span}" height="8" rx="4"/>'
        f'<rect class="{css}" x="{left:.1f}" y="9" width="{max(right - left, 0.0):.1f}" height="8" rx="4"/>'
        f'<line class="tone-zero" x1="{mid:.1f}" x2="{mid:.1f}" y1="4" y2="22"/>'
        f'<circle class="tone-dot {css}" cx="{x:.1f}" cy="13" r="6"/>'
        "</svg>"
    )


def _tone_words(sentences: Iterable[dict[str, Any]]) -> tuple[tuple[ToneWordView, ...], tuple[ToneWordView, ...]]:
    totals: dict[str, list[Any]] = {}
    for sentence in sentences:
        for w in sentence.get("words") or ():
            entry = totals.setdefault(str(w.get("text", "")), [0, 0.0, False, False])
            entry[0] += 1
            entry[1] += float(w.get("weight") or 0.0)
            entry[2] = entry[2] or bool(w.get("negated"))
            entry[3] = entry[3] or bool(w.get("intensified"))
    views = [ToneWordView(text, n, round(weight, 2), neg, inten) for text, (n, weight, neg, inten) in totals.items()
             if text and weight]
    negative = sorted((v for v in views if v.weight < 0), key=lambda v: (v.weight, -v.count, v.text))
    positive = sorted((v for v in views if v.weight > 0), key=lambda v: (-v.weight, -v.count, v.text))
    return tuple(negative[:TONE_WORDS_SHOWN]), tuple(positive[:TONE_WORDS_SHOWN])


def build_annotations(article: Any, layers: dict[str, Any], lang: str,
                      names: dict[str, dict[str, Any]] | None = None) -> ArticleAnnotations:
    """The view of one article: ``article`` an ``Article`` (body, blocks, title, language),
    ``layers`` its stored layers (``mentions``, ``quotes``, ``events``, ``tone``, ``signals``),
    ``names`` canonical names by entity id (``entity_service.entity_names``)."""
    t = entity_strings.translator(lang)
    names = names or {}
    body: str = article.body
    text_lang, text_dir = text_direction(article.title + " " + body, article.language)

    def type_label(label: str | None) -> str:
        return t("type1." + label) if label in entity_strings.ENTITY_TYPE_KEYS else ""

    def ref(text: str, entity_id: str | None, label: str | None = None) -> EntityRef:
        known = names.get(entity_id or "")
        label = (known or {}).get("type") or label
        if not entity_id:
            return EntityRef(text, None, label_class(label))
        name = (known or {}).get("name_ar") or text
        return EntityRef(text, entity_href(entity_id), label_class(label),
                         " · ".join(x for x in (name, type_label(label)) if x))

    mentions = [m for m in layers.get("mentions") or () if isinstance(m.get("start"), int)]
    links = []
    for m in mentions:
        r = ref(str(m.get("text", "")), m.get("entity_id"), m.get("label"))
        links.append(LinkSpan(m["start"], m["end"], r.href, r.css, r.title or type_label(m.get("label"))))

    signals: list[SignalView] = []
    marks: list[MarkSpan] = []
    for i, sig in enumerate(layers.get("signals") or ()):
        message = str(sig.get("message_en" if lang == "en" else "message_ar") or sig.get("code", ""))
        evidence = []
        for j, ev in enumerate(sig.get("evidence") or ()):
            where = ev.get("field")
            anchor = None
            if where == "body" and isinstance(ev.get("start"), int) and ev["end"] > ev["start"]:
                anchor = evidence_anchor(i, j)
                marks.append(MarkSpan(ev["start"], ev["end"], "evidence", anchor, message))
            evidence.append(EvidenceView(str(where), str(ev.get("text", "")), anchor))
        signals.append(SignalView(str(sig.get("code", "")), message, tuple(evidence)))

    counts = Counter(m["entity_id"] for m in mentions if m.get("entity_id"))
    first_seen: dict[str, int] = {}
    surface: dict[str, str] = {}
    label_of: dict[str, str] = {}
    for m in mentions:
        eid = m.get("entity_id")
        if eid and eid not in first_seen:
            first_seen[eid], surface[eid], label_of[eid] = m["start"], str(m.get("text", "")), m.get("label") or ""
    entities = []
    for eid in sorted(counts, key=lambda e: (-counts[e], first_seen[e])):
        known = names.get(eid) or {}
        label = known.get("type") or label_of[eid]
        entities.append(EntityChip(eid, known.get("name_ar") or surface[eid], entity_href(eid), label_class(label),
                                   type_label(label), counts[eid]))

    quotes = []
    for q in layers.get("quotes") or ():
        sp = q.get("speaker") or None
        speaker = EntityRef(str(sp.get("text", ""))) if sp else None
        speaker_entity = None
        if sp and sp.get("entity_id"):
            linked = ref(str(sp.get("text", "")), sp["entity_id"], sp.get("label"))
            known = names.get(sp["entity_id"]) or {}
            speaker_entity = EntityRef(known.get("name_ar") or linked.text, linked.href, linked.css, linked.title)
        quotes.append(QuoteView("direct" if q.get("kind") == "direct" else "reported", str(q.get("text", "")),
                                speaker, speaker_entity, bool(q.get("anonymous")), q.get("cue")))

    events = []
    for e in layers.get("events") or ():
        parts = []
        for role in ("actor", "recipient"):
            p = e.get(role) or None
            if not p:
                parts.append(None)
                continue
            canonical = (names.get(p.get("entity_id") or "") or {}).get("name_ar")
            parts.append(ref(str(canonical or p.get("name") or p.get("text") or ""), p.get("entity_id")))
        events.append(EventView(str(e.get("type", "")), entity_strings.event_type_name(e.get("type"), lang),
                                parts[0], parts[1], str(e.get("trigger", "")), bool(e.get("negated")),
                                bool(e.get("speculative"))))

    tone = None
    raw_tone = layers.get("tone")
    if isinstance(raw_tone, dict) and "score" in raw_tone:
        score = float(raw_tone.get("score") or 0.0)
        leaning = "neutral" if abs(score) < NEUTRAL_TONE else ("neg" if score < 0 else "pos")
        negative, positive = _tone_words(raw_tone.get("sentences") or ())
        tone = ToneView(score, leaning, int(raw_tone.get("positive") or 0), int(raw_tone.get("negative") or 0),
                        tone_gauge(score, rtl=lang == "ar", caption=f"{t('ann.tone_score')}: {score:+.2f}"),
                        negative, positive)

    analyzed = any(k in layers for k in ("quotes", "events", "tone", "signals")) or bool(mentions)
    return ArticleAnnotations(
        t=t, lang=lang, text_lang=text_lang, text_dir=text_dir, analyzed=analyzed,
        sections=annotated_sections(body, article.blocks, links, marks),
        entities=entities, quotes=quotes, events=events, tone=tone, signals=signals,
        has_mentions=bool(links), has_evidence=bool(marks),
    )


def article_annotations(store: Any, stored: Any, lang: str) -> ArticleAnnotations:
    """``build_annotations`` for a ``StoredArticle`` read from ``store`` (canonical names looked
    up in one query). Call it inside the request's ``pool.reading()`` block."""
    from marsad.api.entity_service import entity_names

    layers = stored.layers
    ids: set[str] = {m["entity_id"] for m in layers.get("mentions") or () if m.get("entity_id")}
    for q in layers.get("quotes") or ():
        if (q.get("speaker") or {}).get("entity_id"):
            ids.add(q["speaker"]["entity_id"])
    for e in layers.get("events") or ():
        ids.update(p["entity_id"] for p in (e.get("actor"), e.get("recipient")) if p and p.get("entity_id"))
    return build_annotations(stored.article, layers, lang, entity_names(store, ids))
