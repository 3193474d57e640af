"""The one generic spider: a registry :class:`~crawl.registry.Site` says where to look.

Discovery reads feeds, sitemaps and listing pages (with their pagination) and
keeps the links whose path matches the site's ``url_pattern``. It is incremental:

* an article whose canonical URL is already stored is never requested again, nor one
  settled by a permanent fault or waiting for the retry of a temporary one;
* pagination (a scheme of ``crawl/pagination.py``) stops at the first listing page whose
  article links are all seen: stored, settled, or failed on an earlier run (except in a
  backfill, ``since``, which pages on up to a larger bound), and once the site blocked the run;
* bot challenges are answered or recorded as ``blocked`` (``crawl/challenge.py``);
* listing pages and feeds are requested conditionally (ETag / Last-Modified from
  the ``http_cache`` table), and a 304 ends that branch of discovery.

Every failure becomes a ``page_errors`` row with a reason code; nothing raises.
"""

from __future__ import annotations

import re
from collections.abc import AsyncIterator, Iterable
from datetime import datetime
from email.utils import parsedate_to_datetime
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import Crawler
from scrapy.exceptions import (
    CannotResolveHostError,
    DownloadCancelledError,
    DownloadConnectionRefusedError,
    DownloadFailedError,
    DownloadTimeoutError,
    IgnoreRequest,
    ResponseDataLossError,
)
from scrapy.http import Response, TextResponse
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.internet import error as twisted_errors
from twisted.python.failure import Failure

from crawl.items import ArticleItem
from crawl.challenge import Blocked
from crawl.settings import BACKFILL_PAGE_FACTOR
from crawl.site_run import SiteRun
from extract.dates import date_from_url, parse_iso_datetime
from extract.charset import decode_html
from extract.html import html_rules, parse_html
from core.records import utcnow

_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.IGNORECASE)

_ERROR_REASONS: tuple[tuple[tuple[type[BaseException], ...], str], ...] = (
    ((DownloadTimeoutError, twisted_errors.TimeoutError, twisted_errors.TCPTimedOutError), "timeout"),
    ((CannotResolveHostError, twisted_errors.DNSLookupError), "dns"),
    ((ResponseDataLossError,), "truncated"),
    ((DownloadCancelledError,), "too_large"),
    (
        (
            DownloadConnectionRefusedError,
            DownloadFailedError,
            twisted_errors.ConnectError,
            twisted_errors.ConnectionLost,
            twisted_errors.ConnectionDone,
        ),
        "connection",
    ),
)


def failure_reason(failure: Failure) -> tuple[str, str]:
    """Reason code and detail of a failed request."""
    exc = failure.value
    if isinstance(exc, HttpError):
        status = exc.response.status
        return ("gone" if status in (404, 410) else "http_error"), f"HTTP {status}"
    if isinstance(exc, Blocked):
        return "blocked", str(exc).removeprefix("blocked: ")[:500]
    if isinstance(exc, IgnoreRequest):
        message = str(exc)
        if "robots.txt" in message:
            return "robots", "forbidden by robots.txt"
        if "redirections" in message:
            return "redirect_loop", "too many redirections"
        return "ignored", message
    for types, reason in _ERROR_REASONS:
        if isinstance(exc, types):
            return reason, f"{type(exc).__name__}: {exc}"[:500]
    return "connection", f"{type(exc).__name__}: {exc}"[:500]


def _declared_charset(response: Response) -> str | None:
    match = _CHARSET.search(response.headers.get("Content-Type", b"").decode("latin-1"))
    return match.group(1) if match else None


def _feed_date(text: str | None) -> datetime | None:
    if not text:
        return None
    try:
        return parsedate_to_datetime(text.strip()).replace(tzinfo=None)
    except (TypeError, ValueError):
        return parse_iso_datetime(text)


class SiteSpider(scrapy.Spider):
    """Crawls one site; all state lives in its :class:`SiteRun` (``self.run``)."""

    name = "congdoan_site"

    def __init__(self, run: SiteRun, **kwargs: Any):
        super().__init__(name=f"site:{run.source}", **kwargs)
        self.run = run
        self.site = run.site
        pages = self.site.discovery.max_pages
        self.page_limit = pages * BACKFILL_PAGE_FACTOR if run.since else pages

    @classmethod
    def from_crawler(cls, crawler: Crawler, *args: Any, **kwargs: Any) -> "SiteSpider":
        spider = super().from_crawler(crawler, *args, **kwargs)
        crawler.signals.connect(spider._response_received, signal=signals.response_received)
        crawler.signals.connect(spider._spider_error, signal=signals.spider_error)
        return spider

    def _response_received(self, response: Response, request: scrapy.Request, spider: scrapy.Spider) -> None:
        self.run.pages_fetched += 1

    def _spider_error(self, failure: Failure, response: Response, spider: scrapy.Spider) -> None:
        self.run.record_error(response.meta.get("canonical", response.url), "parse_error", f"{type(failure.value).__name__}: {failure.value}"[:500])
        if response.meta.get("kind") == "article":
            self.run.article_failed(response.meta["canonical"], "parse_error")

    # -- requests -----------------------------------------------------------------------

    async def start(self) -> AsyncIterator[scrapy.Request]:
        disc = self.site.discovery
        for path in disc.feeds:
            yield self._listing_request(path, "feed", self.parse_feed)
        for path in disc.sitemaps:
            yield self._listing_request(path, "sitemap", self.parse_sitemap)
        for path in disc.start_urls:
            yield self._listing_request(path, "listing", self.parse_listing, page=1, start=path)

    def _listing_request(self, path: str, kind: str, callback: Any, page: int | None = None, parent: str | None = None,
                         start: str | None = None, zone: str | None = None) -> scrapy.Request:
        url = self.run.url(path)
        canonical = self.site.canonical_url(url)
        headers = {}
        if self.run.since is None:
            etag, last_modified = self.run.http_cache.get(canonical, (None, None))
            if etag:
                headers["If-None-Match"] = etag
            if last_modified:
                headers["If-Modified-Since"] = last_modified
        self.run.listing_attempts += 1
        return scrapy.Request(
            url,
            callback=callback,
            errback=self.on_error,
            headers=headers,
            dont_filter=True,  # duplicates are ours to track; a redirect back here must reach REDIRECT_MAX_TIMES
            meta=self._meta(kind=kind, canonical=canonical, page=page, handle_httpstatus_list=[304], parent=parent,
                            start=start, zone=zone),
        )

    def _meta(self, **meta: Any) -> dict[str, Any]:
        """Request meta; a site with ``render = "browser"`` has its pages fetched by headless Chromium."""
        if self.site.render == "browser":
            meta["playwright"] = True
        return meta

    def _article_requests(self, paths: Iterable[str], listing: str) -> Iterable[scrapy.Request]:
        children = self.run.children.setdefault(listing, set())
        for path in paths:
            canonical = self.site.canonical_url(self.run.url(path))
            children.add(canonical)
            if self.run.is_known(canonical) or canonical in self.run.settled or canonical in self.run.requested:
                continue
            self.run.requested.add(canonical)
            self.run.article_attempts += 1
            yield scrapy.Request(
                self.run.url(path),
                callback=self.parse_article,
                errback=self.on_error,
                dont_filter=True,
                meta=self._meta(kind="article", canonical=canonical, parent=listing),
            )

    # -- listing pages, feeds, sitemaps ---------------------------------------------------

    def _read_listing(self, response: Response) -> bool:
        """Count a listing response and keep its validators; False when there is nothing to read."""
        run = self.run
        run.listing_pages += 1
        canonical = response.meta["canonical"]
        if response.status == 304:
            run.not_modified += 1
            run.listings_read += 1
            return False
        decoded = decode_html(response.body, _declared_charset(response))
        if decoded.problem or not isinstance(response, TextResponse):
            run.record_error(canonical, decoded.problem or "binary", decoded.detail or "not a text document")
            return False
        run.listings_read += 1
        etag = response.headers.get("ETag")
        last_modified = response.headers.get("Last-Modified")
        if etag or last_modified:
            run.validators[canonical] = (
                etag.decode("latin-1") if etag else None,
                last_modified.decode("latin-1") if last_modified else None,
            )
        return True

    def _keep_dated(self, path: str, published: datetime | None) -> bool:
        """In a backfill, skip links whose date (from the feed, sitemap or URL) is before ``since``."""
        if self.run.since is None:
            return True
        when = published or date_from_url(path)
        return when is None or when.date() >= self.run.since

    def parse_listing(self, response: Response) -> Iterable[scrapy.Request]:
        if not self._read_listing(response):
            return
        canonical = response.meta["canonical"]
        paths: list[str] = []
        for href in response.css("a::attr(href)").getall():
            path = self.site.local_path(href, response.url)
            if path and self.site.is_article_path(path) and path not in paths:
                paths.append(path)
        wanted = [p for p in paths if self._keep_dated(p, None)]
        self.run.links_found += len(paths)
        yield from self._article_requests(wanted, canonical)
        zone = response.meta.get("zone") or self.site.discovery.pagination.zone_of(response.text)
        next_path = self._next_page(response, paths, zone)
        if next_path:
            yield self._listing_request(next_path, "listing", self.parse_listing, page=response.meta["page"] + 1,
                                        parent=canonical, start=response.meta.get("start"), zone=zone)

    def _next_page(self, response: Response, paths: list[str], zone: str | None) -> str | None:
        """The next listing page, or None: no article links, all of them seen, dated before since,
        the site blocked this run, or the limit."""
        page = response.meta.get("page") or 1
        if not paths or page >= self.page_limit or self.run.blocked:
            return None
        canonicals = [self.site.canonical_url(self.run.url(p)) for p in paths]
        if self.run.since is None and all(self.run.is_seen(c) for c in canonicals):
            return None
        if self.run.since is not None and not any(self._keep_dated(p, None) for p in paths):
            return None
        pagination = self.site.discovery.pagination
        if pagination.templated:
            return pagination.path_for(page + 1, response.meta.get("start") or "", zone)
        for href in response.css("a[rel~=next]::attr(href)").getall():
            path = self.site.local_path(href, response.url)
            if path:
                return path
        next_texts = set(html_rules()["listing"]["next_texts"])
        for link in response.css("a"):
            text = " ".join(link.css("::text").getall()).strip().casefold()
            href = link.attrib.get("href")
            if href and text in next_texts:
                path = self.site.local_path(href, response.url)
                if path and not self.site.is_article_path(path):
                    return path
        return None

    def parse_feed(self, response: Response) -> Iterable[scrapy.Request]:
        if not self._read_listing(response):
            return
        selector = response.selector
        selector.remove_namespaces()
        paths: list[str] = []
        for entry in selector.xpath("//item | //entry"):
            link = entry.xpath("link/@href").get() or entry.xpath("link/text()").get() or entry.xpath("guid/text()").get()
            published = _feed_date(entry.xpath("pubDate/text() | published/text() | updated/text() | date/text()").get())
            path = self.site.local_path(link, response.url) if link else None
            if path and self.site.is_article_path(path) and self._keep_dated(path, published) and path not in paths:
                paths.append(path)
        self.run.links_found += len(paths)
        yield from self._article_requests(paths, response.meta["canonical"])

    def parse_sitemap(self, response: Response) -> Iterable[scrapy.Request]:
        if not self._read_listing(response):
            return
        selector = response.selector
        selector.remove_namespaces()
        canonical = response.meta["canonical"]
        for loc in selector.xpath("//sitemap/loc/text()").getall():
            path = self.site.local_path(loc, response.url)
            if path:
                yield self._listing_request(path, "sitemap", self.parse_sitemap, parent=canonical)
        paths: list[str] = []
        for entry in selector.xpath("//url"):
            loc = entry.xpath("loc/text()").get()
            published = _feed_date(entry.xpath("news/publication_date/text() | lastmod/text()").get())
            path = self.site.local_path(loc, response.url) if loc else None
            if path and self.site.is_article_path(path) and self._keep_dated(path, published):
                paths.append(path)
        self.run.links_found += len(paths)
        yield from self._article_requests(paths, canonical)

    # -- articles -------------------------------------------------------------------------

    def parse_article(self, response: Response) -> Iterable[ArticleItem]:
        run = self.run
        run.article_pages += 1
        canonical = response.meta["canonical"]
        page = parse_html(response.body, canonical, self.site, encoding=_declared_charset(response))
        if page.problem == "binary":
            run.record_error(canonical, page.problem, page.detail)
            run.article_failed(canonical, page.problem)
            return
        raw_path = run.raw_pages.save(canonical, response.body)
        if page.problem:
            if page.problem == "empty_body":
                run.empty_bodies += 1
            run.record_error(canonical, page.problem, page.detail)
            run.article_failed(canonical, page.problem)
            return
        if run.since and page.published_at and page.published_at.date() < run.since:
            return
        if page.note:  # stored, but read otherwise than declared: say so
            reason, _, detail = page.note.partition(": ")
            run.record_error(canonical, reason, detail)
        yield ArticleItem(
            url=canonical,
            source=self.site.source,
            title=page.title,
            body=page.body,
            published_at=page.published_at,
            byline=page.byline,
            fetched_at=utcnow(),
            raw_path=raw_path,
        )

    # -- errors ----------------------------------------------------------------------------

    def on_error(self, failure: Failure) -> None:
        request = failure.request
        if (request.meta.get("page") or 1) > 1 and isinstance(failure.value, HttpError):
            if failure.value.response.status in (404, 410):
                return  # paged past the last listing page: the end of the list, not an error
        reason, detail = failure_reason(failure)
        self.run.record_error(request.meta.get("canonical", request.url), reason, detail)
        if request.meta.get("kind") == "article":
            self.run.article_failed(request.meta["canonical"], reason)
        elif request.meta.get("parent"):
            # A listing page missing in the middle: its parent must be fetched in full next time.
            self.run.unfinished.add(request.meta["canonical"])
            self.run.children.setdefault(request.meta["parent"], set()).add(request.meta["canonical"])

    def closed(self, reason: str) -> None:
        self.run.close_reason = reason

