"""Who an award went to, one row per recipient: the rows of ``award_recipients``.

The ``congdoan_awards`` component writes, per award, the named recipients (canonical
names of units, organisations or people), a count and the kind of those counted
(``recipient_kind``). This module turns them into what staff file awards under:

* a named recipient that is a unit of the article (``doc.spans["units"]``) is a ``unit``
  with that unit's level and provinces; a name that starts with an organisation head
  (``award_names.toml`` names.heads, "Trường", "Bệnh viện" ...) is a ``unit`` of unknown level;
  any other name is a ``person``; each counts 1;
* those counted but not named make one ``group`` row ("58 tập thể"): the count less the
  named recipients ("A và B là 2 trong số 58 tập thể" gives A, B and "56 tập thể khác"),
  so that the counts of an award's rows add up to the number honoured; an award that names
  no recipient and gives no number ("hàng trăm tập thể") still has its group, count NULL;
* a recipient whose province the text does not give (people, groups, units without one)
  is placed where the awarder is, when the awarder is a local unit of the article, else in
  the publishing site's province; ``province_basis`` says which (``recipient``,
  ``awarder``, ``source``), so that a province's awards include those it gave its own.

The award itself gets its family of forms (``award_families.toml``) and the unit and
level of its awarder (``awarder_unit``, ``awarder_level``).
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from spacy.tokens import Doc

from extract.doc_index import doc_index
from extract.gazetteer import old_province, province_now
from extract.lexicon import lexicon
from extract.spans import fields_of

# Unit levels that belong to no province: their recipients are never placed by the awarder.
NATIONAL_LEVELS = ("national", "national_industry")


@lru_cache(maxsize=1)
def _families() -> tuple[list[tuple[re.Pattern[str], str]], str]:
    data = lexicon("award_families")
    families = [(re.compile(f["pattern"], re.IGNORECASE), f["family"]) for f in data["families"]]
    return families, data["other"]["family"]


@lru_cache(maxsize=1)
def _settings() -> dict[str, Any]:
    data = lexicon("award_families")
    heads = sorted(lexicon("award_names")["names"]["heads"], key=len, reverse=True)
    return {
        "state": set(data["awarders"]["state"]),
        "state_level": data["awarders"]["state_level"],
        "groups": data["groups"],
        "org_head": re.compile(r"(?:" + "|".join(map(re.escape, heads)) + r")(?!\w)"),
    }


def form_family(form: str) -> str:
    """The family of an award form: "Huân chương Lao động hạng Ba" -> "Huân chương"; else "khác"."""
    families, other = _families()
    return next((family for pattern, family in families if pattern.match(form)), other)


def _article_units(doc: Doc) -> dict[str, dict[str, Any]]:
    """Canonical unit name -> level and provinces, a later mention filling what the first lacked; read once
    per Doc (every award's details and recipients ask; the callers copy the values they return)."""
    return doc_index(doc).memo("article units", lambda _: _units_of(doc))


def _units_of(doc: Doc) -> dict[str, dict[str, Any]]:
    units: dict[str, dict[str, Any]] = {}
    for span in doc.spans.get("units", []):
        fields = fields_of(span, "units")
        known = units.setdefault(fields["name"], {"level": None, "province": None, "province_now": None})
        for key in known:
            known[key] = known[key] or fields.get(key)
    return units


def awarder_unit(awarder: str | None, units: dict[str, dict[str, Any]]) -> str | None:
    """The article's unit an awarder names ("Ban Chấp hành Tổng Liên đoàn ..." -> the Tổng Liên đoàn)."""
    if not awarder:
        return None
    inside = [name for name in units if name in awarder]
    return max(inside, key=len) if inside else None


def _awarder(fields: dict[str, Any], units: dict[str, dict[str, Any]]) -> dict[str, Any]:
    unit = awarder_unit(fields.get("awarder"), units)
    if unit is not None:
        return {"awarder_unit": unit, **units[unit]}
    state = fields.get("awarder") in _settings()["state"]
    return {"awarder_unit": None, "level": _settings()["state_level"] if state else None,
            "province": None, "province_now": None}


def _source_place(doc: Doc) -> dict[str, Any]:
    context = doc._.context
    province = old_province(context.source_province) if context and context.source_province else None
    return {"province": province, "province_now": province_now(province) if province else None}


def _group_label(count: int | None, kind: str | None, named: bool) -> str:
    groups = _settings()["groups"]
    if kind is None and count is None:
        return groups["unknown"]
    noun = groups.get(kind or "", groups["both"])
    if count is None:
        return f"{noun} ({groups['no_count']})"
    return f"{count} {noun} khác" if named else f"{count} {noun}"


def award_details(doc: Doc, fields: dict[str, Any]) -> dict[str, Any]:
    """The columns an award gets besides the component's fields: family, awarder unit and level."""
    giver = _awarder(fields, _article_units(doc))
    return {"form_family": form_family(fields["form"]), "awarder_unit": giver["awarder_unit"],
            "awarder_level": giver["level"]}


def recipient_rows(doc: Doc, fields: dict[str, Any], award_idx: int) -> list[dict[str, Any]]:
    """Rows of ``award_recipients`` for one award (see the module docstring)."""
    units = _article_units(doc)
    giver = _awarder(fields, units)
    local_giver = giver["awarder_unit"] is not None and giver["province"] and giver["level"] not in NATIONAL_LEVELS
    fallback = ({"province": giver["province"], "province_now": giver["province_now"], "province_basis": "awarder"}
                if local_giver else {**_source_place(doc), "province_basis": "source"})
    if fallback["province"] is None:
        fallback = {"province": None, "province_now": None, "province_basis": None}
    rows: list[dict[str, Any]] = []
    for name in fields.get("recipients") or []:
        unit = units.get(name)
        if unit is not None:
            row = {"recipient": name, "recipient_type": "unit", "count": 1, **unit}
        elif _settings()["org_head"].match(name):
            row = {"recipient": name, "recipient_type": "unit", "count": 1, "level": None}
        else:
            row = {"recipient": name, "recipient_type": "person", "count": 1, "level": None}
        if row.get("province"):
            row["province_basis"] = "recipient"
        elif row["level"] in NATIONAL_LEVELS:
            row.update(province=None, province_now=None, province_basis=None)
        else:
            row.update(fallback)
        rows.append(row)
    count = fields.get("recipient_count")
    rest = None if count is None else count - len(rows)
    if (rest is not None and rest > 0) or not rows:
        rows.append({"recipient": _group_label(rest, fields.get("recipient_kind"), bool(rows)),
                     "recipient_type": "group", "count": rest, "level": None, **fallback})
    return [dict(row, award_idx=award_idx, recipient_idx=i) for i, row in enumerate(rows)]


def filed_under(doc: Doc, fields: dict[str, Any], award_idx: int, sentence_unit: dict[str, Any]) -> dict[str, Any]:
    """Where the staff feed files an award: its first unit recipient, else its first placed
    recipient, else the unit its sentence names unless that unit gave the award (then nowhere)."""
    rows = recipient_rows(doc, fields, award_idx)
    placed = [r for r in rows if r["recipient_type"] == "unit"] or [r for r in rows if r["province"]]
    if placed:
        first = placed[0]
        return {"unit": first["recipient"] if first["recipient_type"] == "unit" else None,
                **{k: first.get(k) for k in ("level", "province", "province_now")}}
    if sentence_unit.get("unit") and sentence_unit["unit"] == awarder_unit(fields.get("awarder"), _article_units(doc)):
        return {"unit": None, "level": None, "province": None, "province_now": None}
    return sentence_unit
