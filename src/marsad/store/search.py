"""Arabic-aware lexical search: the query goes through the same normalization, clitic
splitting and light stemming as the indexed text, BM25 ranks, and the snippet is cut from the
original body around the words that matched."""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Any

from marsad.store.base import Store
from marsad.text import search_terms
from marsad.text.stem import light_stem
from marsad.text.tokenize import tokenize

SNIPPET_CHARS = 220


@dataclass(frozen=True, slots=True)
class SearchHit:
    id: str
    title: str
    source: str | None
    published_at: str | None
    score: float  # higher is better (negated BM25)
    snippet: str
    highlights: tuple[tuple[int, int], ...] = ()  # [start, end) of matched words in ``snippet``

    def to_dict(self) -> dict[str, Any]:
        d = asdict(self)
        d["highlights"] = [list(h) for h in self.highlights]
        return d


def lexical_search(store: Store, query: str, *, limit: int = 10, offset: int = 0) -> list[SearchHit]:
    """All query terms must match; if nothing does, any term may (still BM25-ranked)."""
    terms = search_terms(query)
    if not terms:
        return []
    rows = store.match(terms, limit=limit, offset=offset)
    if not rows and len(set(terms)) > 1:
        rows = store.match(terms, any_term=True, limit=limit, offset=offset)
    wanted = set(terms)
    return [
        SearchHit(
            id=s.article.id, title=s.article.title, source=s.article.source,
            published_at=s.article.published_at, score=round(score, 4),
            **_snippet(s.article.body or s.article.title, wanted),
        )
        for s, score in rows
    ]


def _token_term(tok: Any) -> str:
    return light_stem(tok.base) if tok.kind == "word" else tok.base


def _snippet(body: str, wanted: set[str]) -> dict[str, Any]:
    """The window of ``SNIPPET_CHARS`` holding the most matched words, with their offsets."""
    hits = [(t.start, t.end) for t in tokenize(body) if t.kind != "punct" and _token_term(t) in wanted]
    if not hits:
        text = body[:SNIPPET_CHARS]
        return {"snippet": text + ("…" if len(body) > SNIPPET_CHARS else ""), "highlights": ()}
    best_start, best_count = hits[0][0], 0
    j = 0
    for i, (s, _) in enumerate(hits):
        while hits[j][0] < s - SNIPPET_CHARS // 3:
            j += 1
        count = sum(1 for hs, he in hits[j:] if hs >= s - SNIPPET_CHARS // 3 and he <= s + SNIPPET_CHARS)
        if count > best_count:
            best_start, best_count = s, count
    start = max(0, best_start - SNIPPET_CHARS // 3)
    while start > 0 and not body[start - 1].isspace():  # do not cut a word in half
        start -= 1
    end = min(len(body), start + SNIPPET_CHARS)
    while end < len(body) and not body[end].isspace():
        end += 1
    prefix = "…" if start > 0 else ""
    suffix = "…" if end < len(body) else ""
    text = prefix + body[start:end].replace("\n", " ") + suffix
    shift = len(prefix) - start
    highlights = tuple((hs + shift, he + shift) for hs, he in hits if hs >= start and he <= end)
    return {"snippet": text, "highlights": highlights}
