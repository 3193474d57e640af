"""The printable weekly digest: one self-contained HTML page per ISO week, A4 print CSS inlined.

Used by the web page (``/digest?week=2024-W22``) and by ``congdoan digest``; the
file written by the command opens offline, so its stylesheet is embedded.
"""

from __future__ import annotations

from collections import Counter
from datetime import date, timedelta
from pathlib import Path

from jinja2 import Environment

from pipeline.web.queries import connect, iso_week, parse_week, week_highlights
from pipeline.web.templating import KIND_LABELS, PRINT_CSS, environment

SECTION_LIMIT = 40
"""Items per kind in the digest: the biggest amounts and the first awards; the rest is counted."""


def digest_html(db: Path, monday: date, env: Environment | None = None, with_navigation: bool = False) -> str:
    """The digest of the week starting ``monday``; ``with_navigation`` adds links to other weeks (screen only)."""
    with connect(db) as con:
        rows = week_highlights(con, monday)
    sections = []
    for kind, label in KIND_LABELS.items():
        of_kind = [r for r in rows if r["kind"] == kind]
        if of_kind:
            sections.append((kind, label, of_kind[:SECTION_LIMIT], len(of_kind) - len(of_kind[:SECTION_LIMIT])))
    counts = Counter(r["kind"] for r in rows)
    return (env or environment()).get_template("digest.html").render(
        week=iso_week(monday),
        monday=monday,
        sunday=monday + timedelta(days=6),
        previous_week=iso_week(monday - timedelta(days=7)),
        next_week=iso_week(monday + timedelta(days=7)),
        sections=sections,
        counts=counts,
        total=len(rows),
        articles=len({r["article_id"] for r in rows}),
        units=len({r["unit"] for r in rows if r["unit"]}),
        css=PRINT_CSS.read_text(encoding="utf-8"),
        with_navigation=with_navigation,
    )


def render_digest(db: Path, week: str) -> str:
    """The digest of an ISO week written ``2024-W22``; raises ``BadParameter`` for another form."""
    return digest_html(Path(db), parse_week(week))


def write_digest(db: Path, week: str, out: Path) -> Path:
    """Write the digest of ``week`` to ``out`` (UTF-8) and return the path, for ``congdoan digest``."""
    out.write_text(render_digest(db, week), encoding="utf-8")
    return out
