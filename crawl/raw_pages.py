"""The pages as fetched, kept gzip-compressed beside the database, written off the reactor's thread.

One file per canonical URL: ``<raw_dir>/<source>/<sha1 of the URL>.html.gz``, written whole
(``.part`` then renamed) and never rewritten. Creating a file costs about 0.7 ms on the crawl
machine, which on the reactor's one thread held every other page back (a sixth of a crawl's time
on loopback); one writer thread per site run does it while Scrapy goes on. A batch of articles
takes the writes queued so far along (:meth:`RawPages.take`) and the store's writer waits for them
(:meth:`RawPages.wait`) before it stores the batch, so a stored article's ``raw_path`` names a
file that exists, or is cleared with the error recorded.
"""

from __future__ import annotations

import gzip
import hashlib
from concurrent.futures import Future, ThreadPoolExecutor
from pathlib import Path


class RawPages:
    """The raw copies of one site run's pages."""

    def __init__(self, raw_dir: Path, source: str) -> None:
        self.raw_dir, self.source = raw_dir, source
        self._writer = ThreadPoolExecutor(max_workers=1, thread_name_prefix=f"raw-{source}")
        self._pending: dict[str, tuple[str, Future[None]]] = {}

    def save(self, canonical: str, body: bytes) -> str:
        """Queue the page's copy; return its path relative to ``raw_dir``."""
        relative = f"{self.source}/{hashlib.sha1(canonical.encode('utf-8')).hexdigest()}.html.gz"
        if relative not in self._pending:
            self._pending[relative] = canonical, self._writer.submit(_write, self.raw_dir / relative, body)
        return relative

    def take(self) -> dict[str, tuple[str, Future[None]]]:
        """The writes queued so far (path -> (canonical URL, future)), no longer pending here:
        a batch of articles takes them along to wait for them on the store's writer thread."""
        pending, self._pending = self._pending, {}
        return pending

    @staticmethod
    def wait(pending: dict[str, tuple[str, Future[None]]]) -> dict[str, tuple[str, str]]:
        """Wait for these writes; those that failed: path -> (canonical URL, why)."""
        failed = {}
        for relative, (canonical, future) in pending.items():
            error = future.exception()
            if error is not None:
                failed[relative] = canonical, f"{type(error).__name__}: {error}"
        return failed

    def settle(self) -> dict[str, tuple[str, str]]:
        """Wait for the queued writes; those that failed: path -> (canonical URL, why)."""
        return self.wait(self.take())

    def close(self) -> dict[str, tuple[str, str]]:
        """Settle, then stop the writer thread."""
        failed = self.settle()
        self._writer.shutdown()
        return failed


def _write(path: Path, body: bytes) -> None:
    if path.exists():
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(gzip.compress(body, mtime=0))
    partial.replace(path)
