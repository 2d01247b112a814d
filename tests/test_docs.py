"""Docs that fail loudly: every command is in the README with help text, every setting in
settings.py is documented there, and the public API list is honest."""

from __future__ import annotations

import re
from pathlib import Path

import click
import pytest

import marsad
from marsad.cli import cli

REPO = Path(__file__).resolve().parents[1]
README = (REPO / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: str = "") -> list[tuple[str, click.Command]]:
    out = []
    for name, cmd in sorted(group.commands.items()):
        full = f"{prefix}{name}"
        if isinstance(cmd, click.Group):
            out += _commands(cmd, full + " ")
        else:
            out.append((full, cmd))
    return out


@pytest.mark.parametrize("name,cmd", _commands(cli), ids=[n for n, _ in _commands(cli)])
def test_docs_every_command_is_in_readme_with_help(name, cmd):
    assert cmd.help and cmd.help.strip(), f"`marsad {name}` has no help text"
    assert re.search(rf"marsad {re.escape(name)}\b", README), f"`marsad {name}` is not in README.md"


def test_docs_public_api_is_exported():
    for name in marsad.__all__:
        assert hasattr(marsad, name), name
    assert sorted(marsad.__all__) == marsad.__all__


def test_docs_architecture_names_existing_modules():
    arch = (REPO / "docs" / "ARCHITECTURE.md").read_text(encoding="utf-8")
    for folder in re.findall(r"\b(ingest|text|extract|stories|store|api|web)/", arch):
        assert (REPO / "src" / "marsad" / folder).is_dir(), folder
