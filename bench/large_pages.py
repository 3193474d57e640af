"""How the cost of one large page grows: reading it (decode, parse) and analysing its body.

    .venv/bin/python bench/large_pages.py [--quick]

Each measurement runs in a process of its own, so each reports its own peak memory.

* ``read``: ``pipeline.importer.import_file`` (charset check, HTML parse, trafilatura, dates) of a
  generated saved page: one article among inline images, a script, comments and related links,
  padded to 1, 2, 4 and 8 MB (8 MiB is the cap for a page);
* ``analyse``: ``pipeline.extraction.analyse`` (NLP and every extractor) of bodies of 25,000 to
  400,000 characters; the NLP reads at most ``MAX_ANALYSED_CHARS`` of a body.

Texts are the project's own gold texts (tests/gold/own), repeated. CPU seconds are reported, as
the machine may be shared; results: docs/benchmarks.md ("Large pages").
"""

from __future__ import annotations

import argparse
import base64
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
TEXTS = sorted((ROOT / "tests" / "gold" / "own").glob("*.txt"))


def _lines() -> list[str]:
    return [line for path in TEXTS for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def page(size: int) -> str:
    """A saved article page padded to ``size`` bytes with what makes real pages large."""
    lines = _lines()
    title = lines[0]
    article = "".join(f"<p>{line}</p>\n" for line in lines[1:30])
    related = "".join(f'<li><a href="/tin-tuc/bai-{i}.html">{lines[i * 40 % len(lines)]}</a></li>' for i in range(12))
    comments = "".join(f'<div class="comment"><b>Bạn đọc {i}</b><p>{lines[i * 3 % len(lines)][:200]}</p></div>' for i in range(400))
    head = (f'<!DOCTYPE html><html><head><meta charset="utf-8"><title>{title}</title>'
            f'<script>var state = "{"a" * 300_000}";</script></head><body>')
    core = (f'<div class="detail"><h1>{title}</h1><span class="date">Thứ Hai, 02/03/2024 | 02:12</span>'
            f'<div class="content">{article}</div></div><ul class="related">{related}</ul>'
            f'<div class="comments">{comments}</div>')
    padding = max(0, size - len((head + core).encode("utf-8")) - 60) * 3 // 4
    image = base64.b64encode(random.Random(1).randbytes(padding)).decode("ascii")
    return f'{head}{core}<img src="data:image/jpeg;base64,{image}"></body></html>'


def body(chars: int) -> str:
    out, size, lines = [], 0, _lines()
    while size < chars:
        line = f"{lines[len(out) % len(lines)]} (đoạn {len(out)})"
        out.append(line)
        size += len(line) + 1
    return "\n".join(out)


def one(kind: str, size: int) -> dict:
    if kind == "read":
        from pipeline.importer import import_file

        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "page.html"
            path.write_text(page(size), encoding="utf-8")
            start = time.process_time()
            result = import_file(path)
            seconds = time.process_time() - start
        detail = f"body {len(result.article.body):,} chars" if result.article else result.error
    else:
        from extract.nlp import VietnameseNLP
        from pipeline.extraction import analyse
        from pipeline.store import PendingArticle

        nlp = VietnameseNLP()
        article = PendingArticle(1, "Trang lớn", body(size), "bench", None, None)
        start = time.process_time()
        extraction = analyse(nlp, article, "bench")
        seconds = time.process_time() - start
        detail = f"{sum(len(rows) for rows in extraction.tables.values()):,} rows"
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return {"kind": kind, "size": size, "cpu_s": round(seconds, 2), "peak_mb": round(peak), "detail": detail}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke test)")
    parser.add_argument("--one", nargs=2, metavar=("KIND", "SIZE"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one:
        print(json.dumps(one(args.one[0], int(args.one[1]))))
        return
    sizes = {"read": [1_000_000, 2_000_000, 4_000_000, 8_000_000], "analyse": [25_000, 50_000, 100_000, 200_000, 400_000]}
    if args.quick:
        sizes = {"read": [1_000_000], "analyse": [25_000]}
    print(f"{'what':8} {'size':>10} {'cpu s':>7} {'peak MB':>8}  detail")
    for kind, values in sizes.items():
        for size in values:
            done = subprocess.run([sys.executable, __file__, "--one", kind, str(size)], capture_output=True,
                                  text=True, check=True)
            row = json.loads(done.stdout.strip().splitlines()[-1])
            print(f"{kind:8} {size:>10,} {row['cpu_s']:>7} {row['peak_mb']:>8}  {row['detail']}", flush=True)


if __name__ == "__main__":
    main()
