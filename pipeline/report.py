"""What the CLI prints: run summaries, totals, highlights and evaluation scores, as rich tables."""

from __future__ import annotations

from rich.console import Console
from rich.markup import escape
from rich.table import Table

from pipeline.evaluate import KINDS, Report
from pipeline.store import Store


def crawl_table(sites: list[dict], title: str = "Crawl") -> Table:
    table = Table(title=title)
    for column in ("site", "status", "pages", "articles", "new", "failed", "no body"):
        table.add_column(column, justify="left" if column in ("site", "status") else "right",
                         no_wrap=column == "site")
    table.caption = ("pages: responses received; articles: article pages fetched; new: articles stored; "
                     "no body: share of article pages without a body (the layout-drift signal)")
    for row in sites:
        share = row.get("empty_body_share")
        table.add_row(
            row["source"],
            row["status"] if row["status"] == "ok" else f"[red]{row['status']}[/red]: {row.get('error') or ''}",
            str(row.get("pages_fetched") or 0),
            str(row.get("article_pages") or 0),
            str(row.get("articles_new") or 0),
            str(row.get("failures") or 0),
            f"{share:.0%}" if share is not None else "-",
        )
    return table


def quarantine_table(rows: list[dict]) -> Table:
    """The quarantined articles (rows of :func:`pipeline.quarantine.listing`)."""
    table = Table(title=f"Quarantine: {len(rows)} article(s) set aside")
    for column in ("article", "stage", "error", "extractor", "attempts", "last failed (UTC)"):
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(row["url"] or str(row["article_id"]), row["stage"], row["error"], row["extractor_version"],
                      str(row["attempts"]), f"{row['last_failed_at']:%Y-%m-%d %H:%M}")
    table.caption = "Each is tried again once the extractor version changes."
    return table


def totals_table(store: Store) -> Table:
    counts = store.counts()
    table = Table(title="Database")
    table.add_column("table")
    table.add_column("rows", justify="right")
    for name in ("sources", "articles", "units", "amounts", "awards", "movements", "models", "sentences"):
        table.add_row(name, f"{counts[name]:,}")
    dated = store.con.execute("SELECT count(published_at), count(*) FROM articles").fetchone()
    if dated[1]:
        table.caption = f"{dated[0]} of {dated[1]} articles dated ({dated[0] / dated[1]:.0%})"
    return table


def highlights_table(store: Store, per_kind: int = 4) -> Table:
    """The latest awards and the largest sums of money (lump sums in VND), each with its sentence."""
    rows = store.con.execute(
        """
        (SELECT a.published_at, a.source, 'award' AS kind,
                w.form || coalesce(' — ' || w.awarder, '') AS item, w.text AS sentence
         FROM awards w JOIN articles a USING (article_id)
         ORDER BY a.published_at DESC NULLS LAST, w.start_char LIMIT ?)
        UNION ALL
        (SELECT a.published_at, a.source, 'money', m.text, m.sentence
         FROM amounts m JOIN articles a USING (article_id)
         WHERE m.kind = 'money' AND coalesce(m.currency, 'VND') = 'VND' AND m.per IS NULL
         ORDER BY m.value DESC LIMIT ?)
        """,
        [per_kind, per_kind],
    ).fetchall()
    table = Table(title="Top highlights")
    for column in ("date", "source", "kind", "item", "sentence"):
        table.add_column(column, overflow="fold")
    for published, source, kind, item, sentence in rows:
        short = sentence if len(sentence) <= 110 else sentence[:107] + "…"
        table.add_row(f"{published:%d/%m/%Y}" if published else "-", source, kind, item, short)
    return table


def eval_table(report: Report) -> Table:
    table = Table(title="Evaluation")
    for column in ("kind", "precision", "recall", "F1", "tp", "fp", "fn", "restated"):
        table.add_column(column, justify="left" if column == "kind" else "right")
    for kind in KINDS:
        s = report.scores[kind]
        table.add_row(kind, f"{s.precision:.3f}", f"{s.recall:.3f}", f"{s.f1:.3f}", str(s.tp), str(s.fp), str(s.fn),
                      str(s.restated) if kind == "amounts" else "-")
    table.caption = "restated: further textual copies of an annotated amount, counted neither right nor wrong"
    return table


def eval_attributes_table(report: Report) -> Table:
    """How often each attribute of the matched items (and each article field) is right."""
    table = Table(title="Attributes of matched items, article fields")
    for column in ("attribute", "right", "of", "share"):
        table.add_column(column, justify="left" if column == "attribute" else "right")
    for key in sorted(report.attributes):
        correct, total = report.attributes[key]
        table.add_row(key, str(correct), str(total), f"{report.attribute_accuracy(key):.3f}")
    return table


def print_eval_details(console: Console, report: Report) -> None:
    for doc in report.docs:
        problems = [
            *(f"missed {kind}: {item}" for kind, items in doc.missed.items() for item in items),
            *(f"spurious {kind}: {item}" for kind, items in doc.spurious.items() for item in items),
            *(f"restated amount (not counted): {item['text']!r}" for item in doc.restated),
            *doc.wrong_attributes,
            *doc.metadata_errors,
            *doc.leaks,
        ]
        if doc.absent:
            problems.insert(0, "no text to import: left out of the scores")
        elif not doc.found:
            problems.insert(0, "document not found in the database")
        if problems:
            console.print(f"[bold]{doc.doc}[/bold]")
            for problem in problems:
                console.print(f"  - {problem}", markup=False)


def registry_table(sites: list) -> Table:
    """``congdoan sites``: every entry, its status, and what its evidence covers (readable at 80 columns)."""
    from crawl.evidence import summary

    table = Table(title="Site registry")
    table.add_column("source", no_wrap=True)
    table.add_column("province", max_width=12)
    table.add_column("status", max_width=14)
    table.add_column("evidence", ratio=1)
    table.caption = ("evidence: how many of the entry's assumptions (domain, sections, pagination, url_pattern, "
                     "selectors, date_format) were seen in public scrapers, stored copies or real URLs; the rest "
                     "are still assumed (details and dates in docs/sources.md). Sample sites are verified by their tests.")
    for site in sites:
        status = site.status if not site.ceased else f"ceased {site.ended} → {site.successor}"
        if site.render == "browser":
            status += " (browser)"
        if site.kind == "sample":
            evidence = "verified (sample site)"
        else:
            seen, guessed = summary(site.evidence)
            evidence = f"{len(seen)}/{len(seen) + len(guessed)}" + (f"; assumed: {', '.join(guessed)}" if guessed else "")
        table.add_row(site.source, site.province or "-", status, evidence)
    return table


def check_table(results: list) -> Table:
    """``congdoan sites check``: one verdict per site, with its reason."""
    table = Table(title="Live check of the registry")
    for column in ("site", "verdict", "reason"):
        table.add_column(column, no_wrap=column != "reason")
    for result in results:
        verdict = result.verdict if result.verdict == "ok" else f"[red]{result.verdict}[/red]"
        table.add_row(result.source, verdict, escape(result.reason))
    return table
