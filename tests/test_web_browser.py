"""The staff pages in a real headless Chromium (Debian's package), driven by Playwright.

The server runs in a thread (uvicorn on 127.0.0.1, an ephemeral port) over the
database ``congdoan demo`` builds (fixture ``demo_db``). Assertions read their
expectations from that database rather than hard-coding its content. The XSS
test adds a hostile imported article to a copy of it through the real write
path (test_web.build_sample_db). Screenshots land in tests/artifacts/screenshots.
"""

from __future__ import annotations

import csv
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path

import pytest
import uvicorn
from openpyxl import load_workbook

from extract.nlp import VietnameseNLP
from extract.terms import fold
from pipeline.store import Store
from pipeline.web.app import create_app
from test_web import SampleArticle, build_sample_db, unit, amount

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]
SCREENSHOTS = Path(__file__).parent / "artifacts" / "screenshots"
XSS = "<script>alert(1)</script>"
IMG = '<img src="x" onerror="alert(2)">'

pytestmark = pytest.mark.browser


class Server:
    """uvicorn serving one app on 127.0.0.1 in a background thread."""

    def __init__(self, db: Path):
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.sock.bind(("127.0.0.1", 0))
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        self.server = uvicorn.Server(uvicorn.Config(create_app(db), log_level="warning"))
        self.thread = threading.Thread(target=self.server.run, kwargs={"sockets": [self.sock]}, daemon=True)

    def __enter__(self) -> "Server":
        self.thread.start()
        deadline = time.monotonic() + 10
        while not self.server.started:
            if time.monotonic() > deadline:
                raise RuntimeError("uvicorn did not start")
            time.sleep(0.05)
        return self

    def __exit__(self, *exc: object) -> None:
        self.server.should_exit = True
        self.thread.join(timeout=10)
        self.sock.close()


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    if not CHROMIUM.exists():
        pytest.skip(f"browser tests skipped: no Chromium at {CHROMIUM} (install Debian's chromium: make browser)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="browser tests skipped: Playwright is not installed")
    with sync_api.sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def nlp() -> VietnameseNLP:
    return VietnameseNLP(components=())


@pytest.fixture(scope="module")
def web_db(demo_db: Path) -> Path:
    """The database `congdoan demo` builds (tests/conftest.py)."""
    return demo_db


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[Server]:
    with Server(web_db) as running:
        yield running


@pytest.fixture
def page(browser: object, server: Server) -> Iterator[object]:
    context = browser.new_context(base_url=server.url, viewport={"width": 1280, "height": 900}, accept_downloads=True,
                                  locale="vi-VN")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def shot(page: object, name: str) -> None:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


def query(db: Path, sql: str) -> list[tuple]:
    store = Store.open(db, read_only=True)
    try:
        return store.con.execute(sql).fetchall()
    finally:
        store.close()


def test_home_filter_by_province_and_kind(page: object, web_db: Path) -> None:
    page.goto("/")
    assert page.locator("html").get_attribute("lang") == "vi"
    assert page.locator("article.card").count() > 0
    shot(page, "01-home")
    province, kind = query(web_db, """SELECT province_now, kind FROM highlights WHERE province_now IS NOT NULL
                                      GROUP BY ALL ORDER BY count(*) DESC, 1, 2 LIMIT 1""")[0]
    expected = query(web_db, f"""SELECT count(*) FROM highlights WHERE kind = '{kind}'
                                 AND (province = '{province}' OR province_now = '{province}')""")[0][0]
    page.select_option("select[name=province]", label=province)
    page.select_option("select[name=kind]", value=kind)
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert f"province={province}".replace(" ", "+") in page.url or "province=" in page.url
    assert page.locator(".count strong").inner_text().replace(".", "") == str(expected)
    cards = page.locator("article.card")
    assert cards.count() == min(expected, 30)
    assert all(k == f"card card-{kind}" for k in cards.evaluate_all("els => els.map(e => e.className)"))
    shot(page, "02-home-filtered")


def test_search_with_and_without_accents(page: object, web_db: Path) -> None:
    name = query(web_db, "SELECT unit FROM highlights WHERE unit IS NOT NULL GROUP BY unit ORDER BY count(*) DESC LIMIT 1")[0][0]
    counts = []
    for text in (name, fold(name)):
        page.goto("/")
        page.fill(".quick-search input[name=q]", text)
        page.press(".quick-search input[name=q]", "Enter")
        page.wait_for_url("**/search?q=*")
        counts.append(int(page.locator(".count strong").inner_text()))
        assert page.locator("ol.results li.result").count() > 0
        assert page.locator("mark.hl-match").count() > 0
    assert counts[0] == counts[1] > 0
    assert fold(name) != name  # the second query really had no accents
    shot(page, "03-search-no-accents")


def test_open_an_article_from_a_card(page: object) -> None:
    page.goto("/?kind=award")
    card = page.locator("article.card").first
    label = card.locator(".card-label").inner_text()
    card.get_by_role("link", name="Xem bài").click()
    page.wait_for_url("**/article/*")
    assert page.locator("mark.ent-award").count() > 0
    assert label in page.locator("aside.extractions").inner_text()
    assert page.locator(".legend li").count() >= 2
    shot(page, "04-article")


def test_unit_province_and_digest_views(page: object, web_db: Path) -> None:
    page.goto("/")
    page.locator("article.card a.unit").first.click()
    page.wait_for_url("**/unit?name=*")
    assert page.locator("article.card").count() > 0 and page.locator("figure.chart svg rect").count() > 0
    shot(page, "05-unit")
    province = query(web_db, "SELECT province FROM highlights WHERE province IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    page.goto("/")
    page.locator(f"article.card .card-meta a:text-is('{province}')").first.click()
    page.wait_for_url("**/province?name=*")
    assert page.locator("figure.chart svg rect.bar").count() > 0
    shot(page, "06-province")
    week = query(web_db, "SELECT strftime(max(date), '%G-W%V') FROM v_highlights")[0][0]
    page.goto(f"/digest?week={week}")
    assert page.locator("h1").inner_text() == "Điểm nhấn hoạt động công đoàn"
    assert page.locator(".digest-section li").count() > 0
    shot(page, "07-digest")
    page.emulate_media(media="print")
    assert not page.locator(".digest-nav").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points, from the digest's @page rule


def test_export_csv_and_xlsx(page: object, web_db: Path, tmp_path: Path) -> None:
    kind = query(web_db, "SELECT kind FROM highlights GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    expected = query(web_db, f"SELECT count(*) FROM highlights WHERE kind = '{kind}'")[0][0]
    page.goto(f"/?kind={kind}")
    with page.expect_download() as csv_download:
        page.get_by_role("link", name="Tải CSV").click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == expected and rows[0]["Câu trích"]
    with page.expect_download() as xlsx_download:
        page.get_by_role("link", name="Tải Excel").click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    assert xlsx_path.suffix == ".xlsx"
    sheet = load_workbook(xlsx_path, read_only=True).active
    values = list(sheet.values)
    assert values[0][:3] == ("Ngày", "Loại", "Nội dung") and len(values) == expected + 1
    assert [r["Câu trích"] for r in rows] == [v[3] for v in values[1:]]


@pytest.fixture(scope="module")
def xss_server(web_db: Path, tmp_path_factory: pytest.TempPathFactory, nlp: VietnameseNLP) -> Iterator[Server]:
    """A copy of the web database plus an imported article whose title and body carry markup."""
    db = tmp_path_factory.mktemp("xss") / "congdoan.duckdb"
    shutil.copy(web_db, db)
    hostile = SampleArticle(
        "file:///imports/tin-doc-hai.html", "import",
        f"Công đoàn Điện lực trao quà {XSS}", datetime.now().strftime("%Y-%m-%d %H:%M"),
        f"Công đoàn Điện lực Hà Nội trao 50 suất quà {XSS} cho công nhân {IMG} khó khăn.",
        [unit("Công đoàn Điện lực Hà Nội", "Công đoàn Điện lực Hà Nội", "province_industry", "Hà Nội", "Hà Nội"),
         amount("50 suất quà", "count", 50, counted="suất quà")],
    )
    build_sample_db(db, nlp, [hostile])
    with Server(db) as running:
        yield running


def test_markup_in_an_imported_article_is_shown_as_text(page: object, xss_server: Server) -> None:
    page.goto(f"{xss_server.url}/?kind=count")
    card = page.locator("article.card", has_text="Công đoàn Điện lực Hà Nội").first
    assert XSS in card.inner_text() and IMG in card.inner_text()
    shot(page, "08-xss-home")
    card.get_by_role("link", name="Xem bài").click()
    page.wait_for_url("**/article/*")
    assert XSS in page.locator("h1").inner_text()
    assert IMG in page.locator(".body").inner_text()
    page.goto(f"{xss_server.url}/search?q=dien+luc+script")
    assert XSS in page.locator("ol.results").inner_text()
    shot(page, "09-xss-search")
    assert page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0
