"""Heuristics are data: word lists and patterns live in ``data/lexicon/<name>.toml``."""

from __future__ import annotations

import tomllib
from typing import Any

from core.config import LEXICON_DIR


def lexicon(name: str) -> dict[str, Any]:
    """The parsed ``data/lexicon/<name>.toml`` (a fresh dict: callers may keep or change it)."""
    return tomllib.loads((LEXICON_DIR / f"{name}.toml").read_text(encoding="utf-8"))
