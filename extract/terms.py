"""The folded terms of a text: what the accent-insensitive word index (``search_terms``) holds.

Folding lower-cases, drops diacritics and maps đ to d, one character for one
character, so offsets found in a folded text also index the original. Both whole
words ("lien doan") and their syllables ("lien", "doan") are terms. The
extractor writes the index (``extract.records``); ``pipeline.search`` queries it.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from itertools import chain
from typing import Any

SYLLABLE = re.compile(r"[^\W_]+")


@lru_cache(maxsize=4096)
def _fold_char(ch: str) -> str:
    if ch in "đĐ":
        return "d"
    base = unicodedata.normalize("NFD", ch)[0].lower()
    return base[0] if base else ch


def fold(text: str) -> str:
    """Lower-case, strip diacritics, đ -> d; the result has the length of ``text``."""
    return "".join(map(_fold_char, text))


def syllables(text: str) -> list[str]:
    """Folded syllables (runs of letters and digits) of a text; decomposed input (NFD) is composed first."""
    return SYLLABLE.findall(fold(unicodedata.normalize("NFC", text)))


@lru_cache(maxsize=65536)
def _word_terms(word: str) -> tuple[str, ...]:
    """The terms one word contributes: its folded syllables, and the whole word when it has several."""
    parts = syllables(word)
    return (*parts, " ".join(parts)) if len(parts) > 1 else tuple(parts)


def _hits(words: Iterable[str]) -> Counter[str]:
    """Folded syllables of the words, and each multi-syllable word as a term of its own."""
    return Counter(chain.from_iterable(map(_word_terms, words)))


def term_rows(title_words: Iterable[str], body_words: Iterable[str]) -> list[dict[str, Any]]:
    """Rows of ``search_terms`` for one article, from the segmented words of its title and body."""
    title_hits, body_hits = _hits(title_words), _hits(body_words)
    return [
        {"term": term, "title_hits": title_hits.get(term, 0), "body_hits": body_hits.get(term, 0)}
        for term in sorted(title_hits.keys() | body_hits.keys())
    ]
