"""One bad article never stops a run: it is quarantined and the others are extracted.

The poison (tests/poison.py) makes underthesea's Rust featurizer panic for real, or kills
the worker process analysing the article.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from core.config import TESTS_GOLD_DIR, Workspace
from core.records import Extraction, Source
from pipeline import extraction
from pipeline.extraction import extract_pending
from pipeline.importer import import_files
from pipeline.quarantine import Failure
from pipeline.writer import writer
from tests.poison import poisoned_nlp

DOCS = sorted((TESTS_GOLD_DIR / "own").glob("*.txt"))[:6]
POISON_DOC = DOCS[2]


def first_line(path: Path) -> str:
    return next(line for line in path.read_text(encoding="utf-8").splitlines() if line.strip())


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.for_db(tmp_path / "q.duckdb")
    with writer(ws) as store:
        store.upsert_sources([Source("t", "test", "import")])
        store.add_articles([r.article for r in import_files(DOCS, source="t")])
    return ws


def quarantined(store) -> list[tuple]:
    return store.con.execute(
        "SELECT a.url, q.stage, q.error, q.extractor_version, q.attempts FROM quarantine q JOIN articles a USING (article_id)"
    ).fetchall()


def extracted_urls(store) -> set[str]:
    return {r[0] for r in store.con.execute("SELECT url FROM articles WHERE extracted_with IS NOT NULL").fetchall()}


@pytest.fixture(scope="module")
def panicking_nlp():
    return poisoned_nlp(first_line(POISON_DOC), "panic")


def test_a_panicking_article_is_quarantined_and_the_others_extracted(ws: Workspace, panicking_nlp) -> None:
    with writer(ws) as store:
        stats = extract_pending(store, nlp=panicking_nlp, batch_size=2)
        assert (stats.articles, stats.quarantined) == (len(DOCS) - 1, 1)
        [(url, stage, error, version, attempts)] = quarantined(store)
        assert url.endswith(POISON_DOC.name)
        assert stage == "test_poison" and error.startswith("PanicException: ") and attempts == 1
        assert version == stats.version
        assert extracted_urls(store) == {p.resolve().as_uri() for p in DOCS if p != POISON_DOC}

        # Not tried again while the extractor version is the same.
        again = extract_pending(store, nlp=panicking_nlp)
        assert (again.articles, again.quarantined) == (0, 0)
        assert quarantined(store)[0][4] == 1


def test_a_quarantined_article_is_retried_when_the_extractors_change(ws: Workspace, panicking_nlp,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    with writer(ws) as store:
        extract_pending(store, nlp=panicking_nlp)
        monkeypatch.setattr(extraction, "extractor_version", lambda: "9.9.9+changed")
        still_bad = extract_pending(store, nlp=panicking_nlp)
        assert (still_bad.articles, still_bad.quarantined) == (len(DOCS) - 1, 1)
        assert quarantined(store)[0][3:] == ("9.9.9+changed", 2)
        monkeypatch.setattr(extraction, "extractor_version", lambda: "9.9.10+fixed")
        fixed = extract_pending(store, nlp=poisoned_nlp("a phrase in no article"))
        assert (fixed.articles, fixed.quarantined) == (len(DOCS), 0)
        assert quarantined(store) == []


def test_a_worker_that_dies_is_quarantined_and_the_run_goes_on(ws: Workspace) -> None:
    with writer(ws) as store:
        stats = extract_pending(store, nlp=poisoned_nlp(first_line(POISON_DOC), "die"), workers=2)
        assert (stats.articles, stats.quarantined) == (len(DOCS) - 1, 1)
        [(url, stage, error, _, _)] = quarantined(store)
        assert url.endswith(POISON_DOC.name)
        assert (stage, error) == ("worker", "worker process killed by SIGKILL")
        assert extracted_urls(store) == {p.resolve().as_uri() for p in DOCS if p != POISON_DOC}


def test_an_article_whose_rows_cannot_be_written_is_quarantined(ws: Workspace) -> None:
    with writer(ws) as store:
        good, bad = [r[0] for r in store.con.execute("SELECT article_id FROM articles LIMIT 2").fetchall()]
        batch = [Extraction(good, "v", {"units": [{"name": "Công đoàn X", "start_char": 0, "end_char": 3}]}),
                 Extraction(bad, "v", {"units": [{"name": "Công đoàn Y", "start_char": "not a number"}]})]
        failures: list[Failure] = []
        assert extraction.store_batch(store, batch, failures, "v") == (1, 1)
        assert store.con.execute("SELECT article_id FROM units").fetchall() == [(good,)]
        [(_, stage, error, _, _)] = quarantined(store)
        assert stage == "store" and "not a number" in error


# -- the nightly run, killed with a poison article in its working copy, then run again --------

POISON_SITES = ("sample-laodong", "sample-nld")
POISON_TITLE = "Tổng LĐLĐ Việt Nam khen thưởng 95 tập thể"


def _run_args(db: Path, origins) -> list[str]:
    out = ["run", "--db", str(db)]
    for source in POISON_SITES:
        out += ["--site", source, "--origin", f"{source}={origins[source]}"]
    return out


@pytest.mark.slow
def test_killed_run_with_a_poison_article_then_runs_complete_and_publish(tmp_path: Path) -> None:
    import os
    import signal
    import subprocess
    import time

    import duckdb

    from crawl.registry import load_registry
    from extract import extractor_version
    from tests.poison import MODE_ENV, PHRASE_ENV, POISONED_CLI, STALL_MARK_ENV

    registry = load_registry()
    sites = [registry[s] for s in POISON_SITES]
    db = tmp_path / "poison.duckdb"
    env = {**os.environ, PHRASE_ENV: POISON_TITLE, MODE_ENV: "panic", "COLUMNS": "200"}

    def cli(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([*POISONED_CLI, *args], capture_output=True, text=True, env=env, timeout=600)

    from crawl.sample_server import serve_sites
    with serve_sites(sites, delay=0.02) as origins:
        # the first run hangs on the poison article and says so in a file: it is killed there, in
        # the middle of its extraction, however fast or loaded the machine; the later runs meet
        # the featurizer's panic
        mark = tmp_path / "stalled"
        victim = subprocess.Popen([*POISONED_CLI, *_run_args(db, origins)],
                                  env={**env, MODE_ENV: "stall", STALL_MARK_ENV: str(mark)},
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 300
        while not mark.exists():
            assert time.monotonic() < deadline and victim.poll() is None, "the run ended before it could be killed"
            time.sleep(0.05)
        os.kill(victim.pid, signal.SIGKILL)
        victim.wait()
        assert not db.exists(), "the killed run published"

        second = cli(*_run_args(db, origins))
        assert second.returncode == 0, second.stderr
        assert "1 article(s) could not be processed" in second.stderr
        con = duckdb.connect(str(db), read_only=True)
        stored = con.execute("SELECT count(*) FROM articles").fetchone()[0]
        poison = con.execute("SELECT url, stage FROM quarantine JOIN articles USING (article_id)").fetchall()
        extracted = con.execute("SELECT count(*) FROM articles WHERE extracted_with = ?", [extractor_version()]).fetchone()[0]
        runs = dict(con.execute("SELECT status, count(*) FROM crawl_runs GROUP BY ALL").fetchall())
        con.close()
        assert len(poison) == 1 and poison[0][1] == "test_poison" and "khen-thuong-95-tap-the" in poison[0][0]
        assert stored >= 8 and extracted == stored - 1
        assert runs == {"ok": 2}  # the first run's crawl had finished; only its extraction was killed

        published = db.stat().st_mtime_ns
        third = cli(*_run_args(db, origins))
        assert third.returncode == 0, third.stderr
        assert "could not be processed" not in third.stderr  # not tried again by the same extractors
        assert db.stat().st_mtime_ns != published
        listed = cli("quarantine", "--db", str(db))
    assert listed.returncode == 0
    assert "1 article(s) set aside" in listed.stdout and "test_poison" in listed.stdout and "PanicExcep" in listed.stdout
