"""Score stored extractions against gold files written to the annotation guide.

Matching follows the guide: a unit matches on its canonical name (case- and
whitespace-insensitive); an amount on kind and value, and for counts the gold
noun must begin the predicted one or the other way round; an award on form
plus either the awarder or one recipient. Gold items marked ``optional`` are
neither required nor counted against a prediction that finds them. Precision,
recall and F1 are summed over all documents (micro-averaged).

A restated fact is one amount (tests/gold/README.md, "Restatements"): a further
textual copy of an annotated amount is optional whether or not the gold lists it
as such, so a predicted amount left over after matching that matches a gold amount
of its document and has that amount's text is counted apart (``restated``), neither
right nor wrong. Awards are never excused that way: one award is one row.

The guide's award rule cannot match a generic award that names neither awarder
nor recipient ("trên 70 tập thể được các cấp khen thưởng"); such a gold award
matches a prediction of the same form and the same recipient count.
"""

from __future__ import annotations

import json
import math
import unicodedata
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from core.config import SCRATCH_DIR
from pipeline.store import Store

KINDS = ("units", "amounts", "awards")
# Attributes compared on matched pairs, reported as accuracy (not part of F1).
ATTRIBUTES = {
    "units": ("level", "province", "province_now"),
    "amounts": ("qualifier", "value_max", "currency", "per"),
    "awards": ("awarder", "recipients", "recipient_count", "recipient_kind", "occasion"),
}


# Typographic quotes are one mark to the scorer: outlets and annotators write a quoted title
# ('danh hiệu “X”', 'danh hiệu "X"') either way, and the guide does not choose.
_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "«": '"', "»": '"', "‘": "'", "’": "'"})


def norm(text: Any) -> str:
    """Text as the scorer compares it: NFC, case-folded, whitespace collapsed, quotes straight."""
    if text is None:
        return ""
    return " ".join(unicodedata.normalize("NFC", str(text)).casefold().translate(_QUOTES).split())


def _same_number(a: Any, b: Any) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(float(a), float(b), rel_tol=1e-9, abs_tol=1e-9)


def unit_matches(gold: dict, pred: dict) -> bool:
    return norm(gold["name"]) == norm(pred["name"])


def amount_matches(gold: dict, pred: dict) -> bool:
    if gold["kind"] != pred["kind"] or not _same_number(gold["value"], pred["value"]):
        return False
    if gold["kind"] == "count" and gold.get("unit") and pred.get("unit"):
        g, p = norm(gold["unit"]), norm(pred["unit"])
        return g.startswith(p) or p.startswith(g)
    return True


def award_matches(gold: dict, pred: dict) -> bool:
    if norm(gold["form"]) != norm(pred["form"]):
        return False
    if gold.get("awarder") and norm(gold["awarder"]) == norm(pred.get("awarder")):
        return True
    if not gold.get("awarder") and not gold.get("recipients"):
        return gold.get("recipient_count") is not None and _same_number(gold["recipient_count"],
                                                                         pred.get("recipient_count"))
    return bool({norm(r) for r in gold.get("recipients") or []} & {norm(r) for r in pred.get("recipients") or []})


MATCHERS: dict[str, Callable[[dict, dict], bool]] = {
    "units": unit_matches,
    "amounts": amount_matches,
    "awards": award_matches,
}


def attribute_equal(name: str, gold: Any, pred: Any) -> bool:
    if name == "recipients":
        return {norm(r) for r in gold or []} == {norm(r) for r in pred or []}
    if name in ("value_max", "recipient_count"):
        return _same_number(gold, pred)
    if name == "qualifier":
        return (gold or "exact") == (pred or "exact")
    return norm(gold) == norm(pred)


@dataclass
class Score:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    restated: int = 0  # predicted textual copies of an annotated amount: not counted

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass
class DocResult:
    doc: str
    found: bool
    absent: bool = False  # no text anywhere to import: reported, not scored
    missed: dict[str, list[dict]] = field(default_factory=dict)
    spurious: dict[str, list[dict]] = field(default_factory=dict)
    restated: list[dict] = field(default_factory=list)  # amounts
    wrong_attributes: list[str] = field(default_factory=list)
    leaks: list[str] = field(default_factory=list)
    metadata_errors: list[str] = field(default_factory=list)


@dataclass
class Report:
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in KINDS})
    attributes: dict[str, list[int]] = field(default_factory=dict)  # "units.level" -> [correct, total]
    docs: list[DocResult] = field(default_factory=list)

    @property
    def absent(self) -> list[str]:
        """Gold documents whose text is nowhere to be found (not stored, not in a gold folder)."""
        return [d.doc for d in self.docs if d.absent]

    @property
    def leaks(self) -> list[str]:
        return [f"{d.doc}: {leak}" for d in self.docs for leak in d.leaks]

    def attribute_accuracy(self, key: str) -> float:
        correct, total = self.attributes.get(key, [0, 0])
        return correct / total if total else 1.0


def read_gold(paths: Iterable[Path]) -> list[dict]:
    """Gold records of every file, each tagged with the file it came from (``_gold_file``)."""
    records = []
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise ValueError(f"{path}:{number}: not valid JSON ({exc.msg})") from None
            if not isinstance(record, dict):
                raise ValueError(f"{path}:{number}: a gold record is a JSON object")
            check_doc_name(record.get("doc"), f"{path}:{number}")
            record["_gold_file"] = str(path)
            records.append(record)
    return records


def document_folders(gold_file: Path) -> list[Path]:
    """Where the texts of a gold file's documents may be, in order: its folder, a folder named after
    it, the sibling ``seeds/`` folder (the shared gold), and ``SCRATCH_DIR/<gold file stem>/`` (real
    articles, which never enter the repository). Nowhere else."""
    gold = gold_file.resolve()
    return [gold.parent, gold.with_suffix(""), gold.parent.parent / "seeds", SCRATCH_DIR / gold.stem]


def check_doc_name(doc: object, where: str) -> None:
    """A gold ``doc`` is a file name, or a relative path below a gold folder ("html/h01.html"):
    no ``.`` or ``..`` part, not absolute, no backslash, drive colon or NUL."""
    parts = doc.split("/") if isinstance(doc, str) else []
    if not parts or any(part.strip() in ("", ".", "..") or any(c in part for c in "\\:\x00") for part in parts):
        raise ValueError(f"{where}: doc {doc!r} must be a file name or a relative path without '..' "
                         "(gold documents are read only from the gold file's folders)")


def locate_document(record: dict) -> Path | None:
    """The text of a gold document, from one of :func:`document_folders`."""
    for folder in document_folders(Path(record["_gold_file"])):
        candidate = folder / record["doc"]
        if candidate.is_file():
            return candidate
    return None


def find_article(store: Store, doc: str) -> dict | None:
    row = store.con.execute(
        "SELECT article_id, title, byline, body FROM articles WHERE ends_with(url, ?) ORDER BY url LIMIT 1",
        ["/" + doc],
    ).fetchone()
    return dict(zip(("article_id", "title", "byline", "body"), row)) if row else None


def predictions(store: Store, article_id: int) -> dict[str, list[dict]]:
    queries = {
        "units": "SELECT name, level, province, province_now, mentions FROM units WHERE article_id = ?",
        "amounts": "SELECT text, kind, value, value_max, currency, unit, per, qualifier FROM amounts WHERE article_id = ?",
        "awards": """SELECT form, awarder, recipients, recipient_count, recipient_kind, occasion
                     FROM awards WHERE article_id = ?""",
    }
    result = {}
    for kind, sql in queries.items():
        cursor = store.con.execute(sql, [article_id])
        columns = [c[0] for c in cursor.description]
        result[kind] = [dict(zip(columns, row)) for row in cursor.fetchall()]
    return result


def match_items(kind: str, gold: Sequence[dict], pred: Sequence[dict], report: Report, doc: DocResult) -> None:
    """Pair one document's predictions of ``kind`` with its gold items; count them in ``report`` and ``doc``."""
    matches = MATCHERS[kind]
    unmatched = list(pred)
    score = report.scores[kind]
    # Required gold first, so an optional item never takes a prediction a required one needs.
    for item in sorted(gold, key=lambda g: bool(g.get("optional"))):
        partner = next((p for p in unmatched if matches(item, p)), None)
        if partner is None:
            if not item.get("optional"):
                score.fn += 1
                doc.missed.setdefault(kind, []).append(item)
            continue
        unmatched.remove(partner)
        if item.get("optional"):
            continue
        score.tp += 1
        for attribute in ATTRIBUTES[kind]:
            if attribute not in item:
                continue
            counts = report.attributes.setdefault(f"{kind}.{attribute}", [0, 0])
            counts[1] += 1
            if attribute_equal(attribute, item.get(attribute), partner.get(attribute)):
                counts[0] += 1
            else:
                doc.wrong_attributes.append(
                    f"{kind}.{attribute}: gold {item.get(attribute)!r}, got {partner.get(attribute)!r}"
                )
    if kind == "amounts":
        copies = [p for p in unmatched if any(matches(g, p) and norm(g["text"]) == norm(p["text"]) for g in gold)]
        unmatched = [p for p in unmatched if p not in copies]
        score.restated += len(copies)
        doc.restated.extend(copies)
    score.fp += len(unmatched)
    if unmatched:
        doc.spurious[kind] = unmatched


def _check_metadata(record: dict, article: dict, doc: DocResult, report: Report) -> None:
    """Title, byline and body edges of the stored article against the gold; counted as ``article.*``."""
    body = norm(article["body"])
    checks = {
        "title": ("title" in record, lambda: norm(record["title"]) == norm(article["title"]),
                  lambda: f"title: gold {record['title']!r}, got {article['title']!r}"),
        "byline": ("byline" in record, lambda: norm(record["byline"]) == norm(article["byline"]),
                   lambda: f"byline: gold {record['byline']!r}, got {article['byline']!r}"),
        "body_starts": (bool(record.get("body_starts")), lambda: body.startswith(norm(record["body_starts"])),
                        lambda: f"body does not start with {record['body_starts']!r}"),
        "body_ends": (bool(record.get("body_ends")), lambda: body.endswith(norm(record["body_ends"])),
                      lambda: f"body does not end with {record['body_ends']!r}"),
    }
    for name, (present, holds, error) in checks.items():
        if not present:
            continue
        counts = report.attributes.setdefault(f"article.{name}", [0, 0])
        counts[1] += 1
        if holds():
            counts[0] += 1
        else:
            doc.metadata_errors.append(error())


def evaluate(store: Store, gold: Sequence[dict]) -> Report:
    """Compare the stored extractions of every gold document with its gold annotations.

    A document neither stored nor found beside its gold file (:func:`locate_document`) is
    *absent*: listed in ``Report.absent`` and left out of the scores, since there is no text to
    extract from (third-party texts that could not be restored). A document whose text exists but
    did not make it into the database (rejected on import) counts every gold item as missed."""
    report = Report()
    for record in gold:
        article = find_article(store, record["doc"])
        doc = DocResult(record["doc"], found=article is not None)
        report.docs.append(doc)
        if article is None and record.get("_gold_file") and locate_document(record) is None:
            doc.absent = True  # e.g. third-party texts that could not be restored: nothing to score
            continue
        if article is None:
            for kind in KINDS:
                required = [g for g in record.get(kind, []) if not g.get("optional")]
                report.scores[kind].fn += len(required)
                if required:
                    doc.missed[kind] = required
            continue
        _check_metadata(record, article, doc, report)
        predicted = predictions(store, article["article_id"])
        for kind in KINDS:
            match_items(kind, record.get(kind, []), predicted[kind], report, doc)
        not_amounts = {float(v) for v in record.get("not_amounts", [])}
        for amount in doc.spurious.get("amounts", []):
            if amount["value"] is not None and float(amount["value"]) in not_amounts:
                doc.leaks.append(f"amount {amount['text']!r} is listed in not_amounts")
        not_units = {norm(u) for u in record.get("not_units", [])}
        for unit in doc.spurious.get("units", []):
            if norm(unit["name"]) in not_units:
                doc.leaks.append(f"unit {unit['name']!r} is listed in not_units")
    return report
