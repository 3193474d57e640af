"""Industry and sector unions: a province's sector unions ("Công đoàn ngành Giáo dục tỉnh X", and the list that
shares the head), zone unions ("Công đoàn các Khu công nghiệp tỉnh X", "Công đoàn Khu kinh tế Dung Quất", the parks of
one town) and a company union named by its trade and place ("Công đoàn Cao su Dầu Tiếng"). A mixin of
``extract.units.UnitParser``; the patterns are ``unit_patterns``'."""

from __future__ import annotations

import re
from dataclasses import replace

from extract.gazetteer import name_key
from extract.unit_patterns import DISTRICT_TYPES, WORD_AFTER, Mention, Place, UnitPatterns, tidy


class SectorUnions(UnitPatterns):
    """The industry, zone and sector unions a "Công đoàn" head may open."""

    def _industry_place(self, norm: str, text: str, pos: int) -> tuple[int, str | None, Place | None]:
        if (region := self.region_re.match(norm, pos)) and (place := self._place(
                norm, text, region.end(), None, provinces_only=True)) and place.level == "province":
            # "Công đoàn Khu công nghiệp khu vực Phú Thọ" (2025): the region word stays in the name
            return place.end, "tỉnh", replace(place, type=region.group("region"))
        typed = self.type_re.match(norm, pos)
        admin_type = self.types[name_key(typed.group("type"))] if typed else None
        if admin_type in DISTRICT_TYPES:
            return pos, None, None
        place = self._place(norm, text, typed.end() if typed else pos, admin_type, provinces_only=True)
        if place and place.level == "province":
            return place.end, admin_type, place
        return (typed.end() if typed else pos), admin_type, None

    def _province_industry(self, start: int, head: str, norm: str, text: str, pos: int) -> Mention:
        end, admin_type, place = self._industry_place(norm, text, pos)
        if place:
            return Mention(start, end, "province_industry", f"{head} {place.type} {place.display}", place.province)
        return Mention(start, end, "province_industry", template=head + " {place}")

    def _zone(self, norm: str, text: str, start: int, head: str, pos: int) -> Mention | None:
        """A zone with a name of its own: "Công đoàn Khu kinh tế Dung Quất", "Công đoàn KKT Đông Nam Nghệ An"
        (the province written after the name stays in it, as written; the union is the province's)."""
        run = self.cap_run_re.match(norm, pos)
        if run is None or self.type_at_re.match(norm, run.start("name")):
            return None
        words = tidy(text[run.start("name"):run.end("name")]).split()
        zone, province = words, None
        for k in range(len(words)):
            if self.gaz.old_province(" ".join(words[k:])) or self.types.get(name_key(words[k])) \
                    or self.country_re.match(" " + " ".join(words[k:])):
                zone, province = words[:k], self.gaz.old_province(" ".join(words[k:]))
                break
        if not zone:
            return None
        name = " ".join(zone + (words[len(zone):] if province else []))
        end = run.start("name") + len(name)
        return Mention(start, end, "province_industry", f"Công đoàn {head} {name}", province, org_key=f"zone {name_key(' '.join(zone))}")

    def _zones_of_town(self, norm: str, text: str, start: int, head: str, pos: int) -> Mention | None:
        """The parks of one district or town: "Công đoàn các KCN Bến Cát" is the upper-level union of that town's
        parks, named with the town and placed by the gazetteer (province_industry, as the union of a province's)."""
        run = self.cap_run_re.match(norm, pos)
        town = tidy(text[run.start("name"):run.end("name")]) if run else ""
        provinces = self.gaz.province_of_district(town) if town and not self.gaz.old_province(town) else []
        if len(provinces) != 1:
            return None
        end = run.start("name") + len(town)
        return Mention(start, end, "province_industry", f"Công đoàn {head} {town}", provinces[0],
                       org_key=f"zone {name_key(town)}")

    def _trade_company(self, norm: str, text: str, start: int, head: str, run: re.Match[str]) -> Mention | None:
        """"Công đoàn Cao su Dầu Tiếng": a company named by its trade and its place (grassroots, no province); a
        person's name after a sector union is its officer's ("Chủ tịch CĐ Công Thương Lý Quốc Hùng"), no company."""
        place = tidy(run.group("name"))
        if self.stop_re.match(norm, run.start("name")) or self.not_org_re.match(text, run.start("name")) \
                or place.split()[0] in self.surnames and not self.gaz.district_entries(place):
            return None
        if not text[run.end("name"):].strip() and not self._ends_with_place(f"{head} {place}"):
            return None  # the text was cut inside the name: "… Công đoàn Y tế Việt Na"
        if (after := WORD_AFTER.match(text, run.end("name"))) \
                and name_key(f"{place.split()[-1]} {after.group(1)}") in self.trade_words:
            return None  # a compound goes on in lower case: "Công đoàn Ngân hàng Đầu tư …", "… Chính sách xã hội"
            # names an organisation
        trade = head.removeprefix("Công đoàn ")
        return Mention(start, run.end("name"), "grassroots", f"{head} {place}", org_key=name_key(f"{trade} {place}"))

    def _sector_at(self, norm: str, text: str, pos: int, first: bool) -> tuple[int, int, str] | None:
        """Start, end and canonical spelling of the sector named at ``pos`` after "ngành": a listed
        sector in any case, or (the first of a list only) a capitalised run that is no province."""
        listed = self.sector_any_re.match(norm, pos)
        if listed:
            written = tidy(text[listed.start(1):listed.end(1)])
            name = self.sector_spellings[name_key(written)]  # one spelling a sector: "Y Tế" and "Y tế" are one union
            return listed.start(1), listed.end(1), name
        run = self.cap_run_re.match(norm, pos) if first else None
        if not run:
            return None
        words = tidy(text[run.start(1):run.end(1)]).split()
        for k in range(1, len(words)):  # a capitalised run may swallow the province
            if self.gaz.old_province(" ".join(words[k:])) or self.types.get(name_key(words[k])) \
                    or self.country_re.match(" " + " ".join(words[k:])):
                words = words[:k]
                break
        name = " ".join(words)
        return run.start(1), run.start(1) + len(name), self.spelled_out(name)  # "VHTTDL": "Văn hóa, Thể thao và Du lịch"

    def _sectors(self, norm: str, text: str, start: int, pos: int) -> list[Mention]:
        """"Công đoàn ngành X [tỉnh Y]", and the list that shares the head: "Công đoàn ngành Giáo
        dục, Y tế; Công thương tỉnh Y" is three units, all placed by the place after the last."""
        if self.sector_generic_re.match(norm, pos):
            return []
        first = self._sector_at(norm, text, pos, first=True)
        if first is None:
            return []
        sectors = [first]
        while (sep := self.sector_separator_re.match(norm, sectors[-1][1])) \
                and (nxt := self._sector_at(norm, text, sep.end() - 1, first=False)):
            sectors.append(nxt)
        last_end = sectors[-1][1]
        if len(sectors) == 1 and (country := self.country_re.match(norm, last_end)):  # "Công đoàn ngành Xây dựng Việt Nam"
            return [Mention(start, country.end(), "national_industry", f"Công đoàn {first[2]} Việt Nam")]
        end, typed, place = self._industry_place(norm, text, last_end)
        mentions = []
        for k, (s, e, name) in enumerate(sectors):
            head = f"Công đoàn ngành {name}"
            span = (start if k == 0 else s, end if k == len(sectors) - 1 else e)
            if place:
                mentions.append(Mention(*span, "province_industry", f"{head} {place.type} {place.display}", place.province))
            else:  # "Công đoàn ngành Y tế" with no type word may be the national union the article named
                mentions.append(Mention(*span, "province_industry", template=head + " {place}",
                                        sector=None if typed else name))
        return mentions
