"""The bundled sample corpus against samples/stories.tsv: each of the eight multi-outlet stories
comes out as exactly one story, whose origin is the gold origin (the earliest version), and each
standalone article stays alone, the two look-alikes included (solo-13: Russia's central bank next
to the Russia stories; solo-2: a book fair in Rabat next to the Rabat climate summit)."""

from __future__ import annotations

import csv
from collections import defaultdict
from pathlib import Path

import pytest

from marsad.evaluation.stories import bcubed
from marsad.ingest.article import Article
from marsad.ingest.read import read_paths
from marsad.stories.cluster import Assignment, StoryClusterer, story_input
from marsad.stories.origin import Member, origin_and_edges

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def read_gold() -> dict[str, tuple[str, bool]]:
    with open(SAMPLES / "stories.tsv", encoding="utf-8") as f:
        return {r["path_or_record"]: (r["story_id"], r["origin"] == "yes")
                for r in csv.DictReader(f, delimiter="\t")}


@pytest.fixture(scope="module")
def clustered() -> tuple[list[Article], dict[str, tuple[str, bool]], list[Assignment]]:
    from marsad.stories import embed

    articles = [a for a in read_paths([str(SAMPLES / d) for d in ("html", "jsonl", "scraped")])
                if isinstance(a, Article)]
    rows = read_gold()
    gold = {a.id: rows[str(Path(a.origin).relative_to(SAMPLES))] for a in articles}
    clusterer = StoryClusterer()
    signatures = clusterer.hasher.signatures([f"{a.title}\n{a.body}" for a in articles])
    vectors = embed.embed([embed.article_text(a.title, a.body) for a in articles])
    inputs = [story_input(a.id, a.content_hash, a.published_at, a.title, a.body, signatures[k],
                          vectors[k], a.source) for k, a in enumerate(articles)]
    return articles, gold, clusterer.add_many(inputs)


def test_every_sample_article_is_labelled(clustered: tuple) -> None:
    articles, gold, assignments = clustered
    assert len(articles) == len(assignments) == 48
    assert len({g for g, _ in gold.values()}) == 8 + 14


def test_each_multi_outlet_story_is_one_story_with_the_right_origin(clustered: tuple) -> None:
    articles, gold, assignments = clustered
    by_id = {a.id: a for a in articles}
    predicted = {a.article_id: a.story_id for a in assignments}
    members: dict[str, set[str]] = defaultdict(set)
    for aid, sid in predicted.items():
        members[sid].add(aid)
    stories = sorted({g for g, _ in gold.values() if not g.startswith("solo")})
    assert len(stories) == 8
    for story in stories:
        ids = {aid for aid, (g, _) in gold.items() if g == story}
        found = {predicted[aid] for aid in ids}
        assert len(found) == 1, f"{story} split into {len(found)}"
        assert members[found.pop()] == ids, f"{story} took in other articles"
        gold_origin = next(aid for aid in ids if gold[aid][1])
        group = [Member(aid, by_id[aid].published_at, by_id[aid].source, by_id[aid].title,
                        by_id[aid].body) for aid in ids]
        assert origin_and_edges(group)[0] == gold_origin, story


def test_standalone_articles_stay_alone(clustered: tuple) -> None:
    _, gold, assignments = clustered
    predicted = {a.article_id: a.story_id for a in assignments}
    sizes: dict[str, int] = defaultdict(int)
    for sid in predicted.values():
        sizes[sid] += 1
    solos = [aid for aid, (g, _) in gold.items() if g.startswith("solo")]
    assert len(solos) == 14
    assert all(sizes[predicted[aid]] == 1 for aid in solos)


def test_bcubed_is_perfect_and_the_exact_copy_is_found(clustered: tuple) -> None:
    _, gold, assignments = clustered
    scores = bcubed({aid: g for aid, (g, _) in gold.items()}, {a.article_id: a.story_id for a in assignments})
    assert scores == {"precision": 1.0, "recall": 1.0, "f1": 1.0}
    # s1's wire text reappears word for word in a second outlet (samples/README.md)
    assert sum(a.relation == "exact" for a in assignments) == 1
