"""Credibility signals on small hand-written articles: each signal fires with evidence spans
where it should, and a well-sourced report raises none of them."""

from __future__ import annotations

from marsad.extract.signals import SIGNAL_CODES, Signal, credibility_signals
from marsad.ingest.article import Article, Block, article_id, content_hash


def article(title: str, blocks: list[tuple[str, str]], *, source: str | None = "وكالة الاختبار",
            footer_removed: bool = False) -> Article:
    built, pos = [], 0
    for kind, text in blocks:
        built.append(Block(kind, text, pos, pos + len(text)))  # type: ignore[arg-type]
        pos += len(text) + 1
    body = "\n".join(text for _, text in blocks)
    return Article(id=article_id(url=None, source=source, title=title, body=body), title=title,
                   body=body, blocks=tuple(built), content_hash=content_hash(title, body),
                   source=source, footer_removed=footer_removed)


def codes(signals: list[Signal]) -> set[str]:
    return {s.code for s in signals}


def check_evidence(art: Article, signals: list[Signal]) -> None:
    for sig in signals:
        assert sig.code in SIGNAL_CODES and sig.message_ar and sig.message_en
        assert sig.evidence, sig.code
        for ev in sig.evidence:
            source = {"body": art.body, "title": art.title, "source": art.source or ""}[ev.field]
            assert source[ev.start:ev.end] == ev.text
        assert Signal.from_dict(sig.to_dict()) == sig


WELL_SOURCED = article("الرياض تستضيف اجتماعا وزاريا", [
    ("paragraph", "استضافت الرياض يوم 12 مارس 2024 اجتماعا لوزراء خارجية خمس دول عربية."),
    ("paragraph", "وقال وزير الخارجية فيصل بن فرحان في مؤتمر صحفي إن الاجتماع بحث 4 ملفات."),
])

PADDED = article("تصاعد التوتر بين البلدين", [
    ("paragraph", "أثار الإعلان الأخير موجة من الجدل في الأوساط السياسية حاليا."),
    ("heading", "السياق العام للأزمة"),
    ("paragraph", "من المتوقع أن تتصاعد الأزمة، وقد تلجأ الأطراف إلى خطوات أخرى، وربما تتدخل أطراف ثالثة."),
    ("heading", "لماذا يثير القرار كل هذا الجدل؟"),
    ("paragraph", "يرجح مراقبون أن يستمر التوتر، ومن المحتمل أن يتأثر الاقتصاد بشكل ما."),
    ("paragraph", "في النهاية، يبقى المشهد مفتوحا على كل الاحتمالات."),
], source=None, footer_removed=True)


def test_well_sourced_report_raises_nothing() -> None:
    assert credibility_signals(WELL_SOURCED) == []


def test_padded_article_raises_the_expected_signals() -> None:
    signals = credibility_signals(PADDED)
    check_evidence(PADDED, signals)
    # "يرجح مراقبون أن …" is a statement by unnamed observers
    assert codes(signals) == {"source_missing", "anonymous_sources", "no_named_source", "hedging",
                              "no_checkable_details", "template_headings", "title_repeated_footer"}


def test_template_headings_point_at_the_headings() -> None:
    (sig,) = [s for s in credibility_signals(PADDED) if s.code == "template_headings"]
    texts = [e.text for e in sig.evidence]
    assert "السياق العام للأزمة" in texts and "لماذا يثير القرار كل هذا الجدل؟" in texts
    assert "في النهاية" in texts


def test_title_footer_evidence_is_the_title() -> None:
    (sig,) = [s for s in credibility_signals(PADDED) if s.code == "title_repeated_footer"]
    assert [(e.field, e.text) for e in sig.evidence] == [("title", PADDED.title)]


def test_hedging_counts_cues_per_hundred_words() -> None:
    (sig,) = [s for s in credibility_signals(PADDED) if s.code == "hedging"]
    assert sig.details["count"] >= 5 and sig.details["per_100_words"] > 5
    assert {"من المتوقع", "ربما"} <= {e.text for e in sig.evidence}


def test_anonymous_sources_are_flagged_with_the_speaker() -> None:
    art = article("تأجيل الاجتماع", [
        ("paragraph", "قال مصدر مطلع إن الاجتماع الذي كان مقررا يوم 5 مايو 2024 تأجل."),
        ("paragraph", "وقال وزير الخارجية إن الموعد الجديد سيحدد لاحقا."),
    ])
    signals = credibility_signals(art)
    check_evidence(art, signals)
    assert codes(signals) == {"anonymous_sources"}
    (sig,) = signals
    assert [e.text for e in sig.evidence] == ["مصدر مطلع"]


def test_a_mapping_works_like_an_article() -> None:
    body = "أثار القرار جدلا واسعا.\nومن المتوقع أن تتغير المواقف، وقد تتراجع الحكومة، وربما تعتذر."
    signals = credibility_signals({"title": "جدل", "body": body, "source": "", "footer_removed": False})
    assert {"source_missing", "hedging", "no_named_source", "no_checkable_details"} <= codes(signals)
