"""Rules of issue 11 round 22 (real-test23, real-test25 and the sets restored with them, then real-test27, opened after
its blind measurement), each on short texts written for this test: an emulation title counted by its own first words
("116 chiến sĩ thi đua cơ sở", "95 “Công nhân giỏi”") is held by those counted, and "chiến sỹ" is the title's other
spelling; a sector union's marker capitalised ("Công đoàn Ngành Giao thông Vận tải"); little children ("các bé")
honoured; a province's police union ("Công đoàn Công an tỉnh X") and the national one spelt out; a trade and place
cut by the end of a text ("… Công đoàn Y tế Việt Na") is no company; "Trong số <those> được tuyên dương có 5 …, 27 …"
after an honouring of 40 breaks it down, no act of its own; "xuất" for "suất" counts portions, and a sum of whole
thousands right after "trị giá" is money though its currency is left out. Then real-test26 and real-test28, measured
once: a contest's gold, silver or bronze medal is no award; those represented are the honoured ("15 cá nhân đại diện
cho 157 cá nhân … được nhận Giấy khen"); a count opening a programme's name honours no one ("chương trình 1 triệu
sáng kiến"); "Trong số 186 em được tuyên dương, có 41 em …" names the whole honoured before; a sector written short
after a state office's head is spelt out ("Công đoàn Sở GTVT"), and a union written without the province closing its
full name is that union."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from tests.test_awards import awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def _units(units_amounts_nlp: VietnameseNLP, text: str, province: str | None = None) -> list[tuple[str, str]]:
    return [(r["name"], r["level"]) for r in unit_rows(units_amounts_nlp(text, ArticleContext(source_province=province)))]


def test_a_title_counted_by_its_own_first_words_is_held_by_those_counted(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Sau năm học, toàn ngành có 14 chiến sỹ thi đua cấp tỉnh, 97 chiến sĩ thi đua cơ sở và 612 lao "
                        "động tiên tiến.")
    assert [(a["form"], a["recipient_count"], a["recipient_kind"]) for a in found] == [
        ("danh hiệu Chiến sĩ thi đua cấp tỉnh", 14, "individual"),
        ("danh hiệu Chiến sĩ thi đua cơ sở", 97, "individual"),
        ("danh hiệu Lao động tiên tiến", 612, "individual")]
    quoted = awards(nlp, "Năm 2023, toàn khu công nghiệp có 80 “Công nhân giỏi”.")
    assert [(a["form"], a["recipient_count"], a["recipient_kind"]) for a in quoted] == [
        ("danh hiệu Công nhân giỏi", 80, "individual")]


def test_the_title_spelt_chien_sy_is_the_emulation_soldiers_title(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Năm 2023, trường có 6 giáo viên đạt danh hiệu Chiến sỹ thi đua cơ sở.")
    assert [(a["form"], a["recipient_count"]) for a in found] == [("danh hiệu Chiến sĩ thi đua cơ sở", 6)]


def test_a_sector_unions_marker_capitalised(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Số tiền do Công đoàn Ngành Xây dựng đóng góp.", "Cao Bằng") == [
        ("Công đoàn ngành Xây dựng tỉnh Cao Bằng", "province_industry")]


def test_little_children_are_honoured_individuals(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Chiều 2/8, Công đoàn Bệnh viện Đa khoa tỉnh Hòa Bình tuyên dương các bé đạt thành tích cao "
                        "trong năm học 2023-2024.")
    assert [(a["awarder"], a["recipient_kind"]) for a in found] == [
        ("Công đoàn Bệnh viện Đa khoa tỉnh Hòa Bình", "individual")]


def test_a_provinces_police_union_and_the_national_one_spelt_out(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Công đoàn Công an nhân dân khen thưởng Công đoàn Công an tỉnh Gia Lai và Công đoàn Công an TPHCM."
    assert _units(units_amounts_nlp, text) == [
        ("Công đoàn Công an nhân dân", "national_industry"), ("Công đoàn Công an tỉnh Gia Lai", "province_industry"),
        ("Công đoàn Công an thành phố Hồ Chí Minh", "province_industry")]


def test_a_trade_and_place_cut_by_the_end_of_the_text_is_no_company(units_amounts_nlp: VietnameseNLP) -> None:
    assert _units(units_amounts_nlp, "Nhiều năm qua, Công đoàn Y tế Việt Na") == []
    assert _units(units_amounts_nlp, "Đoàn công tác đến thăm Công đoàn Cao su Dầu Tiếng") == [
        ("Công đoàn Cao su Dầu Tiếng", "grassroots")]


def test_those_honoured_broken_down_after_the_honouring_are_no_act_of_their_own(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Hội nghị đã biểu dương 30 nữ giáo viên tiêu biểu giai đoạn 2020 - 2025. Các đại biểu chụp ảnh lưu niệm. "
            "Trong số nữ giáo viên được biểu dương có 12 giáo viên mầm non, 10 giáo viên tiểu học và 8 giáo viên THCS.")
    assert [a["recipient_count"] for a in awards(nlp, text, source_province="Hà Tĩnh")] == [30]
    more = ("Hội nghị đã biểu dương 30 nữ giáo viên tiêu biểu. Trong số nữ giáo viên được biểu dương có 25 giáo viên "
            "mầm non và 10 giáo viên tiểu học.")  # more than the honouring counted: not its parts
    assert len(awards(nlp, more, source_province="Hà Tĩnh")) > 1


def test_portions_misspelt_and_a_price_without_its_currency(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn tặng 40 suất quà, trong đó 15 xuất trị giá 1.500.000, 25 xuất 400.000 đồng. Mỗi sản phẩm có giá "
            "trị 12.000 giờ công.")
    rows = amount_rows(units_amounts_nlp(text, ArticleContext(source_province="Lai Châu")))
    assert [(r["text"], r["kind"], r["value"], r["currency"]) for r in rows] == [
        ("40 suất quà", "count", 40, None), ("15 xuất", "count", 15, None), ("1.500.000", "money", 1500000, "VND"),
        ("25 xuất", "count", 25, None), ("400.000 đồng", "money", 400000, "VND"),
        ("12.000 giờ công", "count", 12000, None)]  # a counted noun after the price words stays a count


def test_a_contests_medal_is_no_award(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Năm học qua, có 12 em đạt huy chương Vàng quốc tế và 9 em đạt huy chương Bạc.")
    assert found == []
    union = awards(nlp, "Ông Lê Văn B được tặng Huy chương “Vì sự nghiệp xây dựng tổ chức Công đoàn”.")
    assert [a["form"] for a in union] == ['Huy chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"']
    bare = awards(nlp, "Ông Trần Văn C được Bộ Quốc phòng tặng huy chương.")
    assert [(a["form"], a["awarder"]) for a in bare] == [("Huy chương", "Bộ Quốc phòng")]


def test_those_represented_are_honoured_and_a_programmes_count_is_no_one(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Cụ thể, 10 tập thể và 12 cá nhân đại diện cho 61 tập thể và 204 cá nhân có thành tích trong "
                        "chương trình 1 triệu sáng kiến được nhận Giấy khen.")
    assert [(a["recipient_count"], a["recipient_kind"]) for a in found] == [(265, "both")]


def test_those_honoured_named_again_by_their_whole_count(nlp: VietnameseNLP) -> None:  # noqa: F811
    text = ("Công đoàn Giáo dục Việt Nam tuyên dương 150 học sinh đạt giải quốc gia. Trong số 150 em được tuyên dương, "
            "có 38 em đạt giải Nhất và 20 em đạt giải Nhì.")
    assert [a["recipient_count"] for a in awards(nlp, text)] == [150]


def test_an_offices_sector_spelt_out_and_a_name_without_its_closing_province(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn Sở GTVT tỉnh Bình Định biểu dương 30 cá nhân. Đại diện Công đoàn Sở GTVT cũng trao quà. "
            "CĐCS Phòng TN&MT tổ chức hội nghị. Công đoàn Công ty Tư vấn GTVT Quy Nhơn dự.")
    assert _units(units_amounts_nlp, text, "Bình Định") == [
        ("Công đoàn Sở Giao thông vận tải tỉnh Bình Định", "grassroots"),
        ("Công đoàn cơ sở Phòng Tài nguyên và Môi trường", "grassroots"),
        ("Công đoàn Công ty Tư vấn GTVT Quy Nhơn", "grassroots")]  # a company's name keeps what it writes
