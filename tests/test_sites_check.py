"""`congdoan sites check` gives the right verdict for each way a live site can differ from its entry."""

from pathlib import Path

import pytest

from crawl.check import check_site
from crawl.registry import parse_site
from sites_fixtures.entries import entry
from sites_fixtures.loopback import LoopbackServer, page

FIXTURES = Path(__file__).parent / "sites_fixtures"
ARTICLE = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-2.html").read_text(encoding="utf-8")
LISTING = '<html><body><h3><a href="/tin-tuc/bai-1.html">Bài một</a></h3><a href="/gioi-thieu">Giới thiệu</a></body></html>'
CHALLENGE = "<html><body><noscript>Please enable JavaScript to view the page.</noscript></body></html>"
D1N = ('<html><body><script>document.cookie="D1N=abc123"+"; path=/";window.location.reload(true);</script>'
       '</body></html>')


def site(tmp_path: Path):
    path = tmp_path / "kiem-tra.toml"
    path.write_text(entry("kiem-tra", discovery='start_urls = ["/tin-tuc"]\npagination = "{start}?page={page}"',
                          article="url_pattern = '^/tin-tuc/[a-z0-9-]+\\.html$'\ntitle = \"h1.title\"\n"
                                  "body = \"div.content\"\ndate = \"span.date\""), encoding="utf-8")
    return parse_site(path)


def healthy() -> dict:
    return {"/tin-tuc": page(LISTING), "/tin-tuc?page=2": page(LISTING), "/tin-tuc/bai-1.html": page(ARTICLE)}


def cookie_guarded(routes: dict) -> dict:
    def guard(route):
        return lambda request: route(request) if "D1N=abc123" in request.get("cookie", "") else page(D1N)(request)
    return {path: guard(route) for path, route in routes.items()}


@pytest.mark.parametrize(
    ("name", "routes", "verdict", "why"),
    [
        ("ok", healthy(), "ok", "1 article link(s)"),
        ("cookie challenge answered", cookie_guarded(healthy()), "ok", "title"),
        ("challenge", {"/tin-tuc": page(CHALLENGE, 503)}, "blocked", "needs a real browser"),
        ("404 start page", {}, "moved", "HTTP 404"),
        ("no article links", {"/tin-tuc": page("<html><body><a href='/gioi-thieu'>Giới thiệu</a></body></html>")},
         "no articles found", "article URL pattern"),
        ("body lost", {**healthy(), "/tin-tuc/bai-1.html": page(ARTICLE.replace('class="content"', 'class="noi-dung"'))},
         "body lost", "no article body"),
        ("robots", {**healthy(), "/robots.txt": page("User-agent: *\nDisallow: /tin-tuc\n")}, "blocked", "robots.txt"),
    ],
)
def test_verdicts(tmp_path, name, routes, verdict, why):
    with LoopbackServer(routes) as server:
        result = check_site(site(tmp_path), server.origin, delay=0, timeout=5)
    assert result.verdict == verdict, result.line()
    assert why in result.reason, result.line()


def test_redirect_to_another_host_is_moved(tmp_path):
    with LoopbackServer(healthy()) as elsewhere:
        target = elsewhere.origin.replace("127.0.0.1", "localhost") + "/tin-tuc"
        with LoopbackServer({"/tin-tuc": page("", 301, Location=target)}) as server:
            result = check_site(site(tmp_path), server.origin, delay=0, timeout=5)
    assert result.verdict == "moved" and "another host" in result.reason, result.line()


def test_save_keeps_the_fetched_pages(tmp_path):
    with LoopbackServer(healthy()) as server:
        result = check_site(site(tmp_path), server.origin, save_dir=tmp_path / "pages", delay=0, timeout=5)
    assert result.verdict == "ok"
    saved = sorted(p.name for p in (tmp_path / "pages" / "kiem-tra").iterdir())
    assert saved == ["article.html", "listing-2.html", "robots.txt", "start.html"]
    assert (tmp_path / "pages" / "kiem-tra" / "article.html").read_text(encoding="utf-8") == ARTICLE
