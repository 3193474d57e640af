"""Events across articles and sources: one row per real act, however often it is reported.

Every award row and every money amount is a *mention* (``event_mentions``). Two mentions
report one event when they share a grouping key (a *block*, from the rules of
``data/lexicon/events.toml``) and are close enough in time, unless a veto applies; events
are the connected groups of mentions (single link), so the grouping does not depend on
the order articles arrive in.

The grouping is incremental. :func:`update_events` takes the articles a batch has just
(re-)extracted: their old mentions leave their events, their new mentions are loaded, and
only the mentions that can link to them are read back: those sharing a block within the
time window (``event_mentions`` holds each mention's blocks and date). Events a new mention
links together are merged; an event that lost a mention is regrouped, as it may have lost
the link holding it together. Aggregates are recomputed for the events touched only. A
night's few hundred articles read a few thousand mentions, whatever the size of the
database.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field, fields
from datetime import date, timedelta
from functools import lru_cache
from typing import Any

import duckdb
import pyarrow as pa

from core.records import stable_id
from extract.gazetteer import name_key
from extract.lexicon import lexicon
from extract.unit_identity import unit_id_for

KINDS = ("award", "money")


@dataclass(frozen=True)
class Rules:
    award_window: int
    money_window: int
    min_vnd: float

    @classmethod
    def load(cls) -> "Rules":
        data = lexicon("events")
        return cls(data["award"]["window_days"], data["money"]["window_days"], data["money"]["min_vnd"])

    def window(self, kind: str) -> int:
        return self.award_window if kind == "award" else self.money_window


@lru_cache(maxsize=1)
def rules() -> Rules:
    return Rules.load()


@dataclass
class Mention:
    """A row of ``event_mentions``: where the mention is, and what the grouping compares."""

    kind: str
    article_id: int
    table_name: str
    row_idx: int
    start_char: int | None
    end_char: int | None
    source: str
    report_date: date | None
    label: str | None = None
    unit_id: int | None = None
    province_now: str | None = None
    value: float | None = None
    value_max: float | None = None
    currency: str | None = None
    per: str | None = None
    purpose: str | None = None
    form_family: str | None = None
    awarder: str | None = None
    awarder_id: int | None = None
    recipient_ids: list[int] | None = None
    recipient_count: int | None = None
    event_id: int | None = None
    blocks: list[str] = field(default_factory=list)

    @property
    def ref(self) -> tuple[int, str, int]:
        return (self.article_id, self.table_name, self.row_idx)

    def order(self) -> tuple:
        """Earliest report first; undated ones last."""
        return (self.report_date is None, self.report_date or date.min, *self.ref)


COLUMNS = [f.name for f in fields(Mention) if f.name != "event_id"] + ["event_id"]
_ARROW_TYPES = {
    "kind": pa.string(), "article_id": pa.int64(), "table_name": pa.string(), "row_idx": pa.int32(),
    "start_char": pa.int32(), "end_char": pa.int32(), "source": pa.string(), "report_date": pa.date32(),
    "label": pa.string(), "unit_id": pa.int64(), "province_now": pa.string(), "value": pa.float64(),
    "value_max": pa.float64(), "currency": pa.string(), "per": pa.string(), "purpose": pa.string(),
    "form_family": pa.string(), "awarder": pa.string(), "awarder_id": pa.int64(), "recipient_ids": pa.list_(pa.int64()),
    "recipient_count": pa.int32(), "event_id": pa.int64(), "blocks": pa.list_(pa.string()),
}
_MENTION_SCHEMA = pa.schema([(c, _ARROW_TYPES[c]) for c in COLUMNS])


def blocks_of(m: Mention, r: Rules) -> list[str]:
    """The grouping keys of a mention (data/lexicon/events.toml says why)."""
    if m.kind == "money":
        if m.value is None:
            return []
        key = f"m|{m.currency}|{m.value:g}|{'' if m.value_max is None else f'{m.value_max:g}'}|{m.per or ''}|{m.purpose}"
        if m.unit_id is None or (m.currency == "VND" and m.value < r.min_vnd):
            return [f"{key}|art:{m.article_id}|u:{m.unit_id}"]
        return [f"{key}|u:{m.unit_id}"]
    family = m.form_family or "?"
    blocks = [f"a|{family}|r:{rid}" for rid in sorted(set(m.recipient_ids or []))]
    if m.awarder_id is not None and m.recipient_count is not None:
        blocks.append(f"a|{family}|g:{m.awarder_id}|n:{m.recipient_count}")
    return blocks or [f"a|{family}|art:{m.article_id}|g:{m.awarder_id}"]


def linked(a: Mention, b: Mention, r: Rules) -> bool:
    """Whether two mentions sharing a block report one event."""
    if a.article_id != b.article_id:
        if a.report_date is None or b.report_date is None:
            return False
        if abs((a.report_date - b.report_date).days) > r.window(a.kind):
            return False
    if a.kind == "award":
        if a.recipient_ids and b.recipient_ids and not set(a.recipient_ids) & set(b.recipient_ids):
            return False
        if a.awarder_id is not None and b.awarder_id is not None and a.awarder_id != b.awarder_id:
            return False
        if a.province_now and b.province_now and a.province_now != b.province_now:
            return False
    return True


def event_id_for(m: Mention, salt: int = 0) -> int:
    return stable_id(f"{m.kind}:{m.article_id}:{m.table_name}:{m.row_idx}" + (f":{salt}" if salt else ""))


# -- reading mentions ---------------------------------------------------------------------------

_MONEY_SQL = """
WITH numbered AS (
    SELECT m.*, (row_number() OVER (PARTITION BY m.article_id ORDER BY m.start_char, m.end_char, m.text) - 1)::INTEGER
               AS row_idx
    FROM amounts m WHERE m.article_id IN (SELECT article_id FROM _event_articles))
SELECT 'money' AS kind, n.article_id, 'amounts' AS table_name, n.row_idx, n.start_char, n.end_char, a.source,
       a.published_at::DATE AS report_date, n.text AS label, n.unit_id, r.province_now, n.value, n.value_max,
       coalesce(n.currency, 'VND') AS currency, n.per, n.purpose
FROM numbered n JOIN articles a USING (article_id) LEFT JOIN unit_registry r ON r.unit_id = n.unit_id
WHERE n.kind = 'money'
"""


_AWARD_SQL = """
WITH w AS MATERIALIZED (SELECT * FROM awards WHERE article_id IN (SELECT article_id FROM _event_articles)),
     rec AS MATERIALIZED (SELECT * FROM award_recipients WHERE article_id IN (SELECT article_id FROM _event_articles)),
     un AS MATERIALIZED (SELECT article_id, unit_id, name, province_now FROM units
                         WHERE article_id IN (SELECT article_id FROM _event_articles))
SELECT 'award' AS kind, w.article_id, 'awards' AS table_name, w.idx AS row_idx, w.start_char, w.end_char, a.source,
       a.published_at::DATE AS report_date, w.form AS label, placed.unit_id,
       coalesce(placed.province_now, sole.province_now) AS province_now,
       w.form_family, w.awarder, giver.unit_id AS awarder_id, named.recipients, w.recipient_count
FROM w JOIN articles a USING (article_id)
LEFT JOIN LATERAL (SELECT list({'name': r.recipient, 'unit_id': r.unit_id} ORDER BY r.recipient_idx) AS recipients
                   FROM rec r WHERE r.article_id = w.article_id AND r.award_idx = w.idx
                   AND r.recipient_type IN ('unit', 'person')) named ON TRUE
LEFT JOIN LATERAL (SELECT CASE WHEN r.recipient_type = 'unit' THEN r.unit_id END AS unit_id, r.province_now
                   FROM rec r
                   WHERE r.article_id = w.article_id AND r.award_idx = w.idx
                   AND (r.recipient_type = 'unit' OR r.province_now IS NOT NULL)
                   ORDER BY r.recipient_type <> 'unit', r.recipient_idx LIMIT 1) placed ON TRUE
LEFT JOIN LATERAL (SELECT u.unit_id FROM un u WHERE u.article_id = w.article_id AND u.name = w.awarder_unit
                   LIMIT 1) giver ON TRUE
LEFT JOIN LATERAL (SELECT CASE WHEN count(DISTINCT u.province_now) = 1 THEN any_value(u.province_now) END
                   AS province_now FROM un u WHERE u.article_id = w.article_id) sole ON TRUE
"""
"""The award mentions of the articles in ``_event_articles``. The tables are cut to those articles first
(materialised): DuckDB decorrelates the lateral joins over whole tables otherwise, about 10 s per
batch at a million articles instead of 0.1 s."""


def name_identity(kind: str, name: str, unit_id: int | None) -> int:
    """An identity for grouping: a unit's unit_id, else the folded name of a person or an awarder."""
    return unit_id if unit_id is not None else unit_id_for(f"{kind}:{name_key(name)}")


def _rows(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


def load_mentions(con: duckdb.DuckDBPyConnection, article_ids: Sequence[int]) -> list[Mention]:
    """The award and money mentions of these articles, with their blocks."""
    con.register("_event_articles", pa.table({"article_id": pa.array(list(article_ids), pa.int64())}))
    try:
        rows = _rows(con.execute(_MONEY_SQL))
        for row in _rows(con.execute(_AWARD_SQL)):
            row["recipient_ids"] = [name_identity("person", r["name"], r["unit_id"]) for r in row.pop("recipients") or []]
            if row["awarder"] and row["awarder_id"] is None:
                row["awarder_id"] = name_identity("awarder", row["awarder"], None)
            rows.append(row)
    finally:
        con.unregister("_event_articles")
    mentions = [Mention(**row) for row in rows]
    r = rules()
    for m in mentions:
        m.blocks = blocks_of(m, r)
    return mentions


def _stored(con: duckdb.DuckDBPyConnection, where: str, params: list[Any]) -> list[Mention]:
    rows = _rows(con.execute(f"SELECT {', '.join(COLUMNS)} FROM event_mentions WHERE {where}", params))
    return [Mention(**row) for row in rows]


_CANDIDATES_SQL = """
WITH hits AS (
    SELECT DISTINCT s.article_id, s.table_name, s.row_idx
    FROM (SELECT article_id, table_name, row_idx, report_date, unnest(blocks) AS block FROM event_mentions
          WHERE kind = $kind AND report_date BETWEEN $lo AND $hi) s
    JOIN _wanted w ON s.block = w.block AND s.report_date BETWEEN w.lo AND w.hi)
SELECT {columns} FROM event_mentions m SEMI JOIN hits USING (article_id, table_name, row_idx)
WHERE m.kind = $kind AND m.report_date BETWEEN $lo AND $hi
"""
"""Stored mentions sharing a block with a new mention within that mention's window (``_wanted``:
block, lo, hi per dated new mention and block). Loading every stored mention of the blocks over the
whole batch's dates took 20 s a night at a million articles."""


def _candidates(con: duckdb.DuckDBPyConnection, new: Sequence[Mention], exclude: set[int]) -> list[Mention]:
    """Stored mentions sharing a block with a new one, within the window of that new one's date.

    Undated mentions link only within their own article, so they look for no stored mention.
    """
    found: dict[tuple, Mention] = {}
    r = rules()
    for kind in KINDS:
        window = timedelta(days=r.window(kind))
        wanted = [(b, m.report_date - window, m.report_date + window) for m in new
                  if m.kind == kind and m.report_date is not None for b in m.blocks if "|art:" not in b]
        if not wanted:
            continue
        blocks, lows, highs = zip(*wanted)
        con.register("_wanted", pa.table({"block": pa.array(blocks, pa.string()), "lo": pa.array(lows, pa.date32()),
                                          "hi": pa.array(highs, pa.date32())}))
        try:
            rows = _rows(con.execute(_CANDIDATES_SQL.format(columns=", ".join(f"m.{c}" for c in COLUMNS)),
                                     {"kind": kind, "lo": min(lows), "hi": max(highs)}))
        finally:
            con.unregister("_wanted")
        for m in (Mention(**row) for row in rows):
            if m.event_id not in exclude:
                found[m.ref] = m
    return list(found.values())


# -- grouping ---------------------------------------------------------------------------------


class _UnionFind:
    def __init__(self, n: int):
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i

    def union(self, a: int, b: int) -> None:
        a, b = self.find(a), self.find(b)
        if a != b:
            self.parent[max(a, b)] = min(a, b)


def group(mentions: Sequence[Mention], stable: set[int] = frozenset(), r: Rules | None = None,
          settled_from: int | None = None) -> list[list[int]]:
    """Indexes of the mentions of each event (connected groups of linked mentions sharing a block).

    Mentions of the same ``stable`` event stay together: they are the loaded part of an event
    whose other mentions were linked before. Mentions from index ``settled_from`` on are stored
    mentions of events already closed under linking (no two of different events are linked), so
    only pairs with an earlier mention are compared: a night's cost follows its own mentions, not
    the archive's mentions in the same blocks (at a million articles, 36 M comparisons per night).
    """
    r = r or rules()
    settled_from = len(mentions) if settled_from is None else settled_from
    uf = _UnionFind(len(mentions))
    by_block: dict[str, list[int]] = {}
    by_event: dict[int, int] = {}
    for i, m in enumerate(mentions):
        for block in m.blocks:
            by_block.setdefault(block, []).append(i)
        if m.event_id in stable:
            uf.union(by_event.setdefault(m.event_id, i), i)
    for members in by_block.values():
        if all(i >= settled_from for i in members):
            continue
        members.sort(key=lambda i: mentions[i].order())
        for k, i in enumerate(members):
            if i >= settled_from:
                continue
            a = mentions[i]
            for j in members[k + 1:]:  # later ones, each pair once from its earlier active mention
                b = mentions[j]
                if b.report_date and a.report_date and (b.report_date - a.report_date).days > r.window(a.kind):
                    break  # sorted by date: the rest are further away (undated ones only link in-article)
                if linked(a, b, r):
                    uf.union(i, j)
            for j in reversed(members[:k]):  # earlier settled ones (earlier active ones compared above)
                b = mentions[j]
                if a.report_date and b.report_date and (a.report_date - b.report_date).days > r.window(b.kind):
                    break
                if j >= settled_from and linked(b, a, r):
                    uf.union(j, i)
    groups: dict[int, list[int]] = {}
    for i in range(len(mentions)):
        groups.setdefault(uf.find(i), []).append(i)
    return list(groups.values())


def _assign_ids(mentions: Sequence[Mention], groups: list[list[int]], stable: set[int],
                taken: Callable[[list[int]], set[int]]) -> tuple[dict[int, int], dict[int, int]]:
    """Event id of each group, and the stored events merged into another (old id -> new id).

    A group keeps the id of a ``stable`` event (one whose unloaded mentions stay with it) with
    the earliest mention, else of a regrouped event it holds the earliest mention of; a new group
    gets an id derived from its earliest mention, salted if ``taken`` says a stored event outside
    the pool already has it (its founder was re-extracted and did not rejoin it).
    """
    ids: dict[int, int] = {}
    merged: dict[int, int] = {}
    used: set[int] = set()
    fresh: dict[int, int] = {}  # group -> index of its earliest mention
    ordered = sorted(range(len(groups)), key=lambda g: min(mentions[i].order() for i in groups[g]))
    for g in ordered:
        members = sorted(groups[g], key=lambda i: mentions[i].order())
        olds = list(dict.fromkeys(mentions[i].event_id for i in members if mentions[i].event_id is not None))
        keep = next((e for e in olds if e in stable), None) or next((e for e in olds if e not in used), None)
        if keep is None:
            fresh[g] = members[0]
            continue
        used.add(keep)
        ids[g] = keep
        for old in olds:
            if old in stable and old != keep:
                merged[old] = keep
    wanted = {g: event_id_for(mentions[i]) for g, i in fresh.items()}
    blocked = used | taken([e for e in wanted.values() if e not in used])
    for g, first in fresh.items():
        salt, keep = 0, wanted[g]
        while keep in blocked:
            salt += 1
            keep = event_id_for(mentions[first], salt)
        blocked.add(keep)
        ids[g] = keep
    return ids, merged


# -- writing ----------------------------------------------------------------------------------

_AGGREGATE_SQL = """
INSERT INTO events
SELECT event_id,
       any_value(kind),
       arg_min(label, ordering),
       arg_min(form_family, ordering),
       arg_min(unit_id, ordering) FILTER (WHERE unit_id IS NOT NULL),
       arg_min(awarder, ordering) FILTER (WHERE awarder IS NOT NULL),
       arg_min(awarder_id, ordering) FILTER (WHERE awarder_id IS NOT NULL),
       arg_min(province_now, ordering) FILTER (WHERE province_now IS NOT NULL),
       arg_min(value, ordering), arg_min(value_max, ordering), arg_min(currency, ordering),
       arg_min(per, ordering), arg_min(purpose, ordering),
       max(recipient_count),
       min(report_date), max(report_date),
       count(*), count(DISTINCT article_id), count(DISTINCT source), list(DISTINCT source ORDER BY source)
FROM (SELECT *, (report_date IS NULL, report_date, article_id, table_name, row_idx) AS ordering FROM event_mentions
      WHERE event_id IN (SELECT event_id FROM _touched_events))
GROUP BY event_id
"""


def _write(con: duckdb.DuckDBPyConnection, rows: list[Mention], touched: Iterable[int]) -> None:
    """Replace the stored rows of these mentions, then the aggregates of the touched events."""
    if rows:
        table = pa.Table.from_pylist([{c: getattr(m, c) for c in COLUMNS} for m in rows], schema=_MENTION_SCHEMA)
        con.register("_mentions", table)
        try:
            con.execute("""DELETE FROM event_mentions e USING _mentions n
                           WHERE e.article_id = n.article_id AND e.table_name = n.table_name AND e.row_idx = n.row_idx""")
            con.execute(f"INSERT INTO event_mentions ({', '.join(COLUMNS)}) SELECT {', '.join(COLUMNS)} FROM _mentions")
        finally:
            con.unregister("_mentions")
    con.register("_touched_events", pa.table({"event_id": pa.array(sorted(set(touched)), pa.int64())}))
    try:
        con.execute("DELETE FROM events WHERE event_id IN (SELECT event_id FROM _touched_events)")
        con.execute(_AGGREGATE_SQL)
    finally:
        con.unregister("_touched_events")


@dataclass(frozen=True)
class EventChanges:
    """What :func:`update_events` changed, for the writer to replay onto its standby copy.

    Every row of ``events`` it deleted, wrote or updated has one of the ``events`` ids (a
    re-extracted article's mentions belonged to regrouped events, a merged event is touched,
    a rewritten mention lands in a touched event); every such row of ``event_mentions``
    belongs to one of the ``articles``. A night's new mentions often join large events, so
    the mentions are replayed by article: by event they were hundreds of thousands of rows
    a night at a million articles.
    """

    events: set[int]
    articles: set[int]


def update_events(con: duckdb.DuckDBPyConnection, article_ids: Sequence[int]) -> EventChanges:
    """Regroup after these articles were (re-)extracted; return what changed (:class:`EventChanges`).

    Runs inside the caller's transaction (the extraction batch's), after the unit registry.
    """
    if not article_ids:
        return EventChanges(set(), set())
    ids = list(article_ids)
    regrouped = {r[0] for r in con.execute(
        "SELECT DISTINCT event_id FROM event_mentions WHERE article_id IN ?", [ids]).fetchall()}
    con.execute("DELETE FROM event_mentions WHERE article_id IN ?", [ids])
    new = load_mentions(con, ids)
    loose = _stored(con, "event_id IN ?", [sorted(regrouped)]) if regrouped else []
    candidates = _candidates(con, new, regrouped)
    pool = new + loose + candidates
    stable = {m.event_id for m in candidates}
    pooled = {m.event_id for m in pool if m.event_id is not None}

    def taken(wanted: list[int]) -> set[int]:
        found = con.execute("SELECT event_id FROM events WHERE event_id IN ?", [wanted]).fetchall() if wanted else []
        return {r[0] for r in found} - pooled

    groups = group(pool, stable, settled_from=len(new) + len(loose))
    ids_by_group, merged = _assign_ids(pool, groups, stable, taken)
    changed: list[Mention] = []
    for g, members in enumerate(groups):
        for i in members:
            m = pool[i]
            if m.event_id != ids_by_group[g] or i < len(new):
                m.event_id = ids_by_group[g]
                changed.append(m)
    moved: set[int] = set()  # the articles of the mentions a merge moves
    for old, keep in merged.items():
        moved.update(r[0] for r in con.execute(
            "UPDATE event_mentions SET event_id = ? WHERE event_id = ? RETURNING article_id", [keep, old]).fetchall())
    touched = set(ids_by_group.values()) | regrouped | set(merged)
    _write(con, changed, touched)
    return EventChanges(touched, set(ids) | moved | {m.article_id for m in changed})
