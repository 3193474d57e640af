"""How a command writes the database without disturbing its readers, and without copying it.

DuckDB lets one process write a file or many processes read it, never both.
Researchers' notebooks and the staff web page read ``congdoan.duckdb`` at any
hour, so no writer ever opens that file. Instead a writer

1. takes an exclusive lock (``congdoan.duckdb.lock``): a second writer, such as
   cron firing twice, stops at once with :class:`DatabaseLocked`;
2. works on ``congdoan.work.duckdb``, prepared in the first of these ways that applies:

   * **resumed**: the working copy a killed run left behind, which DuckDB's
     write-ahead log has kept valid and which only ever holds more than the
     published file; resumed only if the published file is still the one it
     descends from (its size and mtime are recorded beside the copy);
   * **standby**: the file published *before* the current one, which the last
     publish kept under ``congdoan.standby.duckdb`` (a hard link: no copy). It is
     brought up to date by replaying what the last run changed, which that run
     logged in the published file: for each large table (``changes_appended``) the rows
     it appended (its last rows, as many as the table gained: one rowid range, read
     without scanning older rows) and the articles whose older rows it updated
     (``changes_rewritten``). The event tables are replayed by the events and the
     articles the run logged (``EVENT_REPLAYED``); small tables and
     the unit registry are copied whole (``RANGE_REPLAYED`` names the range-replayed ones). Used only when no reader still holds the file
     (DuckDB's lock says so), when it is exactly one generation behind, when the
     schema did not change, and when the last run deleted no rows (a re-extraction:
     DuckDB may then renumber rowids, and a copy is cheaper than replaying by scans);
     a row-count check of every table follows the replay;
   * **copy**: a full copy of the published file (the fallback; the only way before);
   * **new**: an empty database when nothing is published yet;

3. publishes by checkpointing, closing and atomically renaming the working copy
   over the published file, after hard-linking the file it replaces as the next
   standby. Readers that had the old file open keep reading it; the next
   connection sees the new one.

The nightly cost of step 2 therefore grows with what the last run changed, not
with the archive. A run killed at any moment leaves the published file exactly as
it was; the next writer resumes the working copy, or discards it and prepares a
new one. Each publish is a *generation* (``meta`` keys ``generation`` and
``lineage``, a random token that tells databases apart).
"""

from __future__ import annotations

import logging
import os
import secrets
import shutil
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb
from filelock import FileLock, Timeout

from core.config import Workspace
from pipeline.store import (DERIVED_TABLES, EVENT_KEY, EVERY_TABLE, EXTRACTION_TABLES, MENTION_KEY, Store, configure,
                            rows_end)

log = logging.getLogger(__name__)

CHANGE_TABLES = ("changes_appended", "changes_rewritten")
WHOLE_COPY_ROWS = 10_000
"""Tables smaller than this are replayed by copying them whole (cheap, and no log needed)."""
APPEND_ONLY = ("crawl_site_runs", "page_errors")
"""Tables without ``article_id`` that runs only append to: replayed by rowid range when large."""
RANGE_REPLAYED = ("articles", *EXTRACTION_TABLES, *DERIVED_TABLES, *APPEND_ONLY)
"""The large tables replayed by rowid range: written only by the store's article and extraction
writes, which log every delete or update (``Store.log_rewrite``), and the feed cards derived
per article with them. The event tables are replayed by the ids a run logs (``EVENT_REPLAYED``); every
other table — the unit registry, small tables — is copied whole."""
EVENT_REPLAYED = {"events": ("event_id", EVENT_KEY), "event_mentions": ("article_id", MENTION_KEY)}
"""Table -> (column, log key): every row a run changes in the table has one of the ids the run
logged under that key (``pipeline.events.EventChanges``). Copied whole, the two tables were most of a
night's preparation at a million articles (4.5 M rows, 10.9 s); the mentions replayed by event id,
291,000 rows and 2-3 s a night (its new mentions join large events); by article, about 1,400."""


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


def _base_marker(ws: Workspace) -> Path:
    return ws.work_db.with_name(ws.work_db.name + ".base")


def _discard_work_copy(ws: Workspace) -> None:
    for stale in (ws.work_db, ws.work_db.with_name(ws.work_db.name + ".wal"), _base_marker(ws)):
        stale.unlink(missing_ok=True)


def base_tables(con: duckdb.DuckDBPyConnection, database: str | None = None) -> list[str]:
    """The tables of an attached database (default: the connection's own)."""
    return [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE database_name = coalesce(?, current_database()) "
        "AND NOT internal ORDER BY 1", [database]).fetchall()]


def _meta(con: duckdb.DuckDBPyConnection, database: str | None = None) -> dict[str, str]:
    return dict(con.execute(f"SELECT key, value FROM {database + '.' if database else ''}meta").fetchall())


class _ReplayMismatch(Exception):
    """The replayed standby does not hold the published file's rows: it is rolled back and not used."""


def _why_not_replay(con: duckdb.DuckDBPyConnection) -> str | None:
    """Why the standby (this connection's database) cannot be brought up to ``published``, if it cannot."""
    mine, theirs = _meta(con), _meta(con, "published")
    if not mine.get("lineage") or mine.get("lineage") != theirs.get("lineage"):
        return "it belongs to another database"
    if int(mine.get("generation", 0)) + 1 != int(theirs.get("generation", 0)):
        return f"it is generation {mine.get('generation')}, the published file {theirs.get('generation')}"
    migrations = "SELECT name FROM {}schema_migrations ORDER BY name"
    if con.execute(migrations.format("")).fetchall() != con.execute(migrations.format("published.")).fetchall():
        return "the schema changed since"
    tables = base_tables(con, "published")
    if tables != base_tables(con):
        return "the tables differ"
    # Deleted rows may let DuckDB renumber the rowids after them, so a re-extraction's rows cannot be
    # found by range: replaying them takes scans of the largest tables, dearer than a copy (measured).
    deleted, everything, events, mentions = con.execute(
        """SELECT count(DISTINCT article_id) FILTER (WHERE deleted), count(*) FILTER (WHERE table_name = ?),
                  count(*) FILTER (WHERE table_name = ?), count(*) FILTER (WHERE table_name = ?)
           FROM published.changes_rewritten""", [EVERY_TABLE, EVENT_KEY, MENTION_KEY]).fetchone()
    if everything:
        return "the last run rewrote everything"
    if events and not mentions:
        return "the last run did not log its event mentions by article (an older congdoan)"
    if deleted:
        return f"the last run re-extracted {deleted:,} article(s)"
    return None


def _appended_from(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """The first rowid of the rows the last run appended to ``published.<table>`` (it deleted none).

    They are its last rows, as many as it holds more than the standby. The rowid the run logged
    where its appends began (``changes_appended``) is not used: DuckDB vacuums deleted rows (the
    word index's sort deletes and re-inserts each night's rows) at some later checkpoint, not
    always the run's own, and the rows after them then move down (at a million articles the second
    standby night in a row missed 114,000 rows of the word index that way).
    """
    ours, theirs = (con.execute(f"SELECT count(*) FROM {db}{table}").fetchone()[0] for db in ("", "published."))
    if theirs <= ours:  # nothing appended (fewer rows: the row-count check rejects the replay)
        return rows_end(con, f"published.{table}")
    appended = theirs - ours

    def at_or_after(rowid: int) -> int:  # read from the row groups at and after ``rowid`` only
        return con.execute(f"SELECT count(*) FROM published.{table} WHERE rowid >= ?", [rowid]).fetchone()[0]

    # The first appended row is the appended-th largest rowid: the largest rowid with that many rows at or after it,
    # found by halving (a few ms; ordering the word index's rowids to take it took 1.6 – 2.4 s a night at a million).
    low, high = ours, rows_end(con, f"published.{table}") - appended
    if low <= high and at_or_after(low) >= appended:
        while low < high:
            middle = (low + high + 1) // 2
            low, high = (middle, high) if at_or_after(middle) >= appended else (low, middle - 1)
        return low
    return con.execute(f"""SELECT min(r) FROM (SELECT rowid AS r FROM published.{table} WHERE rowid >= ?
                           ORDER BY r DESC LIMIT ?)""", [ours, appended]).fetchone()[0]


def _replay(con: duckdb.DuckDBPyConnection) -> str | None:
    """Bring the standby (this connection's database) up to ``published``; return why not when it cannot be."""
    why = _why_not_replay(con)
    if why:
        return why
    tables = base_tables(con, "published")
    ranged = {r[0] for r in con.execute("SELECT table_name FROM published.changes_appended").fetchall()}
    con.execute("BEGIN TRANSACTION")
    try:
        for table in tables:
            if table in EVENT_REPLAYED:
                column, key = EVENT_REPLAYED[table]
                touched = f"SELECT article_id FROM published.changes_rewritten WHERE table_name = '{key}'"
                con.execute(f"DELETE FROM {table} WHERE {column} IN ({touched})")
                con.execute(f"INSERT INTO {table} SELECT * FROM published.{table} WHERE {column} IN ({touched})")
                continue
            if table not in ranged or table not in RANGE_REPLAYED:
                con.execute(f"DELETE FROM {table}")
                con.execute(f"INSERT INTO {table} SELECT * FROM published.{table}")
                continue
            appended_from = _appended_from(con, table)
            changed = f"SELECT article_id FROM published.changes_rewritten WHERE table_name = '{table}'"
            if con.execute(f"SELECT count(*) FROM ({changed})").fetchone()[0]:  # rows updated in place
                con.execute(f"DELETE FROM {table} WHERE article_id IN ({changed})")
                con.execute(f"""INSERT INTO {table} SELECT * FROM published.{table}
                                WHERE rowid < {appended_from} AND article_id IN ({changed})""")
            con.execute(f"INSERT INTO {table} SELECT * FROM published.{table} WHERE rowid >= {appended_from}")
        for table in tables:
            counts = [con.execute(f"SELECT count(*) FROM {db}{table}").fetchone()[0] for db in ("", "published.")]
            if counts[0] != counts[1]:
                raise _ReplayMismatch(f"{table} has {counts[0]:,} rows after the replay, {counts[1]:,} published")
        con.execute("COMMIT")
    except _ReplayMismatch as exc:
        con.execute("ROLLBACK")
        return str(exc)
    except Exception:
        con.execute("ROLLBACK")
        raise
    return None


def _from_standby(ws: Workspace) -> bool:
    """Claim the standby file as the working copy and replay the last run onto it; False if unusable."""
    standby = ws.standby_db
    if not standby.exists():
        return False
    if standby.stat().st_ino == ws.db.stat().st_ino:  # a publish stopped between its link and its rename
        standby.unlink()
        return False
    os.replace(standby, ws.work_db)
    try:
        con = configure(duckdb.connect(str(ws.work_db)))
    except duckdb.IOException:  # a reader still holds the file published before the current one
        log.info("the standby copy is still being read; copying the published file instead")
        ws.work_db.unlink()
        return False
    try:
        con.execute("ATTACH ? AS published (READ_ONLY)", [str(ws.db)])
        why = _replay(con)
        con.execute("DETACH published")
        if why is None:
            con.execute("CHECKPOINT")
    finally:
        con.close()
    if why is not None:
        log.info("standby copy not used (%s); copying the published file instead", why)
        _discard_work_copy(ws)
        return False
    return True


def _start_generation(ws: Workspace) -> None:
    """Open a new generation in the working copy: clear the change log, note where appends begin."""
    with Store.open(ws.work_db) as store:
        con = store.con
        meta = _meta(con)
        generation = int(meta.get("generation", 0)) + 1
        con.execute("BEGIN TRANSACTION")
        for table in CHANGE_TABLES:
            con.execute(f"DELETE FROM {table}")
        for table in base_tables(con):
            if table in CHANGE_TABLES:
                continue
            end = rows_end(con, table)
            if end >= WHOLE_COPY_ROWS:
                con.execute("INSERT INTO changes_appended VALUES (?, ?, ?)", [generation, table, end])
        store.set_meta("generation", str(generation))
        store.set_meta("lineage", meta.get("lineage") or secrets.token_hex(8))
        con.execute("COMMIT")
        con.execute("CHECKPOINT")


def _prepare_work_copy(ws: Workspace) -> str:
    """Make the working copy; return how: resumed, standby, copy or new."""
    base = _base_marker(ws)
    if ws.work_db.exists():
        if base.exists() and base.read_text() == _signature(ws.db):
            log.info("resuming the working copy left by an interrupted run: %s", ws.work_db)
            return "resumed"
        log.warning("discarding a stale working copy (the published database changed since): %s", ws.work_db)
    _discard_work_copy(ws)
    partial = ws.work_db.with_name(ws.work_db.name + ".part")
    try:  # whatever fails here (a full disk) leaves no working copy behind
        if not ws.db.exists():
            how = "new"
        elif _from_standby(ws):
            how = "standby"
        else:
            shutil.copy2(ws.db, partial)
            os.replace(partial, ws.work_db)
            how = "copy"
        _start_generation(ws)
        base.write_text(_signature(ws.db))
    except BaseException:
        partial.unlink(missing_ok=True)
        _discard_work_copy(ws)
        raise
    return how


def _publish(ws: Workspace) -> None:
    """Rename the working copy over the published file; the replaced file becomes the next standby."""
    if ws.db.exists():
        link = ws.standby_db.with_name(ws.standby_db.name + ".new")
        link.unlink(missing_ok=True)
        os.link(ws.db, link)
        os.replace(link, ws.standby_db)
    os.replace(ws.work_db, ws.db)
    _fsync_dir(ws.db.parent)
    _base_marker(ws).unlink(missing_ok=True)


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
        start = time.perf_counter()
        how = _prepare_work_copy(ws)
        log.info("working copy prepared (%s) in %.2f s", how, time.perf_counter() - start)
        store = Store.open(ws.work_db)
        try:
            store.prepared = how
            store.generation = int(_meta(store.con)["generation"])
            yield store
            store.con.execute("CHECKPOINT")
        finally:
            store.close()
        if publish:
            _publish(ws)
    finally:
        lock.release()


def _reader_temp_directory() -> Path:
    """Where a reader's large queries spill: per process, as DuckDB names its temporary files per instance."""
    return Path(tempfile.gettempdir()) / f"congdoan-duckdb-{os.getpid()}"


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
        # an in-memory instance would spill to .tmp in the working directory: one of its own instead
        con = configure(duckdb.connect(":memory:"), _reader_temp_directory())
        try:
            con.execute("ATTACH ? AS congdoan (READ_ONLY)", [str(ws.db)])
            con.execute("USE congdoan")
            return Store(con, read_only=True)
        except duckdb.IOException as exc:
            con.close()
            last = exc
            time.sleep(delay)
    raise FileNotFoundError(f"cannot open {ws.db} for reading: {last}")
