"""Vietnam's provinces and districts: the 63 provinces before 1 July 2025, the 34 since.

Data: ``data/gazetteer/provinces.json`` (generated once by ``scripts/build_gazetteer.py``)
and ``data/gazetteer/names.toml`` (spelling variants, renamings, districts the generated
list lacks). Province names are stored short, without "Tỉnh"/"Thành phố" ("Thanh Hóa").

Old provinces are the unit of record: a district belongs to an old province, an old
province to exactly one new province. How an article names a province depends on its
date: before the merger the old name (as it was on that date), from 1 July 2025 the new.
"""

from __future__ import annotations

import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache

from core.config import GAZETTEER_DIR

MERGER_DATE = date(2025, 7, 1)

# An open syllable ending in oa/oe/uy carries its tone on the first vowel in the modern
# style ("Hòa", "Thụy") and on the second in the old one ("Hoà", "Thuỵ"); not "quý". (The "q" is looked behind after
# the "u": both branches then open with a character class, which re scans a whole text for quickly.)
_OLD_TONE = re.compile(r"([oO])([àáảãạÀÁẢÃẠèéẻẽẹÈÉẺẼẸ])(?!\w)|([uU])(?<![qQ][uU])([ỳýỷỹỵỲÝỶỸỴ])(?!\w)")


def _move_tone(match: re.Match[str]) -> str:
    first, toned = (match.group(1), match.group(2)) if match.group(1) else (match.group(3), match.group(4))
    base, mark = unicodedata.normalize("NFD", toned)[0], unicodedata.normalize("NFD", toned)[1:]
    return unicodedata.normalize("NFC", first + mark) + base


# Names and phrases recur across articles: their results are cached per distinct string. A
# whole text is normalised by several extractors in turn: the last one is kept.
_SHORT = 200
_last_text: tuple[str, str] = ("", "")


def _normalize_tones(text: str) -> str:
    return _OLD_TONE.sub(_move_tone, unicodedata.normalize("NFC", text))


_normalize_short = lru_cache(maxsize=1 << 16)(_normalize_tones)


def normalize_tones(text: str) -> str:
    """NFC with the modern tone placement; keeps the length of NFC text."""
    if len(text) <= _SHORT:
        return _normalize_short(text)
    global _last_text
    last = _last_text
    if last[0] != text:
        last = _last_text = (text, _normalize_tones(text))
    return last[1]


@lru_cache(maxsize=1 << 16)
def name_key(name: str) -> str:
    """Comparison key of a place name: tones normalised, lower case, spaces and dashes tidied."""
    text = normalize_tones(name).lower().replace("–", "-")
    text = re.sub(r"\s*-\s*", " - ", text)
    return " ".join(text.split())


def to_date(value: date | datetime | None) -> date | None:
    return value.date() if isinstance(value, datetime) else value


@dataclass(frozen=True)
class District:
    name: str
    type: str  # quận, huyện, thị xã, thành phố
    province: str  # canonical old province


@dataclass(frozen=True)
class Province:
    code: str
    name: str  # canonical old name, as used in the archive
    type: str  # tỉnh or thành phố
    new: str  # the province holding the area since 1 July 2025
    renamed_on: date | None = None
    renamed_to: str | None = None
    renamed_type: str | None = None


class Gazetteer:
    """Lookups over the old and new provinces and the old districts."""

    def __init__(self, data: dict, names: dict):
        history = {h["current"]: h for h in names.get("province_history", [])}
        self.old: dict[str, Province] = {}
        self.districts: list[District] = []
        self.new: dict[str, str] = {row["name"]: row["type"] for row in data["new"]}
        for row in data["old"]:
            past = history.get(row["name"])
            if past:
                province = Province(row["code"], past["canonical"], past["type"], row["new"],
                                    past["renamed_on"], row["name"], row["type"])
            else:
                province = Province(row["code"], row["name"], row["type"], row["new"])
            self.old[province.name] = province
            self.districts += [District(d["name"], d["type"], province.name) for d in row["districts"]]
        for extra in names.get("extra_districts", []):
            self.districts += [District(n, extra["type"], extra["province"]) for n in extra["names"]]
        self._provinces: dict[str, str] = {}
        for province in self.old.values():
            for spelling in (province.name, province.renamed_to):
                if spelling:
                    self._provinces[name_key(spelling)] = province.name
        for canonical, aliases in names.get("province_aliases", {}).items():
            for alias in aliases:
                self._provinces[name_key(alias)] = canonical
        self._districts: dict[str, list[District]] = {}
        for district in self.districts:
            self._districts.setdefault(name_key(district.name), []).append(district)

    # -- provinces --------------------------------------------------------------------------

    def old_province(self, name: str) -> str | None:
        """The canonical old province a name (any spelling, with or without "tỉnh") denotes."""
        key = name_key(name)
        key = re.sub(r"^(?:tỉnh|thành phố|tp\.?)\s+", "", key)
        return self._provinces.get(key)

    def province_now(self, old: str) -> str | None:
        """The province that holds an old province's area today."""
        province = self.old.get(old) or self.old.get(self.old_province(old) or "")
        return province.new if province else None

    def province_name_on(self, old: str, when: date | datetime | None) -> str:
        """How an article published ``when`` names the province (old name before the merger)."""
        province = self.old[old]
        when = to_date(when)
        if when is None:
            return province.name
        if when >= MERGER_DATE:
            return province.new
        if province.renamed_on and when >= province.renamed_on:
            return province.renamed_to or province.name
        return province.name

    def province_type_on(self, old: str, when: date | datetime | None) -> str:
        """"tỉnh" or "thành phố" for the province as named on that date."""
        province = self.old[old]
        when = to_date(when)
        if when is not None and when >= MERGER_DATE:
            return self.new[province.new]
        if province.renamed_on and when is not None and when >= province.renamed_on:
            return province.renamed_type or province.type
        return province.type

    def province_spelling_type(self, spelling: str) -> str | None:
        """The type belonging to a spelling: "Huế" is a thành phố, "Thừa Thiên Huế" a tỉnh."""
        old = self.old_province(spelling)
        if old is None:
            return None
        province = self.old[old]
        if province.renamed_to and name_key(spelling) == name_key(province.renamed_to):
            return province.renamed_type
        return province.type

    def province_spellings(self) -> list[str]:
        """Every known spelling of a province (for building text patterns)."""
        return list(self._provinces)

    # -- districts --------------------------------------------------------------------------

    def district_entries(self, name: str) -> list[District]:
        return list(self._districts.get(name_key(name), []))

    def province_of_district(self, name: str, context: str | None = None) -> list[str]:
        """Old provinces holding a district of that name; ``context`` (a province) settles ambiguity."""
        provinces = list(dict.fromkeys(d.province for d in self.district_entries(name)))
        if context and len(provinces) > 1:
            old = self.old_province(context)
            if old in provinces:
                return [old]
        return provinces

    def district_type(self, name: str, province: str | None = None) -> str | None:
        entries = [d for d in self.district_entries(name) if province in (None, d.province)]
        return entries[0].type if entries else None

    def district_spellings(self) -> list[str]:
        return list(self._districts)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The project's gazetteer, loaded once per process."""
    data = json.loads((GAZETTEER_DIR / "provinces.json").read_text(encoding="utf-8"))
    with open(GAZETTEER_DIR / "names.toml", "rb") as fh:
        names = tomllib.load(fh)
    return Gazetteer(data, names)


def old_province(name: str) -> str | None:
    return gazetteer().old_province(name)


def province_now(old: str) -> str | None:
    return gazetteer().province_now(old)


def province_of_district(name: str, context: str | None = None) -> list[str]:
    return gazetteer().province_of_district(name, context)


def province_name_on(old: str, when: date | datetime | None) -> str:
    return gazetteer().province_name_on(old, when)
