"""The text-dump boilerplate filter, on the shared seeds and on synthetic dumps of other site styles."""

from __future__ import annotations

import json
import re
import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.textdump import parse_text_dump
from core.config import SHARED_DIR

SEEDS = SHARED_DIR / "seeds"
GOLD = SHARED_DIR / "gold" / "seeds-dev.jsonl"
DUMPS = Path(__file__).parent / "fixtures" / "dumps"


def _gold() -> list[dict]:
    if not GOLD.exists():
        return []
    return [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines() if line.strip()]


def _seed(name: str) -> str:
    if not SEEDS.exists():
        pytest.skip(f"shared seeds not available at {SEEDS}")
    return (SEEDS / name).read_text(encoding="utf-8")


def _number_forms(value: float) -> list[str]:
    """How a not-amount number may be printed: 738615, 2.100, 28,22 (for 28220000 with "triệu")."""
    n = int(value)
    forms = {str(n), f"{n:,}".replace(",", ".")}
    for scale in (10**9, 10**6, 10**3):
        if n >= scale and n % scale and n % (scale // 100) == 0:
            forms.add(f"{n / scale:.2f}".rstrip("0").replace(".", ","))
    return sorted(forms)


def _occurs(form: str, text: str) -> bool:
    return re.search(rf"(?<![\d.,]){re.escape(form)}(?![\d]|[.,]\d)", text) is not None


# -- seeds with gold ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def gold() -> list[dict]:
    records = _gold()
    if not records:
        pytest.skip(f"gold file not available at {GOLD}")
    return records


@pytest.mark.parametrize("index", range(3))
def test_seed_with_gold_matches_title_byline_and_body_bounds(gold: list[dict], index: int) -> None:
    record = gold[index]
    parsed = parse_text_dump(_seed(record["doc"]))
    assert parsed.title == record["title"]
    assert parsed.byline == record["byline"]
    assert parsed.body.startswith(record["body_starts"])
    assert parsed.body.endswith(record["body_ends"])
    for marker in record["boilerplate_markers"]:
        assert marker not in parsed.body


@pytest.mark.parametrize("index", range(3))
def test_seed_body_holds_no_number_found_only_in_boilerplate(gold: list[dict], index: int) -> None:
    """A not-amount number printed in our body must also be printed inside the gold article span."""
    record = gold[index]
    raw = _seed(record["doc"])
    span = raw[raw.index(record["body_starts"]) : raw.index(record["body_ends"]) + len(record["body_ends"])]
    body = parse_text_dump(raw).body
    for value in record["not_amounts"]:
        for form in _number_forms(value):
            if _occurs(form, body):
                assert _occurs(form, span), f"{form} ({value}) leaked from the boilerplate of {record['doc']}"


@pytest.mark.parametrize(
    ("doc", "traps"),
    [
        ("000_ad89d6080852b568.txt", ["28,22 triệu", "Lữ đoàn 127", "IPU-151", "Infographic", "[Video]"]),
        ("001_a31939fca0a7179e.txt", ["738615", "02373.852.369", "Đang online", "Hôm nay", "Sở Thông tin"]),
        ("002_41bfdc0ffe4b55ed.txt", ["63 triệu", "2.100", "8.800", "Túi An sinh", "(LĐTĐ)", "Hoàn Kiếm"]),
    ],
)
def test_seed_body_holds_no_boilerplate_trap(doc: str, traps: list[str]) -> None:
    body = parse_text_dump(_seed(doc)).body
    for trap in traps:
        assert trap not in body


def test_seed_002_keeps_the_caption_and_drops_the_repeated_headline(gold: list[dict]) -> None:
    record = next(r for r in gold if r["doc"].startswith("002_"))
    body = parse_text_dump(_seed(record["doc"])).body
    assert body.count(record["title"]) == 0
    assert "chủ trì hội nghị tại điểm cầu Trung ương. Ảnh: B.D" in body
    assert parse_text_dump(_seed(record["doc"])).source_tag == "LĐTĐ"


def test_seed_000_keeps_the_caption_text_without_table_markup() -> None:
    body = parse_text_dump(_seed("000_ad89d6080852b568.txt")).body
    caption = next(line for line in body.splitlines() if "160 phần quà" in line)
    assert caption.startswith("LĐLĐ huyện Tiểu Cần (Trà Vinh) tặng")
    assert caption.endswith("(Ảnh: KT).")
    assert "|" not in body and "![" not in body


# -- seeds without gold: expectations read off the dumps by hand --------------------------------


def test_seed_003_hue_style_page() -> None:
    parsed = parse_text_dump(_seed("003_355d0009c070508e.txt"))
    assert parsed.title == "Gắn phong trào thi đua với học tập và làm theo Bác"
    assert parsed.published_at == datetime(2023, 6, 2, 22, 6)
    assert parsed.byline == "HẢI THUẬN"
    assert parsed.source_tag == "HNN.VN"
    assert parsed.body.startswith("Gắn phong trào thi đua với học tập và làm theo Bác là một trong những kinh nghiệm")
    assert parsed.body.endswith("nhiệm vụ phát triển kinh tế, xã hội của tỉnh.")
    assert "Chia sẻ kinh nghiệm tại hội nghị" in parsed.body.splitlines()
    for trap in ("leftcenterrightdel", "ĐÁNH GIÁ", "BẠN CÓ THỂ QUAN TÂM", "Cố đô Huế", "Return to top", "Tin, ảnh"):
        assert trap not in parsed.body


def test_seed_004_haugiang_style_page() -> None:
    parsed = parse_text_dump(_seed("004_ab7b83628f01d6bf.txt"))
    assert parsed.title == "Đổi mới và nâng cao chất lượng hoạt động công đoàn theo tư tưởng của Người"
    assert parsed.published_at == datetime(2024, 5, 29, 17, 22)
    assert parsed.byline == "GIA NGUYỄN"
    assert parsed.source_tag == "HGO"
    assert parsed.body.startswith("Chiều ngày 29-5, Công đoàn Viên chức tỉnh tổ chức Tọa đàm")
    assert parsed.body.endswith("Nghị quyết Đại hội Công đoàn Viên chức nhiệm kỳ 2023-2028.")
    assert len(parsed.body.splitlines()) == 6
    for trap in ("Viết bình luận", "900 triệu", "06:50", "85%", "THÔNG TIN CẦN BIẾT", "329 công dân"):
        assert trap not in parsed.body


# -- synthetic dumps of other site styles (tests/fixtures/dumps, written for these tests) -------

SYNTHETIC = {
    "portal_counters.txt": dict(
        title="Công đoàn ngành Giáo dục tỉnh trao 250 suất học bổng cho con đoàn viên",
        published_at=datetime(2023, 9, 12, 8, 15),
        byline="Nguyễn Thu Trang",
        starts="Sáng 11/9, Công đoàn ngành Giáo dục tỉnh tổ chức lễ trao 250 suất học bổng",
        ends="hoàn cảnh của đoàn viên, người lao động.",
        paragraphs=5,
        absent=["1204558", "Lượt truy cập", "Trang chủ", "0204.3855.123", "Bản quyền", "Cơ quan chủ quản", "BẮC GIANG"],
    ),
    "newspaper_tag_teasers.txt": dict(
        title="Đà Nẵng: Hơn 3.000 công nhân được khám sức khỏe miễn phí",
        published_at=datetime(2024, 3, 18, 7, 45),
        byline="HOÀNG ANH",
        starts="Ngày 17-3, LĐLĐ TP Đà Nẵng phối hợp",
        ends="mỗi phần trị giá 500.000 đồng.",
        paragraphs=4,
        absent=["(NLĐO)", "Liên Chiểu", "400 công nhân", "20:10", "Thời sự"],
    ),
    "markdown_gallery.txt": dict(
        title="Người lao động ngành điện hào hứng với Tháng Công nhân 2022",
        published_at=datetime(2022, 5, 5),
        byline="T.H",
        starts="Hưởng ứng Tháng Công nhân năm 2022, Công đoàn Tổng công ty Điện lực miền Bắc",
        ends="kể từ tháng 6/2022.",
        paragraphs=4,
        absent=["giải bóng đá", "Ký kết thỏa ước", "anh-1.jpg", "bóng chuyền", "Hội thao", "quảng cáo", "|"],
    ),
    "national_caps_title.txt": dict(
        title="TỔNG LIÊN ĐOÀN KÝ KẾT CHƯƠNG TRÌNH PHỐI HỢP VỚI BỘ Y TẾ",
        published_at=datetime(2023, 4, 20, 14, 1),
        byline="Phạm Quang Huy",
        starts="Chiều 19/4, tại Hà Nội, Tổng Liên đoàn Lao động Việt Nam và Bộ Y tế",
        ends="ngay trong năm 2023.",
        paragraphs=3,
        absent=["Dệt May", "Giấy phép", "Chịu trách nhiệm", "Cổng thông tin", "CÔNG ĐOÀN VIỆT NAM", "Bài và ảnh"],
    ),
    # real-test3 shapes: an author line between the headline and a tagged sapo without a full stop, several
    # authors joined by dashes, a headline-shaped caption, a long caption opening with a title, no full stop
    "national_tagged_sapo.txt": dict(
        title="Khai trương bếp ăn công đoàn cho công nhân khu nhà trọ", published_at=None,
        byline="Lan Anh - Quốc Bảo - Minh Thư", starts="Bếp ăn do công đoàn mở phục vụ 300 suất cơm",
        # a long caption kept; the headline's alt text ("… - Ảnh 1.", no figure of its own) dropped (round 10)
        ends="trong suốt năm nay.", paragraphs=6, absent=["(NLĐO)", "HOTLINE", "Lan Anh", "nhà trọ - Ảnh 1."],
    ),
    # weather widgets, a header printed twice with its slogan, glyph-font leftovers before the headline, related
    # headlines run together in a cell, the author in a cell, a caption wholly in brackets
    "portal_repeated_header.txt": dict(
        title="Công đoàn ngành thăm công nhân bám công trình dịp Tết", published_at=None, byline="T.HÀ",
        starts="(Chủ tịch Công đoàn ngành (giữa)", ends="trong những ngày Tết.", paragraphs=3,
        absent=["°C", "Đoàn kết, sáng tạo", "Đông Sơn", "T.HÀ", "qXY", "300 suất", "200 phần"],  # and related links
    ),
}


@pytest.mark.parametrize("name", sorted(SYNTHETIC))
def test_synthetic_dump(name: str) -> None:
    want = SYNTHETIC[name]
    parsed = parse_text_dump((DUMPS / name).read_text(encoding="utf-8"))
    assert parsed.problem is None
    assert parsed.title == want["title"]
    assert parsed.published_at == want["published_at"]
    assert parsed.byline == want["byline"]
    assert parsed.body.startswith(want["starts"])
    assert parsed.body.endswith(want["ends"])
    assert len(parsed.body.splitlines()) == want["paragraphs"]
    for trap in want["absent"]:
        assert trap not in parsed.body


def test_caption_and_subheading_lines_stay_in_the_body() -> None:
    body = parse_text_dump((DUMPS / "portal_counters.txt").read_text(encoding="utf-8")).body
    assert "Các tiết mục văn nghệ chào mừng" in body.splitlines()
    markdown = parse_text_dump((DUMPS / "markdown_gallery.txt").read_text(encoding="utf-8")).body
    assert "Lãnh đạo Công đoàn Tổng công ty thăm hỏi công nhân tại công trường đường dây 110kV" in markdown.splitlines()


def test_listing_page_is_not_an_article() -> None:
    parsed = parse_text_dump((DUMPS / "listing_page.txt").read_text(encoding="utf-8"))
    assert parsed.problem == "listing_page"


def test_menu_only_page_has_no_body() -> None:
    parsed = parse_text_dump((DUMPS / "menu_only.txt").read_text(encoding="utf-8"))
    assert parsed.problem == "empty_body"
    assert parsed.body == "" and parsed.title is None


def test_every_left_out_line_is_reported() -> None:
    text = (DUMPS / "portal_counters.txt").read_text(encoding="utf-8")
    parsed = parse_text_dump(text)
    reasons = {cut.line: cut.reason for cut in parsed.cut}
    assert reasons[10] == "title" and reasons[12] == "date" and reasons[24] == "byline"
    assert reasons[7] == "page header"
    assert reasons[27].startswith("tail from footer")
    kept = set(parsed.body.splitlines())
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip() and number not in reasons:
            assert line.strip() in kept


# -- small pieces of the filter ------------------------------------------------------------------

_LEAD = "Sáng 5/3, Công đoàn cơ sở tổ chức hội nghị người lao động năm 2024 với sự tham dự của 150 đoàn viên."
_MORE = "Hội nghị đã thông qua quy chế dân chủ cơ sở và bầu ban thanh tra nhân dân nhiệm kỳ mới của đơn vị."


@pytest.mark.parametrize(
    ("last_line", "byline"),
    [
        ("Tin, ảnh: HẢI THUẬN", "HẢI THUẬN"),
        ("Nguyễn Văn An (LĐLĐ tỉnh)", "Nguyễn Văn An"),
        # the writer's union office after a spaced dash stays, as real-test3 (616, 620) and real-test7 (1007) write it
        ("Trần Mai – Công đoàn ngành Y tế", "Trần Mai – Công đoàn ngành Y tế"),
        ("Hà Anh - Minh Phương", "Hà Anh - Minh Phương"),
        ("N.T.H", "N.T.H"),
        ("Đại biểu biểu quyết thông qua nghị quyết", None),
        ("Theo đó, hội nghị bế mạc.", None),
    ],
)
def test_closing_credit_line(last_line: str, byline: str | None) -> None:
    parsed = parse_text_dump(f"Hội nghị người lao động năm 2024\n{_LEAD}\n{_MORE}\n{last_line}\n")
    assert parsed.byline == byline
    assert parsed.body.splitlines()[-1] == (_MORE if byline else last_line)


def test_mixed_case_parenthesis_is_not_an_agency_tag() -> None:
    parsed = parse_text_dump(f"Hội nghị người lao động năm 2024\n(Ảnh minh họa) {_LEAD}\n{_MORE}\n")
    assert parsed.source_tag is None
    assert parsed.body.startswith("(Ảnh minh họa) Sáng 5/3")


def test_date_inside_a_sentence_is_not_a_date_line() -> None:
    sentence = "Ngày 14/02/2024 08:30, hội nghị khai mạc tại hội trường lớn của công ty với 150 đại biểu."
    text = f"Hội nghị người lao động năm 2024\n{sentence}\n{_MORE}\n"
    parsed = parse_text_dump(text)
    assert parsed.published_at is None
    assert parsed.body.startswith("Ngày 14/02/2024 08:30, hội nghị khai mạc")


def test_nfd_and_crlf_input_gives_nfc_lines_without_trailing_spaces() -> None:
    text = f"Hội nghị người lao động năm 2024   \r\n\r\n{_LEAD}  \r\n{_MORE}\t\r\n"
    parsed = parse_text_dump(unicodedata.normalize("NFD", text))
    assert parsed.title == "Hội nghị người lao động năm 2024"
    assert parsed.body == f"{_LEAD}\n{_MORE}"
    assert unicodedata.is_normalized("NFC", parsed.body)


_PAGE_LINES = [
    _LEAD, _MORE, "Tin liên quan", "12:00 01/02/2024", "B.D", "", "Đang online: 5", "Hội nghị tổng kết năm",
]


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(_PAGE_LINES) | st.text(max_size=40), max_size=12))
def test_any_text_parses_to_clean_lines(lines: list[str]) -> None:
    parsed = parse_text_dump("\n".join(lines))
    assert parsed.body == parsed.body.strip()
    assert all(line and line == line.strip() for line in parsed.body.splitlines()) or parsed.body == ""
    assert unicodedata.is_normalized("NFC", parsed.body)
    assert (parsed.problem is None) == bool(parsed.body) or parsed.problem == "listing_page"


# -- issue 11: real dumps of national and provincial papers ------------------------------------------


def test_credited_date_caption_twice_address_and_print_footer() -> None:
    """A caption above the headline, a "Name (báo X) date (GMT+7)" line, a caption printed twice, an
    image file name, the paper's own address line and its print footer: the article is kept whole."""
    dump = parse_text_dump((DUMPS / "national_credited_caption.txt").read_text(encoding="utf-8"))
    assert dump.problem is None
    assert dump.title == "Quảng Bình: Công đoàn chăm lo Tết cho hơn 2.000 đoàn viên"
    assert (dump.published_at, dump.byline) == (datetime(2025, 12, 30, 10, 55), "Nguyễn Hà")
    assert dump.address == ("https://nld.com.vn/cong-doan/"
                            "quang-binh-cong-doan-cham-lo-tet-cho-hon-2000-doan-vien-196251230105500123.htm")
    assert dump.source_tag == "Người Lao Động"
    lines = dump.body.splitlines()
    assert lines[0].startswith("Ngày 29/12, LĐLĐ tỉnh")
    assert lines[-1].endswith("mỗi người được hỗ trợ 3 triệu đồng.")
    assert lines.count("Đại diện công đoàn trao quà cho công nhân tại khu công nghiệp") == 1
    for left_out in (".jpg", "Đường dẫn", "In bài viết", "Ảnh:", "500 công nhân", "1.000 suất"):
        assert left_out not in dump.body


def test_a_caption_printed_twice_between_paragraphs_is_no_teaser_list() -> None:
    paragraph = ("Công đoàn cơ sở công ty đã tổ chức hội nghị người lao động, thông qua nhiều nội dung "
                 "quan trọng về tiền lương và phúc lợi cho năm sau. ")
    caption = "Quang cảnh hội nghị người lao động năm nay"
    text = "\n".join(["Công ty may tổ chức hội nghị người lao động", paragraph, caption, caption,
                      paragraph.replace("hội nghị", "đối thoại"), paragraph.replace("tiền lương", "nhà ở")])
    dump = parse_text_dump(text)
    assert dump.problem is None
    assert dump.body.count(caption) == 1 and len(dump.body.splitlines()) == 4


def test_a_teaser_list_still_ends_the_article() -> None:
    """The guard against captions keeps real teaser lists out: no two prose paragraphs follow them."""
    text = (DUMPS / "newspaper_tag_teasers.txt").read_text(encoding="utf-8")
    dump = parse_text_dump(text)
    assert dump.problem is None and "Tin khác" not in dump.body


@pytest.mark.parametrize(("line", "tag"), [
    ("(Dân trí) - Sáng 3/3, công đoàn tỉnh trao quà cho công nhân khó khăn ở các khu công nghiệp.", "Dân trí"),
    ("GD&TĐ - Sáng 3/3, công đoàn ngành giáo dục trao quà cho các nhà giáo có hoàn cảnh khó khăn.", "GD&TĐ"),
])
def test_agency_prefix_is_cut_from_the_lead(line: str, tag: str) -> None:
    dump = parse_text_dump("Công đoàn trao quà cho người lao động khó khăn\n" + line + "\n" + line[len(tag) + 4:])
    assert dump.source_tag == tag
    assert dump.body.startswith("Sáng 3/3")


def test_a_dump_that_opens_inside_the_article_keeps_its_opening() -> None:
    """A stored excerpt: a date marker, a lead cut short, a caption, related stories set inside the
    article and a gallery heading at the end. No title is invented and no paragraph is lost."""
    dump = parse_text_dump((DUMPS / "excerpt_opens_inside.txt").read_text(encoding="utf-8"))
    assert (dump.problem, dump.title, dump.published_at) == (None, None, datetime(2025, 3, 14))
    lines = dump.body.splitlines()
    assert lines[0].startswith("Chiều 13/3, Công đoàn phường Đông Hải") and lines[0].endswith("trên địa bàn và")
    assert "Đại diện Công đoàn phường trao quà cho công nhân. Ảnh: T.H" in lines
    assert lines[-1].startswith("Chủ tịch Công đoàn phường cho biết")
    for left_out in ("Hội chợ việc làm", "thiết chế", "giải bóng đá", "Một số hình ảnh", "Công nhân nhận quà"):
        assert left_out not in dump.body


def test_section_and_author_line_date_with_counters_and_a_tagged_lead() -> None:
    dump = parse_text_dump((DUMPS / "section_author_glued_lead.txt").read_text(encoding="utf-8"))
    assert dump.title == "Tân Phước thành lập Công đoàn cơ sở tại doanh nghiệp giày"
    assert (dump.published_at, dump.byline, dump.source_tag) == (datetime(2025, 3, 5, 9, 12), "MINH HÀ", "TPO")
    assert dump.body.startswith("Sáng 5/3, Liên đoàn Lao động huyện Tân Phước")
    assert dump.body.endswith("của công ty.")


def test_a_headline_glued_to_its_lead_or_to_a_date_is_split() -> None:
    lead = ("Sáng 5/3, Liên đoàn Lao động huyện trao quyết định thành lập công đoàn cơ sở với 230 đoàn viên "
            "của công ty.")
    more = "Ban Chấp hành lâm thời gồm 5 đồng chí, do ông Lê Văn Tùng làm Chủ tịch công đoàn cơ sở mới."
    glued = parse_text_dump(f"Thời sự\nTân Phước: Thành lập công đoàn tại doanh nghiệp giày (TPO) - {lead}\n{more}")
    assert (glued.title, glued.source_tag) == ("Tân Phước: Thành lập công đoàn tại doanh nghiệp giày", "TPO")
    assert glued.body.startswith("Sáng 5/3")
    stamped = parse_text_dump(f"Tin tức\nTân Phước thành lập công đoàn tại doanh nghiệp giày 05/03/2025 09:12\n"
                              f"{lead}\n{more}")
    assert (stamped.title, stamped.published_at) == ("Tân Phước thành lập công đoàn tại doanh nghiệp giày",
                                                     datetime(2025, 3, 5, 9, 12))


@pytest.mark.parametrize("headline", [
    "Lao động - Việc làm Tân Phước: Thành lập công đoàn tại doanh nghiệp giày",
    "Tân Phước: Thành lập công đoàn tại doanh nghiệp giày Đời Sống - Tiêu Dùng",
    "Tân Phước: Thành lập công đoàn tại doanh nghiệp giày",
])
def test_a_section_name_beside_the_headline_is_cut_from_the_title(headline: str) -> None:
    lead = ("Sáng 5/3, Liên đoàn Lao động huyện trao quyết định thành lập công đoàn cơ sở với 230 đoàn viên "
            "của công ty.")
    more = "Ban Chấp hành lâm thời gồm 5 đồng chí, do ông Lê Văn Tùng làm Chủ tịch công đoàn cơ sở mới."
    dump = parse_text_dump(f"{headline}\n\n{lead}\n{more}")
    assert dump.title == "Tân Phước: Thành lập công đoàn tại doanh nghiệp giày"
    assert dump.body.startswith("Sáng 5/3")


def test_a_title_that_opens_with_section_words_in_lower_case_stays_whole() -> None:
    title = "Lao động - việc làm của thanh niên nông thôn sau đại dịch"
    lead = ("Sáng 5/3, Liên đoàn Lao động huyện tổ chức hội thảo về việc làm cho thanh niên nông thôn "
            "với 120 đại biểu.")
    assert parse_text_dump(f"{title}\n\n{lead}\nHội thảo kết thúc lúc 11 giờ cùng ngày, các đại biểu ra về.").title == title


# -- issue 11 round 3: captions, mastheads, credits, related links (texts of our own) ---------------

_PROSE = ("Chương trình nhằm động viên đoàn viên, người lao động có hoàn cảnh khó khăn vươn lên trong cuộc sống. "
          "Mỗi phần quà trị giá 500.000 đồng.")
_MORE = "Dịp này, công đoàn cũng thăm hỏi các gia đình công nhân bị tai nạn lao động trong năm qua."


@pytest.mark.parametrize(("opening", "starts"), [
    ("Ông Trần Văn Bình, Chủ tịch LĐLĐ huyện trao quà cho công nhân", "Ông Trần Văn Bình, Chủ tịch"),
    ("Đ/c Lê Thị Hoa-UVBTV, Trưởng ban Dân vận Huyện ủy\nvà đ/c Phạm Văn Nam, Chủ tịch LĐLĐ huyện tặng quà công nhân",
     "Đ/c Lê Thị Hoa-UVBTV"),
    ("Lãnh đạo Liên đoàn Lao động huyện trao quyết định thành lập công đoàn cơ sở", "Lãnh đạo Liên đoàn"),
    ("Đoàn chủ tịch Đại hội Công đoàn cơ sở Bệnh viện huyện", "Đoàn chủ tịch Đại hội"),
    ("![]() |\nCông đoàn ngành Y tế trao quà cho Trung tâm Y tế huyện |", "Công đoàn ngành Y tế trao quà"),
])
def test_a_caption_opening_a_copied_excerpt_is_no_title(opening: str, starts: str) -> None:
    dump = parse_text_dump(f"{opening}\nTheo đó, {_PROSE[0].lower()}{_PROSE[1:]}\n{_MORE}")
    assert dump.title is None
    assert dump.body.startswith(starts)


@pytest.mark.parametrize("title", [
    "Ông Trần Văn Bình tái đắc cử Chủ tịch LĐLĐ huyện",  # a person with a verb: a headline
    "Lãnh đạo LĐLĐ tỉnh thăm công nhân dịp Tết",  # a dated lead follows: a headline
])
def test_a_headline_opening_like_a_caption_stays_the_title(title: str) -> None:
    dump = parse_text_dump(f"{title}\nSáng 5/2, LĐLĐ tỉnh tổ chức chương trình thăm, tặng quà công nhân. {_PROSE}\n{_MORE}")
    assert dump.title == title
    assert dump.body.startswith("Sáng 5/2")


def test_masthead_caption_above_the_title_author_line_and_credits() -> None:
    dump = parse_text_dump(
        "MỚI NHẤT\nCƠ QUAN CỦA TỔNG LIÊN ĐOÀN LAO ĐỘNG VIỆT NAM\n"
        "Bà Ngô Thị Lan, Phó Chủ tịch LĐLĐ tỉnh trao quà cho các y bác sĩ có hoàn cảnh khó khăn.\n\n"
        "Tặng quà Tết nhân viên y tế khó khăn\nTác giả: THU HÀ\n"
        f"Chiều 1.2, LĐLĐ tỉnh trao 18 suất quà Tết cho nhân viên y tế. {_PROSE}\n{_MORE}\nTHU HÀ. Ảnh: CTV\nĐ")
    assert dump.title == "Tặng quà Tết nhân viên y tế khó khăn"
    assert dump.byline == "THU HÀ"
    assert dump.body.startswith("Chiều 1.2") and dump.body.endswith("trong năm qua.")
    assert "CƠ QUAN" not in dump.body


def test_related_links_in_table_cells_and_a_teaser_glued_to_its_lead() -> None:
    dump = parse_text_dump(
        "Tuyên dương 90 công nhân giỏi của thành phố\n| Huyện Đông biểu dương 46 công nhân giỏi | |\n"
        "| Công nhân Lê Văn Cường - người thợ thầm lặng |\n"
        f"Đây là hoạt động thường niên của LĐLĐ thành phố nhằm tôn vinh công nhân giỏi. {_PROSE}\n"
        "Thành lập Công đoàn phường Tây với 124 công đoàn cơ sở Ngày 3/10, Công đoàn phường Tây tổ chức đại hội\n"
        f"{_MORE}")
    assert dump.title == "Tuyên dương 90 công nhân giỏi của thành phố"
    assert dump.body.startswith("Đây là hoạt động")
    assert "124" not in dump.body and dump.body.endswith("trong năm qua.")


def test_a_title_glued_to_its_dated_lead_is_split() -> None:
    dump = parse_text_dump("date 2019-07 Công đoàn Việt Nam đón nhận Huân chương lần thứ ba "
                           f"Ngày 28.7.1929, tại Hà Nội, Công hội Đỏ Bắc Kỳ được thành lập. {_PROSE}\n{_MORE}")
    assert dump.title == "Công đoàn Việt Nam đón nhận Huân chương lần thứ ba"
    assert dump.body.startswith("Ngày 28.7.1929")


def test_an_edition_tag_is_no_author_and_a_closing_credit_ends_the_article() -> None:
    body = f"Ngày 7-2, LĐLĐ thành phố mở chợ tết công đoàn cho công nhân. {_PROSE}\n{_MORE}"
    tagged = parse_text_dump(f"Xã hội\n\nHà Nội mở chợ tết công đoàn cho công nhân\n\nSGGPO\n\n{body}")
    assert (tagged.title, tagged.byline) == ("Hà Nội mở chợ tết công đoàn cho công nhân", None)
    credited = parse_text_dump(f"Hà Nội mở chợ tết công đoàn cho công nhân\n{body}\nTin, ảnh: THU HÀ\n"
                               "Thầy Lê Văn Nam, giáo viên Trường THCS Tân Sơn, là giáo viên gương mẫu, tâm huyết với nghề.")
    assert credited.byline == "THU HÀ" and credited.body.endswith("trong năm qua.")


# Round 4's and round 5's shapes of real pages: tests/test_textdump_shapes.py
