"""Rules of issue 11 round 13 (real-test11's import, unit and amount errors), each on short texts written for this
test: a headline longer than the usual cap that the body restates, a date line's section before a headline whose lead
an agency tag splits off, a paragraph that lost its stop after a quoted name, a national union's sector acronym before
"VN", a group's member company after its acronym, a count told after its noun with a qualifier, an office credited
after a closing label, a comment form under the author, a byline with its time after a bullet, and a commune union
placed by today's communes only in today's map."""

from __future__ import annotations

from datetime import datetime

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.spans import fields_of
from extract.textdump import parse_text_dump


@pytest.fixture(scope="module")
def nlp(units_amounts_nlp: VietnameseNLP) -> VietnameseNLP:
    return units_amounts_nlp


def _units(nlp: VietnameseNLP, text: str) -> list[tuple[str, str]]:
    return [(r["name"], r["level"]) for r in unit_rows(nlp(text, ArticleContext()))]

_LONG = ("Công đoàn cơ sở Trường Tiểu học Hoa Mai nhận cờ thi đua của Liên đoàn Lao động huyện vì đã có thành tích "
         "xuất sắc trong phong trào thi đua dạy tốt học tốt và xây dựng tổ chức công đoàn vững mạnh toàn diện năm học "
         "2023 - 2024")


def _dump(restated: str) -> str:
    return (f"{_LONG}\n\nSáng ngày 12/6/2024, Liên đoàn Lao động huyện tổng kết năm học với 80 cán bộ công đoàn về dự "
            f"và nghe báo cáo của các đơn vị trong toàn huyện.\n\n{restated}\n")


def test_a_long_headline_the_body_restates_is_the_title() -> None:
    parsed = parse_text_dump(_dump("Tại buổi lễ, " + _LONG.rsplit(" năm học", 1)[0] + ", nhiều thầy cô được nêu tên."))
    assert len(_LONG.split()) > 40
    assert parsed.title == _LONG
    assert parsed.body.startswith("Sáng ngày 12/6/2024, Liên đoàn Lao động huyện")


def test_a_long_first_line_the_body_does_not_restate_stays_in_the_body() -> None:
    parsed = parse_text_dump(_dump("Tại buổi lễ, nhiều thầy cô được nêu tên và nhận quà của nhà trường."))
    assert parsed.title is None
    assert parsed.body.startswith(_LONG)


def test_a_date_lines_section_before_a_headline_split_from_its_lead_at_an_agency_tag() -> None:
    dump = ("date 2024-09-20 Đời sống Hòa Vang: Gần 300 triệu đồng tặng công nhân khó khăn HVO - Chiều 19/9, Liên đoàn "
            "Lao động huyện trao 60 suất quà cho công nhân khó khăn tại các khu công nghiệp.\n\n"
            "Mỗi suất quà trị giá 5 triệu đồng, từ nguồn đóng góp của các doanh nghiệp trên địa bàn.\n")
    parsed = parse_text_dump(dump)
    assert parsed.title == "Hòa Vang: Gần 300 triệu đồng tặng công nhân khó khăn"
    assert parsed.source_tag == "HVO"
    assert parsed.body.startswith("Chiều 19/9, Liên đoàn Lao động huyện trao 60 suất quà")


@pytest.mark.parametrize("written", ["GTVT VN", "GTVTVN"])
def test_a_national_sector_acronym_before_vn(nlp: VietnameseNLP, written: str) -> None:
    text = f"Chủ tịch Công đoàn {written} Lê Văn Bình dự lễ."
    assert _units(nlp, text) == [("Công đoàn Giao thông vận tải Việt Nam", "national_industry")]


def test_a_groups_member_company_after_its_acronym(nlp: VietnameseNLP) -> None:
    text = ("Công đoàn VNPT khen thưởng Công đoàn VNPT Cao Bằng, Công đoàn EVN Hà Nội và Công đoàn VNPT IT; "
            "Chủ tịch Công đoàn VNPT Trần Văn Hùng trao thưởng.")
    assert _units(nlp, text) == [("Công đoàn VNPT", "national_industry"), ("Công đoàn VNPT Cao Bằng", "grassroots"),
                                 ("Công đoàn EVN Hà Nội", "grassroots"), ("Công đoàn VNPT IT", "grassroots")]


def test_a_paragraph_that_lost_its_stop_after_a_quoted_name_stays_in_the_body() -> None:
    told = ('Có 120 nữ đoàn viên được xét tặng Kỷ niệm chương "Vì sự phát triển của Phụ nữ" và 95 cán bộ được đề nghị '
            'tặng danh hiệu "Người mẹ, người vợ tiêu biểu" của tỉnh trong năm nay tại hội nghị tổng kết phong trào')
    dump = ("Phụ nữ công nhân giỏi việc nước, đảm việc nhà\n\nNgày 3/10, Liên đoàn Lao động tỉnh tổng kết phong trào "
            "thi đua trong nữ công nhân, viên chức, lao động giai đoạn 2020 - 2025.\n\n"
            f'{told} "Vì sự nghiệp xây dựng tổ chức Công đoàn"\n\n'
            "Các cấp công đoàn đã giới thiệu 300 nữ đoàn viên ưu tú cho Đảng xem xét kết nạp.\n")
    parsed = parse_text_dump(dump)
    assert told in parsed.body
    assert parsed.body.endswith("cho Đảng xem xét kết nạp.")


@pytest.mark.parametrize(("qualifier", "expected"), [("trên", "over"), ("khoảng", "approx"), ("", "exact")])
def test_a_count_told_after_its_noun_with_a_qualifier(nlp: VietnameseNLP, qualifier: str, expected: str) -> None:
    text = f"Tổng số đoàn viên của ngành là {qualifier} 8.400. Hội nghị diễn ra trong một ngày."
    doc = nlp(" ".join(text.split()), ArticleContext())
    found = [(fields_of(s, "amounts")["value"], fields_of(s, "amounts")["unit"], fields_of(s, "amounts")["qualifier"])
             for s in doc.spans.get("amounts", [])]
    assert found == [(8400, "đoàn viên", expected)]


# (dump, its byline, its body): credits and what follows the author
CREDITS = [
    pytest.param("Công nhân nhà máy thi tay nghề giỏi\n\nSáng 5/4, Công đoàn cơ sở nhà máy tổ chức hội thi tay nghề cho "
                 "60 công nhân trẻ.\n\nTin bài: Tổ thông tin nhà máy\n", "Tổ thông tin nhà máy",
                 "Sáng 5/4, Công đoàn cơ sở nhà máy tổ chức hội thi tay nghề cho 60 công nhân trẻ.",
                 id="an office credited after a closing label"),
    pytest.param("Quà tặng nữ công nhân nhân ngày 8/3\n\nNgày 7/3, Công đoàn phường trao 40 phần quà cho nữ công nhân "
                 "có hoàn cảnh khó khăn.\n\nLan Phương\n\nTrả lời\n\nEmail của bạn sẽ không được hiển thị công khai. "
                 "Các trường bắt buộc được đánh dấu *\n", "Lan Phương",
                 "Ngày 7/3, Công đoàn phường trao 40 phần quà cho nữ công nhân có hoàn cảnh khó khăn.",
                 id="a comment form under the author"),
    pytest.param("Công đoàn tập đoàn trao Bằng Lao động sáng tạo\n\nTrần Minh Châu  •  09:30 thứ ba ngày 14/11/2023\n\n"
                 "Ngày 13/11, Công đoàn tập đoàn trao Bằng Lao động sáng tạo cho 12 kỹ sư có sáng kiến được áp dụng.\n",
                 "Trần Minh Châu",
                 "Ngày 13/11, Công đoàn tập đoàn trao Bằng Lao động sáng tạo cho 12 kỹ sư có sáng kiến được áp dụng.",
                 id="a byline with its time after a bullet"),
    pytest.param("Tôn vinh chủ tịch công đoàn cơ sở\n\nSáng 2/8, Liên đoàn Lao động thành phố tôn vinh 90 chủ tịch công "
                 "đoàn cơ sở tiêu biểu.\n\nMỚI - NÓNG\n", None,
                 "Sáng 2/8, Liên đoàn Lao động thành phố tôn vinh 90 chủ tịch công đoàn cơ sở tiêu biểu.",
                 id="a hot-news box's heading under the article"),
]


@pytest.mark.parametrize(("dump", "byline", "body"), CREDITS)
def test_credits_and_what_follows_the_author(dump: str, byline: str | None, body: str) -> None:
    parsed = parse_text_dump(dump)
    assert (parsed.byline, parsed.body) == (byline, body)


@pytest.mark.parametrize(("site", "published", "province"), [
    ("Hải Dương", datetime(2022, 8, 10), "Hải Dương"),  # before the merger: today's communes do not place it
    ("Hải Dương", None, "Hải Dương"),  # undated, on a provincial site: the site reports its own communes
    (None, datetime(2025, 9, 1), "Hưng Yên"),  # after the merger, a national outlet: today's one commune of the name
])
def test_a_commune_union_is_placed_by_todays_communes_only_in_todays_map(
        nlp: VietnameseNLP, site: str | None, published: datetime | None, province: str) -> None:
    context = ArticleContext(source_province=site, published_at=published)
    rows = unit_rows(nlp("Công đoàn cơ sở xã Hoàng Hoa Thám trao thưởng cho 14 cháu học giỏi.", context))
    assert [(r["name"], r["province"]) for r in rows] == [("Công đoàn cơ sở xã Hoàng Hoa Thám", province)]


@pytest.mark.parametrize("written", ["T.Ư", "TƯ", "TW", "Trung ương"])
def test_the_central_sector_unions_as_a_group_are_no_unit(nlp: VietnameseNLP, written: str) -> None:
    text = f"Cuộc thi dành cho công đoàn cấp tỉnh, thành phố và công đoàn ngành {written}."
    assert _units(nlp, text) == []
