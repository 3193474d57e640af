"""The site registry: every entry in data/sites is valid; broken entries fail with clear messages."""

from pathlib import Path

import pytest

from crawl.registry import KINDS, RegistryError, load_registry, parse_site, path_and_query
from core.config import SAMPLE_SITES_DIR, SITES_DIR

FIXTURE_SITES = Path(__file__).parent / "sites_fixtures" / "sites"

VALID = """
source = "{stem}"
name = "Báo Mẫu"
base_url = "https://mau.example.vn"
kind = "newspaper"
province = "Hậu Giang"
[discovery]
start_urls = ["/cong-doan"]
pagination = "/cong-doan?page={{page}}"
feeds = []
max_pages = 5
[article]
url_pattern = '^/[a-z0-9-]+-\\d+\\.html$'
body = "div.content"
drop = ["div.related"]
"""


def write(tmp_path: Path, text: str, stem: str = "mau") -> Path:
    path = tmp_path / f"{stem}.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_every_registry_entry_is_valid():
    sites = load_registry(SITES_DIR)
    if not sites:
        pytest.skip("data/sites holds no entries yet")
    for source, site in sites.items():
        assert site.source == source
        assert site.kind in KINDS
        assert site.base_url.startswith(("https://", "http://"))
        record = site.source_record()
        assert record.source == source and record.kind == site.kind
        if site.kind == "sample":
            assert site.sample_dir, source
        else:
            assert site.sample_dir is None and site.notes, f"{source}: a real source says what is assumed in notes"


def test_sample_entries_point_at_existing_folders():
    samples = [s for s in load_registry(SITES_DIR).values() if s.kind == "sample"]
    if not samples:
        pytest.skip("no sample sites registered yet")
    for site in samples:
        assert (SAMPLE_SITES_DIR / site.sample_dir).is_dir(), site.source


def test_fixture_registry_parses():
    site = load_registry(FIXTURE_SITES)["tiny-site"]
    assert site.discovery.pagination == "/tin-tuc?page={page}"
    assert site.is_article_path("/tin-tuc/bai-viet-1.html")
    assert not site.is_article_path("/tin-tuc")


def test_valid_entry(tmp_path):
    site = parse_site(write(tmp_path, VALID.format(stem="mau")))
    assert site.province == "Hậu Giang"
    assert site.article.drop == ("div.related",)
    assert site.is_article_path("/doan-vien-duoc-ho-tro-123.html")


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (("kind = \"newspaper\"", "kind = \"blog\""), "unknown kind 'blog'"),
        (("url_pattern = '^/[a-z0-9-]+-\\d+\\.html$'", "url_pattern = '^/(unclosed'"), "url_pattern is not a valid regex"),
        (("name = \"Báo Mẫu\"\n", ""), "missing key(s): name"),
        (("body = \"div.content\"", "body = \"div[[\""), "article.body is not a valid CSS selector"),
        (("max_pages = 5", "max_pages = 0"), "max_pages must be a positive integer"),
        (("pagination = \"/cong-doan?page={page}\"", "pagination = \"/cong-doan?page=2\""), "must contain {page}"),
        (("start_urls = [\"/cong-doan\"]", "start_urls = [\"cong-doan\"]"), "paths starting with '/'"),
        (("base_url = \"https://mau.example.vn\"", "base_url = \"mau.example.vn\""), "base_url must be a bare origin"),
        (("province = \"Hậu Giang\"", "province = \"Hậu Giang\"\nsample_dir = \"x\""), "sample_dir is only for kind = 'sample'"),
        (("drop = [\"div.related\"]", "drop = [\"div.related\"]\ncolor = \"red\""), "unknown key(s) in [article]: color"),
    ],
)
def test_invalid_entries_give_clear_errors(tmp_path, change, message):
    text = VALID.format(stem="mau")
    old, new = change
    assert old in text
    with pytest.raises(RegistryError) as info:
        parse_site(write(tmp_path, text.replace(old, new)))
    assert message in str(info.value)
    assert "mau.toml" in str(info.value)


def test_source_must_equal_file_stem(tmp_path):
    with pytest.raises(RegistryError, match="must equal the file name stem 'other'"):
        parse_site(write(tmp_path, VALID.format(stem="mau"), stem="other"))


def test_broken_toml_is_reported(tmp_path):
    with pytest.raises(RegistryError, match="not valid TOML"):
        parse_site(write(tmp_path, "source = "))


def test_canonical_url_ignores_server_fragment_and_tracking(tmp_path):
    site = parse_site(write(tmp_path, VALID.format(stem="mau")))
    fetched = "http://127.0.0.1:54321/cong-doan/bai-9.html?id=9&utm_source=fb&fbclid=abc#top"
    assert site.canonical_url(fetched) == "https://mau.example.vn/cong-doan/bai-9.html?id=9"
    assert path_and_query("http://x/") == "/"
    assert site.local_path("https://www.mau.example.vn/a-1.html", "http://127.0.0.1:5/") == "/a-1.html"
    assert site.local_path("/a-2.html", "http://127.0.0.1:5/list") == "/a-2.html"
    assert site.local_path("https://other.vn/a-3.html", "http://127.0.0.1:5/") is None
    assert site.local_path("mailto:x@y.vn", "http://127.0.0.1:5/") is None
