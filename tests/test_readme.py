"""The README's first queries run on the demo database and answer something."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from pipeline.config import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
SECTION = README.split("## First queries", 1)[-1].split("\n## ", 1)[0] if "## First queries" in README else ""
QUERIES = re.findall(r"```sql\n(.*?)```", SECTION, flags=re.S)


def test_the_readme_has_five_first_queries() -> None:
    assert len(QUERIES) >= 5, "README.md needs a 'First queries' section with five SQL queries"


@pytest.mark.slow
@pytest.mark.parametrize("sql", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_readme_query_answers_on_the_demo_database(sql: str, demo_db: Path) -> None:
    con = duckdb.connect(str(demo_db), read_only=True)
    rows = con.execute(sql).fetchall()
    assert rows, f"no answer on the demo database:\n{sql}"
