"""The item pipeline: articles to the store, in batches."""

from __future__ import annotations

from dataclasses import fields

from scrapy.crawler import Crawler

from crawl.items import ArticleItem
from crawl.settings import STORE_BATCH
from core.records import Article


_ITEM_FIELDS = tuple(f.name for f in fields(ArticleItem))


class StorePipeline:
    """Turns items into :class:`core.records.Article` and stores them with ``Store.add_articles``.

    Writes go in batches of ``STORE_BATCH`` and at spider close, never row by row, on the store's
    writer thread (:meth:`crawl.site_run.SiteRun.store_articles`): the reactor does not wait for them.
    The spider carries its :class:`crawl.site_run.SiteRun` (store and counters) as ``spider.run``.
    """

    def __init__(self, crawler: Crawler) -> None:
        self.crawler = crawler
        self.batch: list[Article] = []

    @classmethod
    def from_crawler(cls, crawler: Crawler) -> "StorePipeline":
        return cls(crawler)

    def process_item(self, item: ArticleItem) -> ArticleItem:
        self.batch.append(Article(**{name: getattr(item, name) for name in _ITEM_FIELDS}))
        if len(self.batch) >= STORE_BATCH:
            self.flush()
        return item

    def close_spider(self) -> None:
        self.flush()
        self.crawler.spider.run.close_raw_pages()

    def flush(self) -> None:
        if not self.batch:
            return
        batch, self.batch = self.batch, []
        self.crawler.spider.run.store_articles(batch)
