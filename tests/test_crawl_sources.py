"""Loopback crawls of the real web's hard parts: challenges, timeline lists, ceased sources, retries.

Each crawl runs in a subprocess (Twisted's reactor starts once per process): the crawls are marked slow.
"""

from datetime import date, datetime, timedelta
from pathlib import Path

import duckdb
import pytest

from pipeline.crawling import keeps_failing
from pipeline.store import Store
from sites_fixtures.crawl_runner import run_crawl
from sites_fixtures.entries import entry
from sites_fixtures.loopback import Answer, LoopbackServer, page

FIXTURES = Path(__file__).parent / "sites_fixtures"
ARTICLE = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-2.html").read_text(encoding="utf-8")
SELECTORS = 'title = "h1.title"\nbody = "div.content"\ndate = "span.date"\nbyline = "p.author"\ndrop = ["div.related", "p.author"]'
D1N_VALUE = "5f0c3a9e7d1b2c4a6e8f0a1b2c3d4e5f"
D1N_PAGE = ('<html><body><script>document.cookie="D1N=' + D1N_VALUE
            + '"+"; expires=Fri, 31 Dec 2099 23:59:59 GMT; path=/";window.location.reload(true);</script></body></html>')
ENABLE_JS = "<html><body><noscript>Please enable JavaScript to continue.</noscript></body></html>"
BINARY = b"%PDF-1.5\n" + bytes(range(256)) * 30


def article(n: int) -> str:
    return ARTICLE.replace("Hội thi thu hút 15 đội", f"Hội thi lần thứ {n} thu hút 15 đội")


def links(*paths: str) -> str:
    return "".join(f'<h3><a href="{p}">Bài viết số {p}</a></h3>' for p in paths)


def listing(*paths: str, extra: str = "") -> str:
    return f'<html><head><meta charset="utf-8">{extra}</head><body>{links(*paths)}</body></html>'


def write_entry(sites_dir: Path, source: str, discovery: str, pattern: str = r"^/tin-tuc/[a-z0-9-]+\.html$",
                top: str = "") -> None:
    sites_dir.mkdir(exist_ok=True)
    text = entry(source, discovery=discovery, article=f"url_pattern = '{pattern}'\n{SELECTORS}", top=top)
    (sites_dir / f"{source}.toml").write_text(text, encoding="utf-8")


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


@pytest.mark.slow
def test_cookie_challenge_is_answered_and_articles_stored(tmp_path):
    def guarded(body: str):
        def route(request: dict[str, str]) -> Answer:
            if f"D1N={D1N_VALUE}" in request.get("cookie", ""):
                return Answer(200, body.encode("utf-8"))
            return Answer(200, D1N_PAGE.encode("utf-8"))
        return route

    paths = [f"/tin-tuc/bai-{i}.html" for i in range(3)]
    routes = {"/tin-tuc": guarded(listing(*paths)), **{p: guarded(article(i)) for i, p in enumerate(paths)}}
    write_entry(tmp_path / "sites", "thach-thuc", 'start_urls = ["/tin-tuc"]')
    db = tmp_path / "c.duckdb"
    with LoopbackServer(routes) as server:
        [row] = run_crawl(db, tmp_path / "sites", {"thach-thuc": server.origin})
    assert row["status"] == "ok" and row["articles_new"] == 3, row
    assert query(db, "SELECT count(*) FROM page_errors")[0][0] == 0
    assert server.hits["/tin-tuc"] == 2  # the challenge, then the page with the cookie


@pytest.mark.slow
def test_browser_challenge_is_blocked_and_stops_the_pagination(tmp_path):
    routes = {f"/tin-tuc?page={n}": page(ENABLE_JS, 503) for n in range(2, 6)}
    routes["/tin-tuc"] = page(ENABLE_JS, 503)
    write_entry(tmp_path / "sites", "chan", 'start_urls = ["/tin-tuc"]\npagination = "{start}?page={page}"\nmax_pages = 5')
    db = tmp_path / "c.duckdb"
    with LoopbackServer(routes) as server:
        [row] = run_crawl(db, tmp_path / "sites", {"chan": server.origin})
    assert row["status"] == "blocked", row
    assert row["error"].startswith("blocked by a bot challenge") and "layout" not in row["error"]
    assert query(db, "SELECT reason FROM page_errors WHERE url LIKE '%/tin-tuc'") == [("blocked",)]
    assert server.hits["/tin-tuc"] == 1 and server.hits["/tin-tuc?page=2"] == 0  # not retried as a busy server either


@pytest.mark.slow
def test_blocked_articles_fail_the_site_and_count_as_seen_next_night(tmp_path):
    first, second = [f"/tin-tuc/a-{i}.html" for i in range(4)], [f"/tin-tuc/b-{i}.html" for i in range(4)]
    routes = {"/tin-tuc": page(listing(*first)), "/tin-tuc?page=2": page(listing(*second)), "/tin-tuc?page=3": page(listing())}
    routes.update({p: page(ENABLE_JS) for p in first + second})
    write_entry(tmp_path / "sites", "chan-bai", 'start_urls = ["/tin-tuc"]\npagination = "{start}?page={page}"\nmax_pages = 5')
    db = tmp_path / "c.duckdb"
    with LoopbackServer(routes) as server:
        [row] = run_crawl(db, tmp_path / "sites", {"chan-bai": server.origin}, run_id="night-1")
        assert row["status"] == "blocked" and "article pages" in row["error"], row
        listing_hits = server.hits["/tin-tuc?page=2"]
        [again] = run_crawl(db, tmp_path / "sites", {"chan-bai": server.origin}, run_id="night-2")
    assert server.hits["/tin-tuc"] == 2
    assert server.hits["/tin-tuc?page=2"] == listing_hits  # the failed articles of page 1 count as seen
    assert all(server.hits[p] == 1 for p in first)  # a blocked page waits for its back-off
    assert again["article_pages"] == 0


def timeline_routes(per_page: int = 2, pages: int = 3) -> tuple[dict, list[str]]:
    paths = [f"/cong-nhan-so-{i}-19625{i:012d}.htm" for i in range(per_page * (pages + 1))]
    zone = '<script>var pageSettings = { "Domain": "nld", "ZoneId": 1961 };</script>'
    routes = {"/lao-dong/cong-doan-cong-nhan.htm": page(listing(*paths[:per_page], extra=zone))}
    for n in range(1, pages + 1):
        routes[f"/timelinelist/1961/{n}.htm"] = page(links(*paths[n * per_page:(n + 1) * per_page]))
    routes[f"/timelinelist/1961/{pages + 1}.htm"] = page("")  # past the end the endpoint answers an empty fragment
    routes.update({p: page(article(i)) for i, p in enumerate(paths)})
    return routes, paths


@pytest.mark.slow
def test_timeline_pagination_followed_to_its_end_and_backfilled_with_since(tmp_path):
    routes, paths = timeline_routes()
    discovery = ('start_urls = ["/lao-dong/cong-doan-cong-nhan.htm"]\npagination = "/timelinelist/{zone}/{page}.htm"\n'
                 'pagination_scheme = "timeline"\npagination_zone = \'ZoneId"?\\s*[:=]\\s*"?(\\d+)\'\nmax_pages = 2')
    write_entry(tmp_path / "sites", "dong-thoi-gian", discovery, pattern=r"^/[a-z0-9-]+-\d{14,}\.htm$")
    db = tmp_path / "c.duckdb"
    with LoopbackServer(routes) as server:
        [first] = run_crawl(db, tmp_path / "sites", {"dong-thoi-gian": server.origin}, run_id="r1")
        assert first["articles_new"] == 4 and server.hits["/timelinelist/1961/2.htm"] == 0, first
        [backfill] = run_crawl(db, tmp_path / "sites", {"dong-thoi-gian": server.origin}, run_id="r2",
                               since=date(2020, 1, 1))
    assert backfill["status"] == "ok" and backfill["articles_new"] == 4, backfill
    assert server.hits["/timelinelist/1961/4.htm"] == 1 and server.hits["/timelinelist/1961/5.htm"] == 0
    stored = {u.removeprefix("https://dong-thoi-gian.example.vn") for (u,) in query(db, "SELECT url FROM articles")}
    assert stored == set(paths)


@pytest.mark.slow
def test_ceased_source_skipped_by_the_nightly_run_and_crawled_with_since(tmp_path):
    sites = tmp_path / "sites"
    write_entry(sites, "con-song", 'start_urls = ["/tin-tuc"]')
    write_entry(sites, "da-dung", 'start_urls = ["/tin-tuc"]',
                top='status = "ceased"\nended = 2025-06-30\nsuccessor = "con-song"')
    db = tmp_path / "c.duckdb"
    with LoopbackServer({"/tin-tuc": page(listing("/tin-tuc/a.html")), "/tin-tuc/a.html": page(article(1))}) as live, \
            LoopbackServer({"/tin-tuc": page(listing("/tin-tuc/b.html")), "/tin-tuc/b.html": page(article(2))}) as old:
        origins = {"con-song": live.origin, "da-dung": old.origin}
        nightly = run_crawl(db, sites, origins, select=True, run_id="n1")
        assert [r["source"] for r in nightly] == ["con-song"] and old.hits["/tin-tuc"] == 0
        backfill = run_crawl(db, sites, origins, select=True, since=date(2020, 1, 1), run_id="n2")
    assert sorted(r["source"] for r in backfill) == ["con-song", "da-dung"]
    assert query(db, "SELECT source, status, ended, successor FROM sources WHERE source = 'da-dung'") == [
        ("da-dung", "ceased", date(2025, 6, 30), "con-song")]
    assert query(db, "SELECT count(*) FROM articles WHERE source = 'da-dung'") == [(1,)]


@pytest.mark.slow
def test_temporary_faults_are_retried_after_a_back_off_permanent_ones_never(tmp_path):
    healthy = {"now": False}

    def flaky(request: dict[str, str]) -> Answer:
        return Answer(200, article(7).encode("utf-8")) if healthy["now"] else Answer(200, BINARY)

    routes = {"/tin-tuc": page(listing("/tin-tuc/ok.html", "/tin-tuc/flaky.html", "/tin-tuc/gone.html")),
              "/tin-tuc/ok.html": page(article(1)), "/tin-tuc/flaky.html": flaky}
    write_entry(tmp_path / "sites", "chap-chon", 'start_urls = ["/tin-tuc"]')
    db = tmp_path / "c.duckdb"
    origin = {}
    with LoopbackServer(routes) as server:
        origin["chap-chon"] = server.origin
        run_crawl(db, tmp_path / "sites", origin, run_id="d1")
        run_crawl(db, tmp_path / "sites", origin, run_id="d1-again")  # the same day: nothing is due yet
        assert server.hits["/tin-tuc/flaky.html"] == 1 and server.hits["/tin-tuc/gone.html"] == 1
        con = duckdb.connect(str(db))
        con.execute("UPDATE page_errors SET occurred_at = occurred_at - INTERVAL 1 DAY")
        con.close()
        healthy["now"] = True
        [row] = run_crawl(db, tmp_path / "sites", origin, run_id="d2")
    assert server.hits["/tin-tuc/flaky.html"] == 2 and server.hits["/tin-tuc/gone.html"] == 1
    assert row["articles_new"] == 1
    failing = query(db, "SELECT url, last_reason, permanent FROM v_failing_pages")
    assert failing == [("https://chap-chon.example.vn/tin-tuc/gone.html", "gone", True)]


def test_back_off_doubles_and_a_page_that_keeps_failing_is_reported(tmp_path):
    store = Store.open(tmp_path / "b.duckdb")
    url = "https://x.example.vn/a.html"
    day = datetime(2026, 11, 1, 2, 31)
    expected = []
    for attempt in range(1, 5):
        store.record_page_errors([{"run_id": f"r{attempt}", "source": "x", "url": url, "reason": "timeout",
                                   "detail": None, "occurred_at": day}])
        expected.append(day.date() + timedelta(days=2 ** (attempt - 1)))
        got = store.con.execute("SELECT retry_after, attempts FROM v_failing_pages").fetchone()
        assert got == (expected[-1], attempt)
        assert keeps_failing(store, ["x"]) == ({"x": 1} if attempt >= 3 else {})
    store.close()
