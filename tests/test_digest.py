"""The printable weekly digest (render_digest / write_digest), on the sample database of test_web.py."""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest

from extract.nlp import VietnameseNLP
from pipeline.digest import render_digest, write_digest
from pipeline.web.queries import BadParameter
from test_web import SAMPLE_ARTICLES, build_sample_db


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("digest") / "congdoan.duckdb", VietnameseNLP(components=()))


def week_articles(week: str) -> list:
    year, number = week.split("-W")
    return [a for a in SAMPLE_ARTICLES
            if datetime.fromisoformat(a.published).isocalendar()[:2] == (int(year), int(number))]


def test_digest_holds_the_week_and_nothing_else(sample_db: Path) -> None:
    html = render_digest(sample_db, "2024-W22")
    inside = week_articles("2024-W22")
    assert {a.url for a in inside} and all(a.url in html for a in inside)
    assert all(a.url not in html for a in SAMPLE_ARTICLES if a not in inside)
    assert "Từ 27/05/2024 đến 02/06/2024" in html
    headings = re.findall(r"<h2>([^<(]+) \((\d+)\)</h2>", html)
    assert [h for h, _ in headings] == ["Khen thưởng", "Số tiền", "Số lượng", "Phong trào", "Mô hình"]
    expected_money = sum(1 for a in inside for m in a.marks if m.fields.get("kind") == "money")
    assert dict(headings)["Số tiền"] == str(expected_money)


def test_digest_lists_the_biggest_amount_first(sample_db: Path) -> None:
    html = render_digest(sample_db, "2024-W22")
    money = html[html.index("<h2>Số tiền"):html.index("<h2>Số lượng")]
    assert money.index("hơn 1,2 tỷ đồng") < money.index("60 triệu đồng")


def test_digest_is_a_self_contained_a4_page(sample_db: Path, tmp_path: Path) -> None:
    out = write_digest(sample_db, "2024-W22", tmp_path / "digest.html")
    html = out.read_text(encoding="utf-8")
    assert html.startswith("<!doctype html>") and '<html lang="vi">' in html
    assert "@page { size: A4" in html and '<link rel="stylesheet"' not in html
    assert "<script" not in html and "/digest?week=" not in html  # no navigation in the file


def test_an_empty_week_says_so(sample_db: Path) -> None:
    assert "Tuần này chưa có điểm nhấn nào." in render_digest(sample_db, "2023-W01")


@pytest.mark.parametrize("week", ["2024-22", "W22", "2024-W54", "tuần 22"])
def test_a_malformed_week_is_refused_in_vietnamese(sample_db: Path, week: str) -> None:
    with pytest.raises(BadParameter, match="Tuần không hợp lệ"):
        render_digest(sample_db, week)
