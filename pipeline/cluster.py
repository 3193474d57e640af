"""Extraction as a job on a Dask distributed cluster (``congdoan extract --engine dask``).

The writer process (under the usual lock, on the working copy) stays the only
one that touches DuckDB:

1. it reads the pending articles a page at a time and writes each batch as a
   Parquet part under the staging folder (``<database>.staging/in/``);
2. each task, on a cluster worker, reads its part, runs ``VietnameseNLP`` -
   built once per worker by :class:`NLPPlugin` when the worker joins - and writes
   one Parquet part per extraction table under ``<database>.staging/out/``;
3. the writer loads each finished batch's parts in one transaction
   (``Store.replace_extraction_tables``), so a killed job leaves every article
   either fully extracted or still pending, as the local engine does.

Without ``--address`` a local cluster of ``--workers`` processes is started
(one thread each: the NLP is CPU-bound Python). With ``--address`` the job runs
on an existing scheduler; its workers must have this same congdoan installed
(the extractor version is checked on every task) and must see the staging
folder at the same path (a shared filesystem), or ``--staging`` points at one.
"""

from __future__ import annotations

import logging
import shutil
from collections import Counter
from collections.abc import Iterator
from dataclasses import asdict
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq
from distributed import Client, LocalCluster, WorkerPlugin, as_completed, get_worker

from core.records import Extraction
from extract import extractor_version
from extract.nlp import VietnameseNLP
from pipeline import quarantine
from pipeline.extraction import (BATCH_SIZE, ExtractStats, Progress, analyse_or_fail, finish_index, pending_pages,
                                 start_extraction)
from pipeline.quarantine import Failure, describe
from pipeline.store import PendingArticle, Store, extraction_arrow, rows_end

log = logging.getLogger(__name__)

IN_FLIGHT_PER_WORKER = 2
"""Batches queued per worker: enough to keep it busy, few enough to bound the staging folder."""

_worker_nlp: VietnameseNLP | None = None


class NLPPlugin(WorkerPlugin):
    """Builds one ``VietnameseNLP`` per worker process when the worker starts (a Dask worker plugin)."""

    name = "congdoan-nlp"

    def setup(self, worker: Any) -> None:
        global _worker_nlp
        if _worker_nlp is None:
            _worker_nlp = VietnameseNLP()


def extract_part(part: str, out_dir: str, version: str, schemas: dict[str, pa.Schema]) -> dict[str, Any]:
    """Task: extract the articles of one Parquet part; write one Parquet part per extraction table.

    An article that fails (an exception, a panic of the models) is returned as a failure, to be
    quarantined by the writer, as the local engine does."""
    if extractor_version() != version:
        raise RuntimeError(f"worker extractor {extractor_version()} differs from the writer's {version}: "
                           "install the same congdoan on every worker")
    nlp = _worker_nlp or VietnameseNLP()
    articles = [PendingArticle(**row) for row in pq.read_table(part).to_pylist()]
    outcomes = [analyse_or_fail(nlp, article, version) for article in articles]
    extractions: list[Extraction] = [o for o in outcomes if not isinstance(o, Failure)]
    failures = [asdict(o) for o in outcomes if isinstance(o, Failure)]
    stem = Path(part).stem
    outputs = {}
    for table, arrow in extraction_arrow(schemas, extractions).items():
        path = Path(out_dir) / f"{stem}.{table}.parquet"
        pq.write_table(arrow, path)
        outputs[table] = str(path)
    return {"part": part, "ids": [e.article_id for e in extractions], "failures": failures, "tables": outputs,
            "worker": get_worker().address}


def _part_ids(part: str) -> list[int]:
    return pq.read_table(part, columns=["article_id"]).column("article_id").to_pylist()


def _parts(store: Store, version: str, batch: int, in_dir: Path) -> Iterator[Path]:
    """Write the pending articles as Parquet parts of ``batch`` articles; yield each part's path."""
    n = 0
    for page in pending_pages(store, version):
        for start in range(0, len(page), batch):
            path = in_dir / f"part-{n:06d}.parquet"
            pq.write_table(pa.Table.from_pylist([asdict(a) for a in page[start : start + batch]]), path)
            n += 1
            yield path


def _client(address: str | None, workers: int) -> Client:
    if address:
        return Client(address)
    cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
    return Client(cluster)


def extract_on_cluster(
    store: Store,
    staging: Path,
    *,
    address: str | None = None,
    workers: int = 2,
    everything: bool = False,
    on_progress: Progress | None = None,
) -> ExtractStats:
    """``extract_pending`` with the NLP on a Dask cluster and the writes here; see the module docstring."""
    schemas = store.extraction_schemas()
    index_from = rows_end(store.con, "search_terms")
    version, total = start_extraction(store, everything)
    if on_progress:
        on_progress(0, total)
    if not total:
        return ExtractStats(0, version)
    shutil.rmtree(staging, ignore_errors=True)  # parts of a killed job: their articles are still pending
    in_dir, out_dir = staging / "in", staging / "out"
    in_dir.mkdir(parents=True)
    out_dir.mkdir(parents=True)
    client = _client(address, workers)
    done = failed = 0
    by_worker: Counter[str] = Counter()
    try:
        client.register_plugin(NLPPlugin())
        n_workers = max(1, len(client.scheduler_info()["workers"]))
        # small jobs still spread over every worker; large ones go in the local engine's batches
        batch = max(1, min(BATCH_SIZE, -(-total // (4 * n_workers))))
        parts = _parts(store, version, batch, in_dir)
        running = as_completed()
        submitted: dict[str, str] = {}  # task key -> its input part

        def submit(part: Path) -> None:
            future = client.submit(extract_part, str(part), str(out_dir), version, schemas, pure=False)
            submitted[future.key] = str(part)
            running.add(future)

        for part in parts:
            submit(part)
            if running.count() >= IN_FLIGHT_PER_WORKER * n_workers:
                break
        for future in running:
            try:
                result = future.result()
            except Exception as exc:  # the task's workers died on it (Dask's KilledWorker): set its articles aside
                part = submitted[future.key]
                result = {"part": part, "ids": [], "tables": {}, "worker": "-",
                          "failures": [asdict(Failure(i, "worker", describe(exc))) for i in _part_ids(part)]}
            tables = {t: pq.read_table(path) for t, path in result["tables"].items()}
            store.replace_extraction_tables(result["ids"], version, tables)
            quarantine.release(store, result["ids"])
            failures = [Failure(**f) for f in result["failures"]]
            quarantine.record(store, failures, version)
            for path in [result["part"], *result["tables"].values()]:
                Path(path).unlink(missing_ok=True)
            done += len(result["ids"])
            failed += len(failures)
            if result["ids"]:
                by_worker[result["worker"]] += len(result["ids"])
            if on_progress:
                on_progress(done, total)
            part = next(parts, None)
            if part is not None:
                submit(part)
    finally:
        cluster = client.cluster
        client.close()
        if cluster is not None and not address:
            cluster.close()
        shutil.rmtree(staging, ignore_errors=True)
    log.info("extracted %d articles on %d worker(s): %s", done, len(by_worker), dict(by_worker))
    finish_index(store, everything, index_from)
    return ExtractStats(done, version, failed, workers=len(by_worker))
