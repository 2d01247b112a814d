"""The seed article (../shared/seeds, skipped when absent): events, quotes and credibility
signals end to end, with mentions from the linking package when it is importable and from the
extractor's own actor lexicon otherwise."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from marsad.extract.events import extract_events, sentences_of
from marsad.extract.quotes import extract_quotes
from marsad.extract.records import Mention
from marsad.extract.signals import credibility_signals
from marsad.extract.tone import score_tone
from marsad.ingest.article import Article, Block, article_id, content_hash

RUSSIA_IDS = {"Q159", "Q649", "m:ORG:government-of-russia"}  # Russia, Moscow, the Kremlin
PEOPLE = ("ستيف ويتكوف", "دونالد ترامب", "فلاديمير بوتين")


def read_seed(path: Path) -> Article:
    """Title = first line; body = the other non-empty lines without the repeated-title footer."""
    lines = path.read_text(encoding="utf-8").rstrip().split("\n")
    title = lines[0].strip()
    kept = [ln.strip() for ln in lines[1:] if ln.strip()]
    footer = [ln for ln in kept if ln.startswith(title) and "المصدر" in ln]
    kept = [ln for ln in kept if ln not in footer]
    blocks, pos = [], 0
    for line in kept:
        short = len(line.split()) <= 10 and line[-1] not in ".،:"
        kind = "bullet" if line.startswith("- ") else "heading" if short else "paragraph"
        blocks.append(Block(kind, line, pos, pos + len(line)))  # type: ignore[arg-type]
        pos += len(line) + 1
    body = "\n".join(kept)
    return Article(id=article_id(url=None, source=None, title=title, body=body), title=title,
                   body=body, blocks=tuple(blocks), content_hash=content_hash(title, body),
                   source=None, footer_removed=bool(footer))


def linked_mentions(body: str) -> list[Mention]:
    linking = pytest.importorskip("marsad.extract.linking")
    ner = pytest.importorskip("marsad.extract.ner")
    spans = sorted((ner.EntitySpan(m.start(), m.end(), name, "PERS", 0.9, 0)
                    for name in PEOPLE for m in re.finditer(name, body)), key=lambda s: s.start)
    mentions, _ = linking.link_article(body, spans, linking.load_registry())
    return mentions


@pytest.fixture(params=["lexicon", "linking"])
def seed(request: pytest.FixtureRequest, seed_path: Path) -> tuple[Article, list[Mention]]:
    art = read_seed(seed_path)
    mentions = linked_mentions(art.body) if request.param == "linking" else []
    return art, mentions


def test_sanction_by_the_west_on_russia(seed: tuple[Article, list[Mention]]) -> None:
    art, mentions = seed
    events = extract_events(art.body, sentences_of(art.body), mentions)
    sanctions = [e for e in events if e.type == "SANCTION"]
    assert sanctions
    (ev,) = [e for e in sanctions if e.actor is not None and e.actor.text == "الغربية"]
    assert ev.actor.entity_id == "m:LOC:the-west"
    assert ev.recipient is not None and ev.recipient.entity_id in RUSSIA_IDS
    assert ev.recipient.text in ("موسكو", "روسيا")
    assert not ev.negated and not ev.speculative


def test_russian_anger_is_a_protest_by_russia(seed: tuple[Article, list[Mention]]) -> None:
    art, mentions = seed
    events = extract_events(art.body, sentences_of(art.body), mentions)
    angry = [e for e in events if e.type == "PROTEST" and e.actor is not None
             and e.actor.entity_id in RUSSIA_IDS]
    assert angry and all("غضب" in e.trigger for e in angry)
    for ev in events:
        assert art.body[ev.trigger_start:ev.trigger_end] == ev.trigger


def test_no_quote_is_invented(seed: tuple[Article, list[Mention]]) -> None:
    art, mentions = seed
    assert extract_quotes(art.body, sentences_of(art.body), mentions) == []


def test_credibility_signals_with_evidence(seed: tuple[Article, list[Mention]]) -> None:
    art, mentions = seed
    signals = {s.code: s for s in credibility_signals(art, mentions=mentions)}
    for code in ("source_missing", "no_named_source", "hedging", "template_headings",
                 "title_repeated_footer"):
        assert code in signals, code
        assert signals[code].evidence, code
    for sig in signals.values():
        for ev in sig.evidence:
            text = {"body": art.body, "title": art.title, "source": ""}[ev.field]
            assert text[ev.start:ev.end] == ev.text
    assert signals["hedging"].details["per_100_words"] > 2
    headings = {e.text for e in signals["template_headings"].evidence}
    assert any(h.startswith("السياق العام") for h in headings)
    assert any(h.startswith("التداعيات المتوقعة") for h in headings)
    assert any(h.startswith("لماذا") and h.endswith("؟") for h in headings)
    assert [e.field for e in signals["title_repeated_footer"].evidence] == ["title"]


def test_tone_is_negative(seed: tuple[Article, list[Mention]]) -> None:
    art, _ = seed
    tone = score_tone(art.body, sentences_of(art.body))
    assert tone.score < -0.2 and tone.negative > tone.positive
