"""Honest failures: a full disk, a read-only folder, a FIFO, a folder or a file that is too large
each get one line and exit 1, and change nothing; an import with no success writes nothing.

The full disk and the read-only folder are real: a small tmpfs mounted for the test (skipped
where mounting is not permitted). Any writer must pass these tests: when copying the published
file fails, no partial working copy is left beside it.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from core.config import MAX_PAGE_BYTES, ROOT, Workspace
from core.records import Source
from pipeline.importer import import_files
from pipeline.writer import writer
from tests.conftest import run_cli

DUMP = ROOT / "tests" / "fixtures" / "dumps" / "portal_counters.txt"
DOCS = sorted((ROOT / "tests" / "gold" / "own").glob("*.txt"))


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line_error(result: subprocess.CompletedProcess, *needles: str) -> None:
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert result.returncode == 1, (result.returncode, result.stderr)
    assert len(lines) == 1 and lines[0].startswith("error: "), result.stderr
    assert "Traceback" not in result.stderr and "Logging error" not in result.stderr
    for needle in needles:
        assert needle in lines[0], lines[0]


def make_db(path: Path, docs: list[Path] = DOCS[:20]) -> Path:
    with writer(Workspace.for_db(path)) as store:
        store.upsert_sources([Source("t", "test", "import")])
        store.add_articles([r.article for r in import_files(docs, source="t") if r.ok])
    return path


@pytest.fixture()
def mount(tmp_path: Path) -> Iterator:
    """Mount a tmpfs of a given size under tmp_path; unmounted afterwards."""
    mounted: list[Path] = []

    def do(name: str, size: int) -> Path:
        point = tmp_path / name
        point.mkdir()
        done = subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(point)],
                              capture_output=True, text=True)
        if done.returncode != 0:
            pytest.skip(f"cannot mount a tmpfs here: {done.stderr.strip()}")
        mounted.append(point)
        return point

    yield do
    for point in mounted:
        subprocess.run(["umount", "-l", str(point)], check=False)


def test_a_full_disk_gets_one_line_and_leaves_no_partial_working_copy(tmp_path: Path, mount) -> None:
    source = make_db(tmp_path / "src.duckdb")
    size = source.stat().st_size
    disk = mount("disk", size + size // 3 + 64 * 1024)  # room for the database, not for a copy of it
    db = disk / "congdoan.duckdb"
    shutil.copy2(source, db)
    before = digest(db)
    for command in (["extract"], ["import", str(DUMP)]):
        result = run_cli(*command, "--db", str(db), check=False)
        one_line_error(result, "No space left on device")
        assert digest(db) == before
        leftovers = sorted(p.name for p in disk.iterdir() if p.name.startswith("congdoan.work"))
        assert leftovers == [], leftovers


def test_a_read_only_folder_gets_one_line_and_changes_nothing(tmp_path: Path, mount) -> None:
    folder = mount("ro", 64 * 1024 * 1024)
    db = folder / "congdoan.duckdb"
    make_db(db)
    subprocess.run(["mount", "-o", "remount,ro", str(folder)], check=True)
    before = digest(db)
    for command in (["extract"], ["import", str(DUMP)], ["run", "--site", "sample-nld"]):
        one_line_error(run_cli(*command, "--db", str(db), check=False), "Read-only file system")
    assert digest(db) == before


def test_a_fifo_is_skipped_with_one_line_and_no_database(tmp_path: Path) -> None:
    fifo = tmp_path / "page.html"
    os.mkfifo(fifo)
    db = tmp_path / "f.duckdb"
    result = run_cli("import", str(fifo), "--db", str(db), check=False, timeout=120)
    assert result.returncode == 1 and "not a regular file" in result.stderr
    assert not db.exists()


def test_a_file_over_the_page_cap_is_refused(tmp_path: Path) -> None:
    big = tmp_path / "huge.html"
    with big.open("wb") as out:
        out.write(b"<html><body>" + b"<p>x</p>" * (MAX_PAGE_BYTES // 8) + b"</body></html>")
    result = run_cli("import", str(big), "--db", str(tmp_path / "b.duckdb"), check=False)
    assert result.returncode == 1 and "too_large" in result.stderr and "MiB" in result.stderr
    assert not (tmp_path / "b.duckdb").exists()


def test_a_folder_as_database_gets_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "not-a-file.duckdb"
    folder.mkdir()
    one_line_error(run_cli("extract", "--db", str(folder), check=False), "Is a directory")


def test_an_import_with_no_success_changes_nothing(tmp_path: Path) -> None:
    db = make_db(tmp_path / "n.duckdb", DOCS[:2])
    before = (digest(db), db.stat().st_mtime_ns)
    empty = tmp_path / "empty.txt"
    empty.write_text("")
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_cli("import", str(empty), str(binary), "--db", str(db), "--source", "new-source", check=False)
    assert result.returncode == 1 and "Stored 0 article(s)" in result.stdout
    assert (digest(db), db.stat().st_mtime_ns) == before
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*) FROM sources WHERE source = 'new-source'").fetchone()[0] == 0
    fresh = tmp_path / "fresh.duckdb"
    assert run_cli("import", str(empty), "--db", str(fresh), check=False).returncode == 1
    assert not fresh.exists()


def test_a_killed_runs_row_is_closed_by_the_next_run_with_the_articles_it_stored(tmp_path: Path) -> None:
    from datetime import timedelta

    from core.records import Article, utcnow

    with writer(Workspace.for_db(tmp_path / "k.duckdb")) as store:
        store.upsert_sources([Source("s", "site", "newspaper")])
        start = utcnow() - timedelta(hours=2)

        def crawled(n: int, minutes: int, raw: bool = True) -> Article:
            return Article(f"https://s.example.vn/{n}", "s", f"Tin {n}", f"Nội dung bài số {n}.",
                           fetched_at=start + timedelta(minutes=minutes), raw_path=f"s/{n}.html.gz" if raw else None)

        store.con.execute("INSERT INTO crawl_runs (run_id, command, started_at, status) VALUES "
                          "('killed-1', 'run', ?, 'running'), ('ok-2', 'run', ?, 'ok'), ('killed-3', 'run', ?, 'running')",
                          [start, start + timedelta(minutes=30), start + timedelta(minutes=60)])
        store.add_articles([crawled(1, 1), crawled(2, 5), crawled(3, 10, raw=False),  # 3: an import meanwhile
                            crawled(4, 31), crawled(5, 61), crawled(6, 62)])
        assert store.close_killed_runs() == 2
        rows = store.con.execute("SELECT run_id, status, articles_new, finished_at IS NOT NULL FROM crawl_runs "
                                 "ORDER BY run_id").fetchall()
        assert store.close_killed_runs() == 0
    assert rows == [("killed-1", "killed", 2, True), ("killed-3", "killed", 2, True), ("ok-2", "ok", None, False)]
