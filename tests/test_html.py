"""Main content, title, byline and date of HTML pages; broken pages get a reason code."""

import gzip
import unicodedata
from pathlib import Path

import pytest

from crawl.registry import load_registry
from extract.charset import decode_html
from extract.html import clean_byline, parse_html
from tests.conftest import to_cp1258

FIXTURES = Path(__file__).parent / "sites_fixtures"
TITLE = "Công đoàn Viên chức tỉnh tổ chức tọa đàm về đổi mới hoạt động"
PARAGRAPHS = [
    "Chiều 12/3, Công đoàn Viên chức tỉnh tổ chức tọa đàm với sự tham gia của 60 cán bộ công đoàn cơ sở trực thuộc.",
    "Các ý kiến tập trung vào việc chăm lo đời sống đoàn viên, tổ chức phong trào thi đua và phát triển đoàn viên mới.",
    "Dịp này, đơn vị trao 20 suất quà cho đoàn viên có hoàn cảnh khó khăn, mỗi suất trị giá 1 triệu đồng.",
]


def page(body_extra: str = "", head_extra: str = '<meta charset="utf-8">', date_line: str = "Thứ Ba, 12/03/2024 | 16:40") -> str:
    paragraphs = "".join(f"<p>{p}</p>" for p in PARAGRAPHS)
    return f"""<!DOCTYPE html><html lang="vi"><head>{head_extra}<title>{TITLE} - Báo Mẫu</title></head>
<body><nav><a href="/">Trang chủ</a><a href="/cong-doan">Công đoàn</a></nav>
<h1 class="title">{TITLE}</h1><div class="meta"><span class="date">{date_line}</span></div>
<div class="content">{paragraphs}{body_extra}<p class="author">Bài và ảnh: THANH HƯƠNG</p></div>
<div class="related"><a href="/cong-doan/bai-khac-1.html">Tin khác về hoạt động công đoàn trong tỉnh</a></div>
<footer>Giấy phép số 123/GP-BTTTT, điện thoại 0293 3 876 543</footer></body></html>"""


@pytest.fixture(scope="module")
def tiny_site():
    return load_registry(FIXTURES / "sites")["tiny-site"]


def test_generic_path_finds_article_without_boilerplate():
    parsed = parse_html(page().encode("utf-8"), "https://mau.example.vn/cong-doan/bai-1.html")
    assert parsed.ok, parsed.detail
    assert parsed.title == TITLE
    assert parsed.byline == "THANH HƯƠNG"
    assert parsed.published_at.isoformat() == "2024-03-12T16:40:00"
    assert parsed.body.startswith(PARAGRAPHS[0])
    assert PARAGRAPHS[2] in parsed.body
    for boilerplate in ("Giấy phép", "Trang chủ", "Tin khác"):
        assert boilerplate not in parsed.body
    assert unicodedata.is_normalized("NFC", parsed.body)


def test_site_selectors_apply_drop(tiny_site):
    raw = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-3.html").read_bytes()
    parsed = parse_html(raw, "https://tiny.example.vn/tin-tuc/bai-viet-3.html", tiny_site)
    assert parsed.ok
    assert parsed.title == "Khánh thành Mái ấm Công đoàn thứ 12 trong năm"
    assert parsed.byline == "NGỌC LAN"
    assert parsed.published_at.isoformat() == "2024-03-03T03:13:00"
    assert parsed.body.splitlines()[0].startswith("Mái ấm được xây dựng")
    assert parsed.body.splitlines()[-1] == "Quang cảnh buổi lễ số 3."  # captions are part of the article
    assert "_teasers" not in parsed.body and "Tin liên quan" not in parsed.body
    assert "Tin, ảnh" not in parsed.body


def test_site_body_selector_missing_is_empty_body(tiny_site):
    changed_layout = page().replace('class="content"', 'class="noi-dung"')
    parsed = parse_html(changed_layout, "https://tiny.example.vn/tin-tuc/bai-viet-9.html", tiny_site)
    assert parsed.problem == "empty_body"
    assert parsed.title == TITLE  # the rest of the page still reads


def test_date_never_comes_from_the_body():
    text = page(date_line="").replace('<span class="date"></span>', "")
    text = text.replace(PARAGRAPHS[1], PARAGRAPHS[1] + " Hội nghị ngày 15/08/2019 lúc 08:00 đã thống nhất.")
    parsed = parse_html(text, "https://mau.example.vn/cong-doan/bai-1.html")
    assert parsed.published_at is None or parsed.published_at.year != 2019


def test_meta_published_time_and_url_dates():
    head = '<meta charset="utf-8"><meta property="article:published_time" content="2023-06-02T22:06:00+07:00">'
    parsed = parse_html(page(head_extra=head, date_line=""), "https://x.vn/a.html")
    assert parsed.published_at.isoformat() == "2023-06-02T22:06:00"
    parsed = parse_html(page(date_line=""), "https://ldld.example.vn/portal/pages/2024-05-29/bai.aspx")
    assert parsed.published_at.isoformat() == "2024-05-29T00:00:00"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("Tin, ảnh: HẢI THUẬN", "HẢI THUẬN"),
        ("Bài và ảnh: Minh Anh", "Minh Anh"),
        ("Theo Báo Lao Động", "Báo Lao Động"),
        ("  NGỌC LAN ", "NGỌC LAN"),
        ("", None),
        ("x" * 200, None),
    ],
)
def test_byline_prefixes(raw, expected):
    assert clean_byline(raw) == expected


def test_windows_1258_without_declaration():
    raw = to_cp1258(page(head_extra=""))
    with pytest.raises(UnicodeDecodeError):
        raw.decode("utf-8")
    parsed = parse_html(raw, "https://mau.example.vn/cong-doan/bai-1.html")
    assert parsed.ok, parsed.detail
    assert parsed.encoding == "cp1258"
    assert parsed.title == TITLE and PARAGRAPHS[0] in parsed.body


def test_declared_charset_that_is_wrong():
    # Declared windows-1252, but the bytes are UTF-8: valid UTF-8 wins.
    raw = page(head_extra='<meta charset="windows-1252">').encode("utf-8")
    parsed = parse_html(raw, "https://mau.example.vn/a.html", encoding="windows-1252")
    assert parsed.ok and parsed.title == TITLE
    # Declared UTF-8 (header and meta), but the bytes are Windows-1258.
    raw = to_cp1258(page())
    parsed = parse_html(raw, "https://mau.example.vn/a.html", encoding="utf-8")
    assert parsed.ok and parsed.encoding == "cp1258" and PARAGRAPHS[2] in parsed.body


def test_undecodable_text_is_bad_charset():
    garbage = bytes(range(0x80, 0x100)) * 40
    raw = b"<html><head><meta charset='utf-8'></head><body><p>" + garbage + b"</p></body></html>"
    parsed = parse_html(raw, "https://mau.example.vn/a.html")
    assert parsed.problem == "bad_charset"


def test_utf16_is_decoded():
    for raw in (page().encode("utf-16"), page().encode("utf-16-le")):
        assert decode_html(raw).text.startswith("<!DOCTYPE html>")
        assert parse_html(raw, "https://x.vn/a.html").title == TITLE


@pytest.mark.parametrize(
    "raw",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 20,
        gzip.compress(page().encode("utf-8")),
        bytes(range(32)) * 100,
        b"\x89PNG\r\n\x1a\n" + b"\x00" * 100,
    ],
)
def test_binary_content(raw):
    parsed = parse_html(raw, "https://x.vn/a.html")
    assert parsed.problem == "binary"
    assert parsed.body == ""


def test_truncated_html():
    whole = page()
    cut = whole[: whole.index(PARAGRAPHS[2]) + 20]
    assert parse_html(cut.encode("utf-8"), "https://x.vn/a.html").problem == "truncated"
    assert parse_html(whole.encode("utf-8"), "https://x.vn/a.html").problem is None


@pytest.mark.parametrize("content", ["", "<p>Đang cập nhật</p>", "<script>var x = 1;</script>"])
def test_empty_body(content):
    raw = f"<!DOCTYPE html><html><head><title>Trang</title></head><body>{content}</body></html>"
    parsed = parse_html(raw, "https://x.vn/a.html")
    assert parsed.problem == "empty_body"


def test_listing_page_is_not_an_article():
    items = "".join(
        f'<div class="item"><h3><a href="/cong-doan/bai-{i}.html">Tin hoạt động công đoàn số {i} trong tuần của các đơn vị</a></h3>'
        f"<p>Đoàn viên công đoàn cơ sở số {i} tham gia chương trình chăm lo đời sống và việc làm cho người lao động...</p></div>"
        for i in range(12)
    )
    raw = f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>Công đoàn</title></head><body><h1>Công đoàn</h1>{items}</body></html>'
    parsed = parse_html(raw, "https://x.vn/cong-doan/bai-99.html")
    assert parsed.problem == "listing_page", parsed
    assert parse_html(page(), "https://x.vn/a.html").problem is None
