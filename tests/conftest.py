"""Shared fixtures: the demo database (built once per test session) and the shared folder."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from pipeline.config import ROOT, SHARED_DIR

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


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    if not SHARED_DIR.is_dir():
        pytest.skip(f"../shared is absent ({SHARED_DIR}): the seeds and the shared gold are not available")
    return SHARED_DIR


@pytest.fixture(scope="session")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database filled by `congdoan demo`: sample sites crawled over loopback and extracted."""
    db = tmp_path_factory.mktemp("demo") / "demo.duckdb"
    run_cli("demo", "--db", str(db))
    return db
