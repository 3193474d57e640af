"""Rules of issue 11 round 24 (real-test32, opened after its blind measurement, and the classes the earlier opened
sets share with it), each on short texts written for this test: a line of business going on in lower case after a
capitalised trade or field word ("Công ty CP Đầu tư phát triển hạ tầng và đô thị X", "Chi cục An toàn vệ sinh
thực phẩm tỉnh") stays in the organisation's name; the union of a central body (a ministry, a general department, a
mass organisation's central office) is placed by the text or its own site only, never by the province of the story;
"Tổng cục", "Trung ương" after "cơ quan", "ĐHQGHN" and a closing "quốc gia" name organisations; a function word
the segmenter glued to a name ends it; a province's treasury ("Kho bạc tỉnh") is an office, its union grassroots; one
company's union written with its legal form spelt out and short is one
union; "VĐV" and pairs ("đôi") are counted; a round figure of millions after a programme's noun is its name; an
organisation written as one acronym before its receiving verb ("TTXVN vinh dự được đón nhận …") is the recipient; a
comma between a passive and a named subject's own passive parts two acts. Then real-test33, opened after its blind
measurement: a union named by its head alone ("Công đoàn Bệnh viện") is the union of the organisation of that head the
article names ("Bệnh viện X tổ chức Đại hội Công đoàn Bệnh viện"), a bare "thành phố" closing it on a provincial site
the city of the province's name; a headline with a portal's update label and category cell ("… Ngày cập nhật
07/08/2009 | Tin hoạt động |") is the title, dated; a dated lead printed twice at the top is no title and is kept once;
a noun given to someone after a comma ("cho 2 cá nhân, bằng … cho 1 cá nhân") is the next thing given, no listed noun;
"PC X" (a province's power company) and "TCty" are spelt out; a headline the body tells again as planned ("Biểu
dương 100 …" over "LĐLĐ sẽ biểu dương 100 …") tells no act. Then real-test34, opened after its blind measurement:
courts, procuracies and health centres written short ("CĐCS TAND huyện X", "Công đoàn TTYT huyện Y") are spelt out and
one union with their short writings ("Công đoàn cơ sở TAND", "Công đoàn cơ sở Trung tâm Y tế": of several, the one named
last before); one district's office written with and without its type is one union; a person named after a trade union
of the self-employed is no place of its name; "Ủy ban nhân dân huyện" is the one district's the article names."""

from __future__ import annotations

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump
from tests.test_awards import awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str, province: str | None = None,
           title: str | None = None) -> list[tuple[str, str, str | None]]:
    doc = units_amounts_nlp(f"{title}\n{text}" if title else text,
                            ArticleContext(source_province=province, title=title))
    return [(r["name"], r["level"], r["province"]) for r in unit_rows(doc)]


def _amounts(units_amounts_nlp: VietnameseNLP, text: str) -> list[tuple[str, float, str | None, str]]:
    return [(r["text"], r["value"], r["unit"], r["qualifier"])
            for r in amount_rows(units_amounts_nlp(text, ArticleContext()))]


def test_a_line_of_business_in_lower_case_stays_in_the_name(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn Công ty CP Xây lắp phát triển đô thị và hạ tầng Minh Khang nhận cờ. CĐCS Chi cục An toàn vệ sinh "
            "thực phẩm tỉnh tham gia hội thao. Công đoàn cơ sở BQL Dự án đầu tư xây dựng, CĐCS Trường THCS Lê Lợi "
            "cùng tham gia.")
    assert _units(units_amounts_nlp, text, "Nam Định") == [
        ("Công đoàn Công ty CP Xây lắp phát triển đô thị và hạ tầng Minh Khang", "grassroots", "Nam Định"),
        ("Công đoàn cơ sở Chi cục An toàn vệ sinh thực phẩm tỉnh Nam Định", "grassroots", "Nam Định"),
        ("Công đoàn cơ sở Ban Quản lý Dự án đầu tư xây dựng", "grassroots", "Nam Định"),
        ("Công đoàn cơ sở Trường THCS Lê Lợi", "grassroots", "Nam Định"),
    ]
    # a line of business that ends before an ordinary noun and verb is no part of the name
    assert _units(units_amounts_nlp, "Công đoàn Công ty Xây dựng Hòa Bình đầu tư xây dựng nhà ở cho công nhân.",
                  "Nam Định") == [("Công đoàn Công ty Xây dựng Hòa Bình", "grassroots", "Nam Định")]


def test_a_central_bodys_union_is_not_placed_by_the_story(units_amounts_nlp: VietnameseNLP) -> None:
    title = "Điện Biên: trồng 5.000 cây xanh ở vùng biên"
    text = ("Sáng 12/3, Công đoàn Bộ Nông nghiệp và Môi trường cùng Công đoàn cơ quan Trung ương Đoàn và Công đoàn "
            "Tổng cục Thủy lợi trồng cây tại huyện Mường Nhé.")
    assert _units(units_amounts_nlp, text, title=title) == [
        ("Công đoàn Bộ Nông nghiệp và Môi trường", "grassroots", None),
        ("Công đoàn cơ quan Trung ương Đoàn", "grassroots", None),
        ("Công đoàn Tổng cục Thủy lợi", "grassroots", None),
    ]
    # the ministry's own city site places it; a company in the story stays placed by the story's province
    assert _units(units_amounts_nlp, "Công đoàn Bộ Tư pháp tổ chức hội thao.", "Hà Nội") == [
        ("Công đoàn Bộ Tư pháp", "grassroots", "Hà Nội")]
    assert _units(units_amounts_nlp, "Công đoàn Công ty TNHH Hòa Phát tổ chức hội thao.", title=title) == [
        ("Công đoàn Công ty TNHH Hòa Phát", "grassroots", "Điện Biên")]


def test_central_offices_national_universities_and_national_names(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn cơ quan T.Ư Hội Nông dân Việt Nam trao quà. Công đoàn ĐHQGHN tổ chức hội thảo. Công đoàn cơ sở "
            "Trung tâm Viễn thám quốc gia trao 20 suất quà.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn cơ quan Trung ương Hội Nông dân Việt Nam", "grassroots", None),
        ("Công đoàn Đại học Quốc gia Hà Nội", "grassroots", None),
        ("Công đoàn cơ sở Trung tâm Viễn thám quốc gia", "grassroots", None),
    ]


def test_a_provinces_treasury_union_is_grassroots(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Ban chấp hành Công đoàn Kho bạc tỉnh họp phiên thường kỳ.", "Sơn La") == [
        ("Công đoàn Kho bạc tỉnh Sơn La", "grassroots", "Sơn La")]


def test_a_glued_function_word_ends_a_name(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Từ ngày 5/4, Công đoàn Bộ TN&MT cùng Công đoàn cơ sở Cục Biển và Hải đảo tổ chức trồng cây."
    assert [u[0] for u in _units(units_amounts_nlp, text)] == [
        "Công đoàn Bộ Tài nguyên và Môi trường", "Công đoàn cơ sở Cục Biển và Hải đảo"]


def test_a_legal_form_spelt_out_and_short_is_one_company(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Ngày 2/5, Ban chấp hành Công đoàn Công ty Cổ phần Cơ khí Tân Sơn tổ chức đại hội. Đại hội Công đoàn "
            "Công ty CP Cơ khí Tân Sơn bầu 7 ủy viên.")
    assert _units(units_amounts_nlp, text, "Hải Dương") == [
        ("Công đoàn Công ty Cổ phần Cơ khí Tân Sơn", "grassroots", "Hải Dương")]


def test_athletes_and_pairs_are_counted_and_a_programmes_figure_is_its_name(units_amounts_nlp: VietnameseNLP) -> None:
    assert _amounts(units_amounts_nlp, "Giải thu hút gần 90 VĐV với 17 đôi nam, nữ tham gia.") == [
        ("gần 90 VĐV", 90, "VĐV", "approx"), ("17 đôi", 17, "đôi", "exact")]
    assert _amounts(units_amounts_nlp, "Công đoàn hưởng ứng Đề án trồng một tỷ cây xanh và chương trình 1 triệu "
                                       "sáng kiến; đoàn viên đã trồng 800 cây xanh.") == [
        ("800 cây xanh", 800, "cây xanh", "exact")]
    # a sum after a programme's noun stays money
    assert _amounts(units_amounts_nlp, "Chương trình 1 triệu đồng mỗi suất được trao cho 30 công nhân.")[0][:2] == (
        "1 triệu đồng mỗi suất", 1000000)


def _fields(found: list[dict], *names: str) -> list[tuple]:
    return [tuple(a[n] for n in names) for a in found]


def test_an_organisation_written_as_an_acronym_receives(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Nhân dịp 70 năm thành lập, PVEP vinh dự được đón nhận Huân chương Lao động hạng Nhất.")
    assert _fields(found, "form", "awarder", "recipients") == [
        ("Huân chương Lao động hạng Nhất", "Chủ tịch nước", ["PVEP"])]
    # a kind of person written short is no organisation
    kinds = awards(nlp, "Năm 2024, CNVCLĐ được tặng Bằng khen của Liên đoàn Lao động tỉnh Hà Tĩnh.")
    assert all(a["recipients"] == [] for a in kinds)


def test_a_comma_between_two_passives_parts_two_acts(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Kết quả: 12 công đoàn bộ phận và 95 cá nhân được khen thưởng, Công đoàn Cục Thuế tỉnh Hà "
                        "Tĩnh được tặng Cờ thi đua của Liên đoàn Lao động tỉnh.", source_province="Hà Tĩnh")
    assert _fields(found, "form", "recipient_count") == [("khen thưởng", 107), ("Cờ thi đua", None)]
    # a list of names before one passive stays one act
    one = awards(nlp, "Công đoàn Cục Thuế, Công đoàn Kho bạc Nhà nước tỉnh được tặng Cờ thi đua của Liên đoàn Lao động "
                      "tỉnh.", source_province="Hà Tĩnh")
    assert len(one) == 1


def test_a_union_named_by_its_head_alone_is_the_named_organisations(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Ngày 12/11, Bệnh viện Phổi Trung ương tổ chức Đại hội Công đoàn Bệnh viện nhiệm kỳ 2025-2030. Chủ tịch "
            "Công đoàn Bệnh viện trình bày báo cáo.")
    assert _units(units_amounts_nlp, text, "Hà Nội") == [("Công đoàn Bệnh viện Phổi Trung ương", "grassroots", "Hà Nội")]
    city = "Công đoàn Trung tâm y tế tặng hoa cho nữ viên chức Trung tâm Y tế thành phố."
    assert _units(units_amounts_nlp, city, "Thái Nguyên") == [
        ("Công đoàn Trung tâm Y tế thành phố Thái Nguyên", "grassroots", "Thái Nguyên")]
    # no organisation of that head named: nothing to complete
    assert _units(units_amounts_nlp, "Chủ tịch Công đoàn Bệnh viện trình bày báo cáo.", "Hà Nội") == []


def test_a_portals_headline_with_its_update_label_and_a_dated_lead_printed_twice() -> None:
    portal = parse_text_dump("|\n| | |\nCông đoàn Trường Cao đẳng Y tế nhận Bằng khen Ngày cập nhật 05/03/2012 | Tin hoạt "
                             "động |\nSáng ngày 2.3, Công đoàn Trường Cao đẳng Y tế tổ chức hội nghị tổng kết năm học và "
                             "nhận Bằng khen của Tổng Liên đoàn.\n")
    assert (portal.title, str(portal.published_at)[:10]) == ("Công đoàn Trường Cao đẳng Y tế nhận Bằng khen", "2012-03-05")
    lead = ("Ngày 7-3, Công đoàn ngành Xây dựng tổ chức thăm và trao hỗ trợ cho 3 đoàn viên bị tai nạn lao động đang "
            "điều trị tại bệnh viện.")
    twice = parse_text_dump(f"{lead}\n{lead}\nTheo đó, mỗi đoàn viên được trao 2 triệu đồng.\n")
    assert twice.title is None and twice.body.split("\n") == [lead, "Theo đó, mỗi đoàn viên được trao 2 triệu đồng."]


def test_a_noun_given_to_someone_after_a_comma_is_no_listed_noun(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công đoàn trao Kỷ niệm chương cho 3 cá nhân, bằng Lao động sáng tạo cho 2 cá nhân."
    assert [a[:3] for a in _amounts(units_amounts_nlp, text)] == [("3 cá nhân", 3, "cá nhân"), ("2 cá nhân", 2, "cá nhân")]
    assert [a[2] for a in _amounts(units_amounts_nlp, "Trao quà cho 500 công nhân, người lao động.")] == [
        "công nhân, người lao động"]


def test_a_provinces_power_company_and_a_corporation_written_short(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Dịp này, Công đoàn PC Hà Tĩnh trao quà. Ngày 4/5, CĐ TCty Sông Đà tổ chức hội nghị."
    assert [u[0] for u in _units(units_amounts_nlp, text)] == [
        "Công đoàn Công ty Điện lực Hà Tĩnh", "Công đoàn Tổng công ty Sông Đà"]


def test_a_headline_the_body_tells_as_planned_is_no_act(nlp: VietnameseNLP) -> None:  # noqa: F811
    title = "Tuyên dương 80 “Gia đình công nhân tiêu biểu” năm 2026"
    planned = "Liên đoàn Lao động tỉnh sẽ tuyên dương 80 “Gia đình công nhân tiêu biểu” năm 2026 vào tháng 6."
    assert awards(nlp, f"{title}\n{planned}", title=title, source_province="Nghệ An") == []
    done = "Liên đoàn Lao động tỉnh đã tuyên dương 80 “Gia đình công nhân tiêu biểu” năm 2026."
    assert _fields(awards(nlp, f"{title}\n{done}", title=title, source_province="Nghệ An"), "recipient_count") == [(80,)]


@pytest.mark.parametrize(("text", "province", "expected"), [
    # courts, procuracies and health centres written short, spelt out; "CĐCS TAND" the court named before
    ("Sáng 5/4, Công đoàn cơ sở TAND huyện Cái Nước tổ chức đại hội. Ban chấp hành Công đoàn cơ sở TAND đã báo cáo. Dự "
     "có CĐCS VKSND huyện Cái Nước và Công Đoàn TTYT Huyện Năm Căn.", "Cà Mau",
     [("Công đoàn cơ sở Tòa án nhân dân huyện Cái Nước", "grassroots", "Cà Mau"),
      ("Công đoàn cơ sở Viện kiểm sát nhân dân huyện Cái Nước", "grassroots", "Cà Mau"),
      ("Công đoàn Trung tâm Y tế Huyện Năm Căn", "grassroots", "Cà Mau")]),
    # short and typed writings of one office: the one named last before, and the first writing's name
    ("Công đoàn cơ sở Trung tâm Y tế huyện Tân Hồng tổ chức đại hội, có đại diện CĐCS Trung tâm Y tế huyện Hồng Ngự "
     "dự. Chủ tịch Công đoàn cơ sở Trung tâm Y tế báo cáo. CĐCS Trung tâm Y tế Tân Hồng được biểu dương.", "Đồng Tháp",
     [("Công đoàn cơ sở Trung tâm Y tế huyện Tân Hồng", "grassroots", "Đồng Tháp"),
      ("Công đoàn cơ sở Trung tâm Y tế huyện Hồng Ngự", "grassroots", "Đồng Tháp")]),
])
def test_offices_written_short_and_with_their_type(units_amounts_nlp: VietnameseNLP, text: str, province: str,
                                                    expected: list[tuple[str, str, str]]) -> None:
    assert _units(units_amounts_nlp, text, province) == expected


def test_a_person_named_after_a_trade_union_is_no_place(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Dự đại hội có Nghiệp đoàn Y tế tư nhân, ông Trần Văn Tư phát biểu.", "Đồng Tháp") == []
    # a trade union after "và" is a union of its own, not a part of an office's name
    assert [u[0] for u in _units(units_amounts_nlp, "Dự có Công đoàn cơ sở Trung tâm Y tế huyện Phú Tân và Nghiệp đoàn "
                                                    "nghề cá Tân Hưng.", "Cà Mau")] == [
        "Công đoàn cơ sở Trung tâm Y tế huyện Phú Tân", "Nghiệp đoàn nghề cá Tân Hưng"]


def test_a_district_committee_is_the_one_district_the_article_names(nlp: VietnameseNLP) -> None:  # noqa: F811
    title = "Công đoàn cơ sở Tòa án huyện Nam Trà My nhận Cờ thi đua"
    body = "Năm 2019, Công đoàn cơ sở Tòa án huyện Nam Trà My được UBND huyện tặng Giấy khen."
    assert _fields(awards(nlp, f"{title}\n{body}", title=title, source_province="Quảng Nam"), "awarder") == [
        ("Ủy ban nhân dân huyện Nam Trà My",)]
