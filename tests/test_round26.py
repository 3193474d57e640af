"""Rules of issue 11 round 26 (real-test38, then real-test39 and real-test40, each opened after its blind measurement),
each on short texts written for this test. Import: a headline printed in two lines, its first half closed by a colon,
is no lead, and the credits under it ("Tác giả: X") head the article; the headline printed again at the body's end and
cut by the copy is no text; a long headline over a post line whose parts are labelled ("Đăng: … | Tác giả: NP | Nguồn:
…"); "Viết bài, Ảnh: X" credits the article; an upper-case tag glued to its dash ("BT- ") is cut from the lead; a dump
opening on a long line with no sentence in it over article text opens with its headline; a gallery heading may end
with a colon. Units: a bare sector union is the national one the article names in any case or by the sector's longer
name; a corporation of the whole country is not placed by the site; a head in lower case alone ("Công đoàn trường") is
the union the article names, never one made from an organisation; broadcasters' and publishers' compounds, an
adjective before the closing country, the union's own university, the merged paper and broadcaster of 2025 named with a
comma and its bare province, a short union's written prefix ("Công đoàn cơ sở") and "Công đoàn cơ sở của X"; a national
union named by compound sector words, a trade compound in lower case, a corporation with and without its joint-stock
suffix, a national union written by its sector's initials and "Cơ quan TCT". Awards: the clause's subject after an
adverbial of the occasion or a linking adverb without its comma; an earlier group with an outcome of its own is not
among those honoured; a counted group made the subject of an honouring before a later form is an act; the host of a
held honouring is the union leading its partners; groups described after a kind list, and groups over later
semicolons, are honoured each for its own reason."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.textdump import parse_text_dump
from tests.test_awards import award, awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str, province: str | None = None) -> list[tuple[str, str, str | None]]:
    doc = units_amounts_nlp(text, ArticleContext(source_province=province))
    return [(r["name"], r["level"], r["province"]) for r in unit_rows(doc)]


def _title_and_byline(dump: str) -> tuple[str | None, str | None]:
    parsed = parse_text_dump(dump)
    return parsed.title, parsed.byline


def test_a_headline_in_two_lines_over_its_credits() -> None:
    dump = ("Tin tức Công đoàn\n\nHội nghị Ban Chấp hành Công đoàn Bưu điện tỉnh lần thứ V (2024-2029):\n\n"
            "Đoàn kết, đổi mới vì quyền lợi đoàn viên\n\nHà Linh\n\nTác giả: Hà Linh\n\n"
            "Sáng 12/3, Công đoàn Bưu điện tỉnh tổ chức hội nghị với 45 đại biểu tham dự, bàn các việc của năm.\n\n"
            "Hội nghị thông qua chương trình hoạt động năm 2024 của công đoàn.\n\nĐoàn kết, đổi mới vì quyền lợi đoà\n")
    parsed = parse_text_dump(dump)
    assert (parsed.title, parsed.byline) == ("Đoàn kết, đổi mới vì quyền lợi đoàn viên", "Hà Linh")
    assert parsed.body.startswith("Sáng 12/3,") and parsed.body.endswith("công đoàn.")


def test_a_long_headline_over_a_labelled_post_line_and_a_verb_credit() -> None:
    dump = ("Công đoàn Công ty CP Vận tải Thủy: Sôi nổi giải bóng chuyền chào mừng kỷ niệm ngày thành lập Công đoàn "
            "Việt Nam với sự tham gia của các đội đến từ nhiều xí nghiệp thành viên trong toàn Công ty\n\n"
            "Đăng: 09:30 05-08-2021 | Tác giả: TH | Nguồn: Công đoàn Công ty\n\n"
            "Chiều 3/8, Công đoàn Công ty tổ chức giải bóng chuyền với 8 đội tham dự, thi đấu vòng tròn trong hai "
            "ngày.\n\nGiải đấu khép lại với nhiều trận cầu hấp dẫn.\n")
    parsed = parse_text_dump(dump)
    assert parsed.title.startswith("Công đoàn Công ty CP Vận tải Thủy: Sôi nổi") and parsed.byline == "TH"
    assert str(parsed.published_at)[:10] == "2021-08-05" and parsed.body.startswith("Chiều 3/8,")
    credited = parse_text_dump("Công đoàn Cảng tổ chức hội thao\n\nNgày 5/9, Công đoàn Cảng tổ chức hội thao với 120 "
                               "đoàn viên tham dự.\n\nHội thao kết thúc tốt đẹp.\n\nViết bài, Ảnh: Thu Hà\n")
    assert (credited.byline, credited.body.split("\n")[-1]) == ("Thu Hà", "Hội thao kết thúc tốt đẹp.")


def test_a_glued_tag_an_opening_headline_and_a_gallery_heading_with_a_colon() -> None:
    dump = ("Công đoàn Trường Tiểu học Hoa Mai tổ chức trao quà cho giáo viên có hoàn cảnh khó khăn nhân dịp năm học "
            "mới chào mừng kỷ niệm Ngày Nhà giáo Việt Nam và hưởng ứng Tháng Công nhân của Liên đoàn Lao động quận\n\n"
            "Thực hiện kế hoạch của Liên đoàn Lao động quận về chăm lo cho đoàn viên nhân dịp năm học mới 2024 - 2025, "
            "công đoàn trường đã vận động đoàn viên đóng góp.\n\n"
            "Sáng 5/9, Công đoàn trường trao 12 suất quà cho giáo viên, mỗi suất 500.000 đồng.\n\n"
            "Một số hình ảnh của buổi trao quà:\n")
    parsed = parse_text_dump(dump)
    assert parsed.title.startswith("Công đoàn Trường Tiểu học Hoa Mai tổ chức trao quà")
    assert parsed.body.startswith("Thực hiện kế hoạch") and parsed.body.endswith("500.000 đồng.")
    tagged = parse_text_dump("Tổng kết công tác công đoàn năm 2023\n\nBT- Công đoàn viên chức tỉnh vừa tổng kết năm "
                             "2023 với 120 đại biểu tham dự.\n\nHội nghị đề ra nhiệm vụ năm 2024.\n")
    assert tagged.body.startswith("Công đoàn viên chức tỉnh vừa tổng kết")


def test_a_bare_sector_union_is_the_national_one_named_and_a_nationwide_corporation_unplaced(
        units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Ngày 3/9, Công đoàn giáo dục Việt Nam trao quà cho giáo viên. Công đoàn ngành giáo dục đã trích quỹ "
            "xã hội. Công đoàn ngành Điện thăm công nhân. Đại diện Công đoàn Điện lực Việt Nam phát biểu.")
    assert _units(units_amounts_nlp, text, "Tiền Giang") == [
        ("Công đoàn giáo dục Việt Nam", "national_industry", None),
        ("Công đoàn Điện lực Việt Nam", "national_industry", None)]
    text = ("Công đoàn cơ sở Cảng Hàng không Phú Quốc tổ chức đại hội. Đại diện Công đoàn Tổng công ty Cảng hàng "
            "không Việt Nam dự và phát biểu.")
    assert _units(units_amounts_nlp, text, "Kiên Giang") == [
        ("Công đoàn cơ sở Cảng Hàng không Phú Quốc", "grassroots", "Kiên Giang"),
        ("Công đoàn Tổng công ty Cảng hàng không Việt Nam", "grassroots", None)]


def test_a_lower_case_head_alone_is_the_union_named(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Năm học 2023-2024, Công đoàn trường đại học Thủy lợi hoạt động hiệu quả. Công đoàn trường đã vinh "
            "dự được Tổng Liên đoàn Lao động Việt Nam tặng Cờ thi đua.")
    assert [(a["form"], a["recipients"]) for a in awards(nlp, text)] == [
        ("Cờ thi đua", ["Công đoàn trường đại học Thủy lợi"])]


def test_a_lower_case_head_makes_no_union_from_an_organisation(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công ty cổ phần Dệt may Hòa Thọ vừa khánh thành nhà ăn mới. Công đoàn công ty đã trao 50 suất quà."
    assert _units(units_amounts_nlp, text, "Đà Nẵng") == []


def test_names_of_broadcasters_academies_and_the_unions_university(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Ban chấp hành Công đoàn Đài Phát thanh Truyền hình Cà Mau họp. Công đoàn Học viện Y - Dược học cổ "
            "truyền Việt Nam tổ chức bữa cơm. Công đoàn Trường Đại học Công đoàn tổng kết năm học. Công đoàn Báo và "
            "Phát thanh, truyền hình Nghệ An tổ chức Tết.")
    assert [name for name, _, _ in _units(units_amounts_nlp, text)] == [
        "Công đoàn Đài Phát thanh Truyền hình Cà Mau", "Công đoàn Học viện Y - Dược học cổ truyền Việt Nam",
        "Công đoàn Trường Đại học Công đoàn", "Công đoàn Báo và Phát thanh, truyền hình Nghệ An"]


def test_a_short_unions_prefix_and_its_possessive_writing(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Trung tâm Y tế huyện Lai Vung tổ chức hội nghị. Ngoài ra, trong dịp này Công đoàn cơ sở của Trung tâm đã "
            "thông qua quyết định và khen thưởng cho 9 tổ công đoàn có thành tích xuất sắc.")
    assert awards(nlp, text, source_province="Đồng Tháp") == [
        award("khen thưởng", "Công đoàn cơ sở Trung tâm Y tế huyện Lai Vung", count=9, kind="collective",
              occasion="thành tích xuất sắc")]


def test_national_unions_by_compounds_and_initials_and_corporations_folded(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn Cơ khí Luyện kim Việt Nam ra quyết định. Công đoàn Tổng công ty Thép Việt Nam – CTCP tổ chức "
            "lễ. Chủ tịch Công đoàn Tổng công ty Thép Việt Nam phát biểu. Công đoàn Tổng Công ty cấp nước Sài Gòn dự.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Cơ khí Luyện kim Việt Nam", "national_industry", None),
        ("Công đoàn Tổng công ty Thép Việt Nam – CTCP", "grassroots", None),
        ("Công đoàn Tổng Công ty cấp nước Sài Gòn", "grassroots", None)]
    text = ("Công đoàn Công nghiệp Hóa chất VN trao quà. Công đoàn CNHC VN cho biết thêm. Công đoàn Cơ quan Tổng "
            "công ty CP VINACONEX tổ chức đại hội. Công đoàn Cơ quan TCT bầu ban chấp hành.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Công nghiệp Hóa chất Việt Nam", "national_industry", None),
        ("Công đoàn Cơ quan Tổng công ty CP VINACONEX", "grassroots", None)]


def test_a_subject_after_a_linking_adverb_and_groups_each_for_its_reason(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Đồng thời Công đoàn viên chức tỉnh tặng giấy khen cho 12 tập thể, 30 cá nhân, khen thưởng 15 tập thể, cá "
            "nhân trong chuyên đề văn hóa thể thao, 4 cá nhân trong phong trào thi đua “Giỏi việc nước, đảm việc nhà” và 3 "
            "tập thể trong chuyên đề an toàn.")
    assert [(a["form"], a["awarder"], a["recipient_count"]) for a in awards(nlp, text, source_province="Bình Thuận")] == [
        ("Giấy khen", "Công đoàn Viên chức tỉnh Bình Thuận", 42),
        ("khen thưởng", "Công đoàn Viên chức tỉnh Bình Thuận", 15),
        ("khen thưởng", "Công đoàn Viên chức tỉnh Bình Thuận", 4),
        ("khen thưởng", "Công đoàn Viên chức tỉnh Bình Thuận", 3)]


def test_groups_over_semicolons_and_one_with_an_outcome_of_its_own(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Tại buổi lễ, Công đoàn Tổng công ty Giấy Việt Nam đã tuyên dương 12 cán bộ công đoàn qua các thời kỳ; "
            "9 cán bộ nữ tiêu biểu; 2 tập thể, 5 cá nhân làm tốt Tháng Công nhân năm 2023.")
    assert [(a["recipient_count"], a["occasion"]) for a in awards(nlp, text)] == [
        (12, None), (9, None), (7, None)]
    text = ("Qua bình xét cuối năm có 150 đoàn viên hoàn thành tốt nhiệm vụ, 40 đoàn viên được khen thưởng đoàn viên "
            "xuất sắc, 100% nữ đoàn viên đạt danh hiệu “Giỏi việc nước, đảm việc nhà”.")
    assert [(a["form"], a["recipient_count"]) for a in awards(nlp, text)] == [("khen thưởng", 40)]


def test_a_held_honourings_host_is_the_union_leading_its_partners(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Tối 6.5, LĐLĐ tỉnh Hà Tĩnh phối hợp với Báo và Đài Phát thanh - Truyền hình tỉnh tổ chức chương trình "
            "giao lưu và biểu dương cán bộ công đoàn, công nhân lao động tiêu biểu.")
    assert [(a["form"], a["awarder"]) for a in awards(nlp, text, source_province="Hà Tĩnh")] == [
        ("khen thưởng", "Liên đoàn Lao động tỉnh Hà Tĩnh")]


def test_a_writer_glued_to_the_weekday_and_a_city_written_short_in_a_name(units_amounts_nlp: VietnameseNLP) -> None:
    dump = ("Chủ đề nóng\n\nThứ hai, ngày 10/11/2025 09:00 GMT+7\n\nCông đoàn Đạm Cà Mau: Chăm lo cho người lao động\n\n"
            "Thanh Tâm Thứ hai, ngày 10/11/2025 09:00 GMT+7\n\nNăm 2025, Công đoàn Công ty CP Phân bón Dầu khí Cà Mau đã "
            "chăm lo cho 900 đoàn viên với tổng số tiền hơn 2 tỷ đồng.\n\nCông đoàn tiếp tục đồng hành với người lao "
            "động.\n")
    assert _title_and_byline(dump) == ("Công đoàn Đạm Cà Mau: Chăm lo cho người lao động", "Thanh Tâm")
    text = ("Công đoàn Tổng công ty Điện lực TP HCM sơ kết 6 tháng. Công đoàn VINAPACO được Tổng Liên đoàn Lao động "
            "Việt Nam tặng Cờ thi đua. Công đoàn Công nghiệp nhẹ Việt Nam dự.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Tổng công ty Điện lực thành phố Hồ Chí Minh", "grassroots", None),
        ("Tổng Liên đoàn Lao động Việt Nam", "national", None),
        ("Công đoàn Công nghiệp nhẹ Việt Nam", "national_industry", None)]
