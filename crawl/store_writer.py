"""The crawl's writes to the database, done by one thread beside the reactor.

A batch of articles costs the store 15 to 35 ms (two look-ups, an insert and a commit, in
DuckDB, which releases the GIL while it works). On the reactor's thread that held every
download of the crawl back for as long: on loopback the responses of a site arrive every few
milliseconds, and twenty such pauses were about a twentieth of a 2,000-page crawl. Now the
reactor hands each batch to a :class:`StoreWriter` and goes on.

One writer per crawl (``crawl_sites`` shares it between its sites) and every use of the store
while the reactor runs goes through it, so the DuckDB connection is never used by two threads
at once, and batches are stored in the order they were handed over (one site's duplicates of
another's text are dropped as before). What a batch needs on the reactor's side (the raw copies
it waits for, the counters and known URLs it updates) is handed over with it; the site's
``finish`` waits for its batches before it counts them.
"""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any, TypeVar

T = TypeVar("T")


class StoreWriter:
    """One thread that runs the store's writes in the order they are submitted."""

    def __init__(self) -> None:
        self._thread: ThreadPoolExecutor | None = None

    def submit(self, fn: Callable[..., T], *args: Any) -> Future[T]:
        if self._thread is None:  # started on first use: a run with nothing to store needs no thread
            self._thread = ThreadPoolExecutor(max_workers=1, thread_name_prefix="store-writer")
        return self._thread.submit(fn, *args)

    def call(self, fn: Callable[..., T], *args: Any) -> T:
        """Run ``fn`` on the writer after what was submitted before, and wait for it."""
        return self.submit(fn, *args).result()

    def close(self) -> None:
        """Wait for the submitted writes and stop the thread (again: no-op)."""
        if self._thread is not None:
            self._thread.shutdown(wait=True)
            self._thread = None
