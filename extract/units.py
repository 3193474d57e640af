"""The ``congdoan_units`` component: named trade-union organisations and their bodies.

Every mention becomes a span in ``doc.spans["units"]`` with the fields ``name`` (canonical),
``level``, ``province`` and ``province_now`` (see docs/architecture.md).

How a mention is found: a head word (``Tổng Liên đoàn Lao động``, ``Liên đoàn Lao động`` /
``LĐLĐ``, ``Công đoàn cơ sở`` / ``CĐCS``, ``Công đoàn``), optionally after a body (``Ban Chấp
hành``...), is matched on a tone-normalised copy of the text, then the words after it decide
the level: a province or district name from the gazetteer, an industry, an organisation.
Heads that are followed or preceded by plural and generic words ("LĐLĐ các tỉnh", "các cấp
công đoàn") are not units. Short mentions ("LĐLĐ huyện", "Công đoàn Viên chức tỉnh") are
resolved afterwards, inside the article: the site's province for "tỉnh", the district the
article named before for "huyện"; what cannot be resolved is dropped rather than guessed.

The name of a grassroots union's organisation ends where its capitalised words end. A
capitalised word is one whose *first* syllable is capitalised, so the component walks
underthesea's words ("Xổ số" is one word); a few lower-case words may sit inside such names
(``descriptors`` in data/lexicon/units.toml).

``canonical_unit_name`` and ``expand_abbreviations`` apply the same rules to a phrase, for
the other extractors (awards name their awarders and recipients with it).
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import replace
from functools import lru_cache

from spacy.language import Language
from spacy.tokens import Doc

from extract.doc_index import doc_index
from extract.gazetteer import gazetteer, name_key, normalize_tones
from extract.lexicon import lexicon
from extract.nlp import ArticleContext
from extract.spans import add_char_span
from extract.unit_case import CapsRecaser
from extract.unit_context import MentionContext
from extract.unit_lists import SharedHeadLists
from extract.unit_organisations import OrganisationNames
from extract.unit_patterns import (ACRONYM_AFTER, DISTRICT_TYPES, NATIONAL_RUN, PAREN_AFTER, ArticlePlaces, Mention, Place,
                                  dashless_key, tidy)
from extract.unit_resolution import MentionResolution
from extract.unit_sectors import SectorUnions


# a group's member company after the group's acronym: a province ("VNPT Bắc Giang") or an acronym ("VNPT IT")
_MEMBER = re.compile(r"[^\S\n]+(?P<name>[A-ZĐ][^\W\d_]*(?:[^\S\n]+[A-ZĐ][^\W\d_]*){0,2}?)(?=[^\w\s-]|\s+[^A-ZĐ\s]|\s*$)")
_PAIRED = re.compile(r"\s*[-–]\s*[A-ZĐ]\w*(?:[^\S\n]+(?:[A-ZĐ]\w*|[IVX]+\b|\d+\b))*")  # "Việt Nam – Singapore": a park named after two countries, no national union
_GAP = re.compile(r"[ \t\u00a0]+")
_COUNT_BEFORE = re.compile(r"(?<![\w/.,:-])(?:[2-9]|[1-9]\d{1,2})\s+$")  # "7 " before a head: a count
_SHORT_TYPE = re.compile(r"\s+([QH])\.\s?(?=[A-ZĐ\d])")  # district types cut to a letter: quận, huyện


class UnitParser(OrganisationNames, SectorUnions, SharedHeadLists, MentionContext, MentionResolution):
    """Finds unit mentions in a text and resolves them; pure text work, patterns compiled once
    (``unit_patterns``), organisation names walked by ``unit_organisations``, industry, zone and sector unions read
    by ``unit_sectors``, mentions resolved within the article by ``unit_resolution``."""

    @property
    def recaser(self) -> CapsRecaser:
        if "_recaser" not in self.__dict__:
            self._recaser = CapsRecaser(self.lex, self)
        return self._recaser

    # -- the branches ---------------------------------------------------------------------------

    def _national(self, norm: str, start: int, pos: int) -> Mention | None:
        pos = self._skip_inline(norm, pos)
        country = self.country_re.match(norm, pos)
        if country:
            pos = country.end()
        elif self.foreign_re.match(norm, pos):
            return None
        return Mention(start, pos, "national", "Tổng Liên đoàn Lao động Việt Nam")

    def _federation(self, norm: str, text: str, start: int, pos: int, informal: bool) -> Mention | None:
        """Liên đoàn Lao động (or, informally, Công đoàn) + type + place."""
        pos = self._skip_inline(norm, pos)
        plural = self.plural_head_re.match(norm, pos)  # "LĐLĐ các huyện Quỳnh Lưu, Diễn Châu": a list below
        if plural and not informal and self.type_re.match(norm, plural.end()):
            pos = plural.end()
        elif self.generic_after_re.match(norm, pos):
            return None
        typed = self.type_re.match(norm, pos)
        admin_type = self.types[name_key(typed.group("type"))] if typed else None
        after_type = self._skip_inline(norm, typed.end()) if typed else pos
        if typed is None and (short := _SHORT_TYPE.match(norm, pos)):  # "LĐLĐ Q.1", "LĐLĐ H.Củ Chi"
            admin_type, after_type = {"Q": "quận", "H": "huyện"}[short.group(1)], short.end()
        if typed and (self.generic_after_re.match(norm, after_type) or self.plural_type_re.match(norm, after_type)):
            return None
        place = self._place(norm, text, after_type, admin_type)
        if plural and not (place and self._listed_place(norm, text, place.end, place.level, admin_type)):
            return None  # "LĐLĐ các huyện tổ chức...": generic
        if place is None:
            if typed is None or informal:
                return None
            level = "province" if admin_type == "tỉnh" else None if admin_type == "thành phố" else "district"
            return Mention(start, typed.end(), level, admin_type=admin_type)
        return self._placed(norm, text, start, "Liên đoàn Lao động", place)

    def _placed(self, norm: str, text: str, start: int, head: str, place: Place) -> Mention:
        """The mention of the union ``head`` of a named province or district; a district's province is the one the
        text writes after it where the gazetteer allows it."""
        mention = Mention(start, place.end, place.level, f"{head} {place.type} {place.display}", place.province, place.type)
        if place.level == "district":
            mention.district = place.display
            evidence = self._province_evidence(norm, text, place.end)
            known = self.gaz.province_of_district(place.display)
            if evidence and (not known or evidence in known):
                mention.province = evidence
        return mention

    def _district_sector(self, norm: str, text: str, start: int, sector: re.Match[str]) -> Mention | None:
        """"Công đoàn Giáo dục huyện Vĩnh Thạnh" (the sector in any case): a district's sector union, of the district
        level; "Công đoàn Giáo dục huyện" alone is the one district of that type the article names (resolved later)."""
        typed = self.type_re.match(norm, sector.end())
        admin_type = self.types[name_key(typed.group("type"))] if typed else None
        if admin_type not in DISTRICT_TYPES:
            return None
        head = f"Công đoàn {self.sector_spellings[name_key(tidy(sector.group('sector')))]}"
        place = self._place(norm, text, self._skip_inline(norm, typed.end()), admin_type)
        if place is not None and place.level == "district":
            return self._placed(norm, text, start, head, place)
        if place is None and self._capitalised(text, sector.start("sector")):
            return Mention(start, typed.end(), "district", admin_type=admin_type, template=head + " {place}")
        return None

    def _union(self, norm: str, text: str, start: int, head_start: int, pos: int) -> list[Mention] | None:
        """The mentions a "Công đoàn" head opens; None when it may open a grassroots union's name."""
        pos = self._skip_inline(norm, pos)
        if (m := self.province_only_head_re.match(norm, pos)) and (place := self._industry_place(norm, text, m.end()))[1] \
                and (place[2] or place[1] in ("tỉnh", "thành phố") or not text.startswith("viên chức", m.start("head"))):
            # "Công đoàn viên chức": only before a province, named or not ("… tỉnh Quảng Ngãi", "… tỉnh"); alone, members
            written = normalize_tones(tidy(text[m.start("head"):m.end("head")]))
            head = self.head_spellings.get(name_key(written), written)
            return [self._province_industry(start, f"Công đoàn {head}", norm, text, m.end())]
        if m := self.industry_head_re.match(norm, pos):
            if re.search(r"(?<!\w)Ban\s+$", text[max(0, start - 6):start]):
                return []  # "Phó Ban Công đoàn các khu công nghiệp thành phố": a department of the federation (2025)
            head = self.expand_abbreviations(text[m.start("head"):m.end("head")])
            head = self.industry_head_spellings.get(" ".join(head.casefold().split()), head)  # one spelling a head
            if country := self.country_re.match(norm, m.end()):
                if paired := _PAIRED.match(text, country.end()):  # "KCN Việt Nam – Singapore": one park's union
                    name = f"Công đoàn {head} {tidy(text[country.start():paired.end()])}"
                    return [Mention(start, paired.end(), "grassroots", name, org_key=name_key(name))]
                return [Mention(start, country.end(), "national_industry", f"Công đoàn {head} Việt Nam")]
            zone = self._zone(norm, text, start, head, m.end()) if not head.lower().startswith("các") \
                else self._zones_of_town(norm, text, start, head, m.end())
            if zone:
                return [zone]
            return [self._province_industry(start, f"Công đoàn {head}", norm, text, m.end())]
        if self.generic_after_re.match(norm, pos):
            return []
        if m := self.sector_marker_re.match(norm, pos):
            return self._sectors(norm, text, start, m.end())
        if m := self.national_group_re.match(norm, pos):  # "Công đoàn VNPT": a national group's union
            if (member := _MEMBER.match(text, m.end())) and (gazetteer().old_province(member.group("name"))
                                                              or member.group("name").isupper()):
                name = f"Công đoàn {m.group('group')} {member.group('name')}"  # "Công đoàn VNPT Bắc Giang": a member's
                return [Mention(start, member.end(), "grassroots", name, org_key=name_key(name))]
            return [Mention(start, m.end(), "national_industry", self.national_groups[m.group("group")])]
        if m := self.national_acronym_re.match(norm, pos):  # "Công đoàn CSVN"
            return [Mention(start, m.end(), "national_industry",
                            f"Công đoàn {self.national_acronyms[m.group('acronym')]} Việt Nam")]
        if m := self.national_industry_re.match(norm, pos):
            country = self.country_any_re.match(norm, m.end())
            written = tidy(m.group("name"))
            listed = self.national_spellings.get(dashless_key(written), written)
            # a listed name with a dash is spelt as listed however the page writes the dash ("Than – Khoáng sản"),
            # and a variant as the name it stands for
            spelt = written.isupper() or dashless_key(listed) != name_key(listed) \
                or dashless_key(listed) != dashless_key(written)  # a variant of a listed name
            name = listed if spelt else self.expand_abbreviations(written)
            return [Mention(start, country.end(), "national_industry", f"Công đoàn {name} Việt Nam")]
        if (m := self.national_only_re.match(norm, pos)) and not self.cap_run_re.match(norm, m.end()):
            # "Công đoàn Dầu khí": a sector whose only union is the national one, its country left out
            name = self.national_spellings[dashless_key(tidy(m.group("name")))]
            return [Mention(start, m.end(), "national_industry", f"Công đoàn {name} Việt Nam")]
        if (m := self.sector_any_re.match(norm, pos)) and (district := self._district_sector(norm, text, start, m)):
            return [district]
        if m := self.sector_re.match(norm, pos):
            end, admin_type, place = self._industry_place(norm, text, m.end())
            head = f"Công đoàn {tidy(m.group('sector'))}"  # as written: no "ngành" inserted
            if place and self._capitalised(text, m.start("sector")):
                return [Mention(start, end, "province_industry", f"{head} {place.type} {place.display}", place.province)]
            run = self.cap_run_re.match(norm, end)
            if admin_type in ("tỉnh", "thành phố") and not run and self._capitalised(text, m.start("sector")):
                return [Mention(start, end, "province_industry", template=head + " {place}")]  # "Công đoàn Giáo dục tỉnh"
            if admin_type is None and run and self._capitalised(text, m.start("sector")) \
                    and (company := self._trade_company(norm, text, start, head, run)):
                return [company]
        if (gap := _GAP.match(norm, pos)) and (commune := self._commune(norm, text, gap.end())):
            # "Công đoàn phường Dĩ An": a commune-level union (grassroots before the 2025 reform, see resolve)
            return [Mention(start, commune[0], "commune", f"Công đoàn {commune[1]}", org_key=name_key(commune[1]))]
        if gap and (typed := self.commune_type_re.match(norm, gap.end())) \
                and not self.cap_run_re.match(norm, typed.end()) and text[head_start] == "C":
            return [Mention(start, typed.end(), "commune", commune_type=typed.group())]  # "Công đoàn phường"
        if (gap := _GAP.match(norm, pos)) and self.org_head_re.match(norm, gap.end()) \
                and self._capitalised(text, gap.end()):
            fed = self._federation(norm, text, start, pos, informal=True) if text[head_start] == "C" else None
            run = self.cap_run_re.match(norm, pos)
            if fed is not None and run is not None and fed.end >= run.end("name"):
                return [fed]  # "Công đoàn Hội An": a place whose name opens like an organisation ("Hội")
            return None  # handled by the caller as grassroots
        if text[head_start] == "C" and (fed := self._federation(norm, text, start, pos, informal=True)):
            return [fed]
        run = self.cap_run_re.match(norm, pos)
        if run and not self.stop_re.match(norm, run.start("name")):  # not "(Ban Công tác) Công đoàn Tổng LĐLĐ"
            words = run.group("name").split()
            for k in range(1, min(len(words), 6)):
                if " ".join(words[k:k + 2]) == "Việt Nam" or words[k] == "VN":
                    end = run.start("name") + len(" ".join(words[:k + (1 if words[k] == "VN" else 2)]))
                    return [Mention(start, end, "national_industry", f"Công đoàn {' '.join(words[:k])} Việt Nam")]
        if (national := NATIONAL_RUN.match(norm, pos)) and self._compound_sector(norm, national):
            sector = tidy(text[national.start("name"):national.end("name")])
            return [Mention(start, national.end(), "national_industry", f"Công đoàn {sector} Việt Nam")]
        return None

    def _compound_sector(self, norm: str, run: re.Match[str]) -> bool:
        """A sector named by capitalised words, each alone or a name compound with the lower-case syllables after it
        ("Cơ khí Luyện kim", "Công nghiệp nhẹ"), none opening another unit ("VINAPACO được Tổng Liên đoàn …")."""
        parts: list[list[str]] = []
        at = run.start("name")
        for word in run.group("name").split():
            at = norm.index(word, at)
            if word[0].isupper():
                if parts and self.stop_re.match(norm, at):
                    return False
                parts.append([word])
            else:
                parts[-1].append(word)
            at += len(word)
        return any(len(p) > 1 for p in parts) and all(len(p) == 1 or name_key(" ".join(p)) in self.name_compounds
                                                      for p in parts)

    def _grassroots(self, norm: str, text: str, start: int, pos: int, words, prefix: str,
                    require_head: bool) -> Mention | None:
        gap = _GAP.match(norm, pos)
        if not gap:
            return None
        org_start = gap.end()
        if not require_head and (prep := self.org_preposition_re.match(norm, org_start)) \
                and self.org_head_re.match(norm, prep.end()) and self._capitalised(text, prep.end()):
            org_start = prep.end()  # "Công đoàn cơ sở tại Công ty TNHH X"; "… tại phường X" is where, no name
        if not require_head and (commune := self._commune(norm, text, org_start)):
            return Mention(start, commune[0], "grassroots", f"{prefix} {commune[1]}", org_key=name_key(commune[1]))
        # a lower-case head opens the name when a capital follows: "CĐCS trường Mẫu giáo X", "Công đoàn trường
        # PTDT Bán trú THCS X"
        lower = self.lower_org_head_re.match(text, org_start)
        lower = lower if lower and self._capitalised(text, self._after_descriptors(norm, lower.end())) else None
        office = None if lower else self.lower_office_head_re.match(text, org_start)
        if office and (self.org_head_re.match(norm, office.end()) or self.central_body_re.match(text, office.end())) \
                and self._capitalised(text, office.end()):
            lower = office  # "Công đoàn cơ quan Bộ Y tế", "Công đoàn cơ quan Trung ương Đoàn"
        else:
            office = None
        if not lower and (short := self._lower_short(text, org_start, words)) is not None:
            return Mention(start, short, "grassroots", org_head=name_key(text[org_start:short]), head_in_lower=True,
                           prefix=prefix)
        if not lower and (not self._capitalised(text, org_start) or self.stop_re.match(norm, org_start)
                          or self.not_org_re.match(text, org_start)):
            return None  # "Công đoàn cơ sở Ngày 3/10": a date, no organisation
        if not self.org_head_re.match(norm, org_start) and self.type_at_re.match(norm, org_start):
            return None
        head = self.org_head_re.match(norm, org_start)
        if require_head and not head and not lower:
            return None
        org_end = self._org_end(norm, text, lower.end() if lower else org_start, words)
        whole = head is not None and name_key(head.group("head")) in self.whole_heads  # "Công đoàn ĐHQGHN"
        org_end = max(org_end, head.end()) if whole else org_end
        if head and (listed := self.comma_office_re.match(norm, head.end())) and listed.end() > org_end:
            org_end = listed.end()  # "Sở Văn hóa, Thể thao và Du lịch": an office named with a comma
            if (typed := self.type_re.match(norm, org_end)) and self._capitalised(text, typed.end() + 1):
                org_end = max(org_end, self._org_end(norm, text, typed.start() + 1, words))  # "… tỉnh Bắc Ninh"
            elif text.startswith(" ", org_end) and (place := self._province_at(norm, text, org_end + 1)):
                org_end = place[0]  # "… Phát thanh, truyền hình Thanh Hóa": the province without its type
        if head and (legal := self.legal_forms_re.match(text, head.end(), org_end)) and legal.end() >= org_end:
            org_end = head.end()  # "CĐCS Công ty TNHH" with no name after the legal form
        if self.title_before_re.search(text[max(0, start - 20):start]):
            org_end = self._without_titled_person(text, org_start, org_end)
        if head and org_end <= head.end() and words is not None and not whole:
            # "CĐCS Công ty": the article's grassroots union of that kind, resolved later
            return Mention(start, head.end(), "grassroots", org_head=name_key(self._spelt(head.group("head"))),
                           prefix=prefix)
        if org_end <= (head.end() if head and not whole else org_start) or words is not None and not text[org_end:].strip() \
                and not self._ends_with_place(text[org_start:org_end]):
            # nothing after the name in an article: the text was cut inside it ("Công đoàn Công ty Cổ"), unless the
            # name ends as a whole name does, with its place ("… Hàng hải Việt Nam", "… May Hưng Yên")
            return None
        org = tidy(text[org_start:org_end])
        if self.foreign_end_re.search(org):
            return None  # "Công đoàn Bộ Công chính và Vận tải Lào": another country's union
        if prefix == "Công đoàn" and head and name_key(head.group("head")) in self.national_org_heads \
                and org.endswith("Việt Nam"):  # "Công đoàn Tập đoàn Điện lực Việt Nam" sits under the national level
            return Mention(start, org_end, "national_industry", f"{prefix} {org}")
        org = self._spelt(org)
        # "Công đoàn Công ty X" is the company's grassroots union, named as written (no "cơ sở" inserted)
        # the offices' union of an organisation is its grassroots union: "Công đoàn cơ quan Hội X" and "CĐCS Hội X" are one
        keyed = org[len(office.group()):] if office and org.startswith(office.group()) else org
        mention = Mention(start, org_end, "grassroots", f"{prefix} {org}", org_key=name_key(self.spelled_out(keyed)))
        mention.province = self._province_evidence(norm, text, org_end)
        if mention.province is None and (named := self._org_province(norm, text, org_start, org_end)):
            mention.province, mention.named_in_org = named, True
        mention.inherit_next = mention.province is None and bool(PAREN_AFTER.match(norm, org_end))
        if (acronym := ACRONYM_AFTER.match(text, org_end)) is not None:
            mention.acronym = acronym.group("acronym")
        return mention

    def _after_descriptors(self, norm: str, at: int) -> int:
        """Where the name goes on after the lower-case descriptors at ``at`` ("trường tiểu học Kiên Đài")."""
        while (descriptor := self.descriptor_re.match(norm, at)) and (gap := _GAP.match(norm, descriptor.end())):
            at = gap.end()
        return at

    # -- scanning -----------------------------------------------------------------------------

    def _lower_short(self, text: str, at: int, words: list[tuple[int, int, bool, str]] | None) -> int | None:
        """Where a lower-case head ends that is a whole word of the segmenter's with no name after it ("Công đoàn
        trường đã được tặng …", not "trường học"): the article's union of that kind, as "CĐCS Công ty" is."""
        head = self.lower_org_head_re.match(text, at) if words is not None else None
        if head is None or self._capitalised(text, head.end()):
            return None
        end = at + len(head.group().rstrip())
        k = bisect_left(words, (at,))
        return end if k < len(words) and words[k][0] == at and words[k][1] == end else None

    def _spelt(self, org: str) -> str:
        """An organisation's name with its abbreviations spelt out: the head ("BV", "TCT"), a closing "VN", the words of
        ``org_words`` ("KCN", "TAND") and an office's sector ("Sở GTVT")."""
        first, _, rest = org.partition(" ")
        org = f"{self.org_spellings[first]} {rest}".strip() if first in self.org_spellings else org
        if org.startswith("Cơ quan ") and (head := org.split()[2]) in self.org_spellings:  # "Cơ quan TCT": the offices'
            org = org.replace(f"Cơ quan {head}", f"Cơ quan {self.org_spellings[head]}", 1)  # union of the corporation
        org = re.sub(r"(?<= )VN$", "Việt Nam", org)  # "Công ty TNHH X VN", as "Tổng LĐLĐ VN" is spelt out
        org = self.org_words_re.sub(lambda m: self.org_words[m.group()], org)  # "Công ty CP KCN X": "… Khu công nghiệp X"
        return self.office_sector_re.sub(lambda m: f"{m['head']} {self.office_sectors[m['sector']]}", org)  # "Sở GTVT"

    def _readable(self, text: str) -> tuple[str, str]:
        """The text with ALL-CAPS headlines and captions in ordinary capitals, and its tone-normalised form for the
        patterns (the text itself where normalising would move offsets)."""
        text = self.recaser.recase(text)
        norm = normalize_tones(text)
        return text, norm if len(norm) == len(text) else text

    def scan(self, text: str, words: list[tuple[int, int, bool, str]] | None = None) -> list[Mention]:
        """Mentions in ``text``, in order; short ones still unresolved (``name`` None)."""
        text, norm = self._readable(text)
        mentions: list[Mention] = []
        pos = 0
        while (m := self.head_re.search(norm, pos)) is not None:
            found = self._parse(m, norm, text, words)
            mentions += found
            pos = found[-1].end if found else m.end()
        mentions = self._trade_unions(text, mentions)
        self._org_evidence_elsewhere(norm, text, mentions)
        self._placed_by_neighbour(text, mentions)
        return self._commune_shorthand(text, mentions)

    def organisations(self, text: str, words: list[tuple[int, int, bool, str]], heads: set[str]) -> tuple[tuple[int, str, str], ...]:
        """Organisations opened by one of ``heads`` (head keys) that the text names outside a union's name, in order:
        (offset, head key, name spelt out)."""
        text, norm = self._readable(text)
        found = []
        for m in self.org_head_re.finditer(norm):
            key = name_key(self._spelt(m.group("head")))
            if key not in heads or not self._capitalised(text, m.start()) or (m.start() and norm[m.start() - 1].isalnum()) \
                    or self.union_before_re.search(norm, max(0, m.start() - 12), m.start()):
                continue
            end = self._org_end(norm, text, m.start(), words)
            if end > m.end() + 1:
                found.append((m.start(), key, self._spelt(tidy(text[m.start():end]))))
        return tuple(found)

    @lru_cache(maxsize=256)  # asked of the same text by several steps
    def places(self, text: str) -> ArticlePlaces:
        """Districts named with their type word and every province the text names."""
        text, norm = self._readable(text)
        districts: dict[tuple[str, str], Place] = {}
        provinces: set[str] = set()
        written: dict[tuple[str, str, str], None] = {}
        for m in self.type_at_re.finditer(norm):
            if m.start() and norm[m.start() - 1].isalnum():
                continue
            place = self._place(norm, text, m.end(), self.types[name_key(m.group())])
            if place is None or (place.level == "district" and place.province is None
                                 and not self.gaz.district_entries(place.display)):
                continue
            if place.level == "district":
                districts.setdefault((place.type, place.display), place)
            elif place.province:
                provinces.add(place.province)
                written[(place.province, place.type, place.display)] = None
        for m in self.paren_province_re.finditer(norm):
            if self._capitalised(text, m.start("name")) and (old := self.gaz.old_province(m.group("name"))):
                provinces.add(old)
        communes = []
        for m in self.commune_type_re.finditer(norm):
            if (m.start() == 0 or not norm[m.start() - 1].isalnum()) and (commune := self._commune(norm, text, m.start())):
                communes.append((m.start(), commune[1]))
        return ArticlePlaces(tuple(districts.values()), frozenset(provinces), tuple(communes), tuple(written),
                             frozenset(self.named_provinces(norm, text)))

    def _parse(self, m: re.Match[str], norm: str, text: str, words) -> list[Mention]:
        start = m.start()
        preceding = norm[max(0, m.start("head") - 25):m.start("head")]
        generic = None if self.plenary_re.search(preceding) else self.generic_before_re.search(preceding[-20:])
        if not generic and self.counted_head_re.match(text, m.start("head")) and _COUNT_BEFORE.search(  # "7 CĐCS X": a kind
                before := preceding[-20:]) and not self.count_after_time_re.search(before):
            return []
        if generic and m.group("national") and generic.group().strip().lower() == "cấp":
            generic = None  # "khen thưởng cấp Tổng Liên đoàn": the one confederation ("các cấp" stays generic)
        if generic or not m.group("national") and not text[max(0, m.start("head") - 4):m.start("head")] == "của " \
                and self.named_after_re.search(text, max(0, m.start("head") - 60), m.start("head")):
            return []  # "các cấp công đoàn", "Quỹ Tấm lòng vàng Công đoàn X"; not "Quỹ X của LĐLĐ", nor the Tổng LĐLĐ
        if m.group("body") and self.title_before_re.search(norm[max(0, start - 20):start]):
            start = m.start("head")  # "Phó Chủ tịch Thường trực Tổng LĐLĐ": a title, not a body
        end = m.end()
        if m.group("national"):
            found = self._national(norm, start, end)
        elif m.group("grass"):
            found = None if self.generic_after_re.match(norm, end) else \
                self._grassroots(norm, text, start, end, words, "Công đoàn cơ sở", require_head=False)
            if found and found.name and found.org_key:
                return self._grassroots_list(norm, text, found, words, "Công đoàn cơ sở")
        elif m.group("fed") and self.country_re.match(norm, self._skip_inline(norm, end)):
            found = self._national(norm, start, end)  # "Liên đoàn Lao động Việt Nam": the confederation, "Tổng" left out
        elif m.group("fed"):
            found = self._federation(norm, text, start, end, informal=False)
            if found and found.name:
                return self._federation_list(norm, text, found)
        elif (union := self._union(norm, text, start, m.start("head"), end)) is not None:
            return union
        else:
            pos = self._skip_inline(norm, end)
            if partner := self.partner_re.match(norm, pos):  # "Công đoàn và Đoàn Thanh niên Tổng công ty X"
                pos = partner.end()
            found = self._grassroots(norm, text, start, pos, words, "Công đoàn", require_head=True)
            if found and found.name and found.org_key and found.level == "grassroots":
                return self._grassroots_list(norm, text, found, words, "Công đoàn")
        return [found] if found else []

    # -- phrases ------------------------------------------------------------------------------

    def canonical_name(self, text: str, keep_body: bool = False, context: ArticleContext | None = None) -> str:
        text = tidy(normalize_tones(text))
        mentions = self.scan(text)
        if not mentions or mentions[0].start != 0:
            return text
        resolved = self.resolve(mentions[:1], context)
        if not resolved:
            return self.expand_abbreviations(text)
        name = resolved[0][1]["name"]
        body = self.head_re.match(normalize_tones(text))
        if keep_body and body and body.group("body"):
            return f"{self.expand_abbreviations(body.group('body'))} {name}"
        return name


    def complete_with_site(self, text: str, context: ArticleContext | None) -> str:
        """A name ending in a bare "tỉnh"/"thành phố" completed with the site's province when its
        type is that word on the article's date: "Ủy ban nhân dân tỉnh" -> "... tỉnh Quảng Ngãi"."""
        words = text.split()
        site = self.gaz.old_province(context.source_province) if context and context.source_province else None
        if site is None or len(words) < 2:
            return text
        for type_word in ("thành phố", "tỉnh"):
            if text.lower().endswith(" " + type_word):  # "UBND Tỉnh": the type word capitalised by the page
                kind, name = self._site_name(site, context.published_at)
                return f"{text[:-len(type_word)]}{type_word} {name}" if kind == type_word else text
        return text


@lru_cache(maxsize=1)
def unit_parser() -> UnitParser:
    """The parser over the project's lexicon and gazetteer, built once per process."""
    return UnitParser(lexicon("units"), gazetteer())


def expand_abbreviations(text: str) -> str:
    """Union and place abbreviations spelt out: "LĐLĐ TP.HCM" -> "Liên đoàn Lao động thành phố Hồ Chí Minh"."""
    return unit_parser().expand_abbreviations(text)


def complete_with_site(text: str, context: ArticleContext | None) -> str:
    """"Ủy ban nhân dân tỉnh" -> "Ủy ban nhân dân tỉnh <the site's province>" (see UnitParser)."""
    return unit_parser().complete_with_site(text, context)


def canonical_unit_name(text: str, keep_body: bool = False, context: ArticleContext | None = None) -> str:
    """The canonical name of the unit a phrase names, e.g. "BCH LĐLĐ huyện Tiểu Cần (Trà Vinh)" ->
    "Liên đoàn Lao động huyện Tiểu Cần"; with ``keep_body`` the body stays in front ("Ban Chấp hành
    Tổng Liên đoàn Lao động Việt Nam"). A short phrase ("LĐLĐ tỉnh") needs ``context`` (the site's
    province); a phrase that is no union unit comes back tidied but otherwise unchanged."""
    return unit_parser().canonical_name(text, keep_body, context)


class UnitsComponent:
    """spaCy component writing one span per unit mention."""

    def __init__(self) -> None:
        self.parser = unit_parser()

    def __call__(self, doc: Doc) -> Doc:
        index = doc_index(doc)
        words = [(t.idx, t.idx + len(t.text), t.is_sent_start, t.tag) for t in index.words()]
        text = index.text
        mentions = self.parser.scan(text, words)
        places = self.parser.places(text)
        if heads := {m.org_head for m in mentions if m.org_head}:  # "Công đoàn Bệnh viện": the hospital named
            places = replace(places, organisations=self.parser.organisations(text, words, heads))
        for mention, fields in self.parser.resolve(mentions, doc._.context, places):
            add_char_span(doc, "units", mention.start, mention.end, fields)
        return doc


@Language.factory("congdoan_units")
def make_units_component(nlp: Language, name: str) -> UnitsComponent:
    return UnitsComponent()
