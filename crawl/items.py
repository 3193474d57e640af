"""The item the spider yields for each article page it could read."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime


@dataclass
class ArticleItem:
    url: str  # canonical URL (the site's base_url + path?query)
    source: str
    title: str | None
    body: str
    published_at: datetime | None
    byline: str | None
    fetched_at: datetime
    raw_path: str | None
