"""The site registry: one TOML file per source under ``data/sites/``.

Each file says where a site lists its articles (start pages, pagination, feeds,
sitemaps), which URLs are articles, and optionally which CSS selectors hold the
title, lead, body, date and byline. The one generic spider reads nothing else.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit

from core.config import SITES_DIR
from core.records import Source
from crawl.evidence import Evidence, parse_evidence
from crawl.pagination import Pagination, make_pagination
from extract.lexicon import lexicon

KINDS = ("national_union", "provincial_union", "newspaper", "sample")
STATUSES = ("active", "ceased")
RENDERS = ("http", "browser")
_TOP_REQUIRED = ("source", "name", "base_url", "kind")
_TOP_KNOWN = {
    *_TOP_REQUIRED, "province", "verified", "sample_dir", "models", "notes", "discovery", "article",
    "status", "ended", "successor", "render", "evidence",
}
_DISCOVERY_KNOWN = {
    "start_urls", "pagination", "pagination_scheme", "pagination_start", "pagination_zone", "feeds", "sitemaps", "max_pages",
}
_ARTICLE_KNOWN = {"url_pattern", "title", "lead", "facts", "body", "date", "byline", "drop"}
_SELECTOR_KEYS = ("title", "lead", "facts", "body", "date", "byline")


class RegistryError(ValueError):
    """A registry file that cannot be used, with the file and the reason."""


def _tracking_rules() -> tuple[tuple[str, ...], frozenset[str]]:
    data = lexicon("html")["urls"]
    return tuple(data["tracking_param_prefixes"]), frozenset(data["tracking_params"])


_TRACKING_PREFIXES, _TRACKING_PARAMS = _tracking_rules()


def _is_tracking(param: str) -> bool:
    name = param.lower()
    return name in _TRACKING_PARAMS or name.startswith(_TRACKING_PREFIXES)


def path_and_query(url: str) -> str:
    """``/path?query`` of a URL, without fragment and tracking parameters ("/" for an empty path)."""
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _is_tracking(k)]
    path = parts.path or "/"
    return path + ("?" + urlencode(query) if query else "")


@dataclass(frozen=True)
class Discovery:
    """Where the site lists its articles."""

    start_urls: tuple[str, ...] = ()
    pagination: Pagination = Pagination()
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    max_pages: int = 20


@dataclass(frozen=True)
class ArticleRules:
    """Which URLs are articles and, optionally, where their parts are."""

    url_pattern: str
    title: str | None = None
    lead: str | None = None
    facts: str | None = None  # boxed facts outside the body element: article text too
    body: str | None = None
    date: str | None = None
    byline: str | None = None
    drop: tuple[str, ...] = ()
    regex: re.Pattern[str] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "regex", re.compile(self.url_pattern))


@dataclass(frozen=True)
class Site:
    """One registry entry."""

    source: str
    name: str
    base_url: str
    kind: str
    discovery: Discovery
    article: ArticleRules
    province: str = ""
    verified: bool = False
    sample_dir: str | None = None
    models: str = ""
    notes: str = ""
    status: str = "active"
    ended: date | None = None
    successor: str = ""
    render: str = "http"
    evidence: dict[str, Evidence] = field(default_factory=dict, compare=False)

    @property
    def ceased(self) -> bool:
        """The source stopped publishing (merged or closed): its archive is crawled only in a backfill."""
        return self.status == "ceased"

    @property
    def host(self) -> str:
        return urlsplit(self.base_url).hostname or ""

    def source_record(self) -> Source:
        return Source(
            source=self.source,
            name=self.name,
            kind=self.kind,
            base_url=self.base_url,
            province=self.province or None,
            verified=self.verified,
            status=self.status,
            ended=self.ended,
            successor=self.successor or None,
        )

    def canonical_url(self, fetched_url: str) -> str:
        """``base_url`` + path?query of the fetched URL: the server's host and port do not matter."""
        return self.base_url + path_and_query(fetched_url)

    def local_path(self, link: str, fetched_from: str) -> str | None:
        """Path?query of a link found on a page of this site, None when it leads elsewhere.

        A link counts as internal when it is relative, or points at the canonical host
        (with or without ``www.``) or at the host the page was fetched from.
        """
        absolute = urljoin(fetched_from, link.strip())
        parts = urlsplit(absolute)
        if parts.scheme not in ("http", "https"):
            return None
        hosts = {self.host, self.host.removeprefix("www."), "www." + self.host.removeprefix("www.")}
        fetched = urlsplit(fetched_from)
        if parts.hostname in hosts or (parts.hostname, parts.port) == (fetched.hostname, fetched.port):
            return path_and_query(absolute)
        return None

    def is_article_path(self, path: str) -> bool:
        return self.article.regex.search(path) is not None

    @property
    def selectors(self) -> dict[str, str]:
        """The CSS selectors this entry gives, by part name."""
        return {k: getattr(self.article, k) for k in _SELECTOR_KEYS if getattr(self.article, k)}


def _fail(path: Path, message: str) -> RegistryError:
    return RegistryError(f"{path.name}: {message}")


def _string_list(path: Path, table: dict[str, Any], key: str, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise _fail(path, f"{where}.{key} must be a list of strings")
    return tuple(value)


def _optional_str(path: Path, table: dict[str, Any], key: str, where: str) -> str | None:
    value = table.get(key)
    if value is not None and not isinstance(value, str):
        raise _fail(path, f"{where}.{key} must be a string")
    return value or None


def _check_unknown(path: Path, table: dict[str, Any], known: set[str], where: str) -> None:
    unknown = sorted(set(table) - known)
    if unknown:
        raise _fail(path, f"unknown key(s) in {where}: {', '.join(unknown)}")


def _check_selector(path: Path, key: str, selector: str) -> None:
    from parsel import Selector  # parsel validates CSS through cssselect

    try:
        Selector(text="<html></html>").css(selector)
    except Exception as exc:  # cssselect raises several error types
        raise _fail(path, f"article.{key} is not a valid CSS selector ({selector!r}): {exc}") from None


def parse_site(path: Path) -> Site:
    """Read and validate one registry file."""
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise _fail(path, f"not valid TOML: {exc}") from None
    missing = [k for k in _TOP_REQUIRED if not data.get(k)]
    if missing:
        raise _fail(path, f"missing key(s): {', '.join(missing)}")
    _check_unknown(path, data, _TOP_KNOWN, "the top level")
    if data["source"] != path.stem:
        raise _fail(path, f"source {data['source']!r} must equal the file name stem {path.stem!r}")
    if data["kind"] not in KINDS:
        raise _fail(path, f"unknown kind {data['kind']!r} (expected one of {', '.join(KINDS)})")
    base = urlsplit(data["base_url"])
    if base.scheme not in ("http", "https") or not base.hostname or base.path not in ("", "/"):
        raise _fail(path, f"base_url must be a bare origin like https://example.vn, got {data['base_url']!r}")
    sample_dir = data.get("sample_dir")
    if data["kind"] == "sample" and not sample_dir:
        raise _fail(path, "a sample site needs sample_dir")
    if data["kind"] != "sample" and sample_dir:
        raise _fail(path, "sample_dir is only for kind = 'sample'")

    disc = data.get("discovery")
    if not isinstance(disc, dict):
        raise _fail(path, "missing [discovery] table")
    _check_unknown(path, disc, _DISCOVERY_KNOWN, "[discovery]")
    max_pages = disc.get("max_pages", 20)
    if not isinstance(max_pages, int) or isinstance(max_pages, bool) or max_pages < 1:
        raise _fail(path, "discovery.max_pages must be a positive integer")
    pagination, problem = make_pagination(
        _optional_str(path, disc, "pagination", "discovery"),
        _optional_str(path, disc, "pagination_scheme", "discovery"),
        disc.get("pagination_start"),
        _optional_str(path, disc, "pagination_zone", "discovery"),
    )
    if pagination is None:
        raise _fail(path, problem or "invalid pagination")
    discovery = Discovery(
        start_urls=_string_list(path, disc, "start_urls", "discovery"),
        pagination=pagination,
        feeds=_string_list(path, disc, "feeds", "discovery"),
        sitemaps=_string_list(path, disc, "sitemaps", "discovery"),
        max_pages=max_pages,
    )
    if not (discovery.start_urls or discovery.feeds or discovery.sitemaps):
        raise _fail(path, "discovery needs at least one of start_urls, feeds, sitemaps")
    for url in (*discovery.start_urls, *discovery.feeds, *discovery.sitemaps):
        if not url.startswith("/"):
            raise _fail(path, f"discovery URLs are paths starting with '/', got {url!r}")

    art = data.get("article")
    if not isinstance(art, dict):
        raise _fail(path, "missing [article] table")
    _check_unknown(path, art, _ARTICLE_KNOWN, "[article]")
    pattern = art.get("url_pattern")
    if not isinstance(pattern, str) or not pattern:
        raise _fail(path, "missing article.url_pattern")
    try:
        re.compile(pattern)
    except re.error as exc:
        raise _fail(path, f"article.url_pattern is not a valid regex ({pattern!r}): {exc}") from None
    selectors = {k: _optional_str(path, art, k, "article") for k in _SELECTOR_KEYS}
    drop = _string_list(path, art, "drop", "article")
    for key, selector in [*selectors.items(), *(("drop", d) for d in drop)]:
        if selector:
            _check_selector(path, key, selector)
    article = ArticleRules(url_pattern=pattern, drop=drop, **selectors)

    verified = data.get("verified", False)
    if not isinstance(verified, bool):
        raise _fail(path, "verified must be true or false")
    status, ended, successor = _status(path, data)
    render = data.get("render", "http")
    if render not in RENDERS:
        raise _fail(path, f"render must be one of {', '.join(RENDERS)}, got {render!r}")
    evidence: dict[str, Evidence] = {}
    if data["kind"] != "sample":
        evidence, problems = parse_evidence(data.get("evidence"))
        if problems:
            raise _fail(path, "; ".join(problems))
        if verified and not all(e.evidenced for e in evidence.values()):
            raise _fail(path, "verified = true needs every aspect of [evidence] evidenced")
    elif "evidence" in data:
        raise _fail(path, "[evidence] is for real sources; a sample site is verified by its tests")
    return Site(
        source=data["source"],
        name=data["name"],
        base_url=data["base_url"].rstrip("/"),
        kind=data["kind"],
        discovery=discovery,
        article=article,
        province=data.get("province", "") or "",
        verified=verified,
        sample_dir=sample_dir,
        models=data.get("models", "") or "",
        notes=data.get("notes", "") or "",
        status=status,
        ended=ended,
        successor=successor,
        render=render,
        evidence=evidence,
    )


def _status(path: Path, data: dict[str, Any]) -> tuple[str, date | None, str]:
    """``status``, ``ended`` and ``successor`` of an entry: a ceased source says when and who took over."""
    status = data.get("status", "active")
    if status not in STATUSES:
        raise _fail(path, f"status must be one of {', '.join(STATUSES)}, got {status!r}")
    ended = data.get("ended")
    successor = data.get("successor", "")
    if status == "ceased" and not (isinstance(ended, date) and isinstance(successor, str) and successor):
        raise _fail(path, "a ceased source needs ended = YYYY-MM-DD and successor = \"...\"")
    if status == "active" and (ended is not None or successor):
        raise _fail(path, "ended and successor are only for status = 'ceased'")
    return status, ended, successor


def select_sites(registry: dict[str, Site], names: list[str] | None, *, since: date | None,
                 samples: bool = False) -> tuple[list[Site], list[Site]]:
    """The sites a crawl takes, and the ceased ones it leaves out.

    Without names: every real source (or every sample site). A ceased source is
    crawled only in a backfill (``since``): its archive does not grow.
    Unknown names raise :class:`KeyError` with the names.
    """
    if names:
        unknown = [n for n in names if n not in registry]
        if unknown:
            raise KeyError(", ".join(unknown))
        chosen = [registry[n] for n in names]
    else:
        chosen = [s for s in registry.values() if (s.kind == "sample") == samples]
    if since is not None:
        return chosen, []
    return [s for s in chosen if not s.ceased], [s for s in chosen if s.ceased]


def load_registry(directory: Path = SITES_DIR) -> dict[str, Site]:
    """Every ``*.toml`` entry of the directory, keyed by source, validated."""
    sites = {}
    for path in sorted(Path(directory).glob("*.toml")):
        site = parse_site(path)
        sites[site.source] = site
    return sites
