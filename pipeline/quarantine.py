"""Quarantine: an article whose processing fails is set aside, and the run goes on.

Any failure while one article is analysed — an exception, a panic of underthesea's
Rust models (``pyo3_runtime.PanicException`` derives from ``BaseException``, not
``Exception``), a worker process that dies — becomes a :class:`Failure` naming the
stage. The run records it in the ``quarantine`` table and extracts the others.
:meth:`pipeline.store.Store.pending_ids` leaves out articles quarantined by the
current extractor version, so a bad article is tried again only once the extractors
change, and its row goes as soon as it is extracted.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, TypeVar

from core.records import utcnow
from pipeline.store import Store

log = logging.getLogger(__name__)

T = TypeVar("T")
# Ends a run as asked (Ctrl+C, sys.exit, a closed generator): never quarantined.
NOT_ARTICLE_FAILURES = (KeyboardInterrupt, SystemExit, GeneratorExit)
MAX_ERROR_CHARS = 500


@dataclass(frozen=True)
class Failure:
    """Why one article could not be processed."""

    article_id: int
    stage: str
    error: str


def describe(exc: BaseException) -> str:
    """An exception in one line: its type and the first line of its message."""
    message = str(exc).strip().splitlines()
    text = f"{type(exc).__name__}: {message[0]}" if message else type(exc).__name__
    return text[:MAX_ERROR_CHARS]


def guarded(article_id: int, work: Callable[[list[str]], T]) -> T | Failure:
    """``work(trace)``, or the :class:`Failure` it ended in.

    ``work`` appends the name of each stage to ``trace`` as it enters it, so the
    failure names the stage that failed.
    """
    trace: list[str] = []
    try:
        return work(trace)
    except NOT_ARTICLE_FAILURES:
        raise
    except BaseException as exc:  # noqa: BLE001 - a Rust panic is a BaseException
        return Failure(article_id, trace[-1] if trace else "text", describe(exc))


def record(store: Store, failures: Sequence[Failure], version: str) -> None:
    """Quarantine these articles for this extractor version (a second failure counts an attempt)."""
    if not failures:
        return
    now = utcnow()
    for failure in failures:
        log.warning("article %s quarantined at stage %s: %s", failure.article_id, failure.stage, failure.error)
        store.con.execute(
            """INSERT INTO quarantine VALUES (?, ?, ?, ?, ?, ?, 1)
               ON CONFLICT (article_id) DO UPDATE SET stage = excluded.stage, error = excluded.error,
                   extractor_version = excluded.extractor_version, last_failed_at = excluded.last_failed_at,
                   attempts = quarantine.attempts + 1""",
            [failure.article_id, failure.stage, failure.error, version, now, now],
        )


def release(store: Store, article_ids: Sequence[int]) -> None:
    """These articles were extracted: they leave the quarantine."""
    if article_ids:
        store.con.execute("DELETE FROM quarantine WHERE article_id IN ?", [list(article_ids)])


def listing(store: Store) -> list[dict[str, Any]]:
    """Every quarantined article with its URL and title, most recent failure first."""
    cursor = store.con.execute(
        """SELECT q.article_id, a.url, a.title, q.stage, q.error, q.extractor_version, q.attempts, q.last_failed_at
           FROM quarantine q LEFT JOIN articles a USING (article_id)
           ORDER BY q.last_failed_at DESC, q.article_id"""
    )
    columns = [c[0] for c in cursor.description]
    return [dict(zip(columns, row)) for row in cursor.fetchall()]
