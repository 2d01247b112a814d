"""marsad.store.queries: the read-only SQL behind the API and pages."""

from __future__ import annotations

from datetime import date

import pytest

from marsad.errors import ConfigError
from marsad.store import open_store, queries
from marsad.store.queries import ArticleFilter
from marsad.text import search_terms


@pytest.fixture
def store(db_path):
    s = open_store(db_path)
    yield s
    s.close()


@pytest.mark.parametrize("key, rowid", [("2024-03-05T08:30:00", 7), ("", 1), ("تاريخ", 2**40)])
def test_cursor_round_trip(key, rowid):
    assert queries.decode_cursor(queries.encode_cursor(key, rowid)) == (key, rowid)


@pytest.mark.parametrize("cursor", ["", "!!", "e30", "WyJhIl0", "WyJhIiwgdHJ1ZV0"])  # '', '{}', '["a"]', '["a", true]'
def test_foreign_cursors_are_config_errors(cursor):
    with pytest.raises(ConfigError):
        queries.decode_cursor(cursor)


def test_filter_rejects_an_empty_range():
    with pytest.raises(ConfigError):
        ArticleFilter(date_from=date(2024, 3, 2), date_to=date(2024, 3, 1))


def test_filter_sql_is_parameterized():
    where, params = ArticleFilter(("x' OR 1=1 --",), date(2024, 3, 1), date(2024, 3, 1)).sql()
    assert "OR 1=1" not in where
    assert params == ["x' OR 1=1 --", "2024-03-01", "2024-03-02"]


def test_source_counts_missing_source_is_empty_string(store):
    counts = dict(queries.source_counts(store))
    assert counts[""] == 1 and counts["صحيفة الشرق"] == 2


def test_day_counts_within_a_match(store):
    terms = search_terms("النفط")
    assert queries.day_counts(store, terms) == [("2024-03-02", 1), ("2024-03-05", 1)]
    assert queries.count_matches(store, terms, ArticleFilter(("صحيفة الشرق",))) == 1


def test_scoped_matcher_keeps_the_mode_it_was_given(store, articles):
    terms = search_terms("النفط زلزال")
    all_terms = queries.ScopedMatcher(store, ArticleFilter(), any_term=False)
    any_term = queries.ScopedMatcher(store, ArticleFilter(), any_term=True)
    assert all_terms.match(terms, any_term=True) == []
    found = {s.article.id for s, _ in any_term.match(terms)}
    assert found == {articles["oil"].id, articles["energy"].id}


def test_match_ids_scores_like_the_store(store):
    terms = search_terms("أسعار النفط")
    mine = queries.match_ids(store, terms)
    theirs = [(s.article.id, score) for s, score in store.match(terms)]
    assert [i for i, _ in mine] == [i for i, _ in theirs]
    assert [round(s, 4) for _, s in mine] == [round(s, 4) for _, s in theirs]
