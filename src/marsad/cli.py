"""The ``marsad`` command: a thin edge over the library. Each command parses its options,
calls one library function and formats the result; ``MarsadError``s become one-line messages."""

from __future__ import annotations

import functools
import json
import os
import sys
from collections.abc import Callable
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

from marsad import __version__
from marsad._output import dumps, emit_rows, output_options
from marsad.errors import MarsadError
from marsad.store import Store, default_db_path, open_store

F = TypeVar("F", bound=Callable[..., Any])
err_console = Console(stderr=True)

EXIT_SKIPPED = 3  # ingest finished but skipped some files or records


def _friendly(fn: F) -> F:
    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except MarsadError as exc:
            raise click.ClickException(str(exc)) from exc

    return wrapper  # type: ignore[return-value]


def _store(ctx: click.Context) -> Store:
    store = open_store(ctx.obj["db"])
    ctx.call_on_close(store.close)
    return store


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.option("--db", metavar="FILE", envvar="MARSAD_DB", default=None,
              help="Database file (default: $MARSAD_DB or ./marsad.db).")
@click.option("--ner-model", metavar="NAME|FOLDER", envvar="MARSAD_NER_MODEL", default=None,
              help="Entity recognizer for ingest/reindex/eval: crf (default, fast) or bilstm "
                   "(3 points more F1, about a third of the ingest speed), or a model folder.")
@click.version_option(__version__, prog_name="marsad")
@click.pass_context
def cli(ctx: click.Context, db: str | None, ner_model: str | None) -> None:
    """marsad (مرصد): Arabic-first news intelligence."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db or default_db_path()
    if ner_model:
        from marsad.extract.ner import model_folder

        if not model_folder(ner_model).is_dir():
            raise click.BadParameter(f"{ner_model!r} is neither crf, bilstm nor a model folder",
                                     param_hint="--ner-model")
        # Through the environment, so the recognizer worker processes load the same model.
        os.environ["MARSAD_NER_MODEL"] = ner_model


def _runner_options(command: Callable[..., Any]) -> Callable[..., Any]:
    """--workers, --runner and --ray-address: where entity recognition runs (ingest, reindex)."""
    options = [
        click.option("--workers", type=click.IntRange(1, 64), default=None,
                     help="Processes for entity recognition (default: one per core, at most 4; "
                          "with --runner ray: Ray actors, default one per CPU of the cluster)."),
        click.option("--runner", type=click.Choice(["local", "ray"]), default="local", show_default=True,
                     help="Where entity recognition runs: processes on this machine, or a Ray cluster."),
        click.option("--ray-address", metavar="ADDR", default=None,
                     help="Ray cluster to use with --runner ray (default: RAY_ADDRESS, else a local instance)."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def _runner(workers: int | None, runner: str, ray_address: str | None) -> Any:
    from marsad.pipeline import Runner

    if ray_address and runner != "ray":
        raise click.BadParameter("is for --runner ray", param_hint="--ray-address")
    return Runner(runner, workers, ray_address)


@cli.command()
@click.argument("paths", nargs=-1, required=True, type=click.Path(exists=True))
@click.option("--map", "field_map", metavar="FIELD=KEY,...",
              help="JSONL field mapping, e.g. body=text,title=headline,published_at=date.")
@click.option("--quiet", is_flag=True, help="No progress bar; only the summary.")
@click.option("--json", "as_json", is_flag=True, help="Print the summary as JSON.")
@click.option("--no-stories", is_flag=True, help="Skip story clustering (run it later with `marsad stories --update`).")
@_runner_options
@click.pass_context
@_friendly
def ingest(ctx: click.Context, paths: tuple[str, ...], field_map: str | None, quiet: bool,
           as_json: bool, no_stories: bool, workers: int | None, runner: str, ray_address: str | None) -> None:
    """Read files, directories, .gz and JSONL dumps into the store.

    Each article is committed on its own; re-running adds nothing already stored. Exit code 3
    means some files or records were skipped (each is reported on one line)."""
    from marsad.ingest.read import count_inputs, parse_field_map, read_paths
    from marsad.pipeline import ingest as run_ingest

    mapping = parse_field_map(field_map) if field_map else None
    where = _runner(workers, runner, ray_address)
    store = _store(ctx)
    items = read_paths(list(paths), field_map=mapping)
    show = not quiet and not as_json and sys.stderr.isatty()
    progress = Progress(
        SpinnerColumn(), TextColumn("[bold]ingest"), BarColumn(), MofNCompleteColumn(),
        TextColumn("files · {task.fields[articles]} articles · {task.fields[skipped]} skipped"),
        TimeElapsedColumn(), console=err_console, disable=not show, transient=False,
    )
    state = {"file": None, "articles": 0, "skipped": 0}

    with progress:
        task = progress.add_task("ingest", total=count_inputs(list(paths)), articles=0, skipped=0)

        def on_item(item: Any, status: str) -> None:
            if status == "skipped":
                state["skipped"] += 1
                err_console.print(f"[yellow]skipped[/] {item}", markup=True, highlight=False, soft_wrap=True)
                path = item.path
            else:
                state["articles"] += 1
                path = item.origin.rsplit(":", 1)[0] if item.format == "jsonl" else item.origin
            if path != state["file"]:
                if state["file"] is not None:
                    progress.advance(task)
                state["file"] = path
            progress.update(task, articles=state["articles"], skipped=state["skipped"])

        report = run_ingest(store, items, paths=list(paths), on_item=on_item, runner=where)
        progress.update(task, completed=progress.tasks[0].total)

    summary = report.to_dict()
    if not no_stories:
        summary["stories"] = _update_stories(store, show).to_dict()
    if as_json:
        click.echo(dumps(summary))
    else:
        rate = (report.new + report.known) / report.seconds if report.seconds else 0.0
        click.echo(
            f"ingested: {report.new} new, {report.known} already known, {report.skipped} skipped "
            f"in {report.seconds:.1f}s ({rate:.0f} articles/s) → {ctx.obj['db']}"
        )
        if "stories" in summary:
            st = summary["stories"]
            click.echo(f"stories: {st['clustered']} articles clustered, {st['new_stories']} new stories "
                       f"({', '.join(f'{k} {v}' for k, v in sorted(st['joined'].items()))}) in {st['seconds']:.1f}s")
    ctx.exit(report.exit_code)


@cli.command()
@click.argument("query")
@click.option("--limit", default=10, show_default=True, type=click.IntRange(1, 1000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--mode", type=click.Choice(["lexical", "semantic", "hybrid"]), default="lexical",
              show_default=True, help="BM25, embeddings (any language), or both fused.")
@click.option("--semantic", "mode", flag_value="semantic", help="Same as --mode semantic.")
@click.option("--hybrid", "mode", flag_value="hybrid", help="Same as --mode hybrid.")
@output_options
@click.pass_context
@_friendly
def search(ctx: click.Context, query: str, limit: int, offset: int, mode: str, fmt: str) -> None:
    """Search articles: Arabic-aware BM25 (variants, clitics, stems, diacritics), by meaning
    (--semantic, also for English queries), or both (--hybrid)."""
    from marsad.store.search import search as run_search

    hits = run_search(_store(ctx), query, mode=mode, limit=limit, offset=offset)
    rows = [h.to_dict() for h in hits]
    if fmt == "table":
        console = Console()
        if not hits:
            console.print(f"no results for {query!r}")
        for n, h in enumerate(hits, 1 + offset):
            console.print(f"[bold]{n}. {h.title}[/]  [dim]{h.source or '—'} · {h.published_at or '—'} · "
                          f"{h.score:.2f} · {h.id}[/]", highlight=False)
            console.print("   " + _mark(h.snippet, h.highlights), highlight=False)
        return
    emit_rows(rows, fmt, ["id", "title", "source", "published_at", "score", "snippet"],
              document={"query": query, "mode": mode, "limit": limit, "offset": offset, "hits": rows})


def _mark(text: str, spans: tuple[tuple[int, int], ...]) -> str:
    from rich.markup import escape

    out, pos = [], 0
    for s, e in spans:
        out.append(escape(text[pos:s]))
        out.append("[bold yellow]" + escape(text[s:e]) + "[/]")
        pos = e
    out.append(escape(text[pos:]))
    return "".join(out)


def _bar(label: str, show: bool) -> Progress:
    return Progress(SpinnerColumn(), TextColumn(f"[bold]{label}"), BarColumn(), MofNCompleteColumn(),
                    TimeElapsedColumn(), console=err_console, disable=not show)


def _update_stories(store: Store, show: bool) -> Any:
    from marsad.pipeline import update_stories

    pending = store.db.execute(  # type: ignore[attr-defined]
        "SELECT count(*) FROM articles a LEFT JOIN story_members m ON m.article_id = a.id "
        "WHERE m.article_id IS NULL").fetchone()[0]
    progress = _bar("stories", show)
    with progress:
        task = progress.add_task("stories", total=pending)
        return update_stories(store, on_batch=lambda n: progress.advance(task, n))


@cli.command()
@click.option("--limit", default=20, show_default=True, type=click.IntRange(1, 10000))
@click.option("--offset", default=0, type=click.IntRange(0))
@click.option("--order", type=click.Choice(["size", "latest"]), default="size", show_default=True)
@click.option("--min-size", default=2, show_default=True, type=click.IntRange(1),
              help="Hide stories with fewer members (1 shows single-article stories too).")
@click.option("--update", is_flag=True, help="First cluster articles that are in no story yet.")
@output_options
@click.pass_context
@_friendly
def stories(ctx: click.Context, limit: int, offset: int, order: str, min_size: int, update: bool,
            fmt: str) -> None:
    """Stories: copies and rewrites of one event, with member counts, outlets and origin."""
    store = _store(ctx)
    if update:
        _update_stories(store, sys.stderr.isatty())
    rows = store.list_stories(limit=limit, offset=offset, order=order, min_size=min_size)  # type: ignore[attr-defined]
    flat = [{**r, "origin_id": r["origin"]["id"], "origin_source": r["origin"]["source"]} for r in rows]
    emit_rows(flat, fmt, ["id", "size", "outlets", "first_time", "last_time", "origin_source", "title"],
              document={"order": order, "limit": limit, "offset": offset, "stories": rows}, title="stories")


@cli.command()
@click.argument("story_id")
@click.option("--json", "as_json", is_flag=True, help="The story as JSON (shape in README).")
@click.pass_context
@_friendly
def story(ctx: click.Context, story_id: str, as_json: bool) -> None:
    """One story: members with outlet and time, the origin, copy edges and sentence diffs."""
    from rich.markup import escape

    data = _store(ctx).get_story(story_id)  # type: ignore[attr-defined]
    if as_json:
        click.echo(dumps(data))
        return
    console = Console()
    console.print(f"[bold]{escape(data['title'])}[/]  [dim]{data['id']} · {data['size']} articles · "
                  f"{data['outlets']} outlets · {data['first_time']} → {data['last_time']}[/]", highlight=False)
    titles = {m["id"]: m for m in data["members"]}
    for m in data["members"]:
        mark = "[green]● origin[/]" if m["origin"] else f"[dim]{m['relation']}[/]"
        console.print(f"\n{mark} {escape(m['time'] or '—')} · [bold]{escape(m['source'] or 'source missing')}[/] · "
                      f"{escape(m['title'])} [dim]{m['id']}[/]", highlight=False)
        if not m["parent"]:
            continue
        parent = titles.get(m["parent"], {})
        counts = m["diff"]["counts"] if m["diff"] else {}
        console.print(f"  {m['edge_kind']} of {escape(parent.get('source') or '?')} ({m['parent']}), "
                      f"containment {m['containment']:.2f}: " + ", ".join(f"{k} {v}" for k, v in counts.items()),
                      highlight=False)
        for op in (m["diff"] or {}).get("ops", []):
            if op["op"] == "kept":
                continue
            style = {"added": "green", "removed": "red", "reworded": "yellow"}[op["op"]]
            sign = {"added": "+", "removed": "-", "reworded": "~"}[op["op"]]
            text = op["child"] if op["op"] != "removed" else op["parent"]
            console.print(f"    [{style}]{sign} {escape(text)}[/]", highlight=False)


@cli.group(name="eval")
def eval_group() -> None:
    """Measure marsad against gold files."""


@eval_group.command(name="stories")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@_friendly
def eval_stories(path: str, as_json: bool) -> None:
    """B-cubed and pairwise precision/recall/F1 of story clustering on JSONL with a gold `story` field."""
    from marsad.evaluation.stories import evaluate_stories_file

    r = evaluate_stories_file(path)
    if as_json:
        click.echo(dumps(r))
        return
    click.echo(f"{r['articles']} articles, {r['gold_stories']} gold stories, {r['predicted_stories']} predicted "
               f"({r['articles_per_s']} articles/s)")
    for name in ("bcubed", "pairwise"):
        m = r[name]
        click.echo(f"{name:<9} precision {m['precision']:.4f}  recall {m['recall']:.4f}  F1 {m['f1']:.4f}")


@eval_group.command(name="ner")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@click.option("--json", "as_json", is_flag=True)
@click.option("--model", default=None, metavar="NAME|FOLDER",
              help="A shipped model (crf, bilstm) or a model folder (default: $MARSAD_NER_MODEL, else crf).")
@_friendly
def eval_ner(path: str, as_json: bool, model: str | None) -> None:
    """Entity-level P/R/F1 per type and micro on an ANERcorp-format file ("token TAG" lines,
    blank line between sentences, BIO), plus tokens/s."""
    from marsad.evaluation.ner import evaluate_file
    from marsad.extract.ner import load_recognizer

    r = evaluate_file(path, load_recognizer(model))
    if as_json:
        click.echo(dumps(r))
        return
    click.echo(f"{r['sentences']} sentences, {r['tokens']} tokens, {r['tokens_per_second']:.0f} tokens/s")
    click.echo(f"{'type':<6} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}")
    for name, m in [*sorted(r["per_type"].items()), ("micro", r["micro"])]:
        click.echo(f"{name:<6} {m['precision']:>6.2f} {m['recall']:>6.2f} {m['f1']:>6.2f} "
                   f"{m['support']:>6} {m['predicted']:>6}")


def _eval_extraction(kind: str, path: str, part: str, mentions: str, as_json: bool) -> None:
    from marsad.evaluation.events import evaluate_events, evaluate_quotes, format_report

    if kind == "events":
        result = evaluate_events(path, part, mentions)
        click.echo(dumps(result) if as_json else format_report(result))
    else:
        result = evaluate_quotes(path, part, mentions)
        click.echo(dumps(result) if as_json else format_report(None, result))


_PART = click.option("--part", type=click.Choice(["all", "dev", "test"]), default="all", show_default=True,
                     help="Gold part: dev (tuned on) or test (every 5th record, held out while tuning).")
_MENTIONS = click.option("--mentions", type=click.Choice(["gold", "none"]), default="gold", show_default=True,
                         help="Give the extractor the gold entity strings as mentions, or none.")


@eval_group.command(name="events")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_PART
@_MENTIONS
@click.option("--json", "as_json", is_flag=True)
@_friendly
def eval_events(path: str, part: str, mentions: str, as_json: bool) -> None:
    """Precision/recall/F1 per event type on a gold file (format in docs/events.md)."""
    _eval_extraction("events", path, part, mentions, as_json)


@eval_group.command(name="quotes")
@click.argument("path", type=click.Path(exists=True, dir_okay=False))
@_PART
@_MENTIONS
@click.option("--json", "as_json", is_flag=True)
@_friendly
def eval_quotes(path: str, part: str, mentions: str, as_json: bool) -> None:
    """Precision/recall/F1 of quotes (direct/reported) and speaker accuracy on a gold file."""
    _eval_extraction("quotes", path, part, mentions, as_json)


@cli.command()
@click.argument("article_id")
@click.option("--json", "as_json", is_flag=True, help="The article as JSON (shape in README).")
@click.option("--original", is_flag=True, help="Include the original input text.")
@click.pass_context
@_friendly
def show(ctx: click.Context, article_id: str, as_json: bool, original: bool) -> None:
    """Show one article by id."""
    stored = _store(ctx).get_article(article_id)
    if as_json:
        click.echo(dumps(stored.to_dict(with_original=original)))
        return
    a = stored.article
    console = Console()
    console.print(f"[bold]{a.title}[/]", highlight=False)
    console.print(f"[dim]{a.id} · {a.source or 'source missing'} · {a.published_at or '—'} · "
                  f"{a.language or '?'} · {a.origin}[/]", highlight=False)
    for b in a.blocks:
        if b.kind == "heading":
            console.print(f"\n[bold underline]{b.text}[/]", highlight=False)
        elif b.kind == "bullet":
            console.print(f"  • {b.text}", highlight=False)
        else:
            console.print(b.text, highlight=False)
    if original:
        console.print("\n[dim]--- original ---[/]")
        console.print(a.original, markup=False, highlight=False)


@cli.command()
@output_options
@click.pass_context
@_friendly
def stats(ctx: click.Context, fmt: str) -> None:
    """Counts: articles, distinct contents, sources, languages, formats, skips."""
    s = _store(ctx).stats()
    if fmt in ("json", "nl"):
        click.echo(dumps(s) if fmt == "json" else json.dumps(s, ensure_ascii=False))
        return
    rows = [{"metric": k, "value": v} for k, v in s.items() if not isinstance(v, dict)]
    rows += [{"metric": f"source: {k or '(missing)'}", "value": v} for k, v in s["sources"].items()]
    rows += [{"metric": f"language: {k or '?'}", "value": v} for k, v in s["languages"].items()]
    emit_rows(rows, fmt, ["metric", "value"], title="marsad stats")


@cli.command()
@click.option("--format", "fmt", type=click.Choice(["jsonl", "csv", "parquet"]), default="jsonl",
              show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Output file (default: stdout; required for parquet).")
@click.pass_context
@_friendly
def export(ctx: click.Context, fmt: str, output: str | None) -> None:
    """Export every article (the `show --json` shape, without the original text)."""
    from marsad.export import export_articles

    n = export_articles(_store(ctx), fmt, output)
    err_console.print(f"exported {n} articles" + (f" → {output}" if output else ""))


@cli.command()
@click.option("--list", "list_only", is_flag=True, help="List applied and pending migrations; change nothing.")
@click.pass_context
@_friendly
def migrate(ctx: click.Context, list_only: bool) -> None:
    """Upgrade the database schema (recorded, safe to re-run)."""
    from marsad.store.sqlite import SQLiteStore

    store = SQLiteStore(ctx.obj["db"], migrate=False)
    ctx.call_on_close(store.close)
    if list_only:
        for name in store.applied_migrations():
            click.echo(f"[x] {name}")
        for name in store.pending_migrations():
            click.echo(f"[ ] {name}")
        return
    ran = store.migrate()
    click.echo("applied: " + ", ".join(ran) if ran else "nothing to do")


@cli.command()
@click.option("--type", "etype", type=click.Choice(["PERS", "ORG", "LOC", "MISC"]), default=None)
@click.option("--limit", default=30, show_default=True, type=click.IntRange(1, 10000))
@click.option("--offset", default=0, type=click.IntRange(0))
@output_options
@click.pass_context
@_friendly
def entities(ctx: click.Context, etype: str | None, limit: int, offset: int, fmt: str) -> None:
    """Top entities with mention and article counts."""
    rows = _store(ctx).list_entities(type=etype, limit=limit, offset=offset)  # type: ignore[attr-defined]
    emit_rows(rows, fmt, ["id", "type", "name_ar", "name_en", "articles", "mentions", "aliases"],
              document={"type": etype, "limit": limit, "offset": offset, "entities": rows}, title="entities")


@cli.command()
@click.argument("name_or_id")
@click.option("--json", "as_json", is_flag=True, help="The entity as JSON (shape in README).")
@click.pass_context
@_friendly
def entity(ctx: click.Context, name_or_id: str, as_json: bool) -> None:
    """One entity (by id, QID or any spelling): aliases, roles, mentions per day, co-occurring
    entities, articles."""
    from rich.markup import escape

    store = _store(ctx)
    data = store.get_entity(store.find_entity(name_or_id))  # type: ignore[attr-defined]
    if as_json:
        click.echo(dumps(data))
        return
    console = Console()
    console.print(f"[bold]{escape(data['name_ar'])}[/] [dim]{data['id']} · {data['type']} · "
                  f"{escape(data['name_en'] or '')} · {data['mentions']} mentions in {data['articles']} articles[/]",
                  highlight=False)
    if data["aliases"]:
        console.print("aliases: " + escape("، ".join(data["aliases"])), highlight=False)
    if data["roles"]:
        console.print("roles: " + escape("، ".join(data["roles"])), highlight=False)
    console.print("mentions per day: " + ", ".join(f"{d['day']}: {d['mentions']}" for d in data["mentions_per_day"]))
    console.print("with: " + escape("، ".join(f"{c['name_ar']} ({c['articles']})" for c in data["co_occurring"])),
                  highlight=False)
    for a in data["recent_articles"]:
        console.print(f"  {escape(a['time'] or '')} · {escape(a['source'] or '—')} · {escape(a['title'])} [dim]{a['id']}[/]",
                      highlight=False)


EVENT_TYPES = ["AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST", "ACCUSE",
               "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT"]


@cli.command()
@click.option("--type", "etype", type=click.Choice(EVENT_TYPES, case_sensitive=False), default=None)
@click.option("--actor", default=None, help="Actor entity id, QID or name (e.g. Q159 or روسيا).")
@click.option("--limit", default=50, show_default=True, type=click.IntRange(1, 10000))
@click.option("--offset", default=0, type=click.IntRange(0))
@output_options
@click.pass_context
@_friendly
def events(ctx: click.Context, etype: str | None, actor: str | None, limit: int, offset: int, fmt: str) -> None:
    """Who did what to whom: PLOVER events with actor, recipient, trigger and flags."""
    from marsad.errors import NotFoundError

    store = _store(ctx)
    actor_id = actor
    if actor:
        try:
            actor_id = store.find_entity(actor)  # type: ignore[attr-defined]
        except NotFoundError:
            actor_id = actor  # an actor named only by the event lexicon
    rows = store.list_events(type=etype.upper() if etype else None, actor=actor_id,  # type: ignore[attr-defined]
                             limit=limit, offset=offset)
    emit_rows(rows, fmt, ["time", "type", "actor", "trigger", "recipient", "negated", "speculative", "source", "article_id"],
              document={"type": etype, "actor": actor, "limit": limit, "offset": offset, "events": rows}, title="events")


@cli.command()
@_runner_options
@click.pass_context
@_friendly
def reindex(ctx: click.Context, workers: int | None, runner: str, ray_address: str | None) -> None:
    """Re-run extraction (entities, events, quotes, tone, signals) on every stored article, one
    transaction per article; use after upgrading marsad or its models."""
    from marsad.pipeline import reindex as run_reindex

    where = _runner(workers, runner, ray_address)
    store = _store(ctx)
    total = store.db.execute("SELECT count(*) FROM articles").fetchone()[0]  # type: ignore[attr-defined]
    progress = _bar("reindex", sys.stderr.isatty())
    with progress:
        task = progress.add_task("reindex", total=total)
        n = run_reindex(store, on_article=lambda: progress.advance(task), runner=where)
    click.echo(f"re-indexed {n} articles")


@cli.command()
@click.option("--host", default="127.0.0.1", show_default=True)
@click.option("--port", default=8000, show_default=True, type=click.IntRange(1, 65535))
@click.option("--workers", default=1, show_default=True, type=click.IntRange(1, 64),
              help="Worker processes (one per core serves concurrent users best).")
@click.pass_context
@_friendly
def serve(ctx: click.Context, host: str, port: int, workers: int) -> None:
    """Serve the web dashboard and JSON API (POST /api/ingest needs $MARSAD_TOKEN)."""
    from marsad.api import serve as run

    run(ctx.obj["db"], host, port, workers=workers)


def main() -> None:
    cli(obj={})


if __name__ == "__main__":
    main()
