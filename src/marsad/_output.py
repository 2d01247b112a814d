"""One output vocabulary for every listing command: a table by default on a terminal,
``--json`` (one document), ``--nl`` (one JSON object per line), ``--csv``."""

from __future__ import annotations

import csv
import json
import sys
from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

import click
from rich.console import Console
from rich.table import Table

F = TypeVar("F", bound=Callable[..., Any])


def output_options(fn: F) -> F:
    fn = click.option("--csv", "fmt", flag_value="csv", help="Rows as CSV.")(fn)
    fn = click.option("--nl", "fmt", flag_value="nl", help="One JSON object per line.")(fn)
    fn = click.option("--json", "fmt", flag_value="json", help="JSON (shapes documented in README).")(fn)
    fn = click.option("--table", "fmt", flag_value="table", default=True, help="A table (default).")(fn)
    return fn


def dumps(obj: Any) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=2)


def emit_rows(rows: Sequence[dict[str, Any]], fmt: str, columns: Sequence[str],
              document: Any = None, title: str | None = None) -> None:
    """Print ``rows`` in ``fmt``; for ``--json`` print ``document`` if given (a richer shape)."""
    if fmt == "json":
        click.echo(dumps(document if document is not None else list(rows)))
    elif fmt == "nl":
        for r in rows:
            click.echo(json.dumps(r, ensure_ascii=False))
    elif fmt == "csv":
        w = csv.DictWriter(sys.stdout, fieldnames=list(columns), extrasaction="ignore")
        w.writeheader()
        for r in rows:
            w.writerow({k: _flat(r.get(k)) for k in columns})
    else:
        table = Table(title=title, show_lines=False)
        for c in columns:
            table.add_column(c, overflow="fold")
        for r in rows:
            table.add_row(*(str(_flat(r.get(c))) for c in columns))
        Console().print(table)


def _flat(v: Any) -> Any:
    if isinstance(v, (list, tuple)):
        return "; ".join(str(x) for x in v)
    if isinstance(v, dict):
        return json.dumps(v, ensure_ascii=False)
    return "" if v is None else v


def iter_json_lines(objs: Iterable[dict[str, Any]]) -> Iterable[str]:
    for o in objs:
        yield json.dumps(o, ensure_ascii=False)
