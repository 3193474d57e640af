"""Where each assumption of a real registry entry was seen, and when.

A real source's entry carries an ``[evidence]`` table with one sub-table per
aspect of the entry (``ASPECTS``). Each says whether the aspect is *evidenced*
(seen somewhere: a public scraper's repository path, a stored copy of a page,
real URLs of the site) or still *assumed*, and why::

    [evidence.url_pattern]
    status = "evidenced"
    seen = 2026-12-04
    where = ["stored page https://laodong.vn/cong-doan/...-631620.bld"]

    [evidence.selectors]
    status = "assumed"
    note = "no stored article page of the site was found"

"Evidenced" never means verified against the live site: it means the aspect
matches what was seen, on the date given. ``congdoan sites check`` is the live check.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any

# The assumptions every real entry makes, in the order they are shown.
ASPECTS = ("domain", "sections", "pagination", "url_pattern", "selectors", "date_format")
STATUSES = ("evidenced", "assumed")
_KNOWN = {"status", "seen", "where", "note"}


@dataclass(frozen=True)
class Evidence:
    """What backs one aspect of an entry."""

    aspect: str
    status: str
    where: tuple[str, ...] = ()
    seen: date | None = None
    note: str = ""

    @property
    def evidenced(self) -> bool:
        return self.status == "evidenced"


def parse_evidence(table: Any) -> tuple[dict[str, Evidence], list[str]]:
    """The evidence by aspect, and the problems found (empty when the table is valid)."""
    if not isinstance(table, dict):
        return {}, ["missing [evidence] table (a real source says where each assumption was seen)"]
    problems = [f"unknown aspect(s) in [evidence]: {', '.join(sorted(set(table) - set(ASPECTS)))}"] if set(table) - set(
        ASPECTS) else []
    found: dict[str, Evidence] = {}
    for aspect in ASPECTS:
        item = table.get(aspect)
        where = f"evidence.{aspect}"
        if not isinstance(item, dict):
            problems.append(f"missing [{where}]")
            continue
        unknown = sorted(set(item) - _KNOWN)
        status = item.get("status")
        sources = item.get("where", [])
        seen = item.get("seen")
        note = item.get("note", "")
        if unknown:
            problems.append(f"unknown key(s) in [{where}]: {', '.join(unknown)}")
        if status not in STATUSES:
            problems.append(f"{where}.status must be one of {', '.join(STATUSES)}, got {status!r}")
            continue
        if not isinstance(sources, list) or not all(isinstance(s, str) and s for s in sources):
            problems.append(f"{where}.where must be a list of strings")
            continue
        if status == "evidenced" and (not sources or not isinstance(seen, date)):
            problems.append(f"{where}: an evidenced aspect needs where = [...] and the date it was seen (seen = YYYY-MM-DD)")
            continue
        if status == "assumed" and not (isinstance(note, str) and note.strip()):
            problems.append(f"{where}: an assumed aspect needs a note saying why it is assumed")
            continue
        found[aspect] = Evidence(aspect, status, tuple(sources), seen if isinstance(seen, date) else None, note or "")
    return found, problems


def summary(evidence: dict[str, Evidence]) -> tuple[list[str], list[str]]:
    """Names of the evidenced and of the assumed aspects, in ``ASPECTS`` order."""
    evidenced = [a for a in ASPECTS if a in evidence and evidence[a].evidenced]
    assumed = [a for a in ASPECTS if a not in evidenced]
    return evidenced, assumed
