"""Rules of issue 11 round 25 (real-test35, opened after its blind measurement), each on short texts written for this
test: the social policy bank's name ("Ngân hàng Chính sách xã hội", written with a dash between its parts or with
"CSXH") is one organisation, never cut after "Chính"; a district's sector union ("Công đoàn Giáo dục huyện X", the
sector in any case) is of the district level, and written without its district is the one district the article
names, while a bare "LĐLĐ huyện" stays the district's federation; "Công đoàn và Đoàn Thanh niên <organisation>" is the
organisation's union; one form counted by kind of recipient several times ("2 bằng khen tập thể, 8 bằng khen cá
nhân") is one award of the sum, a group honoured for a reason of its own a second award; a union's form "cấp tỉnh" or
"cấp thành phố" is granted by the province's federation; the low end of a money range written without its scale
("từ 500 - 3 triệu đồng") is in thousands where the whole scale would pass the high end. Then real-test36, opened
after its blind measurement: an office named by a listed sector ("Sở Tư pháp", "Sở Giao thông vận tải") takes no line
of business after it, only its place; "Viện kiểm sát nhân dân" and "Tòa án nhân dân" are heads, and a grassroots
union written with its province's type alone ("CĐCS VKSND tỉnh") is the one written with the province after it; a
union group ("Tổ Công đoàn X") and the departments' and sectors' unions ("công đoàn Sở, ngành") are no unit; a company
of making or trading goes on with what it makes ("Công ty TNHH Sản xuất đá granit,"); an office's name closing on a
district's type alone is the one district the article names; "CNVCNLĐ" is counted; a date line with a font-size tool
and a share button is no headline, a portal's weather box and a comments' count written before its label end the
article, "Tác giả: X" credits it and a photo gallery's heading closing it is no article text. Then real-test37, opened
after its blind measurement: the army's commands and branches and the police's ("Quân khu 1", "Quân chủng Hải quân",
"Bộ Tư lệnh Cảnh sát cơ động", "Học viện Cảnh sát nhân dân", "TSQ Phòng hóa") head organisations, the army's placed
only by the text or their own site; "Công đoàn Quốc phòng" ("CĐ QP") is the defence sector's union; a union's hotel
("khách sạn Công đoàn Ban Mê") is no unit; an army command honours ("Quân khu 1 tổ chức tuyên dương 27 …"), but a
photo's numbered caption with a generic honouring and no count tells no act; a form told later by the same awarder
with nothing of its own ("X cũng đã tặng bằng khen cho 12 tập th", cut by the copy) is the honouring told before."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump
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


def test_an_office_named_by_a_listed_sector_takes_only_its_place(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn cơ sở Sở Giao thông vận tải tổ chức thành công Đại hôi nhiệm kỳ 2023 - 2028. Sáng 17/3, Công đoàn "
            "cơ sở Sở Giao thông vận tải long trọng khai mạc. Công đoàn Sở Tư pháp xây dựng kế hoạch và Chương trình "
            "thi đua. Công đoàn Sở Tài chính tỉnh tham dự.")
    assert _units(units_amounts_nlp, text, "Lạng Sơn") == [
        ("Công đoàn cơ sở Sở Giao thông vận tải", "grassroots", "Lạng Sơn"),
        ("Công đoàn Sở Tư pháp", "grassroots", "Lạng Sơn"),
        ("Công đoàn Sở Tài chính tỉnh Lạng Sơn", "grassroots", "Lạng Sơn"),
    ]


def test_a_procuracys_union_written_with_its_provinces_type_alone(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Sáng 9/2, Đại hội công đoàn VKSND tỉnh Bạc Liêu khai mạc. Chủ tịch công đoàn cơ sở VKSND tỉnh báo cáo; "
            "Ban chấp hành Công đoàn VKSND tỉnh ra mắt.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn cơ sở Viện kiểm sát nhân dân tỉnh Bạc Liêu", "grassroots", "Bạc Liêu")]
    assert _units(units_amounts_nlp, "Công đoàn Tòa án nhân dân tỉnh tổ chức hội thao.", "Bạc Liêu") == [
        ("Công đoàn Tòa án nhân dân tỉnh Bạc Liêu", "grassroots", "Bạc Liêu")]


def test_union_groups_and_the_departments_unions_are_no_unit(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Tổ Công đoàn Trung tâm Trợ giúp pháp lý làm vườn hoa. Dự có lãnh đạo công đoàn Sở, ngành trong tỉnh và "
            "Công đoàn cơ sở Trung tâm Trợ giúp pháp lý.")
    assert _units(units_amounts_nlp, text, "Yên Bái") == [
        ("Công đoàn cơ sở Trung tâm Trợ giúp pháp lý", "grassroots", "Yên Bái")]


def test_a_company_of_making_and_an_office_closing_on_a_districts_type(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Tại huyện Đồng Xuân, LĐLĐ tỉnh tặng quà cho công nhân CĐCS Công ty TNHH Sản xuất gạch men, đoàn viên CĐCS "
            "Phòng VH-TT huyện và 50 CNVCNLĐ.")
    assert _units(units_amounts_nlp, text, "Phú Yên") == [
        ("Liên đoàn Lao động tỉnh Phú Yên", "province", "Phú Yên"),
        ("Công đoàn cơ sở Công ty TNHH Sản xuất gạch men", "grassroots", "Phú Yên"),
        ("Công đoàn cơ sở Phòng VH-TT huyện Đồng Xuân", "grassroots", "Phú Yên"),
    ]
    assert [r["text"] for r in amount_rows(units_amounts_nlp(text, ArticleContext()))] == ["50 CNVCNLĐ"]


def test_a_portals_tools_weather_comments_author_and_gallery_around_the_article() -> None:
    dump = ("Tin hoạt động >> Công đoàn\n\nCông đoàn Sở Nội vụ tổ chức hội thao chào mừng Đại hội\n\n"
            "12/02/2024 08:15:40 Xem cỡ chữ Google\n\nSáng 10/2, Công đoàn Sở Nội vụ tổ chức hội thao với 60 vận động "
            "viên tham gia thi đấu các môn kéo co, cầu lông.\n\nHội thao kết thúc với nhiều giải thưởng cho các tổ.\n\n"
            "Một số hình ảnh tại hội thao\n\nTác giả: Công đoàn Sở Nội vụ\n\n18oC\n\nThấp nhất 15°C, cao nhất 21°C.\n")
    parsed = parse_text_dump(dump)
    assert (parsed.title, str(parsed.published_at)[:10], parsed.byline) == (
        "Công đoàn Sở Nội vụ tổ chức hội thao chào mừng Đại hội", "2024-02-12", "Công đoàn Sở Nội vụ")
    assert parsed.body.endswith("nhiều giải thưởng cho các tổ.")
    counted = parse_text_dump("Công đoàn Sở Nội vụ tổ chức hội thao\n\nSáng 10/2, Công đoàn Sở Nội vụ tổ chức hội thao "
                              "với 60 vận động viên.\n\nHội thao kết thúc tốt đẹp.\n\nHT\n\n(0) Bình luận\n"
                              "Công đoàn Sở Y tế tổ chức\n")
    assert (counted.byline, counted.body.split("\n")[-1]) == ("HT", "Hội thao kết thúc tốt đẹp.")


def test_army_and_police_units_and_the_defence_union(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Đại hội công đoàn Quân chủng Hải quân lần thứ IX khai mạc. Công đoàn Quân khu 2 tuyên dương đoàn viên. "
            "Công đoàn Học viện Cảnh sát nhân dân và Công đoàn Bộ Tư lệnh Cảnh sát cơ động dự thi; Công đoàn cơ sở TSQ "
            "Phòng hóa tham gia. Ban CĐ QP phát động cuộc thi.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Quân chủng Hải quân", "grassroots", None),
        ("Công đoàn Quân khu 2", "grassroots", None),
        ("Công đoàn Học viện Cảnh sát nhân dân", "grassroots", None),
        ("Công đoàn Bộ Tư lệnh Cảnh sát cơ động", "grassroots", None),
        ("Công đoàn cơ sở Trường Sĩ quan Phòng hóa", "grassroots", None),
        ("Công đoàn Quốc phòng", "national_industry", None),
    ]
    # a union's hotel names no unit
    assert _units(units_amounts_nlp, "Hội nghị diễn ra tại khách sạn Công đoàn Hạ Long.", "Quảng Ninh") == []


def test_an_army_command_honours_but_a_numbered_photo_caption_tells_no_act(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Tối 20-8, Quân khu 2 tổ chức chương trình tuyên dương 6 tập thể, 24 cá nhân cán bộ, đoàn viên công đoàn "
            "tiêu biểu.")
    assert [(a["awarder"], a["recipient_count"], a["recipient_kind"]) for a in awards(nlp, text)] == [
        ("Quân khu 2", 30, "both")]
    assert awards(nlp, "Quân khu 2 tôn vinh đoàn viên công đoàn tiêu biểu - Ảnh 2.") == []


def test_a_bare_form_from_the_same_awarder_is_the_honouring_told_before(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Chiều 28/7, Quân khu 2 đã tổ chức gặp mặt, tuyên dương 10 tập thể và 90 cá nhân điển hình tiên tiến. "
            "Nhân dịp này, Quân khu 2 cũng đã tặng bằng khen cho 10 tập th")
    assert [(a["form"], a["awarder"], a["recipient_count"]) for a in awards(nlp, text)] == [
        ("Bằng khen", "Quân khu 2", 100)]
