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
from dataclasses import dataclass, replace
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.gazetteer import Gazetteer, gazetteer, name_key, normalize_tones
from extract.lexicon import lexicon
from extract.nlp import SPACE_TAG, ArticleContext
from extract.spans import add_span

_UPPER_CHARS = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper())
UPPER = f"[{re.escape(_UPPER_CHARS)}]"
_LOWER_START = re.compile(r"[^\W\d_]")

DISTRICT_TYPES = ("huyện", "quận", "thị xã")


def _phrase(text: str) -> str:
    """Regex for a phrase: any spacing between words, any dash between parts."""
    parts = [r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", text)]
    return r"\s*[-–]\s*".join(parts)


def _alternation(phrases: list[str]) -> str:
    return "|".join(_phrase(p) for p in sorted(set(phrases), key=len, reverse=True))


def _tidy(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=1)
@dataclass(frozen=True)
class Place:
    end: int
    level: str  # province or district
    display: str  # the name as the canonical unit name spells it
    type: str  # tỉnh, thành phố, huyện, quận, thị xã
    province: str | None  # canonical old province, when known


@dataclass
class Mention:
    """One unit mention; ``name`` is None until a short mention is resolved."""

    start: int
    end: int
    level: str | None
    name: str | None = None
    province: str | None = None  # canonical old province the text places the unit in
    admin_type: str | None = None  # of a province/district federation: tỉnh, thành phố, huyện...
    template: str | None = None  # short industry mention: "Công đoàn Viên chức {place}"
    org_key: str | None = None  # grassroots: the organisation's comparison key
    district: str | None = None
    inherit_next: bool = False  # grassroots followed by "(": takes the province of the unit inside
    org_head: str | None = None  # short grassroots mention ("CĐCS Công ty"): the key of its head


@dataclass(frozen=True)
class ArticlePlaces:
    """Places an article names outside unit mentions too: "Tại huyện Lệ Thủy", "(tỉnh Hải Dương)"."""

    districts: tuple[Place, ...] = ()
    provinces: frozenset[str] = frozenset()  # canonical old provinces


class UnitParser:
    """Finds unit mentions in a text; pure text work, patterns compiled once."""

    def __init__(self, lexicon: dict[str, Any], gaz: Gazetteer):
        self.lex = lexicon
        self.gaz = gaz
        heads = lexicon["heads"]
        bodies = _alternation(heads["bodies"])
        self.head_re = re.compile(
            rf"(?<!\w)(?:(?P<body>{bodies})\s+)?(?P<head>(?P<national>{_alternation(heads['national'])})"
            rf"|(?P<grass>{_alternation(heads['grassroots'])})|(?P<fed>{_alternation(heads['federation'])})"
            rf"|(?P<union>{_alternation(heads['union'])}))(?!\w)",
            re.IGNORECASE,
        )
        self.title_before_re = re.compile(rf"(?:{_alternation(heads['titles'])})\s+$", re.IGNORECASE)
        self.inline_re = re.compile(rf"\s*\(\s*(?:{_alternation(heads['inline_abbreviations'])})\s*\)")
        self.country_re = re.compile(rf"\s+(?:{_alternation(heads['country'])})(?!\w)")
        self.types = {name_key(k): v for k, v in lexicon["admin_types"].items()}
        type_alt = "|".join(
            rf"{_phrase(k)}(?!\w)" if k[-1].isalpha() else re.escape(k)
            for k in sorted(lexicon["admin_types"], key=len, reverse=True)
        )
        self.type_re = re.compile(rf"\s+(?P<type>{type_alt})", re.IGNORECASE)
        self.type_at_re = re.compile(rf"(?:{type_alt})", re.IGNORECASE)
        generic = lexicon["generic"]
        self.generic_before_re = re.compile(rf"(?<!\w)(?:{_alternation(generic['before'])})\s+$", re.IGNORECASE)
        self.generic_after_re = re.compile(rf"\s+(?:{_alternation(generic['after'])})(?!\w)", re.IGNORECASE)
        self.plural_type_re = re.compile(r"\s*[,/]\s*(?:thành|TP|Tp|huyện|quận|thị|tỉnh)(?!\w)", re.IGNORECASE)
        self.foreign_re = re.compile(rf"\s+(?:{_alternation(generic['foreign'])})(?!\w)")
        self.surnames = set(lexicon["names"]["surnames"])
        self.province_re = re.compile(rf"\s*(?P<name>{_alternation(gaz.province_spellings())})(?!\w)", re.IGNORECASE)
        self.district_re = re.compile(rf"\s*(?P<name>{_alternation(gaz.district_spellings())})(?!\w)", re.IGNORECASE)
        self.cap_run_re = re.compile(rf"\s+(?P<name>(?:{UPPER}|\d)\w*(?:\s+(?:{UPPER}|\d)\w*)*)")
        provinces = _alternation(gaz.province_spellings())
        self.paren_province_re = re.compile(
            rf"\s*\(\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<name>{provinces})\s*\)", re.IGNORECASE)
        self.comma_province_re = re.compile(
            rf"\s*[,–-]\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<name>{provinces})(?=\s*[,.;:)\n]|\s*$|\s+[a-zđàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])",
            re.IGNORECASE)
        industry = lexicon["province_industry"]
        self.industry_head_re = re.compile(rf"\s+(?P<head>{_alternation(industry['heads'])})(?!\w)")
        self.sector_marker_re = re.compile(rf"\s+{_phrase(industry['sector_marker'])}(?!\w)")
        self.sector_re = re.compile(rf"\s+(?P<sector>{_alternation(industry['sectors'])})(?!\w)")
        self.national_industry_re = re.compile(
            rf"\s+(?P<name>{_alternation(lexicon['national_industry']['names'])})(?=\s+(?:Việt\s+Nam|VN)(?!\w))")
        grass = lexicon["grassroots"]
        self.org_head_re = re.compile(rf"(?P<head>{_alternation(grass['org_heads'])})(?!\w)", re.IGNORECASE)
        self.descriptor_re = re.compile(rf"(?:{_alternation(grass['descriptors'])})(?!\w)", re.IGNORECASE)
        self.terminal_re = re.compile(rf"(?:{_alternation(grass['terminal_descriptors'])})(?!\w)", re.IGNORECASE)
        self.national_org_heads = {name_key(h) for h in grass["national_org_heads"]}
        self.conjunction_heads = {name_key(h) for h in grass["conjunction_heads"]}
        self.max_org_words = grass["max_words"]
        self.commune_type_re = re.compile(rf"(?:{_alternation(grass['commune_types'])})(?!\w)")
        self.commune_max_words = grass["commune_max_words"]
        self.joiners = set(grass["joiners"])
        self.name_compounds = {name_key(w) for w in grass["name_compounds"]}
        self.and_stop_re = re.compile(rf"(?:{_alternation(grass['and_stops'])})(?!\w)", re.IGNORECASE)
        inner = grass["inner_nouns"]
        self.inner_tags = set(inner["tags"])
        self.inner_max_words = inner["max_words"]
        self.inner_stops = {name_key(w) for w in inner["stops"]}
        self.stop_re = re.compile(rf"(?:{_alternation(heads['national'] + heads['federation'] + heads['union'])})(?!\w)",
                                  re.IGNORECASE)
        self.word_re = re.compile(r"\w+(?:[.’'][\w]+)*|\S")
        abbreviations = lexicon["abbreviations"]
        self.abbreviations = {name_key(k): v for k, v in abbreviations.items()}
        self.abbreviation_re = re.compile(
            r"(?<!\w)(?:" + "|".join(
                _phrase(k) + (r"(?!\w)" if k[-1].isalnum() else "") for k in sorted(abbreviations, key=len, reverse=True)
            ) + ")")
        self.case_fixes = [(re.compile(_phrase(k), re.IGNORECASE), v) for k, v in lexicon["case_fixes"].items()]

    # -- text helpers -------------------------------------------------------------------------

    def expand_abbreviations(self, text: str) -> str:
        """Union and place abbreviations spelt out (LĐLĐ, CĐCS, TP, TP.HCM...), case fixed."""
        text = self.abbreviation_re.sub(lambda m: self.abbreviations[name_key(m.group())] + " ", normalize_tones(text))
        for pattern, fixed in self.case_fixes:
            text = pattern.sub(fixed, text)
        return _tidy(text.replace(" )", ")").replace("( ", "("))

    @staticmethod
    def _capitalised(text: str, at: int) -> bool:
        return at < len(text) and (text[at].isupper() or text[at].isdigit())

    def _skip_inline(self, norm: str, pos: int) -> int:
        m = self.inline_re.match(norm, pos)
        return m.end() if m else pos

    def _province_display(self, spelling: str) -> tuple[str, str, str] | None:
        """(old province, display name, type) of a province spelling."""
        old = self.gaz.old_province(spelling)
        if old is None:
            return None
        province = self.gaz.old[old]
        if province.renamed_to and name_key(spelling) == name_key(province.renamed_to):
            return old, province.renamed_to, province.renamed_type or province.type
        return old, province.name, province.type

    def _province_at(self, norm: str, text: str, pos: int) -> tuple[int, str] | None:
        m = self.province_re.match(norm, pos)
        if m and self._capitalised(text, m.start("name")):
            return m.end(), m.group("name")
        return None

    def _place(self, norm: str, text: str, pos: int, admin_type: str | None,
               provinces_only: bool = False) -> Place | None:
        """The named province or district after ``pos`` ("Tiểu Cần", "Thanh Hóa", "Quận 1")."""
        wants_province = admin_type in (None, "tỉnh", "thành phố")
        wants_district = admin_type in (None, "thành phố", *DISTRICT_TYPES) and not provinces_only
        if wants_province and (hit := self._province_at(norm, text, pos)):
            old, display, kind = self._province_display(hit[1])
            if admin_type is None or kind == admin_type or admin_type == "tỉnh":
                return Place(hit[0], "province", display, admin_type or kind, old)
        if wants_district:
            m = self.district_re.match(norm, pos)
            if m and self._capitalised(text, m.start("name")):
                entries = self.gaz.district_entries(m.group("name"))
                typed = [d for d in entries if admin_type in (None, d.type)] or entries
                provinces = {d.province for d in typed}
                return Place(m.end(), "district", typed[0].name, admin_type or typed[0].type,
                             provinces.pop() if len(provinces) == 1 else None)
        if admin_type is None or provinces_only:
            return None
        m = self.cap_run_re.match(norm, pos)
        if not m:
            return None
        words = m.group("name").split()
        if words[0] in self.surnames:
            return None
        kept: list[str] = []
        for word in words[:4]:
            if kept and word in self.surnames:
                break
            kept.append(word)
        if admin_type == "tỉnh":  # an unknown province name is not trusted
            return None
        end = m.start("name") + len(" ".join(kept)) if m.group("name").startswith(" ".join(kept)) else m.end()
        return Place(end, "district", _tidy(text[m.start("name"):end]), admin_type, None)

    def _province_evidence(self, norm: str, text: str, pos: int) -> str | None:
        """A province named right after a mention: "(Trà Vinh)", ", tỉnh Trà Vinh"."""
        for pattern in (self.paren_province_re, self.comma_province_re):
            m = pattern.match(norm, pos)
            if m and self._capitalised(text, m.start("name")):
                return self.gaz.old_province(m.group("name"))
        return None

    # -- organisations ------------------------------------------------------------------------

    def _org_end(self, norm: str, text: str, pos: int, words: list[tuple[int, int, bool, str]] | None) -> int:
        """End of an organisation's name starting at ``pos`` (``words``: the Doc's words, else whole text)."""
        if words is None:
            end = len(text.rstrip(" .,;:"))
            paren = re.search(r"\s*\([^()]*\)\s*$", text[:end])
            return paren.start() if paren and paren.start() > pos else end
        head = self.org_head_re.match(norm, pos)
        conjunction_ok = bool(head) and name_key(head.group("head")) in self.conjunction_heads
        i = bisect_left(words, (pos, -1, False))
        first, end, count = i, pos, 0
        while i < len(words) and count < self.max_org_words:
            start, stop, sent_start = words[i][:3]
            if i > first and sent_start:
                break
            count += 1
            if self._capitalised(text, start):
                if i > first and self.stop_re.match(norm, start):
                    break
                syllables = text[start:stop].split(" ")
                lead = next((k for k, syl in enumerate(syllables) if not self._capitalised(syl, 0)), len(syllables))
                glued = 2 <= lead < len(syllables) and not self.org_head_re.fullmatch(norm, start, stop) \
                    and name_key(" ".join(syllables[lead - 1:])) not in self.name_compounds
                if glued:  # a name glued to the next word: "Lê Lợi tặng" (not a head: "Tổng Công ty")
                    end = start + len(" ".join(syllables[:lead]))
                    break
                end = stop
                i += 1
                continue
            if text[start:stop] in self.joiners and self._name_goes_on(norm, text, words, i + 1):
                i += 1  # "Tổng Công ty May 10 - CTCP", "Công ty CP Dược - Trang thiết bị y tế"
                continue
            if not _LOWER_START.match(text, start):
                break
            if i > first and end == words[i - 1][1] and (tail := self._compound_tail(text, words, i)):
                end = start + tail  # "Hóa" + "chất Văn Điển": the compound "Hóa chất" split by segmentation
                if end < stop:
                    break
                i += 1
                continue
            matched = self.terminal_re.match(norm, start) or self.descriptor_re.match(norm, start)
            if matched:
                if matched.re is self.terminal_re:
                    end = matched.end()
                elif matched.end() < stop:  # glued to the name after it: "chuyên Hà Tĩnh" is one word
                    rest = text[matched.end():stop].lstrip()
                    if not rest or not rest[0].isupper():
                        break
                    end = stop
                    i += 1
                    continue
                i = bisect_left(words, (matched.end(), -1, False))
                continue
            run = self._inner_nouns(norm, text, words, i)
            if run:  # "Công ty CP Mía đường Lam Sơn": common nouns between capitalised parts
                i += run
                continue
            if head and text[start:stop] == "và" and self._and_goes_on(norm, text, words, i + 1, conjunction_ok):
                i += 1
                continue
            break
        return end

    def _name_goes_on(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int) -> bool:
        """The word at ``i`` may continue an organisation's name: a capital letter, no person, no new unit."""
        if i >= len(words) or words[i][2]:
            return False
        start, stop = words[i][0], words[i][1]
        return text[start].isupper() and text[start:stop].split(" ")[0] not in self.surnames \
            and not self.stop_re.match(norm, start)

    def _compound_tail(self, text: str, words: list[tuple[int, int, bool, str]], i: int) -> int:
        """Length of the part of the lower-case word at ``i`` that belongs to the name before it:
        its first syllable when it completes a name compound with the previous word's last
        syllable ("Hóa" + "chất"), with the capitalised syllables after it; 0 otherwise."""
        start, stop = words[i][:2]
        syllables = text[start:stop].split(" ")
        previous = text[words[i - 1][0]:words[i - 1][1]].split(" ")[-1]
        if name_key(f"{previous} {syllables[0]}") not in self.name_compounds:
            return 0
        kept = 1
        while kept < len(syllables) and self._capitalised(syllables[kept], 0):
            kept += 1
        return len(" ".join(syllables[:kept]))

    def _and_goes_on(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int,
                     conjunction_head: bool) -> bool:
        """A "và" at ``i - 1`` joins two parts of one name: "Sở Tài nguyên và Môi trường" after the
        heads that take it, "Công ty CP Supe Phốt phát và Hóa chất Lâm Thao" after any head when what
        follows is capitalised and opens no unit, organisation, person, title or Party body."""
        if i >= len(words) or words[i][2] or not self._capitalised(text, words[i][0]):
            return False
        start = words[i][0]
        if self.org_head_re.match(norm, start) or self.head_re.match(norm, start):
            return False
        if conjunction_head:
            return True
        return self._name_goes_on(norm, text, words, i) and not self.and_stop_re.match(norm, start)

    def _inner_nouns(self, norm: str, text: str, words: list[tuple[int, int, bool, str]], i: int) -> int:
        """How many lower-case common nouns at ``i`` sit inside a name (a capitalised part follows), else 0.
        A word with a capitalised syllable after its first ("ra quân Tháng") is glued text, no noun."""
        k = i
        while k < len(words) and k - i < self.inner_max_words:
            start, stop, sent_start, tag = words[k]
            if sent_start or tag not in self.inner_tags or not text[start:stop].islower() \
                    or name_key(text[start:stop]) in self.inner_stops:
                break
            k += 1
        return k - i if k > i and self._name_goes_on(norm, text, words, k) else 0

    def _org_province(self, norm: str, text: str, start: int, end: int) -> str | None:
        """A province named inside an organisation's name ("Xổ số Kiến thiết Tiền Giang")."""
        found = None
        for m in self.type_at_re.finditer(norm, start, end):
            place = self._place(norm, text, m.end(), self.types[name_key(m.group())])
            if place and place.province and place.end <= end:
                found = place.province
        if found:
            return found
        pos = start
        while (m := self.province_re.search(norm, pos, end)) is not None:
            if self._capitalised(text, m.start("name")) and (m.start("name") == 0 or not norm[m.start("name") - 1].isalnum()):
                found = self.gaz.old_province(m.group("name"))
            pos = m.end()
        return found

    def _commune(self, norm: str, text: str, pos: int) -> tuple[int, str] | None:
        """End and name of a commune written after "CĐCS" ("CĐCS phường Vị Thanh"): since the 2025
        merger the offices of a commune form one grassroots union named after it. The name is the
        capitalised words on the same line (characters, so "Vị Thanh trao" glued into one word still
        ends at "Thanh"), up to a person's name (a surname followed by another capitalised word)."""
        typed = self.commune_type_re.match(norm, pos)
        run = self.cap_run_re.match(norm, typed.end()) if typed else None
        if not run or self.stop_re.match(norm, run.start("name")):
            return None
        words = text[run.start("name"):run.end("name")].split("\n")[0].split()
        kept = words[:1]
        for k, word in enumerate(words[1:self.commune_max_words], start=1):
            if word in self.surnames and k + 1 < len(words):
                break
            kept.append(word)
        name = " ".join(kept)
        end = run.start("name") + len(name) if text.startswith(name, run.start("name")) else run.end("name")
        return end, f"{_tidy(typed.group())} {_tidy(text[run.start('name'):end])}"

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
        if self.generic_after_re.match(norm, pos):
            return None
        typed = self.type_re.match(norm, pos)
        admin_type = self.types[name_key(typed.group("type"))] if typed else None
        after_type = self._skip_inline(norm, typed.end()) if typed else pos
        if typed and (self.generic_after_re.match(norm, after_type) or self.plural_type_re.match(norm, after_type)):
            return None
        place = self._place(norm, text, after_type, admin_type)
        if place is None:
            if admin_type is None or informal:
                return None
            level = "province" if admin_type == "tỉnh" else None if admin_type == "thành phố" else "district"
            return Mention(start, typed.end(), level, admin_type=admin_type)
        name = f"Liên đoàn Lao động {place.type} {place.display}"
        mention = Mention(start, place.end, place.level, name, place.province, place.type)
        if place.level == "district":
            mention.district = place.display
            evidence = self._province_evidence(norm, text, place.end)
            known = self.gaz.province_of_district(place.display)
            if evidence and (not known or evidence in known):
                mention.province = evidence
        return mention

    def _industry_place(self, norm: str, text: str, pos: int) -> tuple[int, str | None, Place | None]:
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

    def _union(self, norm: str, text: str, start: int, head_start: int, pos: int) -> Mention | None:
        pos = self._skip_inline(norm, pos)
        if m := self.industry_head_re.match(norm, pos):
            head = self.expand_abbreviations(text[m.start("head"):m.end("head")])
            if country := self.country_re.match(norm, m.end()):
                return Mention(start, country.end(), "national_industry", f"Công đoàn {head} Việt Nam")
            return self._province_industry(start, f"Công đoàn {head}", norm, text, m.end())
        if self.generic_after_re.match(norm, pos):
            return None
        if m := self.sector_marker_re.match(norm, pos):
            sector = self.sector_re.match(norm, m.end()) or self.cap_run_re.match(norm, m.end())
            if not sector or not self._capitalised(text, sector.start(1)):
                return None
            name = _tidy(text[sector.start(1):sector.end(1)])
            if sector.re is self.cap_run_re:  # a capitalised run may swallow the province
                words = name.split()
                for k in range(1, len(words)):
                    if self.gaz.old_province(" ".join(words[k:])) or self.types.get(name_key(words[k])) \
                            or self.country_re.match(" " + " ".join(words[k:])):
                        name = " ".join(words[:k])
                        break
                sector_end = sector.start(1) + len(name)
            else:
                sector_end = sector.end()
            if country := self.country_re.match(norm, sector_end):  # "Công đoàn ngành Xây dựng Việt Nam"
                return Mention(start, country.end(), "national_industry", f"Công đoàn {name} Việt Nam")
            return self._province_industry(start, f"Công đoàn ngành {name}", norm, text, sector_end)
        if m := self.national_industry_re.match(norm, pos):
            country = self.country_re.match(norm, m.end())
            return Mention(start, country.end(), "national_industry", f"Công đoàn {_tidy(m.group('name'))} Việt Nam")
        if m := self.sector_re.match(norm, pos):
            end, admin_type, place = self._industry_place(norm, text, m.end())
            if place and self._capitalised(text, m.start("sector")):
                name = f"Công đoàn ngành {_tidy(m.group('sector'))} {place.type} {place.display}"
                return Mention(start, end, "province_industry", name, place.province)
        if (gap := re.match(r"\s+", norm[pos:])) and self.org_head_re.match(norm, pos + gap.end()) \
                and self._capitalised(text, pos + gap.end()):
            return None  # handled by the caller as grassroots
        if text[head_start] == "C" and (fed := self._federation(norm, text, start, pos, informal=True)):
            return fed
        run = self.cap_run_re.match(norm, pos)
        if run:
            words = run.group("name").split()
            for k in range(1, min(len(words), 6)):
                if " ".join(words[k:k + 2]) == "Việt Nam" or words[k] == "VN":
                    end = run.start("name") + len(" ".join(words[:k + (1 if words[k] == "VN" else 2)]))
                    return Mention(start, end, "national_industry", f"Công đoàn {' '.join(words[:k])} Việt Nam")
        return None

    def _grassroots(self, norm: str, text: str, start: int, pos: int, words, prefix: str,
                    require_head: bool) -> Mention | None:
        gap = re.match(r"\s+", norm[pos:])
        if not gap:
            return None
        org_start = pos + gap.end()
        if not require_head and (commune := self._commune(norm, text, org_start)):
            return Mention(start, commune[0], "grassroots", f"{prefix} {commune[1]}", org_key=name_key(commune[1]))
        if not self._capitalised(text, org_start) or self.stop_re.match(norm, org_start):
            return None
        if not self.org_head_re.match(norm, org_start) and self.type_at_re.match(norm, org_start):
            return None
        head = self.org_head_re.match(norm, org_start)
        if require_head and not head:
            return None
        org_end = self._org_end(norm, text, org_start, words)
        if head and org_end <= head.end() and words is not None:
            # "CĐCS Công ty": the article's grassroots union of that kind, resolved later
            return Mention(start, head.end(), "grassroots", org_head=name_key(head.group("head")))
        if org_end <= (head.end() if head else org_start):
            return None
        org = _tidy(text[org_start:org_end])
        if prefix == "Công đoàn" and head and name_key(head.group("head")) in self.national_org_heads \
                and org.endswith("Việt Nam"):  # "Công đoàn Tập đoàn Điện lực Việt Nam" sits under the national level
            return Mention(start, org_end, "national_industry", f"{prefix} {org}")
        mention = Mention(start, org_end, "grassroots", f"{prefix} {org}", org_key=name_key(org))
        mention.province = self._province_evidence(norm, text, org_end) or self._org_province(norm, text, org_start, org_end)
        mention.inherit_next = mention.province is None and bool(re.match(r"\s*\(", norm[org_end:]))
        return mention

    # -- scanning -----------------------------------------------------------------------------

    def scan(self, text: str, words: list[tuple[int, int, bool, str]] | None = None) -> list[Mention]:
        """Mentions in ``text``, in order; short ones still unresolved (``name`` None)."""
        norm = normalize_tones(text)
        if len(norm) != len(text):
            norm = text
        mentions: list[Mention] = []
        pos = 0
        while (m := self.head_re.search(norm, pos)) is not None:
            mention = self._parse(m, norm, text, words)
            if mention is not None:
                mentions.append(mention)
                pos = mention.end
            else:
                pos = m.end()
        self._org_evidence_elsewhere(norm, text, mentions)
        return mentions

    def _org_evidence_elsewhere(self, norm: str, text: str, mentions: list[Mention]) -> None:
        """A grassroots union with no province takes the one written after its organisation's name
        elsewhere in the text: "Công ty TNHH May X (tỉnh Hải Dương)" ... "CĐCS Công ty TNHH May X"."""
        found: dict[str, str | None] = {}  # each organisation's evidence, searched for once: linear in the text
        for m in mentions:
            if m.level != "grassroots" or m.province or not m.name or not m.org_key:
                continue
            org = m.name.removeprefix("Công đoàn cơ sở ") if m.name.startswith("Công đoàn cơ sở ") \
                else m.name.removeprefix("Công đoàn ")
            if org not in found:
                hits = re.finditer(rf"(?<!\w){re.escape(org)}(?!\w)", text)
                found[org] = next((e for hit in hits if (e := self._province_evidence(norm, text, hit.end()))), None)
            if found[org]:
                m.province, m.inherit_next = found[org], False

    def places(self, text: str) -> ArticlePlaces:
        """Districts named with their type word and every province the text names."""
        norm = normalize_tones(text)
        if len(norm) != len(text):
            norm = text
        districts: dict[tuple[str, str], Place] = {}
        provinces: set[str] = set()
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
        for m in self.paren_province_re.finditer(norm):
            if self._capitalised(text, m.start("name")) and (old := self.gaz.old_province(m.group("name"))):
                provinces.add(old)
        return ArticlePlaces(tuple(districts.values()), frozenset(provinces))

    def _parse(self, m: re.Match[str], norm: str, text: str, words) -> Mention | None:
        start = m.start()
        if self.generic_before_re.search(norm[max(0, m.start("head") - 20):m.start("head")]):
            return None
        if m.group("body") and self.title_before_re.search(norm[max(0, start - 20):start]):
            start = m.start("head")  # "Phó Chủ tịch Thường trực Tổng LĐLĐ": a title, not a body
        end = m.end()
        if m.group("national"):
            return self._national(norm, start, end)
        if m.group("grass"):
            if self.generic_after_re.match(norm, end):
                return None
            return self._grassroots(norm, text, start, end, words, "Công đoàn cơ sở", require_head=False)
        if m.group("fed"):
            return self._federation(norm, text, start, end, informal=False)
        union = self._union(norm, text, start, m.start("head"), end)
        if union is not None:
            return union
        return self._grassroots(norm, text, start, self._skip_inline(norm, end), words, "Công đoàn",
                                require_head=True)

    # -- resolution ---------------------------------------------------------------------------

    def resolve(self, mentions: list[Mention], context: ArticleContext | None,
                places: ArticlePlaces | None = None) -> list[tuple[Mention, dict[str, Any]]]:
        """Names and provinces for every mention that can have them; fields per mention.

        ``places`` (from ``places()``) lets a short "LĐLĐ huyện" take the one district of that
        type the article names, and a grassroots union the one province the article names."""
        context = context or ArticleContext()
        places = places or ArticlePlaces()
        when = context.published_at
        site = self.gaz.old_province(context.source_province) if context.source_province else None
        named_provinces = [m.province for m in mentions if m.name and m.province]
        only_province = named_provinces[0] if len(set(named_provinces)) == 1 else None
        if not named_provinces and len(places.provinces) == 1:
            only_province = next(iter(places.provinces))
        for m in mentions:
            if m.name and m.level == "district" and m.province is None:
                candidates = self.gaz.province_of_district(m.district or "")
                if site in candidates:
                    m.province = site
                else:
                    m.province = next((p for p in named_provinces if p in candidates), None)
            elif m.name and m.level == "grassroots" and m.province is None and not m.inherit_next:
                m.province = site or only_province
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
        first_name: dict[str, str] = {}
        out = []
        for m in resolved:
            if m.org_key:
                m.name = first_name.setdefault(m.org_key, m.name)
            old = m.province if m.level not in ("national", "national_industry") else None
            fields = {
                "name": m.name,
                "level": m.level,
                "province": self.gaz.province_name_on(old, when) if old else None,
                "province_now": self.gaz.province_now(old) if old else None,
            }
            out.append((m, fields))
        return out

    def _site_name(self, site: str, when: date | datetime | None) -> tuple[str, str]:
        return self.gaz.province_type_on(site, when), self.gaz.province_name_on(site, when)

    def _resolve_short(self, m: Mention, before: list[Mention], everything: list[Mention],
                       site: str | None, when: date | datetime | None, places: ArticlePlaces) -> Mention | None:
        if m.org_head:  # "CĐCS Công ty": the nearest such union before, else the only one
            same = [x for x in everything if x.name and x.org_key and x.org_key.startswith(m.org_head + " ")]
            chosen = {id(x) for x in same}  # by identity: comparing Mentions field by field is quadratic
            earlier = [x for x in before if id(x) in chosen]
            target = earlier[-1] if earlier else same[0] if len({x.org_key for x in same}) == 1 else None
            return replace(m, name=target.name, province=target.province, org_key=target.org_key) if target else None
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
            pool = [x for x in before if x.level == "district" and x.admin_type == m.admin_type]
        if not pool:
            named = {x.name: x for x in everything if x.name and x.level in ("province", "district")
                     and x.name.startswith("Liên đoàn") and x.admin_type == m.admin_type}
            pool = list(named.values()) if len(named) == 1 else []
        if not pool and m.admin_type in DISTRICT_TYPES:  # "Tại huyện Lệ Thủy, LĐLĐ huyện ..."
            named = [p for p in places.districts if p.type == m.admin_type]
            if len(named) == 1:
                place = named[0]
                province = place.province or (site if site in self.gaz.province_of_district(place.display) else None)
                return replace(m, level="district", name=f"Liên đoàn Lao động {place.type} {place.display}",
                               province=province, district=place.display)
        if not pool:
            return None
        target = pool[-1]
        return replace(m, level=target.level, name=target.name, province=target.province, district=target.district)

    # -- phrases ------------------------------------------------------------------------------

    def canonical_name(self, text: str, keep_body: bool = False, context: ArticleContext | None = None) -> str:
        text = _tidy(normalize_tones(text))
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
            if text.endswith(" " + type_word):
                kind, name = self._site_name(site, context.published_at)
                return f"{text} {name}" if kind == type_word else text
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
        words = [(t.idx, t.idx + len(t.text), bool(t.is_sent_start), t.tag_)
                 for t in doc if t.tag_ != SPACE_TAG and not t.is_space]
        text = doc.text  # rebuilt from every token on each access: read it once
        mentions = self.parser.scan(text, words)
        for mention, fields in self.parser.resolve(mentions, doc._.context, self.parser.places(text)):
            span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
            if span is not None:
                add_span(doc, "units", span, fields)
        return doc


@Language.factory("congdoan_units")
def make_units_component(nlp: Language, name: str) -> UnitsComponent:
    return UnitsComponent()
