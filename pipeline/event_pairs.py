"""Measuring the event grouping: precision and recall on labelled pairs of mentions.

``tests/gold/event_docs.jsonl`` lists short articles written for this purpose
(``tests/fixtures/events/``), with their source, the source's province and their date;
``tests/gold/event_pairs.jsonl`` labels pairs of their award and money mentions as the same
act or not, near misses included. A mention is named by its document, kind, a piece of its
text and which match it is (``["e01", "award", "Cờ thi đua", 0]``).

:func:`load_documents` imports and extracts the documents like any import (one source per
site), so the figures are end to end: a mention the extractors miss counts as a pair the
grouping did not join.
"""

from __future__ import annotations

import json
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from core.config import ROOT, TESTS_GOLD_DIR
from core.records import Source
from pipeline.extraction import extract_pending
from pipeline.importer import import_files
from pipeline.jobs import import_into
from pipeline.store import Store

DOCS = TESTS_GOLD_DIR / "event_docs.jsonl"
PAIRS = TESTS_GOLD_DIR / "event_pairs.jsonl"
FOLDER = ROOT / "tests" / "fixtures" / "events"
TABLES = {"award": "awards", "money": "amounts"}


def _jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def load_documents(store: Store) -> None:
    """Import the documents, one source per site, with their dates; then extract them."""
    by_source: dict[tuple[str, str | None], list[dict]] = {}
    for doc in _jsonl(DOCS):
        by_source.setdefault((doc["source"], doc["source_province"]), []).append(doc)
    for (source, province), docs in by_source.items():
        paths = {FOLDER / d["doc"]: datetime.fromisoformat(d["published"]) for d in docs}
        record = Source(source, source, "import", province=province)
        import_into(store, import_files(list(paths), record), source=record, published=paths, extract=False)
    extract_pending(store)


@dataclass
class PairScore:
    tp: int = 0
    fp: int = 0
    fn: int = 0
    tn: int = 0
    unlocated: list[str] = field(default_factory=list)
    errors: Counter = field(default_factory=Counter)  # case -> wrong decisions

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def pairs(self) -> int:
        return self.tp + self.fp + self.fn + self.tn


def _event_of(store: Store, ref: list) -> int | None:
    """The event of the mention a reference names, None when the extractors did not find it."""
    doc, kind, text, nth = ref
    rows = store.con.execute(
        """SELECT m.event_id FROM event_mentions m JOIN articles a USING (article_id)
            WHERE m.kind = ? AND a.url LIKE ? AND strpos(substr(a.body, m.start_char + 1, m.end_char - m.start_char), ?) > 0
            ORDER BY m.start_char""", [kind, f"%/{doc}%", text]).fetchall()
    return rows[nth][0] if nth < len(rows) else None


def score(store: Store, pairs: list[dict] | None = None) -> PairScore:
    """Precision and recall of "same event" over the labelled pairs."""
    result = PairScore()
    for pair in pairs if pairs is not None else _jsonl(PAIRS):
        a, b = _event_of(store, pair["a"]), _event_of(store, pair["b"])
        for ref, event in ((pair["a"], a), (pair["b"], b)):
            if event is None:
                result.unlocated.append(":".join(map(str, ref)))
        joined = a is not None and a == b
        if pair["same"] and joined:
            result.tp += 1
        elif pair["same"]:
            result.fn += 1
            result.errors[pair["case"]] += 1
        elif joined:
            result.fp += 1
            result.errors[pair["case"]] += 1
        else:
            result.tn += 1
    return result
