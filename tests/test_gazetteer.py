"""The province gazetteer: 63 old provinces, 34 new, districts, spellings and dates."""

from __future__ import annotations

import csv
import re
from datetime import date, datetime

import pytest

from extract.gazetteer import (
    gazetteer,
    name_key,
    normalize_tones,
    old_province,
    province_name_on,
    province_now,
    province_of_district,
)
from core.config import SHARED_DIR


def test_counts() -> None:
    g = gazetteer()
    assert len(g.old) == 63
    assert len(g.new) == 34
    assert {p.new for p in g.old.values()} == set(g.new)
    assert len(g.districts) > 690


def test_every_old_province_maps_to_one_new() -> None:
    for old in gazetteer().old:
        assert province_now(old) in gazetteer().new, old


def test_merger_agrees_with_reference_table() -> None:
    path = SHARED_DIR / "reference" / "provinces_34_old_to_new.csv"
    if not path.exists():
        pytest.skip(f"reference table absent: {path}")
    with open(path, encoding="utf-8") as fh:
        rows = list(csv.DictReader(fh))
    for row in rows:
        new = old_province(row["new_name"])
        for old_name in re.split(r"\s*\[\d+\];?\s*", row["old_provinces [old_code]"]):
            if old_name:
                assert province_now(old_province(old_name)) == gazetteer().old[new].new, old_name


@pytest.mark.parametrize("old, new", [
    ("Trà Vinh", "Vĩnh Long"), ("Bến Tre", "Vĩnh Long"), ("Tiền Giang", "Đồng Tháp"), ("Thanh Hóa", "Thanh Hóa"),
    ("Hà Giang", "Tuyên Quang"), ("Bình Dương", "Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"),
    ("Hậu Giang", "Cần Thơ"), ("Quảng Nam", "Đà Nẵng"), ("Kon Tum", "Quảng Ngãi"), ("Thừa Thiên Huế", "Huế"),
    ("Hòa Bình", "Phú Thọ"), ("Hải Dương", "Hải Phòng"),
])
def test_province_now(old: str, new: str) -> None:
    assert province_now(old) == new


@pytest.mark.parametrize("spelling, canonical", [
    ("Tỉnh Thanh Hóa", "Thanh Hóa"), ("thanh hoá", "Thanh Hóa"), ("Khánh Hoà", "Khánh Hòa"),
    ("Tỉnh Hoà Bình", "Hòa Bình"), ("TP.HCM", "Hồ Chí Minh"), ("TPHCM", "Hồ Chí Minh"),
    ("Thành phố Hồ Chí Minh", "Hồ Chí Minh"), ("Hồ Chí Minh", "Hồ Chí Minh"), ("Huế", "Thừa Thiên Huế"),
    ("Thừa Thiên - Huế", "Thừa Thiên Huế"), ("Bà Rịa-Vũng Tàu", "Bà Rịa - Vũng Tàu"), ("Đăk Nông", "Đắk Nông"),
    ("Thanh Oai", None),
])
def test_spellings(spelling: str, canonical: str | None) -> None:
    assert old_province(spelling) == canonical


def test_tone_placement_keeps_length() -> None:
    for old, new in [("Hoà", "Hòa"), ("Thuỵ Anh", "Thụy Anh"), ("khoẻ", "khỏe"), ("HOÀ", "HÒA")]:
        assert normalize_tones(old) == new
        assert len(normalize_tones(old)) == len(old)
    for kept in ("hoàng", "quý", "Quỳnh", "thuyền"):
        assert normalize_tones(kept) == kept
    assert name_key("Bà Rịa–Vũng  Tàu") == "bà rịa - vũng tàu"


@pytest.mark.parametrize("district, provinces", [
    ("Tiểu Cần", ["Trà Vinh"]), ("Như Thanh", ["Thanh Hóa"]), ("Ba Đình", ["Hà Nội"]), ("Sơn Tây", ["Hà Nội", "Quảng Ngãi"]),
    ("Ứng Hoà", ["Hà Nội"]), ("Long Biên", ["Hà Nội"]), ("1", ["Hồ Chí Minh"]), ("Phú Xuyên", ["Hà Nội"]),
    ("Tân Phú Đông", ["Tiền Giang"]), ("Nowhere", []),
])
def test_province_of_district(district: str, provinces: list[str]) -> None:
    assert sorted(province_of_district(district)) == sorted(provinces)


def test_ambiguous_district_resolved_by_context() -> None:
    assert len(province_of_district("Châu Thành")) >= 5
    assert province_of_district("Châu Thành", "Trà Vinh") == ["Trà Vinh"]
    assert province_of_district("Châu Thành", "Tỉnh Tiền Giang") == ["Tiền Giang"]
    assert len(province_of_district("Châu Thành", "Hà Nội")) >= 5  # a context that does not help


def test_naming_by_date() -> None:
    assert province_name_on("Trà Vinh", datetime(2023, 5, 19)) == "Trà Vinh"
    assert province_name_on("Trà Vinh", date(2025, 6, 30)) == "Trà Vinh"
    assert province_name_on("Trà Vinh", date(2025, 7, 1)) == "Vĩnh Long"
    assert province_name_on("Trà Vinh", None) == "Trà Vinh"
    assert province_name_on("Thừa Thiên Huế", date(2023, 6, 2)) == "Thừa Thiên Huế"
    assert province_name_on("Thừa Thiên Huế", date(2025, 3, 1)) == "Huế"
    g = gazetteer()
    assert g.province_type_on("Thừa Thiên Huế", date(2023, 6, 2)) == "tỉnh"
    assert g.province_type_on("Thừa Thiên Huế", date(2025, 3, 1)) == "thành phố"
    assert g.province_type_on("Hà Nội", None) == "thành phố"
    assert g.province_type_on("Bình Dương", date(2025, 8, 1)) == "thành phố"  # now part of Hồ Chí Minh
