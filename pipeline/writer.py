"""How a command writes the database without disturbing its readers.

DuckDB lets one process write a file or many processes read it, never both.
Researchers' notebooks and the staff web page read ``congdoan.duckdb`` at any
hour, so no writer ever opens that file. Instead a writer

1. takes an exclusive lock (``congdoan.duckdb.lock``): a second writer, such as
   cron firing twice, stops at once with :class:`DatabaseLocked`;
2. works on ``congdoan.work.duckdb``: a fresh copy of the published file, or the
   copy a killed run left behind, which DuckDB's write-ahead log has kept valid
   and which only ever holds more than the published file. A left-behind copy is
   resumed only if the published file is still the one it was copied from
   (its size and mtime are recorded beside the copy); otherwise it is stale and
   is discarded;
3. publishes by checkpointing, closing and atomically renaming the working copy
   over the published file. Readers that had the old file open keep reading it;
   the next connection sees the new one.

A run killed at any moment therefore leaves the published file exactly as it
was, and the next writer resumes the working copy where the killed one stopped.
"""

from __future__ import annotations

import logging
import os
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from core.config import Workspace
from pipeline.store import Store

log = logging.getLogger(__name__)

class DatabaseLocked(RuntimeError):
    """Another congdoan process is writing this database."""


def _fsync_dir(path: os.PathLike) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _signature(path: Path) -> str:
    if not path.exists():
        return "absent"
    st = path.stat()
    return f"{st.st_size}:{st.st_mtime_ns}"


def _prepare_work_copy(ws: Workspace) -> None:
    """Resume a killed run's working copy when it still descends from the published file."""
    base = ws.work_db.with_name(ws.work_db.name + ".base")
    if ws.work_db.exists():
        if base.exists() and base.read_text() == _signature(ws.db):
            log.info("resuming the working copy left by an interrupted run: %s", ws.work_db)
            return
        log.warning("discarding a stale working copy (the published database changed since): %s", ws.work_db)
        for stale in (ws.work_db, ws.work_db.with_name(ws.work_db.name + ".wal")):
            stale.unlink(missing_ok=True)
    partial = ws.work_db.with_name(ws.work_db.name + ".part")
    try:  # a copy that fails (a full disk) leaves nothing behind
        if ws.db.exists():
            shutil.copy2(ws.db, partial)
            os.replace(partial, ws.work_db)
        base.write_text(_signature(ws.db))
    except BaseException:
        for leftover in (partial, ws.work_db, base):
            leftover.unlink(missing_ok=True)
        raise


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
        _prepare_work_copy(ws)
        store = Store.open(ws.work_db)
        try:
            yield store
            store.con.execute("CHECKPOINT")
        finally:
            store.close()
        if publish:
            os.replace(ws.work_db, ws.db)
            _fsync_dir(ws.db.parent)
            ws.work_db.with_name(ws.work_db.name + ".base").unlink(missing_ok=True)
    finally:
        lock.release()


def open_reader(ws: Workspace, attempts: int = 20, delay: float = 0.1) -> Store:
    """Open the published database read-only, retrying briefly while a first publish is under way.

    The file is ATTACHed to a fresh in-memory instance instead of opened with
    ``duckdb.connect(path)``: DuckDB hands out the already-open instance for a
    path it has open in this process, which would keep a long-running reader
    (the web server) on the file from before the last publish.
    """
    if not ws.db.exists():
        raise FileNotFoundError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    last: Exception | None = None
    for _ in range(attempts):
        con = duckdb.connect(":memory:")
        try:
            con.execute("ATTACH ? AS congdoan (READ_ONLY)", [str(ws.db)])
            con.execute("USE congdoan")
            return Store(con, read_only=True)
        except duckdb.IOException as exc:
            con.close()
            last = exc
            time.sleep(delay)
    raise FileNotFoundError(f"cannot open {ws.db} for reading: {last}")
