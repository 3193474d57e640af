"""The extraction runner: pending articles only, re-extraction, and worker processes agree with one."""

from __future__ import annotations

from pathlib import Path

import pytest

from extract import extractor_version
from core.config import TESTS_GOLD_DIR, Workspace
from pipeline.extraction import extract_pending
from pipeline.importer import import_files
from core.records import Source
import pipeline.store as store_module
from pipeline.store import DERIVED_TABLES, EXTRACTION_TABLES
from pipeline.writer import writer

DOCS = sorted((TESTS_GOLD_DIR / "own").glob("*.txt"))[:12]
TABLES = ("units", "amounts", "awards", "movements", "models", "sentences", "highlights", "search_terms")


def rows(store, table: str) -> list[str]:
    return sorted(map(repr, store.con.execute(f"SELECT * FROM {table}").fetchall()))


@pytest.fixture()
def ws(tmp_path: Path) -> Workspace:
    ws = Workspace.for_db(tmp_path / "x.duckdb")
    with writer(ws) as store:
        store.upsert_sources([Source("t", "test", "import")])
        store.add_articles([r.article for r in import_files(DOCS, source="t")])
    return ws


@pytest.mark.slow
def test_two_workers_write_what_one_writes(ws: Workspace) -> None:
    with writer(ws) as store:
        first = extract_pending(store)
        assert first.articles == len(DOCS)
        one = {t: rows(store, t) for t in TABLES}
        assert extract_pending(store).articles == 0  # nothing pending any more
        again = extract_pending(store, everything=True, workers=2)
        assert again.articles == len(DOCS)
        two = {t: rows(store, t) for t in TABLES}
        versions = store.con.execute("SELECT DISTINCT extracted_with FROM articles").fetchall()
        meta = store.con.execute("SELECT value FROM meta WHERE key = 'extractor_version'").fetchone()[0]
    assert one == two
    assert all(one[t] for t in ("units", "amounts", "sentences", "search_terms"))
    assert versions == [(extractor_version(),)] and meta == extractor_version()


def test_a_stale_version_is_extracted_again(ws: Workspace) -> None:
    with writer(ws) as store:
        store.con.execute("UPDATE articles SET extracted_with = 'old'")
        store.con.execute("INSERT INTO units (article_id, name) SELECT article_id, 'stale' FROM articles")
        assert extract_pending(store).articles == len(DOCS)
        assert store.con.execute("SELECT count(*) FROM units WHERE name = 'stale'").fetchone()[0] == 0


@pytest.mark.parametrize("large_index", [False, True])
def test_re_extraction_writes_stale_articles_in_small_checkpointed_groups(
        ws: Workspace, large_index: bool, monkeypatch: pytest.MonkeyPatch) -> None:
    """Articles extracted before are rewritten in the batch's one transaction, or, when the word index
    is large (their rows lie all over it), a few per transaction, each group checkpointed; with the
    same rows as the first extraction either way."""
    if large_index:
        monkeypatch.setattr(store_module, "SCATTERED_DELETE_ROW_GROUPS", 0)
    with writer(ws) as store:
        extract_pending(store)
        first = {t: rows(store, t) for t in TABLES + ("feed_cards",)}
        stale = [r[0] for r in store.con.execute("SELECT article_id FROM articles ORDER BY article_id LIMIT 5").fetchall()]
        store.con.execute("UPDATE articles SET extracted_with = 'old' WHERE article_id IN ?", [stale])
        statements: list[str] = []
        con = store.con
        store.con = _Recording(con, statements)
        try:
            assert extract_pending(store).articles == 5
        finally:
            store.con = con
        again = {t: rows(store, t) for t in TABLES + ("feed_cards",)}
    assert again == first
    deletes = statements.count("DELETE FROM search_terms WHERE article_id IN ?")
    if large_index:
        assert deletes == statements.count("CHECKPOINT") == 3  # two articles, two, and one
    else:
        assert (deletes, statements.count("CHECKPOINT")) == (1, 0)


def test_clearing_for_extract_all_empties_the_tables_and_keeps_their_definitions(ws: Workspace) -> None:
    """``extract --all`` empties the extraction tables by re-creating them: columns, comments, views intact."""
    catalogue = ("SELECT t.table_name, t.sql, t.comment, list(c.comment ORDER BY c.column_index) FROM duckdb_tables() t "
                 "JOIN duckdb_columns() c USING (table_name) WHERE t.table_name IN ? GROUP BY ALL ORDER BY 1")
    tables = [*EXTRACTION_TABLES, *DERIVED_TABLES]
    with writer(ws) as store:
        extract_pending(store)
        before = store.con.execute(catalogue, [tables]).fetchall()
        assert store.con.execute("SELECT count(*) FROM v_highlights").fetchone()[0] > 0
        store.clear_extractions()
        after = store.con.execute(catalogue, [tables]).fetchall()
        counts = [store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables]
        assert store.con.execute("SELECT count(*) FROM v_highlights").fetchone()[0] == 0
        assert store.pending_count(extractor_version()) == len(DOCS)
    assert before == after and all(comment for _, _, comment, _ in after)
    assert counts == [0] * len(tables)


class _Recording:
    """A connection that records the statements it runs, and runs them."""

    def __init__(self, con, statements: list[str]) -> None:
        self._con, self._statements = con, statements

    def execute(self, sql: str, *args):
        self._statements.append(sql.strip())
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)
