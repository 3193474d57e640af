"""How a command writes the database without disturbing its readers.

DuckDB lets one process write a file or many processes read it, never both.
Researchers' notebooks and the staff web page read ``congdoan.duckdb`` at any
hour, so no writer ever opens that file. Instead a writer

1. takes an exclusive lock (``congdoan.duckdb.lock``): a second writer, such as
   cron firing twice, stops at once with :class:`DatabaseLocked`;
2. works on ``congdoan.work.duckdb``: a fresh copy of the published file, or the
   copy a killed run left behind, which DuckDB's write-ahead log has kept valid
   and which only ever holds more than the published file;
3. publishes by checkpointing, closing and atomically renaming the working copy
   over the published file. Readers that had the old file open keep reading it;
   the next connection sees the new one.

A run killed at any moment therefore leaves the published file exactly as it
was, and the next writer resumes the working copy where the killed one stopped.
"""

from __future__ import annotations

import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager

import duckdb
from filelock import FileLock, Timeout

from pipeline.config import Workspace
from pipeline.store import Store


class DatabaseLocked(RuntimeError):
    """Another congdoan process is writing this database."""


def _fsync_dir(path: os.PathLike) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


@contextmanager
def writer(ws: Workspace, publish: bool = True) -> Iterator[Store]:
    """Open the working copy for writing under the lock; publish it when the block succeeds."""
    ws.ensure_dirs()
    lock = FileLock(str(ws.lock_file))
    try:
        lock.acquire(timeout=0)
    except Timeout:
        raise DatabaseLocked(
            f"another congdoan run is writing {ws.db} (lock {ws.lock_file} is held); try again when it has finished"
        ) from None
    try:
        if not ws.work_db.exists() and ws.db.exists():
            shutil.copy2(ws.db, ws.work_db)
        store = Store.open(ws.work_db)
        try:
            yield store
            store.con.execute("CHECKPOINT")
        finally:
            store.close()
        if publish:
            os.replace(ws.work_db, ws.db)
            _fsync_dir(ws.db.parent)
    finally:
        lock.release()


def open_reader(ws: Workspace, attempts: int = 20, delay: float = 0.1) -> Store:
    """Open the published database read-only, retrying briefly while a first publish is under way."""
    if not ws.db.exists():
        raise FileNotFoundError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    last: Exception | None = None
    for _ in range(attempts):
        try:
            return Store(duckdb.connect(str(ws.db), read_only=True), read_only=True)
        except duckdb.IOException as exc:
            last = exc
            time.sleep(delay)
    raise FileNotFoundError(f"cannot open {ws.db} for reading: {last}")
