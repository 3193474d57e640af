"""The jobs behind the CLI: crawl, import, extract and evaluate, each inside the writer protocol."""

from __future__ import annotations

import logging
import secrets
from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path

from crawl.registry import Site
from core.config import Workspace
from pipeline.crawling import crawl_sites, keeps_failing
from pipeline.evaluate import find_article, locate_document
from pipeline.extraction import ExtractStats, Progress, extract_pending
from pipeline.importer import FileContext, ImportResult, import_files, slug
from core.records import Source
from core.records import utcnow
from pipeline.store import Store
from pipeline.writer import open_reader, writer

log = logging.getLogger(__name__)


def new_run_id() -> str:
    return f"{utcnow():%Y%m%dT%H%M%SZ}-{secrets.token_hex(3)}"


@dataclass
class CrawlOutcome:
    run_id: str
    sites: list[dict]
    extracted: ExtractStats | None = None
    keeps_failing: dict[str, int] = field(default_factory=dict)  # source -> pages failing run after run

    @property
    def failed(self) -> list[dict]:
        return [s for s in self.sites if s["status"] != "ok"]


def crawl_into(
    store: Store,
    ws: Workspace,
    sites: Sequence[Site],
    *,
    command: str,
    origins: dict[str, str] | None = None,
    since: date | None = None,
    polite: bool = True,
    extract: bool = False,
    on_progress: Progress | None = None,
) -> CrawlOutcome:
    """Crawl the sites into an open store, record the run, and optionally extract what is new."""
    run_id = new_run_id()
    if store.close_killed_runs():
        log.warning("closed crawl run(s) left running by a killed process")
    store.start_run(run_id, command)
    log.info("run %s: crawling %s", run_id, ", ".join(s.source for s in sites))
    rows = crawl_sites(store, ws, list(sites), run_id=run_id, origins=origins, since=since, polite=polite)
    store.finish_run(run_id, rows)
    outcome = CrawlOutcome(run_id, rows, keeps_failing=keeps_failing(store, [s.source for s in sites]))
    if extract:
        outcome.extracted = extract_pending(store, on_progress=on_progress)
    for row in outcome.failed:
        log.warning("run %s: site %s failed: %s", run_id, row["source"], row.get("error"))
    for source, pages in outcome.keeps_failing.items():
        log.warning("run %s: %d page(s) of %s keep failing (see v_failing_pages)", run_id, pages, source)
    return outcome


@dataclass
class ImportOutcome:
    stored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)  # files stored after their charset was repaired
    stored_urls: set[str] = field(default_factory=set)
    extracted: ExtractStats | None = None


def failed_files(results: Sequence[ImportResult]) -> list[str]:
    """One line per file that held no article: its path and why."""
    return [f"{r.path}: {r.error}" for r in results if r.article is None]


def import_into(
    store: Store,
    results: Sequence[ImportResult],
    *,
    source: Source,
    published: dict[Path, datetime] | None = None,
    on_progress: Progress | None = None,
    extract: bool = True,
) -> ImportOutcome:
    """Store the files read by :func:`pipeline.importer.import_files`, then (unless ``extract`` is off) extract.

    ``source`` is the default source; a file's manifest row or its page's own URL may have given
    it another (see :mod:`pipeline.importer`). ``published`` supplies a publication time for files
    whose text prints none (the evaluation knows it from the gold file). When no file holds an
    article, nothing is written, not even a ``sources`` row.
    """
    outcome = ImportOutcome(errors=failed_files(results))
    articles = []
    sources: dict[str, Source] = {}
    for result in results:
        if result.article is None:
            continue
        if result.note:
            outcome.notes.append(f"{result.path}: {result.note}")
        if published and result.article.published_at is None:
            result.article.published_at = published.get(result.path)
        articles.append(result.article)
        record = result.source or source
        sources[record.source] = record
    if not articles:
        return outcome
    store.upsert_sources(sources.values())
    stored = store.add_articles(articles)
    outcome.stored = len(stored)
    outcome.duplicates = len(articles) - len(stored)
    outcome.stored_urls = {a.url for a in stored}
    if extract:
        outcome.extracted = extract_pending(store, on_progress=on_progress)
    return outcome


def import_gold_documents(ws: Workspace, gold: Sequence[dict]) -> list[str]:
    """Import and extract the gold documents not in the database yet; return their names.

    Documents of a provincial site (gold field ``source_province``) get a source with that
    province, and the gold ``published`` date stands in where the text prints none. Articles
    keep their file URLs: eval finds a gold document by its file name.
    """
    if ws.db.exists():
        with open_reader(ws) as store:
            missing = [r for r in gold if find_article(store, r["doc"]) is None]
    else:
        missing = list(gold)
    located = [(r, p) for r in missing if (p := locate_document(r)) is not None]
    by_province: dict[str | None, list[tuple[dict, Path]]] = {}
    for record, path in located:
        by_province.setdefault(record.get("source_province"), []).append((record, path))
    groups = []
    for province, items in by_province.items():
        source = Source(
            source=f"gold-{slug(province)}" if province else "gold",
            name=f"Gold documents ({province or 'national'})",
            kind="import",
            province=province,
        )
        published = {p: datetime.fromisoformat(r["published"]) for r, p in items if r.get("published")}
        # the gold's province stands for the site's
        manifest = {p.resolve(): FileContext(source=source.source, province=province) for _, p in items}
        results = import_files([p for _, p in items], source, manifest=manifest, keep_file_urls=True)
        groups.append((source, results, published))
    if not any(result.ok for _, results, _ in groups for result in results):
        return []  # nothing to store: the database is left as it is
    stored: set[str] = set()
    with writer(ws) as store:
        for source, results, published in groups:
            stored |= import_into(store, results, source=source, published=published, extract=False).stored_urls
        extract_pending(store)  # once for every group: the models load once
    return [r["doc"] for r, p in located if p.resolve().as_uri() in stored]
