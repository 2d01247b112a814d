"""The storage interface every backend implements (SQLite now; PostgreSQL next), and the
records it returns."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

from marsad.ingest.article import Article


@dataclass(frozen=True, slots=True)
class StoredArticle:
    article: Article
    ingested_at: str
    layers: dict[str, Any] = field(default_factory=dict)

    def to_dict(self, *, with_original: bool = False) -> dict[str, Any]:
        d = self.article.to_dict()
        d["ingested_at"] = self.ingested_at
        if with_original:
            d["original"] = self.article.original
        d.update(self.layers)
        return d


@dataclass(frozen=True, slots=True)
class IndexedArticle:
    """What the pipeline hands the store: the article plus what later stages derived."""

    article: Article
    title_terms: tuple[str, ...]
    body_terms: tuple[str, ...]
    layers: dict[str, Any] = field(default_factory=dict)


class Store(ABC):
    """A marsad database. Every write of one article is one transaction."""

    @abstractmethod
    def migrate(self) -> list[str]: ...

    @abstractmethod
    def pending_migrations(self) -> list[str]: ...

    @abstractmethod
    def applied_migrations(self) -> list[str]: ...

    @abstractmethod
    def has_article(self, article_id: str) -> bool: ...

    @abstractmethod
    def add_article(self, item: IndexedArticle, *, run_id: int | None = None) -> bool:
        """Store one article atomically; False (and nothing written) if its id is known."""

    @abstractmethod
    def get_article(self, article_id: str) -> StoredArticle: ...

    @abstractmethod
    def iter_articles(self) -> Iterator[StoredArticle]: ...

    @abstractmethod
    def match(self, terms: list[str], *, any_term: bool = False, limit: int = 10,
              offset: int = 0) -> list[tuple[StoredArticle, float]]:
        """Articles whose indexed terms contain all (or, with ``any_term``, any) of ``terms``,
        best BM25 first, with the score (higher is better)."""

    @abstractmethod
    def stats(self) -> dict[str, Any]: ...

    @abstractmethod
    def start_run(self, paths: list[str]) -> int: ...

    @abstractmethod
    def log(self, run_id: int, origin: str, status: str, article_id: str | None = None,
            reason: str | None = None) -> None: ...

    @abstractmethod
    def finish_run(self, run_id: int, new: int, known: int, skipped: int) -> None: ...

    @abstractmethod
    def close(self) -> None: ...

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()
