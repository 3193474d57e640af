"""``pipeline.importer``: decoding, text-or-HTML detection, per-file errors and the records built."""

from __future__ import annotations

import shutil
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest

from pipeline.importer import (ManifestError, host_province, import_file, import_files, import_source, looks_like_html,
                               read_manifest)
from tests.conftest import to_cp1258

FIXTURES = Path(__file__).parent / "fixtures"
DUMP = FIXTURES / "dumps" / "portal_counters.txt"
PAGE = FIXTURES / "saved_html" / "article_saved.html"

DUMP_TITLE = "Công đoàn ngành Giáo dục tỉnh trao 250 suất học bổng cho con đoàn viên"
PAGE_TITLE = "Công đoàn Dệt May tổ chức đối thoại với công nhân"


def _write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


# -- text or HTML, by content ---------------------------------------------------------------------


def test_kind_comes_from_content_not_extension(tmp_path: Path) -> None:
    html_as_txt = _write(tmp_path, "page.txt", PAGE.read_bytes())
    dump_as_html = _write(tmp_path, "dump.html", DUMP.read_bytes())
    results = import_files([html_as_txt, dump_as_html])
    assert [r.kind for r in results] == ["html", "text"]
    assert [r.article.title for r in results] == [PAGE_TITLE, DUMP_TITLE]


@pytest.mark.parametrize(
    ("text", "is_html"),
    [
        ("<!DOCTYPE html><p>x</p>", True),
        ("\n\n  <html lang='vi'><body>x</body></html>", True),
        ("<div>" + "<p>đoạn</p>" * 12 + "</div>", True),
        ("Hội nghị tổng kết\nCông nhân <3 công đoàn, tỷ lệ <5% nghỉ việc.\n", False),
        ("Dòng có một thẻ <b>đậm</b> trong văn bản dán từ trình duyệt.\n" * 3, False),
    ],
)
def test_looks_like_html(text: str, is_html: bool) -> None:
    assert looks_like_html(text) is is_html


# -- encodings --------------------------------------------------------------------------------------


def test_utf8_with_bom(tmp_path: Path) -> None:
    path = _write(tmp_path, "bom.txt", b"\xef\xbb\xbf" + DUMP.read_bytes())
    result = import_file(path)
    assert result.ok and result.article.title == DUMP_TITLE


@pytest.mark.parametrize("codec", ["utf-16", "utf-16-le", "utf-16-be"])
def test_utf16_with_and_without_bom(tmp_path: Path, codec: str) -> None:
    path = _write(tmp_path, f"{codec}.txt", DUMP.read_text(encoding="utf-8").encode(codec))
    result = import_file(path)
    assert result.ok, result.error
    assert result.article.title == DUMP_TITLE
    assert result.article.byline == "Nguyễn Thu Trang"


def test_windows_1258_dump_without_declaration(tmp_path: Path) -> None:
    text = DUMP.read_text(encoding="utf-8").replace("\n", "\r\n")
    data = to_cp1258(text)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    result = import_file(_write(tmp_path, "cp1258.txt", data))
    assert result.ok, result.error
    assert result.encoding == "cp1258"
    assert result.article.title == DUMP_TITLE
    assert result.article.body.startswith("Sáng 11/9, Công đoàn ngành Giáo dục tỉnh")
    assert unicodedata.is_normalized("NFC", result.article.body)


def test_windows_1258_html_page_with_meta_charset(tmp_path: Path) -> None:
    html = PAGE.read_text(encoding="utf-8").replace('<meta charset="utf-8">', '<meta charset="windows-1258">')
    result = import_file(_write(tmp_path, "page.htm", to_cp1258(html)))
    assert result.ok, result.error
    assert result.kind == "html"
    assert result.article.title == PAGE_TITLE
    assert "400.000 đồng" in result.article.body


def test_nfd_file_gives_nfc_article(tmp_path: Path) -> None:
    nfd = unicodedata.normalize("NFD", DUMP.read_text(encoding="utf-8"))
    assert nfd != unicodedata.normalize("NFC", nfd)
    result = import_file(_write(tmp_path, "nfd.txt", nfd.encode("utf-8")))
    article = result.article
    assert article.title == DUMP_TITLE
    for text in (article.title, article.body, article.byline):
        assert unicodedata.is_normalized("NFC", text)
    assert "Sáng 11/9, Công đoàn ngành Giáo dục tỉnh" in article.body


# -- bad files do not stop the others -------------------------------------------------------------


def test_bad_files_give_one_line_errors_and_the_rest_import(tmp_path: Path) -> None:
    good_text = _write(tmp_path, "a.txt", DUMP.read_bytes())
    binary = _write(tmp_path, "b.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)
    empty = _write(tmp_path, "c.txt", b"")
    blank = _write(tmp_path, "d.txt", b"\xef\xbb\xbf  \n\n")
    menu = _write(tmp_path, "e.txt", (FIXTURES / "dumps" / "menu_only.txt").read_bytes())
    listing = _write(tmp_path, "f.txt", (FIXTURES / "dumps" / "listing_page.txt").read_bytes())
    no_article = _write(tmp_path, "g.html", (FIXTURES / "saved_html" / "not_article.html").read_bytes())
    missing = tmp_path / "missing.txt"
    good_html = _write(tmp_path, "h.html", PAGE.read_bytes())

    results = import_files([good_text, binary, empty, blank, menu, listing, no_article, missing, good_html])
    assert [r.path for r in results] == [good_text, binary, empty, blank, menu, listing, no_article, missing, good_html]
    assert [r.ok for r in results] == [True, False, False, False, False, False, False, False, True]
    errors = {r.path.name: r.error for r in results}
    assert errors["b.txt"].startswith("binary")
    assert errors["c.txt"] == "empty file" and errors["d.txt"] == "empty file"
    assert errors["e.txt"].startswith("empty_body")
    assert errors["f.txt"].startswith("listing_page")
    assert errors["g.html"].startswith("empty_body")
    assert errors["missing.txt"].startswith("cannot read the file")
    for result in results:
        assert (result.error is None) == result.ok
        assert result.error is None or "\n" not in result.error


def test_a_parser_fault_on_one_file_is_its_error_and_the_rest_import(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """An unexpected fault while one page is read (a parser's bug) is that file's one-line error, as in the crawl."""
    import pipeline.importer as importer

    parse = importer.parse_text_dump

    def faulty(text: str):  # noqa: ANN202 - the parser's own return type
        if "FAULT" in text:
            raise IndexError("list index out of range")
        return parse(text)

    monkeypatch.setattr(importer, "parse_text_dump", faulty)
    bad = _write(tmp_path, "a.txt", DUMP.read_bytes() + b"\nFAULT\n")
    good = _write(tmp_path, "b.txt", DUMP.read_bytes())
    results = import_files([bad, good])
    assert [r.ok for r in results] == [False, True]
    assert results[0].error == "parse_error: IndexError: list index out of range"


def test_a_credit_label_alone_at_the_tail_is_no_byline(tmp_path: Path) -> None:
    """"Thực hiện:" with its names on no line (a cut credit) under the last paragraph: read, no byline, no fault
    (real-test18 2119 raised IndexError in the byline reader)."""
    dump = (f"{DUMP_TITLE}\n\nSáng 12/3, Công đoàn ngành Giáo dục tỉnh trao 250 suất học bổng cho con đoàn viên có hoàn "
            "cảnh khó khăn.\n\nMỗi suất học bổng trị giá 2 triệu đồng.\n\nThực hiện:\n")
    result = import_file(_write(tmp_path, "a.txt", dump.encode()))
    assert result.ok and result.article.byline is None
    assert "2 triệu đồng." in result.article.body


def test_directories_are_expanded_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "saved"
    folder.mkdir()
    shutil.copy(DUMP, folder / "2.txt")
    shutil.copy(PAGE, folder / "1.html")
    (folder / ".hidden.txt").write_bytes(DUMP.read_bytes())
    results = import_files([folder])
    assert [r.path.name for r in results] == ["1.html", "2.txt"]


# -- the records built ------------------------------------------------------------------------------


def test_article_record_from_a_dump(tmp_path: Path) -> None:
    path = _write(tmp_path, "bài viết.txt", DUMP.read_bytes())
    before = datetime.now(timezone.utc).replace(tzinfo=None)
    article = import_files([path], source="bacgiang")[0].article
    assert article.url == path.resolve().as_uri()
    assert article.url.startswith("file:///") and "%20" in article.url
    assert article.source == "bacgiang"
    assert article.published_at == datetime(2023, 9, 12, 8, 15)
    assert article.byline == "Nguyễn Thu Trang"
    assert article.fetched_at.tzinfo is None and abs((article.fetched_at - before).total_seconds()) < 60
    assert article.body.endswith("hoàn cảnh của đoàn viên, người lao động.")
    assert "1204558" not in article.body


def test_article_record_from_a_saved_page() -> None:
    result = import_files([PAGE])[0]
    article = result.article
    assert article.source == "import"
    assert article.title == PAGE_TITLE
    assert article.published_at == datetime(2024, 6, 14, 9, 20)
    assert article.byline == "Lê Thanh Hà"
    assert article.body.startswith("Ngày 13/6, Công đoàn Dệt May Việt Nam")
    for trap in ("Tin liên quan", "1.000 suất quà", "024.3825.5555", "9981234", "Trang chủ"):
        assert trap not in article.body


def test_files_of_one_import_share_the_import_time() -> None:
    results = import_files([DUMP, PAGE])
    assert results[0].article.fetched_at == results[1].article.fetched_at


def test_import_source_record() -> None:
    assert import_source().row() == {
        "source": "import", "name": "Imported files (import)", "base_url": None,
        "province": None, "kind": "import", "verified": False, "status": "active", "ended": None,
        "successor": None,
    }
    named = import_source("bacgiang")
    assert (named.source, named.kind) == ("bacgiang", "import")


# -- the context of each file: its URL, source and site province (issue 11) ----------------------------

CANONICAL = FIXTURES / "saved_html" / "provincial_canonical.html"
CREDITED = FIXTURES / "dumps" / "national_credited_caption.txt"


def test_a_saved_page_keeps_its_own_address_and_the_registry_site_gives_the_province() -> None:
    result = import_files([CANONICAL], source="mine")[0]
    assert result.article.url == ("https://laodong.vn/ldld-nghe-an/"
                                  "trao-qua-cho-doan-vien-kho-khan-nhan-thang-cong-nhan-1234567.ldo")
    assert (result.source.source, result.source.province) == ("laodong-ldld-nghean", "Nghệ An")
    assert result.article.source == "laodong-ldld-nghean"
    for chrome in ("cổ vật", "hiện vật", "2.458.931", "Trường Thi"):
        assert chrome not in result.article.body


def test_a_dump_takes_the_address_line_and_a_national_site_has_no_province() -> None:
    result = import_files([CREDITED], source="mine", province="Thanh Hóa")[0]
    assert result.article.url.startswith("https://nld.com.vn/cong-doan/quang-binh-")
    assert (result.source.source, result.source.province) == ("nld", None)


def test_without_an_address_the_file_uri_and_the_defaults_stay() -> None:
    result = import_files([DUMP], source="mine", province="Thanh Hóa")[0]
    assert result.article.url == DUMP.resolve().as_uri()
    assert (result.source.source, result.source.province) == ("mine", "Thanh Hóa")


def test_file_urls_are_kept_when_asked() -> None:
    result = import_files([CANONICAL], keep_file_urls=True)[0]
    assert result.article.url == CANONICAL.resolve().as_uri()
    assert result.source.province == "Nghệ An"


def test_manifest_gives_each_file_url_source_and_province(tmp_path: Path) -> None:
    first, second, third = (_write(tmp_path, f"{n}.txt", DUMP.read_bytes().replace(b"250", str(n).encode()))
                            for n in (251, 252, 253))
    (tmp_path / "manifest.csv").write_text(
        "file,url,source,province\n"
        "251.txt,https://baoquangbinh.vn/a-1.htm,baoquangbinh,Quảng Bình\n"
        "252.txt,,baoquangbinh,Hà Tĩnh\n"
        "253.txt,https://laodongthudo.vn/b-2.html,,\n", encoding="utf-8")
    manifest = read_manifest(tmp_path / "manifest.csv")
    results = import_files([first, second, third], source="mine", manifest=manifest)
    assert [r.article.url for r in results] == ["https://baoquangbinh.vn/a-1.htm", second.resolve().as_uri(),
                                                "https://laodongthudo.vn/b-2.html"]
    assert [(r.source.source, r.source.province) for r in results] == [
        ("baoquangbinh", "Quảng Bình"), ("baoquangbinh-ha-tinh", "Hà Tĩnh"), ("laodongthudo", "Hà Nội")]


def test_a_provincial_government_portal_gives_its_province(tmp_path: Path) -> None:
    first, second = (_write(tmp_path, f"{n}.txt", DUMP.read_bytes().replace(b"250", str(n).encode())) for n in (261, 262))
    (tmp_path / "manifest.csv").write_text(
        "file,url,source,province\n"
        "261.txt,http://xa1.chilinh.haiduong.gov.vn/Article/abc,,\n"
        "262.txt,https://moj.gov.vn/tin/abc,,\n", encoding="utf-8")
    results = import_files([first, second], source="mine", manifest=read_manifest(tmp_path / "manifest.csv"))
    assert [r.source.province for r in results] == ["Hải Dương", None]
    assert host_province("https://sovhtt.hanoi.gov.vn/tin-tuc/x") == "Hà Nội"
    assert host_province("https://haiduong.example.vn/x") is None


def test_a_manifest_without_its_header_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "m.csv"
    bad.write_text("251.txt,https://x.vn/a,x,Huế\n", encoding="utf-8")
    with pytest.raises(ManifestError, match="header file,url,source,province"):
        read_manifest(bad)


def test_a_saved_page_keeps_its_sapo_and_drops_page_furniture() -> None:
    """Two h1 (a section and the headline), an app banner, the lead in a sapo element the body finder
    drops, a closing credit and a copyright line: the body is the article, the credit the byline."""
    result = import_files([FIXTURES / "saved_html" / "sapo_two_headings.html"])[0]
    article = result.article
    assert article.title == "Ra mắt Công đoàn các cơ quan Đảng tỉnh và Công đoàn Ủy ban nhân dân tỉnh"
    assert article.body.startswith("Ngày 1/9, Liên đoàn Lao động tỉnh công bố quyết định")
    assert article.body.endswith("số vốn ban đầu 200 triệu đồng.")
    assert article.byline == "Lê Thu Hương"
    assert (result.source.source, result.source.province) == ("baophutho", "Phú Thọ")
    for furniture in ("Tải ứng dụng", "CỔNG THÔNG TIN", "Không sao chép", "500 suất", "0237"):
        assert furniture not in article.body
