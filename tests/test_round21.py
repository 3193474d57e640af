"""Rules of issue 11 round 21 (real-test24, opened after its blind measurement, and real-test22), each on short texts
written for this test: a commune's last syllable written in lower case completes a known commune ("Công đoàn xã Bình
phú"); the 2025 science and technology union and its name without "và"; the police's union and the abbreviations of a
company's or school's name (TCT, CSND); a union named at the very end of a text whose name ends with its place; a
chairman named after a one-word head; page widgets (font size, dark mode, a portal's greeting, a rating), a closing
"Nguồn: <office>" credit, a picture's alt text under the first paragraph and a minister's photo caption in a dump;
staff written short as counted nouns and honoured people ("39 CBCNVC", "45 CN giỏi"); a union named inside the name
of a centre or school ("Trung tâm Công tác xã hội Công đoàn TPHCM") is no mention of it; "Liên đoàn Lao động Việt
Nam" without "Tổng" is the confederation; an online edition's tag glued to the lead ("BTO-Liên đoàn …"); a market's
union and an offices' union written with lower-case heads ("Công đoàn cơ sở chợ …", "Công đoàn cơ quan Bộ Y tế"); two
counted groups each honoured in its own passive, joined by "và", are two awards; an occasion ends before "đã vinh dự"
and "đã nhận". Then real-test23 and real-test25, measured once: a caption printed twice over a last paragraph without
its full stop is no teaser list; the science union's bracketed short name; the cities' zone unions; a trade union
before its bracketed province; an offices' union is the grassroots union; a provincial paper's or union's host names
its province."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump
from tests.test_awards import awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str) -> list[tuple[str, str]]:
    return [(r["name"], r["level"]) for r in unit_rows(units_amounts_nlp(text, ArticleContext()))]


def test_a_communes_last_syllable_in_lower_case_completes_a_known_commune(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn xã Bình phú tặng quà cho 30 cháu học giỏi. Công đoàn phường Tân định phối hợp tổ chức. "
            "Công đoàn xã Hòa tổ chức hội thi.")
    names = [name for name, _ in _units(units_amounts_nlp, text)]
    assert "Công đoàn xã Bình Phú" in names and "Công đoàn phường Tân Định" in names
    assert "Công đoàn xã Hòa" in names  # "xã Hòa Tổ" is no commune: the verb stays out of the name


def test_the_science_and_technology_union_with_and_without_its_conjunction(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn Khoa học và Công nghệ Việt Nam tổng kết năm. Phó Chủ tịch Công đoàn Khoa học Công nghệ Việt Nam "
            "phát biểu.")
    assert _units(units_amounts_nlp, text) == [("Công đoàn Khoa học và Công nghệ Việt Nam", "national_industry")]


def test_the_polices_union_and_abbreviated_company_and_school_names(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Ban Chấp hành Công đoàn CAND thăm Công đoàn Trường Đại học CSND. Công đoàn TCT Đường sắt Việt Nam cũng dự. "
            "Chủ tịch Công đoàn TCT Lê Văn Hùng phát biểu.")
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Công an nhân dân", "national_industry"), ("Công đoàn Trường Đại học Cảnh sát nhân dân", "grassroots"),
        ("Công đoàn Tổng công ty Đường sắt Việt Nam", "grassroots")]  # the chairman's name is no company


def test_a_union_named_at_the_end_of_a_text_is_kept_when_its_name_ends_with_its_place(
        units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Lãnh đạo tỉnh thăm Công đoàn Công ty May Hưng Yên") == [
        ("Công đoàn Công ty May Hưng Yên", "grassroots")]
    assert _units(units_amounts_nlp, "Lãnh đạo tỉnh thăm Công đoàn Công ty Cổ") == []  # a copy cut inside the name


def test_page_widgets_and_a_closing_source_credit() -> None:
    headline = "Công đoàn ngành Y tế biểu dương 40 thầy thuốc tiêu biểu"
    dump = (f"Chào mừng bạn đến với cổng thông tin điện tử của Công đoàn ngành Y tế\n{headline}\n\n|\nChế độ ban đêm OFF\n"
            "Cỡ chữ: A- A A+\nNgày 27-2, Công đoàn ngành Y tế tỉnh biểu dương 40 thầy thuốc tiêu biểu năm 2024.\n"
            "Mỗi thầy thuốc được tặng Giấy khen và phần quà.\nTrung bình (0 Bình chọn)\nNguồn: Công đoàn ngành Y tế\n")
    parsed = parse_text_dump(dump)
    assert (parsed.title, parsed.byline) == (headline, "Công đoàn ngành Y tế")
    assert parsed.body == ("Ngày 27-2, Công đoàn ngành Y tế tỉnh biểu dương 40 thầy thuốc tiêu biểu năm 2024.\n"
                           "Mỗi thầy thuốc được tặng Giấy khen và phần quà.")


def test_an_alt_text_under_the_first_paragraph_of_a_page_without_its_headline() -> None:
    dump = ("Ngày 27-2, Công đoàn ngành Y tế tỉnh biểu dương 40 thầy thuốc tiêu biểu năm 2024.\n\n"
            "Biểu dương hơn 40 thầy thuốc tiêu biểu - Ảnh 1.\n\nMỗi thầy thuốc được tặng Giấy khen và phần quà.\n")
    assert "Ảnh 1" not in parse_text_dump(dump).body


def test_an_alt_text_under_the_first_paragraph_stays_when_it_alone_tells_its_figure() -> None:
    dump = ("Sáng 3-3, Công đoàn quận tổ chức hội nghị tổng kết phong trào thi đua.\n"
            "Làm lợi gần 12 tỉ đồng từ sáng kiến - Ảnh 1.\nHội nghị biểu dương nhiều điển hình.\n")
    assert "Làm lợi gần 12 tỉ đồng từ sáng kiến - Ảnh 1." in parse_text_dump(dump).body


def test_a_ministers_photo_caption_is_no_teaser() -> None:
    caption = ("Phó Thủ tướng Chính phủ Trần Văn Bình và Chủ tịch Tổng LĐLĐVN Lê Quang Hòa trao Giải thưởng cho công nhân "
               "Phạm Văn Đức của Công đoàn Tổng công ty Đường sắt Việt Nam")
    dump = (f"Lễ trao giải diễn ra tại Hà Nội với 139 công nhân được vinh danh.\n\n{caption}\n"
            "Phát biểu tại buổi lễ, Phó Thủ tướng biểu dương các cá nhân.\n")
    assert caption in parse_text_dump(dump).body


def test_staff_written_short_are_counted_and_honoured(units_amounts_nlp: VietnameseNLP, nlp: VietnameseNLP) -> None:
    doc = units_amounts_nlp("Buổi lễ có 39 CBCNVC của trường và 12 CB-GV-NV nghỉ hưu.", ArticleContext())
    assert [(r["value"], r["unit"]) for r in amount_rows(doc)] == [(39, "CBCNVC"), (12, "CB-GV-NV")]
    found = awards(nlp, "Kết quả, trong năm 2024 có 120 CN giỏi được khen thưởng tại các cơ sở.")
    assert [(a["recipient_count"], a["recipient_kind"]) for a in found] == [(120, "individual")]


def test_a_union_named_inside_a_centres_or_schools_name_is_no_mention(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Ngày hội do Trung tâm Công tác xã hội Công đoàn TPHCM và một bệnh viện tổ chức.") == []
    assert _units(units_amounts_nlp, "Lớp học mở tại Trường Trung cấp nghề Kỹ thuật Công đoàn Nghệ An.") == []
    assert _units(units_amounts_nlp, "Tại Trung tâm Hội nghị tỉnh, LĐLĐ tỉnh Nghệ An tổ chức hội nghị.") == [
        ("Liên đoàn Lao động tỉnh Nghệ An", "province")]  # a comma: the federation is named on its own


def test_the_federation_of_the_country_is_the_confederation(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Một Bằng khen do Liên đoàn lao động Việt Nam tặng cho chị Lan.") == [
        ("Tổng Liên đoàn Lao động Việt Nam", "national")]


def test_an_online_editions_tag_glued_to_any_lead() -> None:
    parsed = parse_text_dump("Giải bóng chuyền hơi công nhân\n\nKTO-Liên đoàn Lao động huyện Đắk Hà tổ chức giải bóng "
                             "chuyền hơi cho 12 đội của các công đoàn cơ sở.\n")
    assert parsed.body.startswith("Liên đoàn Lao động huyện Đắk Hà") and parsed.source_tag == "KTO"


def test_a_markets_union_and_an_offices_union_with_lower_case_heads(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn cơ sở chợ phường Bến Nghé tặng quà tiểu thương. Công đoàn cơ quan Ủy ban nhân dân phường Tân Định "
            "và Công đoàn cơ quan Bộ Tài chính cùng tham gia.")
    assert [name for name, _ in _units(units_amounts_nlp, text)] == [
        "Công đoàn cơ sở chợ phường Bến Nghé", "Công đoàn cơ quan Ủy ban nhân dân phường Tân Định",
        "Công đoàn cơ quan Bộ Tài chính"]


def test_two_counted_groups_each_honoured_in_its_own_passive_are_two_awards(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Năm 2023 có 210 đoàn viên được khen thưởng tại các công đoàn cơ sở và 30 đoàn viên xuất sắc "
                        "được Công đoàn ngành Xây dựng tỉnh Nghệ An biểu dương.")
    assert [(a["recipient_count"], a["awarder"]) for a in found] == [
        (210, None), (30, "Công đoàn ngành Xây dựng tỉnh Nghệ An")]
    one = awards(nlp, "Có 12 tập thể và 40 cá nhân được Liên đoàn Lao động tỉnh Nghệ An tặng Bằng khen.")
    assert [a["recipient_count"] for a in one] == [52]


def test_an_occasion_ends_before_the_recipients_own_verb(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Tại buổi lễ, 70 cá nhân có thành tích xuất sắc trong phong trào thi đua đã vinh dự nhận "
                        "Giải thưởng Nguyễn Đức Cảnh.")
    assert [a["occasion"] for a in found] == ["thành tích xuất sắc trong phong trào thi đua"]


def test_a_caption_printed_twice_over_a_last_paragraph_without_its_full_stop_is_no_teaser_list() -> None:
    caption = "Trao giấy khen cho các tập thể, cá nhân"
    dump = (f"Công đoàn Giáo dục huyện tổng kết năm học\n\nSáng 6/9, Công đoàn Giáo dục huyện tổ chức hội nghị tổng kết "
            f"năm học.\n\n{caption}\n\n{caption}\n\nTrong năm học, các công đoàn cơ sở đã đẩy mạnh phong trào thi đua "
            "trong cán bộ, giáo viên.\n\nHội nghị đã trao giấy khen của Liên đoàn Lao động huyện cho 10 tập thể và 14 cá "
            "nhân có thành tích xuất sắc trong hoạt động công đoàn năm học 2015-2016\n")
    parsed = parse_text_dump(dump)
    assert parsed.problem is None and parsed.body.endswith("năm học 2015-2016")


def test_sector_and_zone_unions_named_short_and_a_trade_union_before_its_bracketed_province(
        units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Công đoàn Khoa học và Công nghệ (KH&CN) Việt Nam và Công đoàn KH&CN Việt Nam.") == [
        ("Công đoàn Khoa học và Công nghệ Việt Nam", "national_industry")]
    assert _units(units_amounts_nlp, "Nghiệp đoàn nghề cá Sa Huỳnh (Quảng Ngãi) có 60 đoàn viên.") == [
        ("Nghiệp đoàn nghề cá Sa Huỳnh", "grassroots")]
    hcm = units_amounts_nlp("Công đoàn các KCX, KCN (HEPZA) trao vé xe.", ArticleContext(source_province="Hồ Chí Minh"))
    assert [r["name"] for r in unit_rows(hcm)] == ["Công đoàn các Khu chế xuất và công nghiệp thành phố Hồ Chí Minh"]


def test_an_offices_union_is_the_organisations_grassroots_union(units_amounts_nlp: VietnameseNLP) -> None:
    doc = units_amounts_nlp("Công đoàn cơ quan Hội LHPN tỉnh tổ chức Trung thu. Chủ tịch CĐCS Hội LHPN tỉnh tặng quà.",
                            ArticleContext(source_province="Bình Thuận"))
    assert [r["name"] for r in unit_rows(doc)] == ["Công đoàn cơ sở Hội Liên hiệp Phụ nữ tỉnh Bình Thuận"]


def test_a_provincial_papers_or_unions_host_names_its_province() -> None:
    from pipeline.importer import host_province

    assert [host_province(u) for u in ("https://baolangson.vn/a.html", "http://congdoantayninh.org.vn/b",
                                       "https://www.baomoi.com/c", "https://baochinhphu.vn/d")] == [
        "Lạng Sơn", "Tây Ninh", None, None]
