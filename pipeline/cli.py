"""The congdoan command line."""

from __future__ import annotations

import logging
import sys
from datetime import date, datetime
from pathlib import Path
from typing import Annotated, Optional

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
    add_completion=False,
    rich_markup_mode="rich",
    context_settings={"help_option_names": ["-h", "--help"]},
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
    typer.Option("--origin", help="Fetch SOURCE from another origin, as SOURCE=URL: a mirror or a test server "
                                  "(stored URLs keep the source's own address); repeat for several."),
]
SinceOption = Annotated[
    Optional[datetime], typer.Option("--since", formats=["%Y-%m-%d"], help="Backfill: follow listings back to this date.")
]


class UserError(Exception):
    """A failure explained to the user in one line."""


@app.callback(invoke_without_command=True)
def _root(
    ctx: typer.Context,
    version: Annotated[bool, typer.Option("--version", help="Print the version and exit.", is_eager=True)] = False,
) -> None:
    if version:
        from importlib.metadata import version as installed

        console.print(f"congdoan {installed('congdoan')}")
        raise typer.Exit()
    if ctx.invoked_subcommand is None:  # `congdoan` alone: the help, and success
        console.print(ctx.get_help())
        raise typer.Exit()


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


def _sites(names: list[str] | None, default_kind: str | None = None, since: date | None = None):
    """The sites to crawl; a ceased source is left out (and said so) unless this is a backfill."""
    from crawl.registry import load_registry, select_sites

    try:
        chosen, ceased = select_sites(load_registry(), names, since=since, samples=default_kind == "sample")
    except KeyError as exc:
        raise UserError(f"unknown site(s): {exc.args[0]}; see `congdoan sites`") from None
    for site in ceased:
        console.print(f"Skipped {site.source}: ceased on {site.ended} (successor: {site.successor}); "
                      f"crawl its archive with --since.")
    if names and not chosen:
        raise UserError("every site named has ceased: crawl their archives with --since DATE")
    return chosen


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


def _report_extraction(stats) -> None:
    workers = f" on {stats.workers} worker(s)" if stats.workers > 1 else ""
    console.print(f"Extracted {stats.articles} article(s) with {stats.version}{workers}.")
    if stats.quarantined:
        errors.print(f"warning: {stats.quarantined} article(s) could not be processed and were set aside; "
                     "see `congdoan quarantine`", markup=False)


def _finish_crawl(outcome) -> None:
    console.print(report.crawl_table(outcome.sites, title=f"Crawl run {outcome.run_id}"))
    for source, pages in outcome.keeps_failing.items():
        console.print(f"{source}: {pages} page(s) keep failing; they are retried with a growing back-off "
                      "(see v_failing_pages).")
    if outcome.extracted:
        _report_extraction(outcome.extracted)
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
    start = since.date() if since else None
    outcome = _crawl(ws, _sites(site, since=start), command="crawl", origins=_origins(origin),
                     since=start, polite=True, extract=False)
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
    start = since.date() if since else None
    origins = _origins(origin)
    chosen = _sites(site, since=start)
    outcome = _crawl(ws, chosen, command="run", origins=origins, since=start, polite=True, extract=True)
    _check_failed(chosen, outcome, origins)
    _finish_crawl(outcome)


def _check_failed(sites, outcome, origins: dict[str, str]) -> None:
    """After a nightly run, check each failed site live and put the verdicts in the log."""
    from crawl.check import check_site

    failed = {row["source"] for row in outcome.failed}
    for site in sites:
        if site.source in failed:
            log.warning("sites check after the failed crawl: %s", check_site(site, origins.get(site.source)).line())


@app.command(name="import")
def import_(
    files: Annotated[list[Path], typer.Argument(help="Plain-text dumps or saved HTML pages, or folders of them.",
                                                exists=True, readable=True)],
    db: DbOption = None,
    source: Annotated[str, typer.Option(help="Source name recorded for files whose publisher is not known.")] = "import",
    province: Annotated[Optional[str], typer.Option(help="Province of that source's site, if provincial.")] = None,
    manifest: Annotated[Optional[Path], typer.Option(
        help="CSV file,url,source,province giving each file its URL, source and site province.",
        exists=True, dir_okay=False, readable=True)] = None,
) -> None:
    """Import saved article pages (text dumps or HTML, told apart by content), then extract them.

    Title, date, byline and body are found and the page's boilerplate is left out. Each file
    gets its own URL, source and province: from its --manifest row, else from the address the
    page names for itself (canonical link, og:url, a "Đường dẫn bài viết: https://..." line) and
    the registry site of that address, else --source and --province; a title opening with a
    province ("Quảng Bình: ...") places the article too. Without an address the URL is the
    file's file:// URI.

    Example:

        congdoan import ../shared/seeds/*.txt --source seeds
        congdoan import saved/*.txt --manifest saved/manifest.csv
    """
    from core.records import Source
    from pipeline.importer import ManifestError, import_files, read_manifest
    from pipeline.jobs import ImportOutcome, failed_files, import_into

    ws = Workspace.for_db(db)
    try:
        contexts = read_manifest(manifest) if manifest else None
    except ManifestError as exc:
        raise UserError(str(exc)) from None
    record = Source(source=source, name=f"Imported files ({source})", kind="import", province=province)
    results = import_files(files, record, manifest=contexts)
    if any(result.ok for result in results):
        setup_logging(ws)
        with writer(ws) as store, _progress() as progress:
            outcome = import_into(store, results, source=record,
                                  on_progress=_extract_progress(progress, "Extracting"))
    else:  # no article: the database is not touched
        outcome = ImportOutcome(errors=failed_files(results))
    console.print(f"Stored {outcome.stored} article(s); {outcome.duplicates} already stored.")
    if outcome.extracted and outcome.extracted.quarantined:
        _report_extraction(outcome.extracted)
    for note in outcome.notes:
        errors.print(f"note: {note}", markup=False)
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
    _report_extraction(stats)


@app.command(name="quarantine")
def quarantine_(db: DbOption = None) -> None:
    """List the articles set aside because processing them failed (stage, error, extractor version).

    A quarantined article is skipped until the extractor version changes, then tried again.

    Example:

        congdoan quarantine --db data/congdoan.duckdb
    """
    from pipeline.quarantine import listing

    with open_reader(Workspace.for_db(db)) as store:
        rows = listing(store)
    if not rows:
        console.print("No article is in quarantine.")
        return
    console.print(report.quarantine_table(rows))


@app.command(name="eval")
def eval_(
    gold: Annotated[list[Path], typer.Argument(help="Gold files (JSON lines, annotation-guide format).",
                                               exists=True, dir_okay=False)],
    db: DbOption = None,
    details: Annotated[bool, typer.Option("--details", help="List every miss, spurious item and wrong field.")] = False,
) -> None:
    """Score the stored extractions against gold files: precision, recall and F1 per kind.

    Gold documents missing from the database are imported first, read only from beside the gold
    file, a folder named after it, a sibling seeds/ folder (the shared gold) or the scratch folder's
    <gold file stem>/; a gold "doc" is a file name or a relative path without "..".

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
    console.print(report.eval_attributes_table(result))
    if result.absent:
        errors.print(f"warning: {len(result.absent)} gold document(s) have no text to import and are left out "
                     f"of the scores: {', '.join(result.absent)}")
    missing = [d.doc for d in result.docs if not d.found and not d.absent]
    if missing:
        errors.print(f"warning: {len(missing)} gold document(s) not found (scored as missed): {', '.join(missing)}")
    console.print(f"Leaks from boilerplate: {len(result.leaks)}")
    if details:
        report.print_eval_details(console, result)


@app.command()
def serve(
    db: DbOption = None,
    host: Annotated[str, typer.Option(help="Address to bind; keep 127.0.0.1 unless a proxy fronts it.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="TCP port.")] = 8000,
    allowed_host: Annotated[Optional[list[str]], typer.Option(
        "--allowed-host", help="Host name clients may use (Host header); repeat for several. "
                               "127.0.0.1, localhost and --host are always allowed.")] = None,
) -> None:
    """Serve the highlights browser (Vietnamese, read-only) for propaganda staff.

    It keeps working while the nightly run writes: each request reads the published file.
    Requests naming another host are refused; errors are logged to logs/ beside the database.

    Example:

        congdoan serve --port 8000   # then open http://127.0.0.1:8000/

        congdoan serve --host 0.0.0.0 --allowed-host diemnhan.example.vn
    """
    from pipeline.web.app import serve as serve_app

    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise UserError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    setup_logging(ws)
    console.print(f"Serving {ws.db} on http://{host}:{port}/ (Ctrl+C to stop)")
    serve_app(ws.db, host=host, port=port, allowed_hosts=allowed_host or ())


@app.command()
def digest(
    week: Annotated[Optional[str], typer.Option(help="ISO week, e.g. 2025-W31 (default: the latest week with dated news).")] = None,
    month: Annotated[Optional[str], typer.Option(help="A month instead of a week, e.g. 2025-07.")] = None,
    province: Annotated[str, typer.Option(help="Province (old or today's name, accents optional); default national.")] = "",
    fmt: Annotated[str, typer.Option("--format", help="html (to print on A4) or docx (Word).")] = "html",
    out: Annotated[Optional[Path], typer.Option(help="File to write (default ban-tin-<period>.<format>).")] = None,
    db: DbOption = None,
) -> None:
    """Write the digest staff send: a week or a month, national or of one province, as HTML or DOCX.

    It opens with a copy-ready summary paragraph and fits 4 A4 pages; the rest is listed briefly.

    Example:

        congdoan digest --province "Thanh Hóa" --week 2025-W31 --format docx
    """
    from datetime import date as date_

    from pipeline.digest import digest_filename, digest_period, write_digest
    from pipeline.web import queries
    from pipeline.web.filters import resolve_province
    from pipeline.web.readers import connect
    from pipeline.web.params import BadParameter

    ws = Workspace.for_db(db)
    if not ws.db.exists():
        raise UserError(f"no database at {ws.db}: run `congdoan demo` or `congdoan run` first")
    if fmt not in ("html", "docx"):
        raise UserError(f"--format must be html or docx, not {fmt!r}")
    try:
        with connect(ws.db) as con:
            start, end, is_week = digest_period(week, month, con, date_.today())
            province = resolve_province(province.strip(), queries.province_names(queries.options(con)))
    except BadParameter as exc:
        raise UserError(str(exc)) from None
    target = out or Path(digest_filename(start, is_week, province, fmt))
    console.print(f"Wrote {write_digest(ws.db, target, start, end, is_week, province, fmt)}")


@app.command()
def export(
    out: Annotated[Path, typer.Option("--out", help="Folder to write one file per table and view into.")],
    fmt: Annotated[str, typer.Option("--format", help="parquet or csv.")] = "parquet",
    excel: Annotated[bool, typer.Option("--excel", help="CSV for Excel: UTF-8 byte-order mark, identifiers "
                                        "kept as text, no cell Excel would run as a formula.")] = False,
    table: Annotated[Optional[list[str]], typer.Option("--table", help="Export only this table or view "
                                                       "(repeat for more).")] = None,
    db: DbOption = None,
) -> None:
    """Export every table and view as Parquet or CSV files, one per table, for R, Stata, Python or Excel.

    Parquet keeps types and lists; CSV writes identifiers as text and lists joined with "; ".

    Example:

        congdoan export --format parquet --out exports/
        congdoan export --format csv --excel --table v_money_events --table v_events --out excel/
    """
    from pipeline.export import FORMATS, export as export_tables

    if fmt not in FORMATS:
        raise UserError(f"--format must be parquet or csv, not {fmt!r}")
    if excel and fmt != "csv":
        raise UserError("--excel writes CSV files: add --format csv")
    with open_reader(Workspace.for_db(db)) as store:
        counts = export_tables(store, out, fmt, excel=excel, names=table)
    for name, rows in counts.items():
        console.print(f"{out / (name + '.' + fmt)}: {rows:,} rows")


sites_app = typer.Typer(invoke_without_command=True, no_args_is_help=False)
app.add_typer(sites_app, name="sites")


@sites_app.callback()
def sites(ctx: typer.Context) -> None:
    """List the registry: every source, its status, and per entry what is evidenced and what is assumed.

    `congdoan sites check` checks the entries against the live sites (see its --help).

    Example:

        congdoan sites
        congdoan sites check --site laodong --save /tmp/pages
    """
    if ctx.invoked_subcommand is not None:
        return
    from crawl.registry import load_registry

    console.print(report.registry_table(list(load_registry().values())))


@sites_app.command(name="check")
def sites_check(
    site: SiteOption = None,
    save: Annotated[Optional[Path], typer.Option("--save", help="Keep every fetched page under DIR/<source>/.")] = None,
    origin: OriginOption = None,
) -> None:
    """Fetch robots.txt, the start page, a listing page and one article of each site; one verdict per site.

    Verdicts: ok, blocked, moved, no articles found, body lost, unreachable. Needs a live connection.
    Exits 3 when a site is not ok.

    Example:

        congdoan sites check --site laodong --site nld --save /tmp/pages
    """
    from crawl.check import check_site
    from crawl.registry import load_registry, select_sites

    try:
        chosen, _ = select_sites(load_registry(), site, since=date.min)
    except KeyError as exc:
        raise UserError(f"unknown site(s): {exc.args[0]}; see `congdoan sites`") from None
    origins = _origins(origin)
    results = [check_site(s, origins.get(s.source), save_dir=save, delay=0.0 if origins else 1.0) for s in chosen]
    console.print(report.check_table(results))
    if any(r.verdict != "ok" for r in results):
        raise typer.Exit(3)


def main() -> None:
    """Entry point: run the app; usage errors are the parser's, other failures one line."""
    # Tracebacks go to the log file of writing commands (setup_logging), never to the terminal.
    logging.getLogger().addHandler(logging.NullHandler())
    try:
        # Standalone mode: the parser reports usage errors itself (its message, exit 2) and turns
        # typer.Exit into the exit code; everything else reaches the handlers below.
        app(prog_name="congdoan", standalone_mode=True)
    except (UserError, DatabaseLocked, FileNotFoundError, ValueError, duckdb.Error, OSError) as exc:
        log.exception("command failed")
        errors.print(f"error: {exc}", markup=False)
        sys.exit(2 if isinstance(exc, DatabaseLocked) else 1)
    except Exception as exc:  # the one-line promise holds for bugs too; the log has the traceback
        log.exception("unexpected failure")
        errors.print(f"error: unexpected {type(exc).__name__}: {exc} (traceback in the log)", markup=False)
        sys.exit(1)
