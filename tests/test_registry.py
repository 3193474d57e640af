"""The site registry: every entry in data/sites is valid; broken entries fail with clear messages."""

from pathlib import Path

import pytest

from datetime import date

from crawl.evidence import ASPECTS
from crawl.pagination import SCHEMES
from crawl.registry import KINDS, RegistryError, load_registry, parse_site, path_and_query, select_sites
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
[evidence.domain]
status = "evidenced"
seen = 2026-12-04
where = ["https://mau.example.vn/a-1.html (stored page)"]
[evidence.sections]
status = "assumed"
note = "not seen"
[evidence.pagination]
status = "assumed"
note = "not seen"
[evidence.url_pattern]
status = "assumed"
note = "not seen"
[evidence.selectors]
status = "assumed"
note = "not seen"
[evidence.date_format]
status = "assumed"
note = "not seen"
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
    assert site.discovery.pagination.scheme == "query"
    assert site.discovery.pagination.path_for(2) == "/tin-tuc?page=2"
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
        (("[evidence.date_format]\nstatus = \"assumed\"\nnote = \"not seen\"\n", ""), "missing [evidence.date_format]"),
        (("seen = 2026-12-04\n", ""), "evidence.domain: an evidenced aspect needs where"),
        (("status = \"assumed\"\nnote = \"not seen\"\n[evidence.pagination]", "status = \"assumed\"\n[evidence.pagination]"),
         "evidence.sections: an assumed aspect needs a note"),
        (("status = \"evidenced\"", "status = \"verified\""), "evidence.domain.status must be one of"),
        (("province = \"Hậu Giang\"", "province = \"Hậu Giang\"\nverified = true"), "verified = true needs every aspect"),
        (("province = \"Hậu Giang\"", "province = \"Hậu Giang\"\nstatus = \"ceased\""), "a ceased source needs ended"),
        (("province = \"Hậu Giang\"", "province = \"Hậu Giang\"\nended = 2025-06-30"), "only for status = 'ceased'"),
        (("province = \"Hậu Giang\"", "province = \"Hậu Giang\"\nrender = \"magic\""), "render must be one of"),
        (("max_pages = 5", "max_pages = 5\npagination_scheme = \"infinite\""), "unknown pagination_scheme 'infinite'"),
        (("max_pages = 5", "max_pages = 5\npagination_scheme = \"next_link\""), "takes no pagination template"),
        (("pagination = \"/cong-doan?page={page}\"", "pagination = \"/t/{zone}/{page}.htm\""), "needs pagination_zone"),
        (("pagination = \"/cong-doan?page={page}\"", "pagination = \"/t/{page}/{section}\""), "unknown placeholder"),
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


def test_real_entries_carry_evidence_for_every_aspect():
    real = [s for s in load_registry(SITES_DIR).values() if s.kind != "sample"]
    assert len(real) >= 15
    evidenced = [s for s in real if any(e.evidenced for e in s.evidence.values())]
    assert len(evidenced) >= 15, sorted(s.source for s in real if s not in evidenced)
    for site in real:
        assert set(site.evidence) == set(ASPECTS), site.source
        for item in site.evidence.values():
            assert item.note if not item.evidenced else (item.where and item.seen), (site.source, item.aspect)


def test_ceased_sources_name_end_and_successor():
    registry = load_registry(SITES_DIR)
    for source in ("baohaugiang", "huengaynay"):
        site = registry[source]
        assert site.ceased and site.ended == date(2025, 6, 30) and site.successor, source
    assert registry["baohaugiang"].successor in registry  # Báo Cần Thơ took over


def test_select_sites_leaves_ceased_sources_to_backfills(tmp_path):
    write(tmp_path, VALID.format(stem="mau"))
    write(tmp_path, VALID.format(stem="cu").replace('province = "Hậu Giang"',
          'province = "Hậu Giang"\nstatus = "ceased"\nended = 2025-06-30\nsuccessor = "mau"'), stem="cu")
    registry = load_registry(tmp_path)
    nightly, skipped = select_sites(registry, None, since=None)
    assert [s.source for s in nightly] == ["mau"] and [s.source for s in skipped] == ["cu"]
    backfill, skipped = select_sites(registry, None, since=date(2024, 1, 1))
    assert sorted(s.source for s in backfill) == ["cu", "mau"] and not skipped
    with pytest.raises(KeyError, match="nope"):
        select_sites(registry, ["mau", "nope"], since=None)


@pytest.mark.parametrize(
    ("scheme", "template", "start", "paths"),
    [
        ("query", "{start}?page={page}", None, ["/cong-doan?page=2", "/cong-doan?page=3"]),
        ("path", "/van-hoa-xa-hoi/trang-{page}.html", None, ["/van-hoa-xa-hoi/trang-2.html", "/van-hoa-xa-hoi/trang-3.html"]),
        ("mastercms", "{start}?page={page}", None, ["/cong-doan?page=2", "/cong-doan?page=3"]),
        ("timeline", "/timelinelist/{zone}/{page}.htm", None, ["/timelinelist/1961/1.htm", "/timelinelist/1961/2.htm"]),
        ("timeline", "/timelinelist/{zone}/{page}.htm", 3, ["/timelinelist/1961/3.htm", "/timelinelist/1961/4.htm"]),
    ],
)
def test_pagination_schemes(scheme, template, start, paths):
    from crawl.pagination import make_pagination

    zone = r"ZoneId\D+(\d+)" if "{zone}" in template else None
    pagination, problem = make_pagination(template, scheme, start, zone)
    assert problem is None and pagination.scheme in SCHEMES
    found = pagination.zone_of('<script>var pageSettings = { "ZoneId": 1961 };</script>')
    assert [pagination.path_for(k, "/cong-doan?x=1", found) for k in (2, 3)] == paths
    assert pagination.path_for(1, "/cong-doan") is None


def test_query_addressed_articles_of_aspnet_portals(tmp_path):
    text = VALID.format(stem="mau").replace("url_pattern = '^/[a-z0-9-]+-\\d+\\.html$'",
                                            "url_pattern = '^/Default\\.aspx\\?(?=.*\\bNID=\\d+)'")
    site = parse_site(write(tmp_path, text))
    article = site.local_path("/Default.aspx?tabid=52&NID=1234&utm_source=zalo", "http://127.0.0.1:5/Default.aspx?tabid=52")
    assert article == "/Default.aspx?tabid=52&NID=1234" and site.is_article_path(article)
    assert not site.is_article_path("/Default.aspx?tabid=52") and not site.is_article_path("/Default.aspx?tabid=52&page=2")
    assert site.canonical_url("http://127.0.0.1:5" + article) == "https://mau.example.vn/Default.aspx?tabid=52&NID=1234"
