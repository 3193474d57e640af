"""Every stored page of the bundled sample sites parses to what its expected.json says.

expected.json (written by hand with the sample sites) maps each article's path (as
served: path?query) to its ``title``, ``published_at`` (ISO, local time), ``byline``,
``body_starts`` and ``body_ends``; ``_teasers`` lists titles of other stories the pages
show around the articles, which must never reach a body, and ``_listing_pages`` the
site's listing pages in order.
"""

import json
from datetime import datetime

import pytest

from crawl.registry import load_registry
from crawl.sample_server import file_for
from extract.html import parse_html
from core.config import SAMPLE_SITES_DIR, SITES_DIR

SAMPLES = sorted(
    (s for s in load_registry(SITES_DIR).values() if s.kind == "sample") if SITES_DIR.is_dir() else [],
    key=lambda s: s.source,
)


def expectations(site):
    path = SAMPLE_SITES_DIR / site.sample_dir / "expected.json"
    if not path.is_file():
        pytest.skip(f"{path} is not there yet")
    data = json.loads(path.read_text(encoding="utf-8"))
    articles = {target: fields for target, fields in data.items() if not target.startswith("_")}
    return articles, data.get("_teasers", [])


def test_sample_sites_are_registered():
    if not SAMPLES:
        pytest.skip("the sample sites (data/sites/sample-*.toml) are not there yet")
    assert all((SAMPLE_SITES_DIR / s.sample_dir).is_dir() for s in SAMPLES)


@pytest.mark.parametrize("site", SAMPLES, ids=[s.source for s in SAMPLES])
def test_sample_articles_parse_as_expected(site):
    articles, teasers = expectations(site)
    assert articles, f"{site.source}: expected.json lists no article"
    root = SAMPLE_SITES_DIR / site.sample_dir
    for target, expected in articles.items():
        assert site.is_article_path(target), f"{site.source}: {target} does not match the url_pattern"
        stored = file_for(root, target)
        assert stored is not None, f"{site.source}: no stored page for {target}"
        page = parse_html(stored.read_bytes(), site.canonical_url(target), site)
        where = f"{site.source} {target}"
        assert page.ok, f"{where}: {page.problem} {page.detail}"
        assert page.title == expected["title"], where
        want = datetime.fromisoformat(expected["published_at"]) if expected["published_at"] else None
        assert page.published_at == want, where
        assert page.byline == expected["byline"], where
        assert page.body.startswith(expected["body_starts"]), f"{where}: body starts {page.body[:80]!r}"
        assert page.body.endswith(expected["body_ends"]), f"{where}: body ends {page.body[-80:]!r}"
        for teaser in teasers:
            assert teaser not in page.body, f"{where}: teaser {teaser!r} leaked into the body"
