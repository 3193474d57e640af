"""Rules of issue 11 round 16 (real-test13's import, unit and amount errors, opened after its blind measurement), each
on short texts written for this test: a comment form's moderation notice under the author, an author glued to the
last sentence, the source paper credited in brackets, a credit label that lost its colon, an agency in brackets after
"PV", an author's name in a table cell under the headline, the zones' union written "KCN-CX", a chainage's metres
and criteria counted."""

from __future__ import annotations

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.spans import fields_of
from extract.textdump import parse_text_dump


@pytest.fixture(scope="module")
def nlp(units_amounts_nlp: VietnameseNLP) -> VietnameseNLP:
    return units_amounts_nlp


_TITLE = "Công đoàn Khu kinh tế tuyên dương 60 công nhân giỏi"
_LEAD = ("Sáng 2/7, Công đoàn Khu kinh tế tỉnh tổ chức hội nghị tuyên dương 60 công nhân giỏi tiêu biểu của các doanh "
         "nghiệp trong khu.")
_LAST = "Dịp này, nhiều doanh nghiệp cũng trao thưởng cho công nhân có sáng kiến hay trong sản xuất và kinh doanh."


def _dump(*tail: str) -> str:
    return "\n\n".join([_TITLE, _LEAD, _LAST, *tail]) + "\n"


def test_a_comment_forms_moderation_notice_ends_the_article_under_its_author() -> None:
    parsed = parse_text_dump(_dump("Minh Hằng", "Chia sẻ bài viết",
                                   "LƯU Ý: Ban biên tập sẽ duyệt ý kiến của bạn đọc trước khi đăng. Chúng tôi cảm ơn những "
                                   "ý kiến đóng góp xây dựng và có quyền không đăng những ý kiến không phù hợp với nội dung "
                                   "bài viết hoặc vi phạm quy định của diễn đàn."))
    assert parsed.byline == "Minh Hằng"
    assert parsed.body.endswith("trong sản xuất và kinh doanh.")


def test_an_author_glued_to_the_last_sentence() -> None:
    parsed = parse_text_dump(_dump().rstrip("\n") + " Quang Huy\n")
    assert parsed.byline == "Quang Huy"
    assert parsed.body.endswith("trong sản xuất và kinh doanh.")
    sentence = parse_text_dump(_dump().rstrip("\n") + " Đây là lần thứ ba.\n")  # a sentence after the stop: no author
    assert sentence.byline is None


def test_the_source_paper_credited_in_brackets_is_no_text_and_no_author() -> None:
    parsed = parse_text_dump(_dump("(Nguồn: Báo Kinh tế)"))
    assert parsed.byline is None
    assert parsed.body.endswith("trong sản xuất và kinh doanh.")


def test_a_credit_label_that_lost_its_colon() -> None:
    assert parse_text_dump(_dump("Tin- ảnh H.Lan")).byline == "H.Lan"


def test_an_agency_in_brackets_after_the_reporters_label() -> None:
    parsed = parse_text_dump(_dump("PV (Vietnam+)"))
    assert parsed.byline == "PV"
    assert parsed.body.endswith("trong sản xuất và kinh doanh.")


def test_an_authors_name_in_a_table_cell_under_the_headline_in_lower_case() -> None:
    parsed = parse_text_dump(f"{_TITLE}\n\nhoàng yến |\n\n{_LEAD}\n\n{_LAST}\n")
    assert parsed.byline == "hoàng yến"
    assert parsed.body.startswith("Sáng 2/7, Công đoàn Khu kinh tế")


def test_the_zones_union_written_kcn_cx(nlp: VietnameseNLP) -> None:
    doc = nlp("Có 83 công nhân giỏi vừa được CĐ các KCN-CX Đà Nẵng tuyên dương.", ArticleContext())
    assert [(r["name"], r["level"]) for r in unit_rows(doc)] == [
        ("Công đoàn các Khu công nghiệp và chế xuất thành phố Đà Nẵng", "province_industry")]


def test_a_chainages_metres_are_no_count_and_criteria_are(nlp: VietnameseNLP) -> None:
    doc = nlp("Tại đường ngang km15+320 khu gian Vinh, hội đồng chấm 12 sáng kiến theo 5 tiêu chí.", ArticleContext())
    assert [(fields_of(s, "amounts")["value"], fields_of(s, "amounts")["unit"]) for s in doc.spans["amounts"]] == [
        (12.0, "sáng kiến"), (5.0, "tiêu chí")]
