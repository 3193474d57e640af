"""Names and provinces for the mentions of one article.

Short mentions ("LĐLĐ huyện", "Công đoàn Viên chức tỉnh", "CĐCS Công ty") are resolved inside
the article: the site's province for "tỉnh", the district the article named before for
"huyện", the nearest earlier grassroots union with that head; what cannot be resolved is
dropped rather than guessed. Provinces are named as on the article's date.
"""

from __future__ import annotations

import re
from dataclasses import replace
from functools import cached_property, lru_cache
from datetime import date, datetime
from typing import Any

from extract.gazetteer import MERGER_DATE, name_key, normalize_tones, to_date
from extract.nlp import ArticleContext
from extract.unit_identity import commune_provinces, organisation_key
from extract.unit_patterns import DISTRICT_TYPES, ArticlePlaces, Mention, Place, UnitPatterns

# A name ending in a bare type word, in any case: "… Bệnh viện đa khoa tỉnh", "… đa khoa Tỉnh".
_BARE_TYPE = re.compile(r" (tỉnh|thành phố)$", re.IGNORECASE)
# A district's type word inside an organisation key: "trung tâm y tế huyện lai vung".
_DISTRICT_TYPE = re.compile(rf"(?<!\S)(?:{'|'.join(DISTRICT_TYPES)})\s+(?=\S)")


_BARE_DISTRICT = re.compile(r" (huyện|quận|thị xã)$", re.IGNORECASE)  # "… Phòng VH-TT huyện"
_UNION_PREFIX = re.compile(r"^(?:Công đoàn cơ sở|Công đoàn) ")
_STOCK_SUFFIX = re.compile(r" - cp$")  # a joint-stock corporation's suffix in an organisation key ("… - ctcp" folded)
_NATIONWIDE = re.compile(r"\sViệt Nam(?:\s*[-–]\s*CTCP)?$")  # the country closing a corporation's name


def _union_prefix(name: str) -> tuple[str, str]:
    """A grassroots union's name parted into its union words and its organisation: ("Công đoàn cơ sở ", "Sở Y tế")."""
    prefix = _UNION_PREFIX.match(name)
    return (prefix.group(), name[prefix.end():]) if prefix else ("", name)


class MentionResolution(UnitPatterns):
    """Resolution of the units parser's mentions within an article."""

    # -- resolution ---------------------------------------------------------------------------

    def resolve(self, mentions: list[Mention], context: ArticleContext | None,
                places: ArticlePlaces | None = None) -> list[tuple[Mention, dict[str, Any]]]:
        """Names and provinces for every mention that can have them; fields per mention.

        ``places`` (from ``places()``) lets a short "LĐLĐ huyện" take the one district of that
        type the article names, and a grassroots union the one province the article names."""
        context = context or ArticleContext()
        places = places or ArticlePlaces()
        when = context.published_at
        own_site = self.gaz.old_province(context.source_province) if context.source_province else None
        site = own_site or self._title_place(context.title)
        named_provinces = [m.province for m in mentions if m.name and m.province]
        only_province = named_provinces[0] if len(set(named_provinces)) == 1 else None
        if not named_provinces and len(places.provinces) == 1:
            only_province = next(iter(places.provinces))
        # an undated article that names a district federation was written before districts ended (July 2025)
        districts_named = any(m.level == "district" and (m.name or m.admin_type in DISTRICT_TYPES) for m in mentions)
        for m in mentions:
            if m.name and m.level == "province" and m.admin_type == "thành phố" and m.province \
                    and self.gaz.province_type_on(m.province, when) == "tỉnh":
                m.level = "district"  # "LĐLĐ thành phố Huế" while Huế was a city of the province (before 2025)
            if m.name and m.level == "district" and m.province is None:
                candidates = self.gaz.province_of_district(m.district or "")
                if site in candidates or not candidates and site:
                    m.province = site  # a district the gazetteer lacks ("Čư M'gar" as the Ê Đê write it): the site's
                else:
                    m.province = next((p for p in named_provinces if p in candidates), None)
            elif m.name and m.level == "grassroots" and m.province is None and self.central_re.match(m.name):
                m.province = own_site  # "Công đoàn Bộ Y tế": where the body sits, not the story's province
            elif m.name and m.level == "grassroots" and m.province is None and self._nationwide(m.name):
                pass  # "Công đoàn Tổng công ty Cảng hàng không Việt Nam" on its airport's page: no site places it
            elif m.name and m.level in ("grassroots", "commune") and m.province is None and not m.inherit_next:
                # today's communes place a commune union only in today's map: not before the merger, nor undated on a
                # provincial site (which reports its own communes: "xã Hoàng Hoa Thám" of 2022 is not today's one)
                today = to_date(when) >= MERGER_DATE if when is not None else not site
                m.province = (self._commune_province(m, site) if today else None) or site \
                    or self._article_province(m, only_province)
            elif m.name and m.level == "province_industry" and m.province is None and (m.org_key or "").startswith("zone "):
                m.province = site or only_province  # "Công đoàn Khu kinh tế Dung Quất": the province it serves
            elif m.named_in_org and m.name and self.national_scope_re.search(m.name):
                m.province = own_site  # a corporation named after a province ("Tổng Công ty Cao su Đồng Nai", which a
                # headline may name too) works across provinces: only the site places its union
            elif m.named_in_org and site:
                m.province = site  # a place inside a company's name does not place its union: the site does
            if m.level == "grassroots" and site and m.name:
                self._complete(m, self._with_site_place(m.name, site, when))
            if m.level == "grassroots" and m.name and (bare := _BARE_DISTRICT.search(m.name)) \
                    and (place := places.only_district(bare.group(1).lower())) is not None:
                self._complete(m, f"{m.name} {place.display}")  # "CĐCS Phòng VH-TT huyện": the article's one district
            if m.level == "commune" and (to_date(when) < MERGER_DATE if when is not None else districts_named):
                m.level = "grassroots"  # before the two-tier reform, a commune's union was a grassroots one
        resolved: list[Mention] = []
        for i, m in enumerate(mentions):
            if m.name is None:
                m = self._resolve_short(m, [x for x in mentions[:i] if x.name], mentions, site, when, places)
                if m is None:
                    continue
            resolved.append(m)
        for i, m in enumerate(resolved):
            if m.inherit_next and m.province is None:
                nxt = resolved[i + 1] if i + 1 < len(resolved) else None
                if nxt and nxt.start - m.end <= 3:
                    m.province = nxt.province
                m.province = m.province or site
        resolved_provinces = {m.province for m in resolved if m.province}
        for m in resolved:  # the one province the short mentions resolved to ("LĐLĐ thành phố" of the lead's city)
            if m.level == "grassroots" and m.province is None and len(resolved_provinces) == 1 \
                    and not self.central_re.match(m.name):
                m.province = self._article_province(m, next(iter(resolved_provinces)))
        self._fold_company_forms(resolved)
        self._fold_short_writings(resolved)
        self._fold_sector_writings(resolved)
        self._fold_national_acronyms(resolved)
        first_name: dict[str, str] = {}
        for m in resolved:  # one name per organisation: the first, or the first that prints "cơ sở"
            if m.org_key and (m.org_key not in first_name or m.name.startswith("Công đoàn cơ sở ")
                              and not first_name[m.org_key].startswith("Công đoàn cơ sở ")
                              or m.level == "province_industry" and len(m.name) > len(first_name[m.org_key])
                              or self.spelled_out(first_name[m.org_key]) != first_name[m.org_key]
                              and self.spelled_out(m.name) == m.name):  # "Phòng Giáo dục và Đào tạo" over "Phòng GDĐT"
                first_name[m.org_key] = m.name  # a named zone: its fullest writing ("… Đông Nam Nghệ An")
        out = []
        for m in resolved:
            if m.org_key:
                m.name = first_name[m.org_key]
            old = m.province if m.level not in ("national", "national_industry") else None
            fields = {
                "name": self.official_names.get(m.name, m.name),
                "level": m.level,
                "province": m.province_written or (self.gaz.province_name_on(old, when) if old else None),
                "province_now": self.gaz.province_now(old) if old else None,
            }
            out.append((m, fields))
        return out

    def _fold_company_forms(self, mentions: list[Mention]) -> None:
        """A company's union written with and without its legal form ("CĐCS Công ty Cổ phần X", "CĐCS X") is one
        union, named by the fuller writing; so is one written with its form spelt out and short ("Công ty Cổ phần X",
        "Công ty CP X") and an office written with and without its district's type (one organisation key, named as any
        other); a zone union named like that company ("Công đoàn KCN X") is it too."""
        full: dict[str, Mention] = {}
        first: dict[str, Mention] = {}  # the first writing of each organisation, legal form and district type folded
        short: dict[int, str] = {}  # a mention's organisation written without a legal form
        for i, m in enumerate(mentions):
            if m.level == "grassroots" and m.org_key:
                org = organisation_key(m.org_key)
                # one district's office written with and without its type ("Trung tâm Y tế huyện Lai Vung", "…
                # Trung tâm Y tế Lai Vung"): one organisation, named below by its first writing
                # … and a corporation written with and without its joint-stock suffix ("… Thép Việt Nam – CTCP")
                m.org_key = first.setdefault(_STOCK_SUFFIX.sub("", _DISTRICT_TYPE.sub("", org)), m).org_key
                form = next((f for f in self.company_forms if org.startswith(f + " ")), None)
                if form:
                    full.setdefault(org[len(form) + 1:], m)
                else:
                    short[i] = org
            elif m.level == "province_industry" and (m.org_key or "").startswith("zone ") and m.name:
                short[i] = organisation_key(m.name.removeprefix("Công đoàn "))
        for i, org in short.items():
            m = mentions[i]
            if (target := full.get(org)) is not None:
                m.level, m.name, m.org_key, m.province = "grassroots", target.name, target.org_key, target.province

    def _fold_short_writings(self, mentions: list[Mention]) -> None:
        """A grassroots union written short after its full name is that union: with the short name the text gave its
        organisation in brackets ("Công đoàn Cơ quan Tổng công ty Điện lực miền Bắc (EVNNPC)", then "Công đoàn Cơ quan
        EVNNPC"), cut after the organisation's head ("Công đoàn Cơ quan Tổng công ty") or, a state office's union, without the
        province that closes the full name ("Công đoàn Sở GTVT", "… Sở GTVT TPHCM"), when one union of the article goes
        on from those words (of several, the one named last before)."""
        unions = [m for m in mentions if m.level == "grassroots" and m.org_key and m.name]
        for m in unions:
            words = m.name.split()
            for full in unions:
                if full.acronym and full.acronym in words and full.org_key != m.org_key:
                    at = words.index(full.acronym)
                    before, after = " ".join(words[:at]), " ".join(words[at + 1:])
                    if full.name.startswith(before + " ") and full.name.endswith(after):
                        m.name, m.org_key = full.name, full.org_key
                        break
            else:
                prefix, org = _union_prefix(m.name)
                opening = org.casefold() + " "  # in any case: "CÔNG ĐOÀN CƠ QUAN TỔNG CÔNG TY" recased
                longer = {x.org_key: x for x in unions if _union_prefix(x.name)[1].casefold().startswith(opening)
                          and x.org_key != m.org_key}
                earlier = [x for x in longer.values() if x.start < m.start]  # of several, the one named last before
                full = next(iter(longer.values())) if len(longer) == 1 else max(earlier, key=lambda x: x.start, default=None)
                full_org = _union_prefix(full.name)[1] if full is not None else ""
                # "Sở GTVT", "… Sở GTVT TPHCM"; "CĐCS VKSND tỉnh", "Công đoàn VKSND tỉnh Sóc Trăng"
                if full is not None and (self._head_ended.search(m.name) or (
                        self.office_union_re.match(m.name) or _BARE_TYPE.search(org))
                        and self._province_tail(full_org[len(org):])):
                    m.name, m.org_key = prefix + full_org, full.org_key

    @staticmethod
    def _fold_national_acronyms(mentions: list[Mention]) -> None:
        """A national union written with its sector's initials ("Công đoàn CNHC VN") after its full name ("Công đoàn
        Công nghiệp Hóa chất Việt Nam") is that union."""
        national = [m for m in mentions if m.level == "national_industry" and m.name]
        by_initials = {"".join(w[0] for w in m.name.split()[2:-2]).upper(): m.name for m in national}
        for m in national:
            sector = " ".join(m.name.split()[2:-2])
            if sector.isupper() and len(sector) > 1 and by_initials.get(sector, m.name) != m.name:
                m.name = by_initials[sector]

    @staticmethod
    def _fold_sector_writings(mentions: list[Mention]) -> None:
        """A province's sector union written with and without "ngành" in one article ("Công đoàn Y tế Hà Nội",
        "Công đoàn ngành Y tế Hà Nội") is one union, named with "ngành" as the sets name these unions."""
        with_sector = {m.name.replace(" ngành ", " ", 1).casefold(): m.name for m in mentions
                       if m.level == "province_industry" and m.name and m.name.startswith("Công đoàn ngành ")}
        for m in mentions:
            if m.level == "province_industry" and m.name and m.name.casefold() in with_sector:
                m.name = with_sector[m.name.casefold()]

    def _province_tail(self, tail: str) -> bool:
        """" tỉnh Nghệ An", " thành phố Hồ Chí Minh", " Nghệ An": a province closing a longer writing of a name."""
        typed = self.type_re.match(tail)
        return self.gaz.old_province(tail[typed.end() if typed else 0:].strip()) is not None

    @cached_property
    def _head_ended(self) -> re.Pattern[str]:
        """A name cut right after an organisation's head, maybe with its field: "Công đoàn Cơ quan Tổng công ty", "CĐCS
        Công ty", "Công đoàn cơ sở Trung tâm Y tế" (the health centre named in full before)."""
        spellings = set(self.lex["grassroots"]["office_words"] + self.lex["province_industry"]["sectors"])
        fields = "|".join(re.escape(w) for w in sorted(spellings, key=len, reverse=True))
        return re.compile(rf"(?:{self.org_head_re.pattern})(?:\s+(?:{fields}))?$", re.IGNORECASE)

    def _nationwide(self, name: str) -> bool:
        """A corporation of the whole country ("Tổng công ty … Việt Nam", "Tập đoàn … Việt Nam"): its union sits where
        the text says, never in the province of the site or the story."""
        return self.national_scope_re.search(name) is not None and _NATIONWIDE.search(name) is not None

    def _article_province(self, m: Mention, province: str | None) -> str | None:
        """The one province an article names, for a grassroots union placed nowhere else; none for a
        corporation's union, which works across provinces ("Công đoàn Tổng công ty Bưu điện Việt Nam")."""
        return None if m.name and self.national_scope_re.search(m.name) else province

    def _commune_province(self, m: Mention, site: str | None) -> str | None:
        """The province of a commune union ("Công đoàn phường Dĩ An") when today's list of communes
        gives it one holder and the site's province holds no commune of that name."""
        if m.level != "commune" and not (m.org_key and self.commune_type_re.match(m.org_key)):
            return None
        place = m.name.removeprefix("Công đoàn cơ sở ").removeprefix("Công đoàn ")
        holders = commune_provinces(place)
        if len(holders) != 1 or (site and self.gaz.province_now(site) in holders):
            return None
        return self.gaz.old_province(holders[0])

    @lru_cache(maxsize=256)  # asked again for every mention resolved and every unit name canonicalised
    def _title_place(self, title: str | None) -> str | None:
        """Where a headline places the article when the site does not: "Quảng Bình: Trao ...", else
        the one province its units or places name ("LĐLĐ huyện Quỳnh Lưu trao ...", "... tỉnh Nghệ
        An"), else the one province it names anywhere ("Trao quà cho công nhân Nghệ An")."""
        if not title:
            return None
        if found := self.title_province(title):
            return found
        provinces = {m.province for m in self.scan(title) if m.name and m.province
                     and m.level in ("province", "province_industry", "district")}
        provinces |= self.places(title).provinces
        if len(provinces) == 1:
            return provinces.pop()
        if provinces:
            return None
        norm = normalize_tones(title)  # a province named anywhere in it, capitalised: "... công nhân Thanh Hóa"
        named = self.named_provinces(norm, title)
        return named.pop() if len(named) == 1 else None

    def _with_site_place(self, name: str, site: str, when: date | datetime | None) -> str:
        """A grassroots union's name closed by a bare "tỉnh" / "thành phố", completed with the site's province
        ("Công đoàn Bệnh viện Đa khoa tỉnh" + "Nghệ An"), or with the city of the province's name that the province
        holds ("Công đoàn Trung tâm Y tế thành phố" on a Bắc Giang site: "… thành phố Bắc Giang")."""
        typed = _BARE_TYPE.search(name)
        if typed is None:
            return name
        kind, place = self._site_name(site, when)
        if typed.group(1).lower() != kind and self.gaz.district_type(place, site) == typed.group(1).lower():
            kind = typed.group(1).lower()
        return f"{name[:typed.start()]} {kind} {place}" if typed.group(1).lower() == kind else name

    def _complete(self, m: Mention, name: str) -> None:
        """A grassroots union's name completed with its place, its organisation's key with it: "CĐCS VKSND tỉnh" on a
        Vĩnh Long site is the union written "công đoàn VKSND tỉnh Vĩnh Long"."""
        if name != m.name and name.startswith(m.name) and m.org_key:
            m.name, m.org_key = name, f"{m.org_key} {name_key(name[len(m.name):])}"
        else:
            m.name = name

    def _district_province(self, place: Place, site: str | None) -> str | None:
        """A named district's province: the text's, else the site's where the district lies in it."""
        return place.province or (site if site in self.gaz.province_of_district(place.display) else None)

    def _site_name(self, site: str, when: date | datetime | None) -> tuple[str, str]:
        return self.gaz.province_type_on(site, when), self.gaz.province_name_on(site, when)

    def _resolve_short(self, m: Mention, before: list[Mention], everything: list[Mention],
                       site: str | None, when: date | datetime | None, places: ArticlePlaces) -> Mention | None:
        if m.org_head:  # "CĐCS Công ty": the nearest such union before, else the only one
            same = [x for x in everything if x.name and x.org_key and x.org_key.startswith(m.org_head + " ")]
            chosen = {id(x) for x in same}  # by identity: comparing Mentions field by field is quadratic
            earlier = [x for x in before if id(x) in chosen]
            target = earlier[-1] if earlier else same[0] if len({x.org_key for x in same}) == 1 else None
            if target is None and not same and not m.head_in_lower:  # none such union named: the organisation the
                # article names, the nearest before, else its only one ("Bệnh viện X tổ chức Đại hội Công đoàn Bệnh viện")
                orgs = [(at, org) for at, head, org in places.organisations if head == m.org_head]
                named = [org for at, org in orgs if at < m.start] or ([orgs[0][1]] if len({o for _, o in orgs}) == 1 else [])
                if named:
                    name = f"{m.prefix} {named[-1]}"
                    return replace(m, name=self._with_site_place(name, site, when) if site else name, province=site,
                                   org_key=name_key(named[-1]))
            return replace(m, name=target.name, province=target.province, org_key=target.org_key) if target else None
        if m.commune_type:  # "Công đoàn phường": the commune union named before, else the one commune named
            # the nearest commune named before: a union ("Công đoàn phường Tân Tạo") or a place ("Tại phường
            # Phú Thạnh, Công đoàn phường ..."); else the article's one commune union of that type
            same = [x for x in everything if x.name and x.level in ("commune", "grassroots")
                    and x.name.startswith(f"Công đoàn {m.commune_type} ")]
            unions = [(x.start, x) for x in before if x in same]
            named = [(at, c) for at, c in places.communes if at < m.start and c.startswith(m.commune_type + " ")]
            nearest = max(unions + named, key=lambda pair: pair[0], default=None)
            if nearest is None and len({x.name for x in same}) == 1:
                nearest = (same[0].start, same[0])
            if nearest is None:
                return None
            if isinstance(nearest[1], Mention):
                return replace(m, name=nearest[1].name, level=nearest[1].level, province=nearest[1].province)
            return replace(m, name=f"Công đoàn {nearest[1]}", province=site or next(
                (x.province for x in reversed(before) if x.province), None))
        if m.sector:  # "Công đoàn ngành Y tế": the national union of that sector when the article names it, in any
            # case ("Công đoàn giáo dục Việt Nam") or by the sector's longer name ("ngành Điện": "Điện lực Việt Nam")
            sector = f"công đoàn {m.sector.casefold()}"
            national = next((x for x in everything if x.name and x.level == "national_industry"
                             and (key := x.name.casefold()).endswith(" việt nam")
                             and (key[:-len(" việt nam")] == sector or key.startswith(sector + " "))), None)
            if national is not None:
                return replace(m, name=national.name, level="national_industry", province=None)
        if m.template and m.level == "district":  # "Công đoàn Giáo dục huyện": that union named before, else the only
            # one so named, else the one district of that type the article names
            head = m.template.format(place=m.admin_type) + " "
            same = [x for x in everything if x.level == "district" and x.name and x.name.startswith(head)]
            earlier = [x for x in before if x in same]
            target = earlier[-1] if earlier else same[0] if len({x.name for x in same}) == 1 else None
            if target is not None:
                return replace(m, name=target.name, province=target.province, district=target.district)
            if (place := places.only_district(m.admin_type)) is None:
                return None
            return replace(m, name=head + place.display, province=self._district_province(place, site),
                           district=place.display)
        if m.template:  # an industry union without its province
            place = site or next((x.province for x in reversed(before) if x.province), None)
            if place is None:
                return None
            kind, name = self._site_name(place, when)
            return replace(m, name=m.template.format(place=f"{kind} {name}"), province=place)
        city_site = site is not None and self.gaz.province_type_on(site, when) == "thành phố"
        if m.admin_type == "tỉnh" or (m.admin_type == "thành phố" and city_site):
            if site:
                kind, name = self._site_name(site, when)
                return replace(m, level="province", name=f"Liên đoàn Lao động {kind} {name}", province=site)
            pool = [x for x in before if x.level == "province" and x.name.startswith("Liên đoàn")]
        else:
            pool = [x for x in before if x.level == "district" and x.admin_type == m.admin_type
                    and x.name.startswith("Liên đoàn")]
        if not pool:
            named = {x.name: x for x in everything if x.name and x.level in ("province", "district")
                     and x.name.startswith("Liên đoàn") and x.admin_type == m.admin_type}
            pool = list(named.values()) if len(named) == 1 else []
        if not pool and m.admin_type == "tỉnh":  # "LĐLĐ TP Nha Trang ... Liên đoàn Lao động tỉnh": its province
            placed = next((x.province for x in reversed(before) if x.province), None)
            if placed:
                kind, name = self._site_name(placed, when)
                return replace(m, level="province", name=f"Liên đoàn Lao động {kind} {name}", province=placed)
        named = places.provinces or places.bare_provinces  # with a type word, else as a bare name
        if not pool and site is None and m.admin_type in ("tỉnh", "thành phố") and len(named) == 1:
            only = next(iter(named))  # no site: the one province the article names ("TP Huế", "... ở Bắc Giang")
            named = [self._site_name(only, when)] + [(kind, name) for old, kind, name in places.province_names
                                                     if old == only]  # as on the date, or as the text writes it
            for kind, name in named:
                if kind == m.admin_type:
                    return replace(m, level="province", name=f"Liên đoàn Lao động {kind} {name}", province=only,
                                   province_written=name if when is None else None)
        # "Tại huyện Lệ Thủy, LĐLĐ huyện ...", "công đoàn thành phố Bắc Kạn ... LĐLĐ thành phố": a district-level city
        if not pool and (m.admin_type in DISTRICT_TYPES or m.admin_type == "thành phố"):
            if (place := places.only_district(m.admin_type)) is not None:
                return replace(m, level="district", name=f"Liên đoàn Lao động {place.type} {place.display}",
                               province=self._district_province(place, site), district=place.display)
        if not pool:
            return None
        target = pool[-1]
        return replace(m, level=target.level, name=target.name, province=target.province, district=target.district)

