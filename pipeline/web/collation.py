"""Vietnamese alphabetical order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.

Python's and DuckDB's default orders put "Đ" after "Z" and "Â" after "A" by code point;
staff expect Đắk Lắk right after Đà Nẵng and before E. Letters compare first (base
letter with its shape: breve, circumflex, horn, đ), then tones, in the dictionary order
ngang, huyền, hỏi, ngã, sắc, nặng; case last. Words compare one by one (Hà Giang before Hải Phòng).
"""

from __future__ import annotations

import unicodedata
from collections.abc import Callable, Iterable
from typing import TypeVar

T = TypeVar("T")

_ALPHABET = "a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y".split()
_RANK = {letter: i for i, letter in enumerate(_ALPHABET)}
_SHAPES = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}  # huyền hỏi ngã sắc nặng


def _letter(ch: str) -> tuple[tuple[int, int], int]:
    """(letter rank, tone) of one character; characters outside the alphabet rank by code point after it."""
    base, *marks = unicodedata.normalize("NFD", ch.lower())
    shaped = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _SHAPES))
    tone = next((_TONES[m] for m in marks if m in _TONES), 0)
    rank = _RANK.get(shaped)
    return ((0, rank) if rank is not None else (1, ord(shaped))), tone


def collation_key(text: str | None) -> tuple:
    """Sort key of a text in Vietnamese order (None sorts last)."""
    if text is None:
        return (1,)
    words = [[_letter(ch) for ch in word] for word in unicodedata.normalize("NFC", text).split()]
    return (0, tuple(tuple(rank for rank, _ in word) for word in words),
            tuple(tuple(tone for _, tone in word) for word in words), text)


def vn_sorted(items: Iterable[T], key: Callable[[T], str | None] | None = None) -> list[T]:
    """``items`` in Vietnamese alphabetical order (of ``key(item)`` when given)."""
    return sorted(items, key=lambda item: collation_key(key(item) if key else item))  # type: ignore[arg-type]
