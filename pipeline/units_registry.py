"""The unit registry: one row per unit across all articles (``unit_registry``, ``unit_aliases``).

Extraction gives every unit row, amount and award recipient a ``unit_id`` computed from the
unit's identity (``extract/unit_identity.py``); this module keeps the registry of those ids
up to date, batch by batch, inside the extraction's transaction:

* the frame (the national federation and every provincial federation, with the 2025
  mergers) is written once;
* the units and unit recipients of the batch's articles are upserted: a new id gets its
  identity's level, provinces, parent, successor and status; a known one widens its
  first and last sighting, and takes the name of its latest article;
* when the batch re-extracted articles, the sightings of its ids are recomputed exactly,
  since an article may no longer name a unit;
* every surface form and name goes into ``unit_aliases``.

The work is proportional to the batch (a night's few hundred articles), not to the database.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from typing import Any

import duckdb
import pyarrow as pa

from extract.unit_identity import Identity, identify, registry_seeds, unit_id_for


# Where units are named: the units table, and the unit recipients of awards.
_SIGHTINGS = """
SELECT u.unit_id, u.name, u.level, u.province, u.province_now, a.published_at::DATE AS seen, u.mentions
FROM units u JOIN articles a USING (article_id)
WHERE u.article_id IN (SELECT article_id FROM _registry_articles) AND u.unit_id IS NOT NULL
UNION ALL
SELECT r.unit_id, r.recipient, r.level, r.province, r.province_now, a.published_at::DATE, [r.recipient]
FROM award_recipients r JOIN articles a USING (article_id)
WHERE r.article_id IN (SELECT article_id FROM _registry_articles) AND r.recipient_type = 'unit'
"""


def registry_row(identity: Identity, name: str, first_seen: date | None = None,
                 last_seen: date | None = None) -> dict[str, Any]:
    """The registry row of an identity: its place in today's system from the identity rules."""
    parent = identity.parent_key()
    ending = identity.ending()
    return {
        "unit_id": identity.unit_id, "key": identity.key, "name": name, "level": identity.level,
        "province": identity.province, "province_now": identity.province_now,
        "parent_id": unit_id_for(parent) if parent else None,
        "successor_id": unit_id_for(ending.successor_key) if ending else None,
        "first_seen": first_seen, "last_seen": last_seen,
        "status": ending.status if ending else "active", "ended_on": ending.on if ending else None,
    }


_SCHEMA = pa.schema([("unit_id", pa.int64()), ("key", pa.string()), ("name", pa.string()), ("level", pa.string()),
                     ("province", pa.string()), ("province_now", pa.string()), ("parent_id", pa.int64()),
                     ("successor_id", pa.int64()), ("first_seen", pa.date32()), ("last_seen", pa.date32()),
                     ("status", pa.string()), ("ended_on", pa.date32())])


def _arrow(rows: list[dict[str, Any]]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=_SCHEMA)


def _upsert(con: duckdb.DuckDBPyConnection, rows: list[dict[str, Any]]) -> None:
    """Insert new units; widen the sightings of known ones and take the name of the latest."""
    if not rows:
        return
    con.register("_registry_rows", _arrow(rows))
    try:
        con.execute(f"""
            INSERT INTO unit_registry SELECT {', '.join(_SCHEMA.names)} FROM _registry_rows
            ON CONFLICT (unit_id) DO UPDATE SET
                name = CASE WHEN excluded.last_seen >= coalesce(unit_registry.last_seen, excluded.last_seen)
                                 OR unit_registry.last_seen IS NULL
                            THEN excluded.name ELSE unit_registry.name END,
                first_seen = least(unit_registry.first_seen, excluded.first_seen),
                last_seen = greatest(unit_registry.last_seen, excluded.last_seen)""")
    finally:
        con.unregister("_registry_rows")


def seed_registry(con: duckdb.DuckDBPyConnection) -> None:
    """The frame: the national federation and the 63 provincial federations (idempotent)."""
    if con.execute("SELECT count(*) FROM unit_registry WHERE level = 'province'").fetchall()[0][0]:
        return
    rows = [registry_row(identity, name) for identity, name in registry_seeds()]
    con.register("_registry_rows", _arrow(rows))
    try:
        con.execute(f"INSERT INTO unit_registry SELECT {', '.join(_SCHEMA.names)} FROM _registry_rows ON CONFLICT DO NOTHING")
    finally:
        con.unregister("_registry_rows")


def _latest(rows: list[dict[str, Any]]) -> dict[int, dict[str, Any]]:
    """Per unit id: the sighting with the latest date (its name wins), and the first and last dates."""
    by_id: dict[int, dict[str, Any]] = {}
    for row in sorted(rows, key=lambda r: (r["seen"] is not None, r["seen"] or date.min)):
        seen = row["seen"]
        known = by_id.get(row["unit_id"])
        first = min((d for d in (known and known["first"], seen) if d), default=None)
        by_id[row["unit_id"]] = dict(row, first=first, last=seen or (known and known["last"]))
    return by_id


def update_registry(con: duckdb.DuckDBPyConnection, article_ids: Sequence[int], replaced: bool = False) -> int:
    """Register the units these articles name; return how many distinct units they name.

    ``replaced``: some of the articles were extracted before, so sightings are recomputed.
    """
    if not article_ids:
        return 0
    seed_registry(con)
    con.register("_registry_articles", pa.table({"article_id": pa.array(list(article_ids), pa.int64())}))
    try:
        cursor = con.execute(_SIGHTINGS)
        names = [c[0] for c in cursor.description]
        sightings = [dict(zip(names, r)) for r in cursor.fetchall()]
    finally:
        con.unregister("_registry_articles")
    latest = _latest(sightings)
    rows = []
    for unit_id, s in latest.items():
        identity = identify(s["name"], s["level"], s["province"], s["province_now"], s["seen"])
        row = registry_row(identity, s["name"], s["first"], s["last"])
        rows.append(dict(row, unit_id=unit_id))  # the stored id: the extraction computed it the same way
    _upsert(con, rows)
    aliases = sorted({(s["unit_id"], alias) for s in sightings for alias in [s["name"], *(s["mentions"] or [])]})
    if aliases:
        con.register("_aliases", pa.table({"unit_id": pa.array([a[0] for a in aliases], pa.int64()),
                                           "alias": pa.array([a[1] for a in aliases], pa.string())}))
        try:
            con.execute("INSERT INTO unit_aliases SELECT unit_id, alias FROM _aliases ON CONFLICT DO NOTHING")
        finally:
            con.unregister("_aliases")
    if replaced:
        _recount(con, list(latest))
    return len(latest)


def _recount(con: duckdb.DuckDBPyConnection, unit_ids: list[int]) -> None:
    """Exact first and last sightings of these units, over every article that names them."""
    con.register("_recount_ids", pa.table({"unit_id": pa.array(unit_ids, pa.int64())}))
    try:
        con.execute("""
            UPDATE unit_registry SET first_seen = s.first_seen, last_seen = s.last_seen
            FROM (SELECT n.unit_id, min(a.published_at)::DATE AS first_seen, max(a.published_at)::DATE AS last_seen
                  FROM (SELECT unit_id, article_id FROM units WHERE unit_id IN (SELECT unit_id FROM _recount_ids)
                        UNION ALL SELECT unit_id, article_id FROM award_recipients
                        WHERE recipient_type = 'unit' AND unit_id IN (SELECT unit_id FROM _recount_ids)) n
                  JOIN articles a USING (article_id) GROUP BY n.unit_id) s
            WHERE unit_registry.unit_id = s.unit_id""")
    finally:
        con.unregister("_recount_ids")
