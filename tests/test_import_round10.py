"""Rules of issue 11 round 10 (real-test9's import, unit and amount errors) that the regression gold cannot state,
each on short texts written for this test: a headline glued to a lead that repeats its first words, the copies of a
headline in the body, money paid in cash, document words used as verbs, and the person a title announces after a
grassroots union."""

from __future__ import annotations

import pytest

from extract.dump_lines import title_copy
from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.spans import fields_of
from extract.textdump import parse_text_dump


@pytest.fixture(scope="module")
def nlp(units_amounts_nlp: VietnameseNLP) -> VietnameseNLP:
    return units_amounts_nlp


def _amounts(nlp: VietnameseNLP, text: str) -> list[tuple[str, str, str | None]]:
    doc = nlp(text, ArticleContext())
    return [(span.text, fields_of(span, "amounts")["kind"], fields_of(span, "amounts").get("unit"))
            for span in doc.spans.get("amounts", [])]


def test_headline_glued_to_a_lead_that_repeats_its_first_words() -> None:
    """real-test9 1228: the dump's date line runs a section, the headline and the lead together; the lead opens with
    the headline's first words again, and a lower-case "đ" ("đoàn", "động") is no capital to split at."""
    dump = ("date 2025-09-14 Xã hội Sân chơi cuối tuần gắn kết công nhân khu trọ Sân chơi cuối tuần do công đoàn "
            "phường tổ chức đã thu hút đông đảo đoàn viên, người lao động tham gia.\n\nCác trò chơi dân gian được "
            "nhiều công nhân yêu thích.\n")
    parsed = parse_text_dump(dump)
    assert parsed.title == "Sân chơi cuối tuần gắn kết công nhân khu trọ"
    assert parsed.body.startswith("Sân chơi cuối tuần do công đoàn phường tổ chức")


@pytest.mark.parametrize(("line", "copy"), [
    ("Gặp mặt 60 nữ công nhân tiêu biểu", "exact"),
    ("Gặp mặt 60 nữ công nhân tiêu biểu - Ảnh 2.", "photo"),
    ("gap mat 60 nu cong nhan tieu bieu", "unaccented"),
    ("Gặp mặt 60 nữ công nhân", None),
])
def test_copies_of_the_headline(line: str, copy: str | None) -> None:
    assert title_copy(line, "Gặp mặt 60 nữ công nhân tiêu biểu") == copy


def test_money_paid_in_cash_and_document_words_as_verbs(nlp: VietnameseNLP) -> None:
    text = ("Mỗi hộ nhận 2 triệu tiền mặt. Chiến sĩ đã hướng dẫn 12 người thoát ra ngoài. "
            "Theo Hướng dẫn 15 đơn vị phải báo cáo trước tháng 10.")
    assert _amounts(nlp, text) == [("2 triệu", "money", None), ("12 người", "count", "người")]


def test_person_a_title_announces_after_a_grassroots_union(nlp: VietnameseNLP) -> None:
    """real-test9 1228: "Chủ tịch CĐCS Công ty X Lưu Diễn Hiệp": the chairman's name closes the union's name; without
    a title before the union, a name ending in a two-syllable personal name stays whole."""
    text = ("Chủ tịch Công đoàn cơ sở Công ty CP Bao bì Sông Hồng Trịnh Văn Quý phát biểu. "
            "Đại diện Công đoàn cơ sở Công ty TNHH Minh Anh cũng dự.")
    names = {row["name"] for row in unit_rows(nlp(text, ArticleContext(source_province="Hưng Yên")))}
    assert names == {"Công đoàn cơ sở Công ty CP Bao bì Sông Hồng", "Công đoàn cơ sở Công ty TNHH Minh Anh"}
