"""Real Scrapy crawls of sites served on 127.0.0.1: storage, raw pages, incremental runs."""

import gzip
import json
import shutil
from datetime import date
from pathlib import Path

import duckdb
import pytest

from crawl.registry import load_registry
from crawl.sample_server import SampleServer, serve_sites
from core.config import SAMPLE_SITES_DIR, SITES_DIR
from sites_fixtures.crawl_runner import run_crawl

FIXTURES = Path(__file__).parent / "sites_fixtures"
TINY = "tiny-site"
ARTICLES = [f"/tin-tuc/bai-viet-{i}.html" for i in range(1, 8)]


def query(db: Path, sql: str, params: list | None = None) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def article_requests(server: SampleServer) -> dict[str, int]:
    return {path: n for path, n in server.requests.items() if path.startswith("/tin-tuc/") or path.startswith("/private/")}


@pytest.fixture()
def tiny(tmp_path):
    """A private copy of the tiny site (the test edits it) served on loopback."""
    root = tmp_path / "site"
    shutil.copytree(FIXTURES / "tiny", root)
    with SampleServer(root) as server:
        yield root, server


def test_incremental_crawls_of_the_tiny_site(tmp_path, tiny):
    root, server = tiny
    db = tmp_path / "work" / "congdoan.duckdb"
    db.parent.mkdir()
    sites_dir = FIXTURES / "sites"
    origins = {TINY: server.origin}

    # Run 1: everything is new.
    [row] = run_crawl(db, sites_dir, origins, run_id="r1")
    assert row["status"] == "ok", row
    assert row["articles_new"] == 7 and row["article_pages"] == 7
    assert row["not_modified"] == 0
    stored = query(db, "SELECT url, raw_path, title, byline FROM articles ORDER BY url")
    assert [u for u, *_ in stored] == sorted(f"https://tiny.example.vn{p}" for p in ARTICLES)
    for url, raw_path, title, byline in stored:
        raw = db.parent / "raw" / raw_path
        path = url.removeprefix("https://tiny.example.vn")
        assert gzip.decompress(raw.read_bytes()) == (root / path.lstrip("/")).read_bytes()
        assert title and byline == "NGỌC LAN"
    assert article_requests(server) == {p: 1 for p in ARTICLES}  # the feed's ?utm_ link is the same article
    assert server.requests["/private/bai-an-1.html"] == 0  # robots.txt obeyed
    assert query(db, "SELECT reason, url FROM page_errors") == [("robots", "https://tiny.example.vn/private/bai-an-1.html")]
    assert server.requests["/tin-tuc?page=3"] == 1 and server.requests["/tin-tuc?page=4"] == 1  # 404: end of list
    cached = {r[0] for r in query(db, "SELECT url FROM http_cache")}
    assert {"https://tiny.example.vn/tin-tuc", "https://tiny.example.vn/rss.xml"} <= cached

    # Run 2: nothing changed: listing pages and feeds only, answered 304.
    server.reset_counts()
    [row] = run_crawl(db, sites_dir, origins, run_id="r2")
    assert row["status"] == "ok" and row["articles_new"] == 0 and row["article_pages"] == 0
    assert row["not_modified"] == 2
    assert article_requests(server) == {}
    assert server.statuses[304] == 2
    assert set(server.requests) == {"/robots.txt", "/tin-tuc", "/rss.xml"}

    # Run 3: a new article on page 1: page 2 is read (page 1 had news), page 3 is not (page 2 was all known).
    listing = root / "tin-tuc" / "index.html"
    shutil.copy(root / "tin-tuc" / "bai-viet-1.html", root / "tin-tuc" / "bai-viet-8.html")
    (root / "tin-tuc" / "bai-viet-8.html").write_text(
        (root / "tin-tuc" / "bai-viet-1.html").read_text(encoding="utf-8").replace("120 suất quà", "150 suất quà"),
        encoding="utf-8",
    )
    listing.write_text(
        listing.read_text(encoding="utf-8").replace(
            '<div class="list">', '<div class="list"><h3><a href="/tin-tuc/bai-viet-8.html">Bài mới</a></h3>'
        ),
        encoding="utf-8",
    )
    server.reset_counts()
    [row] = run_crawl(db, sites_dir, origins, run_id="r3")
    assert row["status"] == "ok" and row["articles_new"] == 1
    assert article_requests(server) == {"/tin-tuc/bai-viet-8.html": 1}
    assert server.requests["/tin-tuc?page=2"] == 1
    assert server.requests["/tin-tuc?page=3"] == 0

    # Backfill: pagination goes on past all-known pages, still no known article is fetched again.
    server.reset_counts()
    [row] = run_crawl(db, sites_dir, origins, run_id="r4", since=date(2024, 1, 1))
    assert row["status"] == "ok" and row["articles_new"] == 0
    assert article_requests(server) == {}
    assert server.requests["/tin-tuc?page=3"] == 1 and server.statuses[304] == 0
    runs = query(db, "SELECT count(*) FROM articles")
    assert runs == [(8,)]


SAMPLES = [s for s in load_registry(SITES_DIR).values() if s.kind == "sample"] if SITES_DIR.is_dir() else []


def test_raw_copies_that_cannot_be_written_lose_no_article(tmp_path, tiny):
    """The raw copies are written beside the reactor: one that fails (here the site's raw folder is a file)
    leaves its article stored without raw_path and the failure recorded, and the run goes on."""
    _, server = tiny
    db = tmp_path / "work" / "congdoan.duckdb"
    db.parent.mkdir()
    (db.parent / "raw").mkdir()
    (db.parent / "raw" / TINY).write_text("not a folder")
    [row] = run_crawl(db, FIXTURES / "sites", {TINY: server.origin}, run_id="r1")
    assert row["articles_new"] == 7, row
    assert query(db, "SELECT count(*) FROM articles WHERE raw_path IS NULL") == [(7,)]
    failures = query(db, "SELECT url, detail FROM page_errors WHERE reason = 'raw_page_not_saved' ORDER BY url")
    assert [u for u, _ in failures] == sorted(f"https://tiny.example.vn{p}" for p in ARTICLES)
    assert all("Error" in detail for _, detail in failures)


@pytest.mark.skipif(not SAMPLES, reason="the bundled sample sites (data/sites/sample-*.toml) are not there yet")
def test_crawl_of_the_sample_sites(tmp_path):
    db = tmp_path / "congdoan.duckdb"
    with serve_sites(SAMPLES) as origins:
        rows = run_crawl(db, SITES_DIR, dict(origins), run_id="s1")
        by_source = {r["source"]: r for r in rows}
        for site in SAMPLES:
            row = by_source[site.source]
            assert row["status"] == "ok", row
            expected = json.loads((SAMPLE_SITES_DIR / site.sample_dir / "expected.json").read_text(encoding="utf-8"))
            assert row["articles_new"] == len([k for k in expected if not k.startswith("_")]), row
            urls = [r[0] for r in query(db, "SELECT url FROM articles WHERE source = ?", [site.source])]
            assert urls and all(u.startswith(site.base_url + "/") for u in urls)
        for site in SAMPLES:
            origins.server(site.source).reset_counts()
        rows = run_crawl(db, SITES_DIR, dict(origins), run_id="s2")
        for row in rows:
            assert row["status"] == "ok" and row["article_pages"] == 0 and row["articles_new"] == 0, row
