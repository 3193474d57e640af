"""Unit identities: one id per unit across spellings, renamings and the 2025 restructuring."""

from __future__ import annotations

from datetime import date

import pytest

from extract.unit_identity import federation_id, identify, registry_seeds, unit_id_for

AFTER = date(2025, 8, 1)
BEFORE = date(2024, 3, 1)


@pytest.mark.parametrize(("a", "b"), [
    (("Liên đoàn Lao động thành phố Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh"),
     ("Liên đoàn Lao động Thành phố Hồ Chí Minh", "province", None, None)),
    (("Liên đoàn Lao động tỉnh Thừa Thiên Huế", "province", "Thừa Thiên Huế", "Huế"),
     ("Liên đoàn Lao động thành phố Huế", "province", "Huế", "Huế")),
    (("Liên đoàn Lao động tỉnh Khánh Hoà", "province", "Khánh Hòa", "Khánh Hòa"),
     ("Liên đoàn Lao động tỉnh Khánh Hòa", "province", "Khánh Hòa", "Khánh Hòa")),
    (("Công đoàn cơ sở Công ty cổ phần May Sông Hồng", "grassroots", "Nam Định", "Ninh Bình"),
     ("Công đoàn cơ sở Cty CP May Sông Hồng", "grassroots", "Ninh Bình", "Ninh Bình")),
    (("Công đoàn ngành Y tế tỉnh Thừa Thiên Huế", "province_industry", "Thừa Thiên Huế", "Huế"),
     ("Công đoàn ngành Y tế thành phố Huế", "province_industry", "Huế", "Huế")),
    # names are kept as written: "ngành" and "cơ sở" may be absent
    (("Công đoàn Giáo dục tỉnh Nghệ An", "province_industry", "Nghệ An", "Nghệ An"),
     ("Công đoàn ngành Giáo dục tỉnh Nghệ An", "province_industry", "Nghệ An", "Nghệ An")),
    (("Công đoàn Công ty TNHH May Tiến Thành", "grassroots", "Nam Định", "Ninh Bình"),
     ("Công đoàn cơ sở Công ty TNHH May Tiến Thành", "grassroots", "Nam Định", "Ninh Bình")),
])
def test_spellings_and_renamings_are_one_unit(a: tuple, b: tuple) -> None:
    assert identify(*a, BEFORE).unit_id == identify(*b, AFTER).unit_id


@pytest.mark.parametrize(("a", "b"), [
    (("Liên đoàn Lao động thành phố Hà Tĩnh", "district", "Hà Tĩnh", "Hà Tĩnh"),
     ("Liên đoàn Lao động tỉnh Hà Tĩnh", "province", "Hà Tĩnh", "Hà Tĩnh")),
    (("Công đoàn cơ sở Trường THPT Chu Văn An", "grassroots", "Hà Nội", "Hà Nội"),
     ("Công đoàn cơ sở Trường THPT Chu Văn An", "grassroots", "Thái Nguyên", "Thái Nguyên")),
    (("Công đoàn ngành Y tế tỉnh Nghệ An", "province_industry", "Nghệ An", "Nghệ An"),
     ("Công đoàn ngành Giáo dục tỉnh Nghệ An", "province_industry", "Nghệ An", "Nghệ An")),
])
def test_different_units_keep_apart(a: tuple, b: tuple) -> None:
    assert identify(*a, BEFORE).unit_id != identify(*b, BEFORE).unit_id


def test_district_federations_ended_and_passed_to_the_province() -> None:
    district = identify("Liên đoàn Lao động huyện Sóc Sơn", "district", "Hà Nội", "Hà Nội", BEFORE)
    assert district.key == "district:Hà Nội:huyện sóc sơn"
    ending = district.ending()
    assert (ending.status, ending.on, ending.successor_key) == ("ended", date(2025, 6, 30), "province:Hà Nội")
    assert district.parent_key() == "province:Hà Nội"


def test_merged_provinces_pass_to_the_province_that_kept_its_name() -> None:
    binh_duong = identify("Liên đoàn Lao động tỉnh Bình Dương", "province", "Bình Dương", "Hồ Chí Minh", BEFORE)
    assert binh_duong.ending().successor_key == "province:Hồ Chí Minh"
    hcm = identify("Liên đoàn Lao động thành phố Hồ Chí Minh", "province", "Hồ Chí Minh", "Hồ Chí Minh", AFTER)
    assert hcm.ending() is None and hcm.parent_key() == "national"
    # a company's union keeps its id when its province merges: it is keyed by today's province
    before = identify("Công đoàn cơ sở Công ty TNHH Giày Tân Phú Lợi", "grassroots", "Bình Dương", "Hồ Chí Minh", BEFORE)
    after = identify("Công đoàn cơ sở Công ty TNHH Giày Tân Phú Lợi", "grassroots", "Hồ Chí Minh", "Hồ Chí Minh", AFTER)
    assert before.unit_id == after.unit_id and before.parent_key() == "province:Hồ Chí Minh"


def test_commune_unions_from_july_2025() -> None:
    commune = identify("Công đoàn phường Dĩ An", "grassroots", None, None, AFTER)
    assert (commune.level, commune.province_now) == ("commune", "Hồ Chí Minh")  # placed by communes.json
    assert commune.parent_key() == "province:Hồ Chí Minh"
    ward_union_before = identify("Công đoàn phường Dĩ An", "grassroots", "Bình Dương", "Hồ Chí Minh", BEFORE)
    assert ward_union_before.level == "grassroots" and ward_union_before.unit_id != commune.unit_id


def test_organisations_and_federations() -> None:
    school = identify("Trường THPT Chu Văn An", None, "Hà Nội", "Hà Nội")
    assert school.level == "organisation" and school.key == "organisation:Hà Nội:trường thpt chu văn an"
    assert federation_id("Thừa Thiên Huế") == federation_id("Huế") == unit_id_for("province:Thừa Thiên Huế")
    assert federation_id(None) == unit_id_for("national")


def test_the_registry_frame() -> None:
    seeds = dict((i.key, name) for i, name in registry_seeds())
    assert len(seeds) == 64
    assert seeds["province:Thừa Thiên Huế"] == "Liên đoàn Lao động thành phố Huế"
    assert seeds["province:Hà Giang"] == "Liên đoàn Lao động tỉnh Hà Giang"
    assert seeds["province:Tuyên Quang"] == "Liên đoàn Lao động tỉnh Tuyên Quang"
