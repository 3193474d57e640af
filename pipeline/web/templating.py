"""The Jinja2 environment (autoescaped) and the Vietnamese labels the pages show."""

from __future__ import annotations

import base64
import hashlib
import re
from datetime import date, datetime
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, select_autoescape

WEB_DIR = Path(__file__).resolve().parent
TEMPLATES_DIR = WEB_DIR / "templates"
STATIC_DIR = WEB_DIR / "static"
PRINT_CSS = STATIC_DIR / "print.css"

# Highlight kinds as staff name them, in display order.
KIND_LABELS = {
    "award": "Khen thưởng",
    "money": "Số tiền",
    "count": "Số lượng",
    "movement": "Phong trào",
    "model": "Mô hình",
}
# Extraction kinds shown in the article view besides the highlights.
SPAN_LABELS = {**KIND_LABELS, "unit": "Đơn vị", "percent": "Tỷ lệ", "match": "Từ khóa"}
LEVEL_LABELS = {
    "national": "Tổng Liên đoàn (trung ương)",
    "national_industry": "Công đoàn ngành trung ương",
    "province": "LĐLĐ tỉnh, thành phố",
    "province_industry": "Công đoàn ngành địa phương",
    "district": "LĐLĐ cấp huyện",
    "commune": "Công đoàn xã, phường",
    "grassroots": "Công đoàn cơ sở",
}
# Who gave an award: a union level, or the State (awards.awarder_level).
AWARDER_LABELS = {**LEVEL_LABELS, "state": "Nhà nước"}
RECIPIENT_TYPES = {"unit": "Đơn vị", "person": "Cá nhân", "group": "Nhóm chưa nêu tên"}
# Award form families (awards.form_family), in the order of the filter.
FAMILIES = {name: name for name in (
    "Huân chương", "Huy chương", "Cờ thi đua", "Bằng khen", "Giấy khen", "Kỷ niệm chương", "danh hiệu thi đua", "khác")}
UNDATED = "không rõ ngày"


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, as Vietnamese readers write dates; "không rõ ngày" for an undated article."""
    return value.strftime("%d/%m/%Y") if value else UNDATED


def vn_number(value: float | int | None) -> str:
    """Digits grouped with dots and a decimal comma: 120.000 or 2,5 (one format on every page)."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


COUNT_CAP = 10_000
"""Cards are counted up to this many; beyond, pages say "more than" (counting stops early: no full scan)."""


def vn_count(value: int | None) -> str:
    """A count of cards made with COUNT_CAP: "hơn 10.000" beyond it."""
    return f"hơn {vn_number(COUNT_CAP)}" if value is not None and value > COUNT_CAP else vn_number(value)


def vn_money(value: float | None) -> str:
    """A sum in đồng as staff write it: 1,2 tỷ đồng, 60 triệu đồng, 500.000 đồng."""
    if value is None:
        return ""
    for scale, word in ((1e9, "tỷ"), (1e6, "triệu")):
        if abs(value) >= scale:
            return f"{vn_number(round(value / scale, 1))} {word} đồng"
    return f"{vn_number(value)} đồng"


def short_source(name: str) -> str:
    """A source's name without its section or note: "Báo Lao Động, chuyên mục Công đoàn" -> "Báo Lao Động"."""
    return re.split(r",\s|\s\(", name, maxsplit=1)[0].strip()


def short_date(value: date) -> str:
    """d/m without leading zeros: 28/7."""
    return f"{value.day}/{value.month}"


def period_label(start: date, end: date, week: bool) -> str:
    """"Tuần 31 (28/7 – 3/8/2025)" or "Tháng 7/2025"."""
    if not week:
        return f"Tháng {start.month}/{start.year}"
    first = short_date(start) if start.year == end.year else f"{short_date(start)}/{start.year}"
    return f"Tuần {start.isocalendar()[1]} ({first} – {short_date(end)}/{end.year})"


def inline_css_hash(css: str) -> str:
    """CSP source for an inline <style> holding exactly ``css``."""
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode("utf-8")).digest()).decode() + "'"


def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(TEMPLATES_DIR)),
        autoescape=select_autoescape(["html"], default=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["vn_date"] = vn_date
    env.filters["vn_number"] = vn_number
    env.filters["vn_count"] = vn_count
    env.filters["vn_money"] = vn_money
    env.filters["short_source"] = short_source
    env.globals.update(KIND_LABELS=KIND_LABELS, SPAN_LABELS=SPAN_LABELS, LEVEL_LABELS=LEVEL_LABELS,
                       AWARDER_LABELS=AWARDER_LABELS, RECIPIENT_TYPES=RECIPIENT_TYPES, FAMILIES=FAMILIES,
                       UNDATED=UNDATED)
    return env
