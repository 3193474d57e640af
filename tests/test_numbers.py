"""Vietnamese number parsing: examples from the annotation guide and round-trip properties."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from extract.numbers import format_vietnamese, format_words, match_number, parse_number

SCALES = {"nghìn": 10**3, "ngàn": 10**3, "triệu": 10**6, "tỷ": 10**9, "tỉ": 10**9}


@pytest.mark.parametrize(("text", "value"), [
    ("2.989", 2989),
    ("45.000.000", 45_000_000),
    ("1.250.000", 1_250_000),
    ("28,22", 28.22),
    ("124,5", 124.5),
    ("1.234,5", 1234.5),
    ("1.500", 1500),
    ("1.5", 1.5),          # a dot before anything but three digits is a decimal point
    ("3.14", 3.14),
    ("2024", 2024),
    ("1,25 tỷ", 1_250_000_000),
    ("28,22 triệu", 28_220_000),
    ("17 tỷ", 17_000_000_000),
    ("500 nghìn", 500_000),
    ("500 ngàn", 500_000),
    ("2 tỉ", 2_000_000_000),
    ("1 tỷ 250 triệu", 1_250_000_000),
    ("15 triệu 500 nghìn", 15_500_000),
    ("1,5 nghìn tỷ", 1_500_000_000_000),
    ("5 trăm triệu", 500_000_000),
    ("3 chục", 30),
    ("một triệu rưỡi", 1_500_000),
    ("hai mươi lăm", 25),
    ("hai mươi mốt", 21),
    ("ba mươi tư", 34),
    ("ba mươi bốn", 34),
    ("mười lăm", 15),
    ("mười nhăm", 15),
    ("mười một", 11),
    ("một trăm linh năm", 105),
    ("một trăm lẻ năm", 105),
    ("ba trăm", 300),
    ("bẩy", 7),
    ("bảy mươi", 70),
    ("hai chục", 20),
    ("hai trăm nghìn", 200_000),
    ("mười lăm triệu năm trăm nghìn", 15_500_000),
    ("một nghìn không trăm linh năm", 1005),
    ("  HAI MƯƠI  ", 20),
])
def test_parse_number(text: str, value: float) -> None:
    assert parse_number(text) == pytest.approx(value, rel=1e-15)


@pytest.mark.parametrize("text", [
    "", "abc", "12.34.567", "0.500.000",
    "1 tỷ 250",       # a bare trailing numeral after a scale word is not read
    "hai năm",        # "năm" after a number is a year, not five
    "mười năm",       # ten years; fifteen is "mười lăm"
    "hai mươi năm",
    "5 nghìn 3 triệu",  # scales must fall
    "tư", "lăm", "mươi",
])
def test_not_a_number(text: str) -> None:
    assert parse_number(text) is None


def test_match_number_takes_the_longest_expression() -> None:
    text = "tặng hai trăm năm phần quà và 1,25 tỷ đồng"
    first = match_number(text, text.index("hai"))
    assert first is not None and text[first.start:first.end] == "hai trăm" and first.value == 200
    assert first.in_words and first.numeral is None
    money = match_number(text, text.index("1,25"))
    assert money is not None and text[money.start:money.end] == "1,25 tỷ"
    assert money.last_scale == 10**9 and money.scaled and not money.in_words


def test_match_number_reports_a_bare_numeral() -> None:
    match = match_number("năm 2024 có", 4)
    assert match is not None and match.numeral == "2024" and not match.scaled


@pytest.mark.parametrize(("value", "scale", "text"), [
    (45_000_000, None, "45.000.000"),
    (28.22, None, "28,22"),
    (1_250_000_000, "tỷ", "1,25 tỷ"),
    (28_220_000, "triệu", "28,22 triệu"),
    (999, None, "999"),
    (1000.5, None, "1.000,5"),
])
def test_format_vietnamese(value: float, scale: str | None, text: str) -> None:
    assert format_vietnamese(value, scale) == text


@pytest.mark.parametrize(("n", "words"), [
    (0, "không"), (10, "mười"), (15, "mười lăm"), (21, "hai mươi mốt"), (24, "hai mươi tư"),
    (105, "một trăm linh năm"), (110, "một trăm mười"), (1005, "một nghìn không trăm linh năm"),
    (250_000, "hai trăm năm mươi nghìn"),
])
def test_format_words(n: int, words: str) -> None:
    assert format_words(n) == words


# -- properties -----------------------------------------------------------------------------

def _decimal(integral: int, fraction: str) -> Decimal:
    return Decimal(f"{integral}.{fraction}") if fraction else Decimal(integral)


@settings(max_examples=300, deadline=None)
@given(integral=st.integers(0, 10**12), fraction=st.from_regex(r"[0-9]{0,3}[1-9]|", fullmatch=True))
def test_digits_round_trip(integral: int, fraction: str) -> None:
    value = _decimal(integral, fraction)
    written = format_vietnamese(value)
    assert parse_number(written) == float(value), written


@settings(max_examples=300, deadline=None)
@given(mantissa=st.integers(1, 999_999), decimals=st.integers(0, 3), scale=st.sampled_from(sorted(SCALES)))
def test_scaled_round_trip(mantissa: int, decimals: int, scale: str) -> None:
    value = Decimal(mantissa).scaleb(-decimals) * SCALES[scale]
    written = format_vietnamese(value, scale)
    assert written.endswith(" " + scale)
    assert parse_number(written) == float(value), written


@settings(max_examples=200, deadline=None)
@given(big=st.integers(1, 999), small=st.integers(1, 999),
       scales=st.sampled_from([("tỷ", "triệu"), ("triệu", "nghìn"), ("tỷ", "nghìn")]))
def test_compound_round_trip(big: int, small: int, scales: tuple[str, str]) -> None:
    high, low = scales
    written = f"{format_vietnamese(big)} {high} {format_vietnamese(small)} {low}"
    assert parse_number(written) == big * SCALES[high] + small * SCALES[low], written


_SPELLING_VARIANTS = {"nghìn": "ngàn", "bảy": "bẩy", "linh": "lẻ", "lăm": "nhăm", "tư": "bốn"}


@settings(max_examples=500, deadline=None)
@given(n=st.integers(0, 999_999), variants=st.sets(st.sampled_from(sorted(_SPELLING_VARIANTS))))
def test_words_round_trip(n: int, variants: set[str]) -> None:
    words = format_words(n).split()
    written = " ".join(_SPELLING_VARIANTS[w] if w in variants else w for w in words)
    assert parse_number(written) == n, written


def test_words_round_trip_every_number_below_2000() -> None:
    for n in range(2000):
        assert parse_number(format_words(n)) == n, format_words(n)
