"""The web server's shared readers at exit: the idle timer is a daemon thread, and a thread that
comes back into Python from DuckDB while the interpreter finalizes aborts the whole process
(a CI run once ended that way after every test had passed)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import duckdb

# The timer fires while the process exits and its close takes a while inside DuckDB (a large file's
# instance does): the exit must wait for it, then end cleanly.
SCRIPT = """
import sys, time
from pathlib import Path
import duckdb
from pipeline.web import readers

readers.READER_IDLE_SECONDS = 0.05
db = Path(sys.argv[1])
with readers.connect(db) as con:
    con.execute("SELECT 1").fetchall()
reader = readers._readers[db]
close = reader.store.close

def slow_close():
    deadline = time.monotonic() + 1.0
    while time.monotonic() < deadline:
        other = duckdb.connect(":memory:")
        other.execute("SELECT count(*) FROM range(20000)").fetchall()
        other.close()
    close()
    print("closed", flush=True)

reader.store.close = slow_close
time.sleep(0.3)
"""


def test_exit_waits_for_the_idle_timer_closing_a_reader(tmp_path: Path) -> None:
    db = tmp_path / "congdoan.duckdb"
    duckdb.connect(str(db)).close()
    runs = [subprocess.run([sys.executable, "-c", SCRIPT, str(db)], capture_output=True, text=True, timeout=60,
                           cwd=Path(__file__).parents[1]) for _ in range(3)]
    for run in runs:
        assert run.returncode == 0, run.stderr[-500:]
        assert run.stdout.strip() == "closed"
