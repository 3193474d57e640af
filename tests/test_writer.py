"""The single-writer protocol: lock, working copy, atomic publish, and recovery after kill -9."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime
from pathlib import Path

import pytest

from core.config import Workspace
from core.records import Article
from pipeline.writer import DatabaseLocked, open_reader, writer


def article(n: int) -> Article:
    return Article(url=f"https://example.org/a-{n}.html", source="t", title=f"Bài {n}",
                   body=f"Nội dung bài số {n}.", fetched_at=datetime(2024, 1, 1))


def count(ws: Workspace) -> int:
    with open_reader(ws) as store:
        return store.con.execute("SELECT count(*) FROM articles").fetchone()[0]


HOLD = textwrap.dedent("""
    import sys, time
    from datetime import datetime
    from core.config import Workspace
    from core.records import Article
    from pipeline.writer import writer
    ws = Workspace.for_db(sys.argv[1])
    with writer(ws) as store:
        store.add_articles([Article(url="https://example.org/held.html", source="t", title="x",
                                    body="Bài đang ghi dở.", fetched_at=datetime(2024, 1, 1))])
        print("holding", flush=True)
        time.sleep(60)
""")


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.for_db(tmp_path / "db.duckdb")
    with writer(ws) as store:
        store.add_articles([article(1)])
    return ws


def start_holder(ws: Workspace) -> subprocess.Popen:
    proc = subprocess.Popen([sys.executable, "-c", HOLD, str(ws.db)], stdout=subprocess.PIPE, text=True)
    assert proc.stdout.readline().strip() == "holding"
    return proc


def test_publish_makes_writes_visible(ws: Workspace) -> None:
    assert count(ws) == 1
    assert not ws.work_db.exists()
    with writer(ws) as store:
        store.add_articles([article(2)])
        assert count(ws) == 1  # readers see the published file until the writer publishes
    assert count(ws) == 2


def test_second_writer_gets_a_clear_lock_error(ws: Workspace) -> None:
    holder = start_holder(ws)
    try:
        with pytest.raises(DatabaseLocked, match="another congdoan run is writing"):
            with writer(ws):
                pass
        assert count(ws) == 1  # readers still work while the holder writes
    finally:
        holder.kill()
        holder.wait()


def test_kill_9_leaves_published_file_intact_and_next_writer_resumes(ws: Workspace) -> None:
    holder = start_holder(ws)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    assert count(ws) == 1  # the killed run published nothing
    assert ws.work_db.exists()
    deadline = time.monotonic() + 10
    while True:  # the lock dies with its process
        try:
            with writer(ws) as store:
                urls = store.known_urls()
            break
        except DatabaseLocked:
            assert time.monotonic() < deadline
            time.sleep(0.1)
    assert "https://example.org/held.html" in urls  # resumed from the killed run's working copy
    assert count(ws) == 2


def test_failed_block_does_not_publish(ws: Workspace) -> None:
    with pytest.raises(RuntimeError):
        with writer(ws) as store:
            store.add_articles([article(3)])
            raise RuntimeError("boom")
    assert count(ws) == 1


def test_reader_needs_a_database(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="no database"):
        open_reader(Workspace.for_db(tmp_path / "none.duckdb"))


def test_stale_working_copy_is_discarded(ws: Workspace) -> None:
    holder = start_holder(ws)
    os.kill(holder.pid, signal.SIGKILL)
    holder.wait()
    time.sleep(0.05)
    # Someone replaces the published database meanwhile (e.g. restores a backup).
    restored = Workspace.for_db(ws.db.parent / "restored.duckdb")
    with writer(restored) as store:
        store.add_articles([article(7), article(8)])
    os.replace(restored.db, ws.db)
    with writer(ws) as store:
        urls = store.known_urls()
    assert "https://example.org/held.html" not in urls
    assert count(ws) == 2
