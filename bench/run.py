"""`make bench`: how fast congdoan is and how its cost grows, measured side by side in one run.

    .venv/bin/python bench/run.py [--quick] [--only NAME ...]

Each benchmark runs in its own process (``bench/run.py --one NAME`` prints one
JSON line), so each reports its own peak memory and nothing is shared by
accident; crawls run in further processes of their own, because Scrapy's
reactor starts once per process. The parent prints one table and writes
``bench/out/results.json``, then a second table with each goal of issue 15 and whether this run
met it. ``--quick`` shrinks every size for a smoke test.

Benchmarks (``--only`` takes these names):

* ``bare-nlp``: underthesea's public ``pos_tag`` as users call it, per paragraph and per sentence
  (and per whole article, the old baseline, super-linear in length);
* ``nlp-layers``: congdoan's NLP object alone (``make_doc``, the floor), then with the extractor components;
* ``extract-1``, ``extract-2``: ``pipeline.extraction.extract_pending`` (what ``congdoan extract``
  runs) on a temporary database, with 1 and 2 workers; ``extract-dask``: the same on a local Dask
  cluster of 2 workers (``pipeline.cluster``);
* ``crawl``: a generated site on loopback, crawled alternately by a bare Scrapy spider and by
  ``crawl_sites`` with politeness off (the median of each kept), then once more by ``crawl_sites``
  over an unchanged site (the incremental run);
* ``db``: a generated database (bulk load rows/s, the pipeline's write path, size, copy time);
* ``queries``: latency of the research views and of the web page's queries on that database;
* ``nightly-small``, ``nightly-large``: a nightly run adding new articles to a 10,000- and a
  1,000,000-article database, step by step, with the working copy copied and from the standby
  (``bench/nightly.py``); re-extraction; ``extract --all`` memory;
* ``web-archive``: every page of the web app on the 1,000,000-article database (``bench/web_bench.py``).

The generated databases are built once and cached in ``bench/out/`` (the million takes a while).

Extraction texts are real: the bodies of the bundled sample sites' articles and the seeds of the
shared folder when present, repeated in whole cycles. Results: docs/benchmarks.md and docs/scaling.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from importlib import metadata
from pathlib import Path
from typing import Any

BENCH_DIR = Path(__file__).resolve().parent
OUT_DIR = BENCH_DIR / "out"
CHILD_TIMEOUT = 1200
PACKAGES = ("scrapy", "twisted", "underthesea", "underthesea_core", "spacy", "duckdb", "pyarrow", "pandas")
VIEWS = ("v_awards", "v_money", "v_unit_activity", "v_highlights", "v_current_articles")


@dataclass(frozen=True)
class Sizes:
    extract_articles: int  # at least this many articles, in whole cycles of the corpus, for congdoan's NLP
    bare_cycles: int  # whole cycles of the corpus for the (much slower) bare underthesea baseline
    site_articles: int  # article pages of the generated site
    db_articles: int  # articles of the generated database
    crawl_repeats: int  # alternated runs of the bare spider and the first congdoan crawl
    write_path_articles: int  # articles written through Store.replace_extractions
    row_by_row_rows: int  # rows inserted one by one, for contrast
    query_runs: int  # timed runs per query (after one warm-up)
    archive_small: int  # articles of the smaller database of the nightly-run comparison
    archive_large: int  # articles of the archive-scale database (generated once, cached in bench/out/)
    nightly_new: int  # new articles crawled and extracted by each measured nightly run
    web_runs: int  # timed requests per page of the web app at archive scale


FULL = Sizes(600, 5, 2000, 50_000, 3, 2_000, 2_000, 5, 10_000, 1_000_000, 500, 10)
QUICK = Sizes(40, 1, 200, 5_000, 1, 300, 500, 2, 2_000, 20_000, 20, 3)


def peak_mb(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024


def cpu_seconds() -> float:
    """User + system CPU time of this process so far."""
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


# -- the extraction corpus --------------------------------------------------------------------


def collect_corpus() -> list[dict[str, Any]]:
    """Distinct real article texts: sample-site article bodies, then the shared seeds."""
    from crawl.registry import load_registry
    from crawl.sample_server import sample_root
    from extract.html import parse_html
    from core.config import SAMPLE_SITES_DIR, SHARED_DIR

    texts: dict[str, dict[str, Any]] = {}
    for site in load_registry().values():
        if site.kind != "sample" or not site.sample_dir or not (SAMPLE_SITES_DIR / site.sample_dir).is_dir():
            continue
        root = sample_root(site)
        for path in sorted(p for p in root.rglob("*") if p.is_file()):
            url_path = "/" + path.relative_to(root).as_posix()
            if not site.is_article_path(url_path):
                continue
            page = parse_html(path.read_bytes(), site.base_url + url_path, site)
            if page.ok:
                texts.setdefault(page.body, {"title": page.title, "body": page.body, "source": site.source})
    seeds = SHARED_DIR / "seeds"
    for path in sorted(seeds.glob("*.txt")) if seeds.is_dir() else []:
        body = path.read_text(encoding="utf-8").strip()
        title, _, rest = body.partition("\n")
        texts.setdefault(body, {"title": title.strip(), "body": body, "source": "seed"})
    return list(texts.values())


def repeated(corpus: list[dict[str, Any]], n: int) -> list[dict[str, Any]]:
    """At least ``n`` articles: the corpus repeated in whole cycles, so every benchmark sees the same mix."""
    return corpus * -(-n // len(corpus))


def load_corpus(work: Path) -> list[dict[str, Any]]:
    return json.loads((work / "corpus.json").read_text(encoding="utf-8"))


# -- extraction benchmarks ------------------------------------------------------------------------


def bench_bare_nlp(sizes: Sizes, work: Path) -> dict[str, Any]:
    """underthesea's public ``pos_tag`` as its users call it: per paragraph and per sentence; and per whole
    article, the old baseline, which is super-linear in the text's length. Models loaded before timing."""
    import underthesea
    from underthesea.pipeline.sent_tokenize import sent_tokenize

    start = time.perf_counter()
    underthesea.pos_tag("Công đoàn cơ sở")
    load_s = time.perf_counter() - start
    corpus = load_corpus(work)
    units = {
        "paragraph": lambda text: [p for p in text.split("\n") if p.strip()],
        "sentence": lambda text: [s for p in text.split("\n") if p.strip() for s in sent_tokenize(p)],
        "article": lambda text: [text],
    }
    result: dict[str, Any] = {"load_s": load_s}
    for unit, split in units.items():
        texts = [a["body"] for a in corpus * (sizes.bare_cycles if unit != "article" else 1)]
        tokens = 0
        start = time.perf_counter()
        for text in texts:
            for piece in split(text):
                tokens += len(underthesea.pos_tag(piece))
        seconds = time.perf_counter() - start
        result[unit] = {"articles": len(texts), "tokens": tokens, "seconds": seconds,
                        "articles_per_s": len(texts) / seconds, "tokens_per_s": tokens / seconds}
    return result


def bench_nlp_layers(sizes: Sizes, work: Path) -> dict[str, Any]:
    """congdoan's NLP object without the extractors, then with them: where extraction time goes."""
    from extract.nlp import SPACE_TAG, ArticleContext, VietnameseNLP
    from pipeline.extraction import TITLE_SEPARATOR

    texts = repeated(load_corpus(work), sizes.extract_articles)
    result: dict[str, Any] = {"articles": len(texts)}
    for label, components in (("make_doc", ()), ("components", None)):
        start = time.perf_counter()
        nlp = VietnameseNLP() if components is None else VietnameseNLP(components=components)
        load_s = time.perf_counter() - start
        tokens = 0
        start = time.perf_counter()
        for article in texts:
            context = ArticleContext(source=article["source"], title=article["title"])
            text = article["title"] + TITLE_SEPARATOR + article["body"]  # what extract analyses
            doc = nlp.make_doc(text, context) if components is not None else nlp(text, context)
            body = len(article["title"]) + len(TITLE_SEPARATOR)
            tokens += sum(1 for t in doc if t.tag_ != SPACE_TAG and not t.is_space and t.idx >= body)
        seconds = time.perf_counter() - start
        result[label] = {"seconds": seconds, "load_s": load_s, "tokens": tokens,
                         "articles_per_s": len(texts) / seconds, "tokens_per_s": tokens / seconds}
    return result


def _articles_table(store: Any, articles: list[dict[str, Any]]) -> Any:
    """The articles as one Arrow table of the ``articles`` schema, each with its own URL and hash."""
    import pyarrow as pa

    from core.records import Article

    now = datetime.now(timezone.utc).replace(tzinfo=None)
    rows = []
    for i, a in enumerate(articles):
        row = Article(url=f"https://bench.example.vn/bai/{i}", source=a["source"], title=a["title"],
                      body=a["body"], fetched_at=now).row()
        row["content_hash"] = f"{row['content_hash']}-{i}"  # copies of a text stay distinct articles
        rows.append(row)
    schema = store.con.sql("SELECT * FROM articles LIMIT 0").to_arrow_table().schema
    return pa.Table.from_pylist(rows, schema=schema)


def bench_extract(sizes: Sizes, work: Path, workers: int, engine: str = "local") -> dict[str, Any]:
    """``extract_pending`` on a fresh database of the corpus, as ``congdoan extract --workers N`` runs it
    (or ``--engine dask``: a local Dask cluster of ``workers`` processes, started in the run)."""
    from pipeline.extraction import extract_pending
    from core.records import Source
    from pipeline.store import Store

    articles = repeated(load_corpus(work), sizes.extract_articles)
    db = work / f"extract-{engine}-{workers}.duckdb"
    store = Store.open(db)
    store.upsert_sources([Source(source=s, name=s, kind="sample") for s in sorted({a["source"] for a in articles})])
    store.con.from_arrow(_articles_table(store, articles)).insert_into("articles")
    marks: list[tuple[float, int]] = []
    start = time.perf_counter()
    mark = lambda done, total: marks.append((time.perf_counter(), done))  # noqa: E731
    if engine == "dask":
        from pipeline.cluster import extract_on_cluster

        stats = extract_on_cluster(store, work / "staging", workers=workers, on_progress=mark)
    else:
        stats = extract_pending(store, workers=workers, on_progress=mark)
    seconds = time.perf_counter() - start
    store.con.execute("CHECKPOINT")
    tokens = store.con.execute("SELECT coalesce(sum(len(words)), 0) FROM sentences").fetchone()[0]
    rows = store.counts()
    store.close()
    # Steady state: from the first written batch (models loaded, pool warm) to the last.
    batches = [(t, d) for t, d in marks if d > 0]
    steady = None
    if len(batches) >= 2 and batches[-1][0] > batches[0][0]:
        steady = (batches[-1][1] - batches[0][1]) / (batches[-1][0] - batches[0][0])
    return {"articles": stats.articles, "workers": workers, "seconds": seconds, "tokens": tokens,
            "articles_per_s": stats.articles / seconds, "tokens_per_s": tokens / seconds,
            "steady_articles_per_s": steady, "first_batch_s": batches[0][0] - start if batches else None,
            "rows": rows, "db_bytes": db.stat().st_size, "workers_peak_mb": peak_mb(resource.RUSAGE_CHILDREN)}


# -- crawl ------------------------------------------------------------------------------------------


def run_child(command: list[str], timeout: float = CHILD_TIMEOUT) -> subprocess.CompletedProcess[str]:
    """``command`` in a session of its own; past ``timeout`` it is killed with every process it started (a
    benchmark's own children, such as the nightly runs, would otherwise go on loading the machine), then
    ``subprocess.TimeoutExpired`` is raised."""
    with subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                          start_new_session=True) as child:
        try:
            out, err = child.communicate(timeout=timeout)
        except subprocess.TimeoutExpired:
            os.killpg(child.pid, signal.SIGKILL)
            child.communicate()
            raise
    return subprocess.CompletedProcess(command, child.returncode, out, err)


def _child_json(command: list[str]) -> dict[str, Any]:
    done = run_child(command)
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(command[1:3])} failed ({done.returncode}):\n{done.stderr[-3000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def crawl_child(entry: Path, origin: str, db: Path, run_id: str) -> None:
    """One ``crawl_sites`` run, politeness off; prints seconds, the site's row and peak memory."""
    from crawl.registry import parse_site
    from core.config import Workspace
    from pipeline.crawling import crawl_sites
    from pipeline.store import Store

    site = parse_site(entry)
    store = Store.open(db)
    start = time.perf_counter()
    rows = crawl_sites(store, Workspace.for_db(db), [site], run_id=run_id, origins={site.source: origin}, polite=False)
    seconds = time.perf_counter() - start
    store.close()
    print(json.dumps({"seconds": seconds, "row": rows[0], "peak_mb": peak_mb(), "cpu_s": cpu_seconds()}))


def bench_crawl(sizes: Sizes, work: Path) -> dict[str, Any]:
    """Bare spider and first congdoan crawl, alternated ``crawl_repeats`` times against one server
    (the median run of each is kept: the machine may be shared), then a second, incremental
    congdoan crawl over the last first crawl's database."""
    from crawl.sample_server import SampleServer
    from generate_site import generate_site

    root = work / "crawl"
    site = generate_site(root, sizes.site_articles)
    entry = root / "sites" / f"{site.source}.toml"

    def kind_of(target: str) -> str:
        path = target.split("?")[0]
        if path == "/robots.txt":
            return "robots"
        return "article" if site.is_article_path(path) else "listing"

    def measured(server: SampleServer, command: list[str]) -> dict[str, Any]:
        server.reset_counts()
        cpu = resource.getrusage(resource.RUSAGE_SELF)
        out = _child_json(command)
        after = resource.getrusage(resource.RUSAGE_SELF)
        requests: dict[str, int] = {}
        for target, n in server.requests.items():
            requests[kind_of(target)] = requests.get(kind_of(target), 0) + n
        total = sum(requests.values())
        return dict(out, requests=requests, statuses={str(k): v for k, v in server.statuses.items()},
                    total_requests=total, pages_per_s=total / out["seconds"],
                    server_cpu_s=(after.ru_utime + after.ru_stime) - (cpu.ru_utime + cpu.ru_stime))

    result: dict[str, Any] = {"site_articles": sizes.site_articles,
                              "site_pages": sum(1 for p in (root / "site").rglob("*.html"))}
    samples: dict[str, list[dict[str, Any]]] = {"bare": [], "first": []}
    with SampleServer(root / "site") as server:
        for i in range(sizes.crawl_repeats):
            db = root / f"run-{i}" / "crawl.duckdb"
            db.parent.mkdir(parents=True)
            samples["bare"].append(
                measured(server, [sys.executable, str(BENCH_DIR / "bare_spider.py"), str(entry), server.origin]))
            samples["first"].append(measured(
                server, [sys.executable, __file__, "--crawl-child", str(entry), server.origin, str(db), "first"]))
        result["second"] = measured(
            server, [sys.executable, __file__, "--crawl-child", str(entry), server.origin, str(db), "second"])
    for label, runs in samples.items():
        ranked = sorted(runs, key=lambda run: run["pages_per_s"])
        result[label] = dict(ranked[(len(ranked) - 1) // 2], all_pages_per_s=[run["pages_per_s"] for run in runs])
    return result


# -- database ---------------------------------------------------------------------------------------


def _timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def _extractions_of(tables: dict[str, Any], ids: list[int]) -> list[Any]:
    """Extraction records of these articles, rebuilt from Arrow tables (as extract_pending hands them over)."""
    import pyarrow as pa
    import pyarrow.compute as pc

    from core.records import Extraction

    by_article: dict[int, dict[str, list[dict[str, Any]]]] = {i: {} for i in ids}
    wanted = pa.array(ids, type=pa.int64())
    for table, arrow in tables.items():
        for row in arrow.filter(pc.is_in(arrow["article_id"], value_set=wanted)).to_pylist():
            by_article[row.pop("article_id")].setdefault(table, []).append(row)
    return [Extraction(article_id=i, version="bench", tables=t) for i, t in by_article.items()]


def _write_path(store: Any, extractions: list[Any], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(extractions), batch):
        store.replace_extractions(extractions[i : i + batch])
    return time.perf_counter() - start


def bench_db(sizes: Sizes, work: Path) -> dict[str, Any]:
    """On the cached generated database: load its extraction rows three ways, and copy it."""
    import duckdb

    from generate_db import cached_database, table_rows
    from pipeline.extraction import BATCH_SIZE
    from pipeline.store import EXTRACTION_TABLES, Store

    folder = work / "db"
    folder.mkdir(parents=True, exist_ok=True)
    generated = cached_database(sizes.db_articles)
    result: dict[str, Any] = {"articles": sizes.db_articles}
    result["table_rows"] = table_rows(generated)
    result["generated_rows"] = sum(result["table_rows"].values())
    result["db_bytes"] = generated.stat().st_size
    copy = folder / "copy.duckdb"
    result["copy_s"], _ = _timed(lambda: shutil.copy2(generated, copy))
    copy.unlink()

    with duckdb.connect(str(generated), read_only=True) as con:
        base = {t: con.sql(f"SELECT * FROM {t}").to_arrow_table() for t in ("sources", "articles")}
        tables = {t: con.sql(f"SELECT * FROM {t}").to_arrow_table() for t in EXTRACTION_TABLES}

    # 1. Bulk: every extraction row of every article, one Arrow insert per table, one transaction.
    loaded = folder / "bulk.duckdb"
    store = Store.open(loaded)
    for name, arrow in base.items():
        store.con.from_arrow(arrow).insert_into(name)
    store.con.execute("CHECKPOINT")
    extraction_rows = sum(t.num_rows for t in tables.values())

    def bulk() -> None:
        store.con.execute("BEGIN TRANSACTION")
        for name, arrow in tables.items():
            store.con.from_arrow(arrow).insert_into(name)
        store.con.execute("COMMIT")
        store.con.execute("CHECKPOINT")

    result["bulk_s"], _ = _timed(bulk)
    result["extraction_rows"] = extraction_rows
    result["bulk_rows_per_s"] = extraction_rows / result["bulk_s"]

    # 2. The pipeline's write path, Store.replace_extractions in extract_pending's batches:
    #    re-extracting the newest articles of the full database, then the same rows into an empty one.
    ids = [r[0] for r in store.con.execute(
        "SELECT article_id FROM articles ORDER BY published_at DESC LIMIT ?", [sizes.write_path_articles]).fetchall()]
    extractions = _extractions_of(tables, ids)
    rows = sum(len(e.rows(t)) for e in extractions for t in EXTRACTION_TABLES)
    result["write_path_articles"] = len(ids)
    result["write_path_rows"] = rows
    result["write_path_full_s"] = _write_path(store, extractions, BATCH_SIZE)
    store.close()
    empty = Store.open(folder / "empty.duckdb")
    empty.con.from_arrow(base["sources"]).insert_into("sources")
    empty.con.from_arrow(base["articles"]).insert_into("articles")
    result["write_path_empty_s"] = _write_path(empty, extractions, BATCH_SIZE)

    # 3. Row by row, for contrast: highlights rows through executemany.
    highlight_rows = [dict(row, article_id=e.article_id) for e in extractions for row in e.rows("highlights")]
    columns = [c[0] for c in empty.con.execute("SELECT * FROM highlights LIMIT 0").description]
    values = [[row.get(c) for c in columns] for row in highlight_rows[: sizes.row_by_row_rows]]
    empty.con.execute("DELETE FROM highlights")
    placeholders = ", ".join("?" for _ in columns)
    result["row_by_row_s"], _ = _timed(
        lambda: empty.con.executemany(f"INSERT INTO highlights VALUES ({placeholders})", values))
    result["row_by_row_rows"] = len(values)
    empty.close()
    for path in (loaded, folder / "empty.duckdb"):
        path.unlink()
    return result


# -- queries ---------------------------------------------------------------------------------------


def _latency(fn: Callable[[], Any], runs: int) -> dict[str, Any]:
    value = fn()  # warm-up
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        value = fn()
        times.append((time.perf_counter() - start) * 1000)
    size = value.num_rows if hasattr(value, "num_rows") else len(value[0]) if isinstance(value, tuple) else len(value)
    return {"median_ms": statistics.median(times), "max_ms": max(times), "rows": size}


def bench_queries(sizes: Sizes, work: Path) -> dict[str, Any]:
    """Full fetches of the research views, and the web page's queries, on the generated database."""
    import duckdb

    from generate_db import cached_database

    db = cached_database(sizes.db_articles)
    result: dict[str, Any] = {"views": {}, "web": {}}
    with duckdb.connect(str(db), read_only=True) as con:
        for view in VIEWS:
            result["views"][view] = _latency(lambda: con.sql(f"SELECT * FROM {view}").to_arrow_table(), sizes.query_runs)
        province = con.execute(
            "SELECT province_now FROM highlights GROUP BY 1 ORDER BY count(*) DESC LIMIT 1").fetchone()[0]
        article_id = con.execute("SELECT article_id FROM articles ORDER BY published_at DESC LIMIT 1").fetchone()[0]
    from core.config import Workspace
    from pipeline.search import SearchQuery
    from pipeline.web import queries as q
    from pipeline.web.filters import Filters
    from pipeline.web.readers import connect
    from pipeline.writer import open_reader

    result["web"]["open + close a reader connection"] = _latency(
        lambda: [open_reader(Workspace.for_db(db)).close()], sizes.query_runs)
    with connect(db) as con:
        cases: dict[str, Callable[[], Any]] = {
            "feed, first page": lambda: q.feed(con, Filters()),
            "feed, page 200": lambda: q.feed(con, Filters(), 200),
            "feed, one province": lambda: q.feed(con, Filters(province=province)),
            "feed, kind + level + year": lambda: q.feed(con, Filters(
                kind="award", level="grassroots",
                date_from=datetime(2024, 1, 1).date(), date_to=datetime(2024, 12, 31).date())),
            "feed, keyword": lambda: q.feed(con, Filters(q="mái ấm công đoàn")),
            "filter options": lambda: [q.options(con)],
            "monthly chart, one province": lambda: q.monthly(con, Filters(province=province)).bars,
            "article + its extractions": lambda: q.article_extractions(con, q.article(con, article_id)["article_id"]),
            "search, 5 words": lambda: q.search_articles(con, SearchQuery.parse("Liên đoàn Lao động Thanh Hóa")),
            "weekly digest, latest week": lambda: q.week_highlights(con, q.latest_week(con)),
            "export rows, province + kind": lambda: list(q.export_rows(con, Filters(province=province, kind="money"))),
        }
        for label, fn in cases.items():
            result["web"][label] = _latency(fn, sizes.query_runs)
    return result


def bench_nightly(articles: int, new: int) -> dict[str, Any]:
    from nightly import nightly

    return nightly(articles, new)


def _answer_ms(page: dict[str, Any]) -> float:
    """When a page answers: a streamed download once its first bytes arrive, any other page when it is whole."""
    first = page.get("first_bytes_p95_ms")
    return first if first is not None else page["p95_ms"]


def bench_web_archive(sizes: Sizes, work: Path) -> dict[str, Any]:
    """Every page of the web app, through the whole ASGI app, on the archive-scale database."""
    from generate_db import cached_database
    from web_bench import measure

    db = cached_database(sizes.archive_large)
    pages = [{"page": label, "median_ms": median, "p95_ms": p95, "kib": size / 1024,
              "first_bytes_p95_ms": streamed[0] if streamed else None}
             for label, median, p95, size, streamed in measure(db, sizes.web_runs)]
    return {"articles": sizes.archive_large, "db_bytes": db.stat().st_size, "runs": sizes.web_runs, "pages": pages}


BENCHMARKS: dict[str, Callable[[Sizes, Path], dict[str, Any]]] = {
    "bare-nlp": bench_bare_nlp,
    "nlp-layers": bench_nlp_layers,
    "extract-1": lambda sizes, work: bench_extract(sizes, work, 1),
    "extract-2": lambda sizes, work: bench_extract(sizes, work, 2),
    "extract-dask": lambda sizes, work: bench_extract(sizes, work, 2, engine="dask"),
    "crawl": bench_crawl,
    "db": bench_db,
    "queries": bench_queries,
    "nightly-small": lambda sizes, work: bench_nightly(sizes.archive_small, sizes.nightly_new),
    "nightly-large": lambda sizes, work: bench_nightly(sizes.archive_large, sizes.nightly_new),
    "web-archive": bench_web_archive,
}


# -- the table ----------------------------------------------------------------------------------------


@dataclass
class Row:
    what: str
    figure: str
    compared: str = "-"
    ratio: str = "-"
    goal: str = "-"
    peak_mb: str = "-"


def _mb(value: float | None) -> str:
    return f"{value:,.0f}" if value is not None else "-"


def _ratio(a: float | None, b: float | None) -> str:
    return f"{a / b:.2f}x" if a and b else "-"


def steady_tokens(m: dict[str, Any]) -> float:
    """Tokens/s between the first and the last written batch (models loaded, pool warm), else end to end."""
    rate = m.get("steady_articles_per_s")
    return rate * m["tokens"] / m["articles"] if rate else m["tokens_per_s"]


def table_rows(results: dict[str, dict[str, Any]]) -> list[Row]:
    """The printed table, computed from the raw results (comparisons need both sides)."""
    out: list[Row] = []
    r = {k: v for k, v in results.items() if "error" not in v}
    bare, layers, one, two = (r.get(k) for k in ("bare-nlp", "nlp-layers", "extract-1", "extract-2"))

    def rate(m: dict[str, Any]) -> str:
        return f"{m['articles_per_s']:.2f} articles/s, {m['tokens_per_s']:,.0f} tokens/s"

    floor = layers and layers["make_doc"]
    paragraph = bare and bare["paragraph"]
    if one:
        steady = f"; steady {one['steady_articles_per_s']:.2f}/s" if one["steady_articles_per_s"] else ""
        out.append(Row(f"congdoan extract ({one['articles']} articles, models loaded in the run)",
                       rate(one) + steady, f"bare underthesea pos_tag per paragraph: {rate(paragraph)}" if bare else "-",
                       _ratio(one["tokens_per_s"], paragraph and paragraph["tokens_per_s"]), peak_mb=_mb(one["peak_mb"])))
        if floor:
            out.append(Row("  the same, steady state, against its NLP floor", f"{steady_tokens(one):,.0f} tokens/s",
                           f"VietnameseNLP.make_doc: {floor['tokens_per_s']:,.0f} tokens/s",
                           _ratio(steady_tokens(one), floor["tokens_per_s"]), ">= 0.85"))
    if bare:
        for unit in ("paragraph", "sentence", "article"):
            m = bare[unit]
            note = " (the old baseline: super-linear)" if unit == "article" else ""
            out.append(Row(f"bare underthesea pos_tag per {unit}{note} ({m['articles']} articles, same texts)", rate(m),
                           f"per paragraph: {paragraph['tokens_per_s']:,.0f} tokens/s" if unit != "paragraph" else "-",
                           _ratio(m["tokens_per_s"], paragraph["tokens_per_s"]) if unit != "paragraph" else "-",
                           peak_mb=_mb(bare["peak_mb"])))
    if layers:
        for key, label in (("make_doc", "NLP floor: VietnameseNLP.make_doc (segmentation, POS, spaCy Doc)"),
                           ("components", "NLP floor + extractor components, no records, no DB")):
            m = layers[key]
            out.append(Row(label, rate(m), f"NLP floor: {floor['tokens_per_s']:,.0f} tokens/s" if key != "make_doc" else "-",
                           _ratio(m["tokens_per_s"], floor["tokens_per_s"]) if key != "make_doc" else "-",
                           peak_mb=_mb(layers["peak_mb"])))
    if two:
        steady = f"; steady {two['steady_articles_per_s']:.2f}/s" if two["steady_articles_per_s"] else ""
        compared = f"1 worker: {one['articles_per_s']:.2f}/s" if one else "-"
        if one and one["steady_articles_per_s"] and two["steady_articles_per_s"]:
            compared += f" (steady {_ratio(two['steady_articles_per_s'], one['steady_articles_per_s'])})"
        out.append(Row("congdoan extract --workers 2", rate(two) + steady, compared,
                       _ratio(two["articles_per_s"], one and one["articles_per_s"]), ">= 1.9x",
                       f"{_mb(two['peak_mb'])} + {_mb(two['workers_peak_mb'])}/worker"))
    dask = r.get("extract-dask")
    if dask:
        steady = f"; steady {dask['steady_articles_per_s']:.2f}/s" if dask["steady_articles_per_s"] else ""
        out.append(Row("congdoan extract --engine dask, local cluster of 2 workers (started in the run)",
                       rate(dask) + steady, f"1 worker: {one['articles_per_s']:.2f}/s" if one else "-",
                       _ratio(dask["articles_per_s"], one and one["articles_per_s"]), peak_mb=_mb(dask["peak_mb"])))
    crawl = r.get("crawl")
    if crawl:
        first, bare_c, second = crawl["first"], crawl["bare"], crawl["second"]
        def runs(m: dict[str, Any]) -> str:
            every = m["all_pages_per_s"]
            return f"; median of {len(every)}: {', '.join(f'{v:.0f}' for v in every)}" if len(every) > 1 else ""

        out.append(Row(f"crawl: crawl_sites, politeness off ({crawl['site_pages']} pages)",
                       f"{first['pages_per_s']:.0f} pages/s ({first['total_requests']} requests in "
                       f"{first['seconds']:.1f} s{runs(first)})",
                       f"bare Scrapy spider: {bare_c['pages_per_s']:.0f} pages/s",
                       _ratio(first["pages_per_s"], bare_c["pages_per_s"]), ">= 0.95x", _mb(first["peak_mb"])))
        out.append(Row("bare Scrapy spider, same pages and settings",
                       f"{bare_c['pages_per_s']:.0f} pages/s ({bare_c['total_requests']} requests in "
                       f"{bare_c['seconds']:.1f} s{runs(bare_c)})",
                       peak_mb=_mb(bare_c["peak_mb"])))
        req = second["requests"]
        out.append(Row("incremental: second crawl of the unchanged site",
                       f"{second['total_requests']} requests: {req.get('listing', 0)} listing, "
                       f"{req.get('article', 0)} article, {req.get('robots', 0)} robots.txt; {second['seconds']:.1f} s",
                       f"first run: {first['total_requests']} requests", goal="listing pages only, 0 article pages",
                       peak_mb=_mb(second["peak_mb"])))
    db = r.get("db")
    if db:
        out.append(Row(f"database: {db['articles']:,} generated articles (bench/generate_db.py), every table",
                       f"{db['generated_rows']:,} rows", peak_mb=_mb(db["peak_mb"])))
        out.append(Row("database: bulk load of the extraction rows (Arrow, 1 insert per table)",
                       f"{db['bulk_rows_per_s']:,.0f} rows/s ({db['extraction_rows']:,} rows in {db['bulk_s']:.1f} s)",
                       goal="bulk, not row by row", peak_mb=_mb(db["peak_mb"])))
        full = db["write_path_rows"] / db["write_path_full_s"]
        empty = db["write_path_rows"] / db["write_path_empty_s"]
        out.append(Row(f"pipeline write path: Store.replace_extractions, {db['write_path_articles']:,} articles "
                       f"into the {db['articles']:,}-article database",
                       f"{full:,.0f} rows/s ({db['write_path_articles'] / db['write_path_full_s']:,.0f} articles/s)",
                       f"bulk load: {db['bulk_rows_per_s']:,.0f} rows/s", _ratio(full, db["bulk_rows_per_s"])))
        out.append(Row("  same, into an empty database", f"{empty:,.0f} rows/s",
                       f"into the full one: {full:,.0f} rows/s", _ratio(empty, full)))
        rbr = db["row_by_row_rows"] / db["row_by_row_s"]
        out.append(Row(f"  row by row (executemany, {db['row_by_row_rows']:,} highlights rows)", f"{rbr:,.0f} rows/s",
                       f"bulk load: {db['bulk_rows_per_s']:,.0f} rows/s", _ratio(rbr, db["bulk_rows_per_s"])))
        out.append(Row(f"database file at {db['articles']:,} articles; a full copy (the writer's fallback)",
                       f"{db['db_bytes'] / 2**20:,.0f} MiB; copied in {db['copy_s']:.2f} s"))
    queries = r.get("queries")
    if queries:
        for name, m in queries["views"].items():
            out.append(Row(f"query: SELECT * FROM {name}", f"{m['median_ms']:,.0f} ms median, {m['max_ms']:,.0f} max; "
                           f"{m['rows']:,} rows", peak_mb=_mb(queries["peak_mb"])))
        for name, m in queries["web"].items():
            out.append(Row(f"web query: {name}", f"{m['median_ms']:,.1f} ms median, {m['max_ms']:,.1f} max",
                           peak_mb=_mb(queries["peak_mb"])))
    for key in ("nightly-small", "nightly-large"):
        if key in r:
            out.extend(nightly_rows(r[key]))
    web = r.get("web-archive")
    if web:
        worst = max(web["pages"], key=_answer_ms)
        for m in web["pages"]:
            first = m.get("first_bytes_p95_ms")
            streamed = f"; streamed, first bytes {first:,.0f} ms p95" if first is not None else ""
            out.append(Row(f"web page at {web['articles']:,} articles: {m['page']}",
                           f"{m['median_ms']:,.0f} ms median, {m['p95_ms']:,.0f} p95 ({m['kib']:,.0f} KiB{streamed})",
                           goal="p95 < 300 ms" if m is worst else "-"))
    for name, v in results.items():
        if "error" in v:
            out.append(Row(f"{name}: FAILED", v["error"].strip().splitlines()[-1][:200]))
    return out


NIGHTLY_STEPS = ("prepare", "known URLs", "crawl", "extract", "index sort", "checkpoint + publish")


def archive_cost(run: dict[str, Any]) -> float:
    """Seconds of a nightly run's steps whose cost may grow with the archive (all but the crawl and the NLP)."""
    return sum(v for k, v in run["steps"].items() if k not in ("crawl", "extract"))


def nightly_rows(m: dict[str, Any]) -> list[Row]:
    """A nightly run on one database size, both ways, step by step; re-extraction; extract --all memory."""
    size = f"{m['articles']:,}"
    rows = [Row(f"archive of {size} articles: database file", f"{m['db_bytes'] / 2**20:,.0f} MiB "
                f"({m['db_bytes'] / m['articles'] * 1e6 / 2**30:,.2f} GiB per million articles)")]
    for way in ("copy", "standby", "standby again"):
        run = m[way]
        steps = ", ".join(f"{k} {run['steps'][k]:.2f}" for k in NIGHTLY_STEPS if k in run["steps"])
        again = ", the next night" if way == "standby again" else ""
        rows.append(Row(f"nightly run at {size}: {m['new']} new articles, working copy by {run['prepared']}{again}",
                        f"{run['total_s']:.1f} s ({steps}); archive-bound steps {archive_cost(run):.2f} s",
                        peak_mb=_mb(run["peak_mb"])))
    redo, after = m["reextract"], m["after_reextract"]
    rows.append(Row(f"  re-extraction of 20 stored articles at {size} (DELETE of their rows, NLP, publish)",
                    f"{redo['total_s']:.1f} s (extract {redo['steps']['extract']:.2f}); the next run's standby "
                    f"replay of it: {after['steps']['prepare']:.2f} s ({after['prepared']})"))
    for key in ("memory", "memory, low limit"):
        if key not in m:
            continue
        mem = m[key]
        rows.append(Row(f"  extract --all at {size} without the NLP: clear every row, read every pending page "
                        f"(DuckDB memory_limit {mem['duckdb_memory_limit']})",
                        f"clear {mem['clear_s']:.1f} s; {mem['articles']:,} articles in {mem['pages']} pages, "
                        f"{mem['read_s']:.1f} s", peak_mb=f"{_mb(mem['peak_mb_before_reading'])} -> {_mb(mem['peak_mb'])}"))
    return rows


@dataclass
class Goal:
    goal: str
    figure: str
    met: bool | None  # None: not measured in this run


def _size_mb(size: str) -> float:
    """A DuckDB size setting as printed ("488.2 MiB") in MB of 2**20 bytes (as peak_mb counts)."""
    number, unit = size.split()
    return float(number) * {"KiB": 2**-10, "MiB": 1, "GiB": 2**10}[unit]


def goals(results: dict[str, dict[str, Any]]) -> list[Goal]:
    """Each goal of issue 15 with the figure that decides it."""
    r = {k: v for k, v in results.items() if "error" not in v}
    out: list[Goal] = []
    one, two, layers = r.get("extract-1"), r.get("extract-2"), r.get("nlp-layers")
    if one and layers:
        ratio = steady_tokens(one) / layers["make_doc"]["tokens_per_s"]
        out.append(Goal("full extraction >= 0.85x the NLP floor (make_doc)", f"{ratio:.2f}x", ratio >= 0.85))
    if one and two:
        ratio = two["articles_per_s"] / one["articles_per_s"]
        out.append(Goal("extract --workers 2 >= 1.9x one worker", f"{ratio:.2f}x", ratio >= 1.9))
    crawl = r.get("crawl")
    if crawl:
        ratio = crawl["first"]["pages_per_s"] / crawl["bare"]["pages_per_s"]
        out.append(Goal("crawl >= 0.95x a bare Scrapy spider on the same pages", f"{ratio:.2f}x", ratio >= 0.95))
    small, large = r.get("nightly-small"), r.get("nightly-large")
    if large:
        hows = [large[way]["prepared"] for way in ("standby", "standby again")]
        out.append(Goal(f"no whole-file copy per nightly run ({large['articles']:,} articles, two nights)",
                        "working copy by " + " then ".join(hows), hows == ["standby", "standby"]))
    if small and large:
        steady = "standby again"  # the steady state: its standby is an ordinary night's file (bench/nightly.py)
        ratio = large[steady]["total_s"] / small[steady]["total_s"]
        out.append(Goal(f"nightly run (+{large['new']}) at {large['articles']:,} <= 1.2x at {small['articles']:,}",
                        f"{ratio:.2f}x ({large[steady]['total_s']:.1f} s / {small[steady]['total_s']:.1f} s; "
                        f"archive-bound steps {archive_cost(large[steady]):.2f} s / "
                        f"{archive_cost(small[steady]):.2f} s)", ratio <= 1.2))
        runs = [large[key] for key in ("memory", "memory, low limit") if key in large]
        grown = [(run["peak_mb"] - run["peak_mb_before_reading"], run["duckdb_memory_limit"]) for run in runs]
        out.append(Goal(f"extract --all at {large['articles']:,} in bounded memory (what reading adds stays "
                        "within DuckDB's memory_limit, at two limits)",
                        "; ".join(f"+{mb:,.0f} MB under {limit}" for mb, limit in grown),
                        len(grown) == 2 and all(mb <= _size_mb(limit) for mb, limit in grown)))
    web = r.get("web-archive")
    if web:
        worst = max(web["pages"], key=_answer_ms)
        over = [m["page"] for m in web["pages"] if _answer_ms(m) >= 300]
        out.append(Goal(f"every web page p95 < 300 ms at {web['articles']:,} articles (downloads: first bytes)",
                        f"worst {worst['page']}: {_answer_ms(worst):,.0f} ms" + (f"; over: {', '.join(over)}" if over else ""),
                        not over))
    return out


def print_goals(found: list[Goal]) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title="Goals (issue 15)")
    for column in ("goal", "figure", "met"):
        table.add_column(column, overflow="fold")
    for g in found:
        table.add_row(g.goal, g.figure, {True: "met", False: "NOT MET", None: "-"}[g.met])
    Console(width=200).print(table)


def markdown(rows: list[Row], found: list[Goal], title: str) -> str:
    """The two tables as Markdown, for docs/benchmarks.md and docs/scaling.md."""
    def cell(text: str) -> str:
        return text.replace("|", "\\|")

    lines = [f"## {title}", "", "| what | figure | compared with | ratio | goal | peak MB |", "|---|---|---|---|---|---|"]
    lines += [f"| {' | '.join(cell(v) for v in (r.what, r.figure, r.compared, r.ratio, r.goal, r.peak_mb))} |"
              for r in rows]
    lines += ["", "| goal | figure | met |", "|---|---|---|"]
    lines += [f"| {cell(g.goal)} | {cell(g.figure)} | {({True: 'met', False: '**not met**', None: '-'})[g.met]} |"
              for g in found]
    return "\n".join(lines) + "\n"


def print_table(rows: list[Row], title: str) -> None:
    from rich.console import Console
    from rich.table import Table

    table = Table(title=title, show_lines=False)
    for column, justify in (("what", "left"), ("figure", "left"), ("compared with", "left"), ("ratio", "right"),
                            ("goal", "left"), ("peak MB", "right")):
        table.add_column(column, justify=justify, overflow="fold")
    for row in rows:
        table.add_row(row.what, row.figure, row.compared, row.ratio, row.goal, row.peak_mb)
    Console(width=200).print(table)


# -- machine --------------------------------------------------------------------------------------


def machine() -> dict[str, Any]:
    cpu = next((line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                if line.startswith("model name")), platform.processor())
    mem_kb = next(int(line.split()[1]) for line in Path("/proc/meminfo").read_text().splitlines()
                  if line.startswith("MemTotal"))
    versions = {}
    for package in PACKAGES:
        try:
            versions[package] = metadata.version(package)
        except metadata.PackageNotFoundError:
            versions[package] = None
    return {"cpus": len(os.sched_getaffinity(0)), "cpu_model": cpu, "memory_gib": round(mem_kb / 2**20, 1),
            "python": platform.python_version(), "platform": platform.platform(), "packages": versions}


# -- main ------------------------------------------------------------------------------------------


def run_one(name: str, sizes: Sizes, work: Path) -> None:
    result = BENCHMARKS[name](sizes, work)
    result["peak_mb"] = peak_mb()
    print(json.dumps(result, default=str))


def run_all(names: list[str], quick: bool) -> dict[str, Any]:
    work = Path(tempfile.mkdtemp(prefix="congdoan-bench-"))
    results: dict[str, dict[str, Any]] = {}
    try:
        corpus = collect_corpus()
        (work / "corpus.json").write_text(json.dumps(corpus, ensure_ascii=False), encoding="utf-8")
        for name in names:
            print(f"[bench] {name} ...", file=sys.stderr, flush=True)
            command = [sys.executable, __file__, "--one", name, "--work", str(work)] + (["--quick"] if quick else [])
            start, load = time.perf_counter(), os.getloadavg()[0]
            try:
                results[name] = _child_json(command)
            except (RuntimeError, subprocess.TimeoutExpired, json.JSONDecodeError, IndexError) as exc:
                results[name] = {"error": str(exc)}
            # The machine may be shared: keep the load beside each figure.
            results[name].update(load_before=load, load_after=os.getloadavg()[0], wall_s=time.perf_counter() - start)
            print(f"[bench] {name} done in {time.perf_counter() - start:.0f} s", file=sys.stderr, flush=True)
    finally:
        shutil.rmtree(work, ignore_errors=True)
    return {"corpus": {"texts": len(corpus), "sources": sorted({c["source"] for c in corpus}),
                       "characters": sum(len(c["body"]) for c in corpus)}, "results": results}


def main() -> None:
    parser = argparse.ArgumentParser(description="congdoan benchmarks: one table of figures, then each goal met or not.")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    parser.add_argument("--only", action="append", choices=sorted(BENCHMARKS), metavar="NAME",
                        help=f"run only this benchmark (repeatable): {', '.join(BENCHMARKS)}")
    parser.add_argument("--one", choices=sorted(BENCHMARKS), help=argparse.SUPPRESS)
    parser.add_argument("--work", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--report", type=Path, metavar="RESULTS_JSON",
                        help="print the tables of a saved results.json again (and write results.md), run nothing")
    parser.add_argument("--crawl-child", nargs=4, metavar=("ENTRY", "ORIGIN", "DB", "RUN_ID"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    sizes = QUICK if args.quick else FULL
    if args.crawl_child:
        entry, origin, db, run_id = args.crawl_child
        crawl_child(Path(entry), origin, Path(db), run_id)
        return
    if args.one:
        run_one(args.one, sizes, args.work)
        return
    if args.report:
        saved = json.loads(args.report.read_text(encoding="utf-8"))
        report(saved, datetime.fromisoformat(saved["date"]), saved["quick"], write=False)
        return
    names = [n for n in BENCHMARKS if not args.only or n in args.only]
    started = datetime.now(timezone.utc)
    run = run_all(names, args.quick)
    saved = {"date": started.isoformat(timespec="seconds"), "quick": args.quick, "sizes": asdict(sizes),
             "machine": machine(), **run}
    report(saved, started, args.quick, write=True)


def report(saved: dict[str, Any], started: datetime, quick: bool, write: bool) -> None:
    """Print both tables; write results.json (when ``write``) and results.md under bench/out/."""
    rows = table_rows(saved["results"])
    title = f"congdoan benchmarks{' (--quick)' if quick else ''}, {started:%Y-%m-%d}"
    print_table(rows, title)
    found = goals(saved["results"])
    print_goals(found)
    OUT_DIR.mkdir(parents=True, exist_ok=True)
    if write:
        saved = {**saved, "table": [asdict(r) for r in rows], "goals": [asdict(g) for g in found]}
        (OUT_DIR / "results.json").write_text(json.dumps(saved, indent=2, ensure_ascii=False, default=str),
                                              encoding="utf-8")
    (OUT_DIR / "results.md").write_text(markdown(rows, found, title), encoding="utf-8")
    print(f"raw results: {OUT_DIR / 'results.json'}; tables as Markdown: {OUT_DIR / 'results.md'}")


if __name__ == "__main__":
    main()
