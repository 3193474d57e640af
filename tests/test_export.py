"""`congdoan export`: one file per table and view; Parquet keeps types, CSV is safe for every tool."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from pipeline.export import BOM, export
from pipeline.store import Store
from tests.conftest import run_cli

BIG_ID = 1152921504606846975  # 2**60 - 1: more digits than a double keeps


@pytest.fixture(scope="module")
def small_store(tmp_path_factory: pytest.TempPathFactory):
    with Store.open(tmp_path_factory.mktemp("export") / "small.duckdb") as store:
        store.con.execute("INSERT INTO sources (source, name, kind) VALUES ('s', 'Nguồn', 'import')")
        store.con.execute("""INSERT INTO articles (article_id, url, source, title, body, content_hash, fetched_at)
                             VALUES (?, 'https://s.example/1', 's', '=HYPERLINK(\"x\")', 'Thân bài', 'h', now())""",
                          [BIG_ID])
        store.con.execute("""INSERT INTO units (article_id, name, level, mentions, unit_id)
                             VALUES (?, 'Liên đoàn Lao động tỉnh Nghệ An', 'province', ['LĐLĐ tỉnh', '-LĐLĐ'], 7)""",
                          [BIG_ID])
        yield store


def read_csv(path: Path, bom: bool = False) -> list[dict[str, str]]:
    raw = path.read_bytes()
    assert raw.startswith(BOM) == bom
    return list(csv.DictReader(raw[len(BOM) if bom else 0:].decode("utf-8").splitlines()))


def test_csv_writes_ids_as_quoted_text_and_joins_lists(small_store: Store, tmp_path: Path) -> None:
    export(small_store, tmp_path, "csv", names=["units", "articles"])
    row = read_csv(tmp_path / "units.csv")[0]
    assert row["article_id"] == str(BIG_ID) and row["unit_id"] == "7"
    assert row["mentions"] == "LĐLĐ tỉnh; -LĐLĐ"
    assert f'"{BIG_ID}"' in (tmp_path / "units.csv").read_text(encoding="utf-8")  # quoted: text, not a number
    assert read_csv(tmp_path / "articles.csv")[0]["title"] == '=HYPERLINK("x")'  # plain CSV keeps the text


def test_excel_csv_has_a_bom_text_ids_and_no_formulas(small_store: Store, tmp_path: Path) -> None:
    export(small_store, tmp_path, "csv", excel=True, names=["units", "articles"])
    row = read_csv(tmp_path / "units.csv", bom=True)[0]
    assert row["article_id"] == f'="{BIG_ID}"'
    assert row["mentions"] == "LĐLĐ tỉnh; -LĐLĐ"
    assert row["name"] == "Liên đoàn Lao động tỉnh Nghệ An"
    assert read_csv(tmp_path / "articles.csv", bom=True)[0]["title"] == '\'=HYPERLINK("x")'


def test_parquet_keeps_ids_and_lists(small_store: Store, tmp_path: Path) -> None:
    export(small_store, tmp_path, "parquet", names=["units"])
    table = pq.read_table(tmp_path / "units.parquet")
    assert table.column("article_id").to_pylist() == [BIG_ID]
    assert table.column("mentions").to_pylist() == [["LĐLĐ tỉnh", "-LĐLĐ"]]


def test_bad_requests_are_refused(small_store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="parquet or csv"):
        export(small_store, tmp_path, "xls")
    with pytest.raises(ValueError, match="--format csv"):
        export(small_store, tmp_path, "parquet", excel=True)
    with pytest.raises(ValueError, match="no table or view named nothing"):
        export(small_store, tmp_path, "csv", names=["nothing"])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_export_round_trips(demo_db: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / fmt
    run_cli("export", "--format", fmt, "--out", str(out), "--db", str(demo_db))
    con = duckdb.connect(str(demo_db), read_only=True)
    names = [r[0] for r in con.execute(
        "SELECT table_name FROM duckdb_tables() WHERE NOT internal AND table_name <> 'schema_migrations' "
        "UNION ALL SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()]
    assert {"articles", "units", "amounts", "awards", "v_awards", "v_money", "v_unit_activity", "v_highlights",
            "events", "event_mentions", "unit_registry", "v_events", "v_money_events", "v_coverage"} <= set(names)
    reader = "read_parquet" if fmt == "parquet" else "read_csv_auto"
    for name in names:
        path = out / f"{name}.{fmt}"
        assert path.is_file(), f"{path} was not written"
        written = duckdb.connect().execute(f"SELECT count(*) FROM {reader}(?)", [str(path)]).fetchone()[0]
        assert written == con.execute(f"SELECT count(*) FROM {name}").fetchone()[0], name
    assert con.execute("SELECT count(*) FROM articles").fetchone()[0] > 0


@pytest.mark.slow
def test_excel_export_of_chosen_views(demo_db: Path, tmp_path: Path) -> None:
    result = run_cli("export", "--format", "csv", "--excel", "--table", "v_money_events", "--table", "v_events",
                     "--out", str(tmp_path), "--db", str(demo_db))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["v_events.csv", "v_money_events.csv"]
    assert "v_events.csv" in result.stdout
    rows = read_csv(tmp_path / "v_money_events.csv", bom=True)
    assert rows and all(r["event_id"].startswith('="') for r in rows)


def test_unknown_format_is_refused(tmp_path: Path) -> None:
    result = run_cli("export", "--format", "xls", "--out", str(tmp_path), "--db", str(tmp_path / "none.duckdb"),
                     check=False)
    assert result.returncode == 1 and "parquet or csv" in result.stderr
