"""`congdoan export` writes one file per table and view, and the files read back whole."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from tests.conftest import run_cli

pytestmark = pytest.mark.slow


@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_round_trips(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    run_cli("export", "--format", fmt, "--out", str(out), "--db", str(demo_db))
    con = duckdb.connect(str(demo_db), read_only=True)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> 'schema_migrations' "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    assert {"articles", "units", "amounts", "awards", "v_awards", "v_money", "v_unit_activity",
            "v_highlights"} <= set(names)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    for name in names:
        path = out / f"{name}.{fmt}"
        assert path.is_file(), f"{path} was not written"
        written = duckdb.connect().execute(f"SELECT count(*) FROM {reader}(?)", [str(path)]).fetchone()[0]
        assert written == con.execute(f"SELECT count(*) FROM {name}").fetchone()[0], name
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


def test_unknown_format_is_refused(demo_db: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "xls", "--out", str(tmp_path), "--db", str(demo_db), check=False)
    assert result.returncode == 1 and "parquet or csv" in result.stderr
