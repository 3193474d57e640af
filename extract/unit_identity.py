"""Unit identities: which canonical unit names, across articles and years, denote one unit.

The units component names a unit canonically inside one article; this module gives it an
identity that holds across articles: an identity key, and ``unit_id``, the first 60 bits of
the key's SHA-1 (stable, computable anywhere, no table needed). Keys:

==================  ===================================================  ==========================
level               key                                                  e.g.
==================  ===================================================  ==========================
national            ``national``                                         Tổng Liên đoàn Lao động VN
national_industry   ``national_industry:<name>``                         Công đoàn Dệt May Việt Nam
province            ``province:<old province>``                          LĐLĐ tỉnh Thừa Thiên Huế
                                                                         = LĐLĐ thành phố Huế
province_industry   ``province_industry:<old province>:<union>``         Công đoàn ngành Y tế tỉnh X
district            ``district:<old province>:<type> <district>``        LĐLĐ huyện Sóc Sơn
commune             ``commune:<province today>:<type> <commune>``        Công đoàn phường Dĩ An
grassroots          ``grassroots:<province today>:<organisation>``       CĐCS Công ty TNHH X
organisation        ``organisation:<province today>:<organisation>``     an award's recipient that
                                                                         is no union unit
==================  ===================================================  ==========================

Names are compared folded (case, tone placement, spacing), provinces through the gazetteer,
so "LĐLĐ TP HCM" and "Liên đoàn Lao động Thành phố Hồ Chí Minh" are one unit, and grassroots
organisations after the spellings of ``data/lexicon/unit_identity.toml`` ("Cty CP" = "Công ty
cổ phần"). Provincial units are keyed by the province *before* the 1 July 2025 merger, the
unit of record; grassroots units by today's province, so a company's union keeps one identity
when its province merges.

The 2025 restructuring (dates in the lexicon) gives each identity its place in today's
system: :meth:`Identity.parent_key` (district federations and provincial unions under their
province's federation, grassroots and commune unions under today's province's federation),
and :meth:`Identity.ending`: district federations ended on 30 June 2025 and their members
passed to the provincial federation; the federation of a province merged into another ended
the same day and passed to the federation of the province that kept its name. Commune and
ward unions ("Công đoàn xã/phường/đặc khu X", level ``commune``) exist from 1 July 2025; a
ward's grassroots union written the same way before that day stays ``grassroots``.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from core.config import GAZETTEER_DIR
from core.records import stable_id
from extract.gazetteer import Gazetteer, gazetteer, name_key, to_date
from extract.lexicon import lexicon

NATIONAL = "national"


@lru_cache(maxsize=1 << 16)  # a SHA-1 per call; the same keys recur in every article
def unit_id_for(key: str) -> int:
    """The 60-bit identifier of an identity key (fits DuckDB's BIGINT)."""
    return stable_id(key)


@dataclass(frozen=True)
class Ending:
    status: str  # ended (district federations) or merged (units of a merged province)
    on: date
    successor_key: str


@dataclass(frozen=True)
class Identity:
    key: str
    level: str
    province: str | None  # canonical old province; today's for commune, grassroots, organisation
    province_now: str | None

    @property
    def unit_id(self) -> int:
        return unit_id_for(self.key)

    def parent_key(self) -> str | None:
        """The unit it belongs to in today's system (see the module docstring)."""
        return _rules().parent_key(self)

    def ending(self) -> Ending | None:
        """How the 2025 restructuring ended it, None for a unit that carries on."""
        return _rules().ending(self)


def _phrase(words: list[str]) -> str:
    return "|".join(re.escape(name_key(w)) for w in sorted(words, key=len, reverse=True))


class IdentityRules:
    """The lexicon, the gazetteer and the commune list, compiled once."""

    def __init__(self, lex: dict[str, Any], gaz: Gazetteer, communes: dict[str, dict[str, list[str]]],
                 sectors_of_units: list[str] = ()):
        self.gaz = gaz
        names = lex["names"]
        dates = lex["restructuring"]
        self.districts_ended: date = dates["districts_ended"]
        self.provinces_merged: date = dates["provinces_merged"]
        self.communes_began: date = dates["communes_began"]
        place_types = _phrase(names["province_types"] + names["district_types"])
        federation = re.escape(name_key(names["federation"]))
        self.federation_re = re.compile(rf"^{federation}\s+(?P<type>{place_types})\s+(?P<place>.+)$")
        self.province_types = {name_key(t) for t in names["province_types"]}
        province_types = _phrase(names["province_types"])
        self.place_in_name_re = re.compile(rf"^(?P<union>.+?)\s+(?:{province_types})\s+(?P<place>[^\s].*)$")
        union = re.escape(name_key(names["union"]))
        sectors = _phrase(sectors_of_units)
        # a provincial sector union is written with or without "ngành": one identity
        self.sector_union_re = re.compile(rf"^(?P<union>{union})\s+(?P<sector>(?:{sectors}))$")
        unions = _phrase(names["grassroots"] + [names["union"]])
        self.grassroots_re = re.compile(rf"^(?:{unions})\s+")
        commune_types = _phrase(names["commune_types"])
        self.commune_re = re.compile(rf"^(?:{unions})\s+(?P<type>{commune_types})\s+(?P<place>.+)$")
        self.spellings = {name_key(k): name_key(v) for k, v in lex["organisation"].items()}
        self.spelling_re = re.compile(r"(?<!\w)(?:" + _phrase(list(self.spellings)) + r")(?!\w)")
        self.communes: dict[str, list[str]] = {}  # "phường dĩ an" -> provinces holding such a commune
        for province, by_type in communes.items():
            for kind, places in by_type.items():
                for place in places:
                    self.communes.setdefault(f"{name_key(kind)} {name_key(place)}", []).append(province)

    # -- helpers ----------------------------------------------------------------------------

    def organisation_key(self, name: str) -> str:
        """An organisation's name folded, its legal-form spellings made one."""
        return self.spelling_re.sub(lambda m: self.spellings[m.group()], name_key(name).replace(".", " ").strip())

    def old_of_now(self, province_now: str | None) -> str | None:
        """The old province whose federation carries on as today's province's federation."""
        return self.gaz.old_province(province_now) if province_now else None

    def _old(self, *names: str | None) -> str | None:
        for name in names:
            old = self.gaz.old_province(name) if name else None
            if old:
                return old
        return None

    # -- identity ---------------------------------------------------------------------------

    def identify(self, name: str, level: str | None, province: str | None = None,
                 province_now: str | None = None, when: date | datetime | None = None) -> Identity:
        key = name_key(name)
        if level == NATIONAL:
            return Identity(NATIONAL, NATIONAL, None, None)
        if level == "national_industry":
            return Identity(f"national_industry:{self.organisation_key(name)}", level, None, None)
        federation = self.federation_re.match(key)
        if federation and level in ("province", "district", None):
            is_province = level == "province" or (level is None and federation["type"] in self.province_types
                                                  and self.gaz.old_province(federation["place"]))
            if is_province:
                old = self._old(federation["place"], province)
                if old:
                    return Identity(f"province:{old}", "province", old, self.gaz.province_now(old))
            else:
                return self._district(federation["type"], federation["place"], province)
        if level == "province_industry":
            placed = self.place_in_name_re.match(key)
            old = self._old(placed["place"] if placed else None, province)
            union = placed["union"] if placed and self.gaz.old_province(placed["place"]) else key
            union = self.sector_union_re.sub(r"\g<union> ngành \g<sector>", union)  # "công đoàn giáo dục" = "... ngành ..."
            return Identity(f"province_industry:{old or '?'}:{self.organisation_key(union)}", level, old,
                            self.gaz.province_now(old) if old else province_now)
        commune = self.commune_re.match(key)
        when = to_date(when)
        if commune and (level == "commune" or (level == "grassroots" and when and when >= self.communes_began)):
            place = f"{commune['type']} {commune['place']}"
            holders = self.communes.get(place, [])
            now = province_now or (holders[0] if len(holders) == 1 else None)
            return Identity(f"commune:{now or '?'}:{place}", "commune", now, now)
        if level == "grassroots":
            organisation = self.organisation_key(self.grassroots_re.sub("", key, count=1))
            return Identity(f"grassroots:{province_now or '?'}:{organisation}", level, province_now, province_now)
        return Identity(f"organisation:{province_now or '?'}:{self.organisation_key(name)}", "organisation",
                        province_now, province_now)

    def _district(self, kind: str, place: str, province: str | None) -> Identity:
        candidates = self.gaz.province_of_district(place, province)
        old = candidates[0] if len(candidates) == 1 else self._old(province)
        return Identity(f"district:{old or '?'}:{kind} {place}", "district", old,
                        self.gaz.province_now(old) if old else None)

    # -- place in today's system ------------------------------------------------------------

    def federation_key(self, province_now: str | None) -> str | None:
        old = self.old_of_now(province_now)
        return f"province:{old}" if old else None

    def parent_key(self, identity: Identity) -> str | None:
        if identity.level == NATIONAL:
            return None
        if identity.level in ("national_industry", "province"):
            return NATIONAL
        if identity.level in ("province_industry", "district") and identity.province:
            return f"province:{identity.province}"
        return self.federation_key(identity.province_now)

    def ending(self, identity: Identity) -> Ending | None:
        successor = self.federation_key(identity.province_now)
        if successor is None:
            return None
        if identity.level == "district":
            return Ending("ended", self.districts_ended, successor)
        if identity.level in ("province", "province_industry") and successor != f"province:{identity.province}":
            return Ending("merged", self.provinces_merged, successor)
        return None

    def federation_name(self, old: str) -> str:
        """The name of an old province's federation: as it ended, or as it is called today."""
        province = self.gaz.old[old]
        if self.old_of_now(province.new) == old:
            return f"Liên đoàn Lao động {self.gaz.new[province.new]} {province.new}"
        return f"Liên đoàn Lao động {province.type} {province.name}"

    def seeds(self) -> list[tuple[Identity, str]]:
        """The national federation and every provincial one, with their names: the registry's frame."""
        rows = [(Identity(NATIONAL, NATIONAL, None, None), "Tổng Liên đoàn Lao động Việt Nam")]
        for old, province in self.gaz.old.items():
            rows.append((Identity(f"province:{old}", "province", old, province.new), self.federation_name(old)))
        return rows


@lru_cache(maxsize=1)
def _rules() -> IdentityRules:
    communes = json.loads((GAZETTEER_DIR / "communes.json").read_text(encoding="utf-8"))["communes"]
    return IdentityRules(lexicon("unit_identity"), gazetteer(), communes,
                         lexicon("units")["province_industry"]["sectors"])


@lru_cache(maxsize=1 << 16)  # the same unit recurs in an article and across articles; Identity is frozen
def identify(name: str, level: str | None, province: str | None = None, province_now: str | None = None,
             when: date | datetime | None = None) -> Identity:
    """The identity of a unit named ``name`` (canonical) with the fields of its units row."""
    return _rules().identify(name, level, province, province_now, when)


def unit_id_of(row: dict[str, Any], when: date | datetime | None = None) -> int:
    """``unit_id`` of a row holding name, level, province and province_now (units, award recipients)."""
    return identify(row["name"], row.get("level"), row.get("province"), row.get("province_now"), when).unit_id


def federation_id(province: str | None) -> int:
    """unit_id of the federation of a province (any name, old or today's), else of the national one."""
    old = gazetteer().old_province(province) if province else None
    return unit_id_for(f"province:{old}" if old else NATIONAL)


def registry_seeds() -> list[tuple[Identity, str]]:
    return _rules().seeds()


def organisation_key(name: str) -> str:
    return _rules().organisation_key(name)


def commune_provinces(place: str) -> list[str]:
    """Today's provinces that hold a commune written with its type word ("phường Dĩ An")."""
    return list(_rules().communes.get(name_key(place), []))
