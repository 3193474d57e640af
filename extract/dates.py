"""Publication dates as Vietnamese news pages print them.

Dates are returned naive, in the local time the page prints (Vietnam time): the
database stores ``published_at`` "as printed". The formats live in
``data/lexicon/dates.toml``; this module only applies them, in order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from datetime import datetime
from functools import lru_cache
from typing import Any

from extract.lexicon import lexicon


@lru_cache(maxsize=1)
def date_rules() -> dict[str, Any]:
    data = lexicon("dates")
    data["compiled"] = [re.compile(p, re.IGNORECASE) for p in data["patterns"]]
    data["compiled_url"] = [re.compile(p) for p in data["url_patterns"]]
    return data


def _build(groups: dict[str, str | None]) -> datetime | None:
    rules = date_rules()
    try:
        year, month, day = int(groups["year"]), int(groups["month"]), int(groups["day"])
        hour = int(groups.get("hour") or 0)
        minute = int(groups.get("minute") or 0)
    except (TypeError, ValueError):
        return None
    ampm = (groups.get("ampm") or "").upper()
    if ampm in ("CH", "PM") and hour < 12:
        hour += 12
    elif ampm in ("SA", "AM") and hour == 12:
        hour = 0
    if not rules["min_year"] <= year <= rules["max_year"]:
        return None
    try:
        return datetime(year, month, day, hour, minute)
    except ValueError:
        return None


def _first_match(patterns: Iterable[re.Pattern[str]], text: str) -> datetime | None:
    for pattern in patterns:
        for match in pattern.finditer(text):
            found = _build(match.groupdict())
            if found is not None:
                return found
    return None


def parse_vietnamese_date(text: str | None) -> datetime | None:
    """The first date (with its time, when printed next to it) in a short text such as a date line."""
    if not text:
        return None
    return _first_match(date_rules()["compiled"], " ".join(text.split()))


def date_from_url(url: str) -> datetime | None:
    """A date written in the URL path, e.g. ``/portal/pages/2024-05-29/...``."""
    return _first_match(date_rules()["compiled_url"], url)


def parse_iso_datetime(value: str | None) -> datetime | None:
    """An ISO 8601 timestamp as printed, timezone dropped (the printed local time is kept)."""
    if not value:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        return datetime.fromisoformat(text).replace(tzinfo=None)
    except ValueError:
        return parse_vietnamese_date(text)
