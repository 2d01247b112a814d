from __future__ import annotations


import pytest

from marsad.errors import NotFoundError
from marsad.pipeline import Pipeline, index_article
from marsad.store import SQLiteStore, open_store
from marsad.store.migrations import MIGRATIONS
from marsad.store.search import lexical_search


def _add(store, article):
    return store.add_article(index_article(article, Pipeline()))


def test_store_migrations_recorded_and_idempotent(tmp_path):
    path = tmp_path / "m.db"
    s1 = SQLiteStore(path)
    assert s1.applied_migrations() == [m.name for m in MIGRATIONS]
    assert s1.migrate() == []
    s1.close()
    s2 = SQLiteStore(path, migrate=False)
    assert s2.pending_migrations() == []
    s2.close()


def test_store_wal_mode(tmp_path):
    store = SQLiteStore(tmp_path / "w.db")
    assert store.db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    store.close()


def test_store_add_is_idempotent(memory_store, make_article):
    a = make_article("عنوان تجريبي", ["فقرة أولى عن الاقتصاد المحلي.", "فقرة ثانية."])
    assert _add(memory_store, a) is True
    assert _add(memory_store, a) is False
    assert memory_store.stats()["articles"] == 1


def test_store_roundtrip_keeps_structure(memory_store, make_article):
    a = make_article("عنوان", ["سطر أول.", "سطر ثان."], url="https://example.org/x")
    _add(memory_store, a)
    got = memory_store.get_article(a.id).article
    assert got.body == a.body and got.blocks == a.blocks and got.url == a.url
    assert got.original == a.original


def test_store_missing_article_raises(memory_store):
    with pytest.raises(NotFoundError):
        memory_store.get_article("nope")


@pytest.mark.parametrize("query", ["أوكرانيا", "اوكرانيا", "لأوكرانيا", "أُوكْرَانْيَا", "أوكـــرانيا"])
def test_search_matches_clitic_and_spelling_variants(memory_store, make_article, query):
    only_li = make_article("خبر أول", ["وصلت شحنة مساعدات جديدة لأوكرانيا صباح اليوم."])
    only_plain = make_article("خبر ثان", ["قال المتحدث إن اوكرانيا تنتظر ردا رسميا."])
    only_wa = make_article("خبر ثالث", ["ناقش الوزراء ملفات روسيا وأوكرانيا في اجتماعهم."])
    other = make_article("خبر رابع", ["ارتفعت أسعار النفط في الأسواق الآسيوية."])
    for a in (only_li, only_plain, only_wa, other):
        _add(memory_store, a)
    ids = {h.id for h in lexical_search(memory_store, query)}
    assert ids == {only_li.id, only_plain.id, only_wa.id}


def test_search_snippet_highlights_original_words(memory_store, make_article):
    a = make_article("عقوبات جديدة", ["أعلن الاتحاد الأوروبي حزمة عقوبات جديدة على موسكو يوم الاثنين."])
    _add(memory_store, a)
    [hit] = lexical_search(memory_store, "العقوبات")
    marked = [hit.snippet[s:e] for s, e in hit.highlights]
    assert marked == ["عقوبات"]


def test_search_query_syntax_is_not_interpreted(memory_store, make_article):
    _add(memory_store, make_article("عنوان", ["نص عادي عن الطقس."]))
    # FTS5 operators and quotes in user input must not raise or change the query's meaning.
    assert lexical_search(memory_store, 'الطقس" OR NEAR(* : -') is not None


def test_open_store_rejects_unbuilt_postgres():
    from marsad.errors import ConfigError

    with pytest.raises(ConfigError):
        open_store("postgresql://localhost/marsad")


def test_store_refuses_non_database(tmp_path):
    from marsad.errors import StoreError

    bad = tmp_path / "not.db"
    bad.write_bytes(b"this is not sqlite at all" * 100)
    with pytest.raises(StoreError):
        SQLiteStore(bad)
