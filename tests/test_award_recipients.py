"""award_recipients and the award columns staff file awards by: family, awarder unit and level.

Spans are placed by hand on Docs made by VietnameseNLP (no components), so these tests
pin extract.award_recipients and extract.records; one test runs the real extractors.
The sentences are invented.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from core.records import Article, Source
from extract.award_recipients import form_family
from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import extraction_from_doc
from extract.spans import add_span
from pipeline.store import Store


@pytest.fixture(scope="module")
def bare_nlp() -> VietnameseNLP:
    return VietnameseNLP(components=())


def _doc(nlp: VietnameseNLP, body: str, spans: list[tuple[str, str, dict[str, Any]]], province: str | None):
    doc = nlp.make_doc(body, ArticleContext(source="s", source_province=province, published_at=datetime(2025, 3, 4)))
    for kind, text, fields in spans:
        start = body.index(text)
        add_span(doc, kind, doc.char_span(start, start + len(text), alignment_mode="expand"), fields)
    return doc


def _unit(text: str, level: str, province: str | None, now: str | None) -> tuple[str, str, dict[str, Any]]:
    return ("units", text, {"name": text, "level": level, "province": province, "province_now": now})


def _award(text: str, form: str, awarder: str | None, recipients: list[str], count: int | None,
           kind: str | None) -> tuple[str, str, dict[str, Any]]:
    return ("awards", text, {"form": form, "awarder": awarder, "recipients": recipients, "recipient_count": count,
                             "recipient_kind": kind, "occasion": None})


NATIONAL = "Tổng Liên đoàn Lao động Việt Nam"
PROVINCE = "Liên đoàn Lao động tỉnh Thanh Hóa"
SCHOOL = "Công đoàn cơ sở Trường THPT Lam Sơn"


@pytest.mark.parametrize("form, family", [
    ("Huân chương Lao động hạng Ba", "Huân chương"),
    ('Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"', "Kỷ niệm chương"),
    ("Cờ thi đua", "Cờ thi đua"),
    ("Bằng khen", "Bằng khen"),
    ("Giấy khen", "Giấy khen"),
    ("danh hiệu Chiến sĩ thi đua cơ sở", "danh hiệu thi đua"),
    ('Huy chương "Vì thế hệ trẻ"', "Huy chương"),
    ("khen thưởng", "khác"),
    ("Bằng Lao động sáng tạo", "khác"),
])
def test_form_families_come_from_the_lexicon(form: str, family: str) -> None:
    assert form_family(form) == family


def test_named_units_and_a_counted_group_are_recipients_placed_by_the_awarder(bare_nlp: VietnameseNLP) -> None:
    body = (f"{PROVINCE} tặng Bằng khen cho 12 tập thể, trong đó có {SCHOOL}. "
            f"Ông Lê Văn Minh cũng được {PROVINCE} tặng Giấy khen.")
    doc = _doc(bare_nlp, body, [
        _unit(PROVINCE, "province", "Thanh Hóa", "Thanh Hóa"),
        _unit(SCHOOL, "grassroots", None, None),
        _award(f"tặng Bằng khen cho 12 tập thể, trong đó có {SCHOOL}", "Bằng khen", PROVINCE, [SCHOOL], 12, "collective"),
        _award("được", "Giấy khen", PROVINCE, ["Lê Văn Minh"], None, "individual"),
    ], province=None)
    tables = extraction_from_doc(doc, 1, "t").tables
    awards = tables["awards"]
    assert [(a["idx"], a["form_family"], a["awarder_unit"], a["awarder_level"]) for a in awards] == [
        (0, "Bằng khen", PROVINCE, "province"), (1, "Giấy khen", PROVINCE, "province")]
    rows = [(r["award_idx"], r["recipient"], r["recipient_type"], r["count"], r["province"], r["province_basis"])
            for r in tables["award_recipients"]]
    assert rows == [
        (0, SCHOOL, "unit", 1, "Thanh Hóa", "awarder"),
        (0, "11 tập thể khác", "group", 11, "Thanh Hóa", "awarder"),
        (1, "Lê Văn Minh", "person", 1, "Thanh Hóa", "awarder"),
    ]
    award = next(h for h in tables["highlights"] if h["label"] == "Bằng khen")
    assert (award["unit"], award["level"], award["province"]) == (SCHOOL, "grassroots", "Thanh Hóa")


def test_a_national_award_is_placed_by_the_site_and_never_filed_under_its_giver(bare_nlp: VietnameseNLP) -> None:
    body = f"{NATIONAL} tặng Cờ thi đua cho 58 tập thể có thành tích xuất sắc."
    doc = _doc(bare_nlp, body, [
        _unit(NATIONAL, "national", None, None),
        _award("tặng Cờ thi đua cho 58 tập thể", "Cờ thi đua", f"Ban Chấp hành {NATIONAL}", [], 58, "collective"),
    ], province="Thanh Hóa")
    tables = extraction_from_doc(doc, 1, "t").tables
    assert tables["awards"][0]["awarder_unit"] == NATIONAL and tables["awards"][0]["awarder_level"] == "national"
    [group] = tables["award_recipients"]
    assert (group["recipient"], group["count"], group["province"], group["province_now"], group["province_basis"]) == (
        "58 tập thể", 58, "Thanh Hóa", "Thanh Hóa", "source")
    [award] = tables["highlights"]
    assert (award["unit"], award["province"]) == (None, "Thanh Hóa")

    unplaced = extraction_from_doc(_doc(bare_nlp, body, [
        _unit(NATIONAL, "national", None, None),
        _award("tặng Cờ thi đua cho 58 tập thể", "Cờ thi đua", NATIONAL, [], None, "collective"),
    ], province=None), 1, "t").tables
    assert [(r["recipient"], r["count"], r["province"]) for r in unplaced["award_recipients"]] == [
        ("tập thể (chưa rõ số lượng)", None, None)]
    assert unplaced["highlights"][0]["unit"] is None  # not the Tổng Liên đoàn, which gave it


def test_state_awarders_and_national_recipients(bare_nlp: VietnameseNLP) -> None:
    body = "Công đoàn Dệt May Việt Nam đón nhận Huân chương Lao động hạng Nhất của Chủ tịch nước."
    doc = _doc(bare_nlp, body, [
        _unit("Công đoàn Dệt May Việt Nam", "national_industry", None, None),
        _award("đón nhận Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhất", "Chủ tịch nước",
               ["Công đoàn Dệt May Việt Nam"], None, "collective"),
    ], province="Hà Nội")
    tables = extraction_from_doc(doc, 1, "t").tables
    assert (tables["awards"][0]["awarder_unit"], tables["awards"][0]["awarder_level"]) == (None, "state")
    [row] = tables["award_recipients"]
    assert (row["recipient_type"], row["level"], row["province"], row["province_basis"]) == (
        "unit", "national_industry", None, None)  # a national union is in no province, whatever the site


def test_rows_reach_the_tables_and_views(tmp_path: Path, bare_nlp: VietnameseNLP) -> None:
    body = f"{PROVINCE} tặng Bằng khen cho 12 tập thể, trong đó có {SCHOOL}."
    spans = [_unit(PROVINCE, "province", "Thanh Hóa", "Thanh Hóa"), _unit(SCHOOL, "grassroots", None, None),
             _award(f"tặng Bằng khen cho 12 tập thể, trong đó có {SCHOOL}", "Bằng khen", PROVINCE, [SCHOOL], 12,
                    "collective")]
    with Store.open(tmp_path / "db.duckdb") as store:
        store.upsert_sources([Source("s", "Nguồn", "newspaper")])
        articles = [Article(f"https://x.example/{i}", "s", "Tin", f"{body} Tin số {i}.", fetched_at=datetime(2025, 9, 1),
                            published_at=published) for i, published in enumerate([datetime(2025, 3, 4), None])]
        assert len(store.add_articles(articles)) == 2
        store.replace_extractions([extraction_from_doc(_doc(bare_nlp, a.body, spans, None), a.article_id, "v1")
                                   for a in articles])
        store.set_meta("extractor_version", "v1")
        rows = store.con.execute("""SELECT date, fetched_at, recipient, count, form_family, awarder_level
                                    FROM v_award_recipients ORDER BY date NULLS LAST, recipient_idx""").fetchall()
        assert [r[0] for r in rows] == [datetime(2025, 3, 4).date()] * 2 + [None] * 2  # undated stays undated
        assert {r[1] for r in rows} == {datetime(2025, 9, 1)}
        assert [r[2:] for r in rows[:2]] == [(SCHOOL, 1, "Bằng khen", "province"),
                                              ("11 tập thể khác", 11, "Bằng khen", "province")]
        awards = store.con.execute("SELECT date, unit, level, province FROM v_awards ORDER BY date NULLS LAST").fetchall()
        assert awards == [(datetime(2025, 3, 4).date(), SCHOOL, "grassroots", "Thanh Hóa"),
                          (None, SCHOOL, "grassroots", "Thanh Hóa")]
        for view in ("v_current_articles", "v_highlights"):
            dates = store.con.execute(f"SELECT DISTINCT date FROM {view} ORDER BY 1 NULLS LAST").fetchall()
            assert dates == [(datetime(2025, 3, 4).date(),), (None,)], view


@pytest.mark.slow
def test_the_real_extractors_give_recipient_rows(tmp_path: Path) -> None:
    nlp = VietnameseNLP()
    body = ("Nhân dịp này, Liên đoàn Lao động tỉnh Nghệ An tặng Bằng khen cho 25 tập thể và 30 cá nhân "
            "có thành tích xuất sắc trong phong trào thi đua năm 2024.")
    doc = nlp(body, ArticleContext(source="s", source_province="Nghệ An", published_at=datetime(2025, 1, 6)))
    tables = extraction_from_doc(doc, 1, "t").tables
    [award] = tables["awards"]
    assert (award["form_family"], award["awarder_level"]) == ("Bằng khen", "province")
    groups = [r for r in tables["award_recipients"] if r["recipient_type"] == "group"]
    assert [(g["count"], g["province"]) for g in groups] == [(55, "Nghệ An")]
