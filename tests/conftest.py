"""Shared fixtures: the demo database (built once per test session) and the shared folder."""

from __future__ import annotations

import importlib.util
import os
import subprocess
import sys
import unicodedata
from pathlib import Path
from typing import Any

import pytest

from core.config import ROOT, SHARED_DIR

CONGDOAN = [sys.executable, "-c", "from pipeline.cli import main; main()"]


def run_cli(*args: str, env: dict[str, str] | None = None, timeout: float = 600,
            check: bool = True) -> subprocess.CompletedProcess:
    """Run the congdoan CLI in a fresh process, as a user would."""
    result = subprocess.run(
        [*CONGDOAN, *args], cwd=ROOT, capture_output=True, text=True, timeout=timeout,
        env={**os.environ, "COLUMNS": "200", **(env or {})},
    )
    if check and result.returncode != 0:
        raise AssertionError(f"congdoan {' '.join(args)} exited {result.returncode}:\n{result.stdout}\n{result.stderr}")
    return result


SHAPE_MARKS = "\u0302\u0306\u031b"  # circumflex, breve, horn: precomposed in Windows-1258


def to_cp1258(text: str) -> bytes:
    """Vietnamese in Windows-1258, as old sites serve it: shaped letters precomposed, tone marks combining."""
    out = bytearray()
    for ch in unicodedata.normalize("NFC", text):
        try:
            out += ch.encode("cp1258")
            continue
        except UnicodeEncodeError:
            pass
        base, *marks = unicodedata.normalize("NFD", ch)
        shape = "".join(m for m in marks if m in SHAPE_MARKS)
        tone = "".join(m for m in marks if m not in SHAPE_MARKS)
        out += unicodedata.normalize("NFC", base + shape).encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


@pytest.fixture(scope="session")
def units_amounts_nlp() -> Any:
    """The NLP with the units and amounts components only (the import rounds' tests), loaded once."""
    import extract.amounts
    import extract.units
    from extract.nlp import VietnameseNLP

    assert extract.units.UnitsComponent and extract.amounts.AmountsComponent  # imported: registered
    return VietnameseNLP(components=("congdoan_units", "congdoan_amounts"))


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"../shared is absent ({SHARED_DIR}): the seeds and the shared gold are not available")
    return SHARED_DIR


GENERATED_ARTICLES = 20_000


@pytest.fixture(scope="session")
def generated_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database of 20,000 generated articles with rows in every table (bench/generate_db.py), made once."""
    spec = importlib.util.spec_from_file_location("generate_db", ROOT / "bench" / "generate_db.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    db = tmp_path_factory.mktemp("generated") / "generated.duckdb"
    module.build_database(db, GENERATED_ARTICLES)
    return db


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `congdoan demo`: sample sites crawled over loopback and extracted."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run_cli("demo", "--db", str(db))
    return db
