"""Composes the stages: readers → text analysis → (extraction components) → store.

A pipeline is a fold over a ``Doc``: an ordered list of registered components, each a plain
callable ``Doc -> Doc`` with declared ``requires``/``assigns``, checked once when the pipeline is
built. Components are registered here, under versioned names, so the stage modules stay plain
functions that know nothing of the pipeline.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from typing import Any

from marsad.errors import ConfigError, IngestError, MarsadError
from marsad.ingest.article import Article
from marsad.store.base import IndexedArticle, Store
from marsad.text import search_terms
from marsad.text.doc import Doc, analyze

ComponentFn = Callable[[Doc], Doc]


@dataclass
class RunContext:
    """State shared by the components of one run: models loaded once, and the cross-article
    entity resolver restored from the store so ids stay stable across runs."""

    store: Any = None
    cache: dict[str, Any] = field(default_factory=dict)

    def get(self, key: str, make: Callable[[], Any]) -> Any:
        if key not in self.cache:
            self.cache[key] = make()
        return self.cache[key]


@dataclass(frozen=True, slots=True)
class Component:
    name: str
    make: Callable[[RunContext], ComponentFn]  # builds the Doc -> Doc callable for one run
    requires: tuple[str, ...]
    assigns: tuple[str, ...]


_REGISTRY: dict[str, Component] = {}
_GIVEN = ("doc.text", "doc.meta")  # what every Doc has before any component runs


def register(name: str, make: Callable[[RunContext], ComponentFn], *, requires: Iterable[str] = (),
             assigns: Iterable[str] = ()) -> Component:
    if name in _REGISTRY:
        raise ConfigError(f"component {name!r} is registered twice")
    comp = Component(name, make, tuple(requires), tuple(assigns))
    _REGISTRY[name] = comp
    return comp


def registered() -> dict[str, Component]:
    return dict(_REGISTRY)


def _text_analyze(ctx: RunContext) -> ComponentFn:
    def run(doc: Doc) -> Doc:
        return replace(analyze(doc.article_id, doc.text), layers=doc.layers)

    return run


def _entities(ctx: RunContext) -> ComponentFn:
    """Recognizer spans (when the shipped model is present) linked to canonical entities."""
    from marsad.extract.linking import EntityResolver, load_registry

    registry = ctx.get("registry", load_registry)
    recognizer = ctx.get("recognizer", _load_recognizer_or_none)

    def restore() -> EntityResolver:
        rows = ctx.store.all_entities() if ctx.store is not None and hasattr(ctx.store, "all_entities") else []
        from marsad.extract.linking.resolver import STATE_VERSION

        made = [r for r in rows if r["id"].startswith("m:") and r["id"] not in registry]
        return EntityResolver.from_dict({"version": STATE_VERSION, "entities": made}, registry)

    resolver = ctx.get("resolver", restore)

    def run(doc: Doc) -> Doc:
        from marsad.extract.linking import link_article

        # A parallel runner may have recognized the spans already, in a worker process.
        spans = doc.layers.get("ner_spans")
        if spans is None:
            spans = recognizer.entities(doc.text) if recognizer else []
        mentions, entities = link_article(doc.text, spans, registry, resolver=resolver, sentences=doc.sentences)
        return doc.with_layer("mentions", mentions).with_layer("entities", entities)

    return run


def _events(ctx: RunContext) -> ComponentFn:
    """Events, quotes, tone and credibility signals over the linked mentions."""
    from marsad.extract.events import extract_events
    from marsad.extract.quotes import extract_quotes
    from marsad.extract.signals import credibility_signals
    from marsad.extract.tone import score_tone

    def run(doc: Doc) -> Doc:
        mentions = doc.layers.get("mentions", ())
        events = extract_events(doc.text, doc.sentences, mentions)
        quotes = extract_quotes(doc.text, doc.sentences, mentions)
        tone = score_tone(doc.text, doc.sentences)
        meta = doc.layers.get("meta", {})
        signals = credibility_signals({**meta, "body": doc.text}, sentences=doc.sentences, quotes=quotes,
                                      events=events, mentions=mentions)
        return (doc.with_layer("events", events).with_layer("quotes", quotes)
                .with_layer("tone", tone).with_layer("signals", signals))

    return run


def _load_recognizer_or_none() -> Any:
    try:
        from marsad.extract.ner import load_recognizer

        return load_recognizer()
    except Exception:  # noqa: BLE001 - no shipped model yet: gazetteer linking still runs
        return None


register("text.analyze.v1", _text_analyze, requires=["doc.text"], assigns=["doc.sentences", "doc.tokens"])
register("extract.entities.v1", _entities, requires=["doc.sentences", "doc.tokens"],
         assigns=["doc.mentions", "doc.entities"])

register("extract.events.v1", _events, requires=["doc.sentences", "doc.mentions", "doc.meta"],
         assigns=["doc.events", "doc.quotes", "doc.tone", "doc.signals"])

DEFAULT_COMPONENTS: tuple[str, ...] = ("text.analyze.v1", "extract.entities.v1", "extract.events.v1")


class Pipeline:
    """``Pipeline(["text.analyze.v1", ...], context)(doc) -> doc``."""

    def __init__(self, names: Iterable[str] = DEFAULT_COMPONENTS, context: RunContext | None = None) -> None:
        self.context = context or RunContext()
        self.components: list[tuple[Component, ComponentFn]] = []
        have = set(_GIVEN)
        for name in names:
            comp = _REGISTRY.get(name)
            if comp is None:
                raise ConfigError(f"unknown pipeline component {name!r}; known: {sorted(_REGISTRY)}")
            missing = [r for r in comp.requires if r not in have]
            if missing:
                raise ConfigError(f"component {name!r} requires {missing}, which no earlier component assigns")
            have.update(comp.assigns)
            self.components.append((comp, comp.make(self.context)))

    @property
    def names(self) -> list[str]:
        return [c.name for c, _ in self.components]

    def __call__(self, doc: Doc) -> Doc:
        for comp, fn in self.components:
            out = fn(doc)
            if not isinstance(out, Doc):
                raise MarsadError(f"component {comp.name!r} returned {type(out).__name__}, not a Doc")
            doc = out
        return doc


# Layers the store keeps; anything else a component adds stays in memory.
STORED_LAYERS = ("mentions", "entities", "events", "quotes", "tone", "signals")


def article_meta(article: Article) -> dict[str, Any]:
    return {"title": article.title, "source": article.source, "footer_removed": article.footer_removed,
            "blocks": article.blocks, "published_at": article.published_at}


def index_article(article: Article, pipeline: Pipeline, ner_spans: list[Any] | None = None) -> IndexedArticle:
    """Run the pipeline on one article and collect what the store keeps."""
    layers: dict[str, Any] = {"meta": article_meta(article)}
    if ner_spans is not None:
        layers["ner_spans"] = ner_spans
    doc = pipeline(Doc(article_id=article.id, text=article.body, layers=layers))
    return IndexedArticle(
        article=article,
        title_terms=tuple(search_terms(article.title)),
        body_terms=tuple(search_terms(article.body)),
        layers={k: v for k, v in doc.layers.items() if k in STORED_LAYERS},
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


_WORKER_RECOGNIZER: Any = None
_WORKER_FINGERPRINT = ""


def _worker_init() -> None:
    global _WORKER_RECOGNIZER, _WORKER_FINGERPRINT
    # One BLAS thread per worker: the workers already fill the cores, and BLAS threads that
    # spin beside them made a two-worker BiLSTM reindex ~4x slower than one process.
    import numpy  # noqa: F401 - threadpoolctl limits only the BLAS libraries already loaded
    from threadpoolctl import threadpool_limits

    threadpool_limits(1)
    _WORKER_RECOGNIZER = _load_recognizer_or_none()
    _WORKER_FINGERPRINT = _fingerprint(_WORKER_RECOGNIZER)


def _fingerprint(recognizer: Any) -> str:
    """Which recognizer a process loaded: marsad's version and the model's metadata digest."""
    from marsad import __version__

    if recognizer is None:
        return f"marsad {__version__}, no NER model"
    meta = json.dumps(recognizer.meta, sort_keys=True, default=str).encode("utf-8")
    return f"marsad {__version__}, {recognizer.meta.get('family', '?')} model {hashlib.sha256(meta).hexdigest()[:12]}"


def _worker_spans(bodies: list[str | None]) -> tuple[str, list[list[Any] | None]]:
    """The recognizer's spans for a batch of bodies (None for a skipped record), with the
    worker's fingerprint so the caller can tell that it ran the same model."""
    rec = _WORKER_RECOGNIZER
    return _WORKER_FINGERPRINT, [None if body is None or rec is None else rec.entities(body) for body in bodies]


RUNNERS = ("local", "ray")


@dataclass(frozen=True, slots=True)
class Runner:
    """Where the recognizer runs during an ingest or a reindex. It is the costly, stateless
    step, so it fans out while this process reads, links, extracts and writes (linking keeps
    cross-article state and the store has one writer, so those stay here).

    ``local``: ``workers`` processes on this machine (1: in this process; None: one per core, at
    most 4). ``ray``: ``workers`` Ray actors (None: one per CPU of the cluster), on the cluster at
    ``address`` (or ``RAY_ADDRESS``); with neither, a local Ray instance is started for the run
    and stopped after it; if this process has already initialized Ray, that session is used as
    it is. Every Ray node needs marsad installed at the same version, since each actor loads the
    shipped model.
    """

    kind: str = "local"
    workers: int | None = 1
    address: str | None = None

    def __post_init__(self) -> None:
        if self.kind not in RUNNERS:
            raise ConfigError(f"unknown runner {self.kind!r}; known: {', '.join(RUNNERS)}")
        if self.workers is not None and self.workers < 1:
            raise ConfigError(f"a runner needs at least one worker, got {self.workers}")
        if self.address and self.kind != "ray":
            raise ConfigError("an address is for the ray runner only")


@contextmanager
def _local_pool(workers: int) -> Iterator[Any]:
    import multiprocessing

    # spawn, not fork: this process has threads (progress bar, pool feeder) that fork would copy
    # mid-lock.
    with multiprocessing.get_context("spawn").Pool(workers, initializer=_worker_init) as pool:
        yield pool


# Environment the Ray actors need to load the same model as this process.
_FORWARDED_ENV = ("MARSAD_NER_MODEL",)
_RAY_LOCAL_OBJECT_STORE = 128 * 1024 * 1024


def _forwarded_env() -> dict[str, str]:
    from marsad.extract.ner import SHIPPED_MODELS

    env = {name: os.environ[name] for name in _FORWARDED_ENV if os.environ.get(name)}
    # A model folder given relative to here must mean the same folder to every actor; a
    # shipped model's name stays a name, whatever folders the current directory holds.
    return {name: value if value in SHIPPED_MODELS else os.path.abspath(value) for name, value in env.items()}


def _check_reachable(address: str) -> None:
    """Fail in seconds, with one line, when a HOST:PORT cluster address does not answer (Ray
    itself retries for minutes). Other forms (auto, ray://…) are left to Ray."""
    import socket

    host, _, port = address.rpartition(":")
    if "://" in address or not host or not port.isdigit():
        return
    try:
        socket.create_connection((host, int(port)), timeout=5).close()
    except OSError as exc:
        raise ConfigError(f"ray runner: no Ray cluster answers at {address} ({exc.strerror or exc})") from exc


@contextmanager
def _ray_pool(workers: int | None, address: str | None) -> Iterator[Any]:
    try:
        import ray
        from ray.util.multiprocessing import Pool
    except ImportError as exc:
        raise ConfigError("the ray runner needs Ray installed: pip install 'marsad[ray]' "
                          "(make install pins it)") from exc
    named = "RAY_ADDRESS " if not address and os.environ.get("RAY_ADDRESS") else ""
    address = address or os.environ.get("RAY_ADDRESS") or None
    started = not ray.is_initialized()
    if started:
        options: dict[str, Any] = {"include_dashboard": False, "logging_level": logging.ERROR,
                                   "log_to_driver": False, "runtime_env": {"env_vars": _forwarded_env()}}
        if address is not None:
            _check_reachable(address)
        else:  # a private instance sized for this run, never a cluster that `ray start` left here
            options.update(num_cpus=workers or os.cpu_count() or 1, object_store_memory=_RAY_LOCAL_OBJECT_STORE)
        where = f"{named}{address}" if address else "a new local instance"
        try:
            ray.init(address=address or "local", **options)
        except (ConnectionError, RuntimeError, ValueError) as exc:
            hint = ("; a cluster with token authentication needs RAY_AUTH_MODE=token here (and its token in "
                    "RAY_AUTH_TOKEN or ~/.ray/auth_token)") if address and not os.environ.get("RAY_AUTH_MODE") else ""
            raise ConfigError(f"ray runner: cannot start on {where}: {_one_line(exc)}{hint}") from exc
    try:
        workers = workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
        try:
            pool = Pool(workers, initializer=_worker_init)
        except (ValueError, ray.exceptions.RayError) as exc:
            raise ConfigError(f"ray runner: cannot start {workers} recognizer actors: {_one_line(exc)}") from exc
        with pool:
            yield pool
    finally:
        if started:
            ray.shutdown()


@contextmanager
def _recognizer_pool(runner: Runner) -> Iterator[Any]:
    """A pool whose ``imap(_worker_spans, batches_of_bodies)`` recognizes in the runner's workers
    (see ``_paired``), or None when recognition stays in this process (the local runner with one
    worker)."""
    if runner.kind == "local":
        workers = runner.workers or min(4, os.cpu_count() or 1)
        if workers <= 1:
            yield None
            return
        with _local_pool(workers) as pool:
            yield pool
    else:
        with _ray_pool(runner.workers, runner.address) as pool:
            yield pool


_BATCH = 8  # bodies per worker task


def _one_line(exc: BaseException) -> str:
    lines = [line.strip() for line in str(exc).splitlines() if line.strip()]
    return f"{type(exc).__name__}: {lines[-1] if lines else ''}"


def _paired(items: Iterator[Article | IngestError], pool: Any,
            expected: str) -> Iterator[tuple[Article | IngestError, list[Any] | None]]:
    """Pairs each item with the recognizer's spans for its body, computed by ``pool``'s workers
    in batches (None: recognize in this process). Only bodies cross the process boundary;
    results come back in input order, so the outcome equals a sequential run. A failed or
    mismatched worker stops the run with one line (what is already stored stays)."""
    if pool is None:
        yield from ((item, None) for item in items)
        return
    from collections import deque

    pending: deque[list[Article | IngestError]] = deque()

    def batches() -> Iterator[list[str | None]]:
        # Runs in the pool's feeder thread; deque appends are thread-safe.
        batch: list[Article | IngestError] = []
        for item in items:
            batch.append(item)
            if len(batch) == _BATCH:
                pending.append(batch)
                yield [i.body if isinstance(i, Article) else None for i in batch]
                batch = []
        if batch:
            pending.append(batch)
            yield [i.body if isinstance(i, Article) else None for i in batch]

    results = pool.imap(_worker_spans, batches(), chunksize=1)
    while True:
        try:
            result = next(results)
        except StopIteration:
            break
        except MarsadError:
            raise
        except Exception as exc:  # a worker raised or died (multiprocessing re-raises here)
            raise MarsadError(f"entity recognition failed in a worker: {_one_line(exc)}") from exc
        if isinstance(result, BaseException):  # Ray's pool hands failures back as values
            raise MarsadError(f"entity recognition failed in a worker: {_one_line(result)}") from result
        fingerprint, spans = result
        batch = pending.popleft()
        if fingerprint != expected:
            raise ConfigError(f"a recognizer worker runs {fingerprint} but this process {expected}: "
                              "install the same marsad and model on every worker")
        if len(spans) != len(batch):  # pragma: no cover - the protocol above never does this
            raise MarsadError(f"a recognizer worker returned {len(spans)} results for {len(batch)} articles")
        yield from zip(batch, spans)
    if pending:  # pragma: no cover - as above
        raise MarsadError(f"{sum(map(len, pending))} articles got no result from the recognizer workers")


def ingest(store: Store, items: Iterator[Article | IngestError], *, paths: list[str],
           pipeline: Pipeline | None = None,
           on_item: Callable[[Article | IngestError, str], None] | None = None,
           workers: int = 1, runner: Runner | None = None) -> IngestReport:
    """Store every article from ``items`` (one transaction each), log every skip.

    Known ids are not re-analyzed, so re-running an ingest is cheap and adds nothing; a crash
    loses at most the article in flight. ``workers`` > 1 runs the recognizer in that many
    local processes; ``runner`` says where it runs instead (see ``Runner``).
    """
    runner = runner or Runner("local", workers)
    pipeline = pipeline or Pipeline(context=RunContext(store=store))
    # The workers start (or the cluster is reached) before the run is recorded, so a runner
    # that cannot start leaves the database as it was.
    with _recognizer_pool(runner) as pool:
        return _ingest_items(store, items, paths, pipeline, on_item, pool)


def _ingest_items(store: Store, items: Iterator[Article | IngestError], paths: list[str], pipeline: Pipeline,
                  on_item: Callable[[Article | IngestError, str], None] | None, pool: Any) -> IngestReport:
    started = time.perf_counter()
    report = IngestReport(run_id=store.start_run(paths))
    for item, spans in _paired(items, pool, _fingerprint(pipeline.context.get("recognizer", _load_recognizer_or_none))):
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
            elif store.add_article(index_article(item, pipeline, spans), run_id=report.run_id):
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


_REINDEX_CHUNK = 256  # articles read (in this thread: the store's connection is not shared) per round


def reindex(store: Any, *, pipeline: Pipeline | None = None,
            on_article: Callable[[], None] | None = None, runner: Runner | None = None) -> int:
    """Re-run extraction over every stored article; each article's layers are swapped in one
    transaction. Entity ids made before are kept: the resolver starts from the stored entities.
    ``runner`` recognizes in worker processes or on Ray, as for ``ingest``."""
    pipeline = pipeline or Pipeline(context=RunContext(store=store))
    expected = _fingerprint(pipeline.context.get("recognizer", _load_recognizer_or_none))
    ids = list(store.article_ids())
    n = 0
    with _recognizer_pool(runner or Runner()) as pool:
        for first in range(0, len(ids), _REINDEX_CHUNK):
            articles = [store.get_article(aid).article for aid in ids[first : first + _REINDEX_CHUNK]]
            for article, spans in _paired(iter(articles), pool, expected):
                assert isinstance(article, Article)
                store.replace_extraction(article.id, index_article(article, pipeline, spans).layers)
                n += 1
                if on_article is not None:
                    on_article()
    return n


@dataclass
class StoryUpdate:
    clustered: int = 0
    new_stories: int = 0
    joined: dict[str, int] = field(default_factory=dict)  # relation → count
    seconds: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        return {"clustered": self.clustered, "new_stories": self.new_stories,
                "joined": dict(self.joined), "seconds": round(self.seconds, 3)}


def _restore_window(store: Any, reach_days: float) -> tuple[str, str] | None:
    """The published_at range whose stored articles need their bodies analysed to cluster the
    unclustered ones: theirs widened by the rewrite rule's reach (plus two days, since ISO
    strings with different UTC offsets compare only roughly). None (read every body) when a
    new article is undated, because an undated article is compared at any time."""
    earliest, latest, undated = store.unclustered_time_range()
    if undated or earliest is None or latest is None:
        return None
    try:
        lo = datetime.fromisoformat(earliest.replace("Z", "+00:00"))
        hi = datetime.fromisoformat(latest.replace("Z", "+00:00"))
    except ValueError:
        return None
    margin = timedelta(days=reach_days + 2)
    return (lo - margin).isoformat(), (hi + margin).isoformat()


def update_stories(store: Any, *, batch: int = 64, settings: Any = None,
                   on_batch: Callable[[int], None] | None = None) -> StoryUpdate:
    """Put every article that is in no story yet into one, incrementally (existing stories are
    loaded, never recomputed from scratch), and refresh the origin and copy graph of each story
    that changed. Each batch is one transaction, so an interrupted run resumes where it stopped."""
    from marsad.stories import embed as embedding
    from marsad.stories.cluster import StoryClusterer, story_input
    from marsad.stories.minhash import signature_from_bytes, signature_to_bytes
    from marsad.stories.origin import Member, origin_and_edges
    from marsad.store._stories import MemberRow, StoryRow

    started = time.perf_counter()
    result = StoryUpdate()
    clusterer = StoryClusterer(settings)
    window = _restore_window(store, clusterer.settings.reach_days)
    for aid, chash, when, title, body, source, sig, emb, sid in store.clustered_state(window):
        clusterer.restore(story_input(aid, chash, when, title, body, signature_from_bytes(sig),
                                      embedding.from_bytes(emb) if emb else None, source), sid)
    hasher = clusterer.hasher
    while rows := store.unclustered(batch):
        texts = [f"{title}\n{body}" for _, _, _, title, body, _, _ in rows]
        signatures = hasher.signatures(texts)
        vectors = embedding.embed([embedding.article_text(title, body) for _, _, _, title, body, _, _ in rows])
        inputs = [story_input(aid, chash, when, title, body, signatures[i], vectors[i], source)
                  for i, (aid, chash, when, title, body, source, _) in enumerate(rows)]
        assignments = {a.article_id: a for a in clusterer.add_many(inputs)}
        # the copy graph orders members by their earliest known time, as stored members are
        fresh = {aid: (known, title, body, source) for aid, _, _, title, body, source, known in rows}
        published_at = {aid: when for aid, _, when, *_ in rows}
        members: list[MemberRow] = []
        stories: list[StoryRow] = []
        for sid in sorted({a.story_id for a in assignments.values()}):
            decided = store.member_rows(sid)
            stored = store.story_member_texts(sid)
            group = [Member(aid, when, src, title, body) for aid, when, src, title, body, _ in stored]
            sources = {aid: src for aid, _, src, _, _, _ in stored}
            published = [p for *_, p in stored if p]
            new_ids = [aid for aid, a in assignments.items() if a.story_id == sid]
            for aid in new_ids:
                when, title, body, src = fresh[aid]
                sources[aid] = src
                group.append(Member(aid, when, src, title, body))
                if published_at[aid]:
                    published.append(published_at[aid])
                a = assignments[aid]
                decided[aid] = (a.relation, a.score, a.matched)
            origin, edges = origin_and_edges(group)
            by_child = {e.child: e for e in edges}
            for m in group:
                relation, score, matched = decided[m.article_id]
                e = by_child.get(m.article_id)
                members.append(MemberRow(
                    m.article_id, sid, relation, score, matched,
                    e.parent if e else None, round(e.containment, 4) if e else None,
                    e.kind if e else None, e.diff.to_dict() if e else None))
            # The story's span comes from publication times; ingest times only when no member
            # has one (an undated copy ingested today must not stretch a 2015 story to today).
            times = sorted(published) or sorted(m.time for m in group if m.time)
            origin_title = next(m.title for m in group if m.article_id == origin)
            stories.append(StoryRow(sid, origin, origin_title, len(group),
                                    len({s for s in sources.values() if s}),
                                    times[0] if times else None, times[-1] if times else None))
        vector_rows = [(aid, signature_to_bytes(signatures[i]), hasher.scheme,
                        embedding.to_bytes(vectors[i]), embedding.MODEL_NAME)
                       for i, (aid, *_rest) in enumerate(rows)]
        store.save_story_batch(vector_rows, members, stories)
        result.new_stories += sum(1 for a in assignments.values() if a.relation == "founder")
        for a in assignments.values():
            result.joined[a.relation] = result.joined.get(a.relation, 0) + 1
        result.clustered += len(rows)
        if on_batch is not None:
            on_batch(len(rows))
    result.seconds = time.perf_counter() - started
    return result
