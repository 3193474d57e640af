"""Plain records that travel between the crawler, the importer, the extractors and the store."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime, timezone
from functools import cached_property
from typing import Any

_SPACES = re.compile(r"\s+")


def utcnow() -> datetime:
    """Naive UTC timestamp, as stored in TIMESTAMP columns."""
    return datetime.now(timezone.utc).replace(tzinfo=None)


def nfc(text: str) -> str:
    """All text is stored as Unicode NFC."""
    return unicodedata.normalize("NFC", text)


def stable_id(text: str) -> int:
    """A stable 60-bit identifier of a text: the first 60 bits of its SHA-1 (fits DuckDB's BIGINT)."""
    return int(hashlib.sha1(text.encode("utf-8")).hexdigest()[:15], 16)


def article_id_for(url: str) -> int:
    """The identifier of a canonical URL."""
    return stable_id(url)


def content_hash_for(body: str) -> str:
    """Hash of the whitespace-normalised, case-folded body: the same text under two URLs."""
    normalised = _SPACES.sub(" ", nfc(body)).strip().casefold()
    return hashlib.sha1(normalised.encode("utf-8")).hexdigest()


@dataclass
class Article:
    """A cleaned article ready to be stored."""

    url: str
    source: str
    title: str | None
    body: str
    fetched_at: datetime
    published_at: datetime | None = None
    byline: str | None = None
    raw_path: str | None = None

    def __post_init__(self) -> None:
        self.title = nfc(self.title).strip() if self.title else None
        self.body = nfc(self.body).strip()
        self.byline = nfc(self.byline).strip() if self.byline else None

    @property
    def article_id(self) -> int:
        return article_id_for(self.url)

    @cached_property
    def content_hash(self) -> str:
        """(Computed once: the store reads it several times per article, and ``body`` is set once, here.)"""
        return content_hash_for(self.body)

    def row(self) -> dict[str, Any]:
        return {
            "article_id": self.article_id,
            "url": self.url,
            "source": self.source,
            "title": self.title,
            "published_at": self.published_at,
            "byline": self.byline,
            "body": self.body,
            "content_hash": self.content_hash,
            "fetched_at": self.fetched_at,
            "raw_path": self.raw_path,
            "extracted_with": None,
        }


@dataclass
class Source:
    """A row of the ``sources`` table."""

    source: str
    name: str
    kind: str
    base_url: str | None = None
    province: str | None = None
    verified: bool = False
    status: str = "active"  # or "ceased": the source stopped publishing (merged or closed)
    ended: date | None = None
    successor: str | None = None

    def row(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "name": self.name,
            "base_url": self.base_url,
            "province": self.province,
            "kind": self.kind,
            "verified": self.verified,
            "status": self.status,
            "ended": self.ended,
            "successor": self.successor,
        }


@dataclass
class Extraction:
    """Every row the extractors produced for one article, keyed by table name."""

    article_id: int
    version: str
    tables: dict[str, list[dict[str, Any]]] = field(default_factory=dict)

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables.get(table, [])
