"""The item pipeline: articles to the store, in batches."""

from __future__ import annotations

from dataclasses import asdict

from scrapy.crawler import Crawler

from crawl.items import ArticleItem
from crawl.settings import STORE_BATCH
from core.records import Article


class StorePipeline:
    """Turns items into :class:`core.records.Article` and stores them with ``Store.add_articles``.

    Writes go in batches of ``STORE_BATCH`` and at spider close, never row by row.
    The spider carries its :class:`crawl.site_run.SiteRun` (store and counters) as ``spider.run``.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.batch: list[Article] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "StorePipeline":
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        self.batch.append(Article(**asdict(item)))
        if len(self.batch) >= STORE_BATCH:
            self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        self.crawler.spider.run.close_raw_pages()

    def flush(self) -> None:
        if not self.batch:
            return
        run = self.crawler.spider.run
        run.settle_raw_pages(self.batch)
        stored = run.store.add_articles(self.batch)
        run.articles_new += len(stored)
        run.add_known([a.url for a in stored])
        self.batch = []
