"""Accent folding, the word index written at extraction time, and the ranked AND search over it."""

from __future__ import annotations

import unicodedata
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import extraction_from_doc
from pipeline.extraction import analysed_text
from core.records import Article
from extract.terms import fold, syllables, term_rows
from pipeline.search import SearchQuery, ranked_matches
from pipeline.store import PendingArticle, Store


@pytest.mark.parametrize("text, folded", [
    ("Liên đoàn Lao động", "lien doan lao dong"),
    ("ĐẮK LẮK", "dak lak"),
    ("Tổng LĐLĐ Việt Nam", "tong ldld viet nam"),
    ("Quỹ “Mái ấm Công đoàn”: 1,2 tỷ", "quy “mai am cong doan”: 1,2 ty"),
])
def test_fold_lowercases_strips_diacritics_and_maps_d_bar(text: str, folded: str) -> None:
    assert fold(text) == folded


@given(st.text())
def test_fold_keeps_length_and_is_idempotent(text: str) -> None:
    assert len(fold(text)) == len(text)
    assert fold(fold(text)) == fold(text)


def test_fold_treats_decomposed_input_like_composed() -> None:
    decomposed = unicodedata.normalize("NFD", "Thanh Hóa")
    assert syllables(decomposed) == syllables("Thanh Hóa") == ["thanh", "hoa"]


def test_term_rows_hold_whole_words_and_syllables_with_hits() -> None:
    rows = {r["term"]: r for r in term_rows(["Công đoàn", "Thanh Hóa"], ["Liên đoàn", "Lao động", "tỉnh", "Thanh Hóa", "."])}
    assert rows["lien doan"] == {"term": "lien doan", "title_hits": 0, "body_hits": 1}
    assert rows["doan"] == {"term": "doan", "title_hits": 1, "body_hits": 1}
    assert rows["thanh hoa"] == {"term": "thanh hoa", "title_hits": 1, "body_hits": 1}
    assert rows["cong doan"]["title_hits"] == 1 and rows["hoa"]["title_hits"] == 1
    assert "." not in rows and "tinh" in rows


def test_query_parsing_and_match_spans() -> None:
    query = SearchQuery.parse("Liên đoàn  lien DOAN, lao động")
    assert query.syllables == ("lien", "doan", "lao", "dong")
    assert "lien doan" in query.words and "lao dong" in query.words
    text = "Đoàn viên Liên đoàn"
    assert [text[a:b] for a, b in query.spans(text)] == ["Đoàn", "Liên", "đoàn"]
    assert not SearchQuery.parse(" ,.;- ")


@pytest.fixture(scope="module")
def search_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Five articles through segmentation and extract.records: the index is the one extraction writes."""
    nlp = VietnameseNLP(components=())
    texts = [
        ("a", "2024-05-01", "Hội nghị công đoàn", "Liên đoàn Lao động tỉnh Nghệ An tổ chức hội nghị. Liên đoàn Lao động tỉnh trao quà."),
        ("b", "2024-05-02", "Tin ngắn", "Liên đoàn Lao động tỉnh Nghệ An thăm công nhân."),
        ("c", "2024-05-03", "Tin ngắn", "Đoàn viên ở Nghệ An được hỗ trợ lao động liên tục."),
        ("d", "2022-01-01", "Tin cũ", "Liên đoàn Lao động tỉnh Nghệ An thăm công nhân."  " Họ gặp gỡ đoàn viên."),
        ("e", "2024-05-04", "Đà Nẵng", "Liên đoàn Lao động thành phố Đà Nẵng trao quà."),
    ]
    db = tmp_path_factory.mktemp("search") / "congdoan.duckdb"
    store = Store.open(db)
    articles = [Article(f"https://x.example/{key}", "x", title, body, datetime(2025, 1, 1), datetime.fromisoformat(day))
                for key, day, title, body in texts]
    store.add_articles(articles)
    extractions = []
    for a in articles:  # as pipeline.extraction.analyse does: the title, a blank line, the body
        text, body_start = analysed_text(PendingArticle(a.article_id, a.title, a.body, "x", a.published_at, None))
        extractions.append(extraction_from_doc(nlp.make_doc(text, ArticleContext(title=a.title)), a.article_id, "test",
                                               body_start))
    store.replace_extractions(extractions)
    store.close()
    return db


def ranked(db: Path, text: str) -> list[str]:
    store = Store.open(db, read_only=True)
    try:
        store.con.register("m", ranked_matches(store.con, SearchQuery.parse(text)))
        rows = store.con.execute("SELECT a.url FROM m JOIN articles a USING (article_id) ORDER BY m.score DESC").fetchall()
    finally:
        store.close()
    return [url.rsplit("/", 1)[1] for url, in rows]


def test_search_needs_every_syllable_accents_or_not(search_db: Path) -> None:
    assert set(ranked(search_db, "nghe an")) == {"a", "b", "c", "d"}
    assert ranked(search_db, "Đà Nẵng") == ranked(search_db, "da nang") == ["e"]
    assert ranked(search_db, "nghe an da nang") == []


def test_search_ranks_hits_then_whole_words_then_recency(search_db: Path) -> None:
    order = ranked(search_db, "lien doan lao dong nghe an")
    assert order[0] == "a"  # twice the hits
    assert order.index("b") < order.index("d")  # same text, newer first
    assert order.index("b") < order.index("c")  # "liên đoàn lao động" as words beats scattered syllables


def test_extraction_writes_the_index_for_the_title_too(search_db: Path) -> None:
    assert ranked(search_db, "hoi nghi cong doan") == ["a"]
    assert ranked(search_db, "tin ngan") == ["c", "b"]


def test_compact_index_in_stretches_equals_one_sort(tmp_path: Path) -> None:
    """Sorted stretch by stretch, the index holds the same rows in the order of one full sort."""
    import random

    from pipeline.search import compact_index, stretch_bounds

    rng = random.Random(5)
    syllables_ = ["lien", "doan", "lao", "dong", "cong", "nhan", "tinh", "nghe", "an", "da", "nang", "á", "z", ""]
    rows = {(article, " ".join(rng.sample(syllables_, rng.randint(1, 2))).strip() or "x")
            for article in range(300) for _ in range(rng.randint(1, 8))}
    rows_list = [(a, t, rng.randint(0, 3), rng.randint(0, 9)) for a, t in rows]
    rng.shuffle(rows_list)
    store = Store.open(tmp_path / "congdoan.duckdb")
    store.con.executemany("INSERT INTO search_terms VALUES (?, ?, ?, ?)", rows_list)
    expected = store.con.execute("SELECT * FROM search_terms ORDER BY term, article_id").fetchall()
    assert len(stretch_bounds(store.con, 40)) > 5
    compact_index(store.con, stretch_rows=40)
    assert store.con.execute("SELECT * FROM search_terms ORDER BY rowid").fetchall() == expected
    assert not store.con.execute("SELECT count(*) FROM duckdb_tables() WHERE table_name = 'search_terms_sorted'").fetchone()[0]
    compact_index(store.con)  # one stretch: the same order
    assert store.con.execute("SELECT * FROM search_terms ORDER BY rowid").fetchall() == expected
    store.close()
