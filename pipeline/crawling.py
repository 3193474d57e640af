"""Run the generic spider over registry sites, in this process, and summarise each site.

Scrapy runs on Twisted's reactor, which starts once per process: call
:func:`crawl_sites` once per process (the CLI does). Tests that crawl run it in
a subprocess. All sites are crawled concurrently, each by its own crawler, so a
site that is down, slow or broken fails alone.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import date
from typing import Any

from scrapy import signals
from scrapy.crawler import CrawlerProcess

from crawl.registry import Site
from crawl.settings import crawl_settings
from crawl.site_run import PERMANENT_REASONS, SiteRun
from crawl.spider import SiteSpider
from core.config import Workspace
from pipeline.logs import setup_logging
from pipeline.store import Store

log = logging.getLogger(__name__)


def settled_urls(store: Store, source: str) -> set[str]:
    """Article URLs an earlier run found it can never store (robots.txt, not an article, not HTML)."""
    rows = store.con.execute(
        "SELECT DISTINCT url FROM page_errors WHERE source = ? AND reason IN ?", [source, sorted(PERMANENT_REASONS)]
    ).fetchall()
    return {r[0] for r in rows}


def crawl_sites(
    store: Store,
    ws: Workspace,
    sites: list[Site],
    *,
    run_id: str,
    origins: dict[str, str] | None = None,
    since: date | None = None,
    polite: bool = True,
    on_progress: Callable[[dict[str, Any]], None] | None = None,
    settings: dict[str, Any] | None = None,
) -> list[dict[str, Any]]:
    """Crawl the sites and return one crawl_site_runs row (without run_id) per site, in order.

    ``origins`` maps a source to the origin actually fetched (sample sites on
    loopback); stored URLs stay ``base_url``-based. ``since`` turns on backfill.
    ``on_progress`` is called with each site's row as soon as that site is done.
    ``settings`` overrides Scrapy settings (tests lower timeouts and retries).
    The Scrapy log goes to the rotating ``<workspace>/logs/congdoan.log``.
    """
    ws.ensure_dirs()
    store.upsert_sources([s.source_record() for s in sites])
    origins = origins or {}
    runs = [
        SiteRun(
            site=site,
            origin=origins.get(site.source, site.base_url),
            store=store,
            raw_dir=ws.raw_dir,
            run_id=run_id,
            since=since,
            known=store.known_urls(site.source),
            settled=settled_urls(store, site.source),
        )
        for site in sites
    ]
    rows: dict[str, dict[str, Any]] = {}

    def site_done(run: SiteRun) -> None:
        rows[run.source] = run.finish()
        if on_progress:
            on_progress(rows[run.source])

    setup_logging(ws)
    log.info("run %s: crawling %d site(s)", run_id, len(runs))
    process = CrawlerProcess(crawl_settings(polite, settings))
    for run in runs:
        crawler = process.create_crawler(SiteSpider)
        crawler.signals.connect(lambda spider, reason, run=run: site_done(run), signal=signals.spider_closed, weak=False)
        deferred = process.crawl(crawler, run=run)
        deferred.addErrback(lambda failure, run=run: _crawler_failed(run, failure))
    process.start()
    for run in runs:
        if run.source not in rows:  # the spider never closed: its crawler failed to start
            run.store.record_page_errors(run.errors)
            rows[run.source] = dict(
                run.summary(), status="failed", error=run.close_reason or "the crawler of this site did not run"
            )
            if on_progress:
                on_progress(rows[run.source])
    return [rows[s.source] for s in sites]


def _crawler_failed(run: SiteRun, failure: Any) -> None:
    log.error("crawl of %s failed: %s", run.source, failure.getErrorMessage())
    run.close_reason = f"crawler error: {failure.getErrorMessage()}"[:300]
