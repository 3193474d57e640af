"""The DuckDB store: named migrations, bulk writes through Arrow, and the queries the pipeline needs.

Writes never go row by row: each batch of articles or extractions becomes one
Arrow table per target table, inserted in a single transaction, so an article
is stored with all its extraction rows or not at all.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from itertools import repeat
from pathlib import Path
from typing import Any

import duckdb
import pyarrow as pa
import pyarrow.compute as pc

from core.config import MIGRATIONS_DIR, duckdb_settings
from core.records import Article, Extraction, Source, utcnow
from pipeline.derived import update_derived
from pipeline.feed import rebuild_feed

EXTRACTION_TABLES = ("units", "amounts", "awards", "award_recipients", "movements", "models", "sentences", "highlights",
                     "search_terms")
MIGRATION_FILLS = {"0010_feed_cards": rebuild_feed}
"""Migrations that add a derived table, and what fills it from the rows already there (same transaction)."""
DERIVED_TABLES = ("feed_cards",)  # rewritten from the extraction tables by pipeline.derived, batch by batch
ROW_GROUP_ROWS = 122_880  # DuckDB's row group
SCATTERED_DELETE_ROW_GROUPS = 512
"""A word index of more row groups than this has the rows of articles extracted before replaced
``REWRITES_PER_TRANSACTION`` articles at a time, with a checkpoint after each group. The index is
sorted by term, so one article's rows lie in hundreds of row groups, and DuckDB holds memory
(150-250 KB measured) for every row group a transaction deletes from until a checkpoint writes the
deletes. A smaller index costs at most all its row groups per transaction, so a batch stays one
transaction; at a million articles (2,866 row groups) 20 re-extracted articles in one transaction
ran out of the 512 MB limit."""
REWRITES_PER_TRANSACTION = 2
EVENT_KEY = "events"
"""``changes_rewritten.table_name`` of the events a run touched (their ids in the ``article_id``
column): ``events`` is replayed by event id (``pipeline.writer``)."""
MENTION_KEY = "event_mentions"
"""``changes_rewritten.table_name`` of the articles whose ``event_mentions`` rows a run deleted,
wrote or updated: that table is replayed by article (``pipeline.events.EventChanges``)."""
EVERY_TABLE = "*"  # changes_rewritten.table_name of a run that rewrote everything


def configure(con: duckdb.DuckDBPyConnection, temp_directory: Path | str | None = None) -> duckdb.DuckDBPyConnection:
    """Give a connection's DuckDB instance congdoan's limits (``core.config.duckdb_settings``).

    Applied with SET rather than ``duckdb.connect(config=...)``: DuckDB refuses a second
    connection in the same process to a file opened with another configuration, and a
    plain ``duckdb.connect(path)`` (a notebook, a test) has none. A statement larger than
    ``memory_limit`` spills to ``temp_directory`` (DuckDB's default: ``<file>.tmp`` beside
    a database file, ``.tmp`` in the working directory for an in-memory instance).
    """
    for name, value in duckdb_settings().items():
        literal = str(int(value)) if isinstance(value, int) else "'" + str(value).replace("'", "''") + "'"
        con.execute(f"SET {name} = {literal}")
    if temp_directory is not None:
        con.execute("SET temp_directory = '" + str(temp_directory).replace("'", "''") + "'")
    return con


def rows_end(con: duckdb.DuckDBPyConnection, table: str) -> int:
    """One past the largest rowid of a table, reading only its last row groups.

    Rows appended from now on get rowids from here: a run's appended rows are a
    rowid range, which DuckDB reads without scanning older row groups.
    """
    count = con.execute(f"SELECT count(*) FROM {table}").fetchall()[0][0]
    if not count:
        return 0
    # rowids run from 0, with gaps only where deleted rows are not vacuumed yet: the largest is >= count - 1
    return con.execute(f"SELECT max(rowid) FROM {table} WHERE rowid >= ?", [count - 1]).fetchall()[0][0] + 1


def arrow_rows(schema: pa.Schema, rows: Sequence[dict[str, Any]], **constant: list[Any]) -> pa.Table:
    """Rows (dicts keyed by column; missing keys are NULL) as an Arrow table of ``schema``, built column
    by column (what ``pa.Table.from_pylist`` does, without a copy of every row); ``constant`` gives
    whole columns that override the rows' values (``article_id``)."""
    return pa.Table.from_pydict(
        {name: constant[name] if name in constant else list(map(dict.get, rows, repeat(name))) for name in schema.names},
        schema=schema)


def _literal(text: str) -> str:
    """A SQL string literal (COMMENT ON takes no parameters)."""
    return "'" + text.replace("'", "''") + "'"


def _rows_of(tables: dict[str, pa.Table], ids: Sequence[int]) -> dict[str, pa.Table]:
    """The rows of these articles in each Arrow table (tables left without rows are left out)."""
    wanted = pa.array(list(ids), pa.int64())
    parts = {name: table.filter(pc.is_in(table["article_id"], value_set=wanted)) for name, table in tables.items()}
    return {name: part for name, part in parts.items() if part.num_rows}


def extraction_arrow(schemas: dict[str, pa.Schema], extractions: Sequence[Extraction]) -> dict[str, pa.Table]:
    """One Arrow table per extraction table with rows (``schemas`` give the columns), ``article_id`` filled in.

    Worker processes call this too (``pipeline.distributed``), with the schemas the writer sent them.
    """
    tables = {}
    for table, schema in schemas.items():
        rows = [row for e in extractions for row in e.rows(table)]
        if rows:
            ids = [e.article_id for e in extractions for _ in e.rows(table)]
            tables[table] = arrow_rows(schema, rows, article_id=ids)
    return tables


@dataclass(frozen=True)
class Migration:
    name: str
    sql: str


def migrations(directory: Path = MIGRATIONS_DIR) -> list[Migration]:
    """All named migrations, in the order of their numeric prefix."""
    return [Migration(p.stem, p.read_text(encoding="utf-8")) for p in sorted(directory.glob("*.sql"))]


@dataclass
class PendingArticle:
    """What the extractors need to know about a stored article."""

    article_id: int
    title: str | None
    body: str
    source: str
    published_at: datetime | None
    source_province: str | None


class Store:
    """A DuckDB connection with the project's schema and write paths."""

    def __init__(self, con: duckdb.DuckDBPyConnection, read_only: bool = False):
        self.con = con
        self.read_only = read_only
        self._schemas: dict[str, pa.Schema] = {}
        # Set by pipeline.writer on its working copy: the generation under which deletes and
        # updates of existing rows are logged (changes_rewritten), and how the copy was prepared.
        self.generation: int | None = None
        self.prepared: str | None = None

    @classmethod
    def open(cls, path: Path | str, read_only: bool = False) -> "Store":
        con = configure(duckdb.connect(str(path), read_only=read_only))
        store = cls(con, read_only=read_only)
        if not read_only:
            store.migrate()
        return store

    def close(self) -> None:
        self.con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # -- schema -------------------------------------------------------------------------

    def migrate(self, directory: Path = MIGRATIONS_DIR) -> list[str]:
        """Apply pending migrations, each in its own transaction; return the names applied."""
        self.con.execute(
            "CREATE TABLE IF NOT EXISTS schema_migrations (name VARCHAR PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        self.con.execute(
            "COMMENT ON TABLE schema_migrations IS 'Named schema migrations applied to this database, in order.'"
        )
        self.con.execute("COMMENT ON COLUMN schema_migrations.name IS 'File name of the migration, without .sql.'")
        self.con.execute("COMMENT ON COLUMN schema_migrations.applied_at IS 'When it was applied (UTC).'")
        done = set(self.applied_migrations())
        applied = []
        for migration in migrations(directory):
            if migration.name in done:
                continue
            self.con.execute("BEGIN TRANSACTION")
            try:
                self.con.execute(migration.sql)
                if migration.name in MIGRATION_FILLS:
                    MIGRATION_FILLS[migration.name](self.con)
                self.con.execute("INSERT INTO schema_migrations VALUES (?, ?)", [migration.name, utcnow()])
                self.con.execute("COMMIT")
            except Exception:
                self.con.execute("ROLLBACK")
                raise
            applied.append(migration.name)
        return applied

    def applied_migrations(self) -> list[str]:
        return [r[0] for r in self.con.execute("SELECT name FROM schema_migrations ORDER BY name").fetchall()]

    def _schema(self, table: str) -> pa.Schema:
        if table not in self._schemas:
            self._schemas[table] = self.con.sql(f"SELECT * FROM {table} LIMIT 0").to_arrow_table().schema
        return self._schemas[table]

    def _insert(self, table: str, rows: Sequence[dict[str, Any]]) -> None:
        """Bulk insert rows (dicts keyed by column) through one Arrow table."""
        if not rows:
            return
        arrow = arrow_rows(self._schema(table), rows)
        self.con.register("_incoming", arrow)
        try:
            self.con.execute(f"INSERT INTO {table} SELECT * FROM _incoming")
        finally:
            self.con.unregister("_incoming")

    def log_rewrite(self, table: str, ids: Sequence[int], deleted: bool) -> None:
        """Record that existing rows of these articles in ``table`` were deleted or updated.

        Every delete or update of an article's existing rows calls this in the same
        transaction: the next writer replays these articles onto its standby copy
        (``pipeline.writer``). Appends need no call. Outside a writer it does nothing.
        """
        if self.generation is None or not ids:
            return
        self.con.execute("INSERT INTO changes_rewritten SELECT ?, ?, unnest(?::BIGINT[]), ?",
                         [self.generation, table, list(ids), deleted])

    def log_rewrite_all(self) -> None:
        """Record that this run rewrote (nearly) every article: the next writer copies the whole file."""
        if self.generation is not None:
            self.con.execute("INSERT INTO changes_rewritten VALUES (?, ?, NULL, TRUE)", [self.generation, EVERY_TABLE])

    # -- sources and articles -----------------------------------------------------------

    def upsert_sources(self, sources: Iterable[Source]) -> None:
        for s in sources:
            row = s.row()
            self.con.execute(
                f"INSERT OR REPLACE INTO sources ({', '.join(row)}) VALUES ({', '.join('?' * len(row))})", list(row.values())
            )

    def known_urls(self, source: str | None = None) -> set[str]:
        if source is None:
            rows = self.con.execute("SELECT url FROM articles").fetchall()
        else:
            rows = self.con.execute("SELECT url FROM articles WHERE source = ?", [source]).fetchall()
        return {r[0] for r in rows}

    def add_articles(self, articles: Sequence[Article]) -> list[Article]:
        """Store the articles whose URL and text are both new; return those stored.

        One transaction for the batch; duplicates inside the batch are dropped too.
        """
        if not articles:
            return []
        urls = [a.url for a in articles]
        hashes = [a.content_hash for a in articles]
        seen_urls = {r[0] for r in self.con.execute("SELECT url FROM articles WHERE url IN ?", [urls]).fetchall()}
        seen_hashes = {
            r[0] for r in self.con.execute("SELECT content_hash FROM articles WHERE content_hash IN ?", [hashes]).fetchall()
        }
        fresh: list[Article] = []
        for article in articles:
            if article.url in seen_urls or article.content_hash in seen_hashes or not article.body:
                continue
            seen_urls.add(article.url)
            seen_hashes.add(article.content_hash)
            fresh.append(article)
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("articles", [a.row() for a in fresh])
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise
        return fresh

    _PENDING = """(extracted_with IS NULL OR extracted_with <> $version)
                  AND article_id NOT IN (SELECT article_id FROM quarantine WHERE extractor_version = $version)"""

    def pending_count(self, version: str | None) -> int:
        """How many articles have a missing or stale extraction (those quarantined by this version left out)."""
        return self.con.execute(f"SELECT count(*) FROM articles WHERE {self._PENDING}",
                                {"version": version}).fetchall()[0][0]

    def pending_ids(self, version: str | None, after: int | None = None, limit: int | None = None) -> list[int]:
        """Articles whose extraction is missing or stale, in ``article_id`` order, a page at a time.

        ``after`` is the last id of the previous page (keyset paging: each page is one
        index-free range scan, and no list of the whole backlog is ever held). Articles
        quarantined by this extractor version are left out (pipeline/quarantine.py).
        """
        sql = f"SELECT article_id FROM articles WHERE {self._PENDING}"
        params: dict[str, Any] = {"version": version}
        if after is not None:
            sql += " AND article_id > $after"
            params["after"] = after
        sql += " ORDER BY article_id"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        return [r[0] for r in self.con.execute(sql, params).fetchall()]

    def clear_extractions(self) -> None:
        """Delete every extraction row and mark every article pending, in one transaction.

        ``extract --all`` starts with this: the re-extraction then only appends (no
        per-batch DELETE scans), and a killed run resumes with the articles still pending.
        """
        self.con.execute("BEGIN TRANSACTION")
        try:
            for table in (*EXTRACTION_TABLES, *DERIVED_TABLES):
                self._recreate_empty(table)
            self.con.execute("UPDATE articles SET extracted_with = NULL WHERE extracted_with IS NOT NULL")
            self.log_rewrite_all()
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def _recreate_empty(self, table: str) -> None:
        """Empty a table by dropping it and creating it again as it was (columns, comments).

        A ``DELETE`` of every row makes DuckDB hold delete information for every vector it
        touches: at a million articles (352 M word-index rows, some row groups with deletes
        already) that ran out of the 512 MB memory limit. Dropping costs the same at any size.
        The extraction and derived tables have no index and no constraint but NOT NULL.
        """
        ddl, comment = self.con.execute(
            "SELECT sql, comment FROM duckdb_tables() WHERE schema_name = 'main' AND table_name = ?", [table]).fetchone()
        columns = self.con.execute(
            "SELECT column_name, comment FROM duckdb_columns() WHERE schema_name = 'main' AND table_name = ?"
            " AND comment IS NOT NULL", [table]).fetchall()
        self.con.execute(f"DROP TABLE {table}")
        self.con.execute(ddl)
        if comment:
            self.con.execute(f"COMMENT ON TABLE {table} IS {_literal(comment)}")
        for column, text in columns:
            self.con.execute(f'COMMENT ON COLUMN {table}."{column}" IS {_literal(text)}')

    def load_pending(self, ids: Sequence[int]) -> list[PendingArticle]:
        """What the extractors need of these articles (read a page at a time: bodies are large)."""
        rows = self.con.execute(
            """SELECT a.article_id, a.title, a.body, a.source, a.published_at, s.province
               FROM articles a LEFT JOIN sources s USING (source)
               WHERE a.article_id IN ? ORDER BY a.article_id""",
            [list(ids)],
        ).fetchall()
        return [PendingArticle(*r) for r in rows]

    def extraction_schemas(self) -> dict[str, pa.Schema]:
        """The Arrow schema of every extraction table."""
        return {t: self._schema(t) for t in EXTRACTION_TABLES}

    def extraction_arrow(self, extractions: Sequence[Extraction]) -> dict[str, pa.Table]:
        """The rows of these extractions as one Arrow table per extraction table (empty ones left out)."""
        return extraction_arrow(self.extraction_schemas(), extractions)

    def replace_extractions(self, extractions: Sequence[Extraction]) -> None:
        """Replace the extraction rows of these articles and stamp their version, atomically."""
        for version in {e.version for e in extractions}:
            same = [e for e in extractions if e.version == version]
            self.replace_extraction_tables([e.article_id for e in same], version, self.extraction_arrow(same))

    def replace_extraction_tables(self, ids: Sequence[int], version: str, tables: dict[str, pa.Table]) -> None:
        """Replace the extraction rows of these articles by ``tables`` (Arrow, keyed by table) and stamp them.

        One transaction, unless articles extracted before (whose rows are deleted first) have rows
        in a large word index: then the new articles are written in one transaction and the others
        in groups of ``REWRITES_PER_TRANSACTION``, each group committed and checkpointed (see
        ``SCATTERED_DELETE_ROW_GROUPS``). Each article is written whole or not at all.
        """
        if not ids:
            return
        ids = list(ids)
        # Only articles extracted before have rows to replace (rows and version are written together);
        # skipping the DELETE for new articles spares a scan of every extraction table per batch.
        stale = [r[0] for r in self.con.execute(
            "SELECT article_id FROM articles WHERE article_id IN ? AND extracted_with IS NOT NULL", [ids]).fetchall()]
        if not stale or self._index_row_groups() <= SCATTERED_DELETE_ROW_GROUPS:
            self._write_extractions(ids, stale, version, tables)
            return
        known = set(stale)
        fresh = [i for i in ids if i not in known]
        if fresh:
            self._write_extractions(fresh, [], version, _rows_of(tables, fresh))
        for start in range(0, len(stale), REWRITES_PER_TRANSACTION):
            group = stale[start : start + REWRITES_PER_TRANSACTION]
            self._write_extractions(group, group, version, _rows_of(tables, group))
            self.con.execute("CHECKPOINT")

    def _index_row_groups(self) -> int:
        """Row groups of the word index (from DuckDB's row count, kept in its metadata)."""
        return -(-self.con.execute("SELECT count(*) FROM search_terms").fetchone()[0] // ROW_GROUP_ROWS)

    def _write_extractions(self, ids: list[int], stale: list[int], version: str, tables: dict[str, pa.Table]) -> None:
        """One transaction: delete the rows of ``stale``, insert ``tables``, stamp ``ids``, update the derived tables."""
        self.con.execute("BEGIN TRANSACTION")
        try:
            if stale:
                for table in EXTRACTION_TABLES:
                    self.con.execute(f"DELETE FROM {table} WHERE article_id IN ?", [stale])
                    self.log_rewrite(table, stale, deleted=True)
                for table in DERIVED_TABLES:  # update_derived below rewrites their rows of these articles
                    self.log_rewrite(table, stale, deleted=True)
            for table, arrow in tables.items():
                self.con.register("_incoming", arrow)
                try:
                    self.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _incoming")
                finally:
                    self.con.unregister("_incoming")
            self.con.execute("UPDATE articles SET extracted_with = ? WHERE article_id IN ?", [version, ids])
            self.log_rewrite("articles", ids, deleted=False)
            changes = update_derived(self.con, ids, replaced=bool(stale))
            self.log_rewrite(EVENT_KEY, sorted(changes.events), deleted=False)
            self.log_rewrite(MENTION_KEY, sorted(changes.articles), deleted=False)
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def set_meta(self, key: str, value: str) -> None:
        self.con.execute("INSERT OR REPLACE INTO meta VALUES (?, ?)", [key, value])

    # -- crawl bookkeeping --------------------------------------------------------------

    def start_run(self, run_id: str, command: str) -> None:
        self.con.execute(
            "INSERT INTO crawl_runs (run_id, command, started_at, status) VALUES (?, ?, ?, 'running')",
            [run_id, command, utcnow()],
        )

    def close_killed_runs(self) -> int:
        """Mark runs left ``running`` as ``killed``, with the articles they stored; return how many.

        Only a writer calls this, under the lock, so a run still ``running`` is dead. Its
        articles are the crawled ones (with a raw page) fetched between its start and the
        next run's start.
        """
        killed = self.con.execute("SELECT count(*) FROM crawl_runs WHERE status = 'running'").fetchone()[0]
        if killed:
            self.con.execute(
                """UPDATE crawl_runs r SET status = 'killed', finished_at = $now, articles_new = (
                       SELECT count(*) FROM articles a WHERE a.raw_path IS NOT NULL AND a.fetched_at >= r.started_at
                       AND a.fetched_at < coalesce((SELECT min(n.started_at) FROM crawl_runs n
                                                    WHERE n.started_at > r.started_at), $now))
                   WHERE status = 'running'""",
                {"now": utcnow()},
            )
        return killed

    def finish_run(self, run_id: str, site_rows: Sequence[dict[str, Any]]) -> None:
        failed = sum(1 for r in site_rows if r["status"] != "ok")
        self.con.execute("BEGIN TRANSACTION")
        try:
            self._insert("crawl_site_runs", [dict(r, run_id=run_id) for r in site_rows])
            self.con.execute(
                """UPDATE crawl_runs SET finished_at = ?, status = ?, sites_ok = ?, sites_failed = ?,
                   pages_fetched = ?, articles_new = ? WHERE run_id = ?""",
                [
                    utcnow(),
                    "failed" if failed else "ok",
                    len(site_rows) - failed,
                    failed,
                    sum(r.get("pages_fetched") or 0 for r in site_rows),
                    sum(r.get("articles_new") or 0 for r in site_rows),
                    run_id,
                ],
            )
            self.con.execute("COMMIT")
        except Exception:
            self.con.execute("ROLLBACK")
            raise

    def record_page_errors(self, rows: Sequence[dict[str, Any]]) -> None:
        self._insert("page_errors", rows)

    def http_validators(self, url: str) -> tuple[str | None, str | None]:
        row = self.con.execute("SELECT etag, last_modified FROM http_cache WHERE url = ?", [url]).fetchone()
        return (row[0], row[1]) if row else (None, None)

    def all_http_validators(self) -> dict[str, tuple[str | None, str | None]]:
        """Every stored url -> (ETag, Last-Modified): a crawl reads them once, not a query per listing page."""
        return {url: (etag, last_modified) for url, etag, last_modified in
                self.con.execute("SELECT url, etag, last_modified FROM http_cache").fetchall()}

    def save_http_validators(self, validators: Mapping[str, tuple[str | None, str | None]]) -> None:
        """Store url -> (ETag, Last-Modified) in one statement: a write per URL costs a commit each
        (about 5 ms: half a second at the end of a crawl of a hundred listing pages)."""
        if not validators:
            return
        urls = list(validators)
        self.con.execute(
            """INSERT OR REPLACE INTO http_cache
               SELECT unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), unnest(?::VARCHAR[]), ?::TIMESTAMP""",
            [urls, [validators[u][0] for u in urls], [validators[u][1] for u in urls], utcnow()],
        )

    # -- reading ------------------------------------------------------------------------

    def counts(self) -> dict[str, int]:
        tables = ("sources", "articles", *EXTRACTION_TABLES)
        return {t: self.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}
