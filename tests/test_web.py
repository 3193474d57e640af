"""The staff web app through Starlette's test client, on a small database built through the real write path.

The sample articles are invented (facts of the kind union news reports, not any
seed's sentences). Their extraction spans are placed by hand on Docs made by
VietnameseNLP, then go through extract.records and Store.replace_extractions,
so the highlights and the word index are produced by the code under test.
"""

from __future__ import annotations

import csv
import dataclasses
import io
import re
import shutil
import unicodedata
from dataclasses import dataclass, field
from datetime import date, datetime
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook
from starlette.testclient import TestClient

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import extraction_from_doc
from extract.spans import add_span
from core.records import Article, Source
from core.config import Workspace
from pipeline.store import Store
from pipeline.web.app import create_app
from pipeline.writer import writer


@dataclass
class Mark:
    kind: str
    text: str
    fields: dict[str, Any]
    nth: int = 0


@dataclass
class SampleArticle:
    url: str
    source: str
    title: str
    published: str
    body: str
    marks: list[Mark] = field(default_factory=list)


def unit(text: str, name: str, level: str, province: str | None, now: str | None, nth: int = 0) -> Mark:
    return Mark("units", text, {"name": name, "level": level, "province": province, "province_now": now}, nth)


def amount(text: str, kind: str, value: float, currency: str | None = None, counted: str | None = None) -> Mark:
    return Mark("amounts", text, {"kind": kind, "value": value, "currency": currency, "unit": counted, "qualifier": "exact"})


def award(text: str, form: str, count: int | None = None, awarder: str | None = None,
          recipients: list[str] | None = None) -> Mark:
    return Mark("awards", text, {"form": form, "awarder": awarder, "recipients": recipients or [],
                                 "recipient_count": count, "recipient_kind": "collective" if recipients else "both"})


def initiative(kind: str, text: str, name: str, unit_name: str | None = None) -> Mark:
    return Mark(kind, text, {"name": name, "unit": unit_name})


TH = ("Thanh Hóa", "Thanh Hóa")
LDLD_TH = "Liên đoàn Lao động tỉnh Thanh Hóa"
HAM_RONG = "Công đoàn cơ sở Trường THPT Hàm Rồng"
THO_XUAN = "Công đoàn cơ sở Công ty May Thọ Xuân"
NGA_SON = "Công đoàn cơ sở Bệnh viện Đa khoa Nga Sơn"
SUN_JADE = "Công đoàn cơ sở Công ty Giày Sun Jade"
HTK = "Công đoàn cơ sở Trường THPT Huỳnh Thúc Kháng"
LDLD_NA = "Liên đoàn Lao động tỉnh Nghệ An"
UNDATED_BODY = "Công đoàn Điện lực tỉnh Nghệ An trao 40 suất quà cho công nhân vận hành lưới điện vùng lũ."
SOURCES = [
    Source("ldld-thanhhoa", "LĐLĐ tỉnh Thanh Hóa", "provincial_union", "https://ldld.thanhhoa.example", "Thanh Hóa"),
    Source("laodong", "Báo Lao Động", "newspaper", "https://laodong.example"),
    Source("congdoan-vn", "Tổng LĐLĐ Việt Nam", "national_union", "https://congdoan.example"),
    Source("ldld-hcm", "LĐLĐ TP Hồ Chí Minh", "provincial_union", "https://ldld.hcm.example", "TP Hồ Chí Minh"),
]

SAMPLE_ARTICLES = [
    SampleArticle(
        "https://ldld.thanhhoa.example/tin/thang-cong-nhan-2024", "ldld-thanhhoa",
        "LĐLĐ tỉnh Thanh Hóa trao 1.200 suất quà cho công nhân", "2024-05-28 09:30",
        "Sáng 27/5, Liên đoàn Lao động tỉnh Thanh Hóa tổ chức chương trình Tháng Công nhân năm 2024 tại Khu kinh tế Nghi Sơn.\n"
        "Nhân dịp này, Liên đoàn Lao động tỉnh Thanh Hóa trao 1.200 suất quà cho công nhân có hoàn cảnh khó khăn, tổng trị giá hơn 1,2 tỷ đồng.\n"
        "Dịp này, Tổng Liên đoàn Lao động Việt Nam tặng Bằng khen cho 15 tập thể và 20 cá nhân có thành tích xuất sắc "
        "trong phong trào thi đua \"Lao động giỏi, lao động sáng tạo\".",
        [unit("Liên đoàn Lao động tỉnh Thanh Hóa", "Liên đoàn Lao động tỉnh Thanh Hóa", "province", *TH),
         amount("1.200 suất quà", "count", 1200, counted="suất quà"),
         amount("hơn 1,2 tỷ đồng", "money", 1.2e9, "VND"),
         unit("Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "national", None, None),
         award("tặng Bằng khen cho 15 tập thể và 20 cá nhân", "Bằng khen", 35),
         initiative("movements", "phong trào thi đua \"Lao động giỏi, lao động sáng tạo\"", "Lao động giỏi, lao động sáng tạo",
                    "Tổng Liên đoàn Lao động Việt Nam")],
    ),
    SampleArticle(
        "https://laodong.example/cong-doan/mai-am-ha-giang", "laodong",
        "Công đoàn Giáo dục Hà Giang nhân rộng mô hình Mái ấm Công đoàn", "2024-05-30 15:00",
        "Công đoàn Giáo dục tỉnh Hà Giang vừa bàn giao 3 căn nhà cho giáo viên vùng cao theo mô hình \"Mái ấm Công đoàn\".\n"
        "Mỗi căn nhà được hỗ trợ 60 triệu đồng từ nguồn đóng góp của đoàn viên trong toàn ngành.",
        [unit("Công đoàn Giáo dục tỉnh Hà Giang", "Công đoàn Giáo dục tỉnh Hà Giang", "province_industry", "Hà Giang", "Tuyên Quang"),
         amount("3 căn nhà", "count", 3, counted="căn nhà"),
         initiative("models", "mô hình \"Mái ấm Công đoàn\"", "Mái ấm Công đoàn", "Công đoàn Giáo dục tỉnh Hà Giang"),
         amount("60 triệu đồng", "money", 6e7, "VND")],
    ),
    SampleArticle(
        "https://ldld.hcm.example/tin/chuyen-xe-binh-duong", "ldld-hcm",
        "Bình Dương: 2.500 công nhân về quê đón Tết trên Chuyến xe Công đoàn", "2024-01-31 08:00",
        "Liên đoàn Lao động tỉnh Bình Dương tổ chức chương trình \"Chuyến xe Công đoàn\" đưa 2.500 công nhân về quê đón Tết.\n"
        "Tổng kinh phí thực hiện chương trình là 3,5 tỷ đồng, trong đó doanh nghiệp đóng góp một phần.",
        [unit("Liên đoàn Lao động tỉnh Bình Dương", "Liên đoàn Lao động tỉnh Bình Dương", "province", "Bình Dương", "TP Hồ Chí Minh"),
         amount("2.500 công nhân", "count", 2500, counted="công nhân"),
         amount("3,5 tỷ đồng", "money", 3.5e9, "VND")],
    ),
    SampleArticle(
        "https://congdoan.example/tin/phat-dong-doi-moi-sang-tao", "congdoan-vn",
        "Tổng LĐLĐ Việt Nam phát động thi đua đổi mới sáng tạo", "2024-06-10 10:00",
        "Tổng Liên đoàn Lao động Việt Nam phát động phong trào thi đua \"Đổi mới sáng tạo trong lao động\" trong công nhân, viên chức, lao động.\n"
        "Năm qua, 95% công đoàn cơ sở đạt vững mạnh; Tổng Liên đoàn Lao động Việt Nam tặng Cờ thi đua cho 10 đơn vị dẫn đầu.",
        [unit("Tổng Liên đoàn Lao động Việt Nam", "Tổng Liên đoàn Lao động Việt Nam", "national", None, None),
         initiative("movements", "phong trào thi đua \"Đổi mới sáng tạo trong lao động\"", "Đổi mới sáng tạo trong lao động",
                    "Tổng Liên đoàn Lao động Việt Nam"),
         amount("95%", "percent", 95),
         award("tặng Cờ thi đua cho 10 đơn vị dẫn đầu", "Cờ thi đua", 10)],
    ),
    SampleArticle(
        "https://laodong.example/cong-doan/bua-com-cong-doan-hai-duong", "laodong",
        "Bữa cơm Công đoàn ấm áp ở Hải Dương", "2024-03-08 11:00",
        "Công đoàn cơ sở Công ty TNHH May Tiến Thành tổ chức \"Bữa cơm Công đoàn\" cho 800 đoàn viên.\n"
        "Công đoàn cơ sở Công ty TNHH May Tiến Thành cũng dành 100 triệu đồng hỗ trợ đoàn viên ốm đau.",
        [unit("Công đoàn cơ sở Công ty TNHH May Tiến Thành", "Công đoàn cơ sở Công ty TNHH May Tiến Thành", "grassroots",
              "Hải Dương", "Hải Phòng"),
         initiative("models", "\"Bữa cơm Công đoàn\"", "Bữa cơm Công đoàn"),
         amount("800 đoàn viên", "count", 800, counted="đoàn viên"),
         amount("100 triệu đồng", "money", 1e8, "VND")],
    ),
    SampleArticle(
        "https://ldld.hcm.example/tin/tet-sum-vay-2025", "ldld-hcm",
        "LĐLĐ TP Hồ Chí Minh trao 5.000 phần quà cho đoàn viên", "2025-08-15 14:00",
        "Liên đoàn Lao động TP Hồ Chí Minh trao 5.000 phần quà cho đoàn viên, người lao động khó khăn với tổng trị giá 2 tỷ đồng.",
        [unit("Liên đoàn Lao động TP Hồ Chí Minh", "Liên đoàn Lao động TP Hồ Chí Minh", "province", "TP Hồ Chí Minh",
              "TP Hồ Chí Minh"),
         amount("5.000 phần quà", "count", 5000, counted="phần quà"),
         amount("2 tỷ đồng", "money", 2e9, "VND")],
    ),
    SampleArticle(
        "https://ldld.thanhhoa.example/tin/quang-xuong-tong-ket", "ldld-thanhhoa",
        "LĐLĐ huyện Quảng Xương tổng kết năm 2024", "2024-12-20 16:00",
        "Liên đoàn Lao động huyện Quảng Xương tổ chức hội nghị tổng kết công tác công đoàn năm 2024.\n"
        "Liên đoàn Lao động huyện Quảng Xương tặng Giấy khen cho 30 cá nhân tiêu biểu.",
        [unit("Liên đoàn Lao động huyện Quảng Xương", "Liên đoàn Lao động huyện Quảng Xương", "district", *TH),
         award("tặng Giấy khen cho 30 cá nhân tiêu biểu", "Giấy khen", 30)],
    ),
    # The awards page's known answer: grassroots unions of Thanh Hóa with a Bằng khen in May 2024 are
    # Hàm Rồng and Thọ Xuân (Nga Sơn got a Giấy khen; Sun Jade's is of June; Huỳnh Thúc Kháng is in Nghệ An).
    SampleArticle(
        "https://ldld.thanhhoa.example/tin/khen-thuong-cdcs-2024", "ldld-thanhhoa",
        "LĐLĐ tỉnh Thanh Hóa khen thưởng công đoàn cơ sở vững mạnh", "2024-05-29 10:00",
        f"{LDLD_TH} tặng Bằng khen cho {HAM_RONG} và {THO_XUAN}.\n"
        f"{LDLD_TH} cũng tặng Giấy khen cho {NGA_SON}.\n"
        f"Nhân dịp này, {LDLD_TH} trao 300 suất quà trị giá 150 triệu đồng và phát động phong trào thi đua "
        "\"Xanh, sạch, đẹp\" trong công nhân.",
        [unit(LDLD_TH, LDLD_TH, "province", *TH), unit(HAM_RONG, HAM_RONG, "grassroots", *TH),
         unit(THO_XUAN, THO_XUAN, "grassroots", *TH), unit(NGA_SON, NGA_SON, "grassroots", *TH),
         award(f"tặng Bằng khen cho {HAM_RONG} và {THO_XUAN}", "Bằng khen", None, LDLD_TH, [HAM_RONG, THO_XUAN]),
         award(f"tặng Giấy khen cho {NGA_SON}", "Giấy khen", None, LDLD_TH, [NGA_SON]),
         amount("300 suất quà", "count", 300, counted="suất quà"), amount("150 triệu đồng", "money", 1.5e8, "VND"),
         initiative("movements", "phong trào thi đua \"Xanh, sạch, đẹp\"", "Xanh, sạch, đẹp", LDLD_TH)],
    ),
    SampleArticle(
        "https://laodong.example/cong-doan/khen-thuong-thang-6", "laodong",
        "Khen thưởng công đoàn cơ sở tháng 6", "2024-06-12 09:00",
        f"{LDLD_NA} tặng Bằng khen cho {HTK}.\n{LDLD_TH} tặng Bằng khen cho {SUN_JADE}.",
        [unit(LDLD_NA, LDLD_NA, "province", "Nghệ An", "Nghệ An"), unit(HTK, HTK, "grassroots", "Nghệ An", "Nghệ An"),
         unit(LDLD_TH, LDLD_TH, "province", *TH), unit(SUN_JADE, SUN_JADE, "grassroots", *TH),
         award(f"tặng Bằng khen cho {HTK}", "Bằng khen", None, LDLD_NA, [HTK]),
         award(f"tặng Bằng khen cho {SUN_JADE}", "Bằng khen", None, LDLD_TH, [SUN_JADE])],
    ),
    # No date on the page: never in the feed, a date filter, a chart or a digest; counted and listed apart.
    SampleArticle(
        "https://laodong.example/cong-doan/khong-ro-ngay", "laodong", "Quà cho công nhân ngành điện", "",
        UNDATED_BODY,
        [unit("Công đoàn Điện lực tỉnh Nghệ An", "Công đoàn Điện lực tỉnh Nghệ An", "province_industry", "Nghệ An",
              "Nghệ An"),
         amount("40 suất quà", "count", 40, counted="suất quà")],
    ),
]


def published_at(article: SampleArticle) -> datetime | None:
    return datetime.fromisoformat(article.published) if article.published else None


def _doc_with_marks(nlp: VietnameseNLP, article: SampleArticle, published: datetime | None):
    doc = nlp.make_doc(article.body, ArticleContext(source=article.source, published_at=published, title=article.title))
    for mark in article.marks:
        start = -1
        for _ in range(mark.nth + 1):
            start = article.body.index(mark.text, start + 1)
        span = doc.char_span(start, start + len(mark.text), alignment_mode="expand")
        add_span(doc, mark.kind, span, mark.fields)
    return doc


def fill_sample(store: Store, nlp: VietnameseNLP, articles: list[SampleArticle]) -> None:
    """Store ``articles`` and their extractions, made by extract.records, into the real tables."""
    store.upsert_sources(SOURCES)
    stored = store.add_articles([
        Article(a.url, a.source, a.title, a.body, fetched_at=datetime(2025, 9, 1), published_at=published_at(a))
        for a in articles])
    assert len(stored) == len(articles)
    store.replace_extractions([
        extraction_from_doc(_doc_with_marks(nlp, a, published_at(a)), s.article_id, "test")
        for a, s in zip(articles, stored)])


def build_sample_db(path: Path, nlp: VietnameseNLP, articles: list[SampleArticle] = SAMPLE_ARTICLES) -> Path:
    """The database at ``path`` (created if need be) with ``articles`` added."""
    store = Store.open(path)
    try:
        fill_sample(store, nlp, articles)
    finally:
        store.close()
    return path


@pytest.fixture(scope="module")
def nlp() -> VietnameseNLP:
    return VietnameseNLP(components=())


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory, nlp: VietnameseNLP) -> Path:
    return build_sample_db(tmp_path_factory.mktemp("web") / "congdoan.duckdb", nlp)


@pytest.fixture(scope="module")
def client(sample_db: Path) -> TestClient:
    return TestClient(create_app(sample_db), base_url="http://127.0.0.1", raise_server_exceptions=False)


def test_highlights_view_has_one_row_per_item_with_offsets_into_its_sentence(sample_db: Path) -> None:
    store = Store.open(sample_db, read_only=True)
    try:
        rows = store.con.execute(
            "SELECT kind, label, item, sentence, item_start_in_sentence, item_end_in_sentence, unit FROM v_highlights"
        ).fetchall()
    finally:
        store.close()
    expected = sum(1 for a in SAMPLE_ARTICLES for m in a.marks
                   if m.kind in ("awards", "movements", "models") or m.fields.get("kind") in ("money", "count"))
    assert len(rows) == expected
    for kind, label, item, sentence, start, end, _ in rows:
        assert sentence[start:end] == item
    by_label = {r[1]: r for r in rows}
    by_item = {r[2]: r for r in rows}
    # an award without recipients is filed under the unit of its sentence, one with recipients under them
    assert by_item["tặng Bằng khen cho 15 tập thể và 20 cá nhân"][6] == "Tổng Liên đoàn Lao động Việt Nam"
    assert by_item[f"tặng Bằng khen cho {HAM_RONG} và {THO_XUAN}"][6] == HAM_RONG
    assert by_label["hơn 1,2 tỷ đồng"][6] == "Liên đoàn Lao động tỉnh Thanh Hóa"
    assert "95%" not in by_label  # percentages are not highlights


def feed_of(html: str) -> str:
    """The feed part of a page (the filter form lists award forms and provinces too)."""
    return html.split('<section class="feed">', 1)[1]


def test_home_lists_newest_first_with_marked_sentences(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200
    html = page.text
    assert '<html lang="vi">' in html and "Điểm nhấn mới nhất" in html
    feed = feed_of(html)
    assert feed.index("5.000 phần quà") < feed.index("Giấy khen") < feed.index("Cờ thi đua")
    assert '<mark class="hl hl-count hl-main"' in html


def test_one_card_per_statement(client: TestClient) -> None:
    html = feed_of(client.get("/", params={"province": "Thanh Hóa"}).text)
    sentence = "cho công nhân có hoàn cảnh khó khăn, tổng trị giá"
    assert html.count(sentence) == 1  # count and money of one sentence: one card listing both
    card = html[html.rindex("<article", 0, html.index(sentence)):]
    card = card[:card.index("</article>")]
    assert "badge-count" in card and "badge-money" in card
    assert card.count('class="hl hl-') == 2
    cards = feed_of(client.get("/").text).count('<article class="card')
    sentences = {(a.url, s) for a in SAMPLE_ARTICLES if a.published for m in a.marks
                 if m.kind in ("awards", "movements", "models") or m.fields.get("kind") in ("money", "count")
                 for s in [next(x for x in re.split(r"(?<=[.])\s+", a.body) if m.text in x)]}
    assert cards == len(sentences)


def test_filters_by_province_old_or_new_name_kind_and_dates(client: TestClient) -> None:
    merged = feed_of(client.get("/", params={"province": "TP Hồ Chí Minh"}).text)
    assert "Chuyến xe Công đoàn" in merged and "5.000 phần quà" in merged  # Bình Dương is in today's HCMC
    old = feed_of(client.get("/", params={"province": "Bình Dương"}).text)
    assert "Chuyến xe Công đoàn" in old and "5.000 phần quà" not in old
    assert feed_of(client.get("/", params={"province": "binh duong"}).text) == old  # found without accents
    awards = feed_of(client.get("/", params={"kind": "award"}).text)
    assert "Giấy khen" in awards and "3,5 tỷ đồng" not in awards
    week = feed_of(client.get("/", params={"from": "2024-05-27", "to": "2024-06-02"}).text)
    assert "Mái ấm Công đoàn" in week and "Cờ thi đua" not in week
    grassroots = feed_of(client.get("/", params={"level": "grassroots"}).text)
    assert "Bữa cơm Công đoàn" in grassroots and "Mái ấm" not in grassroots
    family = feed_of(client.get("/", params={"family": "Giấy khen"}).text)
    assert "Giấy khen cho 30 cá nhân" in family and "Bằng khen" not in family


@pytest.mark.parametrize("query", ["lien doan lao dong quang xuong", "Liên đoàn Lao động Quảng Xương", "LIEN DOAN quang XƯƠNG"])
def test_search_is_accent_and_case_insensitive(client: TestClient, query: str) -> None:
    html = client.get("/search", params={"q": query}).text
    assert "<strong>1</strong> bài viết" in html
    assert "tổng kết năm 2024</a></h2>" in html  # the title, its matched syllables marked
    assert '<mark class="hl hl-match" title="">Xương</mark>' in html


def _plain_syllables(text: str) -> set[str]:
    stripped = "".join(c for c in unicodedata.normalize("NFD", text.lower().replace("đ", "d")) if not unicodedata.combining(c))
    return set(re.findall(r"[a-z0-9]+", stripped))


def test_search_requires_every_term(client: TestClient) -> None:
    assert "<strong>0</strong> bài viết" in client.get("/search", params={"q": "mai am quang xuong"}).text
    html = client.get("/search", params={"q": "cong doan"}).text
    expected = [a for a in SAMPLE_ARTICLES if {"cong", "doan"} <= _plain_syllables(a.title + " " + a.body)]
    assert 0 < len(expected) < len(SAMPLE_ARTICLES)
    assert f"<strong>{len(expected)}</strong> bài viết" in html


def test_article_view_marks_every_extraction(client: TestClient, sample_db: Path) -> None:
    store = Store.open(sample_db, read_only=True)
    article_id = store.con.execute("SELECT article_id FROM articles WHERE url LIKE '%doi-moi%'").fetchone()[0]
    store.close()
    html = client.get(f"/article/{article_id}").text
    for kind in ("unit", "movement", "percent", "award"):
        assert f'class="ent ent-{kind}"' in html
    marks = next(a.marks for a in SAMPLE_ARTICLES if "doi-moi" in a.url)
    assert f"Nội dung trích xuất ({len(marks)})" in html


def test_unit_and_province_views(client: TestClient) -> None:
    unit_page = client.get("/unit", params={"name": "Liên đoàn Lao động tỉnh Thanh Hóa"}).text
    assert "1.200 suất quà" in unit_page and "<svg" in unit_page
    province = client.get("/province", params={"name": "Thanh Hóa"}).text
    assert province.count('class="bar bar-') >= 2 and "Số điểm nhấn mỗi tháng" in province


def test_exports_follow_the_filters(client: TestClient) -> None:
    response = client.get("/export.csv", params={"kind": "money"})
    assert response.headers["content-type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode("utf-8-sig"))))
    money = [m for a in SAMPLE_ARTICLES for m in a.marks if m.fields.get("kind") == "money"]
    assert len(rows) == len(money) and {r["Loại"] for r in rows} == {"Số tiền"}
    assert max(float(r["Giá trị"]) for r in rows) == 3.5e9
    book = load_workbook(io.BytesIO(client.get("/export.xlsx", params={"province": "Hà Giang"}).content))
    sheet = book.active
    values = list(sheet.values)
    assert values[0][0] == "Ngày" and len(values) == 1 + 3
    unit_column = values[0].index("Đơn vị")
    assert all(v[unit_column] == "Công đoàn Giáo dục tỉnh Hà Giang" for v in values[1:])


@pytest.mark.parametrize("path, params", [
    ("/", {"from": "2024-13-45"}),
    ("/", {"kind": "drop table"}),
    ("/", {"level": "x"}),
    ("/", {"page": "-1"}),
    ("/", {"from": "2024-06-02", "to": "2024-05-01"}),
    ("/article/abc", {}),
    ("/digest", {"week": "tuần 22"}),
    ("/unit", {}),
    ("/search", {"q": "x" * 300}),
])
def test_bad_parameters_get_a_vietnamese_400(client: TestClient, path: str, params: dict[str, str]) -> None:
    response = client.get(path, params=params)
    assert response.status_code == 400
    assert "Yêu cầu không hợp lệ" in response.text and "Traceback" not in response.text


def test_only_get_and_head_are_answered(client: TestClient) -> None:
    for method in ("POST", "PUT", "DELETE", "PATCH"):
        response = client.request(method, "/")
        assert response.status_code == 405 and response.headers["allow"] == "GET, HEAD"
    assert client.head("/").status_code == 200
    assert "script-src" not in client.get("/").headers["content-security-policy"]  # default-src 'none' forbids scripts


def test_missing_article_and_page_are_404(client: TestClient) -> None:
    assert client.get("/article/12345").status_code == 404
    assert "Không tìm thấy trang" in client.get("/khong-co").text


def test_missing_database_is_a_vietnamese_503(tmp_path: Path) -> None:
    response = TestClient(create_app(tmp_path / "none.duckdb"), base_url="http://127.0.0.1", raise_server_exceptions=False).get("/")
    assert response.status_code == 503 and "Chưa có dữ liệu" in response.text


def test_pages_keep_working_while_the_writer_publishes(tmp_path: Path, nlp: VietnameseNLP) -> None:
    db = build_sample_db(tmp_path / "congdoan.duckdb", nlp, SAMPLE_ARTICLES[:2])
    client = TestClient(create_app(db), base_url="http://127.0.0.1", raise_server_exceptions=False)
    before = client.get("/").text
    assert "5.000 phần quà" not in before and '<option value="TP Hồ Chí Minh"' not in before
    with writer(Workspace.for_db(db)) as store:
        fill_sample(store, nlp, SAMPLE_ARTICLES[2:])
        during = client.get("/")  # the writer holds its working copy, never the published file
        assert during.status_code == 200 and "5.000 phần quà" not in during.text
    after = client.get("/", params={"province": "TP Hồ Chí Minh"})
    assert after.status_code == 200 and "5.000 phần quà" in after.text
    assert '<option value="TP Hồ Chí Minh" selected>' in after.text  # filter choices follow the new file


def test_a_digest_is_built_once_per_published_file(tmp_path: Path, nlp: VietnameseNLP,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.digest import Digest

    db = build_sample_db(tmp_path / "congdoan.duckdb", nlp, SAMPLE_ARTICLES[:2])
    client = TestClient(create_app(db), base_url="http://127.0.0.1")
    builds = []
    build = Digest.build.__func__
    monkeypatch.setattr(Digest, "build", classmethod(lambda cls, *a, **k: builds.append(a[1:]) or build(cls, *a, **k)))
    first = client.get("/digest", params={"month": "2024-05"}).text
    assert client.get("/digest", params={"month": "2024-05"}).text == first and len(builds) == 1
    assert client.get("/digest", params={"month": "2024-05", "format": "docx"}).status_code == 200 and len(builds) == 1
    client.get("/digest", params={"month": "2024-05", "province": "Thanh Hóa"})
    assert len(builds) == 2  # another scope, another digest
    with writer(Workspace.for_db(db)) as store:
        fill_sample(store, nlp, SAMPLE_ARTICLES[2:])
    after = client.get("/digest", params={"month": "2024-05"}).text
    assert len(builds) == 3 and after != first  # a new file: built again, with the new articles


def test_the_latest_weeks_digest_is_built_in_advance(tmp_path: Path, nlp: VietnameseNLP,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from pipeline.digest import Digest
    from pipeline.web.app import Pages

    db = build_sample_db(tmp_path / "congdoan.duckdb", nlp)
    warmed, builds = threading.Event(), []
    warm, build = Pages._warm_digest, Digest.build.__func__
    monkeypatch.setattr(Pages, "_warm_digest", lambda self: (warm(self), warmed.set()))
    monkeypatch.setattr(Digest, "build", classmethod(lambda cls, *a, **k: builds.append(1) or build(cls, *a, **k)))
    client = TestClient(create_app(db, today=lambda: date(2024, 6, 15), warm_digest=True), base_url="http://127.0.0.1")
    assert client.get("/").status_code == 200 and warmed.wait(30) and len(builds) == 1
    assert "<h1>Tuần " in client.get("/digest").text and len(builds) == 1  # the latest week: already built


def _awards_table(html: str) -> list[list[str]]:
    body = html.split('<table class="award-table">', 1)[1].split("</tbody>", 1)[0]
    return [[re.sub(r"<[^>]+>", "", cell).strip() for cell in re.findall(r"<td[^>]*>(.*?)</td>", row, flags=re.S)]
            for row in re.findall(r"<tr>(.*?)</tr>", body, flags=re.S) if "<td" in row]


def test_awards_page_answers_which_grassroots_unions_of_a_province_got_a_bang_khen_in_a_month(client: TestClient) -> None:
    html = client.get("/awards", params={"province": "thanh hoa", "level": "grassroots", "family": "Bằng khen",
                                         "from": "2024-05-01", "to": "2024-05-31"}).text
    rows = _awards_table(html)
    assert sorted(r[2].split("  ")[0].strip() for r in rows) == sorted([HAM_RONG, THO_XUAN])
    assert all(r[0] == "29/05/2024" and r[1] == "Bằng khen" and r[3] == "1" for r in rows)
    assert all(r[4].startswith("LĐLĐ tỉnh, thành phố") for r in rows)  # cấp trao
    totals = html.split("Tổng theo đơn vị nhận", 1)[1]
    assert HAM_RONG in totals and NGA_SON not in totals
    # without the month, June's award comes in; without the family, the Giấy khen
    assert SUN_JADE in client.get("/awards", params={"province": "Thanh Hóa", "level": "grassroots"}).text
    assert HTK not in client.get("/awards", params={"province": "Thanh Hóa"}).text


def test_an_award_is_filed_under_its_recipients_and_listed_as_given_by_its_giver(client: TestClient) -> None:
    recipient = client.get("/unit", params={"name": HAM_RONG}).text
    assert "tặng Bằng khen cho" in recipient and "Đơn vị này trao" not in recipient
    giver = client.get("/unit", params={"name": LDLD_TH}).text
    assert giver.count("Đơn vị này trao") == 3  # Bằng khen and Giấy khen of May, Bằng khen of June
    assert "badge-given" in giver


def test_undated_articles_are_counted_apart_and_never_in_dated_views(client: TestClient, sample_db: Path) -> None:
    home = client.get("/").text
    assert "40 suất quà" not in feed_of(home).split("undated-note", 1)[-1]
    assert re.search(r"<strong>1</strong> điểm nhấn trong bài không rõ ngày", home)
    listed = client.get("/", params={"undated": "1"}).text
    assert "40 suất quà" in listed and "không rõ ngày" in listed and "<strong>1</strong> điểm nhấn" in listed
    assert "40 suất quà" not in client.get("/", params={"from": "2024-01-01", "to": "2100-12-31"}).text
    assert "40 suất quà" not in client.get("/export.csv").content.decode("utf-8-sig")
    def search(**params: str) -> str:
        return client.get("/search", params={"q": "suat qua", **params}).text

    anytime, undated, ranged = search(), search(undated="1"), search(**{"from": "2024-01-01"})
    title = "cho công nhân ngành điện</a>"  # the title, after its marked "Quà"
    assert title in anytime and title in undated and title not in ranged
    assert "<strong>1</strong> bài viết" in undated and "<strong>1</strong> bài viết" not in anytime
    with Store.open(sample_db, read_only=True) as store:
        dates = store.con.execute("SELECT date FROM v_highlights WHERE sentence LIKE '%40 suất quà%'").fetchall()
    assert dates == [(None,)]


def test_quoted_phrases_and_exact_accents(client: TestClient) -> None:
    def titles(q: str) -> list[str]:
        html = client.get("/search", params={"q": q}).text
        return [re.sub(r"<[^>]+>", "", t) for t in re.findall(r'<h2><a href="/article/\d+">(.*?)</a></h2>', html)]

    loose = titles("xanh dep")  # both words anywhere
    assert loose == ["LĐLĐ tỉnh Thanh Hóa khen thưởng công đoàn cơ sở vững mạnh"]
    assert titles('"xanh dep"') == []  # not as a phrase: "Xanh, sạch, đẹp"
    assert titles('"sach dep"') == loose  # punctuation between words still makes a phrase
    assert titles('"lao động giỏi"') == ["LĐLĐ tỉnh Thanh Hóa trao 1.200 suất quà cho công nhân"]
    html = client.get("/search", params={"q": '"mái ấm"'}).text
    assert '<mark class="hl hl-match" title="">Mái ấm</mark>' in html
    # the keyword box of the feed runs the same search
    feed = feed_of(client.get("/", params={"q": '"xanh dep"'}).text)
    assert "Không có điểm nhấn nào khớp bộ lọc" in feed


def test_exact_accents_rank_first(client: TestClient) -> None:
    html = client.get("/search", params={"q": "đồng"}).text
    titles = re.findall(r'<h2><a href="/article/\d+">', html)
    assert len(titles) >= 2
    first = html.split('<li class="result">', 2)[1]
    assert '<mark class="hl hl-match" title="">đồng</mark>' in first


def test_xlsx_download_is_complete_with_a_frozen_filtered_bold_header(client: TestClient) -> None:
    response = client.get("/export.xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    rows = list(sheet.values)
    dated_items = sum(1 for a in SAMPLE_ARTICLES if a.published for m in a.marks
                      if m.kind in ("awards", "movements", "models") or m.fields.get("kind") in ("money", "count"))
    assert len(rows) == 1 + dated_items
    assert sheet.freeze_panes == "A2" and sheet.auto_filter.ref == f"A1:{sheet.cell(1, sheet.max_column).column_letter}{len(rows)}"
    assert sheet["A1"].font.b and sheet.column_dimensions["D"].width >= 60
    header = rows[0]
    award = next(r for r in rows[1:] if r[header.index("Nội dung")] == "Giấy khen" and r[header.index("Đơn vị trao")])
    assert award[header.index("Đơn vị / cá nhân nhận")] == NGA_SON
    assert award[header.index("Hình thức khen")] == "Giấy khen" and award[header.index("Cấp trao")] == "LĐLĐ tỉnh, thành phố"
    awards = load_workbook(io.BytesIO(client.get("/awards.xlsx", params={"province": "Thanh Hóa"}).content)).active
    recipients = [r[3] for r in list(awards.values)[1:]]
    assert {HAM_RONG, THO_XUAN, NGA_SON, SUN_JADE} <= set(recipients)


def test_charts_show_no_future_month_and_readable_ticks(sample_db: Path) -> None:
    client = TestClient(create_app(sample_db, today=lambda: date(2024, 6, 15)), base_url="http://127.0.0.1")
    html = client.get("/province", params={"name": "TP Hồ Chí Minh"}).text
    chart_part = html.split('<figure class="chart">', 1)[1].split("</figure>", 1)[0]
    assert "08/2025" not in chart_part and "8/25" not in chart_part  # the August 2025 article lies after "today"
    assert "ghi ngày trong tương lai không vẽ" in html and "Số điểm nhấn" in html and ">Tháng</text>" in html
    ticks = re.findall(r'class="month" text-anchor="middle">([^<]+)<', client.get("/province", params={"name": "Thanh Hóa"}).text)
    assert ticks and len(ticks) == len(set(ticks))


def test_presets_pager_provinces_and_number_format(client: TestClient, sample_db: Path) -> None:
    today = date(2024, 5, 30)
    html = TestClient(create_app(sample_db, today=lambda: today), base_url="http://127.0.0.1").get("/").text
    for label, start in (("Tuần này", "2024-05-27"), ("Tháng này", "2024-05-01"), ("Quý này", "2024-04-01"),
                         ("Năm nay", "2024-01-01")):
        assert f'from={start}&amp;to=2024-05-30">{label}</a>' in html
    provinces = client.get("/provinces").text
    assert "Tỉnh/thành hiện nay (34)" in provinces and "Tên trước 1/7/2025 (63)" in provinces
    names = re.findall(r'<tr><td><a href="/province\?name=[^"]+">([^<]+)</a>', provinces.split("Tên trước", 1)[0])
    assert names.index("Đà Nẵng") < names.index("Đắk Lắk") < names.index("Điện Biên") < names.index("Gia Lai")
    assert "Đồng Nai" in names and names.index("Đồng Tháp") < names.index("Gia Lai")
    assert "<h1>TP Hồ Chí Minh</h1>" in client.get("/province", params={"name": "ho chi minh"}).text  # the data's name
    assert "<h1>Điện Biên</h1>" in client.get("/province", params={"name": "dien bien"}).text  # the gazetteer's
    assert ">1.200 suất quà<" in client.get("/").text or "1.200 suất quà" in client.get("/").text


def test_the_chart_adds_up_to_the_count_beside_it(client: TestClient) -> None:
    html = client.get("/province", params={"name": "Thanh Hóa"}).text
    count = int(re.search(r'<p class="count"><strong>([\d.]+)</strong>', html).group(1).replace(".", ""))
    bars = sum(int(n) for n in re.findall(r"<title>[^<]*: (\d+)</title></rect>", html))
    assert count == bars > 0
    assert f": {count} điểm nhấn (mỗi câu tính một lần" in html


# -- the derived card table (issue 15) ------------------------------------------------------------


def _table(con: Any, sql: str, params: dict[str, Any] | None = None) -> list[tuple]:
    return sorted(map(repr, con.execute(sql, params or {}).fetchall()))


def test_feed_cards_equal_their_query_and_are_rewritten_with_a_re_extraction(sample_db: Path, nlp: VietnameseNLP,
                                                                            tmp_path: Path) -> None:
    from pipeline.feed import KINDS, cards_sql, update_feed

    store = Store.open(sample_db, read_only=True)
    try:
        stored = _table(store.con, "SELECT * FROM feed_cards")
        assert stored == _table(store.con, cards_sql(False), {"kinds": KINDS})
        assert store.con.execute("SELECT count(*) FROM feed_cards").fetchone()[0] == store.con.execute(
            "SELECT count(*) FROM (SELECT DISTINCT article_id, sentence_start FROM highlights)").fetchone()[0]
    finally:
        store.close()
    # extracting an article again replaces its cards, not adds to them
    db = build_sample_db(tmp_path / "again.duckdb", nlp, SAMPLE_ARTICLES)
    store = Store.open(db)
    try:
        before = _table(store.con, "SELECT * FROM feed_cards")
        ids = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 2").fetchall()]
        update_feed(store.con, ids, replaced=True)
        assert _table(store.con, "SELECT * FROM feed_cards") == before
        # a database made before the table gets it filled by its migration
        store.con.execute("DROP TABLE feed_cards")
        store.con.execute("DELETE FROM schema_migrations WHERE name = '0010_feed_cards'")
    finally:
        store.close()
    store = Store.open(db)
    try:
        assert _table(store.con, "SELECT * FROM feed_cards") == before
        store.clear_extractions()
        assert store.con.execute("SELECT count(*) FROM feed_cards").fetchone()[0] == 0
    finally:
        store.close()


def test_feed_cards_rebuilt_in_stretches_keep_the_order_of_one_statement(sample_db: Path, tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline import feed

    db = tmp_path / "stretches.duckdb"
    shutil.copy(sample_db, db)
    store = Store.open(db)
    try:
        one = store.con.execute(f"SELECT * FROM ({feed.cards_sql(False)}) "
                                "ORDER BY date NULLS FIRST, article_id, sentence_start", {"kinds": feed.KINDS}).fetchall()
        monkeypatch.setattr(feed, "REBUILD_STRETCH", 2)  # several statements even on the sample
        feed.rebuild_feed(store.con)
        assert store.con.execute("SELECT * FROM feed_cards ORDER BY rowid").fetchall() == one
        assert len({row[0] for row in one}) > 2 * feed.REBUILD_STRETCH
    finally:
        store.close()


FILTER_CASES = [
    {}, {"province": "Hồ Chí Minh"}, {"province": "Bình Dương"}, {"kind": "award"}, {"level": "grassroots"},
    {"family": "Giấy khen"}, {"kind": "money", "province": "Thanh Hóa"}, {"kind": "award", "level": "province"},
    {"source": "laodong"}, {"date_from": date(2024, 5, 27), "date_to": date(2024, 6, 2)}, {"undated": True},
    {"q": "lien doan"}, {"q": "cong doan", "kind": "count", "date_from": date(2024, 1, 1)},
]


@pytest.mark.parametrize("case", FILTER_CASES, ids=lambda c: ",".join(c) or "none")
def test_card_filters_keep_the_cards_the_highlight_filters_keep(sample_db: Path, case: dict[str, Any]) -> None:
    from pipeline.web import filters as filters_, queries, readers

    filters = filters_.Filters(**case)
    units = {}
    with readers.connect(sample_db) as con:
        for name in ("unit",):  # a unit of the data, and one that gave an award
            units[name] = con.execute("SELECT any_value(unit) FROM highlights WHERE kind = 'award'").fetchone()[0]
        for f in (filters, dataclasses.replace(filters, unit=units["unit"])):
            where, params = f.where(con)
            direct = con.execute(f"SELECT DISTINCT h.article_id, h.sentence_start FROM {queries.HIGHLIGHTS} h "
                                 f"WHERE {where} ORDER BY ALL", params).fetchall()
            where, params = f.card_where(con)
            derived = con.execute(f"SELECT c.article_id, c.sentence_start FROM feed_cards c WHERE {where} "
                                  "ORDER BY ALL", params).fetchall()
            assert derived == direct, f


def test_a_search_of_common_words_ranks_the_most_recent_matches_and_says_so(sample_db: Path) -> None:
    from pipeline.search import SearchQuery
    from pipeline.web import matches, readers

    query = SearchQuery.parse("công đoàn")
    with readers.connect(sample_db) as con:
        exact = matches.register_matches(con, query)
        every = {r[0] for r in con.execute(f"SELECT article_id FROM {matches.MATCHES}").fetchall()}
        capped = matches.register_matches(con, query, cap=1)
        kept = {r[0] for r in con.execute(f"SELECT article_id FROM {matches.MATCHES}").fetchall()}
        dates = dict(con.execute("SELECT article_id, published_at FROM articles").fetchall())
    assert not exact.capped and exact.count == len(every) > 2
    assert capped.capped and kept and kept < every
    assert min(dates[i] for i in kept) >= max(dates[i] for i in every - kept if dates[i] is not None)


# -- the pages' shortcuts at a million articles: each gives what the plain query gives --------------

CHART_CASES = [{"province": "Thanh Hóa"}, {"province": "Hải Phòng"}, {"province": "Hải Dương"}, {"province": "Hà Giang"},
               {"kind": "money"}, {"kind": "count"}, {"kind": "model"}, {"level": "grassroots"},
               {"kind": "count", "province": "Thanh Hóa"}, {}]


@pytest.mark.parametrize("case", CHART_CASES, ids=lambda c: ",".join(f"{k}={v}" for k, v in c.items()) or "none")
def test_the_chart_counts_each_card_under_its_first_passing_kind(sample_db: Path, case: dict[str, Any]) -> None:
    """(Cards of several kinds are charted from their highlights; with a kind filter, not under their first kind.)"""
    from pipeline.web import filters as filters_, queries, readers
    from pipeline.web.templating import KIND_LABELS

    filters = filters_.Filters(**case)
    with readers.connect(sample_db) as con:
        where, params = filters.where(con)
        passing = con.execute(f"SELECT DISTINCT h.date, h.article_id, h.sentence_start, h.kind "
                              f"FROM {queries.HIGHLIGHTS} h WHERE {where}", params).fetchall()
        months = queries.monthly(con, filters, today=date(2024, 6, 15))
    first: dict[tuple[int, int], tuple[date, str]] = {}
    for day, article_id, start, kind in passing:
        known = first.get((article_id, start))
        if known is None or list(KIND_LABELS).index(kind) < list(KIND_LABELS).index(known[1]):
            first[(article_id, start)] = (day, kind)
    expected: dict[tuple[date, str], int] = {}
    for day, kind in first.values():
        if date(2024, 6, 1) >= day.replace(day=1):
            expected[(day.replace(day=1), kind)] = expected.get((day.replace(day=1), kind), 0) + 1
    charted = {(bar.month, kind): n for bar in months.bars for kind, n in bar.counts.items()}
    assert charted == expected and months.cards == len(first)


def test_the_newest_articles_window_starts_where_a_sort_of_them_says() -> None:
    import duckdb

    from pipeline.web import matches

    con = duckdb.connect()
    # several articles a day, some at the same time, some undated
    con.execute("""CREATE TABLE articles AS SELECT CASE WHEN i % 7 = 0 THEN NULL
                   ELSE TIMESTAMP '2024-05-01 08:00' + INTERVAL (i % 5) DAY + INTERVAL (i % 3) HOUR END AS published_at
                   FROM range(60) t(i)""")
    ranges = [("published_at IS NOT NULL", {}),
              ("published_at IS NOT NULL AND published_at >= $date_from", {"date_from": date(2024, 5, 2)})]
    for in_range, params in ranges:
        days = matches._days(con, in_range, params)
        total = sum(n for _, n in days)
        assert len(days) > 2 and total > 2 * len(days)
        for n in range(1, total + 1):
            expected = con.execute(f"SELECT min(published_at) FROM (SELECT published_at FROM articles "
                                   f"WHERE {in_range} ORDER BY published_at DESC LIMIT {n})", params).fetchone()[0]
            assert matches._nth_newest(con, in_range, params, days, n) == expected, (in_range, n)


def test_a_capped_keyword_filter_keeps_every_card_of_its_matches(sample_db: Path, monkeypatch: pytest.MonkeyPatch
                                                                 ) -> None:
    from functools import partial

    from pipeline.web import filters as filters_, matches, readers

    capped = partial(matches.register_matches, cap=2)
    monkeypatch.setattr(filters_, "register_matches", capped)
    with readers.connect(sample_db) as con:
        where, params = filters_.Filters(q="cong doan").card_where(con)
        kept = con.execute(f"SELECT article_id, sentence_start FROM feed_cards c WHERE {where} ORDER BY ALL",
                           params).fetchall()
        registered = capped(con, filters_.SearchQuery.parse("cong doan"))
        every = con.execute(f"SELECT article_id, sentence_start FROM feed_cards WHERE date IS NOT NULL AND article_id "
                            f"IN (SELECT article_id FROM {matches.MATCHES}) ORDER BY ALL").fetchall()
    assert "matched_since" in params and registered.since is not None
    assert kept == every and kept


def test_a_few_articles_looked_up_one_by_one_give_the_rows_of_their_list(sample_db: Path,
                                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.web import lookups, readers

    with readers.connect(sample_db) as con:
        ids = lookups.ArticleIds.of(r[0] for r in con.execute("SELECT article_id FROM highlights").fetchall())
        for limit in (len(ids.ids), 2):  # looked up; more than POINT_LOOKUPS: listed
            monkeypatch.setattr(lookups, "POINT_LOOKUPS", limit)
            for table in ("highlights", "amounts"):
                sql = f"SELECT * FROM {ids.looked_up(table)} ORDER BY ALL"
                assert ("$id0" in sql) == (limit > 2)
                listed = f"SELECT * FROM {ids.listed(table)} ORDER BY ALL"
                assert con.execute(sql, ids.params(sql)).fetchall() == con.execute(listed, ids.params(listed)).fetchall()
