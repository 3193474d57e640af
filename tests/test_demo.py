"""`congdoan demo`: the embedded default end to end, as a new user runs it."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from crawl.registry import load_registry
from core.config import SAMPLE_SITES_DIR
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def one(con: duckdb.DuckDBPyConnection, sql: str):
    return con.execute(sql).fetchone()[0]


def test_demo_fills_the_database(demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    assert one(con, "SELECT count(*) FROM articles") >= 20
    assert one(con, "SELECT count(DISTINCT source) FROM articles") >= 5
    assert one(con, "SELECT avg((published_at IS NOT NULL)::INT) FROM articles") >= 0.8
    for table in ("units", "amounts", "awards", "sentences", "movements", "models"):
        assert one(con, f"SELECT count(*) FROM {table}") > 0, f"{table} is empty"
    assert one(con, "SELECT count(*) FROM articles WHERE extracted_with IS NULL") == 0
    assert one(con, "SELECT count(*) FROM crawl_runs WHERE status = 'ok'") >= 1


def test_no_teaser_or_listing_is_stored_as_an_article(demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    titles = {r[0] for r in con.execute("SELECT title FROM articles").fetchall()}
    bodies = [r[0] for r in con.execute("SELECT body FROM articles").fetchall()]
    for site in (s for s in load_registry().values() if s.kind == "sample"):
        expected = json.loads((SAMPLE_SITES_DIR / site.sample_dir / "expected.json").read_text(encoding="utf-8"))
        for teaser in expected["_teasers"]:
            assert teaser not in titles
            assert not any(teaser in body for body in bodies), f"teaser {teaser!r} inside a stored body"
        stored = {r[0] for r in con.execute("SELECT url FROM articles WHERE source = ?", [site.source]).fetchall()}
        assert stored == {site.base_url + k for k in expected if not k.startswith("_")}


def test_demo_again_adds_nothing(demo_db: Path, tmp_path: Path) -> None:
    copy = tmp_path / "again.duckdb"
    copy.write_bytes(demo_db.read_bytes())
    before = duckdb.connect(str(copy), read_only=True).execute("SELECT count(*) FROM articles").fetchone()[0]
    result = run_cli("demo", "--db", str(copy))
    con = duckdb.connect(str(copy), read_only=True)
    assert one(con, "SELECT count(*) FROM articles") == before
    assert one(con, "SELECT sum(articles_new) FROM crawl_site_runs WHERE run_id = "
                    "(SELECT max(run_id) FROM crawl_runs)") == 0
    assert "Top highlights" in result.stdout
