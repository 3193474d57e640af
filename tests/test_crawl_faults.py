"""A misbehaving site fails alone, with reason codes; the healthy site's articles are stored."""

import shutil
import socket
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import duckdb

from crawl.sample_server import SampleServer
from sites_fixtures.crawl_runner import run_crawl
from sites_fixtures.entries import ASSUMED_EVIDENCE

FIXTURES = Path(__file__).parent / "sites_fixtures"
ARTICLE = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-2.html").read_text(encoding="utf-8")
TIMEOUT = 1.0
MAXSIZE = 200_000


@dataclass
class Reply:
    status: int = 200
    body: bytes = b""
    content_type: str = "text/html; charset=utf-8"
    delay: float = 0.0
    location: str | None = None
    extra_length: int = 0  # announce more bytes than are sent, then hang up: a truncated page


class FaultServer:
    """Serves fixed replies by path?query; anything else is 404."""

    def __init__(self, routes: dict[str, Reply | Callable[[], Reply]]):
        self.routes = routes
        self.hits: dict[str, int] = {}
        routes_, hits = routes, self.hits

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_GET(self):
                hits[self.path] = hits.get(self.path, 0) + 1
                reply = routes_.get(self.path, Reply(404, b"not found"))
                reply = reply() if callable(reply) else reply
                if reply.delay:
                    time.sleep(reply.delay)
                try:
                    self.send_response(reply.status)
                    self.send_header("Content-Type", reply.content_type)
                    self.send_header("Content-Length", str(len(reply.body) + reply.extra_length))
                    if reply.location:
                        self.send_header("Location", reply.location)
                    if reply.extra_length:
                        self.close_connection = True
                    self.end_headers()
                    self.wfile.write(reply.body)
                except (BrokenPipeError, ConnectionResetError):
                    pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True

    @property
    def origin(self) -> str:
        return "http://127.0.0.1:%d" % self.httpd.server_address[1]

    def __enter__(self):
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


def listing(*paths: str) -> Reply:
    links = "".join(f'<h3><a href="{p}">Bài {p}</a></h3>' for p in paths)
    return Reply(body=f'<html><head><meta charset="utf-8"></head><body>{links}</body></html>'.encode())


def article(n: int) -> bytes:
    return ARTICLE.replace("Hội thi thu hút 15 đội", f"Hội thi số {n} thu hút 15 đội").encode("utf-8")


ENTRY = """source = "{source}"
name = "{source}"
base_url = "https://{source}.example.vn"
kind = "newspaper"
notes = "test fixture"
[discovery]
start_urls = ["/tin-tuc"]
max_pages = 3
[article]
url_pattern = '^/tin-tuc/[a-z0-9-]+\\.html$'
title = "h1.title"
body = "div.content"
date = "span.date"
byline = "p.author"
drop = ["div.related"]
""" + ASSUMED_EVIDENCE.replace("{", "{{").replace("}", "}}")


def cp1258_article(n: int) -> bytes:
    import unicodedata

    text = unicodedata.normalize("NFD", article(n).decode("utf-8"))
    return text.encode("cp1258", errors="ignore")  # bare letters plus cp1258 combining marks, declared utf-8


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_faulty_sites_fail_alone(tmp_path):
    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    shutil.copy(FIXTURES / "sites" / "tiny-site.toml", sites_dir)
    faulty = {
        "server-error": {"/tin-tuc": Reply(503, b"busy")},
        "slow": {"/tin-tuc": Reply(body=listing("/tin-tuc/a-1.html").body, delay=TIMEOUT + 1.5)},
        "redirect-loop": {
            "/tin-tuc": Reply(302, location="/tin-tuc?vong=1"),
            "/tin-tuc?vong=1": Reply(302, location="/tin-tuc"),
        },
        "garbage": {"/tin-tuc": Reply(body=bytes(range(256)) * 50, content_type="text/html")},
        "layout-changed": {
            "/tin-tuc": listing(*(f"/tin-tuc/bai-{i}.html" for i in range(4))),
            **{f"/tin-tuc/bai-{i}.html": Reply(body=article(i).replace(b'class="content"', b'class="body-v2"')) for i in range(4)},
        },
        "bad-pages": {
            "/tin-tuc": listing(*(f"/tin-tuc/{name}.html" for name in (
                "ok-1", "ok-2", "ok-3", "ok-4", "slow-ok", "charset", "truncated", "huge", "binary", "empty", "gone",
                "timeout", "crash",
            ))),
            "/tin-tuc/ok-1.html": Reply(body=article(11)),
            "/tin-tuc/ok-2.html": Reply(body=article(12)),
            "/tin-tuc/ok-3.html": Reply(body=article(13)),
            "/tin-tuc/ok-4.html": Reply(body=article(14)),
            "/tin-tuc/slow-ok.html": Reply(body=article(15), delay=TIMEOUT / 3),
            "/tin-tuc/charset.html": Reply(body=cp1258_article(16)),
            "/tin-tuc/truncated.html": Reply(body=article(17)[:900], extra_length=5000),
            "/tin-tuc/huge.html": Reply(body=article(18) + b"<!--" + b"x" * (MAXSIZE * 2) + b"-->"),
            "/tin-tuc/binary.html": Reply(body=b"%PDF-1.5\n" + bytes(range(256)) * 30),
            "/tin-tuc/empty.html": Reply(body=b"<html><body><div class='content'></div></body></html>"),
            "/tin-tuc/timeout.html": Reply(body=article(19), delay=TIMEOUT + 1.5),
            "/tin-tuc/crash.html": Reply(500, b"oops"),
        },
    }
    for source in [*faulty, "down"]:
        (sites_dir / f"{source}.toml").write_text(ENTRY.format(source=source), encoding="utf-8")

    servers = {name: FaultServer(routes) for name, routes in faulty.items()}
    origins = {name: s.origin for name, s in servers.items()}
    origins["down"] = f"http://127.0.0.1:{free_port()}"
    db = tmp_path / "congdoan.duckdb"
    with SampleServer(FIXTURES / "tiny") as good:
        origins["tiny-site"] = good.origin
        for server in servers.values():
            server.__enter__()
        try:
            started = time.monotonic()
            rows = run_crawl(
                db,
                sites_dir,
                origins,
                run_id="faults",
                settings={"DOWNLOAD_TIMEOUT": TIMEOUT, "RETRY_TIMES": 1, "REDIRECT_MAX_TIMES": 3, "DOWNLOAD_MAXSIZE": MAXSIZE},
            )
            elapsed = time.monotonic() - started
        finally:
            for server in servers.values():
                server.__exit__()
    status = {r["source"]: r for r in rows}
    assert status["tiny-site"]["status"] == "ok" and status["tiny-site"]["articles_new"] == 7
    for source in ("server-error", "slow", "redirect-loop", "garbage", "layout-changed", "down"):
        assert status[source]["status"] == "failed", status[source]
        assert status[source]["error"]
    assert status["layout-changed"]["empty_body_share"] == 1.0
    assert "layout" in status["layout-changed"]["error"]

    con = duckdb.connect(str(db), read_only=True)
    try:
        reasons = {
            (source, url.rsplit("/", 1)[-1], reason)
            for source, url, reason in con.execute("SELECT source, url, reason FROM page_errors").fetchall()
        }
        stored = {r[0] for r in con.execute("SELECT url FROM articles WHERE source = 'bad-pages'").fetchall()}
        run_rows = con.execute("SELECT count(*) FROM articles WHERE source = 'tiny-site'").fetchone()[0]
    finally:
        con.close()
    assert ("server-error", "tin-tuc", "http_error") in reasons
    assert ("slow", "tin-tuc", "timeout") in reasons
    assert ("redirect-loop", "tin-tuc", "redirect_loop") in reasons
    assert ("garbage", "tin-tuc", "binary") in reasons
    assert ("down", "tin-tuc", "connection") in reasons
    for name, reason in [
        ("truncated.html", "truncated"),
        ("huge.html", "too_large"),
        ("binary.html", "binary"),
        ("empty.html", "empty_body"),
        ("timeout.html", "timeout"),
        ("crash.html", "http_error"),
    ]:
        assert ("bad-pages", name, reason) in reasons, (name, reason, sorted(reasons))
    base = "https://bad-pages.example.vn/tin-tuc/"
    assert {base + f"ok-{i}.html" for i in range(1, 5)} | {base + "slow-ok.html", base + "charset.html"} == stored
    assert run_rows == 7
    assert elapsed < 60
