"""``update_stories`` is incremental: clustering the sample corpus in two ingests (older articles
first) gives the same stories as one ingest, and a stored article too far in time from every new
one is restored without its body (so an update does not analyse the whole archive) while exact
copies still find it."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from marsad.ingest.article import Article
from marsad.ingest.read import read_paths
from marsad.pipeline import _restore_window, ingest, update_stories
from marsad.store import open_store

SAMPLES = Path(__file__).resolve().parents[2] / "samples"


def _samples() -> list[Article]:
    articles = [a for a in read_paths([str(SAMPLES / d) for d in ("html", "jsonl", "scraped")])
                if isinstance(a, Article)]
    # Oldest first, undated last: the order the clusterer itself uses.
    return sorted(articles, key=lambda a: (a.published_at is None, a.published_at or "", a.id))


def _partition(store) -> set[frozenset[str]]:
    groups: dict[str, set[str]] = {}
    for row in store.db.execute("SELECT story_id, article_id FROM story_members"):
        groups.setdefault(row[0], set()).add(row[1])
    return {frozenset(g) for g in groups.values()}


def _cluster(path: Path, parts: list[list[Article]]) -> set[frozenset[str]]:
    with open_store(path) as store:
        for part in parts:
            ingest(store, iter(part), paths=["test"])
            update_stories(store)
        return _partition(store)


@pytest.mark.parametrize("first_share", [0.3, 0.7])
def test_two_ingests_give_the_stories_of_one(tmp_path: Path, first_share: float) -> None:
    articles = _samples()
    cut = int(len(articles) * first_share)
    at_once = _cluster(tmp_path / "once.db", [articles])
    in_two = _cluster(tmp_path / "two.db", [articles[:cut], articles[cut:]])
    assert in_two == at_once
    assert any(len(g) > 2 for g in at_once)  # the comparison is about real multi-member stories


def test_far_older_articles_are_restored_without_their_body(tmp_path: Path) -> None:
    articles = [a for a in _samples() if a.published_at]
    old = [replace(a, published_at="2001-01-05T08:00:00") for a in articles[:5]]
    with open_store(tmp_path / "s.db") as store:
        ingest(store, iter(old), paths=["old"])
        update_stories(store)
        # a much later exact copy of the first old article, from another outlet
        copy = replace(old[0], id="late-copy", source="another-outlet", published_at="2024-06-01T09:00:00")
        ingest(store, iter([copy]), paths=["new"])
        earliest, latest, undated = store.unclustered_time_range()
        assert (earliest, latest, undated) == ("2024-06-01T09:00:00", "2024-06-01T09:00:00", 0)
        window = _restore_window(store, reach_days=30)
        assert window == ("2024-04-30T09:00:00", "2024-07-03T09:00:00")
        bodies = {row[0]: row[4] for row in store.clustered_state(window)}
        assert set(bodies) == {a.id for a in old} and all(b is None for b in bodies.values())
        result = update_stories(store)
        assert result.joined == {"exact": 1}
        story = store.db.execute("SELECT story_id FROM story_members WHERE article_id = ?",
                                 ("late-copy",)).fetchone()[0]
        assert story == store.db.execute("SELECT story_id FROM story_members WHERE article_id = ?",
                                         (old[0].id,)).fetchone()[0]


def test_an_undated_copy_does_not_stretch_the_story_to_its_ingest_day(tmp_path: Path) -> None:
    dated = next(a for a in _samples() if a.published_at and a.published_at.startswith("20"))
    undated = replace(dated, id="undated-copy", source="another-outlet", published_at=None)
    with open_store(tmp_path / "s.db") as store:
        ingest(store, iter([dated]), paths=["a"])
        update_stories(store)
        ingest(store, iter([undated]), paths=["b"])  # later, and ingested today
        update_stories(store)
        story, first, last, size = store.db.execute(
            "SELECT s.id, s.first_time, s.last_time, s.size FROM stories s "
            "JOIN story_members m ON m.story_id = s.id WHERE m.article_id = ?", ("undated-copy",)).fetchone()
        assert size == 2
        assert first == last == dated.published_at
