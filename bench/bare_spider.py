"""The crawl benchmark's baseline: a bare Scrapy spider fetching the pages congdoan's spider fetches.

    .venv/bin/python bench/bare_spider.py REGISTRY_ENTRY ORIGIN

It reads the same registry entry, starts at the same listing page, follows the
same pagination and requests every article link, with the same Scrapy settings
as ``congdoan crawl`` with politeness off (:func:`crawl.settings.crawl_settings`),
minus congdoan's item pipeline and retry middleware. It parses no article,
stores nothing and keeps no state: the floor of what a Scrapy crawl costs.
Prints one JSON line: elapsed seconds, responses, peak memory and CPU seconds.
"""

from __future__ import annotations

import json
import resource
import sys
import time
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import scrapy
from scrapy import signals
from scrapy.crawler import CrawlerProcess
from scrapy.http import Response

from crawl.registry import Site, parse_site
from crawl.settings import crawl_settings


class BareSpider(scrapy.Spider):
    name = "bare"

    def __init__(self, site: Site, origin: str, **kwargs: Any):
        super().__init__(**kwargs)
        self.site = site
        self.origin = origin.rstrip("/")
        self.start_urls = [self.origin + path for path in site.discovery.start_urls]

    def parse(self, response: Response) -> Iterable[scrapy.Request]:
        for href in response.css("a::attr(href)").getall():
            path = self.site.local_path(href, response.url)
            if path and self.site.is_article_path(path):
                yield scrapy.Request(self.origin + path, callback=self.parse_article)
        for href in response.css("a[rel~=next]::attr(href)").getall():
            yield response.follow(href, callback=self.parse)

    def parse_article(self, response: Response) -> None:
        return None


def bare_settings() -> dict[str, Any]:
    settings = crawl_settings(polite=False)
    for key in ("ITEM_PIPELINES", "DOWNLOADER_MIDDLEWARES", "CONGDOAN_RETRY_BACKOFF"):
        settings.pop(key)
    return settings


def main() -> None:
    entry, origin = Path(sys.argv[1]), sys.argv[2]
    site = parse_site(entry)
    responses = 0

    def count(**_: Any) -> None:
        nonlocal responses
        responses += 1

    start = time.perf_counter()
    process = CrawlerProcess(bare_settings())
    crawler = process.create_crawler(BareSpider)
    crawler.signals.connect(count, signal=signals.response_received)
    process.crawl(crawler, site=site, origin=origin)
    process.start()
    elapsed = time.perf_counter() - start
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(json.dumps({"seconds": elapsed, "responses": responses, "peak_mb": usage.ru_maxrss / 1024,
                      "cpu_s": usage.ru_utime + usage.ru_stime}))


if __name__ == "__main__":
    main()
