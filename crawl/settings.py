"""Scrapy settings of a congdoan crawl, and the thresholds that fail a site for a run.

``polite=True`` is for real sites: robots.txt, at most two concurrent requests per
domain, a delay adjusted by AutoThrottle, retries with exponential backoff.
``polite=False`` (tests, the demo on loopback) drops the delays but still obeys robots.txt.
"""

from __future__ import annotations

import os
from typing import Any

from core.config import MAX_PAGE_BYTES, USER_AGENT

# Debian's chromium, for sites registered with render = "browser" (scrapy-playwright drives it).
CHROMIUM = os.environ.get("CONGDOAN_CHROMIUM", "/usr/bin/chromium")

# A site fails a run when at least this share of its article pages yield no body (layout drift) ...
EMPTY_BODY_FAIL_SHARE = 0.5
# ... counted only once it has fetched this many article pages.
EMPTY_BODY_MIN_PAGES = 3
# Article requests failing in this share (with at least EMPTY_BODY_MIN_PAGES tried) fail the site too.
FAILURE_FAIL_SHARE = 0.5
# Articles stored per Store.add_articles batch.
STORE_BATCH = 100
# How many listing pages a backfill (--since) may follow past a site's max_pages.
BACKFILL_PAGE_FACTOR = 50


def crawl_settings(polite: bool = True, overrides: dict[str, Any] | None = None) -> dict[str, Any]:
    settings: dict[str, Any] = {
        "USER_AGENT": USER_AGENT,
        "ROBOTSTXT_OBEY": True,
        "COOKIES_ENABLED": False,
        "TELNETCONSOLE_ENABLED": False,
        "LOG_LEVEL": "INFO",
        "LOG_INSTALL_ROOT_HANDLER": False,  # the caller owns logging: the rotating congdoan.log
        "CONCURRENT_REQUESTS": 16,
        # Outputs of one callback handled at a time: the item pipeline is synchronous (batched DuckDB
        # writes), and Scrapy starts this many asyncio tasks per response (100 by default: 10% of a
        # crawl's CPU on loopback).
        "CONCURRENT_ITEMS": 4,
        # Scrapy reads the source of every generator callback, per response, to warn about a
        # `return value` in it (its cache is keyed by the bound method, new for each request):
        # about 1 ms per article page, a fifth of a crawl's CPU on loopback. A development check.
        "WARN_ON_GENERATOR_RETURN_VALUE": False,
        "CONCURRENT_REQUESTS_PER_DOMAIN": 2 if polite else 8,
        "DOWNLOAD_DELAY": 1.0 if polite else 0,
        "RANDOMIZE_DOWNLOAD_DELAY": True,
        "AUTOTHROTTLE_ENABLED": polite,
        "AUTOTHROTTLE_START_DELAY": 2.0,
        "AUTOTHROTTLE_MAX_DELAY": 30.0,
        "AUTOTHROTTLE_TARGET_CONCURRENCY": 1.0,
        "DOWNLOAD_TIMEOUT": 30 if polite else 10,
        "DOWNLOAD_MAXSIZE": MAX_PAGE_BYTES,
        "DOWNLOAD_WARNSIZE": 2 * 1024 * 1024,
        "RETRY_ENABLED": True,
        "RETRY_TIMES": 3 if polite else 1,
        "RETRY_HTTP_CODES": [500, 502, 503, 504, 522, 524, 408, 429],
        "CONGDOAN_RETRY_BACKOFF": 2.0 if polite else 0.0,
        "REDIRECT_MAX_TIMES": 10,
        "DOWNLOADER_MIDDLEWARES": {
            "scrapy.downloadermiddlewares.retry.RetryMiddleware": None,
            "crawl.middlewares.BackoffRetryMiddleware": 550,
            # After decompression (590), before the retry (550): a 503 challenge is a challenge, not a busy server.
            "crawl.middlewares.ChallengeMiddleware": 580,
        },
        "ITEM_PIPELINES": {"crawl.pipelines.StorePipeline": 300},
        # A slow or stuck site must not hold the nightly run: stop it after this many seconds.
        "CLOSESPIDER_TIMEOUT": 3600 if polite else 300,
        "HTTPERROR_ALLOW_ALL": False,
    }
    settings.update(overrides or {})
    return settings


def browser_settings() -> dict[str, Any]:
    """Settings added for a ``render = "browser"`` site: its requests go through headless Chromium.

    Only requests marked ``meta["playwright"]`` use the browser; robots.txt still comes over HTTP.
    Concurrency, delays, retries and limits are the site's usual ones.
    """
    handler = "scrapy_playwright.handler.ScrapyPlaywrightDownloadHandler"
    return {
        "DOWNLOAD_HANDLERS": {"http": handler, "https": handler},
        "PLAYWRIGHT_BROWSER_TYPE": "chromium",
        "PLAYWRIGHT_LAUNCH_OPTIONS": {"executable_path": CHROMIUM, "headless": True, "args": ["--no-sandbox"]},
        "PLAYWRIGHT_MAX_CONTEXTS": 1,
        "PLAYWRIGHT_MAX_PAGES_PER_CONTEXT": 2,
    }
