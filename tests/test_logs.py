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


def test_a_crawl_logs_no_debug_records(tmp_path: Path) -> None:
    """Scrapy resets the root logger when a crawl starts; its DEBUG records (an article's whole
    item per page) must still stay out of the file."""
    from sites_fixtures.crawl_runner import run_crawl
    from crawl.sample_server import SampleServer

    fixtures = Path(__file__).parent / "sites_fixtures"
    db = tmp_path / "congdoan.duckdb"
    with SampleServer(fixtures / "tiny") as server:
        [row] = run_crawl(db, fixtures / "sites", {"tiny-site": server.origin}, run_id="r1")
    root = logging.getLogger()
    path = Workspace.for_db(db).log_dir / "congdoan.log"
    for handler in [h for h in root.handlers if getattr(h, "baseFilename", None) == str(path)]:
        root.removeHandler(handler)
        handler.close()
    text = path.read_text(encoding="utf-8")
    assert row["articles_new"] == 7 and "crawling 1 site(s)" in text
    assert " DEBUG " not in text and "ArticleItem(" not in text
