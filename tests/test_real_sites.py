"""Every real registry entry over its fixture, as Fundus tests its publishers.

``tests/sites_fixtures/real/<source>/`` holds a listing page (or feed) and an article page
whose markup, classes and scripts follow the real site as evidenced (or assumed, as its
[evidence] table says), with every sentence written for the fixture, and ``expected.json``:
the article links the listing must yield (and nothing else: pagination, other sections,
teasers), and the article's title, date, byline, body start and end, lead, facts kept,
and teasers that must not reach the body.
"""

import json
from datetime import datetime
from pathlib import Path

import pytest

from crawl.check import article_paths
from crawl.registry import load_registry
from core.config import SITES_DIR
from extract.html import parse_html

REAL = Path(__file__).parent / "sites_fixtures" / "real"
SITES = sorted((s for s in load_registry(SITES_DIR).values() if s.kind != "sample"), key=lambda s: s.source)


def expected(site):
    path = REAL / site.source / "expected.json"
    assert path.is_file(), f"{site.source}: every real entry needs a fixture in {path.parent}"
    return json.loads(path.read_text(encoding="utf-8"))


@pytest.mark.parametrize("site", SITES, ids=[s.source for s in SITES])
def test_listing_yields_exactly_the_articles(site):
    listing = expected(site)["listing"]
    body = (REAL / site.source / listing["file"]).read_bytes()
    assert listing["path"] in (*site.discovery.start_urls, *site.discovery.feeds), site.source
    assert article_paths(site, site.base_url + listing["path"], body) == listing["articles"]


@pytest.mark.parametrize("site", SITES, ids=[s.source for s in SITES])
def test_article_parses_as_expected(site):
    want = expected(site)["article"]
    assert site.is_article_path(want["path"]), f"{site.source}: {want['path']} does not match the url_pattern"
    page = parse_html((REAL / site.source / "article.html").read_bytes(), site.canonical_url(want["path"]), site)
    assert page.ok, f"{site.source}: {page.problem} {page.detail}"
    assert page.title == want["title"]
    assert page.published_at == datetime.fromisoformat(want["published_at"])
    assert page.byline == want["byline"]
    assert page.body.startswith(want["body_starts"]), page.body[:100]
    assert page.body.endswith(want["body_ends"]), page.body[-100:]
    lines = page.body.split("\n")
    assert len(lines) == len(set(lines)), "a paragraph is read twice (nested body containers?)"
    if want["lead"]:
        assert lines[0] == want["lead"]
    for fact in want["contains"]:
        assert fact in page.body.split("\n"), fact
    for teaser in want["teasers"]:
        assert teaser not in page.body, teaser


def test_nld_keeps_lead_and_fact_box_and_takes_the_printed_title():
    nld = next(s for s in SITES if s.source == "nld")
    html = (REAL / "nld" / "article.html").read_bytes()
    want = expected(nld)["article"]
    page = parse_html(html, nld.canonical_url(want["path"]), nld)
    assert page.body.startswith(want["lead"]) and "Tiền ăn ca: 30.000 đồng/suất." in page.body
    assert page.title == "Thỏa ước mới nâng tiền ăn ca cho 9.000 công nhân"  # the h1, not og:title
    # Without the entry's selectors too: the generic path prefers the printed h1 to the shortened og:title.
    assert parse_html(html, nld.canonical_url(want["path"])).title == page.title


def test_facts_outside_the_body_element_are_article_text(tmp_path):
    from crawl.registry import parse_site
    from sites_fixtures.entries import entry

    path = tmp_path / "hop-tin.toml"
    path.write_text(entry("hop-tin", discovery='start_urls = ["/"]', article=(
        "url_pattern = '^/a-\\d+\\.html$'\nbody = \"div.noi-dung\"\nfacts = \"aside.box-fact\"\nlead = \"p.sapo\"")),
        encoding="utf-8")
    site = parse_site(path)
    html = ('<html><body><p class="sapo">Công đoàn trao quà cho công nhân dịp cuối năm tại khu công nghiệp.</p>'
            '<div class="noi-dung"><p>Buổi trao quà diễn ra sáng nay với sự tham gia của đại diện công đoàn các cấp.</p></div>'
            '<aside class="box-fact"><p>Tổng kinh phí: 300 triệu đồng.</p></aside>'
            '<aside class="box-other"><p>Quảng cáo bất động sản</p></aside></body></html>')
    page = parse_html(html, "https://hop-tin.example.vn/a-1.html", site)
    assert page.body.split("\n") == [
        "Công đoàn trao quà cho công nhân dịp cuối năm tại khu công nghiệp.",
        "Buổi trao quà diễn ra sáng nay với sự tham gia của đại diện công đoàn các cấp.",
        "Tổng kinh phí: 300 triệu đồng.",
    ]
