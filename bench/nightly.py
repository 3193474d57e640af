"""Archive scale: a nightly run on a 10,000- and a 1,000,000-article database, step by step.

    .venv/bin/python bench/nightly.py ARTICLES [--new 500]     # prints one JSON line
    .venv/bin/python bench/nightly.py --memory COPY.duckdb     # step 5 alone, on a copy it clears
    .venv/bin/python bench/nightly.py --memory COPY.duckdb --with-index   # ... and the final index sort

The database is the generated one (``generate_db.cached_database``), copied into a
fresh workspace. Then, each in its own process (Scrapy's reactor starts once per
process), as ``congdoan run`` does with politeness off:

1. an empty run: the first writer on the copy has no standby, so it copies the
   file (this also gives the database its lineage);
2. **copy**: a nightly run that crawls ``--new`` new articles of a generated site
   (source ``nguon-0``, one of the database's largest) and extracts them; its
   standby, the file from before step 1, has no lineage, so the writer copies the
   whole published file, as every run did before;
3. **standby**: the same with ``--new`` other articles, prepared from the standby;
   **standby again**: once more. Step 3's standby is step 1's file, made just
   after the version stamp (an UPDATE of every article); this one's is step 2's,
   a night's file like any later one's: the steady state, which the goal is
   judged on. Two standby nights in a row also take the replay across a night
   whose index sort left rows for a later checkpoint to move;
4. a run that re-extracts 20 stored articles (the DELETE of their old rows), then
   an empty run that replays that onto its standby;
5. ``extract --all`` memory: every extraction row cleared, then every pending
   article read page by page as the extraction does, peak memory recorded; then
   the same under a DuckDB ``memory_limit`` of ``LOW_MEMORY_LIMIT``. What grows while
   reading is DuckDB's block cache, which fills up to its limit on any database
   larger than the limit (measured at a million articles: 290 MB before reading, then
   766 MB with 512 MB, 515 MB with 256 MB, 385 MB with 128 MB; reading took 29 s each time).

Each step reports its seconds: working-copy preparation, known-URL loading, crawl,
NLP extraction, index sort, checkpoint and publish.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH_DIR.parent))

SOURCE = "nguon-0"
REEXTRACTED = 20
MEMORY_LIMIT_VAR = "CONGDOAN_DUCKDB_MEMORY_LIMIT"  # core.config.DUCKDB_MEMORY_LIMIT_VAR
LOW_MEMORY_LIMIT = "128MB"  # step 5 again under this DuckDB limit: the peak follows the limit, not the archive


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def _site(root: Path, first: int, articles: int) -> Path:
    """A generated site of new articles numbered from ``first``, registered under the database's SOURCE."""
    from generate_site import generate_site

    generate_site(root, articles, seed=first, first=first, source=SOURCE)
    return root / "sites" / f"{SOURCE}.toml"


def run_child(db: Path, entry: str | None, reextract: int) -> dict[str, Any]:
    """One writer run, timed step by step; the crawl (when ``entry``) serves the site on loopback."""
    import pipeline.extraction as extraction
    from core.config import Workspace
    from crawl.registry import parse_site
    from crawl.sample_server import SampleServer
    from pipeline.jobs import crawl_into
    from pipeline.writer import writer

    ws = Workspace.for_db(db)
    steps: dict[str, float] = {}
    finish_index = extraction.finish_index

    def timed_finish(*args: Any) -> None:
        start = time.perf_counter()
        finish_index(*args)
        steps["index sort"] = time.perf_counter() - start

    extraction.finish_index = timed_finish
    start = time.perf_counter()
    with writer(ws) as store:
        steps["prepare"] = time.perf_counter() - start
        prepared = store.prepared
        mark = time.perf_counter()
        known = len(store.known_urls(SOURCE))
        steps["known URLs"] = time.perf_counter() - mark
        if entry:
            site = parse_site(Path(entry))
            with SampleServer(Path(entry).parent.parent / "site") as server:
                mark = time.perf_counter()
                crawl_into(store, ws, [site], command="bench", origins={site.source: server.origin}, polite=False)
                steps["crawl"] = time.perf_counter() - mark
        if reextract:
            ids = [r[0] for r in store.con.execute(
                "SELECT article_id FROM articles WHERE extracted_with IS NOT NULL ORDER BY hash(article_id) LIMIT ?",
                [reextract]).fetchall()]
            store.con.execute("UPDATE articles SET extracted_with = 'stale' WHERE article_id IN ?", [ids])
            store.log_rewrite("articles", ids, deleted=False)
        mark = time.perf_counter()
        stats = extraction.extract_pending(store)
        steps["extract"] = time.perf_counter() - mark - steps.get("index sort", 0.0)
        mark = time.perf_counter()
    steps["checkpoint + publish"] = time.perf_counter() - mark
    total = time.perf_counter() - start
    return {"prepared": prepared, "steps": steps, "total_s": total, "extracted": stats.articles,
            "known_urls": known, "peak_mb": peak_mb()}


def _dir_mb(path: Path) -> float:
    return sum(f.stat().st_size for f in path.rglob("*") if f.is_file()) / 2**20 if path.is_dir() else 0.0


def memory_child(db: Path, with_index: bool = False) -> dict[str, Any]:
    """``extract --all`` without the NLP: clear every extraction row, then read every pending page.

    ``with_index``: the whole job but the NLP. The word index is kept (it stands for the rows
    the extraction appends), every other extraction row cleared, every page read, then the
    index sorted as ``extract --all`` ends (``compact_index``); the peak of the temporary
    directory is sampled every 0.2 s.
    """
    import threading

    from extract import extractor_version
    from pipeline.extraction import pending_pages
    from pipeline.search import compact_index
    from pipeline.store import DERIVED_TABLES, EXTRACTION_TABLES, Store

    store = Store.open(db)
    start = time.perf_counter()
    if with_index:
        store.con.execute("BEGIN TRANSACTION")
        for table in (*EXTRACTION_TABLES, *DERIVED_TABLES):
            if table != "search_terms":
                store.con.execute(f"DELETE FROM {table}")
        store.con.execute("UPDATE articles SET extracted_with = NULL")
        store.con.execute("COMMIT")
    else:
        store.clear_extractions()
    cleared = time.perf_counter() - start
    before = peak_mb()
    articles = pages = 0
    start = time.perf_counter()
    for page in pending_pages(store, extractor_version()):
        articles += len(page)
        pages += 1
    read = time.perf_counter() - start
    limit = store.con.execute("SELECT current_setting('memory_limit')").fetchone()[0]
    result = {"clear_s": cleared, "read_s": read, "articles": articles, "pages": pages,
              "peak_mb_before_reading": before, "peak_mb": peak_mb(), "duckdb_memory_limit": limit}
    if with_index:
        temp = Path(store.con.execute("SELECT current_setting('temp_directory')").fetchone()[0] or f"{db}.tmp")
        temp_peak = [0.0]
        done = threading.Event()

        def watch() -> None:
            while not done.wait(0.2):
                temp_peak[0] = max(temp_peak[0], _dir_mb(temp))

        watcher = threading.Thread(target=watch, daemon=True)
        watcher.start()
        result["index_rows"] = store.con.execute("SELECT count(*) FROM search_terms").fetchone()[0]
        result["peak_mb_before_sort"] = peak_mb()
        cpu = time.process_time()
        start = time.perf_counter()
        compact_index(store.con)
        result["sort_s"] = time.perf_counter() - start
        result["sort_cpu_s"] = time.process_time() - cpu
        done.set()
        watcher.join()
        result.update(peak_mb=peak_mb(), temp_peak_mb=temp_peak[0], temp_dir=str(temp),
                      db_mb_after=db.stat().st_size / 2**20)
    print(json.dumps(result), flush=True)
    os._exit(0)  # no checkpoint: this copy is thrown away


def _current_version(db: Path) -> None:
    """Stamp the generated rows with the current extractor version: a nightly run then extracts only new articles."""
    import duckdb

    from extract import extractor_version

    with duckdb.connect(str(db)) as con:
        con.execute("UPDATE articles SET extracted_with = ?", [extractor_version()])
        con.execute("INSERT OR REPLACE INTO meta VALUES ('extractor_version', ?)", [extractor_version()])


def _child(*args: str, memory_limit: str | None = None) -> dict[str, Any]:
    env = dict(os.environ, **({MEMORY_LIMIT_VAR: memory_limit} if memory_limit else {}))
    done = subprocess.run([sys.executable, __file__, *args], capture_output=True, text=True, timeout=3600, env=env)
    if done.returncode != 0:
        raise RuntimeError(f"nightly child {args[0]} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def nightly(articles: int, new: int) -> dict[str, Any]:
    """Every step of the module docstring on a fresh copy of the generated database."""
    from generate_db import cached_database

    source = cached_database(articles)
    work = Path(tempfile.mkdtemp(prefix=f"congdoan-nightly-{articles}-", dir=BENCH_DIR / "out"))
    try:
        db = work / "congdoan.duckdb"
        start = time.perf_counter()
        shutil.copyfile(source, db)
        result: dict[str, Any] = {"articles": articles, "new": new, "db_bytes": db.stat().st_size,
                                  "setup_copy_s": time.perf_counter() - start}
        _current_version(db)
        result["empty"] = _child("--run", str(db), "-", "0")
        for label, first in (("copy", 1_000_000), ("standby", 2_000_000), ("standby again", 3_000_000)):
            result[label] = _child("--run", str(db), str(_site(work / label, first, new)), "0")
        result["reextract"] = _child("--run", str(db), "-", str(REEXTRACTED))
        result["after_reextract"] = _child("--run", str(db), "-", "0")
        result["memory"] = _child("--memory", str(db))
        result["memory, low limit"] = _child("--memory", str(db), memory_limit=LOW_MEMORY_LIMIT)
        return result
    finally:
        shutil.rmtree(work, ignore_errors=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("articles", type=int, nargs="?")
    parser.add_argument("--new", type=int, default=500)
    parser.add_argument("--run", nargs=3, metavar=("DB", "ENTRY", "REEXTRACT"), help=argparse.SUPPRESS)
    parser.add_argument("--memory", metavar="DB", help="only the extract --all memory step, on DB (a copy: its rows are cleared)")
    parser.add_argument("--with-index", action="store_true",
                        help="with --memory: keep the word index and sort it at the end, as extract --all does")
    args = parser.parse_args()
    if args.run:
        db, entry, reextract = args.run
        print(json.dumps(run_child(Path(db), None if entry == "-" else entry, int(reextract))))
    elif args.memory:
        memory_child(Path(args.memory), args.with_index)
    else:
        print(json.dumps(nightly(args.articles, args.new)))


if __name__ == "__main__":
    main()
