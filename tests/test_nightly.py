"""The nightly job as cron runs it: `congdoan run` against sample sites served on 127.0.0.1.

Incremental re-runs, kill -9 in the middle of a run, a reader process querying
throughout a run, and a second concurrent run.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import duckdb
import pytest

from crawl.registry import load_registry
from crawl.sample_server import ServedSites, serve_sites
from tests.conftest import CONGDOAN, run_cli

SAMPLE = [s for s in load_registry().values() if s.kind == "sample"]
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not SAMPLE, reason="no sample sites in data/sites"),
]


def args(origins: ServedSites, sites=SAMPLE) -> list[str]:
    out = []
    for site in sites:
        out += ["--site", site.source, "--origin", f"{site.source}={origins[site.source]}"]
    return out


def requests(origins: ServedSites) -> int:
    return sum(sum(origins.server(s).requests.values()) for s in origins)


def article_requests(origins: ServedSites) -> int:
    by_source = {s.source: s for s in SAMPLE}
    return sum(
        n for source in origins for target, n in origins.server(source).requests.items()
        if by_source[source].is_article_path(target)
    )


def reset(origins: ServedSites) -> None:
    for source in origins:
        origins.server(source).reset_counts()


def snapshot(db: Path) -> dict[str, list[tuple]]:
    """Everything a researcher would compare between two databases, order-independent."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        queries = {
            "articles": "SELECT url, title, published_at, byline, content_hash, extracted_with FROM articles",
            "units": "SELECT article_id, name, level, province, province_now, mentions, start_char FROM units",
            "amounts": "SELECT article_id, text, kind, value, value_max, unit, qualifier, start_char FROM amounts",
            "awards": "SELECT article_id, form, awarder, recipients, recipient_count, occasion, start_char FROM awards",
            "sentences": "SELECT article_id, idx, text FROM sentences",
        }
        return {name: sorted(map(repr, con.execute(sql).fetchall())) for name, sql in queries.items()}
    finally:
        con.close()


def start_run(db: Path, origins: ServedSites) -> subprocess.Popen:
    return subprocess.Popen([*CONGDOAN, "run", "--db", str(db), *args(origins)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def wait_for(condition, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.05)


def test_second_run_fetches_no_article_page(tmp_path: Path) -> None:
    db = tmp_path / "nightly.duckdb"
    with serve_sites(SAMPLE) as origins:
        run_cli("run", "--db", str(db), *args(origins))
        first = article_requests(origins)
        reset(origins)
        second = run_cli("run", "--db", str(db), *args(origins))
        assert first >= 20
        assert article_requests(origins) == 0, "a second run over unchanged sites refetched article pages"
        assert requests(origins) > 0  # it did look at the listings and feeds
    assert "failed" not in second.stderr


@pytest.mark.parametrize("moment", ["crawling", "extracting"])
def test_kill_9_then_rerun_equals_an_uninterrupted_run(tmp_path: Path, moment: str) -> None:
    reference, victim = tmp_path / "reference.duckdb", tmp_path / "victim.duckdb"
    with serve_sites(SAMPLE, delay=0.03) as origins:
        run_cli("run", "--db", str(reference), *args(origins))
        total = requests(origins)
        reset(origins)
        proc = start_run(victim, origins)
        if moment == "crawling":
            wait_for(lambda: requests(origins) >= total // 2)
        else:  # every page fetched: the run is storing, extracting or publishing
            wait_for(lambda: requests(origins) >= total)
            time.sleep(1.0)
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
        proc.wait()
        if victim.exists():  # whatever was published is a valid database
            duckdb.connect(str(victim), read_only=True).close()
        run_cli("run", "--db", str(victim), *args(origins))
    assert snapshot(victim) == snapshot(reference)


# A reader as the web page reads (a short-lived connection per query) or as a notebook does
# (one connection kept open for the whole session, which goes on seeing the file it opened).
READER = textwrap.dedent("""
    import json, os, sys, time, duckdb
    db, stop, style = sys.argv[1], sys.argv[2], sys.argv[3]
    kept = duckdb.connect(db, read_only=True) if style == "notebook" else None
    queries = errors = 0
    seen, messages = set(), []
    while not os.path.exists(stop):
        try:
            con = kept or duckdb.connect(db, read_only=True)
            seen.add(con.execute("SELECT count(*) FROM articles").fetchone()[0])
            con.execute("SELECT count(*) FROM v_highlights").fetchone()
            if kept is None:
                con.close()
            queries += 1
        except Exception as exc:
            errors += 1
            messages.append(repr(exc))
        time.sleep(0.02)
    print(json.dumps({"queries": queries, "errors": errors, "seen": sorted(seen), "messages": messages[:3]}))
""")


def test_readers_never_fail_while_a_run_writes(tmp_path: Path) -> None:
    db, stop = tmp_path / "read.duckdb", tmp_path / "stop"
    first, rest = SAMPLE[:2], SAMPLE[2:]
    with serve_sites(SAMPLE, delay=0.02) as origins:
        run_cli("run", "--db", str(db), *args(origins, first))
        readers = {
            style: subprocess.Popen([sys.executable, "-c", READER, str(db), str(stop), style],
                                    stdout=subprocess.PIPE, text=True)
            for style in ("web", "notebook")
        }
        try:
            time.sleep(0.5)
            run_cli("run", "--db", str(db), *args(origins, first + rest))
            time.sleep(0.5)
        finally:
            stop.touch()
            results = {style: json.loads(r.communicate(timeout=60)[0]) for style, r in readers.items()}
    for style, result in results.items():
        assert result["errors"] == 0, (style, result["messages"])
        assert result["queries"] > 20, style
    assert len(results["web"]["seen"]) >= 2, "short-lived readers never saw the newly published articles"
    assert len(results["notebook"]["seen"]) == 1  # a kept connection reads the file it opened


def test_a_second_concurrent_run_exits_with_the_lock_message(tmp_path: Path) -> None:
    db = tmp_path / "locked.duckdb"
    with serve_sites(SAMPLE, delay=0.05) as origins:
        first = start_run(db, origins)
        try:
            wait_for(lambda: requests(origins) > 0)
            second = run_cli("run", "--db", str(db), *args(origins), check=False)
        finally:
            out, err = first.communicate(timeout=300)
    assert second.returncode == 2
    assert "another congdoan run is writing" in second.stderr
    assert second.stderr.strip().count("\n") == 0
    assert first.returncode == 0, err
