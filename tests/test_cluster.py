"""`congdoan extract --all --engine dask` on a local cluster of two workers gives the rows of a single process."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipeline.store import EXTRACTION_TABLES
from tests.conftest import run_cli

pytestmark = pytest.mark.slow


def tables(db: Path) -> dict[str, list[str]]:
    """Every extraction table, every column, order-independent; and the articles' versions."""
    with duckdb.connect(str(db), read_only=True) as con:
        out = {t: sorted(map(repr, con.execute(f"SELECT * FROM {t}").fetchall())) for t in EXTRACTION_TABLES}
        out["articles"] = sorted(map(repr, con.execute("SELECT article_id, extracted_with FROM articles").fetchall()))
    return out


def test_dask_cluster_of_two_workers_writes_the_rows_of_one_process(demo_db: Path, tmp_path: Path) -> None:
    single, cluster = tmp_path / "single.duckdb", tmp_path / "cluster.duckdb"
    shutil.copy2(demo_db, single)
    shutil.copy2(demo_db, cluster)
    with duckdb.connect(str(cluster)) as con:  # the cluster run starts from nothing extracted
        for table in EXTRACTION_TABLES:
            con.execute(f"DELETE FROM {table}")
        con.execute("UPDATE articles SET extracted_with = NULL")
    articles = len(tables(demo_db)["articles"])
    assert f"Extracted {articles} article(s)" in run_cli("extract", "--all", "--db", str(single)).stdout
    result = run_cli("extract", "--all", "--engine", "dask", "--workers", "2", "--db", str(cluster))
    assert f"Extracted {articles} article(s)" in result.stdout
    assert "on 2 worker(s)" in result.stdout  # both workers of the local cluster took batches
    expected, got = tables(single), tables(cluster)
    assert all(expected[t] for t in ("units", "amounts", "sentences", "search_terms"))
    for table in expected:
        assert got[table] == expected[table], table
    assert not (tmp_path / "cluster.duckdb.staging").exists()  # the Parquet parts are cleaned up


def test_engine_options_are_checked(tmp_path: Path) -> None:
    db = str(tmp_path / "x.duckdb")
    bad = run_cli("extract", "--engine", "ray", "--db", db, check=False)
    assert bad.returncode == 1 and "--engine must be local or dask" in bad.stderr
    bad = run_cli("extract", "--address", "tcp://127.0.0.1:1", "--db", db, check=False)
    assert bad.returncode == 1 and "--address needs --engine dask" in bad.stderr
