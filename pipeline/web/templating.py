"""The Jinja2 environment (autoescaped) and the Vietnamese labels the pages show."""

from __future__ import annotations

import base64
import hashlib
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


def vn_date(value: date | datetime | None) -> str:
    """dd/mm/yyyy, as Vietnamese readers write dates."""
    return value.strftime("%d/%m/%Y") if value else "—"


def vn_number(value: float | int | None) -> str:
    """Digits grouped with dots and a decimal comma: 1.500.000 or 2,5."""
    if value is None:
        return ""
    text = f"{value:,.2f}".rstrip("0").rstrip(".") if value != int(value) else f"{int(value):,}"
    return text.replace(",", "\0").replace(".", ",").replace("\0", ".")


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
    env.globals.update(KIND_LABELS=KIND_LABELS, SPAN_LABELS=SPAN_LABELS, LEVEL_LABELS=LEVEL_LABELS)
    return env
