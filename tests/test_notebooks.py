"""The notebooks: kept in git without outputs, each quoting its quality figures and saying when it has no
data, and each running top to bottom on the demo database and on a generated 20,000-article one."""

from __future__ import annotations

from pathlib import Path

import nbformat
import pytest
from nbclient import NotebookClient

from core.config import NOTEBOOKS_DIR
from pipeline.analysis import quality_figures

NOTEBOOKS = sorted(NOTEBOOKS_DIR.glob("*.ipynb"))


def source(path: Path) -> str:
    return "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")


def test_notebooks_are_named_and_stripped() -> None:
    assert len(NOTEBOOKS) >= 5
    for path in NOTEBOOKS:
        number, _, topic = path.stem.partition("-")
        major, _, minor = number.partition(".")
        assert major.isdigit() and minor.isdigit() and topic, f"{path.name} is not named N.N-topic.ipynb"
        book = nbformat.read(path, as_version=4)
        for cell in book.cells:
            if cell.cell_type == "code":
                assert not cell.outputs and cell.execution_count is None, f"{path.name} has outputs: strip them"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_every_notebook_quotes_quality_and_handles_no_data(path: Path) -> None:
    code = source(path)
    assert "quality_note(" in code and "no_data(" in code, path.name
    topics = code.split("quality_note(", 1)[1].split(")", 1)[0]
    for topic in (t.strip().strip("\"'") for t in topics.split(",")):
        assert topic in quality_figures(), f"{path.name} quotes an unknown quality topic {topic!r}"


def run_notebook(path: Path, db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> nbformat.NotebookNode:
    monkeypatch.setenv("CONGDOAN_DB", str(db))
    monkeypatch.setenv("MPLBACKEND", "Agg")
    book = nbformat.read(path, as_version=4)
    # The kernel inherits this process's environment, CONGDOAN_DB included.
    NotebookClient(book, timeout=600, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}).execute()
    return book


def outputs(book: nbformat.NotebookNode) -> list[dict]:
    return [o for c in book.cells if c.cell_type == "code" for o in c.outputs]


@pytest.mark.slow
@pytest.mark.parametrize("database", ["demo_db", "generated_db"])
@pytest.mark.parametrize("path", NOTEBOOKS, ids=[p.stem for p in NOTEBOOKS])
def test_notebook_runs(path: Path, database: str, request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch,
                       tmp_path: Path) -> None:
    book = run_notebook(path, request.getfixturevalue(database), tmp_path, monkeypatch)
    shown = outputs(book)
    assert any("image/png" in o.get("data", {}) for o in shown), f"{path.name} drew no plot"
    quoted = [o for o in shown if "Extraction quality behind these numbers" in o.get("data", {}).get("text/markdown", "")]
    assert quoted, f"{path.name} does not show its quality figures"
    assert not [o for o in shown if o.get("output_type") == "error"]


@pytest.mark.slow
def test_a_notebook_says_plainly_when_it_has_no_data(tmp_path: Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    """An empty database (migrated, nothing stored): every notebook runs and says it has no data."""
    from pipeline.store import Store

    empty = tmp_path / "empty.duckdb"
    Store.open(empty).close()
    for path in NOTEBOOKS:
        shown = outputs(run_notebook(path, empty, tmp_path, monkeypatch))
        said = "".join(o.get("data", {}).get("text/markdown", "") for o in shown)
        assert "**No data:**" in said, f"{path.name} does not say it has no data"
