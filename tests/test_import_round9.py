"""Rules of issue 11 round 9 (real-test8's import, unit and amount errors) that the regression gold cannot state,
each on short texts written for this test: a corporation's union on a national outlet is placed nowhere, the Huế city
federation is district level before 2025 and province level after, and the amounts' limits and listed nouns."""

from __future__ import annotations

from datetime import datetime

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.spans import fields_of

Row = tuple[str, str, str | None]


@pytest.fixture(scope="module")
def nlp(units_amounts_nlp: VietnameseNLP) -> VietnameseNLP:
    return units_amounts_nlp


def _units(nlp: VietnameseNLP, text: str, **context) -> set[Row]:
    return {(r["name"], r["level"], r["province"]) for r in unit_rows(nlp(text, ArticleContext(**context)))}


def _amounts(nlp: VietnameseNLP, text: str) -> list[tuple[str, str | None]]:
    doc = nlp(text, ArticleContext())
    return [(span.text, fields_of(span, "amounts").get("unit")) for span in doc.spans.get("amounts", [])]


def test_corporation_union_is_not_placed_by_another_units_province(nlp: VietnameseNLP) -> None:
    """real-test8 1128: a national outlet names one province through another union; the corporation's union works
    across provinces and stays unplaced, while a company's union is still placed there (a federation named beside
    a union in its sentence still places it: ``unit_context``)."""
    text = ("Chị Lan là đoàn viên Công đoàn Bưu điện tỉnh Quảng Nam. Buổi lễ có đại diện Công đoàn Tổng công ty Viễn "
            "thông MobiFone. Công đoàn Công ty TNHH Hòa Phát cũng cử đại diện tham dự.")
    rows = _units(nlp, text)
    assert ("Công đoàn Bưu điện tỉnh Quảng Nam", "grassroots", "Quảng Nam") in rows
    assert ("Công đoàn Tổng công ty Viễn thông MobiFone", "grassroots", None) in rows
    assert ("Công đoàn Công ty TNHH Hòa Phát", "grassroots", "Quảng Nam") in rows


@pytest.mark.parametrize(("published", "level", "province"), [
    (None, "district", "Thừa Thiên Huế"),  # undated: the archive's old provinces, Huế a city of the province
    (datetime(2023, 4, 2), "district", "Thừa Thiên Huế"),
    (datetime(2025, 3, 2), "province", "Huế"),  # a centrally governed city from 1 January 2025
])
def test_hue_city_federation_level_follows_the_date(nlp: VietnameseNLP, published: datetime | None, level: str,
                                                     province: str) -> None:
    rows = _units(nlp, "Sáng 2/4, LĐLĐ thành phố Huế trao quà cho công nhân.", source_province="Thừa Thiên Huế",
                  published_at=published)
    assert rows == {("Liên đoàn Lao động thành phố Huế", level, province)}


def test_limits_and_companions_are_no_amounts(nlp: VietnameseNLP) -> None:
    text = ("Liên đoàn trao 150 vé tàu, vé xe cho công nhân; mỗi người được đăng ký không quá 4 người thân, "
            "người ở xa được đi kèm 2 người, và 1 người thân đi cùng được hỗ trợ tiền ăn. "
            "Xét chọn tối đa 10 cá nhân tiêu biểu.")
    assert _amounts(nlp, text) == [("150 vé tàu, vé xe", "vé tàu, vé xe")]


def test_year_after_a_number_word_and_grades(nlp: VietnameseNLP) -> None:
    text = "Sau hai năm công tác, chị là học sinh lớp 12 Trường THPT Lê Lợi năm nào, nay tặng 30 suất quà."
    assert _amounts(nlp, text) == [("30 suất quà", "suất quà")]


def test_person_after_the_country_is_cut_but_not_a_place(nlp: VietnameseNLP) -> None:
    text = ("Phó Chủ tịch Công đoàn Tổng công ty Điện lực Việt Nam Phạm Văn Hòa dự lễ cùng đại diện "
            "Công đoàn cơ sở Công ty TNHH Hoàng Long Việt Nam Thái Bình.")
    names = {row[0] for row in _units(nlp, text)}
    assert names == {"Công đoàn Tổng công ty Điện lực Việt Nam", "Công đoàn cơ sở Công ty TNHH Hoàng Long Việt Nam Thái Bình"}
