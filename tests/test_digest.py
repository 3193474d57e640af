"""The digest staff send (pipeline.digest), on the sample database of test_web.py.

Its size on a busy generated week (4 A4 pages at most) is measured in Chromium by
test_web_browser.py; here: what it holds, groups, leaves out and says.
"""

from __future__ import annotations

import io
import re
from datetime import date, datetime
from pathlib import Path

import pytest
from docx import Document

from extract.nlp import VietnameseNLP
from pipeline.digest import Digest, digest_docx, digest_html, digest_period, write_digest
from pipeline.web.params import BadParameter
from pipeline.web.readers import connect
from test_web import HAM_RONG, SAMPLE_ARTICLES, UNDATED_BODY, Mark, SampleArticle, amount, build_sample_db, unit

MAY_WEEK = (date(2024, 5, 27), date(2024, 6, 2))


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("digest") / "congdoan.duckdb", VietnameseNLP(components=()))


def build(db: Path, start: date, end: date, week: bool = True, province: str = "") -> Digest:
    with connect(db) as con:
        return Digest.build(con, start, end, week, province)


def in_period(start: date, end: date) -> list[SampleArticle]:
    return [a for a in SAMPLE_ARTICLES if a.published and start <= datetime.fromisoformat(a.published).date() <= end]


def test_a_week_grouped_by_article_with_short_linked_sources(sample_db: Path) -> None:
    digest = build(sample_db, *MAY_WEEK)
    html = digest_html(digest)
    inside = in_period(*MAY_WEEK)
    assert {a.article_id for a in digest.full + digest.brief} and len(digest.full + digest.brief) == len(inside)
    assert all(f'href="{a.url}"' in html for a in inside)
    assert all(a.url not in html for a in SAMPLE_ARTICLES if a not in inside)
    assert not re.search(r">\s*https?://", html)  # no printed URLs: links carry short source names
    assert '>LĐLĐ tỉnh Thanh Hóa</a>' in html and '>Báo Lao Động</a>' in html
    assert "<h1>Tuần 22 (27/5 – 2/6/2024)</h1>" in html
    assert html.count("<h3>") == len(digest.full)
    # the article with awards comes first
    assert digest.full[0].title == "LĐLĐ tỉnh Thanh Hóa khen thưởng công đoàn cơ sở vững mạnh"


def test_the_summary_is_written_from_the_data(sample_db: Path) -> None:
    summary = build(sample_db, *MAY_WEEK).summary
    assert summary.startswith("Trong tuần, 3 bài viết ghi nhận")
    assert "LĐLĐ tỉnh Thanh Hóa tặng Bằng khen cho 2 tập thể" in summary
    assert "LĐLĐ tỉnh Thanh Hóa tặng Giấy khen cho 1 tập thể" in summary
    money = 1.2e9 + 6e7 + 1.5e8  # the largest sum of each article
    assert f"3 bài nêu các khoản hỗ trợ, trao tặng, cộng số tiền lớn nhất mỗi bài được khoảng {money / 1e9:.1f} tỷ đồng".replace(
        "1.4", "1,4") in summary
    assert "các con số nổi bật: 1.200 suất quà" in summary  # the largest count, not 1.200 + 300
    assert "trao Bằng khen cho 35 tập thể, cá nhân" in summary  # awarder not stated


def test_province_and_month(sample_db: Path) -> None:
    may = build(sample_db, date(2024, 5, 1), date(2024, 5, 31), week=False, province="Thanh Hóa")
    html = digest_html(may)
    assert "<h1>Tháng 5/2024</h1>" in html and "tỉnh/thành Thanh Hóa" in html
    assert may.summary.startswith("Trong tháng 5/2024 tại Thanh Hóa")
    assert "Mái ấm" not in html and HAM_RONG in html  # Hà Giang's article is not Thanh Hóa's
    assert may.filename("docx") == "ban-tin-2024-05-thanh-hoa.docx"


def test_undated_articles_never_enter_a_digest(sample_db: Path) -> None:
    for start, end, week in (MAY_WEEK + (True,), (date(2025, 9, 1), date(2025, 9, 30), False),
                             (date(1990, 1, 1), date(2100, 12, 31), False)):
        html = digest_html(build(sample_db, start, end, week))
        assert "40 suất quà" not in html and UNDATED_BODY[:30] not in html
        assert "1 điểm nhấn trong bài không rõ ngày: không đưa vào bản tin" in html  # counted, not hidden
    with connect(sample_db) as con:
        start, end, week = digest_period(None, None, con, date(2030, 1, 1))
    assert (start, week) == (date(2025, 8, 11), True)  # the latest dated week, not the undated article's fetch week


def test_a_statement_told_by_two_sources_is_listed_once(tmp_path: Path) -> None:
    told = "Liên đoàn Lao động tỉnh Nghệ An trao 200 suất quà cho đoàn viên khó khăn."
    articles = [SampleArticle(f"https://{site}.example/tin/qua", site, f"Quà Tết ({site})", "2024-02-05 08:00",
                              f"{told}\n{extra}", [unit("Liên đoàn Lao động tỉnh Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An",
                                                        "province", "Nghệ An", "Nghệ An"),
                                                   amount("200 suất quà", "count", 200, counted="suất quà")])
                for site, extra in (("laodong", "Tin: Hải Nam."), ("congdoan-vn", "Ảnh: Minh Thu."))]
    db = build_sample_db(tmp_path / "db.duckdb", VietnameseNLP(components=()), articles)
    digest = build(db, date(2024, 2, 5), date(2024, 2, 11))
    assert digest.statements == 1 and digest.dropped == 1
    html = digest_html(digest)
    assert html.count("200 suất quà") == 3  # the summary, the list, the mark's tooltip
    assert html.count('<li><span class="kinds">') == 1


def test_docx_opens_and_holds_the_summary(sample_db: Path, tmp_path: Path) -> None:
    digest = build(sample_db, *MAY_WEEK)
    document = Document(io.BytesIO(digest_docx(digest)))
    texts = [p.text for p in document.paragraphs]
    assert digest.summary in texts and "Tuần 22 (27/5 – 2/6/2024)" in texts
    assert any("Bằng khen" in t for t in texts)
    out = write_digest(sample_db, tmp_path / "b.docx", *MAY_WEEK, True, "", "docx")
    assert Document(str(out)).paragraphs[0].text == "Bản tin công đoàn toàn quốc"
    page = write_digest(sample_db, tmp_path / "b.html", *MAY_WEEK, True).read_text(encoding="utf-8")
    assert page.startswith("<!doctype html>") and "@page { size: A4" in page and '<link rel="stylesheet"' not in page
    assert "<script" not in page and "/digest?" not in page  # no navigation in the file


@pytest.mark.parametrize("week, month", [("2024-22", None), ("W22", None), ("2024-W54", None), ("tuần 22", None),
                                         ("0001-W01", None), ("9999-W52", None), ("1-W1", None),
                                         (None, "2024-13"), (None, "0001-01"), ("2024-W22", "2024-05")])
def test_a_malformed_period_is_refused_in_vietnamese(sample_db: Path, week: str | None, month: str | None) -> None:
    with connect(sample_db) as con, pytest.raises(BadParameter, match="không hợp lệ|không chọn cả hai"):
        digest_period(week, month, con, date(2024, 6, 1))


def test_rates_and_parts_of_a_sum_are_not_added_up(tmp_path: Path) -> None:
    body = ("Liên đoàn Lao động tỉnh Nghệ An hỗ trợ tổng số tiền 500 triệu đồng cho đoàn viên vùng lũ.\n"
            "Trong đó, mỗi đoàn viên được 2 triệu đồng/người và 100 triệu đồng dành sửa nhà.")
    money = {"kind": "money", "currency": "VND", "qualifier": "exact"}
    article = SampleArticle("https://laodong.example/tin/lu", "laodong", "Hỗ trợ vùng lũ", "2024-09-16 08:00", body, [
        unit("Liên đoàn Lao động tỉnh Nghệ An", "Liên đoàn Lao động tỉnh Nghệ An", "province", "Nghệ An", "Nghệ An"),
        Mark("amounts", "500 triệu đồng", {**money, "value": 5e8}),
        Mark("amounts", "2 triệu đồng/người", {**money, "value": 2e6, "per": "người"}),
        Mark("amounts", "100 triệu đồng", {**money, "value": 1e8})])
    db = build_sample_db(tmp_path / "db.duckdb", VietnameseNLP(components=()), [article])
    summary = build(db, date(2024, 9, 16), date(2024, 9, 22)).summary
    assert "1 bài nêu các khoản hỗ trợ, trao tặng, cộng số tiền lớn nhất mỗi bài được khoảng 500 triệu đồng" in summary
