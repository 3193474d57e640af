"""The staff pages' connections to the published database: one shared reader per published file.

The published database may be replaced at any moment by the nightly writer (atomic rename):
a request's connection is a cursor of the read-only instance of the file published when it
began (:func:`connect`); a download has an instance of its own (:func:`connect_alone`).
"""

from __future__ import annotations

import atexit
import threading
import time
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import duckdb

from core.config import Workspace
from pipeline.web.matches import forget_matches
from pipeline.writer import open_reader

DOWNLOAD_THREADS = 1
"""DuckDB threads of a download's own instance (see :func:`connect_alone`)."""
READER_IDLE_SECONDS = 30.0
"""A reader of the published file unused this long is closed (the writer may then reuse that file as its standby)."""


class _Reader:
    """One read-only DuckDB instance of one published file, shared by the requests while the file stays."""

    def __init__(self, key: tuple[int, int, int], store: Any):
        self.key, self.store, self.users, self.stale, self.last = key, store, 0, False, time.monotonic()


_readers: dict[Path, _Reader] = {}
_readers_lock = threading.Lock()
_idle_timer: threading.Timer | None = None


def file_key(db: Path) -> tuple[int, int, int]:
    """Identity of the file published at ``db`` now: the writer's atomic rename changes it."""
    stat = db.stat()
    return stat.st_ino, stat.st_mtime_ns, stat.st_size


def _close_unused(idle_for: float) -> None:
    """(Holding the lock.) Close the readers no request has used for ``idle_for`` seconds."""
    now = time.monotonic()
    for db, reader in list(_readers.items()):
        if reader.users == 0 and now - reader.last >= idle_for:
            reader.store.close()
            del _readers[db]


def _close_idle() -> None:
    global _idle_timer
    with _readers_lock:
        _idle_timer = None
        _close_unused(READER_IDLE_SECONDS)
        if _readers:
            _schedule_idle_close()


def close_idle_readers() -> None:
    """Stop the idle timer and close every reader no request is using.

    Registered to run at exit, before the interpreter stops its daemon threads: the timer is one,
    and a thread that comes back into Python from DuckDB while the interpreter finalizes aborts the
    whole process ("terminate called ... exception not rethrown"). Taking the lock waits for a
    timer that is closing a reader at that moment."""
    global _idle_timer
    with _readers_lock:
        if _idle_timer is not None:
            _idle_timer.cancel()
            _idle_timer = None
        _close_unused(0.0)


atexit.register(close_idle_readers)


def _schedule_idle_close() -> None:
    """(Holding the lock.)"""
    global _idle_timer
    if _idle_timer is None:
        _idle_timer = threading.Timer(READER_IDLE_SECONDS, _close_idle)
        _idle_timer.daemon = True
        _idle_timer.start()


@contextmanager
def connect_alone(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A read-only instance of its own, closed after use: for a download, whose sort may need
    the whole ``memory_limit`` that the shared reader's cached blocks would take a share of.

    One thread (DOWNLOAD_THREADS): a 4-year export of a province sorts 240,000 rows with their
    texts; with a thread per core it sometimes ran out of the 512 MB ``memory_limit`` under load,
    and it was no faster on two shared cores (first rows 1.8 s instead of 2.4 s, 3.1 s whole)."""
    store = open_reader(Workspace.for_db(db), attempts=5)
    try:
        store.con.execute(f"SET threads = {DOWNLOAD_THREADS}")
        yield store.con
    finally:
        store.close()


@contextmanager
def connect(db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection of its own for one request, on the reader of the file published now.

    Opening the file costs more than most queries at a million articles (its metadata, the
    zone maps, are read again and the caches start cold), so one read-only instance serves
    every request while the file stays the same (inode, mtime and size); the writer's atomic
    rename gives a new one for the next request, and the old one is closed when its last
    request ends. An instance unused for READER_IDLE_SECONDS is closed."""
    db = Path(db)
    with _readers_lock:
        reader = _readers.get(db)
        key = file_key(db) if db.exists() else None
        if reader is None or reader.key != key:
            if reader is not None:
                reader.stale = True
                if reader.users == 0:
                    reader.store.close()
                del _readers[db]
            reader = _Reader(key, open_reader(Workspace.for_db(db), attempts=5))
            _readers[db] = reader
        reader.users += 1
        con = reader.store.con.cursor()
    try:
        con.execute("USE congdoan")
        yield con
    finally:
        forget_matches(con)
        con.close()
        with _readers_lock:
            reader.users -= 1
            reader.last = time.monotonic()
            if reader.stale and reader.users == 0:
                reader.store.close()
            _schedule_idle_close()


def rows_of(con: duckdb.DuckDBPyConnection, sql: str, params: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, dict(params or {}))
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]
