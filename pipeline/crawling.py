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
from crawl.settings import browser_settings, crawl_settings
from crawl.site_run import SiteRun
from crawl.spider import SiteSpider
from crawl.store_writer import StoreWriter
from core.config import Workspace
from core.records import utcnow
from pipeline.logs import setup_logging
from pipeline.store import Store

log = logging.getLogger(__name__)


def failed_urls(store: Store, source: str, today: date) -> tuple[set[str], set[str]]:
    """URLs not to request today (settled for good, or waiting for their retry) and every URL that failed before.

    A permanent fault (404/410, a listing page, robots.txt) settles a URL; a temporary one
    (binary, too large, timeout, 5xx, blocked ...) is retried after a back-off that doubles
    with each failed run: the rule is the ``v_failing_pages`` view.
    """
    rows = store.con.execute(
        "SELECT url, permanent OR retry_after > ? FROM v_failing_pages WHERE source = ?", [today, source]
    ).fetchall()
    return {url for url, wait in rows if wait}, {url for url, _ in rows}


# A page that failed in this many runs is reported after each crawl (it is still retried).
KEEPS_FAILING_RUNS = 3


def keeps_failing(store: Store, sources: list[str]) -> dict[str, int]:
    """Per source, the pages that failed in ``KEEPS_FAILING_RUNS`` runs or more for a temporary reason."""
    rows = store.con.execute(
        """SELECT source, count(*) FROM v_failing_pages
           WHERE NOT permanent AND attempts >= ? AND source IN ? GROUP BY source ORDER BY source""",
        [KEEPS_FAILING_RUNS, sources or [""]],
    ).fetchall()
    return dict(rows)


class BrowserSiteSpider(SiteSpider):
    """The generic spider for a ``render = "browser"`` site: the same rules, pages rendered by Chromium."""

    custom_settings = browser_settings()


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
    today = utcnow().date()
    writer = StoreWriter()  # the store's one user while the reactor runs
    http_cache = store.all_http_validators() if since is None else {}
    runs = []
    for site in sites:
        settled, failed_before = failed_urls(store, site.source, today)
        runs.append(SiteRun(
            site=site,
            origin=origins.get(site.source, site.base_url),
            store=store,
            raw_dir=ws.raw_dir,
            run_id=run_id,
            since=since,
            known=store.known_urls(site.source),
            settled=settled,
            failed_before=failed_before,
            http_cache=http_cache,
            writer=writer,
        ))
    rows: dict[str, dict[str, Any]] = {}

    def site_done(run: SiteRun) -> None:
        rows[run.source] = run.finish()
        if on_progress:
            on_progress(rows[run.source])

    setup_logging(ws)
    log.info("run %s: crawling %d site(s)", run_id, len(runs))
    process = CrawlerProcess(crawl_settings(polite, settings))
    # Scrapy sets its loggers to DEBUG: below the log's level, its records (two per page, the
    # item's included) would be made only for the log's handler to drop them.
    logging.getLogger("scrapy").setLevel(logging.getLogger().getEffectiveLevel())
    for run in runs:
        crawler = process.create_crawler(BrowserSiteSpider if run.site.render == "browser" else SiteSpider)
        crawler.signals.connect(lambda spider, reason, run=run: site_done(run), signal=signals.spider_closed, weak=False)
        deferred = process.crawl(crawler, run=run)
        deferred.addErrback(lambda failure, run=run: _crawler_failed(run, failure))
    try:
        process.start()
    finally:
        writer.close()
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
