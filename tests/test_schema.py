"""The schema: named migrations, the contract's tables and columns, and a comment on every column."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from pipeline.schema_doc import SCHEMA_DOC, render_fresh
from pipeline.store import Store, migrations

CONTRACT = {
    "sources": ["source", "name", "base_url", "province", "kind"],
    "articles": ["article_id", "url", "source", "title", "published_at", "byline", "body", "content_hash",
                 "fetched_at", "extracted_with"],
    "units": ["article_id", "name", "level", "province", "province_now", "mentions", "start_char", "end_char"],
    "amounts": ["article_id", "text", "kind", "value", "value_max", "currency", "unit", "per", "qualifier",
                "start_char", "end_char", "sentence"],
    "awards": ["article_id", "text", "form", "awarder", "recipients", "recipient_count", "recipient_kind",
               "occasion", "start_char", "end_char"],
    "sentences": ["article_id", "idx", "text", "words", "pos"],
    "crawl_runs": ["run_id", "started_at", "finished_at", "status"],
}
TYPES = {
    ("articles", "published_at"): "TIMESTAMP",
    ("units", "mentions"): "VARCHAR[]",
    ("amounts", "value"): "DOUBLE",
    ("amounts", "value_max"): "DOUBLE",
    ("awards", "recipients"): "VARCHAR[]",
    ("sentences", "words"): "VARCHAR[]",
    ("sentences", "pos"): "VARCHAR[]",
}


@pytest.fixture()
def store(tmp_path: Path):
    with Store.open(tmp_path / "schema.duckdb") as s:
        yield s


def columns(store: Store) -> dict[tuple[str, str], str]:
    rows = store.con.execute(
        "SELECT table_name, column_name, data_type FROM duckdb_columns() WHERE NOT internal"
    ).fetchall()
    return {(t, c): ty for t, c, ty in rows}


def test_contract_tables_and_columns(store: Store) -> None:
    have = columns(store)
    for table, cols in CONTRACT.items():
        for col in cols:
            assert (table, col) in have, f"{table}.{col} is missing"
    for key, expected in TYPES.items():
        assert have[key] == expected, f"{key}: {have[key]} != {expected}"


def test_migrations_are_recorded_once(tmp_path: Path) -> None:
    path = tmp_path / "m.duckdb"
    with Store.open(path) as first:
        assert first.applied_migrations() == [m.name for m in migrations()]
    with Store.open(path) as second:  # reopening applies nothing again
        assert second.migrate() == []
        assert second.applied_migrations() == [m.name for m in migrations()]


def test_migration_names_are_numbered_and_unique() -> None:
    names = [m.name for m in migrations()]
    assert names == sorted(names)
    assert len({n.split("_", 1)[0] for n in names}) == len(names)
    assert all(n.split("_", 1)[0].isdigit() for n in names)


def test_every_table_view_and_column_has_a_comment(store: Store) -> None:
    missing = store.con.execute(
        """SELECT table_name || '.' || column_name FROM duckdb_columns()
           WHERE NOT internal AND (comment IS NULL OR comment = '')
           UNION ALL
           SELECT table_name FROM duckdb_tables() WHERE NOT internal AND (comment IS NULL OR comment = '')
           UNION ALL
           SELECT view_name FROM duckdb_views() WHERE NOT internal AND (comment IS NULL OR comment = '')"""
    ).fetchall()
    assert not missing, f"no comment on: {sorted(m[0] for m in missing)}"


def test_a_failing_migration_leaves_no_trace(tmp_path: Path) -> None:
    folder = tmp_path / "migrations"
    folder.mkdir()
    (folder / "0001_ok.sql").write_text("CREATE TABLE a (x INTEGER); COMMENT ON TABLE a IS 'a';")
    (folder / "0002_broken.sql").write_text("CREATE TABLE b (y INTEGER); SELECT * FROM no_such_table;")
    con = duckdb.connect(str(tmp_path / "broken.duckdb"))
    with pytest.raises(duckdb.Error):
        Store(con).migrate(folder)
    assert con.execute("SELECT name FROM schema_migrations").fetchall() == [("0001_ok",)]
    assert not con.execute("SELECT * FROM duckdb_tables() WHERE table_name = 'b'").fetchall()


def test_schema_doc_is_current() -> None:
    assert SCHEMA_DOC.read_text(encoding="utf-8") == render_fresh(), (
        "docs/schema.md is stale: run `python -m pipeline.schema_doc`"
    )
