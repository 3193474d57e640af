"""Rules of issue 11 round 15 (real-test12's import, unit and amount errors, opened after its blind measurement), each
on short texts written for this test: a credit label alone beside a date, the article's own date line under the
headline against the page header's, a numbered heading over the lead, one letter of a cut sentence, a box of related
stories' leads in table cells under the headline, the writers' outlet in brackets after their names, a row of photo
file names, a figure cut inside its scale word, a group counted again after "Trong số", and a school union written
with a lower-case "trường"."""

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


def _counts(nlp: VietnameseNLP, text: str) -> list[tuple[float, str]]:
    doc = nlp(text, ArticleContext())
    return [(fields_of(s, "amounts")["value"], fields_of(s, "amounts")["unit"]) for s in doc.spans.get("amounts", [])]


_LEAD = ("Sáng 3/4, Liên đoàn Lao động huyện Thanh Chương tổ chức lễ trao 40 suất quà cho đoàn viên có hoàn cảnh khó "
         "khăn trong toàn huyện.")
_MORE = "Mỗi suất quà gồm tiền mặt và nhu yếu phẩm, do các doanh nghiệp trên địa bàn cùng đóng góp để hỗ trợ đoàn viên."


def test_a_credit_label_alone_beside_a_date_is_no_byline() -> None:
    parsed = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\nTin | Ngày 3 tháng 4 năm 2024\n"
                             f"{_LEAD}\n\n{_MORE}\n")
    assert parsed.byline is None
    assert parsed.published_at == datetime(2024, 4, 3)


def test_the_date_line_under_the_headline_wins_over_the_page_headers_one_as_near() -> None:
    parsed = parse_text_dump(f"Thứ hai, ngày 9 tháng 12 năm 2024\nThanh Chương trao quà cho đoàn viên khó khăn\n"
                             f"Cập nhật lúc 08:15 ngày 04/04/2016\n\n{_LEAD}\n\n{_MORE}\n")
    assert parsed.title == "Thanh Chương trao quà cho đoàn viên khó khăn"
    assert parsed.published_at == datetime(2016, 4, 4, 8, 15)


def test_a_numbered_heading_over_the_lead_opens_the_body() -> None:
    parsed = parse_text_dump("Hướng dẫn tổ chức hội nghị công đoàn cơ sở\nCập nhật lúc 08:15 ngày 04/04/2016\n\n"
                             "1. Hội nghị công đoàn cơ sở.\n\nHội nghị là dịp đoàn viên bàn bạc công việc của tổ chức, "
                             "bầu người đại diện và thống nhất nhiệm vụ năm tới của công đoàn.\n\n" + _MORE + "\n")
    assert parsed.body.startswith("1. Hội nghị công đoàn cơ sở.\nHội nghị là dịp")


def test_one_letter_after_the_last_sentence_of_a_cut_copy_is_left_out() -> None:
    parsed = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\n{_LEAD}\n\n{_MORE} M\n")
    assert parsed.body.endswith("cùng đóng góp để hỗ trợ đoàn viên.")
    one_word = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\n{_LEAD}\n\n{_MORE} Mỗi\n")
    assert one_word.body.endswith("hỗ trợ đoàn viên. Mỗi")  # a word, not one letter: kept as the page cut it


def _teasers(cells: list[str]) -> str:
    return "Hà Tĩnh: Trao 120 suất học bổng cho con đoàn viên\n" + "".join(f"| {c} |\n" for c in cells) + \
        f"{_LEAD}\n{_MORE}\n"


_CELLS = ["Chiều 5/8, Hội Khuyến học tỉnh Quảng Bình trao 60 suất học bổng cho học sinh vùng biên giới có hoàn cảnh "
          "khó khăn.",
          "Trong 3 ngày (6 và 7/8), Bộ đội Biên phòng tỉnh Gia Lai tổ chức tặng 80 chiếc xe đạp cho học sinh nghèo vượt "
          "khó."]


def test_table_cells_of_prose_right_under_the_headline_are_a_related_stories_box() -> None:
    parsed = parse_text_dump(_teasers(_CELLS))
    assert parsed.title == "Hà Tĩnh: Trao 120 suất học bổng cho con đoàn viên"
    assert parsed.body.startswith("Sáng 3/4, Liên đoàn Lao động huyện Thanh Chương")
    assert "Biên phòng" not in parsed.body


def test_one_cell_under_the_headline_is_the_sapo_and_stays() -> None:
    parsed = parse_text_dump(_teasers(_CELLS[:1]))
    assert parsed.body.startswith("Chiều 5/8, Hội Khuyến học")


def test_the_writers_outlet_in_brackets_stays_in_the_byline_but_not_a_sources_credit() -> None:
    own = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\n{_LEAD}\n\n{_MORE}\n"
                          "Hồng Nhung - Văn Tài ( Đài Thanh Chương )\n")
    assert own.byline == "Hồng Nhung - Văn Tài ( Đài Thanh Chương )"
    assert own.body.endswith("hỗ trợ đoàn viên.")
    reprint = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\n{_LEAD}\n\n{_MORE}\n"
                              "Theo: HỒNG NHUNG (Báo Nghệ An)\n")
    assert reprint.byline == "HỒNG NHUNG"


def test_a_row_of_chat_app_photo_names_is_no_article_text() -> None:
    parsed = parse_text_dump(f"Thanh Chương trao quà cho đoàn viên khó khăn\n\n{_LEAD}\n\n{_MORE}\n\n"
                             "z4123456789012_0a1b2c3d4e5f z4123456789013_9f8e7d6c5b4a z4123456789014_00ff00ff00ff\n")
    assert parsed.body.endswith("hỗ trợ đoàn viên.")


def test_a_figure_cut_inside_its_scale_word_gives_no_count(nlp: VietnameseNLP) -> None:
    assert _counts(nlp, "Năm nay, công đoàn phấn đấu có thêm ít nhất 2 triệ") == []
    assert [value for value, _ in _counts(nlp, "Năm nay, công đoàn tặng quà cho 7 cá nh")] == [7.0]  # the figure is whole


def test_a_sentence_opening_on_trong_so_takes_the_group_counted_before(nlp: VietnameseNLP) -> None:
    text = ("Liên đoàn tặng quà cho 12 đoàn viên khó khăn. Trong số 12 đoàn viên nhận quà, 5 người là giáo viên.")
    assert _counts(nlp, text) == [(12.0, "đoàn viên"), (5.0, "người")]


def test_counted_nouns_written_short_or_quoted(nlp: VietnameseNLP) -> None:
    assert _counts(nlp, "Huyện bàn giao 4 “mái ấm CĐ” và tập huấn cho 210 CB CĐCS.") == [
        (4.0, "mái ấm CĐ"), (210.0, "CB CĐCS")]


def test_a_school_union_with_a_lower_case_truong_after_cong_doan(nlp: VietnameseNLP) -> None:
    doc = nlp("Chị Lan, Công đoàn trường PTDT Bán trú THCS Yên Hòa, được hỗ trợ xây nhà.", ArticleContext())
    assert [(r["name"], r["level"]) for r in unit_rows(doc)] == [
        ("Công đoàn trường PTDT Bán trú THCS Yên Hòa", "grassroots")]
    generic = nlp("Công đoàn trường học trong huyện đều tổ chức đại hội.", ArticleContext())
    assert unit_rows(generic) == []


def test_a_school_type_written_short_is_the_same_school(nlp: VietnameseNLP) -> None:
    doc = nlp("CÔNG ĐOÀN TRƯỜNG MẦM NON HOA SEN TỔNG KẾT NĂM HỌC\n\nSáng 2/6, Công đoàn trường MN Hoa Sen tổ chức tổng kết.",
              ArticleContext())
    assert len(unit_rows(doc)) == 1
