"""Composes the stages: readers → text analysis → (extraction components) → store.

A pipeline is a fold over a ``Doc``: an ordered list of registered components, each a plain
callable ``Doc -> Doc`` with declared ``requires``/``assigns``, checked once when the pipeline is
built. Components are registered here, under versioned names, so the stage modules stay plain
functions that know nothing of the pipeline.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field, replace
from typing import Any

from marsad.errors import ConfigError, IngestError, MarsadError
from marsad.ingest.article import Article
from marsad.store.base import IndexedArticle, Store
from marsad.text import search_terms
from marsad.text.doc import Doc, analyze

ComponentFn = Callable[[Doc], Doc]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    fn: ComponentFn
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, Component] = {}
_GIVEN = ("doc.text",)  # what every Doc has before any component runs


def register(name: str, fn: ComponentFn, *, requires: Iterable[str] = (),
             assigns: Iterable[str] = ()) -> Component:
    if name in _REGISTRY:
        raise ConfigError(f"component {name!r} is registered twice")
    comp = Component(name, fn, tuple(requires), tuple(assigns))
    _REGISTRY[name] = comp
    return comp


def registered() -> dict[str, Component]:
    return dict(_REGISTRY)


def _text_analyze(doc: Doc) -> Doc:
    return replace(analyze(doc.article_id, doc.text), layers=doc.layers)


register("text.analyze.v1", _text_analyze, requires=["doc.text"],
         assigns=["doc.sentences", "doc.tokens"])

DEFAULT_COMPONENTS: tuple[str, ...] = ("text.analyze.v1",)


class Pipeline:
    """``Pipeline(["text.analyze.v1", ...])(doc) -> doc``."""

    def __init__(self, names: Iterable[str] = DEFAULT_COMPONENTS) -> None:
        self.components: list[Component] = []
        have = set(_GIVEN)
        for name in names:
            comp = _REGISTRY.get(name)
            if comp is None:
                raise ConfigError(f"unknown pipeline component {name!r}; known: {sorted(_REGISTRY)}")
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise ConfigError(f"component {name!r} requires {missing}, which no earlier component assigns")
            have.update(comp.assigns)
            self.components.append(comp)

    @property
    def names(self) -> list[str]:
        return [c.name for c in self.components]

    def __call__(self, doc: Doc) -> Doc:
        for comp in self.components:
            out = comp.fn(doc)
            if not isinstance(out, Doc):
                raise MarsadError(f"component {comp.name!r} returned {type(out).__name__}, not a Doc")
            doc = out
        return doc


def index_article(article: Article, pipeline: Pipeline) -> IndexedArticle:
    """Run the pipeline on one article and collect what the store keeps."""
    doc = pipeline(Doc(article_id=article.id, text=article.body))
    return IndexedArticle(
        article=article,
        title_terms=tuple(search_terms(article.title)),
        body_terms=tuple(search_terms(article.body)),
        layers=dict(doc.layers),
    )


@dataclass
class IngestReport:
    run_id: int
    new: int = 0
    known: int = 0
    skipped: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0
    bytes_read: int = 0

    @property
    def exit_code(self) -> int:
        """0: everything read; 3: some files or records were skipped (see ``errors``)."""
        return 3 if self.skipped else 0

    def to_dict(self) -> dict[str, Any]:
        return {
            "run_id": self.run_id, "new": self.new, "known": self.known,
            "skipped": self.skipped, "errors": list(self.errors),
            "seconds": round(self.seconds, 3), "bytes_read": self.bytes_read,
        }


def ingest(store: Store, items: Iterator[Article | IngestError], *, paths: list[str],
           pipeline: Pipeline | None = None,
           on_item: Callable[[Article | IngestError, str], None] | None = None) -> IngestReport:
    """Store every article from ``items`` (one transaction each), log every skip.

    Known ids are not re-analyzed, so re-running an ingest is cheap and adds nothing; a crash
    loses at most the article in flight.
    """
    pipeline = pipeline or Pipeline()
    started = time.perf_counter()
    report = IngestReport(run_id=store.start_run(paths))
    for item in items:
        if isinstance(item, IngestError):
            report.skipped += 1
            report.errors.append(str(item))
            where = item.path if item.record is None else f"{item.path}:{item.record}"
            store.log(report.run_id, where, "skipped", None, item.reason)
            status = "skipped"
        else:
            report.bytes_read += len(item.original.encode("utf-8"))
            if store.has_article(item.id):
                store.log(report.run_id, item.origin, "known", item.id, None)
                report.known += 1
                status = "known"
            elif store.add_article(index_article(item, pipeline), run_id=report.run_id):
                report.new += 1
                status = "new"
            else:  # another process stored it between our check and our write
                report.known += 1
                status = "known"
        if on_item is not None:
            on_item(item, status)
    report.seconds = time.perf_counter() - started
    store.finish_run(report.run_id, report.new, report.known, report.skipped)
    return report
