from __future__ import annotations

import pytest

from marsad.errors import IngestError
from marsad.ingest.read import read_paths
from marsad.ingest.scraped import article_from_text, classify_lines, parse_scraped, split_footer

TITLE = "ارتفاع أسعار القهوة في الأسواق المحلية"
PARAGRAPH = "شهدت الأسواق المحلية خلال الأسبوع الماضي ارتفاعا ملحوظا في أسعار القهوة بمختلف أنواعها."


def test_fixture_layout(fixtures_dir, split) -> None:
    articles, errors = split(read_paths([fixtures_dir / "scraped_footer.txt"]))
    assert errors == []
    (article,) = articles
    assert article.title == TITLE
    assert article.source == "الجزيرة نت"
    assert article.footer_removed is True
    assert article.format == "text" and article.layer == "scraped-text"
    assert article.extra["encoding"] == "utf-8"
    assert article.extra["boilerplate_lines_removed"] == 2
    kinds = [b.kind for b in article.blocks]
    assert kinds == ["paragraph", "heading", "paragraph", "heading", "paragraph", "bullet", "bullet", "bullet"]
    assert article.blocks[1].text == "أسباب الارتفاع"
    assert article.blocks[3].text == "ما الذي ينتظر المستهلكين؟"
    assert [b.text[:5] for b in article.blocks[5:]] == ["شراء ", "مقارن", "متابع"]  # markers stripped
    assert "المصدر" not in article.body
    assert "اقرأ أيضا" not in article.body and "شارك هذا المقال" not in article.body
    assert article.body == "\n".join(b.text for b in article.blocks)
    assert not article.body.endswith(("\n", " "))
    for block in article.blocks:
        assert article.body[block.start : block.end] == block.text
    assert article.original == (fixtures_dir / "scraped_footer.txt").read_text(encoding="utf-8")
    assert article.origin == str(fixtures_dir / "scraped_footer.txt")


@pytest.mark.parametrize(
    ("footer", "source"),
    [
        (f"{TITLE} المصدر:", None),
        (f"{TITLE} المصدر: الجزيرة نت", "الجزيرة نت"),
        (f"{TITLE} المصدر : الجزيرة نت", "الجزيرة نت"),
        (f"{TITLE} - المصدر: وكالة الأنباء", "وكالة الأنباء"),
        (f"{TITLE} المصدر", None),
        ("المصدر: صحيفة المدينة", "صحيفة المدينة"),
        ("المصدر : صحيفة المدينة.", "صحيفة المدينة"),
        (f"{TITLE[:20]} المصدر: الجزيرة نت", "الجزيرة نت"),  # the repeated title cut short
        ("Source: Reuters", "Reuters"),
    ],
)
def test_footer_variants_are_removed(footer: str, source: str | None) -> None:
    parts = parse_scraped(f"{TITLE}\n\n{PARAGRAPH}\n{footer}\n\n\n")
    assert parts.footer_removed is True
    assert parts.source == source
    assert [text for _, text in parts.blocks] == [PARAGRAPH]


@pytest.mark.parametrize(
    "last_line",
    [
        "وقال المصدر إن الأسعار ستعود إلى مستواها الطبيعي قريبا.",
        "نقل تقرير عن مسؤول كبير أن المصدر: الشحنات المتأخرة في الموانئ.",
        "المصدر الرئيسي للقلق هو نقص المعروض",
    ],
)
def test_sentences_mentioning_the_source_are_kept(last_line: str) -> None:
    parts = parse_scraped(f"{TITLE}\n{PARAGRAPH}\n{last_line}\n")
    assert parts.footer_removed is False
    assert parts.source is None
    assert parts.blocks[-1][1] == last_line


def test_split_footer_needs_the_title_or_a_colon() -> None:
    assert split_footer("عنوان آخر لا علاقة له بالخبر المصدر: الجزيرة", TITLE) == (False, None)
    assert split_footer("المصدر الجزيرة", TITLE) == (False, None)
    assert split_footer("المصدر: الجزيرة", TITLE) == (True, "الجزيرة")


@pytest.mark.parametrize(
    ("lines", "kinds"),
    [
        # short, unpunctuated, followed by text → heading
        (["خلفية الأزمة", PARAGRAPH], ["heading", "paragraph"]),
        # a short question followed by a paragraph → heading
        (["لماذا ترتفع الأسعار؟", PARAGRAPH], ["heading", "paragraph"]),
        # short line at the end (nothing follows) → paragraph
        ([PARAGRAPH, "خلفية الأزمة"], ["paragraph", "paragraph"]),
        # lead-in ending with a colon → paragraph, then bullets
        (["وتشمل الخطة ما يلي:", "- بند أول", "• بند ثان", "* بند ثالث"], ["paragraph", "bullet", "bullet", "bullet"]),
        # a heading right before a list
        ([PARAGRAPH, "أبرز القرارات", "- بند أول"], ["paragraph", "heading", "bullet"]),
        # short sentence with a full stop → paragraph
        (["انتهى الاجتماع.", PARAGRAPH], ["paragraph", "paragraph"]),
        # a long line is never a heading even without punctuation
        ([PARAGRAPH.rstrip("."), PARAGRAPH], ["paragraph", "paragraph"]),
        # a negative number is not a bullet
        (["-5 درجات مئوية سجلت الليلة الماضية في المرتفعات.", PARAGRAPH], ["paragraph", "paragraph"]),
        # a place/byline under the title is not a heading
        (["الرياض – وكالات", PARAGRAPH], ["paragraph", "paragraph"]),
    ],
)
def test_classify_lines(lines: list[str], kinds: list[str]) -> None:
    assert [kind for kind, _ in classify_lines(lines)] == kinds


def test_bullet_marker_is_stripped() -> None:
    assert classify_lines(["- بند أول", "•بند ثان"]) == [("bullet", "بند أول"), ("bullet", "بند ثان")]


def test_dateline_under_title_becomes_published_at() -> None:
    parts = parse_scraped(f"{TITLE}\nالأحد 12 يناير 2025\n{PARAGRAPH}\n")
    assert parts.published_at == "2025-01-12"
    assert [text for _, text in parts.blocks] == [PARAGRAPH]


def test_repeated_title_and_whitespace_are_cleaned() -> None:
    parts = parse_scraped(f"\ufeff  {TITLE}  \n{TITLE}\n\t{PARAGRAPH.replace(' ', '  ', 3)}\u00a0\n")
    assert parts.title == TITLE
    assert [text for _, text in parts.blocks] == [PARAGRAPH]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (f"{TITLE}\n\n\n", "no body text"),
        (f"{TITLE}\n{TITLE} المصدر: الجزيرة\n", "no body text"),
        ("شارك هذا المقال\nAdvertisement\n", "no text"),
    ],
)
def test_no_body_text_is_an_ingest_error(text: str, reason: str) -> None:
    with pytest.raises(IngestError) as err:
        article_from_text(text, path="x.txt")
    assert reason in err.value.reason
    assert str(err.value).startswith("x.txt: ")
