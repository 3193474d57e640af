"""Rules of issue 11 round 23 (real-test26 to 28, opened in round 22, and real-test29, opened after its blind
measurement), each on short texts written for this test: first-year students ("tân sinh viên") are counted and
honoured individuals; a ceremony told held for an honouring ("hội nghị được tổ chức nhằm tôn vinh 289 cán bộ") tells
the honouring done; those counted after "trong đó có" are some of the honoured, no more of them, and "đựợc" is a
misprint of "được"; the nouns after a family ("gia đình đoàn viên, người lao động") say whose family; a province's
sector union written with and without "ngành" in one article is one union; a school named by its level alone
("Công đoàn Mầm non X") is a grassroots union, one with the school's union written with "Trường"; districts merged
away in 2025 (Nông Sơn) are still placed; a post line that names its poster ("Đăng lúc: … - Người đăng bài viết:
…") dates the article. Then real-test30, opened after its blind measurement: a plantation ("Nông trường X") is a
named recipient; a trade compound going on in lower case ("Công đoàn Ngân hàng Đầu tư và Phát triển VN") names an
organisation, no trade and place; an office head with a lower-case word ("Cục thuế") closed by "tỉnh" is the site's
province's office."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump
from tests.test_awards import awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str, province: str | None = None) -> list[tuple[str, str, str | None]]:
    doc = units_amounts_nlp(text, ArticleContext(source_province=province))
    return [(r["name"], r["level"], r["province"]) for r in unit_rows(doc)]


def _fields(found: list[dict], *names: str) -> list[tuple]:
    return [tuple(a[n] for n in names) for a in found]


def test_first_year_students_are_counted_and_honoured(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = "Sáng 5/9, LĐLĐ tỉnh Bình Định tổ chức lễ tuyên dương 145 tân sinh viên là con đoàn viên."
    assert _fields(awards(nlp, text, source_province="Bình Định"), "awarder", "recipient_count", "recipient_kind") == [
        ("Liên đoàn Lao động tỉnh Bình Định", 145, "individual")]
    assert [(r["value"], r["unit"]) for r in amount_rows(nlp(text, ArticleContext()))] == [(145, "tân sinh viên")]


def test_a_ceremony_held_for_an_honouring_tells_it_done(nlp: VietnameseNLP) -> None:  # noqa: F811
    held = awards(nlp, "Theo Ban tổ chức, hội nghị được tổ chức nhằm tôn vinh 152 công nhân có thành tích xuất sắc.")
    assert _fields(held, "form", "recipient_count") == [("khen thưởng", 152)]
    assert awards(nlp, "Hội nghị sẽ được tổ chức nhằm tôn vinh 152 công nhân có thành tích xuất sắc.") == []


def test_those_counted_after_trong_do_co_are_some_of_the_honoured(nlp: VietnameseNLP) -> None:  # noqa: F811
    passive = awards(nlp, "Năm học vừa qua, có 84 cháu đựợc tuyên dương khen thưởng trong đó có 12 cháu đạt giải "
                          "học sinh giỏi cấp tỉnh.")
    assert _fields(passive, "recipient_count") == [(84,)]
    active = awards(nlp, "Công đoàn công ty khen thưởng 40 cháu, trong đó có 7 cháu đạt giải cấp quốc gia.")
    assert _fields(active, "recipient_count") == [(40,)]
    named = awards(nlp, "Công đoàn công ty khen thưởng 40 cháu, trong đó có cháu Lê Minh Châu đạt giải quốc gia.")
    assert _fields(named, "recipients", "recipient_count") == [(["Lê Minh Châu"], 40)]


def test_the_nouns_after_a_family_say_whose_family(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Sáng 3/6, LĐLĐ tỉnh Nghệ An tổ chức hội nghị biểu dương gia đình công nhân, viên chức, "
                        "lao động tiêu biểu năm 2024.", source_province="Nghệ An")
    assert _fields(found, "awarder", "recipient_kind") == [("Liên đoàn Lao động tỉnh Nghệ An", "collective")]
    both = awards(nlp, "Sáng 3/6, LĐLĐ tỉnh Nghệ An biểu dương 40 gia đình và 25 công nhân tiêu biểu.", source_province="Nghệ An")
    assert _fields(both, "recipient_count", "recipient_kind") == [(65, "both")]


def test_a_sector_union_written_with_and_without_nganh_is_one(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công đoàn Giáo dục Đà Nẵng tổ chức hội thi. Đại diện Công đoàn ngành Giáo dục Đà Nẵng trao giải."
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn ngành Giáo dục thành phố Đà Nẵng", "province_industry", "Đà Nẵng")]


def test_a_school_named_by_its_level_alone(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Công đoàn Tiểu học Hoa Mai tổ chức hội thi cắm hoa.", "Bến Tre") == [
        ("Công đoàn Tiểu học Hoa Mai", "grassroots", "Bến Tre")]
    one = "Công đoàn Mầm non Hoa Hồng tặng quà. Sau đó, Công đoàn cơ sở trường MN Hoa Hồng họp mặt."
    assert _units(units_amounts_nlp, one, "Bến Tre") == [
        ("Công đoàn cơ sở trường MN Hoa Hồng", "grassroots", "Bến Tre")]


def test_a_district_merged_away_in_2025_is_still_placed(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Ngày 20/8/2022, LĐLĐ huyện Yên Dũng tổng kết năm học.") == [
        ("Liên đoàn Lao động huyện Yên Dũng", "district", "Bắc Giang")]


def test_a_post_line_naming_its_poster_dates_the_article() -> None:
    dump = ("Công đoàn huyện tổng kết phong trào thi đua năm học\n\n"
            "Đăng lúc: Thứ năm - 04/06/2015 08:30 - Người đăng bài viết: Văn phòng LĐLĐ\n\n"
            "Sáng 3/6, Liên đoàn Lao động huyện tổ chức hội nghị tổng kết phong trào thi đua năm học 2014-2015. "
            "Hội nghị đánh giá kết quả và đề ra nhiệm vụ năm học mới.\n")
    parsed = parse_text_dump(dump)
    assert parsed.published_at is not None and parsed.published_at.isoformat() == "2015-06-04T08:30:00"
    assert parsed.body.startswith("Sáng 3/6")


def test_a_plantation_is_a_named_recipient(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Công ty CP Cao su Phú Riềng trao giấy khen cho Nông trường Cao su Bình Sơn.")
    assert _fields(found, "awarder", "recipients", "recipient_kind") == [
        ("Công ty CP Cao su Phú Riềng", ["Nông trường Cao su Bình Sơn"], "collective")]


def test_a_compound_going_on_in_lower_case_names_an_organisation(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công đoàn Ngân hàng Đầu tư và Phát triển VN tổ chức hội nghị. Công đoàn Cao su Dầu Tiếng trao quà."
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Ngân hàng Đầu tư và Phát triển Việt Nam", "grassroots", None),
        ("Công đoàn Cao su Dầu Tiếng", "grassroots", None)]


def test_an_office_named_by_a_head_with_a_lower_case_word_and_the_province(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Ngày 16/10/2019, Công đoàn cơ sở Cục thuế tỉnh tổ chức hội nghị.", "Bắc Ninh") == [
        ("Công đoàn cơ sở Cục thuế tỉnh Bắc Ninh", "grassroots", "Bắc Ninh")]


def test_a_verb_before_the_country_closing_a_name_is_inside_it(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Chiều 5/3, Công đoàn Tổng công ty Quản lý bay Việt Nam tổ chức hội nghị.") == [
        ("Công đoàn Tổng công ty Quản lý bay Việt Nam", "grassroots", None)]


def test_a_state_banks_branch_of_the_province_and_the_city_written_short(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Ban chấp hành Công đoàn cơ sở NHNN chi nhánh tỉnh họp. Công đoàn Tổng công ty Điện lực TP. Hà Nội thăm."
    assert _units(units_amounts_nlp, text, "Sóc Trăng") == [
        ("Công đoàn cơ sở Ngân hàng Nhà nước chi nhánh tỉnh Sóc Trăng", "grassroots", "Sóc Trăng"),
        ("Công đoàn Tổng công ty Điện lực thành phố Hà Nội", "grassroots", "Sóc Trăng")]


def test_a_head_office_opens_an_organisations_name(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công đoàn Trụ sở chính Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam trao quà."
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Trụ sở chính Ngân hàng Nông nghiệp và Phát triển nông thôn Việt Nam", "grassroots", None)]


def test_another_countrys_union_is_no_unit(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Đoàn Công đoàn Bộ Công chính và Vận tải Lào thăm Công đoàn Giao thông vận tải Việt Nam."
    assert _units(units_amounts_nlp, text) == [("Công đoàn Giao thông vận tải Việt Nam", "national_industry", None)]
