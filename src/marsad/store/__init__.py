"""Storage: the ``Store`` interface, the SQLite backend and Arabic-aware search."""

from __future__ import annotations

import os
from pathlib import Path

from marsad.errors import ConfigError
from marsad.store.base import IndexedArticle, Store, StoredArticle
from marsad.store.sqlite import SQLiteStore

__all__ = ["IndexedArticle", "SQLiteStore", "Store", "StoredArticle", "default_db_path", "open_store"]

DEFAULT_DB = "marsad.db"


def default_db_path() -> str:
    """``MARSAD_DB`` if set, else ``./marsad.db``."""
    return os.environ.get("MARSAD_DB") or DEFAULT_DB


def open_store(location: str | Path | None = None) -> Store:
    """Open (and migrate) the store at a path, ``:memory:``, or a ``sqlite:///path`` URL."""
    loc = str(location or default_db_path())
    if loc.startswith(("postgresql://", "postgres://")):
        raise ConfigError(f"{loc}: the PostgreSQL backend has not landed yet; use a SQLite file")
    if loc.startswith("sqlite:///"):
        loc = loc[len("sqlite:///"):]
    return SQLiteStore(loc)
