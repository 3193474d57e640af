"""Page times of the staff web app on a generated database (1,000,000 articles by default).

    .venv/bin/python bench/web_bench.py [--articles 1000000] [--runs 15] [--db PATH]

The database (cached in bench/out/, git-ignored) is made by bench/generate_db.py,
directly with DuckDB SQL, not through the NLP; ``make bench`` runs the same
measurement as its ``web-archive`` benchmark.
Each page is requested through the whole ASGI app, including opening a
read-only connection per request, and the table prints median and p95 in ms.
The downloads stream their body: for them the table adds the p95 of the first
bytes (what the browser gets at once) and of the first rows (the second chunk),
timed on the app's ASGI messages.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from generate_db import cached_database  # noqa: E402

from pipeline.store import Store  # noqa: E402
from pipeline.web.app import create_app  # noqa: E402

BUDGET_MS = 300.0

def pages(con_db: Path) -> dict[str, str]:
    """Page label -> URL, with parameters taken from the generated data."""
    store = Store.open(con_db, read_only=True)
    try:
        article_id = store.con.execute("SELECT article_id FROM articles ORDER BY published_at DESC LIMIT 1").fetchone()[0]
        week = store.con.execute("SELECT strftime(max(date), '%G-W%V') FROM v_highlights").fetchone()[0]
    finally:
        store.close()
    return {
        "home": "/",
        "home, page 200": "/?page=200",
        "home, province (merged)": "/?province=TP+H%E1%BB%93+Ch%C3%AD+Minh",
        "home, kind + level + dates": "/?kind=award&level=grassroots&from=2024-01-01&to=2024-12-31",
        "home, source": "/?source=nguon-7",
        "home, keyword filter": "/?q=mai+am+cong+doan",
        "search, accented": "/search?q=Li%C3%AAn+%C4%91o%C3%A0n+Lao+%C4%91%E1%BB%99ng+Thanh+H%C3%B3a",
        "search, unaccented": "/search?q=lien+doan+lao+dong+thanh+hoa",
        "search, rare term": "/search?q=tu+van+phap+luat+kon+tum",
        f"article {article_id}": f"/article/{article_id}",
        "unit": "/unit?name=Li%C3%AAn+%C4%91o%C3%A0n+Lao+%C4%91%E1%BB%99ng+t%E1%BB%89nh+Ngh%E1%BB%87+An",
        "province (chart)": "/province?name=Thanh+H%C3%B3a",
        "digest, latest week": f"/digest?week={week}",
        "export CSV, province + month": "/export.csv?province=H%C3%A0+Giang&from=2024-05-01&to=2024-05-31",
        "export Excel, province + month": "/export.xlsx?province=H%C3%A0+Giang&from=2024-05-01&to=2024-05-31",
        "export CSV, province, 4 years": "/export.csv?province=H%C3%A0+Giang",
    }


def _p95(times: list[float]) -> float:
    times = sorted(times)
    return times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]


def first_bytes(app, url: str) -> tuple[float, float, float, int]:
    """(first body bytes, second body chunk, whole body) in ms of one GET, on the app's ASGI messages, and its size."""
    path, _, query = url.partition("?")
    scope = {"type": "http", "asgi": {"version": "3.0", "spec_version": "2.3"}, "http_version": "1.1",
             "method": "GET", "scheme": "http", "path": path, "raw_path": path.encode(), "root_path": "",
             "query_string": query.encode(), "headers": [(b"host", b"127.0.0.1")],
             "client": ("127.0.0.1", 50000), "server": ("127.0.0.1", 80)}
    marks: list[float] = []
    size = 0

    async def run() -> None:
        sent = False

        async def receive() -> dict:
            nonlocal sent
            if not sent:
                sent = True
                return {"type": "http.request", "body": b"", "more_body": False}
            await asyncio.Event().wait()  # never disconnects
            return {}

        async def send(message: dict) -> None:
            if message["type"] == "http.response.start":
                assert message["status"] == 200, (url, message["status"])
            elif message["type"] == "http.response.body" and message.get("body"):
                nonlocal size
                marks.append(time.perf_counter())
                size += len(message["body"])

        await app(scope, receive, send)

    start = time.perf_counter()
    asyncio.run(run())
    end = time.perf_counter()
    marks = marks or [end]
    return ((marks[0] - start) * 1000, ((marks[1] if len(marks) > 1 else end) - start) * 1000, (end - start) * 1000,
            size)


def measure(db: Path, runs: int) -> list[tuple[str, float, float, int, tuple[float, float] | None]]:
    app = create_app(db)
    client = TestClient(app, base_url="http://127.0.0.1")
    results = []
    for label, url in pages(db).items():
        for _ in range(2):
            client.get(url)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        streamed = None
        if label.startswith("export"):
            timed = [first_bytes(app, url) for _ in range(runs)]
            # a failure after the first bytes cuts the download short (the status was 200): count it
            cut = sum(t[3] != len(response.content) for t in timed)
            if cut:
                print(f"{label}: {cut} of {runs} streamed downloads cut short", file=sys.stderr)
            streamed = (_p95([t[0] for t in timed]), _p95([t[1] for t in timed]))
        results.append((label, statistics.median(times), _p95(times), len(response.content), streamed))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=1_000_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, help="an existing database instead of the generated one")
    args = parser.parse_args()
    if args.db is None:
        start = time.perf_counter()
        args.db = cached_database(args.articles)
        print(f"{args.db} ({args.articles:,} articles) ready in {time.perf_counter() - start:.1f} s")
    store = Store.open(args.db, read_only=True)
    counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "highlights", "search_terms")}
    store.close()
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    results = measure(args.db, args.runs)
    width = max(len(r[0]) for r in results)
    print(f"\n{'page':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'KiB':>6}  {'first bytes p95':>15}  {'first rows p95':>14}")
    for label, median, p95, size, streamed in results:
        first = f"  {streamed[0]:15.1f}  {streamed[1]:14.1f}" if streamed else f"  {'':15}  {'':14}"
        flag = ("" if p95 < BUDGET_MS else " streamed: first bytes in budget" if streamed and streamed[0] < BUDGET_MS
                else f"  over {BUDGET_MS:.0f} ms")
        print(f"{label:<{width}}  {median:9.1f}  {p95:7.1f}  {size / 1024:6.0f}{first}{flag}")
    slow = [r for r in results if r[2] >= BUDGET_MS and not (r[4] and r[4][0] < BUDGET_MS)]
    print(f"\n{len(results) - len(slow)}/{len(results)} pages under {BUDGET_MS:.0f} ms at p95 (streamed downloads: "
          "their first bytes)")
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
