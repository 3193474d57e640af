"""The staff pages' filters: which cards (and which awards) a request keeps.

A filter keeps a card when one of its items passes. An award is filed under its recipients
(``award_recipients``): the province, level and unit filters look at them too, and a unit also
finds the awards it gave. Undated articles are left out of every date filter.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, fields
from datetime import date, timedelta
from typing import Any
from urllib.parse import urlencode

import duckdb

from extract.terms import fold
from pipeline.feed import text_value
from pipeline.search import SearchQuery
from pipeline.web import params as p
from pipeline.web.matches import MATCHES, register_matches
from pipeline.web.params import BadParameter
from pipeline.web.templating import FAMILIES, KIND_LABELS, LEVEL_LABELS


def _province_key(name: str) -> str:
    words = fold(name).replace("-", " ").replace(".", " ").split()
    if words[:1] in (["tinh"], ["tp"]):
        words = words[1:]
    elif words[:2] == ["thanh", "pho"]:
        words = words[2:]
    return " ".join(words)


def resolve_province(value: str, known: list[str]) -> str:
    """The known province a typed name means, accents, case and "tỉnh"/"TP" aside; else the name."""
    if not value or value in known:
        return value
    key = _province_key(value)
    return next((name for name in known if _province_key(name) == key), value)


@dataclass(frozen=True)
class Filters:
    """The feed's filters, parsed from the query string; empty strings mean "any"."""

    date_from: date | None = None
    date_to: date | None = None
    province: str = ""
    level: str = ""
    kind: str = ""
    family: str = ""
    source: str = ""
    unit: str = ""
    q: str = ""
    undated: bool = False

    @classmethod
    def from_params(cls, params: Mapping[str, str], provinces: list[str] | None = None) -> "Filters":
        date_from, date_to = p.date_range(p.day(params.get("from"), "Từ ngày"), p.day(params.get("to"), "Đến ngày"))
        filters = cls(
            date_from=date_from,
            date_to=date_to,
            province=resolve_province(p.text(params.get("province"), "Tỉnh/thành"), provinces or []),
            level=p.choice(params.get("level"), LEVEL_LABELS, "Cấp công đoàn"),
            kind=p.choice(params.get("kind"), KIND_LABELS, "Loại nội dung"),
            family=p.choice(params.get("family"), FAMILIES, "Hình thức khen thưởng"),
            source=p.text(params.get("source"), "Nguồn"),
            unit=p.text(params.get("unit"), "Đơn vị"),
            q=p.text(params.get("q"), "Từ khóa"),
            undated=p.flag(params.get("undated"), "Tham số undated"),
        )
        if filters.q and not SearchQuery.parse(filters.q):
            raise BadParameter("Từ khóa không có chữ hay số nào để tìm.")
        return filters

    def params(self) -> dict[str, str]:
        """The non-empty filters as query-string parameters."""
        names = {"date_from": "from", "date_to": "to"}
        out = {}
        for f in fields(self):
            value = getattr(self, f.name)
            if value:
                out[names.get(f.name, f.name)] = (value.isoformat() if isinstance(value, date)
                                                  else "1" if value is True else value)
        return out

    def query_string(self, **extra: Any) -> str:
        merged = {**self.params(), **{k: v for k, v in extra.items() if v is not None}}
        return urlencode({k: v for k, v in merged.items() if v not in ("", False)})

    @property
    def dated(self) -> bool:
        return bool(self.date_from or self.date_to)

    def date_clauses(self, column: str, timestamp: bool = False) -> tuple[list[str], dict[str, Any]]:
        """The date filters over ``column`` and their parameters: dated or undated, then the range
        (``timestamp``: a timestamp column, kept before the day after ``date_to``)."""
        clauses = [f"{column} IS NULL" if self.undated else f"{column} IS NOT NULL"]
        params: dict[str, Any] = {}
        if self.date_from and not self.undated:
            clauses.append(f"{column} >= $date_from")
            params["date_from"] = self.date_from
        if self.date_to and not self.undated:
            if timestamp:
                clauses.append(f"{column} < $date_after")
                params["date_after"] = self.date_to + timedelta(days=1)
            else:
                clauses.append(f"{column} <= $date_to")
                params["date_to"] = self.date_to
        return clauses, params

    def where(self, con: duckdb.DuckDBPyConnection, within: str = "") -> tuple[str, dict[str, Any]]:
        """WHERE clause over ``HIGHLIGHTS h`` and its named parameters (runs the keyword search, if any, once);
        ``within``, a table of ``article_id`` holding every article ``h`` may be of, limits the award look-ups."""
        _with = (lambda condition: _award_with(condition, within))
        clauses, params = self.date_clauses("h.date")
        if self.province:
            clauses.append("(h.province = $province OR h.province_now = $province OR "
                           + _with("r.province = $province OR r.province_now = $province") + ")")
            params["province"] = self.province
        if self.level:
            clauses.append(f"(h.level = $level OR {_with('r.level = $level')})")
            params["level"] = self.level
        if self.unit:
            clauses.append(f"(h.unit = $unit OR {_with('r.recipient = $unit OR w.awarder_unit = $unit')})")
            params["unit"] = self.unit
        if self.family:
            clauses.append("(h.kind = 'award' AND (h.article_id, h.item_start) IN "
                           f"(SELECT article_id, start_char FROM awards WHERE form_family = $family{_within('article_id', within)}))")
            params["family"] = self.family
        for column in ("kind", "source"):
            if getattr(self, column):
                clauses.append(f"h.{column} = ${column}")
                params[column] = getattr(self, column)
        search = SearchQuery.parse(self.q)
        if search:
            register_matches(con, search, *self.search_dates())
            clauses.append(f"h.article_id IN (SELECT article_id FROM {MATCHES})")
        return " AND ".join(clauses), params

    def card_where(self, con: duckdb.DuckDBPyConnection, dates: bool = True) -> tuple[str, dict[str, Any]]:
        """The same filters as :meth:`where`, over the cards ``feed_cards c`` (one row per card).

        A card passes when one of its highlights passes every highlight filter (province, level,
        unit, kind, family): each is tested on the card's union of values first (cheap), then,
        with two or more, all together on one of its highlights (``items``). Without ``dates``,
        the date, undated and source filters are left out (the search and the exports test them apart)."""
        clauses, params = self.date_clauses("c.date") if dates else ([], {})
        if dates:
            if self.source:
                clauses.append("c.source = $source")
                params["source"] = self.source
        items = self.item_conditions()
        for name, card, _ in items:
            clauses.append(card)
            params[name] = getattr(self, name)
        if len(items) > 1:
            both = " AND ".join(item for _, _, item in items)
            clauses.append(f"len(list_filter(c.items, lambda x: {both})) > 0")
        search = SearchQuery.parse(self.q)
        if search:
            matched = register_matches(con, search, *self.search_dates())
            clauses.append(f"c.article_id IN (SELECT article_id FROM {MATCHES})")
            if matched.since is not None:  # the cards of the newest articles only: older row groups skipped
                clauses.append("c.date >= $matched_since")
                params["matched_since"] = matched.since.date()
        return " AND ".join(clauses or ["TRUE"]), params

    def search_dates(self) -> tuple[date | None, date | None]:
        """The date range a keyword search may keep to (none for undated cards)."""
        return (None, None) if self.undated else (self.date_from, self.date_to)

    def item_conditions(self) -> list[tuple[str, str, str]]:
        """(parameter, test on a card ``c``, test on one of its highlights ``x``) of each highlight filter set."""
        tests = {"province": (f"contains(c.provinces, {text_value('$province')})", "list_contains(x.provinces, $province)"),
                 "level": (f"contains(c.levels, {text_value('$level')})", "list_contains(x.levels, $level)"),
                 "unit": (f"contains(c.units, {text_value('$unit')})", "list_contains(x.units, $unit)"),
                 "kind": (f"contains(c.kinds, {text_value('$kind')})", "x.kind = $kind"),
                 "family": (f"contains(c.families, {text_value('$family')})", "list_contains(x.families, $family)")}
        return [(name, card, item) for name, (card, item) in tests.items() if getattr(self, name)]


def _within(column: str, within: str) -> str:
    return f" AND {column} IN (SELECT article_id FROM {within})" if within else ""


def _award_with(condition: str, within: str = "") -> str:
    """An award highlight one of whose recipients (``r``) or whose awarder (``w``) meets ``condition``."""
    return ("(h.kind = 'award' AND (h.article_id, h.item_start) IN (SELECT w.article_id, w.start_char FROM awards w "
            "JOIN award_recipients r ON r.article_id = w.article_id AND r.award_idx = w.idx WHERE "
            f"({condition}){_within('w.article_id', within)}))")
