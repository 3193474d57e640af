"""Generate docs/schema.md from the comments the migrations put on every table, view and column."""

from __future__ import annotations

from pathlib import Path

import duckdb

from core.config import DOCS_DIR
from pipeline.store import Store

SCHEMA_DOC = DOCS_DIR / "schema.md"
HEADER = """# Database schema

Generated from the database's own comments (`COMMENT ON` in `pipeline/migrations/`) by
`python -m pipeline.schema_doc`; a test fails when this file is stale. The same text is in
`duckdb_tables()`, `duckdb_views()` and `duckdb_columns()` of every congdoan database.
"""


def _cell(text: str | None) -> str:
    return (text or "").replace("|", "\\|")


def render(store: Store) -> str:
    objects = store.con.execute(
        """SELECT table_name, 'table', comment FROM duckdb_tables() WHERE NOT internal
           UNION ALL SELECT view_name, 'view', comment FROM duckdb_views() WHERE NOT internal
           ORDER BY 2, 1"""
    ).fetchall()
    columns = store.con.execute(
        """SELECT table_name, column_name, data_type, comment FROM duckdb_columns()
           WHERE NOT internal ORDER BY table_name, column_index"""
    ).fetchall()
    migrations = ", ".join(f"`{m}`" for m in store.applied_migrations())
    parts = [HEADER, f"Migrations: {migrations}.\n"]
    for name, kind, comment in objects:
        parts.append(f"## {name} ({kind})\n\n{comment or ''}\n\n| column | type | meaning |\n|---|---|---|")
        parts.extend(
            f"| `{col}` | {dtype} | {_cell(text)} |" for table, col, dtype, text in columns if table == name
        )
        parts.append("")
    return "\n".join(parts)


def render_fresh() -> str:
    """The schema document of a new, fully migrated in-memory database."""
    with Store(duckdb.connect(":memory:")) as store:
        store.migrate()
        return render(store)


def main(path: Path = SCHEMA_DOC) -> None:
    path.write_text(render_fresh(), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
