"""A site registered with render = "browser" is fetched through headless Chromium (Debian's chromium)."""

from pathlib import Path

import pytest

from crawl.settings import CHROMIUM
from sites_fixtures.crawl_runner import run_crawl
from sites_fixtures.entries import entry
from sites_fixtures.loopback import LoopbackServer, page

pytestmark = [pytest.mark.slow, pytest.mark.browser]
FIXTURES = Path(__file__).parent / "sites_fixtures"
ARTICLE = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-2.html").read_text(encoding="utf-8")
# The listing's links exist only once its script has run, as on sites that build their lists in the browser.
SCRIPTED = """<html><head><meta charset="utf-8"></head><body><div id="list"></div>
<script>document.getElementById("list").innerHTML =
  '<h3><a href="/tin-tuc/bai-1.html">Bài một của trang</a></h3><h3><a href="/tin-tuc/bai-2.html">Bài hai của trang</a></h3>';
</script></body></html>"""


@pytest.mark.parametrize(("render", "stored"), [("browser", 2), ("http", 0)])
def test_script_built_listing_needs_the_browser(tmp_path, render, stored):
    if not Path(CHROMIUM).exists():
        pytest.skip(f"no Chromium at {CHROMIUM} (install Debian's chromium: make browser)")
    sites = tmp_path / "sites"
    sites.mkdir()
    (sites / "trinh-duyet.toml").write_text(entry(
        "trinh-duyet", top=f'render = "{render}"', discovery='start_urls = ["/tin-tuc"]',
        article="url_pattern = '^/tin-tuc/[a-z0-9-]+\\.html$'\ntitle = \"h1.title\"\nbody = \"div.content\"\n"
                "date = \"span.date\"\ndrop = [\"div.related\", \"p.author\"]"), encoding="utf-8")
    routes = {"/tin-tuc": page(SCRIPTED), "/tin-tuc/bai-1.html": page(ARTICLE),
              "/tin-tuc/bai-2.html": page(ARTICLE.replace("15 đội", "16 đội"))}
    with LoopbackServer(routes) as server:
        [row] = run_crawl(tmp_path / "b.duckdb", sites, {"trinh-duyet": server.origin}, timeout=180)
    assert row["articles_new"] == stored, row
    assert (row["status"] == "ok") == (render == "browser"), row
