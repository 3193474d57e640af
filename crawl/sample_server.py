"""Serve the bundled sample sites (``data/sample-sites/<dir>/``) on 127.0.0.1.

URL -> file: a path ending in a known extension is that file; a path without one
is ``<path>/index.html``; a query string goes before the extension after ``@``
(``/cong-doan?page=2`` -> ``cong-doan/index@page=2.html``). Responses carry ETag
and Last-Modified and honour conditional requests with 304, so the crawler's
incremental mode can be tested. Each site gets its own server (its own port), so
politeness settings see distinct domains.

Run ``python -m crawl.sample_server [source ...]`` to serve the sample sites by hand.
"""

from __future__ import annotations

import hashlib
import threading
import time
from collections import Counter
from collections.abc import Iterable, Iterator, Mapping
from contextlib import ExitStack, contextmanager
from email.utils import formatdate, parsedate_to_datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import unquote, urlsplit

from crawl.registry import Site
from core.config import SAMPLE_SITES_DIR

CONTENT_TYPES = {
    ".ldo": "text/html; charset=utf-8",
    ".aspx": "text/html; charset=utf-8",
    ".html": "text/html; charset=utf-8",
    ".htm": "text/html; charset=utf-8",
    ".rss": "application/xml",
    ".xml": "application/xml",
    ".txt": "text/plain; charset=utf-8",
}


def file_for(root: Path, target: str) -> Path | None:
    """The file that answers a request target (path?query), None when it is outside root or absent."""
    parts = urlsplit(target)
    path = unquote(parts.path)
    suffix = Path(path).suffix.lower()
    if suffix in CONTENT_TYPES:
        relative = path.lstrip("/")
    else:
        relative = (path.strip("/") + "/index.html").lstrip("/")
        suffix = ".html"
    if parts.query:
        relative = relative[: -len(suffix)] + "@" + unquote(parts.query) + suffix
    candidate = (root / relative).resolve()
    if not candidate.is_relative_to(root.resolve()) or not candidate.is_file():
        return None
    return candidate


class SampleServer:
    """One threaded HTTP server over one folder; counts requests per path?query."""

    def __init__(self, root: Path, host: str = "127.0.0.1", port: int = 0, delay: float = 0.0):
        self.root = Path(root)
        self.delay = delay  # seconds slept before each answer: a slow site, for tests that interrupt a run
        self.requests: Counter[str] = Counter()
        self.statuses: Counter[int] = Counter()
        self._lock = threading.Lock()
        self._httpd = ThreadingHTTPServer((host, port), self._handler())
        self._httpd.daemon_threads = True
        self._thread: threading.Thread | None = None

    @property
    def origin(self) -> str:
        host, port = self._httpd.server_address[:2]
        return f"http://{host}:{port}"

    def count(self, target: str, status: int) -> None:
        with self._lock:
            self.requests[target] += 1
            self.statuses[status] += 1

    def reset_counts(self) -> None:
        with self._lock:
            self.requests.clear()
            self.statuses.clear()

    def _handler(self) -> type[BaseHTTPRequestHandler]:
        server = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # silence stderr
                pass

            def do_HEAD(self) -> None:
                self.do_GET(head=True)

            def do_GET(self, head: bool = False) -> None:
                if server.delay:
                    time.sleep(server.delay)
                path = file_for(server.root, self.path)
                if path is None:
                    return self._send(404, b"not found", "text/plain; charset=utf-8", head=head)
                data = path.read_bytes()
                etag = '"' + hashlib.sha1(data).hexdigest()[:20] + '"'
                mtime = int(path.stat().st_mtime)
                headers = {"ETag": etag, "Last-Modified": formatdate(mtime, usegmt=True)}
                if self._not_modified(etag, mtime):
                    return self._send(304, b"", None, headers, head=True)
                self._send(200, data, CONTENT_TYPES.get(path.suffix.lower(), "application/octet-stream"), headers, head)

            def _not_modified(self, etag: str, mtime: int) -> bool:
                match = self.headers.get("If-None-Match")
                if match is not None:
                    return etag in [m.strip() for m in match.split(",")] or match.strip() == "*"
                since = self.headers.get("If-Modified-Since")
                if since:
                    try:
                        return mtime <= parsedate_to_datetime(since).timestamp()
                    except (TypeError, ValueError):
                        return False
                return False

            def _send(
                self, status: int, body: bytes, ctype: str | None, headers: dict | None = None, head: bool = False
            ) -> None:
                server.count(self.path, status)
                self.send_response(status)
                for name, value in (headers or {}).items():
                    self.send_header(name, value)
                if ctype:
                    self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", "0" if status == 304 else str(len(body)))
                self.end_headers()
                if not head:
                    self.wfile.write(body)

        return Handler

    def start(self) -> "SampleServer":
        self._thread = threading.Thread(target=self._httpd.serve_forever, name=f"sample:{self.root.name}", daemon=True)
        self._thread.start()
        return self

    def stop(self) -> None:
        self._httpd.shutdown()
        self._httpd.server_close()
        if self._thread:
            self._thread.join(timeout=5)

    def __enter__(self) -> "SampleServer":
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


class ServedSites(Mapping[str, str]):
    """source -> origin ("http://127.0.0.1:PORT") of running sample servers; ``server(source)`` gives counts."""

    def __init__(self, servers: dict[str, SampleServer]):
        self._servers = servers

    def __getitem__(self, source: str) -> str:
        return self._servers[source].origin

    def __iter__(self) -> Iterator[str]:
        return iter(self._servers)

    def __len__(self) -> int:
        return len(self._servers)

    def server(self, source: str) -> SampleServer:
        return self._servers[source]


def sample_root(site: Site, base: Path = SAMPLE_SITES_DIR) -> Path:
    if not site.sample_dir:
        raise ValueError(f"{site.source} is not a sample site (no sample_dir)")
    return base / site.sample_dir


@contextmanager
def serve_sites(sites: Iterable[Site], base: Path = SAMPLE_SITES_DIR, delay: float = 0.0) -> Iterator[ServedSites]:
    """Serve each sample site on its own ephemeral port for the duration of the block."""
    with ExitStack() as stack:
        servers = {
            site.source: stack.enter_context(SampleServer(sample_root(site, base), delay=delay)) for site in sites
        }
        yield ServedSites(servers)


def main(argv: list[str] | None = None) -> None:
    import sys

    from crawl.registry import load_registry

    wanted = set(argv if argv is not None else sys.argv[1:])
    sites = [s for s in load_registry().values() if s.kind == "sample" and (not wanted or s.source in wanted)]
    if not sites:
        raise SystemExit("no sample sites in data/sites (or none of those named)")
    with serve_sites(sites) as origins:
        for source, origin in origins.items():
            print(f"{source}\t{origin}", flush=True)
        try:
            while True:
                time.sleep(3600)
        except KeyboardInterrupt:
            pass


if __name__ == "__main__":
    main()
