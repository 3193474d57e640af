"""``congdoan sites check``: is a registry entry still right about the live site?

For each site: robots.txt, the start page (or feed), the next listing page, and
one article, fetched one at a time with the crawl's user agent; then the same
discovery (article links by ``url_pattern``) and extraction (``parse_html`` with
the site's selectors) as the crawl. One verdict per site:

``ok``                 links found and the article parsed
``blocked``            a bot challenge that cannot be answered (a cookie challenge is answered, as in the crawl),
                       or robots.txt forbids the start page
``moved``              the start page answers 404/410, or redirects to another host
``no articles found``  the start page holds no link matching the article URL pattern
``body lost``          the article page parsed to no body (the selectors no longer fit)
``unreachable``        the site did not answer, or answered a server error

``save`` keeps every fetched page, to turn into a fixture (with our own words).
Plain blocking HTTP (urllib), no reactor: it also runs after a failed nightly crawl.
"""

from __future__ import annotations

import time
import urllib.error
import urllib.request
import urllib.robotparser
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from parsel import Selector

from core.config import USER_AGENT
from crawl.challenge import detect_challenge
from crawl.registry import Site
from extract.html import parse_html

VERDICTS = ("ok", "blocked", "moved", "no articles found", "body lost", "unreachable")
_MAX_BYTES = 8 * 1024 * 1024


@dataclass
class Fetched:
    url: str  # the URL finally answered (after redirects)
    status: int
    body: bytes = b""
    error: str | None = None


@dataclass
class CheckResult:
    source: str
    verdict: str
    reason: str
    saved: list[Path] = field(default_factory=list)

    def __post_init__(self) -> None:
        if self.verdict not in VERDICTS:
            raise ValueError(f"unknown verdict {self.verdict!r}")

    def line(self) -> str:
        return f"{self.source}: {self.verdict} - {self.reason}"


class _Session:
    """One site's fetches: the crawl's user agent, a pause between requests, a challenge cookie once answered."""

    def __init__(self, delay: float, timeout: float, save_dir: Path | None):
        self.delay = delay
        self.timeout = timeout
        self.save_dir = save_dir
        self.cookies: dict[str, str] = {}
        self.saved: list[Path] = []
        self._last = 0.0

    def get(self, url: str, name: str) -> Fetched:
        fetched = self._get(url)
        challenge = detect_challenge(fetched.status, fetched.body) if not fetched.error else None
        if challenge and challenge.cookie:
            self.cookies[challenge.cookie[0]] = challenge.cookie[1]
            fetched = self._get(url)
        self._save(name, fetched)
        return fetched

    def _get(self, url: str) -> Fetched:
        wait = self._last + self.delay - time.monotonic()
        if wait > 0:
            time.sleep(wait)
        headers = {"User-Agent": USER_AGENT}
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        request = urllib.request.Request(url, headers=headers)
        try:
            with urllib.request.urlopen(request, timeout=self.timeout) as response:
                return Fetched(response.geturl(), response.status, response.read(_MAX_BYTES))
        except urllib.error.HTTPError as exc:
            return Fetched(exc.geturl() or url, exc.code, exc.read(_MAX_BYTES) if exc.fp else b"")
        except (urllib.error.URLError, OSError, ValueError) as exc:
            reason = getattr(exc, "reason", exc)
            return Fetched(url, 0, error=f"{type(exc).__name__}: {reason}")
        finally:
            self._last = time.monotonic()

    def _save(self, name: str, fetched: Fetched) -> None:
        if self.save_dir is None or not fetched.body:
            return
        self.save_dir.mkdir(parents=True, exist_ok=True)
        path = self.save_dir / name
        path.write_bytes(fetched.body)
        self.saved.append(path)


def _same_site(site: Site, requested: str, answered: str) -> bool:
    hosts = {urlsplit(requested).hostname, site.host, site.host.removeprefix("www."), "www." + site.host.removeprefix("www.")}
    return urlsplit(answered).hostname in hosts


def _problem(site: Site, url: str, fetched: Fetched, what: str) -> tuple[str, str] | None:
    """A verdict and reason when a fetched page stops the check, None when it can be read."""
    if fetched.error:
        return "unreachable", f"{what} {url}: {fetched.error}"
    challenge = detect_challenge(fetched.status, fetched.body)
    if challenge:
        return "blocked", f"{what} {url}: {challenge.reason}"
    if not _same_site(site, url, fetched.url):
        return "moved", f"{what} {url} redirects to another host: {fetched.url}"
    if fetched.status in (404, 410):
        return "moved", f"{what} {url} answers HTTP {fetched.status}: the page moved or the section is gone"
    if fetched.status >= 400:
        return "unreachable", f"{what} {url} answers HTTP {fetched.status}"
    return None


def article_paths(site: Site, url: str, body: bytes) -> list[str]:
    """Paths of the site's articles linked from a page or listed in a feed or sitemap, in order."""
    text = body.decode("utf-8", errors="replace")
    if text.lstrip().startswith("<?xml") or "<rss" in text[:500]:
        selector = Selector(text=text, type="xml")
        selector.remove_namespaces()
        hrefs = selector.xpath("//item/link/text() | //entry/link/@href | //url/loc/text()").getall()
    else:
        hrefs = Selector(text=text).css("a::attr(href)").getall()
    paths: list[str] = []
    for href in hrefs:
        path = site.local_path(href, url)
        if path and site.is_article_path(path) and path not in paths:
            paths.append(path)
    return paths


def check_site(site: Site, origin: str | None = None, *, save_dir: Path | None = None,
               delay: float = 1.0, timeout: float = 20.0) -> CheckResult:
    """Fetch robots.txt, the start page, the next listing page and one article; return the verdict."""
    origin = (origin or site.base_url).rstrip("/")
    session = _Session(delay, timeout, save_dir / site.source if save_dir else None)

    def result(verdict: str, reason: str) -> CheckResult:
        return CheckResult(site.source, verdict, reason, session.saved)

    robots = session.get(origin + "/robots.txt", "robots.txt")
    rules = urllib.robotparser.RobotFileParser()
    rules.parse(robots.body.decode("utf-8", "replace").splitlines() if robots.status == 200 else [])
    disc = site.discovery
    start = (disc.start_urls or disc.feeds or disc.sitemaps)[0]
    if not rules.can_fetch(USER_AGENT, origin + start):
        return result("blocked", f"robots.txt forbids the start page {start}")
    page = session.get(origin + start, "start.html")
    stop = _problem(site, origin + start, page, "start page")
    if stop:
        return result(*stop)
    paths = article_paths(site, page.url, page.body)
    if not paths:
        return result("no articles found", f"no link on {start} matches the article URL pattern {site.article.url_pattern}")
    notes = [f"{len(paths)} article link(s) on {start}"]
    next_path = disc.pagination.path_for(2) if disc.start_urls else None
    if next_path:
        listing = session.get(origin + next_path, "listing-2.html")
        trouble = _problem(site, origin + next_path, listing, "listing page 2")
        notes.append(f"listing page 2 {next_path}: " + (trouble[1] if trouble else f"{len(article_paths(site, listing.url, listing.body))} link(s)"))
    article_url = origin + paths[0]
    article = session.get(article_url, "article.html")
    stop = _problem(site, article_url, article, "article")
    if stop:
        return result(*stop)
    parsed = parse_html(article.body, site.canonical_url(article_url), site)
    if parsed.problem == "empty_body":
        return result("body lost", f"article {paths[0]}: {parsed.detail} (selectors: {site.selectors or 'none'})")
    if parsed.problem:
        return result("body lost", f"article {paths[0]}: {parsed.problem} ({parsed.detail})")
    notes.append(f"article {paths[0]}: {len(parsed.body)} characters, title {parsed.title!r}")
    return result("ok", "; ".join(notes))
