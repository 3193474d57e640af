"""Rules of issue 11 round 19 (real-test14's last unit errors, then real-test15's, opened after its blind measurement),
each on short texts written for this test: a number after "Công đoàn" without a place type counts unions, it names no
numbered district; a copied page opening with a paragraph out of place over its one headline and tagged lead; state
bodies' and offices' abbreviations spelt out inside a grassroots union's name; a sector written short ("Nông nghiệp &
PTNT"); the 2025 names of the agriculture and environment union and of a zone union with a high-tech park; a Joomla
page's date line ("Thứ tư, 07 Tháng 9 2011 23:24") under a headline with its print button glued on; related-story
boxes headed in English ("Related posts:") and a paper's "Đừng bỏ lỡ" box; a company union named by its trade and its
place ("Công đoàn Cao su Dầu Tiếng"); then real-test16's: a paragraph closed by a bracketed aside without its full stop
kept in the body; a union's plenary congress ("Đại hội toàn thể Công đoàn cơ sở X"); zone unions of industrial parks
and economic zones; "QLDA" spelt out; workers written "CN", stalls of a Tết market ("điểm Chợ Tết") counted, a house's
grade ("nhà cấp 4") no count; then real-test17's: a sector whose only union is the national one ("Công đoàn Dầu
khí"); and real-test18's: the end of a span of years before a counted noun ("2011 - 2015 công đoàn") is no count; "CĐ cơ
sở" as a grassroots head."""

from __future__ import annotations

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump


def _names(nlp: VietnameseNLP, text: str, title: str | None = None) -> list[tuple[str, str]]:
    doc = nlp(text if title is None else f"{title}\n\n{text}", ArticleContext(title=title))
    return [(r["name"], r["level"]) for r in unit_rows(doc)]

UNION_NAMES: list[tuple[str, list[tuple[str, str]]]] = [
    # a number after "Công đoàn" without its place type counts unions, it names no numbered district
    ("Dự hội nghị có đại diện Công đoàn 7 trường đại học trong Khối. Liên đoàn Lao động Quận 9 và LĐLĐ Q.12 cũng cử người "
     "tham dự.", [("Liên đoàn Lao động quận 9", "district"), ("Liên đoàn Lao động quận 12", "district")]),
    # state bodies' and offices' abbreviations spelt out inside a grassroots union's name
    ("Công đoàn Văn phòng Đoàn ĐBQH và HĐND tỉnh Kon Tum họp. Công đoàn cơ sở TTYT Đắk Hà trao quà. Công đoàn Cơ quan "
     "T.Ư Hội Nông dân dự.",
     [("Công đoàn Văn phòng Đoàn đại biểu Quốc hội và Hội đồng nhân dân tỉnh Kon Tum", "grassroots"),
      ("Công đoàn cơ sở Trung tâm Y tế Đắk Hà", "grassroots"), ("Công đoàn Cơ quan Trung ương Hội Nông dân", "grassroots")]),
    # a sector written short is the sector it names
    ("Công đoàn ngành Nông nghiệp & PTNT tỉnh Phú Yên tổng kết năm. Chủ tịch công đoàn ngành Nông nghiệp&PTNT phát biểu.",
     [("Công đoàn ngành Nông nghiệp và Phát triển nông thôn tỉnh Phú Yên", "province_industry")]),
    # the 2025 names of the agriculture and environment union and of a zone union with a high-tech park
    ("Công đoàn Nông nghiệp và Môi trường Việt Nam và Công đoàn các Khu công nghệ cao và Khu công nghiệp Hà Nội ký kết "
     "chương trình phối hợp.",
     [("Công đoàn Nông nghiệp và Môi trường Việt Nam", "national_industry"),
      ("Công đoàn các Khu công nghệ cao và Khu công nghiệp thành phố Hà Nội", "province_industry")]),
    # a company union named by its trade and place; a person's name after a sector union is its officer's
    ("Giải Nhì thuộc về Công đoàn Cao su Phú Riềng. Phát biểu tại lễ trao giải, Chủ tịch CĐ Công Thương Lê Văn Hòa chúc "
     "mừng các tác giả.", [("Công đoàn Cao su Phú Riềng", "grassroots")]),
    # a union's plenary congress; zone unions of parks and economic zones; "QLDA" spelt out
    ("Ngày 5/5, Đại hội toàn thể Công đoàn cơ sở Công ty May Hưng Long lần thứ IV diễn ra. Công đoàn các Khu công nghiệp "
     "và Khu kinh tế tỉnh Phú Yên và Công đoàn Ban QLDA Điện 2 cùng dự. Toàn thể công đoàn viên hưởng ứng.",
     [("Công đoàn cơ sở Công ty May Hưng Long", "grassroots"),
      ("Công đoàn các Khu công nghiệp và Khu kinh tế tỉnh Phú Yên", "province_industry"),
      ("Công đoàn Ban Quản lý dự án Điện 2", "grassroots")]),
    # "CĐ cơ sở" is the grassroots head written short, before a place's name as before a company's
    ("Dịp này, CĐ cơ sở Bố Lá cùng Ban chỉ huy Đội sản xuất đến chúc mừng. CĐ cơ sở Công ty Cao su Phước Hòa trao quà.",
     [("Công đoàn cơ sở Bố Lá", "grassroots"), ("Công đoàn cơ sở Công ty Cao su Phước Hòa", "grassroots")]),
]


@pytest.mark.parametrize("text,expected", UNION_NAMES, ids=[case[0][:30] for case in UNION_NAMES])
def test_union_names(units_amounts_nlp: VietnameseNLP, text: str, expected: list[tuple[str, str]]) -> None:
    assert _names(units_amounts_nlp, text) == expected



_OUT_OF_PLACE = "Đây là nghiệp đoàn thứ ba của xã đảo. Ông Lê Văn Hải, chủ tịch xã, mong nghiệp đoàn giúp bà con yên tâm bám biển."
_HEADLINE = "Ra mắt Nghiệp đoàn nghề cá Hòn Mê"
_LEAD = ("TT - Sáng 3-8, Liên đoàn Lao động huyện Tĩnh Gia tổ chức lễ ra mắt Nghiệp đoàn nghề cá Hòn Mê với 41 đoàn viên "
         "trên 12 tàu cá.")


def test_a_paragraph_out_of_place_over_the_pages_one_headline() -> None:
    """A copying site printed a later paragraph over the headline and its tagged lead, then only chrome: the page is
    that one story (not a list of teasers), its headline the title, the paragraph above it outside the body."""
    chrome = "Tin cùng chuyên mục\nNhập mã xác nhận\nĐóng lại\n"
    parsed = parse_text_dump(f"{_OUT_OF_PLACE}\n{_HEADLINE}\n{_LEAD}\n{chrome}")
    assert parsed.problem is None
    assert parsed.title == _HEADLINE
    assert parsed.body == _LEAD.removeprefix("TT - ")
    # two such stories, each a headline and a tagged summary: a listing page still
    second = "Trao quà cho ngư dân xã Nghi Sơn\nTT - Chiều 4-8, Công đoàn xã Nghi Sơn trao 50 suất quà cho ngư dân."
    assert parse_text_dump(f"{_OUT_OF_PLACE}\n{_HEADLINE}\n{_LEAD}\n{second}\n{chrome}").problem == "listing_page"


def test_a_joomla_date_line_under_a_headline_with_its_print_button() -> None:
    dump = ("Công đoàn khoa Toán đạt danh hiệu vững mạnh năm học 2011-2012 In\nThứ năm, 13 Tháng 9 2012 08:05\n\n"
            "Công đoàn trường vừa đánh giá hoạt động của các công đoàn khoa trong năm học.\n\n"
            "Công đoàn khoa Toán được công nhận đạt danh hiệu vững mạnh xuất sắc.\n")
    parsed = parse_text_dump(dump)
    assert parsed.title == "Công đoàn khoa Toán đạt danh hiệu vững mạnh năm học 2011-2012"
    assert parsed.published_at is not None and (parsed.published_at.year, parsed.published_at.month,
                                                parsed.published_at.day, parsed.published_at.hour) == (2012, 9, 13, 8)
    assert parsed.body.startswith("Công đoàn trường vừa đánh giá")


def test_related_story_boxes_headed_in_english_or_as_dont_miss() -> None:
    for marker in ("Related posts:", "Đừng bỏ lỡ"):
        dump = (f"{_HEADLINE}\n\nSáng 3-8, Liên đoàn Lao động huyện Tĩnh Gia ra mắt Nghiệp đoàn nghề cá Hòn Mê.\n\n"
                f"Nghiệp đoàn có 41 đoàn viên trên 12 tàu cá.\n\nP.V\n{marker}\nCông đoàn Cao su Sa Thầy khen thưởng "
                "30 công nhân\nTrao 40 suất quà cho ngư dân\n")
        parsed = parse_text_dump(dump)
        assert parsed.body.endswith("trên 12 tàu cá."), marker
        assert parsed.byline == "P.V"


def test_a_paragraph_closed_by_a_bracketed_aside_stays_in_the_body() -> None:
    aside = ("Dịp này, LĐLĐ huyện Đông Anh tặng giấy khen cho 9 tập thể và cá nhân (đã có thành tích xuất sắc trong "
             "phong trào thi đua lao động giỏi năm học 2022 - 2023)")
    dump = (f"Năm học vừa qua, công đoàn trường đã chăm lo tốt đời sống của đoàn viên, tổ chức nhiều hoạt động thiết "
            f"thực và hiệu quả cho giáo viên.\n\n{aside}\n\nCô và trò nhà trường quyết tâm giữ vững danh hiệu tập thể "
            "lao động xuất sắc.\n")
    assert aside in parse_text_dump(dump).body


def test_counts_of_workers_written_short_and_of_market_stalls_not_of_a_house_grade(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("LĐLĐ tuyên dương 12 CN tiêu biểu và mở thêm 4 điểm Chợ Tết lưu động. Gia đình chị sống trong căn nhà cấp 4 "
            "vẻn vẹn 20m2.")
    doc = units_amounts_nlp(text, ArticleContext())
    assert [(r["value"], r["unit"]) for r in amount_rows(doc)] == [(12, "CN"), (4, "điểm Chợ Tết")]



def test_the_end_of_a_span_of_years_is_no_count(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Trong giai đoạn 2016 - 2020 công đoàn các địa phương đã góp sức; năm 2020 có 120 công đoàn được thành lập."
    doc = units_amounts_nlp(text, ArticleContext())
    assert [(r["value"], r["unit"]) for r in amount_rows(doc)] == [(120, "công đoàn")]


def test_a_sector_whose_only_union_is_national(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Nhân ngày 27-7, Công đoàn Dầu khí đã chuyển 100 triệu đồng đến quỹ; Công đoàn Dầu khí Vũng Tàu góp thêm."
    assert ("Công đoàn Dầu khí Việt Nam", "national_industry") in _names(units_amounts_nlp, text)
