"""What one site's crawl knows and counts during a run, and its verdict at the end.

A :class:`SiteRun` is shared by the site's spider and item pipeline. It lives in the
reactor thread; the store it holds is used only by the crawl's :class:`StoreWriter`
thread, which stores the batches of articles (``crawl/store_writer.py``) and updates
the counts and known URLs that go with them.
The crawl does not depend on the pipeline's store: it needs only the few reads and writes
named by :class:`CrawlStore`, which ``pipeline.store.Store`` provides.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, Protocol

from core.records import Article, utcnow
from crawl.raw_pages import RawPages
from crawl.store_writer import StoreWriter
from crawl.registry import Site
from crawl.settings import EMPTY_BODY_FAIL_SHARE, EMPTY_BODY_MIN_PAGES, FAILURE_FAIL_SHARE

log = logging.getLogger(__name__)

# Reasons that say the site itself, not one page, is unwell: the listing is read in full again next time.
TRANSIENT_REASONS = frozenset({"http_error", "timeout", "dns", "connection", "truncated", "blocked"})
# Which faults settle a URL for good (404/410, a listing page, robots.txt) and how long the others
# wait before a retry is defined once, by the v_failing_pages view (pipeline/migrations/0005_sources.sql).
# Rows that note how a stored page was read (its charset repaired), not a failure.
NOTE_REASONS = frozenset({"charset_repaired"})


class CrawlStore(Protocol):
    """What a crawl reads from and writes to the database."""

    def add_articles(self, articles: Sequence[Article]) -> list[Article]: ...

    def record_page_errors(self, rows: Sequence[dict[str, Any]]) -> None: ...

    def all_http_validators(self) -> dict[str, tuple[str | None, str | None]]: ...

    def save_http_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None: ...


@dataclass
class SiteRun:
    site: Site
    origin: str
    store: CrawlStore
    raw_dir: Path
    run_id: str
    since: date | None = None
    known: set[str] = field(default_factory=set)
    # Article URLs not to request this run: settled for good, or failed and waiting for their retry.
    settled: set[str] = field(default_factory=set)
    # Article URLs that failed on an earlier run: seen, for the stop rule of the pagination.
    failed_before: set[str] = field(default_factory=set)
    cookies: dict[str, str] = field(default_factory=dict)
    # Validators stored by earlier runs (url -> (ETag, Last-Modified)), read once before the crawl.
    http_cache: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    # The thread that uses the store while the reactor runs; crawl_sites shares one between its sites.
    writer: StoreWriter = field(default_factory=StoreWriter, repr=False, compare=False)

    pages_fetched: int = 0
    listing_pages: int = 0
    article_pages: int = 0
    not_modified: int = 0
    articles_new: int = 0
    empty_bodies: int = 0
    listings_read: int = 0
    listing_attempts: int = 0
    article_attempts: int = 0
    article_failures: int = 0
    links_found: int = 0
    challenges_answered: int = 0
    blocked: int = 0
    close_reason: str | None = None
    finished: bool = False

    errors: list[dict[str, Any]] = field(default_factory=list)
    requested: set[str] = field(default_factory=set)
    # Validators of listing pages and feeds, saved only when the run of the site ends well and
    # every article they led to was handled: a 304 next time must not hide an article missed now.
    validators: dict[str, tuple[str | None, str | None]] = field(default_factory=dict)
    children: dict[str, set[str]] = field(default_factory=dict)
    unfinished: set[str] = field(default_factory=set)
    raw_pages: RawPages = field(init=False, repr=False, compare=False)
    _stored: list[tuple[int, Future[None]]] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self.raw_pages = RawPages(self.raw_dir, self.site.source)

    @property
    def source(self) -> str:
        return self.site.source

    def url(self, path: str) -> str:
        """The URL actually fetched for a path of the site."""
        return self.origin.rstrip("/") + path

    def is_known(self, canonical: str) -> bool:
        """The article is stored already (the one question the crawl asks of the stored URLs)."""
        return canonical in self.known

    def add_known(self, canonicals: Sequence[str]) -> None:
        """Articles this run has just stored."""
        self.known.update(canonicals)

    def is_seen(self, canonical: str) -> bool:
        """Stored, settled, waiting for a retry, or failed before: the pagination need not go on for it."""
        return self.is_known(canonical) or canonical in self.settled or canonical in self.failed_before

    def record_error(self, url: str, reason: str, detail: str | None = None) -> None:
        """A page_errors row; ``url`` is the canonical URL, so runs on other ports still match."""
        if reason == "blocked":
            self.blocked += 1
        self.errors.append(
            {"run_id": self.run_id, "source": self.source, "url": url, "reason": reason, "detail": detail, "occurred_at": utcnow()}
        )

    def article_failed(self, canonical: str, reason: str) -> None:
        """Count a failed article; a transient failure keeps its listing's validators unsaved, for a retry."""
        self.article_failures += 1
        if reason in TRANSIENT_REASONS:
            self.unfinished.add(canonical)

    def verdict(self) -> str | None:
        """Why the site failed this run, None when it did not."""
        if self.close_reason == "closespider_timeout":
            return "the site took longer than the crawl allows (slow or stuck); stopped"
        if self.close_reason not in (None, "finished"):
            return f"the crawl of the site stopped early ({self.close_reason})"
        if self.listing_attempts and not self.listings_read:
            first = next((e for e in self.errors if e["reason"] == "blocked"), None) or next(iter(self.errors), None)
            if first and first["reason"] == "blocked":
                return f"blocked by a bot challenge on every listing page, feed and sitemap ({first['detail']})"
            why = f": {first['reason']} ({first['detail']})" if first else ""
            return f"no listing page, feed or sitemap could be read{why}"
        if self.listings_read > self.not_modified and not self.links_found:
            return "no article links on any listing page, feed or sitemap: the layout may have changed"
        if self.article_attempts >= EMPTY_BODY_MIN_PAGES and self.article_failures / self.article_attempts >= FAILURE_FAIL_SHARE:
            reasons = Counter(e["reason"] for e in self.errors if e["url"] in self.requested)
            if reasons["blocked"] >= self.article_failures / 2:
                return f"blocked by a bot challenge: {reasons['blocked']} of {self.article_attempts} article pages"
        if self.article_pages >= EMPTY_BODY_MIN_PAGES and self.empty_body_share >= EMPTY_BODY_FAIL_SHARE:
            return (
                f"{self.empty_bodies} of {self.article_pages} article pages had no body: "
                "the selectors lost the body, the layout may have changed (check the selectors)"
            )
        if self.article_attempts >= EMPTY_BODY_MIN_PAGES and self.article_failures / self.article_attempts >= FAILURE_FAIL_SHARE:
            reasons = Counter(e["reason"] for e in self.errors if e["url"] in self.requested)
            why = ", ".join(f"{reason} {n}" for reason, n in reasons.most_common(3))
            return f"{self.article_failures} of {self.article_attempts} article pages could not be fetched or read ({why})"
        return None

    @property
    def empty_body_share(self) -> float:
        return self.empty_bodies / self.article_pages if self.article_pages else 0.0

    def summary(self) -> dict[str, Any]:
        """One row of crawl_site_runs, without run_id."""
        error = self.verdict()
        return {
            "source": self.source,
            "status": ("blocked" if error.startswith("blocked") else "failed") if error else "ok",
            "pages_fetched": self.pages_fetched,
            "listing_pages": self.listing_pages,
            "article_pages": self.article_pages,
            "not_modified": self.not_modified,
            "articles_new": self.articles_new,
            "failures": sum(1 for e in self.errors if e["reason"] not in NOTE_REASONS),
            "empty_bodies": self.empty_bodies,
            "empty_body_share": round(self.empty_body_share, 4),
            "error": error,
        }

    def store_articles(self, articles: list[Article]) -> None:
        """Hand a batch of articles to the store's writer, with the raw copies queued so far: the
        writer waits for those copies (an article whose copy could not be written is stored without
        ``raw_path``, the failure recorded), stores the batch and counts it. The reactor goes on."""
        self._collect(wait=False)
        self._stored.append((len(articles), self.writer.submit(self._store, articles, self.raw_pages.take())))

    def _store(self, articles: list[Article], raw: dict[str, Any]) -> None:
        """On the writer's thread."""
        self._raw_failed(RawPages.wait(raw), articles)
        stored = self.store.add_articles(articles)
        self.articles_new += len(stored)
        self.add_known([a.url for a in stored])

    def _collect(self, wait: bool) -> None:
        """Forget the stored batches (all of them, waiting, when ``wait``); log the batches that failed
        (as Scrapy logs an item pipeline's error: the crawl goes on)."""
        pending = []
        for size, future in self._stored:
            if not wait and not future.done():
                pending.append((size, future))
                continue
            error = future.exception()
            if error is not None:
                log.error("%s: storing a batch of %d articles failed", self.source, size, exc_info=error)
        self._stored = pending

    def close_raw_pages(self) -> None:
        """Wait for the last raw copies and stop their writer (again: no-op)."""
        self._raw_failed(self.raw_pages.close())

    def _raw_failed(self, failed: dict[str, tuple[str, str]], articles: Sequence[Article] = ()) -> None:
        for article in articles:
            if article.raw_path in failed:
                article.raw_path = None
        for canonical, why in failed.values():
            self.record_error(canonical, "raw_page_not_saved", why)

    def finish(self) -> dict[str, Any]:
        """Wait for the site's batches; record page errors and (for a healthy run) the listing
        validators; return the summary."""
        self.close_raw_pages()
        self._collect(wait=True)
        row = self.summary()
        self.writer.call(self._record, row["status"] == "ok")
        self.finished = True
        return row

    def _record(self, healthy: bool) -> None:
        """On the writer's thread."""
        self.store.record_page_errors(self.errors)
        if healthy:
            self.store.save_http_validators({
                url: validators for url, validators in self.validators.items()
                if not self.children.get(url, set()) & self.unfinished
            })
