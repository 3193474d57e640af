"""Extraction: main content, dates, Vietnamese NLP and the spaCy extractor components."""

from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from core.config import GAZETTEER_DIR, LEXICON_DIR

EXTRACTOR_RELEASE = "0.1.0"


@lru_cache(maxsize=1)
def extractor_version() -> str:
    """Release plus a digest of the extractor code, word lists and patterns.

    Changing any of them changes the version, so rows from different extractors
    are never mixed silently (``articles.extracted_with``).
    """
    digest = hashlib.sha1()
    files = [*Path(__file__).parent.glob("*.py"), *LEXICON_DIR.rglob("*"), *GAZETTEER_DIR.rglob("*")]
    for path in sorted(p for p in files if p.is_file()):
        digest.update(path.name.encode())
        digest.update(path.read_bytes())
    return f"{EXTRACTOR_RELEASE}+{digest.hexdigest()[:8]}"
