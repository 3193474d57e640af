"""The README's first queries run on the demo database and give the answers the README prints."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from core.config import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## First queries", 1)[-1].split("\n## ", 1)[0] if "## First queries" in README else ""
QUERIES = re.findall(r"```sql\n(.*?)```", SECTION, flags=re.S)
ANSWERS = re.findall(r"((?:^\|.*\|\n)+)", SECTION, flags=re.M)


def cell(value: object) -> str:
    if isinstance(value, list):
        return ", ".join(value) if value else "—"
    if value is None:
        return "—"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)


def as_markdown(cursor: duckdb.DuckDBPyConnection) -> str:
    columns = [c[0] for c in cursor.description]
    lines = ["| " + " | ".join(columns) + " |", "|" + "---|" * len(columns)]
    lines += ["| " + " | ".join(cell(v) for v in row) + " |" for row in cursor.fetchall()]
    return "\n".join(lines) + "\n"


def test_the_readme_has_five_first_queries_with_answers() -> None:
    assert len(QUERIES) >= 5, "README.md needs a 'First queries' section with five SQL queries"
    assert len(ANSWERS) == len(QUERIES), "every first query needs its answer table"


@pytest.mark.slow
@pytest.mark.parametrize("index", range(len(QUERIES)), ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_readme_answers_are_those_of_the_demo_database(index: int, demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    got = as_markdown(con.execute(QUERIES[index]))
    assert got == ANSWERS[index], f"README answer {index + 1} is stale; the demo database answers:\n{got}"
