"""The log file beside the database rotates, and a run leaves its trail in it."""

from __future__ import annotations

import logging
from pathlib import Path

from core.config import Workspace
from pipeline.logs import BACKUPS, setup_logging


def test_the_log_rotates_and_keeps_a_bounded_number_of_files(tmp_path: Path) -> None:
    ws = Workspace.for_db(tmp_path / "x.duckdb")
    path = setup_logging(ws, max_bytes=500)
    root = logging.getLogger()
    try:
        for i in range(200):
            logging.getLogger("congdoan.test").info("line %d of a long nightly run", i)
    finally:
        for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
            root.removeHandler(handler)
            handler.close()
    files = sorted(p.name for p in ws.log_dir.iterdir())
    assert "congdoan.log" in files and "congdoan.log.1" in files
    assert len(files) == BACKUPS + 1
    assert "line 199" in path.read_text(encoding="utf-8")
