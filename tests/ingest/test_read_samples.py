"""The bundled sample corpus (samples/) against its gold labels (samples/stories.tsv)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from marsad.ingest.read import read_paths

SAMPLES = Path(__file__).resolve().parents[2] / "samples"
FIELD_MAP = "title=headline,body=text,source=outlet,url=link,published_at=published"


def _gold() -> dict[str, dict[str, str]]:
    with open(SAMPLES / "stories.tsv", encoding="utf-8") as f:
        return {row["path_or_record"]: row for row in csv.DictReader(f, delimiter="\t")}


def _relative(origin: str) -> str:
    return Path(origin).relative_to(SAMPLES).as_posix() if ":" not in origin else (
        Path(origin.rsplit(":", 1)[0]).relative_to(SAMPLES).as_posix() + ":" + origin.rsplit(":", 1)[1]
    )


@pytest.fixture(scope="module")
def read_samples(request):
    if not (SAMPLES / "stories.tsv").exists():
        pytest.skip("samples/ is not present")
    articles, errors = {}, []
    for item in read_paths([SAMPLES]):
        if hasattr(item, "blocks"):
            articles[_relative(item.origin)] = item
        else:
            errors.append(item)
    return articles, errors


def test_every_gold_article_is_read_with_its_outlet(read_samples) -> None:
    articles, _ = read_samples
    gold = _gold()
    assert set(gold) <= set(articles)
    for key, row in gold.items():
        assert (articles[key].source or "") == row["outlet"], key


def test_dates_the_articles_state(read_samples) -> None:
    articles, _ = read_samples
    for key, row in _gold().items():
        article = articles[key]
        if key.startswith("scraped/") and article.published_at is None:
            continue  # no dateline: the gold date is only a label, never to be invented
        assert article.published_at == row["date"], key
    dated = [k for k in _gold() if k.startswith("scraped/") and articles[k].published_at]
    assert [k.split("/")[1][:2] for k in sorted(dated)] == ["01", "07", "10", "18"]


def test_scraped_footers_and_leftovers_are_removed(read_samples) -> None:
    articles, _ = read_samples
    scraped = [a for k, a in articles.items() if k.startswith("scraped/")]
    assert len(scraped) == 18
    for article in scraped:
        assert article.footer_removed, article.origin
        assert "المصدر" not in article.body.splitlines()[-1]
        assert "شارك هذا الخبر" not in article.body and "اقرأ أيضاً" not in article.body
        assert {"heading", "paragraph"} <= {b.kind for b in article.blocks}


def test_html_pages_keep_only_the_article(read_samples) -> None:
    articles, _ = read_samples
    pages = [a for k, a in articles.items() if k.startswith("html/")]
    assert len(pages) == 12
    for page in pages:
        assert page.title and page.url and page.url.startswith("https://")
        assert page.title not in page.body
        texts = [b.text for b in page.blocks]
        assert not any(t.startswith(("شارك", "اقرأ أيضا", "الأكثر قراءة", "إعلان")) for t in texts), page.origin
        assert "جميع الحقوق" not in page.body
        assert page.blocks[0].kind == "paragraph"  # no section label or headline left on top


def test_hostile_markup_stays_text(read_samples) -> None:
    articles, _ = read_samples
    assert "<script>alert(1)</script>" in articles["html/07_albawsala_bank_cyberattack.html"].body
    assert "<script>alert(1)</script>" in articles["jsonl/news.jsonl:1"].body


def test_other_layout_reads_with_and_without_map(read_samples) -> None:
    articles, _ = read_samples
    mapped = {a.origin: a for a in read_paths([SAMPLES / "jsonl" / "other_layout.jsonl"], field_map=FIELD_MAP)}
    assert len(mapped) == 5
    for origin, article in mapped.items():
        guessed = articles[_relative(origin)]
        assert (guessed.title, guessed.body, guessed.source, guessed.url, guessed.published_at) == (
            article.title, article.body, article.source, article.url, article.published_at)


def test_malformed_inputs_fail_cleanly(read_samples) -> None:
    articles, errors = read_samples
    got = sorted(_relative(e.path) + (f":{e.record}" if e.record is not None else "") for e in errors)
    assert got == [
        "malformed/bad_bytes.txt",
        "malformed/binary.txt",
        "malformed/broken.jsonl:2",
        "malformed/broken.jsonl:4",
        "malformed/empty.txt",
        "malformed/truncated.jsonl.gz",
    ]
    assert all("\n" not in str(e) for e in errors)
    assert {k for k in articles if k.startswith("malformed/")} == {
        "malformed/broken.jsonl:1", "malformed/broken.jsonl:3", "malformed/broken.jsonl:5",
        "malformed/truncated.jsonl.gz:1", "malformed/truncated.jsonl.gz:2",
    }
