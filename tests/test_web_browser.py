"""The staff pages in a real headless Chromium (Debian's package), driven by Playwright.

The server runs in a thread (uvicorn on 127.0.0.1, an ephemeral port) over the
database ``congdoan demo`` builds (fixture ``demo_db``), whose expectations are read
from the database, or over the sample database of test_web.py, whose answers are
known (issue 12's questions). A busy week comes from bench/generate_db.py. The XSS
test adds a hostile imported article through the real write path. Screenshots at
1366 and 390 pixels wide land in tests/artifacts/screenshots.
"""

from __future__ import annotations

import csv
import re
import shutil
import sys
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
import uvicorn
from openpyxl import load_workbook

from docx import Document

from core.config import ROOT
from extract.nlp import VietnameseNLP
from extract.terms import fold
from pipeline.store import Store
from pipeline.web.app import create_app
from test_web import HAM_RONG, NGA_SON, SUN_JADE, THO_XUAN, SampleArticle, amount, build_sample_db, unit

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
    context = browser.new_context(base_url=server.url, viewport={"width": 1366, "height": 900}, accept_downloads=True,
                                  locale="vi-VN")
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.dialogs = dialogs
    yield page
    context.close()


def shot(page: object, name: str, widths: tuple[int, ...] = (1366, 390)) -> None:
    """Full-page screenshots of the current page at desktop and phone widths."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    for width in widths:
        page.set_viewport_size({"width": width, "height": 900 if width > 600 else 844})
        page.screenshot(path=str(SCREENSHOTS / f"{name}-{width}.png"), full_page=True)
    page.set_viewport_size({"width": 1366, "height": 900})


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
    expected = query(web_db, f"""SELECT count(DISTINCT (h.article_id, h.sentence_start)) FROM v_highlights h
                                 WHERE h.kind = '{kind}' AND h.date IS NOT NULL AND (h.province = '{province}'
                                 OR h.province_now = '{province}' OR (h.article_id, h.item_start) IN (
                                   SELECT w.article_id, w.start_char FROM awards w JOIN award_recipients r
                                   ON r.article_id = w.article_id AND r.award_idx = w.idx
                                   WHERE r.province = '{province}' OR r.province_now = '{province}'))""")[0][0]
    page.select_option("select[name=province]", label=province)
    page.select_option("select[name=kind]", value=kind)
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    assert f"province={province}".replace(" ", "+") in page.url or "province=" in page.url
    assert page.locator(".count strong").inner_text().replace(".", "") == str(expected)
    cards = page.locator("article.card")
    assert cards.count() == min(expected, 30)
    assert all(kind in k.split() for k in cards.evaluate_all("els => els.map(e => e.dataset.kinds)"))
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
    label = card.locator(".item-award .card-label").first.inner_text()
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
    assert page.locator("h1").inner_text().startswith("Tuần ")
    assert page.locator(".digest-section li").count() > 0 and page.locator(".summary-text").inner_text()
    shot(page, "07-digest")
    page.emulate_media(media="print")
    assert not page.locator(".digest-nav").is_visible()
    pdf = page.pdf(prefer_css_page_size=True)
    width, height = map(float, re.search(rb"/MediaBox \[0 0 ([\d.]+) ([\d.]+)\]", pdf).groups())
    assert (round(width), round(height)) == (595, 842)  # A4 in points, from the digest's @page rule


def test_export_csv_and_xlsx(page: object, web_db: Path, tmp_path: Path) -> None:
    kind = query(web_db, "SELECT kind FROM highlights GROUP BY 1 ORDER BY count(*) DESC LIMIT 1")[0][0]
    expected = query(web_db, f"SELECT count(*) FROM v_highlights WHERE kind = '{kind}' AND date IS NOT NULL")[0][0]
    page.goto(f"/?kind={kind}")
    with page.expect_download() as csv_download:
        page.locator(".exports").get_by_role("link", name="Tải CSV").click()
    csv_path = tmp_path / csv_download.value.suggested_filename
    csv_download.value.save_as(csv_path)
    with csv_path.open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
    assert len(rows) == expected and rows[0]["Câu trích"]
    with page.expect_download() as xlsx_download:
        page.locator(".exports").get_by_role("link", name="Tải Excel").click()
    xlsx_path = tmp_path / xlsx_download.value.suggested_filename
    xlsx_download.value.save_as(xlsx_path)
    assert xlsx_path.suffix == ".xlsx"
    book = load_workbook(xlsx_path)
    sheet = book.active
    values = list(sheet.values)
    assert values[0][:3] == ("Ngày", "Loại", "Nội dung") and len(values) == expected + 1
    assert [r["Câu trích"] for r in rows] == [v[3] for v in values[1:]]
    assert sheet.freeze_panes == "A2" and sheet["A1"].font.b  # a frozen, bold header ...
    assert sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{expected + 1}"  # ... filtered


@pytest.fixture(scope="module")
def xss_server(web_db: Path, tmp_path_factory: pytest.TempPathFactory, nlp: VietnameseNLP) -> Iterator[Server]:
    """A copy of the web database plus an imported article whose title and body carry markup."""
    db = tmp_path_factory.mktemp("xss") / "congdoan.duckdb"
    shutil.copy(web_db, db)
    hostile = SampleArticle(
        "file:///imports/tin-doc-hai.html", "import",
        f"Công đoàn Điện lực trao quà {XSS}", "",
        f"Công đoàn Điện lực Hà Nội trao 50 suất quà {XSS} cho công nhân {IMG} khó khăn.",
        [unit("Công đoàn Điện lực Hà Nội", "Công đoàn Điện lực Hà Nội", "province_industry", "Hà Nội", "Hà Nội"),
         amount("50 suất quà", "count", 50, counted="suất quà")],
    )
    build_sample_db(db, nlp, [hostile])
    with Server(db) as running:
        yield running


def test_markup_in_an_imported_article_is_shown_as_text(page: object, xss_server: Server) -> None:
    page.goto(f"{xss_server.url}/?undated=1&kind=count")
    card = page.locator("article.card", has_text="Công đoàn Điện lực Hà Nội").first
    assert XSS in card.inner_text() and IMG in card.inner_text()
    shot(page, "08-xss-home")
    card.get_by_role("link", name="Xem bài").click()
    page.wait_for_url("**/article/*")
    assert XSS in page.locator("h1").inner_text()
    assert IMG in page.locator(".body").inner_text()
    page.goto(f"{xss_server.url}/search?q=dien+luc+script")
    page.wait_for_load_state()
    assert XSS in page.locator("ol.results").inner_text()
    shot(page, "09-xss-search")
    assert page.dialogs == []
    assert page.locator("img").count() == 0 and page.locator("main script").count() == 0


# -- issue 12's questions on the sample database, whose answers are known ------------------------------


@pytest.fixture(scope="module")
def known_server(tmp_path_factory: pytest.TempPathFactory, nlp: VietnameseNLP) -> Iterator[Server]:
    db = build_sample_db(tmp_path_factory.mktemp("known") / "congdoan.duckdb", nlp)
    with Server(db) as running:
        yield running


def test_which_grassroots_unions_of_a_province_got_a_bang_khen_in_a_month(page: object, known_server: Server) -> None:
    page.goto(f"{known_server.url}/awards")
    page.select_option("select[name=province]", label="Thanh Hóa")
    page.select_option("select[name=level]", value="grassroots")
    page.select_option("select[name=family]", value="Bằng khen")
    page.fill("input[name=from]", "2024-05-01")
    page.fill("input[name=to]", "2024-05-31")
    page.get_by_role("button", name="Lọc").click()
    page.wait_for_load_state()
    cells = page.locator("table.award-table tbody tr td:nth-child(3) a.unit").all_inner_texts()
    assert sorted(cells) == sorted([HAM_RONG, THO_XUAN])
    assert NGA_SON not in page.content() and SUN_JADE not in page.locator("table.award-table").inner_text()
    headers = page.locator("table.award-table thead th").all_inner_texts()
    assert headers == ["Ngày", "Hình thức", "Đơn vị / cá nhân nhận", "Số lượng", "Cấp trao", "Lý do", "Nguồn"]
    shot(page, "10-awards-question")


def test_an_undated_article_is_never_in_the_feed_a_date_filter_or_the_digest(page: object, known_server: Server) -> None:
    undated = "Công đoàn Điện lực tỉnh Nghệ An"
    for path in ("/", "/?from=2024-01-01&to=2026-12-31", "/digest", "/digest?month=2025-09",
                 "/province?name=Ngh%E1%BB%87+An", "/digest?province=Ngh%E1%BB%87+An&month=2024-06"):
        page.goto(f"{known_server.url}{path}")
        assert undated not in page.locator("main, body.digest").first.inner_text(), path
    page.goto(f"{known_server.url}/")
    note = page.locator(".undated-note")
    assert "1 điểm nhấn trong bài không rõ ngày" in note.inner_text()
    note.get_by_role("link").click()
    page.wait_for_load_state()
    card = page.locator("article.card")
    assert card.count() == 1 and undated in card.inner_text() and "không rõ ngày" in card.inner_text()
    shot(page, "11-undated")


def test_a_sentence_with_three_highlights_is_one_card(page: object, known_server: Server) -> None:
    page.goto(f"{known_server.url}/?province=Thanh+H%C3%B3a")
    cards = page.locator("article.card", has_text="300 suất quà")
    assert cards.count() == 1
    card = cards.first
    assert card.locator(".sentence mark.hl").count() == 3
    assert card.locator(".card-head .badge").all_inner_texts() == ["SỐ LƯỢNG", "SỐ TIỀN", "PHONG TRÀO"]
    assert card.locator("ul.items li").count() == 3
    shot(page, "12-three-highlights-one-card")


def test_a_quoted_phrase_search_from_the_top_box(page: object, known_server: Server) -> None:
    page.goto(f"{known_server.url}/")
    box = page.locator(".quick-search input[name=q]")
    box.fill('"sach dep"')
    box.press("Enter")
    page.wait_for_url("**/search?q=*")
    assert page.locator(".count strong").inner_text() == "1"
    assert page.locator("ol.results mark.hl-match").first.inner_text() == "sạch, đẹp"
    page.goto(f"{known_server.url}/search?q=%22xanh+dep%22")
    assert page.locator(".count strong").inner_text() == "0"
    shot(page, "13-phrase-search")


def test_on_a_phone_the_filters_wait_behind_a_button_and_the_chart_opens_on_the_latest_months(
        page: object, known_server: Server) -> None:
    page.set_viewport_size({"width": 390, "height": 844})
    page.goto(f"{known_server.url}/")
    assert not page.locator("aside.filters").is_visible()
    assert page.locator("article.card").first.bounding_box()["y"] < 844  # news on the first screen
    page.locator("label.filters-button").click()
    assert page.locator("aside.filters").is_visible()
    page.goto(f"{known_server.url}/province?name=Thanh+H%C3%B3a")
    box = page.locator(".chart-scroll")
    scroll = box.evaluate("el => [el.scrollWidth, el.clientWidth, Math.abs(el.scrollLeft)]")
    assert scroll[0] > scroll[1]  # the chart is wider than the phone ...
    last_bar = page.locator("figure.chart rect.bar").last.bounding_box()
    assert 0 <= last_bar["x"] <= 390  # ... and opens on its latest month
    shot(page, "14-phone-province", widths=(390,))


def test_every_province_page_and_the_provinces_list(page: object, known_server: Server) -> None:
    page.goto(f"{known_server.url}/provinces")
    assert page.locator("h2").all_inner_texts() == ["Tỉnh/thành hiện nay (34)", "Tên trước 1/7/2025 (63)"]
    page.get_by_role("link", name="Thanh Hóa", exact=True).first.click()
    page.wait_for_url("**/province?name=*")
    assert page.locator("h1").inner_text() == "Thanh Hóa"
    assert page.locator("svg text.axis-title").count() == 2
    shot(page, "15-provinces")


# -- a busy generated week ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def busy_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Server]:
    sys.path.insert(0, str(ROOT / "bench"))
    from generate_db import build_database

    db = tmp_path_factory.mktemp("busy") / "congdoan.duckdb"
    build_database(db, 6000)
    with Server(db) as running:
        running.db = db
        yield running


def test_the_digest_of_a_busy_week_fits_four_a4_pages_and_its_docx_holds_the_summary(
        page: object, busy_server: Server, tmp_path: Path) -> None:
    week, statements = query(busy_server.db, """
        SELECT strftime(date, '%G-W%V') AS week, count(DISTINCT (article_id, sentence_start)) FROM v_highlights
        WHERE date IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1 LIMIT 1""")[0]
    assert statements >= 100  # busy
    page.goto(f"{busy_server.url}/digest?week={week}")
    summary = page.locator(".summary-text").inner_text()
    assert summary.startswith("Trong tuần") and "tặng" in summary
    assert page.locator(".digest-brief li").count() > 0  # the rest listed briefly
    shot(page, "16-digest-busy-week")
    page.emulate_media(media="print")
    pdf = page.pdf(prefer_css_page_size=True)
    pages = len(re.findall(rb"/Type\s*/Page[^s]", pdf))
    assert 1 <= pages <= 4, pages
    page.emulate_media(media="screen")
    with page.expect_download() as download:
        page.get_by_role("link", name="Tải Word (DOCX)").click()
    path = tmp_path / download.value.suggested_filename
    download.value.save_as(path)
    assert path.name == f"ban-tin-{week}.docx"
    texts = [p.text for p in Document(str(path)).paragraphs]
    assert summary in texts
