"""Rules of issue 11 round 20 (real-test19 and real-test20, opened after their blind measurement), each on short texts
written for this test: a stored dump's date line whose headline holds a comma before a dated lead; a headline over its
date line above a sapo tagged without brackets ("GD&TĐ - …"); a lead's tag alone on its line ("(VTC News) -") is no
headline; a share widget, a comment form run together with its buttons, a section's name and a paper's business box
under the article end it; comrades written "Đ/ c" are counted, no money; a count glued to its noun ("21cá nhân"); a
school union written with a lower-case "trường" and its type ("Công đoàn trường tiểu học X"); the army's union; a
stored copy of one line; a union written short after its full name (its bracketed short name, or cut after a head)."""

from __future__ import annotations

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import amount_rows, unit_rows
from extract.textdump import parse_text_dump

_LEAD = "Chiều ngày 5/11, Công đoàn phường Hưng Lộc tổ chức đại hội với 95 đại biểu của 40 công đoàn cơ sở."
_BODY = "Đại hội bầu ban chấp hành gồm 9 đồng chí và thông qua nghị quyết nhiệm kỳ mới với nhiều chỉ tiêu cụ thể."


def test_a_date_lines_headline_with_a_comma_ends_where_the_dated_lead_opens() -> None:
    headline = "Đại hội Công đoàn phường Hưng Lộc lần thứ nhất, nhiệm kỳ 2025-2030"
    parsed = parse_text_dump(f" date 2025-11-05 Xã hội {headline} {_LEAD}\n\n{_BODY}\n")
    assert parsed.title == headline
    assert parsed.body.startswith("Chiều ngày 5/11, Công đoàn phường Hưng Lộc")


def test_a_headline_over_its_date_line_above_a_sapo_tagged_without_brackets() -> None:
    """The page's shape: breadcrumbs, the headline over its date line, a sapo tagged "GD&TĐ -" with no full stop, then
    paragraphs with captions between them (the lead is found below the first caption)."""
    headline = "Công đoàn Giáo dục Việt Nam tiếp tục nhận ủng hộ đồng bào vùng lũ"
    dump = (f"logo » Tin hoạt động » Tin hoạt động\n\n{headline}\n(10:15, 02/11/2020)\nGD&TĐ - Các đơn vị vẫn tiếp tục "
            "chuyển tiền ủng hộ giáo viên và học sinh của 3 tỉnh miền Trung bị thiệt hại nặng nề sau các trận mưa lũ lịch sử "
            "về Công đoàn Giáo dục Việt Nam\n \n \nThứ trưởng trao tiền hỗ trợ của "
            "Bộ và Công đoàn Giáo dục Việt Nam cho ngành Giáo dục tỉnh Quảng Trị.\nNhiều đơn vị đã gửi trực tiếp về "
            "Công đoàn Giáo dục Việt Nam số tiền 300 triệu đồng để hỗ trợ giáo viên bị thiệt hại.\n\nCông đoàn ngành "
            "cũng hỗ trợ Trường Đại học Vinh 40 triệu đồng và Sở Giáo dục tỉnh Hà Tĩnh 60 triệu đồng.\n\n\n"
            "Phó Chủ tịch Công đoàn trao tiền hỗ trợ cho giáo viên tỉnh Quảng Bình\nNgoài ra, Công đoàn Giáo dục Việt "
            "Nam hỗ trợ cô Lê Thị Hoa, giáo viên có nhà bị sập, số tiền 10 triệu đồng.\n")
    parsed = parse_text_dump(dump)
    assert parsed.title == headline
    assert parsed.body.startswith("Các đơn vị vẫn tiếp tục chuyển tiền")


def test_a_leads_tag_alone_on_its_line_is_no_headline() -> None:
    parsed = parse_text_dump(f" date 2025-09-25 (VTC News) -\n\n{_LEAD}\n\n{_BODY}\n")
    assert parsed.title is None
    assert parsed.body.startswith("Chiều ngày 5/11")


@pytest.mark.parametrize("after", ["  • Chia sẻ trên\n\nXem nhiều nhất:\n\nHội thi cắm hoa của nữ công quận",
                                   "Ý kiến bạn đọc Gửi ý kiến In trang này\nTìm kiếm:",
                                   "Tin tức", "Thông tin doanh nghiệp - sản phẩm\nƯu đãi lớn cho khách hàng mới"])
def test_widgets_and_boxes_under_the_article_end_it(after: str) -> None:
    parsed = parse_text_dump(f"Đại hội Công đoàn phường Hưng Lộc\n\n{_LEAD}\n\n{_BODY}\n\nTrần Minh Đức\n{after}\n")
    assert parsed.body.endswith("nhiều chỉ tiêu cụ thể.")
    assert parsed.byline == "Trần Minh Đức"


def test_comrades_written_with_a_space_and_a_count_glued_to_its_noun(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Danh hiệu Chiến sĩ thi đua cơ sở: 04 Đ/ c; Lao động tiên tiến: 27 Đ/ c. Đề nghị tặng giấy khen cho 9 tập "
            "thể và 14cá nhân.")
    doc = units_amounts_nlp(text, ArticleContext())
    assert [(r["kind"], r["value"], r["unit"]) for r in amount_rows(doc)] == [
        ("count", 4, "Đ/ c"), ("count", 27, "Đ/ c"), ("count", 9, "tập thể"), ("count", 14, "cá nhân")]


def test_a_school_union_with_a_lower_case_head_and_the_armys_union(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn trường tiểu học Hòa Bình đã quyên góp mỗi người một ngày lương. Công đoàn trường THCS Lê Lợi cũng "
            "tham gia. Công đoàn quân đội gửi thư khen.")
    doc = units_amounts_nlp(text, ArticleContext(source_province="Tuyên Quang"))
    assert [(r["name"], r["level"]) for r in unit_rows(doc)] == [
        ("Công đoàn trường tiểu học Hòa Bình", "grassroots"), ("Công đoàn trường THCS Lê Lợi", "grassroots"),
        ("Công đoàn Quân đội", "national_industry")]


def test_a_copy_that_kept_one_line_of_its_article_is_that_text() -> None:
    line = "Công đoàn ngành giáo dục thống kê giáo viên trường tư thục mất việc vì dịch bệnh để đề xuất thành phố hỗ trợ"
    parsed = parse_text_dump(f"{line}\n")
    assert (parsed.problem, parsed.title, parsed.body) == (None, None, line)
    assert parse_text_dump("Trang chủ » Tin tức\n").problem == "empty_body"  # a short line of chrome is no article


def test_a_union_written_short_after_its_full_name(units_amounts_nlp: VietnameseNLP) -> None:
    """With the short name its organisation was given in brackets, or cut after the organisation's head: one union.
    Cut after a head that two unions of the article share, the short writing names neither."""
    text = ("Sáng 2/9, Công đoàn Cơ quan Tổng công ty Điện lực miền Trung (EVNCPC) trao 40 suất quà. Chủ tịch Công đoàn "
            "Cơ quan EVNCPC cảm ơn các nhà hảo tâm. Công đoàn Cơ quan Tổng công ty cũng tặng sách cho thư viện.")
    doc = units_amounts_nlp(text, ArticleContext())
    assert [(r["name"], r["level"]) for r in unit_rows(doc)] == [
        ("Công đoàn Cơ quan Tổng công ty Điện lực miền Trung", "grassroots")]
    two = ("Công đoàn Tổng công ty Điện lực miền Trung và Công đoàn Tổng công ty Điện lực miền Nam ký kết giao ước. "
           "Công đoàn Tổng công ty sẽ theo dõi việc thực hiện.")
    names = {r["name"] for r in unit_rows(units_amounts_nlp(two, ArticleContext()))}
    assert names == {"Công đoàn Tổng công ty Điện lực miền Trung", "Công đoàn Tổng công ty Điện lực miền Nam"}


# real-test22 (measured blind on the final code of round 20, then opened): a credit line over teasers cut short, a
# credited date line with its view counter, a source label and a comments' count under the article, a football format,
# a headline over its authors in capitals over a sapo.

@pytest.mark.parametrize("tail", ["Trần Minh Đức\nSáng 5/3, Thường trực HĐND quận họp phiên thường kỳ đánh giá…\n"
                                  "UBND quận vừa ban hành kế hoạch xây dựng mô hình “Phường…\nĐể tiếp tục triển khai",
                                  "Trần Minh Đức\n\nNguồn\n\nBình luận (0)\n\nCùng chủ đề\nHà Nội chuẩn bị đón Tết"])
def test_a_credit_over_teasers_cut_short_or_a_source_label_ends_the_article(tail: str) -> None:
    parsed = parse_text_dump(f"Đại hội Công đoàn phường Hưng Lộc\n\n{_LEAD}\n\n{_BODY}\n\n{tail}\n")
    assert parsed.body.endswith("nhiều chỉ tiêu cụ thể.")
    assert parsed.byline == "Trần Minh Đức"


def test_a_credited_date_line_with_its_view_counter() -> None:
    dump = (f"Danh mục\n\nKhai mạc giải bóng đá mini công nhân quận Sơn Trà\n\n{_LEAD}\n\n"
            f"Lê Văn Nam - 09/05/2025 17:39 - 91 Lượt xem\n\n{_BODY}\n")
    parsed = parse_text_dump(dump)
    assert parsed.byline == "Lê Văn Nam"
    assert parsed.published_at is not None and (parsed.published_at.month, parsed.published_at.hour) == (5, 17)
    assert "Lượt xem" not in parsed.body


def test_a_football_format_is_no_count(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Giải bóng đá 5 người và giải bóng đá mini 7 người thu hút 24 đội với 280 cầu thủ."
    doc = units_amounts_nlp(text, ArticleContext())
    assert [(r["value"], r["unit"]) for r in amount_rows(doc)] == [(24, "đội"), (280, "cầu thủ")]


def test_a_headline_over_its_authors_in_capitals_over_a_sapo() -> None:
    """"<headline> / LÊ AN - TRẦN BÌNH / <sapo without a full stop> / <lead>": the headline is the title, the authors
    the byline, the sapo the body's first line."""
    sapo = "Với nhiều công nhân xa quê, căn phòng trọ nhỏ không chỉ là chỗ ngủ mà còn là mái nhà thứ hai đầy tình người"
    dump = (f" date 2025-12-20 HOTLINE: 0903.000.000 - ĐẶT MUA BÁO\nLao động\n\nNhững ông bà chủ trọ tốt bụng\n\n"
            f"LÊ AN - TRẦN BÌNH\n\n{sapo}\n\n{_BODY}\n")
    parsed = parse_text_dump(dump)
    assert (parsed.title, parsed.byline) == ("Những ông bà chủ trọ tốt bụng", "LÊ AN - TRẦN BÌNH")
    assert parsed.body.startswith(sapo)
