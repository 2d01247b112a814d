"""SQLite connections for concurrent requests: one connection per request in flight (WAL lets
readers run side by side), reused afterwards; writes are serialized by a lock. An in-memory
database cannot be shared between connections, so it gets one connection behind a lock."""

from __future__ import annotations

import queue
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from marsad.errors import ConfigError
from marsad.store import open_store
from marsad.store.sqlite import SQLiteStore


def open_sqlite(location: str | Path) -> SQLiteStore:
    store = open_store(location)
    if not isinstance(store, SQLiteStore):  # pragma: no cover - only SQLite exists today
        store.close()
        raise ConfigError(f"{location}: the API needs a SQLite store")
    return store


class StorePool:
    def __init__(self, location: str | Path) -> None:
        self.location = str(location)
        self.in_memory = self.location in (":memory:", "") or "mode=memory" in self.location
        self._idle: queue.SimpleQueue[SQLiteStore] = queue.SimpleQueue()
        self._all: list[SQLiteStore] = []
        self._guard = threading.Lock()  # protects _all
        self._write_lock = threading.Lock()
        self._shared_lock = threading.Lock()  # the in-memory connection, used by one at a time
        self._dedicated: SQLiteStore | None = None
        self._dedicated_lock = threading.Lock()
        # Open (and migrate) once now, so a bad path fails at start-up, not on first request.
        self._idle.put(self._open())

    def _open(self) -> SQLiteStore:
        store = open_sqlite(self.location)
        with self._guard:
            self._all.append(store)
        return store

    @contextmanager
    def reading(self) -> Iterator[SQLiteStore]:
        if self.in_memory:
            with self._shared_lock:
                with self._guard:
                    shared = self._all[0] if self._all else None
                yield shared or self._open()
            return
        try:
            store = self._idle.get_nowait()
        except queue.Empty:
            store = self._open()
        try:
            yield store
        finally:
            if store.db.in_transaction:  # a failed read must not leave a snapshot open
                store.db.execute("ROLLBACK")
            self._idle.put(store)

    @contextmanager
    def dedicated(self) -> Iterator[SQLiteStore]:
        """One long-lived connection, used by one request at a time: for work that caches per
        connection (the embedding matrix of semantic search) and should cache once."""
        if self.in_memory:
            with self.reading() as store:
                yield store
            return
        with self._dedicated_lock:
            if self._dedicated is None:
                self._dedicated = self._open()
            yield self._dedicated

    @contextmanager
    def writing(self) -> Iterator[SQLiteStore]:
        with self._write_lock, self.reading() as store:
            yield store

    @property
    def size(self) -> int:
        with self._guard:
            return len(self._all)

    def close(self) -> None:
        with self._guard:
            stores, self._all = self._all, []
            self._dedicated = None
        while True:  # idle connections are closed below; drop them so none is handed out again
            try:
                self._idle.get_nowait()
            except queue.Empty:
                break
        for store in stores:
            store.close()
