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
from pipeline.crawling import crawl_sites
from pipeline.evaluate import find_article, locate_document
from pipeline.extraction import ExtractStats, Progress, extract_pending
from pipeline.importer import FileContext, import_files, slug
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
    store.start_run(run_id, command)
    log.info("run %s: crawling %s", run_id, ", ".join(s.source for s in sites))
    rows = crawl_sites(store, ws, list(sites), run_id=run_id, origins=origins, since=since, polite=polite)
    store.finish_run(run_id, rows)
    outcome = CrawlOutcome(run_id, rows)
    if extract:
        outcome.extracted = extract_pending(store, on_progress=on_progress)
    for row in outcome.failed:
        log.warning("run %s: site %s failed: %s", run_id, row["source"], row.get("error"))
    return outcome


@dataclass
class ImportOutcome:
    stored: int = 0
    duplicates: int = 0
    errors: list[str] = field(default_factory=list)
    extracted: ExtractStats | None = None


def import_into(
    store: Store,
    paths: Sequence[Path],
    *,
    source: Source,
    published: dict[Path, datetime] | None = None,
    on_progress: Progress | None = None,
    extract: bool = True,
    manifest: dict[Path, FileContext] | None = None,
    keep_file_urls: bool = False,
) -> ImportOutcome:
    """Import saved pages into an open store, then (unless ``extract`` is off) extract them.

    ``source`` is the default source; a file's manifest row or its page's own URL may give it
    another (see :mod:`pipeline.importer`). ``published`` supplies a publication time for files
    whose text prints none (the evaluation knows it from the gold file).
    """
    outcome = ImportOutcome()
    results = import_files(paths, source, manifest=manifest, keep_file_urls=keep_file_urls)
    sources = {source.source: source} | {r.source.source: r.source for r in results if r.source is not None}
    store.upsert_sources(sources.values())
    articles = []
    for result in results:
        if result.article is None:
            outcome.errors.append(f"{result.path}: {result.error}")
            continue
        if published and result.article.published_at is None:
            result.article.published_at = published.get(result.path)
        articles.append(result.article)
    stored = store.add_articles(articles)
    outcome.stored = len(stored)
    outcome.duplicates = len(articles) - len(stored)
    if extract:
        outcome.extracted = extract_pending(store, on_progress=on_progress)
    return outcome


def import_gold_documents(ws: Workspace, gold: Sequence[dict]) -> list[str]:
    """Import and extract the gold documents not in the database yet; return their names.

    Documents of a provincial site (gold field ``source_province``) get a source with that
    province, and the gold ``published`` date stands in where the text prints none.
    """
    if ws.db.exists():
        with open_reader(ws) as store:
            missing = [r for r in gold if find_article(store, r["doc"]) is None]
    else:
        missing = list(gold)
    located = [(r, p) for r in missing if (p := locate_document(r)) is not None]
    if not located:
        return []
    by_province: dict[str | None, list[tuple[dict, Path]]] = {}
    for record, path in located:
        by_province.setdefault(record.get("source_province"), []).append((record, path))
    with writer(ws) as store:
        for province, items in by_province.items():
            source = Source(
                source=f"gold-{slug(province)}" if province else "gold",
                name=f"Gold documents ({province or 'national'})",
                kind="import",
                province=province,
            )
            published = {p: datetime.fromisoformat(r["published"]) for r, p in items if r.get("published")}
            # the gold's province stands for the site's; eval finds a gold document by its file name
            manifest = {p.resolve(): FileContext(source=source.source, province=province) for _, p in items}
            import_into(store, [p for _, p in items], source=source, published=published, extract=False,
                        manifest=manifest, keep_file_urls=True)
        extract_pending(store)  # once for every group: the models load once
    return [r["doc"] for r, _ in located]
