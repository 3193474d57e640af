"""The benchmark database: generated articles with rows in every table, all written in bulk.

    .venv/bin/python bench/generate_db.py OUT.duckdb [--articles 50000]

Articles, sources, highlights, units, amounts, awards, movements, models and the
word index come from the web benchmark's generator (:func:`web_bench.generate`,
DuckDB SQL over sentence templates with known item offsets). :func:`complete`
fills, also in SQL inside DuckDB, what that generator leaves empty: the
``sentences`` table (split from the bodies, words and tags as lists), ``meta``
(the extractor version the research views show) and the crawl bookkeeping
tables. Nothing is inserted row by row.
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

import duckdb
from web_bench import generate

from pipeline.store import Store

GENERATED_VERSION = "bench"  # articles.extracted_with written by web_bench.generate
LISTING_PAGES_PER_SOURCE = 20
PAGE_ERROR_SHARE = 0.01


def complete(con: duckdb.DuckDBPyConnection) -> None:
    """Fill sentences, meta and the crawl tables of a database made by :func:`web_bench.generate`."""
    con.execute("INSERT OR REPLACE INTO meta VALUES ('extractor_version', ?)", [GENERATED_VERSION])
    # Sentences end with ". " inside a body; words are runs of letters and single punctuation marks.
    con.execute("""
        INSERT INTO sentences
        WITH parts AS (
            SELECT article_id, unnest(string_split(body, '. ')) AS part,
                   generate_subscripts(string_split(body, '. '), 1) AS idx
            FROM articles),
        placed AS (
            SELECT article_id, idx, CASE WHEN suffix(part, '.') THEN part ELSE part || '.' END AS text,
                   coalesce(sum(length(part) + 2) OVER (PARTITION BY article_id ORDER BY idx
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INTEGER AS start_char
            FROM parts)
        SELECT article_id, idx - 1, text, words,
               list_transform(words, lambda w: CASE WHEN regexp_matches(w, '^[[:punct:]]$') THEN 'CH' ELSE 'N' END),
               start_char, start_char + length(text)
        FROM (SELECT *, regexp_extract_all(text, '[^[:space:][:punct:]]+|[[:punct:]]') AS words FROM placed)""")
    con.execute("""
        INSERT INTO crawl_runs
        SELECT 'run-' || d, 'run', TIMESTAMP '2022-01-01 02:00' + to_days(d::INTEGER),
               TIMESTAMP '2022-01-01 02:40' + to_days(d::INTEGER), 'ok',
               (SELECT count(*) FROM sources), 0, 0, 0
        FROM range((SELECT date_diff('day', TIMESTAMP '2022-01-01', max(fetched_at)) FROM articles) + 1) t(d)""")
    con.execute("""
        INSERT INTO crawl_site_runs
        SELECT r.run_id, s.source, 'ok', 21, 20, 1, 19, 1, 0, 0, 0.0, NULL
        FROM crawl_runs r CROSS JOIN sources s""")
    con.execute(f"""
        INSERT INTO page_errors
        SELECT 'run-0', source, url || '?loi', 'http_error', 'HTTP 503', fetched_at FROM articles
        WHERE hash(article_id) % 10000 < {int(PAGE_ERROR_SHARE * 10000)}""")
    con.execute(f"""
        INSERT INTO http_cache
        SELECT base_url || '/tin-tuc?page=' || p, '"' || md5(source || p) || '"', NULL, TIMESTAMP '2025-11-01'
        FROM sources, range(1, {LISTING_PAGES_PER_SOURCE + 1}) t(p)""")


def build_database(path: Path, articles: int) -> dict[str, float]:
    """Generate a database of ``articles`` articles at ``path``; return the seconds each step took."""
    start = time.perf_counter()
    generate(path, articles)
    generated = time.perf_counter()
    store = Store.open(path)
    try:
        complete(store.con)
        store.con.execute("CHECKPOINT")
    finally:
        store.close()
    return {"generate_s": generated - start, "complete_s": time.perf_counter() - generated}


def table_rows(path: Path) -> dict[str, int]:
    """Rows of every base table."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    timings = build_database(args.out, args.articles)
    rows = table_rows(args.out)
    print(", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    print(", ".join(f"{t} {n:,}" for t, n in rows.items()))
    print(f"{args.out.stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
