"""Vietnamese numbers: digits with "." thousands and "," decimals, scale words, number words.

``parse_number("1,25 tỷ") == 1_250_000_000``, ``parse_number("hai mươi lăm") == 25``,
``parse_number("15 triệu 500 nghìn") == 15_500_000``. :func:`match_number` finds the longest
number expression at a position of a longer text, which is what ``extract.amounts`` scans
with. The words live in ``data/lexicon/amount_numbers.toml``.

Arithmetic is done in :class:`~decimal.Decimal` so that "1,25 tỷ" is exactly 1250000000.
A number is read as groups: each group is a numeral (or a number-word group below 1000)
times its scale words; consecutive scale words multiply (1,5 nghìn tỷ = 1.5e12) and
groups add when their scales fall (1 tỷ 250 triệu). A bare trailing numeral after a
scale ("1 tỷ 250", colloquially 1.25e9) is not read: it is too easily a different number.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal
from functools import lru_cache
from typing import Any

from extract.lexicon import lexicon

_SPACE = r"[ \t\u00a0]+"
# 45.000.000 | 1.234,5 | 28,22 | 1.5 | 2024 ; never 0-led groups like "0.500"
_NUMERAL = r"\d+(?:[.,]\d+)*"
_GROUPED = re.compile(r"[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?")
_PLAIN = re.compile(r"\d+(?:,\d+)?")
_NON_SPACE = re.compile(r"\S+")
_DOT_DECIMAL = re.compile(r"\d+\.\d+")


@dataclass(frozen=True)
class NumberWords:
    digits: dict[str, int]
    unit_variants: dict[str, int]
    ten: str
    tens: str
    hundred: str
    zero_tens: frozenset[str]
    half: str
    scales: dict[str, int]

    @property
    def vocabulary(self) -> set[str]:
        return {*self.digits, *self.unit_variants, self.ten, self.tens, self.hundred,
                *self.zero_tens, self.half, *self.scales}


@dataclass(frozen=True)
class NumberMatch:
    """A number expression found in a text."""

    start: int
    end: int
    value: float
    last_scale: int  # product of the scale words of the last group, 1 when it has none
    in_words: bool   # at least one number word (not only digits and scale words)
    numeral: str | None  # the digits when the expression is one bare numeral, e.g. "2024"

    @property
    def scaled(self) -> bool:
        return self.last_scale != 1


@lru_cache(maxsize=1)
def number_words() -> NumberWords:
    data: dict[str, Any] = lexicon("amount_numbers")
    words = data["words"]
    return NumberWords(
        digits=dict(data["digits"]), unit_variants=dict(data["unit_variants"]), ten=words["ten"],
        tens=words["tens"], hundred=words["hundred"], zero_tens=frozenset(words["zero_tens"]),
        half=words["half"], scales=dict(data["scales"]),
    )


def _alternation(words: set[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=1)
def _run_pattern() -> re.Pattern[str]:
    """A run of numerals and number words separated by spaces; items are re-found by :func:`_items`.

    What surrounds a numeral ("500.000đ", "Covid-19") is for the caller to judge.
    """
    item = rf"(?:{_NUMERAL}|(?<!\w)(?:{_alternation(number_words().vocabulary)})(?!\w))"
    return re.compile(rf"{item}(?:{_SPACE}{item})*", re.IGNORECASE)


def parse_digits(text: str) -> Decimal | None:
    """A numeral as Vietnamese writes it: "2.989" = 2989, "28,22" = 28.22, "1.5" = 1.5."""
    if _GROUPED.fullmatch(text) or _PLAIN.fullmatch(text):
        return Decimal(text.replace(".", "").replace(",", "."))
    if _DOT_DECIMAL.fullmatch(text):  # "1.5", "3.14": a dot not followed by exactly three digits
        return Decimal(text)
    return None


def _unit_after(word: str, after_tens: bool) -> int | None:
    """The unit digit a word stands for after "mười" (after_tens False) or "mươi" (True).

    "năm" is left out: "mười năm", "hai mươi năm" are ten and twenty years; fifteen is "mười lăm".
    """
    nw = number_words()
    if word == "năm" or word == "không":
        return None
    if word in nw.digits:
        return nw.digits[word]
    if word in nw.unit_variants and (after_tens or word in ("lăm", "nhăm")):
        return nw.unit_variants[word]
    return None


def _word_group(words: list[str], i: int) -> tuple[int, int, bool] | None:
    """A number-word group below 1000 starting at ``words[i]``: (value, next index, has hundreds)."""
    nw = number_words()
    n = len(words)
    j = i
    hundreds: int | None = None
    if j + 1 < n and words[j] in nw.digits and words[j + 1] == nw.hundred:
        hundreds = nw.digits[words[j]]
        j += 2
    value = (hundreds or 0) * 100
    if j < n:
        word = words[j]
        nxt = words[j + 1] if j + 1 < n else None
        if hundreds is not None and word in nw.zero_tens and nxt in nw.digits and nw.digits[nxt] > 0:
            return value + nw.digits[nxt], j + 2, True
        if word == nw.ten:
            unit = _unit_after(nxt, after_tens=False) if nxt else None
            return value + 10 + (unit or 0), j + (2 if unit else 1), hundreds is not None
        if word in nw.digits and nw.digits[word] >= 2 and nxt == nw.tens:
            unit = _unit_after(words[j + 2], after_tens=True) if j + 2 < n else None
            return value + nw.digits[word] * 10 + (unit or 0), j + (3 if unit else 2), hundreds is not None
        if hundreds is None and word in nw.digits:
            return nw.digits[word], j + 1, False
    if hundreds is not None:
        return value, j, True
    return None


def _evaluate(items: list[str]) -> tuple[Decimal, int, bool] | None:
    """Value, last group's scale and whether words were used, for a whole list of items."""
    nw = number_words()
    total = Decimal(0)
    closed_scale: int | None = None  # scale of the last group added to total
    chunk: Decimal | None = None     # current group, already multiplied by its scales
    chunk_scale = 1
    pending: Decimal | None = None   # a number waiting for its scale word
    pending_full = False             # pending is a word group with its hundreds ("không trăm linh năm")
    after_half = False
    in_words = False
    i = 0

    def close() -> bool:
        nonlocal total, closed_scale, chunk
        if chunk is None:
            return True
        if closed_scale is not None and chunk_scale >= closed_scale:
            return False
        total += chunk
        closed_scale = chunk_scale
        chunk = None
        return True

    while i < len(items):
        item = items[i]
        if item[0].isdigit():
            number = parse_digits(item)
            if number is None or pending is not None or after_half:
                return None
            if not close():
                return None
            pending, pending_full = number, False
            i += 1
            continue
        group = _word_group(items, i)
        if group is not None:
            if pending is not None or after_half or not close():
                return None
            value, i, pending_full = group
            pending = Decimal(value)
            in_words = True
            continue
        if item in nw.scales:
            scale = nw.scales[item]
            if after_half:
                return None
            if pending is None and chunk is not None:  # consecutive scales: nghìn tỷ, trăm nghìn
                chunk *= scale
                chunk_scale *= scale
            elif pending is None and (i > 0 or closed_scale is not None):
                return None
            else:
                chunk = (pending if pending is not None else Decimal(1)) * scale
                chunk_scale = scale
                pending = None
        elif item == nw.half and chunk is not None and pending is None and not after_half:
            chunk += Decimal(chunk_scale) / 2
            after_half = True
        else:
            return None
        i += 1
    if pending is not None and chunk is None and closed_scale is None:
        return pending, 1, in_words
    if not close():
        return None
    if pending is not None:
        if not pending_full:  # "1 tỷ 250": not read
            return None
        total += pending
        chunk_scale = 1
    return total, chunk_scale, in_words


def _items(run: str, offset: int) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), offset + m.start(), offset + m.end()) for m in _NON_SPACE.finditer(run)]


def match_number(text: str, pos: int) -> NumberMatch | None:
    """The longest number expression starting exactly at ``pos`` in ``text``."""
    run = _run_pattern().match(text, pos)
    if run is None:
        return None
    items = _items(run.group(), run.start())
    words = [w for w, _, _ in items]
    for k in range(len(items), 0, -1):
        result = _evaluate(words[:k])
        if result is not None:
            value, last_scale, in_words = result
            numeral = words[0] if k == 1 and words[0][0].isdigit() else None
            return NumberMatch(pos, items[k - 1][2], float(value), last_scale, in_words, numeral)
    return None


def parse_number(text: str) -> float | None:
    """The value of a text that is one whole number expression, else None."""
    stripped = text.strip()
    if not stripped:
        return None
    start = text.index(stripped[0])
    match = match_number(text, start)
    if match is None or match.end != start + len(stripped):
        return None
    return match.value


def format_vietnamese(value: int | float | Decimal, scale: str | None = None) -> str:
    """``value`` written the Vietnamese way: 45.000.000, 28,22, or "1,25 tỷ" with ``scale="tỷ"``."""
    number = Decimal(str(value))
    if scale is not None:
        number /= number_words().scales[scale]
    sign = "-" if number < 0 else ""
    integral, _, fraction = format(abs(number), "f").partition(".")
    fraction = fraction.rstrip("0")
    grouped = f"{int(integral):,}".replace(",", ".")
    written = sign + grouped + ("," + fraction if fraction else "")
    return f"{written} {scale}" if scale else written


def _words_below_1000(n: int, full: bool) -> list[str]:
    """Words for 0 <= n < 1000; ``full`` writes the hundreds even when zero (after a thousand)."""
    nw = number_words()
    digit = {v: k for k, v in reversed(list(nw.digits.items()))}  # first spelling wins: bảy, not bẩy
    hundreds, rest = divmod(n, 100)
    tens, unit = divmod(rest, 10)
    out: list[str] = []
    if hundreds or full:
        out += [digit[hundreds], nw.hundred]
    if tens == 0:
        if unit and out:
            out += [sorted(nw.zero_tens)[0], digit[unit]]
        elif unit or not out:
            out.append(digit[unit])
        return out
    if tens == 1:
        out.append(nw.ten)
        if unit:
            out.append("lăm" if unit == 5 else digit[unit])
        return out
    out += [digit[tens], nw.tens]
    if unit:
        out.append({1: "mốt", 4: "tư", 5: "lăm"}.get(unit, digit[unit]))
    return out


def format_words(n: int) -> str:
    """A whole number below one billion in words.

    25 -> "hai mươi lăm", 1005 -> "một nghìn không trăm linh năm" (the reading the parser expects).
    """
    if not 0 <= n < 10**9:
        raise ValueError(f"format_words handles 0 <= n < 10**9, not {n}")
    groups = [(n // 10**6, "triệu"), (n // 1000 % 1000, "nghìn"), (n % 1000, None)]
    out: list[str] = []
    for value, scale in groups:
        if value == 0 and (out or scale is not None):
            continue
        out += _words_below_1000(value, full=bool(out))
        if scale:
            out.append(scale)
    return " ".join(out)
