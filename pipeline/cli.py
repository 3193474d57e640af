"""The congdoan command line."""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

import click
import duckdb
import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from pipeline import report
from core.config import Workspace
from pipeline.logs import setup_logging
from pipeline.writer import DatabaseLocked, open_reader, writer

app = typer.Typer(
    name="congdoan",
    help="Text mining of Vietnamese trade-union news: crawl, extract, load into DuckDB.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode="rich",
)
console = Console()
errors = Console(stderr=True, soft_wrap=True)  # one-line errors, never wrapped
log = logging.getLogger("congdoan")

DbOption = Annotated[
    Optional[Path],
    typer.Option("--db", help="DuckDB file (default: $CONGDOAN_DB or data/congdoan.duckdb).", show_default=False),
]
SiteOption = Annotated[
    Optional[list[str]], typer.Option("--site", help="Registry source to crawl; repeat for several.")
]
OriginOption = Annotated[
    Optional[list[str]],
    typer.Option("--origin", help="Fetch SOURCE from another origin, as SOURCE=URL (mirrors, tests).", hidden=True),
]
SinceOption = Annotated[
    Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Backfill: follow listings back to this date.")
]


class UserError(Exception):
    """A failure explained to the user in one line."""


def _progress() -> Progress:
    return Progress(
        TextColumn("{task.description}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
        console=console, transient=True, disable=not console.is_terminal,
    )


def _extract_progress(progress: Progress, label: str):
    task = progress.add_task(label, total=None)

    def update(done: int, total: int) -> None:
        progress.update(task, completed=done, total=total)

    return update


def _sites(names: list[str] | None, default_kind: str | None = None):
    from crawl.registry import load_registry

    registry = load_registry()
    if names:
        unknown = [n for n in names if n not in registry]
        if unknown:
            raise UserError(f"unknown site(s): {', '.join(unknown)}; see `congdoan sites`")
        return [registry[n] for n in names]
    if default_kind == "sample":
        return [s for s in registry.values() if s.kind == "sample"]
    return [s for s in registry.values() if s.kind != "sample"]


def _origins(pairs: list[str] | None) -> dict[str, str]:
    origins = {}
    for pair in pairs or []:
        source, sep, url = pair.partition("=")
        if not sep or not url.startswith(("http://", "https://")):
            raise UserError(f"--origin takes SOURCE=URL, got {pair!r}")
        origins[source] = url.rstrip("/")
    return origins


def _crawl(ws: Workspace, sites, *, command: str, origins: dict[str, str], since: date | None,
           polite: bool, extract: bool):
    from pipeline.jobs import crawl_into

    with writer(ws) as store, _progress() as progress:
        crawling = progress.add_task(f"Crawling {len(sites)} site(s)", total=None)
        outcome = crawl_into(store, ws, sites, command=command, origins=origins, since=since,
                             polite=polite, extract=False)
        progress.remove_task(crawling)
        if extract:
            from pipeline.extraction import extract_pending

            outcome.extracted = extract_pending(store, on_progress=_extract_progress(progress, "Extracting"))
    return outcome


def _finish_crawl(outcome) -> None:
    console.print(report.crawl_table(outcome.sites, title=f"Crawl run {outcome.run_id}"))
    if outcome.extracted:
        console.print(f"Extracted {outcome.extracted.articles} article(s) with {outcome.extracted.version}.")
    if outcome.failed:
        names = ", ".join(s["source"] for s in outcome.failed)
        errors.print(f"error: {len(outcome.failed)} site(s) failed: {names} (see crawl_site_runs and page_errors)")
        raise typer.Exit(3)


@app.command()
def demo(db: DbOption = None) -> None:
    """Serve the bundled sample sites on 127.0.0.1, crawl them, extract, and print a summary.

    Running it again on the same database adds nothing: articles keep their URLs whatever port serves them.

    Example:

        congdoan demo --db /tmp/demo.duckdb
    """
    from crawl.sample_server import serve_sites

    ws = Workspace.for_db(db)
    setup_logging(ws)
    sites = _sites(None, default_kind="sample")
    with serve_sites(sites) as origins:
        outcome = _crawl(ws, sites, command="demo", origins=origins, since=None, polite=False, extract=True)
    console.print(report.crawl_table(outcome.sites, title="Sample sites"))
    with open_reader(ws) as store:
        console.print(report.totals_table(store))
        console.print(report.highlights_table(store))
    console.print(f"Database: {ws.db}")
    if outcome.failed:
        raise typer.Exit(3)


@app.command()
def crawl(site: SiteOption = None, db: DbOption = None, since: SinceOption = None,
          origin: OriginOption = None) -> None:
    """Crawl registered sites and store new articles only (no extraction; see `run`).

    Without --site, every real source of the registry is crawled. Exits 3 when a site failed.

    Example:

        congdoan crawl --site laodong --site nld
    """
    ws = Workspace.for_db(db)
    setup_logging(ws)
    outcome = _crawl(ws, _sites(site), command="crawl", origins=_origins(origin),
                     since=since.date() if since else None, polite=True, extract=False)
    _finish_crawl(outcome)


@app.command()
def run(site: SiteOption = None, db: DbOption = None, since: SinceOption = None,
        origin: OriginOption = None) -> None:
    """The nightly job: crawl every registered source, then extract what is new.

    Readers keep working while it runs; a second run started meanwhile exits with a lock message.
    Writes a rotating log under logs/ beside the database. Exits 3 when a site failed.

    Example (crontab):

        30 2 * * * cd /srv/congdoan && .venv/bin/congdoan run >> /dev/null 2>&1
    """
    ws = Workspace.for_db(db)
    setup_logging(ws)
    outcome = _crawl(ws, _sites(site), command="run", origins=_origins(origin),
                     since=since.date() if since else None, polite=True, extract=True)
    _finish_crawl(outcome)


@app.command(name="import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Plain-text dumps or saved HTML pages.", exists=True,
                                                dir_okay=False, readable=True)],
    db: DbOption = None,
    source: Annotated[str, typer.Option(help="Source name recorded for these files.")] = "import",
    province: Annotated[Optional[str], typer.Option(help="Province of the publishing site, if provincial.")] = None,
) -> None:
    """Import saved article pages (text dumps or HTML, told apart by content), then extract them.

    Title, date, byline and body are found and the page's boilerplate is left out.
    The article URL is the file's file:// URI.

    Example:

        congdoan import ../shared/seeds/*.txt --source seeds
    """
    from pipeline.jobs import import_into
    from core.records import Source

    ws = Workspace.for_db(db)
    setup_logging(ws)
    record = Source(source=source, name=f"Imported files ({source})", kind="import", province=province)
    with writer(ws) as store, _progress() as progress:
        outcome = import_into(store, files, source=record, on_progress=_extract_progress(progress, "Extracting"))
    console.print(f"Stored {outcome.stored} article(s); {outcome.duplicates} already stored.")
    for problem in outcome.errors:
        errors.print(f"error: {problem}", markup=False)
    if outcome.errors:
        raise typer.Exit(1)


@app.command()
def extract(
    db: DbOption = None,
    all_: Annotated[bool, typer.Option("--all", help="Re-extract every article (after the extractors change).")] = False,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes for the NLP (of the local cluster with dask).")] = 1,
    engine: Annotated[str, typer.Option(help="local (worker processes here) or dask (a Dask distributed cluster).")] = "local",
    address: Annotated[Optional[str], typer.Option(
        help="Dask scheduler, e.g. tcp://10.0.0.5:8786; without it, a local cluster of --workers processes.")] = None,
) -> None:
    """Run the extractors on stored articles not yet extracted by the current extractor version.

    With --engine dask the NLP runs on a Dask cluster and this process writes the results
    (docs/scaling.md says how to point it at a real cluster).

    Examples:

        congdoan extract --all --workers 2

        congdoan extract --all --engine dask --address tcp://10.0.0.5:8786
    """
    from pipeline.extraction import extract_pending

    if engine not in ("local", "dask"):
        raise UserError(f"--engine must be local or dask, not {engine!r} (docs/scaling.md explains why not Ray)")
    if address and engine != "dask":
        raise UserError("--address needs --engine dask")
    ws = Workspace.for_db(db)
    setup_logging(ws)
    with writer(ws) as store, _progress() as progress:
        on_progress = _extract_progress(progress, "Extracting")
        if engine == "dask":
            from pipeline.cluster import extract_on_cluster

            stats = extract_on_cluster(store, ws.staging_dir, address=address, workers=workers, everything=all_,
                                       on_progress=on_progress)
        else:
            stats = extract_pending(store, everything=all_, workers=workers, on_progress=on_progress)
    console.print(f"Extracted {stats.articles} article(s) with {stats.version} on {stats.workers} worker(s).")


@app.command(name="eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON lines, annotation-guide format).",
                                               exists=True, dir_okay=False)],
    db: DbOption = None,
    details: Annotated[bool, typer.Option("--details", help="List every miss, spurious item and wrong field.")] = False,
) -> None:
    """Score the stored extractions against gold files: precision, recall and F1 per kind.

    Gold documents missing from the database are imported first from beside the gold file
    (or from ../seeds for the shared gold).

    Example:

        congdoan eval ../shared/gold/seeds-dev.jsonl --details
    """
    from pipeline.evaluate import evaluate, read_gold
    from pipeline.jobs import import_gold_documents

    ws = Workspace.for_db(db)
    records = read_gold(gold)
    imported = import_gold_documents(ws, records)
    if imported:
        console.print(f"Imported {len(imported)} gold document(s) first: {', '.join(imported)}")
    with open_reader(ws) as store:
        result = evaluate(store, records)
    console.print(report.eval_table(result))
    missing = [d.doc for d in result.docs if not d.found]
    if missing:
        errors.print(f"warning: {len(missing)} gold document(s) not found: {', '.join(missing)}")
    console.print(f"Leaks from boilerplate: {len(result.leaks)}")
    if details:
        report.print_eval_details(console, result)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless a proxy fronts it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
) -> None:
    """Serve the highlights browser (Vietnamese, read-only) for propaganda staff.

    It keeps working while the nightly run writes: each request reads the published file.

    Example:

        congdoan serve --port 8000   # then open http://127.0.0.1:8000/
    """
    from pipeline.web.app import serve as serve_app

    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise UserError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    console.print(f"Serving {ws.db} on http://{host}:{port}/ (Ctrl+C to stop)")
    serve_app(ws.db, host=host, port=port)


@app.command()
def digest(
    week: Annotated[str, typer.Option(help="ISO week, e.g. 2024-W22.")],
    out: Annotated[Path, typer.Option(help="HTML file to write.")] = Path("digest.html"),
    db: DbOption = None,
) -> None:
    """Write the printable weekly digest (HTML for A4) of one ISO week's highlights.

    Example:

        congdoan digest --week 2024-W22 --out digest.html
    """
    from pipeline.digest import write_digest

    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise UserError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    console.print(f"Wrote {write_digest(ws.db, week, out)}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write one file per table and view into.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
    db: DbOption = None,
) -> None:
    """Export every table and view as Parquet or CSV files, one per table, for R, Stata or Excel.

    Example:

        congdoan export --format parquet --out exports/
    """
    from pipeline.export import export as export_tables

    if fmt not in ("parquet", "csv"):
        raise UserError(f"--format must be parquet or csv, not {fmt!r}")
    with open_reader(Workspace.for_db(db)) as store:
        counts = export_tables(store, out, fmt)
    for name, rows in counts.items():
        console.print(f"{out / (name + '.' + fmt)}: {rows:,} rows")


@app.command()
def sites() -> None:
    """List the registry: every source, its kind, province and whether it is verified.

    Example:

        congdoan sites
    """
    from rich.table import Table

    from crawl.registry import load_registry

    table = Table(title="Site registry")
    for column in ("source", "kind", "province", "verified", "base URL"):
        table.add_column(column)
    for site in load_registry().values():
        table.add_row(site.source, site.kind, site.province or "-", "yes" if site.verified else "assumed",
                      site.base_url)
    console.print(table)


def main() -> None:
    """Entry point: run the app, turning expected failures into one-line errors."""
    # Tracebacks go to the log file of writing commands (setup_logging), never to the terminal.
    logging.getLogger().addHandler(logging.NullHandler())
    try:
        # Without standalone mode click returns the code of typer.Exit instead of exiting.
        code = app(standalone_mode=False)
        sys.exit(code if isinstance(code, int) else 0)
    except click.exceptions.Exit as exc:
        sys.exit(exc.exit_code)
    except click.exceptions.Abort:
        errors.print("error: aborted")
        sys.exit(130)
    except click.ClickException as exc:
        exc.show()
        sys.exit(exc.exit_code)
    except (UserError, DatabaseLocked, FileNotFoundError, ValueError, duckdb.Error, OSError) as exc:
        log.exception("command failed")
        errors.print(f"error: {exc}", markup=False)
        sys.exit(2 if isinstance(exc, DatabaseLocked) else 1)
    except Exception as exc:  # the one-line promise holds for bugs too; the log has the traceback
        log.exception("unexpected failure")
        errors.print(f"error: unexpected {type(exc).__name__}: {exc} (traceback in the log)", markup=False)
        sys.exit(1)
