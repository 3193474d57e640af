"""What the units component matches with: the lexicon's patterns compiled once, the records of
a mention and of the places an article names, and the text helpers every step shares
(abbreviations, capitals, provinces and districts after a position)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from extract.regex_scan import with_first_chars
from extract.gazetteer import Gazetteer, name_key, normalize_tones


_WORD_START = re.compile(r"\b\w")
# a word start that is not a lower-case letter (those never open a capitalised name: passed over in one search)
_LOWER_CHARS = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).islower())
_NOT_LOWER_WORD_START = re.compile(rf"\b(?![{re.escape(_LOWER_CHARS)}])\w")
WORD_AFTER = re.compile(r"[^\S\n]+(\w+)(?!\w)")  # the word after a name, on its line
_UPPER_CHARS = "".join(chr(c) for c in (*range(0x41, 0x250), *range(0x1E00, 0x1F00)) if chr(c).isupper())
UPPER = f"[{re.escape(_UPPER_CHARS)}]"
LOWER_START = re.compile(r"[^\W\d_]")
# A national union named by its sector's compounds, each capitalised word with at most two lower-case syllables after
# it, then the country: "Công đoàn Cơ khí Luyện kim Việt Nam" (the capitalised run alone stops at "khí"); each
# capitalised word and its lower-case syllables must be a name compound (checked by the parser).
_LOWER_SYLLABLE = rf"[^\S\n]+(?!{UPPER})[^\W\d_]\w*"
NATIONAL_RUN = re.compile(
    rf"[^\S\n]+(?P<name>{UPPER}\w*(?:{_LOWER_SYLLABLE}){{0,2}}(?:[^\S\n]+{UPPER}\w*(?:{_LOWER_SYLLABLE}){{0,2}}){{0,3}})"
    rf"[^\S\n]+(?:Việt Nam|VN)(?!\w)")

DISTRICT_TYPES = ("huyện", "quận", "thị xã")
ACRONYM_DASH = re.compile(r"(?<=[A-ZĐ]{2})\s*[-–]\s*(?=[A-ZĐ]{2})")
PAREN_AFTER = re.compile(r"\s*\(")  # a bracket after a name: "… (tỉnh X)"
ACRONYM_AFTER = re.compile(r"\s*\((?P<acronym>[A-ZĐ][A-ZĐ0-9]{2,11})\)")  # "… Điện lực miền Bắc (EVNNPC)"


def phrase_pattern(text: str) -> str:
    """Regex for a phrase: any spacing between words, any dash between parts."""
    parts = [r"\s+".join(re.escape(w) for w in part.split()) for part in re.split(r"\s*[-–]\s*", text)]
    return r"\s*[-–]\s*".join(parts)


def alternation(phrases: list[str]) -> str:
    return "|".join(phrase_pattern(p) for p in sorted(set(phrases), key=len, reverse=True))


def dashless_key(name: str) -> str:
    """A name's comparison key with its dashes left out: "Than – Khoáng sản", "Than khoáng sản" and "Than -
    Khoáng sản" are one name."""
    return " ".join(name_key(name).replace("-", " ").split())


def title_case_tolerant(pattern: str) -> str:
    """A phrase pattern whose later lower-case words may also be written capitalised, as some pages
    print a name ("Công đoàn Khu Kinh tế tỉnh" for "Khu kinh tế"); the first word stays as listed."""
    gap = r"(\\s\+|\\s\*\[-–\]\\s\*)"  # a word gap of phrase_pattern
    return re.sub(gap + r"([^\W\d_])(?=[^\W\d_])",
                  lambda m: f"{m.group(1)}[{m.group(2)}{m.group(2).upper()}]" if m.group(2).islower() else m.group(0),
                  pattern)


def tidy(text: str) -> str:
    return " ".join(text.split())


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
    head_in_lower: bool = False  # a short one in lower case ("Công đoàn trường"): only a union the article names
    prefix: str = "Công đoàn"  # a short one's union words as written ("Công đoàn cơ sở Trung tâm"), for its full name
    commune_type: str | None = None  # short commune mention ("Công đoàn phường"): its type word
    sector: str | None = None  # a sector union named without its place ("Công đoàn ngành Y tế")
    named_in_org: bool = False  # the province was read inside the organisation's name ("... Sài Gòn")
    province_written: str | None = None  # the province as an undated text names it ("TP Huế" -> "Huế")
    acronym: str | None = None  # grassroots: the short name given in brackets after it ("… miền Bắc (EVNNPC)")


@dataclass(frozen=True)
class ArticlePlaces:
    """Places an article names outside unit mentions too: "Tại huyện Lệ Thủy", "(tỉnh Hải Dương)"."""

    districts: tuple[Place, ...] = ()
    provinces: frozenset[str] = frozenset()  # canonical old provinces
    communes: tuple[tuple[int, str], ...] = ()  # (offset, "phường Phú Thạnh" as written), in order
    province_names: tuple[tuple[str, str, str], ...] = ()  # (old province, type, name) as written: "TP Huế"
    bare_provinces: frozenset[str] = frozenset()  # provinces named without a type word ("công nhân Bắc Giang")
    # organisations named outside a union's name, for a union named by its head alone: (offset, head key, name spelt
    # out) — "Bệnh viện Đại học Quốc gia Hà Nội tổ chức Đại hội Công đoàn Bệnh viện"
    organisations: tuple[tuple[int, str, str], ...] = ()

    def only_district(self, kind: str) -> Place | None:
        """The one district of that type ("huyện", "thành phố" …) the article names, else None."""
        named = [p for p in self.districts if p.type == kind]
        return named[0] if len(named) == 1 else None




class UnitPatterns:
    """The lexicon's patterns, compiled once, and the text helpers built on them."""

    def __init__(self, lexicon: dict[str, Any], gaz: Gazetteer):
        self.lex = lexicon
        self.gaz = gaz
        heads = lexicon["heads"]
        bodies = alternation(heads["bodies"])
        # a national sector union's acronym glued to "CĐ" ("CĐYTVN") is read as written apart ("CĐ YTVN")
        glued = rf"(?-i:(?=(?:{alternation(lexicon['national_industry']['acronyms'])})(?!\w)))"
        self.head_re = with_first_chars(re.compile(
            rf"(?<!\w)(?:(?P<body>{bodies})\s+)?(?P<head>(?P<national>{alternation(heads['national'])})(?!\w)"
            rf"|(?P<grass>{alternation(heads['grassroots'])})(?!\w)|(?P<fed>{alternation(heads['federation'])})(?!\w)"
            rf"|(?P<union>{alternation(heads['union'])})(?:(?!\w)|{glued}))",
            re.IGNORECASE,
        ))  # the heads' first characters looked at before the heads are tried (extract/regex_scan.py)
        self.title_before_re = re.compile(rf"(?:{alternation(heads['titles'])})\s+$", re.IGNORECASE)
        self.inline_re = re.compile(rf"\s*\(\s*(?:{alternation(heads['inline_abbreviations'])})\s*\)")
        self.country_re = re.compile(rf"\s+(?:{alternation(heads['country'])})(?!\w)")
        self.types = {name_key(k): v for k, v in lexicon["admin_types"].items()}
        type_alt = "|".join(
            rf"{phrase_pattern(k)}(?!\w)" if k[-1].isalpha() else re.escape(k)
            for k in sorted(lexicon["admin_types"], key=len, reverse=True)
        )
        self.type_re = re.compile(rf"\s+(?P<type>{type_alt})", re.IGNORECASE)
        self.type_at_re = with_first_chars(re.compile(rf"(?:{type_alt})", re.IGNORECASE))
        generic = lexicon["generic"]
        self.counted_head_re = re.compile(rf"(?:{alternation(generic['counted_heads'])})(?!\w)")
        self.count_after_time_re = re.compile(rf"(?<!\w)(?:{alternation(generic['count_not_after'])})\s+\d+\s+$", re.IGNORECASE)
        self.generic_before_re = re.compile(rf"(?<!\w)(?:{alternation(generic['before'])})\s+$", re.IGNORECASE)
        self.plenary_re = re.compile(rf"(?<!\w)(?:{alternation(generic['plenary'])})\s+toàn\s+thể\s+$", re.IGNORECASE)
        self.generic_after_re = re.compile(rf"\s+(?:{alternation(generic['after'])})(?!\w)", re.IGNORECASE)
        self.plural_head_re = re.compile(r"\s+các(?=\s)")
        self.plural_type_re = re.compile(r"\s*[,/]\s*(?:thành|TP|Tp|huyện|quận|thị|tỉnh)(?!\w)", re.IGNORECASE)
        self.foreign_re = re.compile(rf"\s+(?:{alternation(generic['foreign'])})(?!\w)")
        self.surnames = set(lexicon["names"]["surnames"])
        self.province_re = re.compile(rf"\s*(?P<name>{alternation(gaz.province_spellings())})(?!\w)", re.IGNORECASE)
        self.district_re = re.compile(rf"\s*(?P<name>{alternation(gaz.district_spellings())})(?!\w)", re.IGNORECASE)
        # a place's name never runs over a line break ("Công đoàn phường" / "Dịp này, …")
        # an apostrophe inside a word belongs to it: "Cư M'gar", "Ea H'leo" (Central Highlands names)
        self.cap_run_re = re.compile(
            rf"[^\S\n]+(?P<name>(?:{UPPER}|\d)\w*(?:['’]\w+)*(?:[^\S\n]+(?:{UPPER}|\d)\w*(?:['’]\w+)*)*)")
        provinces = alternation(gaz.province_spellings())
        self.paren_province_re = re.compile(  # "(Trà Vinh)", "(tỉnh Trà Vinh)", "(xã Bình Mỹ, TPHCM)"
            rf"\s*\((?:[^()]{{1,40}},)?\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<name>{provinces})\s*\)", re.IGNORECASE)
        self.comma_province_re = re.compile(
            rf"\s*[,–-]\s*(?:(?:tỉnh|thành phố|TP\.?)\s*)?(?P<name>{provinces})(?=\s*[,.;:)\n]|\s*$|\s+[a-zđàáảãạâầấẩẫậăằắẳẵặèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵ])",
            re.IGNORECASE)
        industry = lexicon["province_industry"]
        self.region_re = re.compile(rf"\s+(?P<region>{alternation(industry['region_words'])})(?=\s)")
        self.industry_head_spellings: dict[str, str] = {}  # a head's key -> its listed spelling with most capitals
        for h in industry["heads"]:  # after the first word ("các Khu công nghiệp"); the first listed on a tie
            key, capitals = " ".join(h.casefold().split()), sum(c.isupper() for c in h.split(maxsplit=1)[-1])
            known = self.industry_head_spellings.get(key)
            if known is None or capitals > sum(c.isupper() for c in known.split(maxsplit=1)[-1]):
                self.industry_head_spellings[key] = h
        self.industry_head_re = re.compile(rf"\s+(?P<head>{title_case_tolerant(alternation(industry['heads']))})(?!\w)")
        # "ngành", and "Ngành" where a page capitalises it ("Công đoàn Ngành Giao thông Vận tải")
        self.sector_marker_re = re.compile(rf"\s+{phrase_pattern(industry['sector_marker'])}(?!\w)", re.IGNORECASE)
        self.sector_re = re.compile(rf"\s+(?P<sector>{alternation(industry['sectors'])})(?!\w)")
        variants = industry["sector_variants"]
        self.sector_any_re = re.compile(rf"\s+(?P<sector>{alternation([*industry['sectors'], *variants])})(?!\w)",
                                        re.IGNORECASE)
        self.sector_spellings = {name_key(s): s for s in reversed(industry["sectors"])} \
            | {name_key(v): s for v, s in variants.items()}
        self.sector_generic_re = re.compile(rf"\s+(?:{alternation(industry['sector_generic'])})(?!\w)")
        self.sector_separator_re = re.compile(r"\s*[,;]\s+(?:và\s+)?|\s+và\s+")
        self.title_place_re = re.compile(r"\s*(?P<name>[^\W\d_][^:|\n]{1,40}?)\s*:\s")
        self.head_spellings = {name_key(k): v for k, v in industry["head_spellings"].items()}
        self.named_after_re = re.compile(rf"(?<!\w)(?:{alternation(generic['named_after_heads'])})"
                                         rf"(?:\s+(?!(?:{alternation(generic['named_after_breaks'])})(?!\w))[^\s,.;:()]+)"
                                         rf"{{0,{generic['named_after_words']}}}\s+$")
        self.province_only_head_re = re.compile(
            rf"\s+(?P<head>{alternation(industry['province_only_heads'])})(?!\w)")
        national = lexicon["national_industry"]["names"]
        # a dash inside a listed name may be written either way or left out ("Than khoáng sản Việt Nam")
        national_names = alternation(national).replace(r"\s*[-–]\s*", r"(?:\s*[-–]\s*|\s+)")
        self.national_industry_re = re.compile(
            rf"\s+(?P<name>{national_names})(?=(?:\s+\([^()\n]{{2,15}}\))?\s+(?:Việt\s+Nam|VN)(?!\w))", re.IGNORECASE)
        self.national_spellings = {dashless_key(n): n for n in reversed(national)} \
            | {dashless_key(v): n for v, n in variants.items() if n in national}  # "Khoa học Công nghệ"
        self.national_only_re = re.compile(rf"\s+(?P<name>{alternation(lexicon['national_industry']['national_only'])})(?!\w)")
        self.national_acronyms: dict[str, str] = lexicon["national_industry"]["acronyms"]
        self.national_acronym_re = re.compile(rf"\s*(?P<acronym>{alternation(self.national_acronyms)})(?!\w)")
        self.national_groups: dict[str, str] = lexicon["national_industry"]["groups"]
        self.national_group_re = re.compile(rf"\s+(?P<group>{alternation(self.national_groups)})(?![\w-])")
        # the country after a national sector union's name, its short name bracketed between: "… (KH&CN) Việt Nam"
        self.country_any_re = re.compile(rf"(?:\s+\([^()\n]{{2,15}}\))?\s+(?:{alternation(heads['country'])})(?!\w)",
                                         re.IGNORECASE)
        grass = lexicon["grassroots"]
        self.org_head_re = re.compile(rf"(?P<head>{alternation(grass['org_heads'])})(?!\w)", re.IGNORECASE)
        self.org_spellings = grass["org_spellings"]
        self.office_acronyms: dict[str, str] = lexicon["office_acronyms"]
        self.office_acronym_re = re.compile(rf"(?<![\w&-])(?:{'|'.join(map(re.escape, sorted(self.office_acronyms, key=len, reverse=True)))})(?![\w&-])")
        self.comma_office_re = re.compile(rf"\s+(?:{alternation(grass['comma_offices'])})(?!\w)")
        self.lower_org_head_re = re.compile(rf"(?:{alternation(grass['lower_org_heads'])})\s+")
        self.lower_office_head_re = re.compile(rf"(?:{alternation(grass['lower_office_heads'])})\s+")
        self.central_body_re = re.compile(rf"(?:{alternation(grass['central_bodies'])})\s+\w")
        self.org_preposition_re = re.compile(rf"(?:{alternation(grass['org_prepositions'])})\s+(?=\S)")
        self.descriptor_re = re.compile(rf"(?:{alternation(grass['descriptors'])})(?!\w)", re.IGNORECASE)
        self.terminal_re = re.compile(rf"(?:{alternation(grass['terminal_descriptors'])})(?!\w)", re.IGNORECASE)
        self.national_org_heads = {name_key(h) for h in grass["national_org_heads"]}
        self.whole_heads = {name_key(h) for h in grass["whole_heads"]}
        # a union's prefix right before an organisation's head: the organisation is named in that union's name
        self.union_before_re = re.compile(r"(?:công đoàn|cđcs|cđ|cơ sở|cơ quan)\s+$", re.IGNORECASE)
        self.central_re = re.compile(
            rf"^Công đoàn(?: cơ sở)?(?: cơ quan)? (?:{alternation(grass['central_heads'])})(?!\w)", re.IGNORECASE)
        self.national_scope_re = re.compile(
            rf"^Công đoàn(?: cơ sở)? (?:{alternation(grass['national_scope_heads'])})(?!\w)", re.IGNORECASE)
        self.org_words: dict[str, str] = grass["org_words"]
        self.org_words_re = re.compile(rf"(?<!\w)(?:{alternation(self.org_words)})(?!\w)")
        self.office_sectors: dict[str, str] = grass["office_sectors"]
        # a listed sector closes an office's name ("Sở Tư pháp", "Sở Giao thông vận tải"): no line of business goes on
        self.office_heads = {name_key(h) for h in grass["office_sector_heads"]}
        self.listed_sector_re = re.compile(rf"(?:{alternation(industry['sectors'])})(?!\w)", re.IGNORECASE)
        # a state office's union ("Công đoàn Sở …", "Công đoàn cơ sở Phòng …"): one office of its kind per province
        self.office_union_re = re.compile(rf"^Công đoàn(?: cơ sở)? (?:{alternation(grass['office_sector_heads'])})\s")
        self.office_sector_re = re.compile(rf"(?<!\w)(?P<head>{alternation(grass['office_sector_heads'])})\s+"
                                           rf"(?P<sector>{alternation(self.office_sectors)})(?!\w)")
        self.company_forms = sorted(grass["company_forms"], key=len, reverse=True)
        self.conjunction_heads = {name_key(h) for h in grass["conjunction_heads"]}
        self.shared_office_heads = {name_key(h) for h in grass["shared_office_heads"]}
        self.shared_body_re = re.compile(rf"(?:{alternation(grass['shared_bodies'])})(?!\w)")
        self.list_heads = sorted({name_key(h) for h in grass["list_heads"]}, key=len, reverse=True)
        self.max_org_words = grass["max_words"]
        self.commune_type_re = re.compile(rf"(?:{alternation(grass['commune_types'])})(?!\w)")
        self.commune_max_words = grass["commune_max_words"]
        self.trade_head_re = re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, grass['trade_heads']))})(?!\w)")
        self.trade_stops = {w.split()[0] for w in grass["trade_stops"]}
        self.trade_place_stops = set(grass["trade_place_stops"])
        self.joiners = set(grass["joiners"])
        self.name_compounds = {name_key(w) for w in grass["name_compounds"]}
        self.named_after_union = {name_key(w) for w in grass["named_after_union"]}
        # the first two syllables of every compound and sector: "Giáo dục" (of "Giáo dục và Đào tạo")
        self.name_pairs = {" ".join(name_key(w).split()[:2]) for w in
                           grass["name_compounds"] + grass["office_words"] + industry["sectors"] if " " in w}
        self.legal_forms_re = re.compile(rf"(?:\s+(?:{alternation(grass['legal_forms'])}))+\s*", re.IGNORECASE)
        self.field_words = {name_key(w) for w in grass["office_words"] + industry["sectors"]}
        self.trade_words = self.field_words | self.name_compounds  # a line of business or a field, any case
        self.product_words = {name_key(w) for w in grass["product_words"]}
        self.not_org_re = re.compile(rf"(?:{alternation(grass['not_names'])})(?!\w)")
        self.partner_re = re.compile(rf"(?:,|\s+và)\s+(?:{alternation(grass['partner_bodies'])})(?=\s+\S)")
        self.foreign_end_re = re.compile(rf"(?<!\w)(?:{alternation(grass['foreign_countries'])})$")
        # "Công đoàn phường 6 tháng cuối năm": a number before a time word is a duration, no ward
        self.duration_after_re = re.compile(rf"[^\S\n]+(?:{alternation(grass['duration_words'])})(?!\w)")
        self.date_after_re = re.compile(rf"(?:{alternation(grass['not_names'])})\s*\d")  # "Ngày 3/10" after a name
        self.and_stop_re = re.compile(rf"(?:{alternation(grass['and_stops'])})(?!\w)", re.IGNORECASE)
        inner = grass["inner_nouns"]
        self.inner_tags = set(inner["tags"])
        self.inner_follow_tags = set(inner["follow_tags"])
        self.inner_country_tags = set(inner["before_country_tags"])
        self.inner_max_words = inner["max_words"]
        self.inner_stops = {name_key(w) for w in inner["stops"]}
        self.stop_re = re.compile(rf"(?:{alternation(heads['national'] + heads['federation'] + heads['union'])})(?!\w)",
                                  re.IGNORECASE)
        self.word_re = re.compile(r"\w+(?:[.’'][\w]+)*|\S")
        abbreviations = lexicon["abbreviations"]
        self.abbreviations = {name_key(k): v for k, v in abbreviations.items()}
        self.abbreviation_re = re.compile(
            r"(?<!\w)(?:" + "|".join(
                phrase_pattern(k) + (r"(?!\w)" if k[-1].isalnum() else "") for k in sorted(abbreviations, key=len, reverse=True)
            ) + ")")
        self.case_fixes = [(re.compile(phrase_pattern(k), re.IGNORECASE), v) for k, v in lexicon["case_fixes"].items()]
        self.official_names: dict[str, str] = lexicon["official_names"]


    # -- text helpers -------------------------------------------------------------------------

    def spelled_out(self, org: str) -> str:
        """An office's name with its field acronyms spelt out ("Phòng GDĐT" -> "Phòng Giáo dục và Đào tạo"):
        the comparison form that makes both writings one organisation (the name stays as written)."""
        return self.office_acronym_re.sub(lambda m: self.office_acronyms[m.group()], org)

    def expand_abbreviations(self, text: str) -> str:
        """Union and place abbreviations spelt out (LĐLĐ, CĐCS, TP, TP.HCM...), case fixed."""
        text = ACRONYM_DASH.sub(" - ", normalize_tones(text))  # "KCX-KCN" -> "Khu chế xuất - Khu công nghiệp"
        text = self.abbreviation_re.sub(lambda m: self.abbreviations[name_key(m.group())] + " ", text)
        for pattern, fixed in self.case_fixes:
            text = pattern.sub(fixed, text)
        return tidy(text.replace(" )", ")").replace("( ", "("))

    def title_province(self, title: str | None) -> str | None:
        """The old province a title opens with ("Quảng Bình: Trao 500 suất quà ..."): where the
        article is, for short mentions ("LĐLĐ tỉnh") when the publishing site has no province."""
        m = self.title_place_re.match(normalize_tones(title or ""))
        return self.gaz.old_province(self.expand_abbreviations(m.group("name"))) if m else None

    @staticmethod
    def _capitalised(text: str, at: int) -> bool:
        return at < len(text) and (text[at].isupper() or text[at].isdigit())

    def named_provinces(self, norm: str, text: str) -> set[str]:
        """The old provinces a text names as words of their own, capitalised ("... công nhân Thanh
        Hóa"). Only capitalised word starts are tried: the province alternation is long."""
        found: set[str | None] = set()
        end = 0
        for word in _NOT_LOWER_WORD_START.finditer(text):
            at = word.start()
            if at < end or not self._capitalised(text, at):
                continue
            if (m := self.province_re.match(norm, at)) is not None:
                found.add(self.gaz.old_province(m.group("name")))
                end = m.end()
        found.discard(None)
        return found  # type: ignore[return-value]

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

    def _ends_with_place(self, name: str) -> bool:
        """A name whose last words are the country, a province or a district ("… Hàng hải Việt Nam")."""
        words = name.split()
        return any(self.gaz.old_province(tail) or self.gaz.district_entries(tail) or name_key(tail) == "việt nam"
                   for tail in (" ".join(words[-k:]) for k in (1, 2, 3) if k < len(words)))

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
            # a number is a numbered district only after its type word ("Công đoàn 9 bệnh viện" counts unions),
            # and not before a duration ("Công đoàn phường 6 tháng cuối năm")
            if m and self._capitalised(text, m.start("name")) and not (m.group("name").isdigit() and (
                    admin_type is None or self.duration_after_re.match(norm, m.end()))):
                entries = self.gaz.district_entries(m.group("name"))
                typed = [d for d in entries if admin_type in (None, d.type)] or entries
                provinces = {d.province for d in entries}  # a name two provinces share is settled later (site)
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
            if kept and (word in self.surnames or self.not_org_re.fullmatch(word) or word[0].isdigit()
                         and not kept[-1].isdigit() and admin_type != "quận"):
                break  # a person, a date glued after the place ("thị xã X Ngày 3/10")
            kept.append(word)
        if admin_type == "tỉnh":  # an unknown province name is not trusted
            return None
        end = m.start("name") + len(" ".join(kept)) if m.group("name").startswith(" ".join(kept)) else m.end()
        if all(word.isdigit() for word in kept) and self.duration_after_re.match(norm, end):
            return None
        return Place(end, "district", tidy(text[m.start("name"):end]), admin_type, None)

    def _province_evidence(self, norm: str, text: str, pos: int) -> str | None:
        """A province named right after a mention: "(Trà Vinh)", ", tỉnh Trà Vinh"."""
        for pattern in (self.paren_province_re, self.comma_province_re):
            m = pattern.match(norm, pos)
            if m and self._capitalised(text, m.start("name")):
                return self.gaz.old_province(m.group("name"))
        return None

