"""A site whose pages fail says why: blocked, selectors that lost the body, or server errors."""

from pathlib import Path

import pytest

from crawl.registry import load_registry
from crawl.site_run import SiteRun

TINY = load_registry(Path(__file__).parent / "sites_fixtures" / "sites")["tiny-site"]


def run_with(reason: str, *, articles: int = 4, listings_read: int = 1) -> SiteRun:
    run = SiteRun(site=TINY, origin="http://127.0.0.1:1", store=None, raw_dir=Path("."), run_id="r")
    run.listing_attempts, run.listings_read, run.links_found = 1, listings_read, articles
    if not listings_read:
        run.record_error("https://tiny.example.vn/tin-tuc", reason, "detail of the fault")
    for n in range(articles if listings_read else 0):
        url = f"https://tiny.example.vn/tin-tuc/{n}.html"
        run.requested.add(url)
        run.article_attempts += 1
        if reason == "empty_body":
            run.article_pages += 1
            run.empty_bodies += 1
        run.record_error(url, reason, "detail")
        run.article_failed(url, reason)
    return run


@pytest.mark.parametrize(
    ("reason", "listings_read", "status", "says"),
    [
        ("blocked", 1, "blocked", "blocked by a bot challenge: 4 of 4 article pages"),
        ("blocked", 0, "blocked", "blocked by a bot challenge on every listing page"),
        ("empty_body", 1, "failed", "the selectors lost the body"),
        ("http_error", 1, "failed", "4 of 4 article pages could not be fetched or read (http_error 4)"),
        ("timeout", 0, "failed", "no listing page, feed or sitemap could be read: timeout"),
    ],
)
def test_the_verdict_says_why(reason, listings_read, status, says):
    row = run_with(reason, listings_read=listings_read).summary()
    assert row["status"] == status and says in row["error"], row
    assert reason == "empty_body" or "layout" not in row["error"]


def test_a_healthy_run_has_no_verdict():
    run = run_with("http_error", articles=0)
    run.links_found = run.article_attempts = run.article_pages = 4
    assert run.summary()["status"] == "ok" and run.verdict() is None
