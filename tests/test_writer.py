"""The single-writer protocol: lock, working copy, atomic publish, and recovery after kill -9."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import time
from datetime import datetime, timedelta
from pathlib import Path

import duckdb
import pytest

import pipeline.writer as writer_module
from core.config import Workspace
from core.records import Article, Extraction
from pipeline.search import sort_appended_terms
from pipeline.store import MENTION_KEY, rows_end
from pipeline.writer import DatabaseLocked, base_tables, open_reader, writer


def article(n: int) -> Article:
    return Article(url=f"https://example.org/a-{n}.html", source="t", title=f"Bài {n}",
                   body=f"Nội dung bài số {n}.", fetched_at=datetime(2024, 1, 1),
                   published_at=datetime(2024, 1, 1) + timedelta(days=n // 100 * 4 + n % 100))


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


# -- the standby copy: no whole-file copy per run ------------------------------------------------


def extraction(article_id: int, n: int, version: str = "v1") -> Extraction:
    """Rows in every extraction table for one article, without the NLP."""
    return Extraction(article_id=article_id, version=version, tables={
        "units": [{"name": f"Công đoàn {n}", "mentions": [f"CĐ {n}"], "start_char": 0, "end_char": 3}],
        "sentences": [{"idx": i, "text": f"Câu {i} của bài {n}.", "words": ["Câu", str(i)], "pos": ["N", "M"],
                       "start_char": 0, "end_char": 5} for i in range(3)],
        "search_terms": [{"term": f"t{n % 7}-{k}", "title_hits": 0, "body_hits": k} for k in range(1, 5)],
        "highlights": [{"kind": "money", "item": f"{n} triệu đồng", "sentence": "Câu.", "sentence_start": 0,
                        "item_start": 0, "item_end": 2}],
        # sums that group into events across articles and nights (and merge them), to be replayed by event id
        "amounts": [{"text": f"{value} tỷ đồng", "kind": "money", "value": value * 1e9, "currency": "VND",
                     "unit_id": 7, "purpose": "spent", "start_char": k, "end_char": k + 1}
                    for k, value in enumerate((1, 2 + n % 2) + ((9,) if n % 100 >= 10 else ()))],
    })


# Articles beyond a night's five, dated 4 * night + number % 100 days after 1 January 2024, with a
# 9 tỷ sum (sums link within 7 days): two events on nights 2 and 3 (days 28; 37 and 41), which the
# one of night 5 (day 32) joins: mentions are rewritten, and day 41's is moved by the merge alone.
BRIDGES = {2: [220], 3: [325, 329], 5: [512]}


def added(*nights: int) -> int:
    """How many articles these nights add."""
    return sum(5 + len(BRIDGES.get(n, [])) for n in nights)


def snapshot(con: duckdb.DuckDBPyConnection, database: str | None = None) -> dict[str, list[str]]:
    """Every row of every table, order-independent (writer bookkeeping and meta aside: they move on)."""
    tables = [t for t in base_tables(con, database) if t not in ("changes_appended", "changes_rewritten", "meta")]
    prefix = f"{database}." if database else ""
    return {t: sorted(map(repr, con.execute(f"SELECT * FROM {prefix}{t}").fetchall())) for t in tables}


def night(ws: Workspace, n: int, restale: list[int] = ()) -> str:
    """One nightly run: a few new articles extracted, some earlier ones re-extracted; returns how it was prepared."""
    with writer(ws) as store:
        numbers = [100 * n + i for i in range(5)] + BRIDGES.get(n, [])
        new = [article(number) for number in numbers]
        store.add_articles(new)
        redo = [a.article_id for a in map(article, restale)]
        store.replace_extractions([extraction(a.article_id, number) for a, number in zip(new, numbers)]
                                  + [extraction(i, n, version=f"v{n}") for i in redo])
        store.set_meta("night", str(n))
        return store.prepared


def test_a_nightly_run_no_longer_copies_the_published_file(ws: Workspace, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(writer_module, "WHOLE_COPY_ROWS", 1)  # every table replayed by rowid range, as at scale
    assert night(ws, 1) == "copy"  # nothing was published before the first file: no standby yet
    assert ws.standby_db.exists()

    def no_copy(*args: object, **kwargs: object) -> None:
        raise AssertionError("the writer copied the whole published file")

    for n in range(2, 7):
        after_reextraction = n == 5  # night 4 re-extracts (deletes rows): the file is copied once
        standby = ws.standby_db.stat().st_ino
        if not after_reextraction:
            monkeypatch.setattr(writer_module.shutil, "copy2", no_copy)
        with writer(ws) as store:  # the working copy a run starts from holds exactly the published rows
            assert store.prepared == ("copy" if after_reextraction else "standby")
            if not after_reextraction:
                assert ws.work_db.stat().st_ino == standby  # the file itself, renamed: not a copy
            store.con.execute("ATTACH ? AS published (READ_ONLY)", [str(ws.db)])
            assert snapshot(store.con) == snapshot(store.con, "published")
            store.con.execute("DETACH published")
        monkeypatch.setattr(writer_module.shutil, "copy2", no_copy)
        assert night(ws, n, restale=[100 * 3, 100 * 3 + 1] if n == 4 else []) == "standby"
        monkeypatch.undo()
        monkeypatch.setattr(writer_module, "WHOLE_COPY_ROWS", 1)
    with open_reader(ws) as store:
        assert store.con.execute("SELECT count(*) FROM articles").fetchone()[0] == 1 + added(*range(1, 7))
        assert store.con.execute("SELECT value FROM meta WHERE key = 'night'").fetchone()[0] == "6"
        assert store.con.execute("SELECT count(*) FROM sentences").fetchone()[0] == 3 * added(*range(1, 7))
        merged = store.con.execute("SELECT n_mentions FROM events WHERE value = 9e9").fetchall()
        assert store.con.execute("SELECT count(*) FROM articles WHERE extracted_with = 'v4'").fetchone()[0] == 2
        events = store.con.execute("SELECT count(*), max(n_mentions) FROM events").fetchone()
    assert events[0] >= 2 and events[1] > 5  # sums grouped across nights: the event tables were replayed
    assert merged == [(4,)]  # the two 9 tỷ events merged on a standby night



def test_standby_not_replayed_from_a_log_without_the_mentions_articles(
        ws: Workspace, caplog: pytest.LogCaptureFixture) -> None:
    for n in (1, 2):
        night(ws, n)
    with duckdb.connect(str(ws.db)) as con:  # as an older congdoan logged it: events by id only
        con.execute("DELETE FROM changes_rewritten WHERE table_name = ?", [MENTION_KEY])
    with caplog.at_level("INFO", logger="pipeline.writer"):
        assert night(ws, 3) == "copy"
    assert "did not log its event mentions by article" in caplog.text
    assert night(ws, 4) == "standby"


def test_standby_replays_the_word_index_after_duckdb_moved_its_rows_down(ws: Workspace) -> None:
    """The index sort deletes and re-inserts each night's rows; DuckDB vacuums them at some later
    checkpoint (not always the night's own), and the rows after them move down. At these sizes
    DuckDB 2.0 leaves some nights' deleted rows to a later night's checkpoint (seen on night 8)."""
    prepared = []
    for n in range(1, 9):
        with writer(ws) as store:
            start = rows_end(store.con, "search_terms")
            store.con.execute("INSERT INTO search_terms SELECT ?, 't' || (range % 997), 0, 1 FROM range(?)",
                              [n, 1_000_000 if n == 1 else 114_313])
            sort_appended_terms(store.con, start)
            prepared.append(store.prepared)
            if n > 3:
                store.con.execute("ATTACH ? AS published (READ_ONLY)", [str(ws.db)])
                assert store.con.execute("""SELECT count(*) FROM (SELECT * FROM search_terms EXCEPT ALL
                                            SELECT * FROM published.search_terms)""").fetchone()[0] == 114_313
                store.con.execute("DETACH published")
    assert prepared == ["copy"] + ["standby"] * 7

NOTEBOOK = textwrap.dedent("""
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)  # a notebook session keeps its connection for hours
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
    sys.stdin.readline()
    print(con.execute("SELECT count(*) FROM articles").fetchone()[0], flush=True)
""")


def test_standby_still_read_by_a_notebook_falls_back_to_a_copy(ws: Workspace) -> None:
    night(ws, 1)
    notebook = subprocess.Popen([sys.executable, "-c", NOTEBOOK, str(ws.db)], stdin=subprocess.PIPE,
                                stdout=subprocess.PIPE, text=True)
    try:
        assert notebook.stdout.readline().strip() == "6"
        assert night(ws, 2) == "standby"  # the file published before the one the notebook reads
        assert night(ws, 3) == "copy"  # the notebook's file is now the standby: copied instead
        notebook.stdin.write("\n")
        notebook.stdin.flush()
        assert notebook.stdout.readline().strip() == "6"  # and the notebook read on, undisturbed
    finally:
        notebook.kill()
        notebook.wait()
    assert night(ws, 4) == "standby"
    assert count(ws) == 1 + added(1, 2, 3, 4)


def test_standby_not_used_after_a_full_rewrite_for_another_database_or_for_the_published_inode(
        ws: Workspace, tmp_path: Path) -> None:
    night(ws, 1)
    with writer(ws) as store:
        store.clear_extractions()  # extract --all: every article rewritten
    assert night(ws, 2) == "copy"
    assert night(ws, 3) == "standby"
    other = Workspace.for_db(tmp_path / "other" / "db.duckdb")  # a backup of another database restored over it
    for n in (1, 2):
        night(other, n)
    shutil.copy2(other.db, ws.db)
    assert night(ws, 4) == "copy"
    os.link(ws.db, ws.db.with_name("same-inode.duckdb"))
    os.replace(ws.db.with_name("same-inode.duckdb"), ws.standby_db)  # a publish stopped after linking
    assert night(ws, 5) == "copy"
    assert count(ws) == added(1, 2) + added(4, 5)  # the restored database, then nights 4 and 5


@pytest.mark.parametrize("holes", [0, 7, 300])
def test_the_first_appended_row_is_found_past_rows_deleted_but_not_vacuumed(tmp_path: Path, holes: int) -> None:
    """The standby holds 5,000 rows, the published file those and 1,000 appended after deletions that left gaps (a
    night's index sort deletes rows; DuckDB vacuums them later): the first appended rowid is the 1,000th largest."""
    for name, appended in (("standby", 0), ("published", 1000)):
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"))
        con.execute("CREATE TABLE t (x INTEGER)")
        con.execute("INSERT INTO t SELECT range FROM range(5000)")
        if appended:
            con.execute("INSERT INTO t SELECT range FROM range(?)", [holes])  # rows the night deletes again
            con.execute("DELETE FROM t WHERE rowid >= 5000")
            con.execute("INSERT INTO t SELECT range FROM range(?)", [appended])
        con.close()
    con = duckdb.connect(str(tmp_path / "standby.duckdb"))
    con.execute(f"ATTACH '{tmp_path / 'published.duckdb'}' AS published (READ_ONLY)")
    expected = con.execute("SELECT min(r) FROM (SELECT rowid AS r FROM published.t ORDER BY r DESC LIMIT 1000)").fetchone()[0]
    assert writer_module._appended_from(con, "t") == expected
    con.close()
