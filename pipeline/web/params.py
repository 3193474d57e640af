"""The one validator of request parameters: every value a page reads goes through it.

Anything a page cannot use becomes :class:`BadParameter`, answered with a 400 page in
Vietnamese; nothing a client sends reaches ``int()``, ``date()`` or date arithmetic
unchecked. Numbers are ASCII digits only ("²" and "٣" are digits to Python, not to
staff), bounded in length and value; dates, weeks and months lie within
:data:`FIRST_YEAR` .. :data:`LAST_YEAR`, so moving a week or a month never leaves the
calendar; text is bounded in length and free of control characters.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from datetime import date, timedelta

FIRST_YEAR = 1990
LAST_YEAR = 2100
MAX_PAGE = 100_000
MAX_TEXT = 200

_DIGITS = re.compile(r"[0-9]{1,7}")
_ID = re.compile(r"[0-9]{1,19}")
_DATE = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})")
_WEEK = re.compile(r"([0-9]{4})-[Ww]([0-9]{2})")
_MONTH = re.compile(r"([0-9]{4})-([0-9]{2})")
_CONTROL = re.compile(r"[\x00-\x1f\x7f]")


class BadParameter(ValueError):
    """A request parameter the pages cannot use; the message is shown to staff (Vietnamese)."""


def _year_ok(year: int) -> bool:
    return FIRST_YEAR <= year <= LAST_YEAR


def text(value: str | None, what: str, max_length: int = MAX_TEXT) -> str:
    """Trimmed text, at most ``max_length`` characters, without control characters."""
    value = (value or "").strip()
    if len(value) > max_length:
        raise BadParameter(f"{what} quá dài (tối đa {max_length} ký tự).")
    if _CONTROL.search(value):
        raise BadParameter(f"{what} chứa ký tự không hợp lệ.")
    return value


def choice(value: str | None, allowed: Mapping[str, str] | tuple[str, ...], what: str) -> str:
    """One of ``allowed`` (or empty: any)."""
    value = text(value, what)
    if value and value not in allowed:
        raise BadParameter(f"{what} không hợp lệ.")
    return value


def page(value: str | None) -> int:
    """A page number from 1 to MAX_PAGE; empty means 1."""
    value = (value or "").strip()
    if not value:
        return 1
    if not _DIGITS.fullmatch(value) or not 1 <= int(value) <= MAX_PAGE:
        raise BadParameter(f"Số trang không hợp lệ: hãy dùng một số nguyên từ 1 đến {MAX_PAGE:,}.".replace(",", "."))
    return int(value)


def article_id(value: str | None) -> int:
    """An article identifier: up to 19 ASCII digits, within BIGINT."""
    value = (value or "").strip()
    if not _ID.fullmatch(value) or int(value) >= 2**63:
        raise BadParameter("Mã bài viết không hợp lệ.")
    return int(value)


def day(value: str | None, what: str) -> date | None:
    """A date written yyyy-mm-dd (empty: none)."""
    value = (value or "").strip()
    if not value:
        return None
    found = _DATE.fullmatch(value)
    try:
        parsed = date(*map(int, found.groups())) if found else None
    except ValueError:
        parsed = None
    if parsed is None or not _year_ok(parsed.year):
        raise BadParameter(f"{what} không hợp lệ: hãy nhập ngày có thật theo dạng năm-tháng-ngày, "
                           f"từ năm {FIRST_YEAR} đến {LAST_YEAR} (ví dụ 2024-05-27).")
    return parsed


def week(value: str) -> date:
    """Monday of an ISO week written ``2024-W22``."""
    found = _WEEK.fullmatch(value.strip())
    monday = None
    if found and _year_ok(int(found.group(1))):
        try:
            monday = date.fromisocalendar(int(found.group(1)), int(found.group(2)), 1)
        except ValueError:
            monday = None
    if monday is None:
        raise BadParameter(f"Tuần không hợp lệ: «{value[:40]}». Hãy viết năm-Wsố tuần, ví dụ 2024-W22 "
                           f"(năm từ {FIRST_YEAR} đến {LAST_YEAR}, tuần từ 01 đến 52 hoặc 53).")
    return monday


def month(value: str) -> date:
    """First day of a month written ``2024-07``."""
    found = _MONTH.fullmatch(value.strip())
    if not found or not _year_ok(int(found.group(1))) or not 1 <= int(found.group(2)) <= 12:
        raise BadParameter(f"Tháng không hợp lệ: «{value[:40]}». Hãy viết năm-tháng, ví dụ 2025-07 "
                           f"(năm từ {FIRST_YEAR} đến {LAST_YEAR}).")
    return date(int(found.group(1)), int(found.group(2)), 1)


def flag(value: str | None, what: str) -> bool:
    """A yes/no switch: "1" or empty."""
    return choice(value, ("1",), what) == "1"


def date_range(start: date | None, end: date | None) -> tuple[date | None, date | None]:
    if start and end and start > end:
        raise BadParameter("Khoảng ngày không hợp lệ: «Từ ngày» phải trước «Đến ngày».")
    return start, end


def iso_week(day_in_week: date) -> str:
    year, number, _ = day_in_week.isocalendar()
    return f"{year}-W{number:02d}"


def add_months(first: date, n: int) -> date:
    """The first day of the month ``n`` months after the month of ``first``."""
    index = first.year * 12 + first.month - 1 + n
    return date(index // 12, index % 12 + 1, 1)


def month_end(first: date) -> date:
    return add_months(first, 1) - timedelta(days=1)
