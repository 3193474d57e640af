"""Logging to a rotating file beside the database, so the nightly run leaves a trail."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

from core.config import Workspace

LOG_FORMAT = "%(asctime)s %(process)d %(levelname)s %(name)s: %(message)s"


MAX_BYTES = 5_000_000
BACKUPS = 5


class QuietRotatingFileHandler(RotatingFileHandler):
    """A rotating log file that never prints its own traceback.

    When the log cannot be written (a full disk, a read-only folder) the standard handler
    prints "--- Logging error ---" and two tracebacks on stderr, burying the one-line
    message the command prints. The record is dropped instead: the failure that matters
    reaches the user through that one line.
    """

    def handleError(self, record: logging.LogRecord) -> None:
        pass


def setup_logging(ws: Workspace, level: int = logging.INFO, max_bytes: int = MAX_BYTES) -> Path:
    """Send every log record of ``level`` and above (Scrapy's too) to ``logs/congdoan.log``, rotated
    at 5 MB, 5 kept.

    The level is the handler's as well as the root logger's: Scrapy resets the root logger to
    NOTSET when a crawl starts, and its DEBUG records (one with the whole item, body included, per
    article) would fill the file, rotate the useful lines away and cost a crawl a tenth of its time."""
    ws.ensure_dirs()
    path = ws.log_dir / "congdoan.log"
    root = logging.getLogger()
    handler = next((h for h in root.handlers if isinstance(h, RotatingFileHandler) and Path(h.baseFilename) == path),
                   None)
    if handler is None:
        handler = QuietRotatingFileHandler(path, maxBytes=max_bytes, backupCount=BACKUPS, encoding="utf-8",
                                           delay=True)
        handler.setFormatter(logging.Formatter(LOG_FORMAT))
        root.addHandler(handler)
    handler.setLevel(level)
    root.setLevel(level)
    return path
