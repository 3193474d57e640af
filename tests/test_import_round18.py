"""Rules of issue 11 round 18 (real-test14's import and unit errors, opened after its blind measurement), each on short
texts written for this test: a caption printed over a headline that stands over its date line, a caption under a
picture's alt text, an agency tag glued to a dated lead by its dash; a self-employed union's name kept to its
paragraph, its trade capitalised, its place ending before a term; a sector union's acronym with the country spelt out;
trade compounds of company names ("Địa ốc", "Cầu lớn"); a markdown picture whose source holds brackets; a quoted name
opened by a number written again without its quotes; the Icelandic eth written for Đ ("LÐLÐ")."""

from __future__ import annotations

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.spans import fields_of
from extract.textdump import parse_text_dump


_TITLE = "Công đoàn ngành Xây dựng: Tặng quà công nhân dịp Tháng Công nhân"
_LEAD = ("Ngày 12.5, Công đoàn Tổng công ty Xây dựng Sông Hồng tổ chức lễ phát động Tháng Công nhân và trao 80 suất "
         "quà cho công nhân.")
_LAST = "Dịp này, các công đoàn cơ sở cũng đăng ký nhiều công trình chào mừng Đại hội Công đoàn các cấp."


def _names(nlp: VietnameseNLP, text: str, title: str | None = None) -> list[tuple[str, str]]:
    doc = nlp(text if title is None else f"{title}\n\n{text}", ArticleContext(title=title))
    return [(r["name"], r["level"]) for r in unit_rows(doc)]


@pytest.mark.parametrize("header", ["TIN MỚI\n\n", ""])  # under page chrome, or opening the dump
def test_a_caption_over_a_headline_that_stands_over_its_date_line(header: str) -> None:
    dump = (f"{header}Lãnh đạo Công đoàn ngành trao quà cho công nhân tại công trường.\n\n{_TITLE}\n\n"
            f"H.Nam LDO | 12/05/2023 09:15\n\n{_LEAD}\n\n{_LAST}\n")
    parsed = parse_text_dump(dump)
    assert parsed.title == _TITLE
    assert parsed.body.startswith("Ngày 12.5, Công đoàn Tổng công ty")
    assert parsed.published_at is not None and (parsed.published_at.month, parsed.published_at.day) == (5, 12)
    # the same caption over an undated headline: the dump opens inside the article, the caption is its text
    undated = parse_text_dump(f"Lãnh đạo Công đoàn ngành trao quà cho công nhân tại công trường.\n\n{_TITLE}\n\n"
                              f"{_LEAD}\n\n{_LAST}\n")
    assert undated.body.startswith("Lãnh đạo Công đoàn ngành trao quà")


def test_the_line_under_a_pictures_alt_text_is_its_caption_not_the_title() -> None:
    parsed = parse_text_dump("Ra mắt công đoàn cơ sở mới - Ảnh 1.\n\nBan Chấp hành công đoàn cơ sở tại lễ ra mắt\n\n"
                             f"{_LEAD}\n\n{_LAST}\n")
    assert parsed.title is None
    assert parsed.body.startswith("Ban Chấp hành công đoàn cơ sở tại lễ ra mắt")


def test_an_agency_tag_glued_to_a_dated_lead_by_its_dash() -> None:
    parsed = parse_text_dump(f"{_TITLE}\n\nPNTĐ-{_LEAD}\n\n{_LAST}\n")
    assert (parsed.source_tag, parsed.body.splitlines()) == ("PNTĐ", [_LEAD, _LAST])


def test_a_self_employed_unions_name_stays_in_its_paragraph(units_amounts_nlp: VietnameseNLP) -> None:
    assert _names(units_amounts_nlp, "Sáng 3/4, 45 ngư dân đã gia nhập nghiệp đoàn.", title="Ra mắt Nghiệp đoàn nghề cá Cửa Việt") == [
        ("Nghiệp đoàn nghề cá Cửa Việt", "grassroots")]


def test_a_self_employed_unions_trade_capitalised_and_its_place_before_a_term(units_amounts_nlp: VietnameseNLP) -> None:
    assert _names(units_amounts_nlp, "Nghiệp đoàn Nghề cá Cửa Việt ra mắt Ban Chấp hành Nghiệp đoàn Nghề cá Cửa Việt Khóa I.") == [
        ("Nghiệp đoàn Nghề cá Cửa Việt", "grassroots")]


def test_a_sector_unions_acronym_with_the_country_spelt_out(units_amounts_nlp: VietnameseNLP) -> None:
    assert _names(units_amounts_nlp, "Công đoàn GTVT Việt Nam và Công đoàn NN&PTNT Việt Nam ký kết chương trình phối hợp.") == [
        ("Công đoàn Giao thông vận tải Việt Nam", "national_industry"),
        ("Công đoàn Nông nghiệp và Phát triển nông thôn Việt Nam", "national_industry")]


@pytest.mark.parametrize("name", ["Công đoàn Công ty TNHH MTV Địa ốc Tân Bình", "Công đoàn Công ty CP Cầu lớn – Hầm Sông Đà"])
def test_trade_compounds_in_company_names(units_amounts_nlp: VietnameseNLP, name: str) -> None:
    assert _names(units_amounts_nlp, f"{name} nhận Cờ thi đua.") == [(name, "grassroots")]


def test_a_markdown_picture_whose_source_holds_brackets_is_no_text() -> None:
    parsed = parse_text_dump(f"{_TITLE}\n\n{_LEAD}\n![](/upload/images/2021/anh%20cong%20nhan%202%20(1).png)\n{_LAST}\n")
    assert "upload" not in parsed.body and "%20" not in parsed.body


def test_a_quoted_name_opened_by_a_number_written_again_without_quotes(units_amounts_nlp: VietnameseNLP) -> None:
    doc = units_amounts_nlp("Công đoàn hưởng ứng Chương trình “1 triệu sáng kiến - vượt khó” của Tổng Liên đoàn. Lễ tổng kết Chương "
              "trình 1 triệu sáng kiến trao 5 triệu đồng cho 10 công nhân.", ArticleContext())
    assert [(fields_of(s, "amounts")["value"], fields_of(s, "amounts")["unit"]) for s in doc.spans["amounts"]] == [
        (5000000.0, None), (10.0, "công nhân")]


def test_the_icelandic_eth_old_pages_write_for_d_is_read_as_d(units_amounts_nlp: VietnameseNLP) -> None:
    text = "Ngày 7-5, LÐLÐ quận Ninh Kiều khởi công Mái ấm Công đoàn do LÐLÐ TP Cần Thơ hỗ trợ 50 triệu đồng."
    doc = units_amounts_nlp(text, ArticleContext())
    assert len(doc.text) == len(text)  # one letter for one: offsets into the stored text hold
    assert _names(units_amounts_nlp, text) == [("Liên đoàn Lao động quận Ninh Kiều", "district"),
                                              ("Liên đoàn Lao động thành phố Cần Thơ", "province")]
