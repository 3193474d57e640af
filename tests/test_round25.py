"""Rules of issue 11 round 25 (real-test35, opened after its blind measurement), each on short texts written for this
test: the social policy bank's name ("Ngân hàng Chính sách xã hội", written with a dash between its parts or with
"CSXH") is one organisation, never cut after "Chính"; a district's sector union ("Công đoàn Giáo dục huyện X", the
sector in any case) is of the district level, and written without its district is the one district the article
names, while a bare "LĐLĐ huyện" stays the district's federation; "Công đoàn và Đoàn Thanh niên <organisation>" is the
organisation's union; one form counted by kind of recipient several times ("2 bằng khen tập thể, 8 bằng khen cá
nhân") is one award of the sum, a group honoured for a reason of its own a second award; a union's form "cấp tỉnh" or
"cấp thành phố" is granted by the province's federation; the low end of a money range written without its scale
("từ 500 - 3 triệu đồng") is in thousands where the whole scale would pass the high end."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from tests.test_awards import award, awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str, province: str | None = None) -> list[tuple[str, str, str | None]]:
    doc = units_amounts_nlp(text, ArticleContext(source_province=province))
    return [(r["name"], r["level"], r["province"]) for r in unit_rows(doc)]


def test_the_policy_banks_name_is_whole_however_written(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn Ngân hàng Chính sách – Xã hội tỉnh trao 80 suất quà. Chủ tịch Công đoàn Ngân hàng Chính sách xã "
            "hội tỉnh cho biết thêm. Công đoàn cơ sở (CĐCS) Ngân hàng Chính sách xã hội (CSXH) huyện Đak Pơ họp. "
            "CĐCS Ngân hàng CSXH huyện Đak Pơ bầu ban chấp hành.")
    assert _units(units_amounts_nlp, text, "Gia Lai") == [
        ("Công đoàn Ngân hàng Chính sách xã hội tỉnh Gia Lai", "grassroots", "Gia Lai"),
        ("Công đoàn cơ sở Ngân hàng Chính sách xã hội huyện Đak Pơ", "grassroots", "Gia Lai"),
    ]


def test_a_districts_sector_union_is_of_the_district_level(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Sáng 9/9, Công đoàn Giáo dục huyện Phong Điền tổng kết năm học. Chủ tịch LĐLĐ huyện Phong Điền dự và "
            "Ban Thường vụ Công đoàn Giáo dục huyện báo cáo.")
    assert _units(units_amounts_nlp, text, "Cần Thơ") == [
        ("Công đoàn Giáo dục huyện Phong Điền", "district", "Cần Thơ"),
        ("Liên đoàn Lao động huyện Phong Điền", "district", "Cần Thơ"),
    ]
    # the sector in lower case; written bare first, it is the one named after; a bare "LĐLĐ huyện" stays the federation
    text = ("Công đoàn Giáo dục huyện tổ chức hội nghị. Công đoàn giáo dục huyện Gò Dầu đã chăm lo cho giáo viên. "
            "Liên đoàn Lao động huyện tặng quà.")
    assert _units(units_amounts_nlp, text, "Tây Ninh") == [
        ("Công đoàn Giáo dục huyện Gò Dầu", "district", "Tây Ninh"),
        ("Liên đoàn Lao động huyện Gò Dầu", "district", "Tây Ninh"),
    ]
    # with no district named at all, a bare one is no unit; a province's sector union is unchanged
    assert _units(units_amounts_nlp, "Công đoàn Giáo dục huyện tổ chức hội nghị.", "Tây Ninh") == []
    assert _units(units_amounts_nlp, "Công đoàn Giáo dục tỉnh Tây Ninh tổ chức hội nghị.") == [
        ("Công đoàn Giáo dục tỉnh Tây Ninh", "province_industry", "Tây Ninh")]


def test_a_union_coordinated_with_a_partner_body_is_the_organisations(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Chiều 3/7, Công đoàn và Đoàn Thanh niên Tổng công ty Điện lực Miền Trung tuyên dương 45 cháu học sinh."
    assert _units(units_amounts_nlp, text) == [("Công đoàn Tổng công ty Điện lực Miền Trung", "grassroots", None)]
    assert _units(units_amounts_nlp, "Công đoàn và Đoàn Thanh niên phối hợp tổ chức giải bóng đá.") == []


def test_one_form_counted_by_kind_is_one_award_of_the_sum(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Dịp này, Liên đoàn Lao động huyện Châu Thành trao 3 bằng khen tập thể, 12 bằng khen cá nhân cấp tỉnh cho "
            "các tập thể và cá nhân có thành tích xuất sắc trong phong trào thi đua.")
    assert awards(nlp, text, source_province="Hậu Giang") == [
        award("Bằng khen", "Liên đoàn Lao động tỉnh Hậu Giang", count=15, kind="both",
              occasion="thành tích xuất sắc trong phong trào thi đua")]
    # a group with a reason of its own is a second award
    text = ("Hội nghị đã trao bằng khen của LĐLĐ tỉnh gồm: 4 bằng khen tập thể, 9 bằng khen cá nhân có thành tích "
            "xuất sắc trong hoạt động công đoàn, 5 bằng khen tập thể có thành tích xuất sắc trong công tác nữ công.")
    assert awards(nlp, text, source_province="Hậu Giang") == [
        award("Bằng khen", "Liên đoàn Lao động tỉnh Hậu Giang", count=13, kind="both",
              occasion="thành tích xuất sắc trong hoạt động công đoàn"),
        award("Bằng khen", "Liên đoàn Lao động tỉnh Hậu Giang", count=5, kind="collective",
              occasion="thành tích xuất sắc trong công tác nữ công")]


def test_a_money_ranges_low_end_in_thousands(units_amounts_nlp: VietnameseNLP) -> None:
    rows = amount_rows(units_amounts_nlp("Công đoàn trao 20 suất quà, mỗi suất từ 500 - 2 triệu đồng; mức hỗ trợ "
                                         "từ 3 - 5 triệu đồng.", ArticleContext()))
    assert [(r["text"], r["value"], r["value_max"]) for r in rows if r["kind"] == "money"] == [
        ("từ 500 - 2 triệu đồng", 500_000, 2_000_000), ("từ 3 - 5 triệu đồng", 3_000_000, 5_000_000)]


def test_a_later_form_of_a_clause_has_the_reason_after_it(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Liên đoàn Lao động tỉnh Hậu Giang đã trao tặng 03 Kỷ niệm chương cho cán bộ có nhiều đóng góp cho tổ "
            "chức Công đoàn, trao tặng Bằng khen cho 05 tập thể và 12 cá nhân có thành tích xuất sắc trong năm 2023.")
    assert [(a["form"][:14], a["recipient_count"], a["occasion"]) for a in awards(nlp, text)] == [
        ("Kỷ niệm chương", 3, "nhiều đóng góp cho tổ chức Công đoàn"),
        ("Bằng khen", 17, "thành tích xuất sắc trong năm 2023")]
