"""The lines of a plain-text page dump: the rules of ``data/lexicon/boilerplate.toml`` and each
line's kind (blank, noise, date, end of article, text) and shape (headline, prose, caption, long).

:mod:`extract.textdump` reads the page from these lines.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from extract.dates import date_rules, parse_vietnamese_date
from extract.html import clean_byline, html_rules
from extract.lexicon import lexicon

# A sentence break inside a line; not the dot of an abbreviation ("TP. Nha Trang", "Q. 3").
SENTENCE_BREAK = re.compile(r"(?<![A-ZĐ])(?<!\b[A-ZĐ][a-zđ])[.!?…;](?=\s)")
_INITIALS = re.compile(r"^(?:\w{1,3}\.)+\w{0,3}\.?$")


@dataclass(frozen=True)
class Cut:
    """A line left out of the article, with why (for debugging the filter)."""

    line: int  # 1-based line number in the dump
    reason: str
    text: str


class Kind(Enum):
    BLANK = "blank"
    NOISE = "noise"
    DATE = "date"
    END = "end"
    TEXT = "text"


@dataclass(frozen=True)
class Rules:
    shape: dict[str, Any]
    noise: frozenset[str]
    noise_patterns: tuple[re.Pattern[str], ...]
    glyph_prefix: re.Pattern[str]
    tag_patterns: tuple[re.Pattern[str], ...]
    bylines: dict[str, Any]
    markers: frozenset[str]
    footer_prefixes: tuple[str, ...]
    footer_max_words: int
    notices: tuple[re.Pattern[str], ...]
    address: re.Pattern[str]
    date_chrome: re.Pattern[str]
    date_marker: re.Pattern[str]
    section_heading: re.Pattern[str]
    cut_tail: re.Pattern[str]
    author_cell: re.Pattern[str]
    source_credit: re.Pattern[str]
    gallery_heading: re.Pattern[str]
    glued_credit: re.Pattern[str]
    lead_opening: re.Pattern[str]
    tagged_lead: re.Pattern[str]
    caption: re.Pattern[str]
    person_caption: re.Pattern[str]
    caption_openers: tuple[str, ...]
    inline_tag: re.Pattern[str]
    trailing_date: re.Pattern[str]
    section_label: re.Pattern[str]
    site_suffix: re.Pattern[str]
    page_tools: re.Pattern[str]
    dateline_section: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate_rules() -> Rules:
    data = lexicon("boilerplate")
    lines, end = data["lines"], data["end"]
    glyphs = "|".join(re.escape(g) for g in sorted(lines["glyph_prefixes"], key=len, reverse=True))
    return Rules(
        shape=data["shape"],
        noise=frozenset(key(n) for n in lines["noise"]),
        noise_patterns=tuple(re.compile(p, re.IGNORECASE) for p in lines["noise_patterns"]),
        # a glyph name glued to the next word: "ClockThứ" (an upper-case letter or digit follows)
        glyph_prefix=re.compile(rf"^(?:{glyphs})(?=[^\W_a-z])"),
        tag_patterns=tuple(re.compile(p) for p in data["lead"]["tag_patterns"]),
        bylines=data["bylines"],
        markers=frozenset(key(m) for m in end["markers"]),
        footer_prefixes=tuple(p.casefold() for p in end["footer_prefixes"]),
        footer_max_words=end["footer_max_words"],
        notices=tuple(re.compile(p, re.IGNORECASE) for p in end["notices"]),
        address=re.compile(rf"^(?:(?P<label>{'|'.join(map(re.escape, data['address']['labels']))})"
                           r"(?:\s+[^\s:/]{1,20}){0,2}\s*:?\s*)?"
                           r"(?P<url>https?://\S+)$", re.IGNORECASE),
        date_chrome=re.compile(data["shape"]["date_line_chrome"], re.IGNORECASE),
        date_marker=re.compile(data["shape"]["date_marker"]),
        section_heading=re.compile(data["shape"]["section_heading"]),
        cut_tail=re.compile(data["shape"]["cut_tail"]),
        author_cell=re.compile(data["bylines"]["author_cell"]),
        source_credit=re.compile(data["bylines"]["source_credit"], re.IGNORECASE),
        gallery_heading=re.compile(data["end"]["gallery_heading"], re.IGNORECASE),
        glued_credit=re.compile(data["bylines"]["glued_credit"]),
        lead_opening=re.compile(data["shape"]["lead_opening"], re.IGNORECASE),
        tagged_lead=re.compile(data["shape"]["tagged_lead"]),
        caption=re.compile(data["shape"]["caption"], re.IGNORECASE),
        person_caption=re.compile(
            rf"^(?:{'|'.join(map(re.escape, data['shape']['caption_honorifics']))})\s+"
            r"(?P<name>(?:[^\W\d_]+\s+){1,4}[^\W\d_]+)\s*[,(\-–—]"),
        caption_openers=tuple(data["shape"]["caption_openers"]),
        inline_tag=re.compile(data["lead"]["inline_tag"]),
        trailing_date=re.compile(data["shape"]["trailing_date"]),
        section_label=_section_label(data["title"]["section_labels"], data["title"]["opening_section_labels"]),
        site_suffix=_site_suffix(data["title"]),
        page_tools=re.compile(rf"(?:\s+(?:{'|'.join(map(re.escape, data['title']['page_tools']))}))+$"),
        dateline_section=re.compile("^(?:" + "|".join(
            r"\s*[-–—]\s*".join(map(re.escape, label.split(" - ")))
            for label in sorted(data["title"]["section_labels"] + data["title"]["dateline_sections"], key=len, reverse=True)
        ) + r")\s+(?=[A-ZĐÀ-Ỹ])"),
    )


def split_dateline(rest: str, rules: Rules) -> list[str]:
    """A stored dump's date line that runs a section, the headline and the lead together ("Lao động Công
    đoàn X chung tay … bão lũ Thiên tai, bão lũ luôn là …"): the headline and the lead as two lines (the section
    dropped). The headline ends where a dated lead opens ("… lần thứ nhất, nhiệm kỳ 2025-2030 Chiều ngày 22/10, …"),
    else at the last capital before the lead's first comma, stop or opening quote. A
    headline alone on the line (its lead split off at an agency tag) loses its section too."""
    section = rules.dateline_section.match(rest)
    shape = rules.shape
    if section is None:
        return [rest]
    if len(rest.split()) <= shape["headline_max_words"]:
        alone = rest[section.end():]  # "Đời sống Đà Nẵng: Hơn 1 tỷ đồng …"
        return [alone] if len(alone.split()) >= shape["headline_min_words"] else [rest]
    body = rest[section.end():]
    for space in re.finditer(r"(?<=\S)\s+(?=[A-ZĐ])", body):  # a dated lead: the headline may hold a comma
        words = len(body[:space.start()].split())
        if words > shape["headline_max_words"]:
            break
        if words >= shape["headline_min_words"] and rules.lead_opening.match(body[space.end():]):
            return [body[:space.start()], body[space.end():]]
    stop = re.search(r"[,.;:!?“”\"(]", body)
    if stop is None:
        return [rest]
    # the lead often opens with the headline's first words again ("Bữa cơm Công đoàn lan tỏa … Bữa cơm Công đoàn do …")
    again = re.compile(rf"(?<=[^\W\d_])\s+(?={re.escape(' '.join(body.split()[:2]))}\s)").search(body, 1, stop.start())
    spaces = list(reversed(list(re.finditer(r"(?<=[^\W\d_])\s+(?=\w)", body[:stop.start()]))))
    for space in ([again] if again else []) + spaces:
        head = body[:space.start()]
        if body[space.end()].isupper() and shape["headline_min_words"] <= len(head.split()) <= shape["headline_max_words"]:
            return [head, body[space.end():]]
    return [rest]


def _section_label(labels: list[str], opening: list[str]) -> re.Pattern[str]:
    """A section name at the start (group ``head``) or at the end of a title; the one-word ``opening``
    names at the start only."""
    names = "|".join(r"\s*[-–—]\s*".join(map(re.escape, label.split(" - "))) for label in labels)
    heads = "|".join([names, *map(re.escape, opening)])
    return re.compile(rf"^(?P<head>(?:{heads})\s+)|\s+(?:{names})$", re.IGNORECASE)


def _site_suffix(title: dict[str, Any]) -> re.Pattern[str]:
    """A site's name printed after the headline: after a dash, a name opening with an opener and a capital ("- Báo
    Lao Động", not "- Báo hiệu …"); after a pipe, a few words ("| VOV.VN"); every word capitalised (checked by the caller)."""
    openers = "|".join(map(re.escape, title["site_suffix_openers"]))
    words = title["site_suffix_max_words"]
    return re.compile(rf"\s+(?:[-–—]\s+(?:{openers})\s+[A-ZĐ0-9][^-–—|]{{0,40}}|\|\s*[^|\s]+(?:\s+[^|\s]+){{0,{words - 1}}})$")


def without_section(title: str, rules: Rules) -> str:
    """The title without a section name printed beside it; one at the start only before a capital
    ("Lao động - Việc làm Điện Bàn: …"), so that a title opening with those words stays whole."""
    suffix = rules.site_suffix.search(title)
    if suffix and len(title[:suffix.start()].split()) >= rules.shape["headline_min_words"] \
            and all(w[0].isupper() or w[0].isdigit() for w in suffix.group().strip(" |-–—").split()):
        title = title[:suffix.start()]  # "… - Báo Lao Động": the site's name from a copied <title>
    tools = rules.page_tools.search(title)
    if tools and len(title[:tools.start()].split()) >= rules.shape["headline_min_words"]:
        title = title[:tools.start()]  # "… năm học 2010-2011 In": the page's print button glued to its headline
    for match in reversed(list(rules.section_label.finditer(title))):
        rest = title[match.end():]
        if match.group("head") is None or (rest[:1].isupper() and len(rest.split()) >= 3):
            title = title[:match.start()] + rest
    return title


def key(text: str) -> str:
    """Comparison form of a short line: case-folded, without trailing colons, arrows and dots."""
    return text.casefold().rstrip(" :.…»›>").strip()


def clean(raw: str) -> str:
    """NFC, one space between words, and table-cell pipes around a caption removed."""
    text = " ".join(unicodedata.normalize("NFC", raw).replace("\u200b", "").replace("\ufeff", "").split())
    if len(text) > 2 and text.startswith("|") and text.endswith("|"):
        text = text[1:-1].strip()
    text = _MD_LINK.sub(r"\1", _MD_STRONG.sub(r"\2", _MD_HEADING.sub("", text)))  # markdown: "# T", "**X**", "[a](u)"
    return _GARBLED_OPENING.sub("", text)


_MD_HEADING = re.compile(r"^#{1,6}\s+")
_MD_STRONG = re.compile(r"(\*\*|__)(\S(?:.*?\S)?)\1")
_MD_LINK = re.compile(r"(?<!!)\[([^\[\]]+)\]\((?:https?://|/)[^()\s]*\)")


# Glyph-font leftovers opening a line: two or more words of one lower-case letter then capitals ("hAF nOOIJ").
_GARBLED_OPENING = re.compile(r"^(?:[a-zđ][A-ZĐ]{2,}\s+){2,}(?=\S)")


@dataclass
class Line:
    number: int
    text: str
    kind: Kind
    words: int = 0
    date: datetime | None = None
    headline: bool = False
    prose: bool = False
    upper: bool = False
    end: str | None = None  # "marker" or "footer" when the line ends the article
    address: re.Match[str] | None = None  # a line giving a URL ("Đường dẫn bài viết: https://…")
    credit: str | None = None  # the names of a date line that credits the article ("Hà Anh | 12/5/2024")
    caption: bool = False  # a photo caption or credit: article text, never a headline
    long: bool = False  # longer than any headline: article text even without final punctuation
    cell: bool = False  # a table cell of a markdown dump ("| … |"): a picture's caption or a related link

    @property
    def article_like(self) -> bool:
        """Text that belongs to an article wherever it stands: prose, a long line, a caption."""
        return self.kind is Kind.TEXT and (self.prose or self.long or self.caption)


def _date_line(text: str, rules: Rules) -> datetime | None:
    """The date of a line that holds a date and little else ("Thứ Tư, ngày 29/05/2024 | 17:22")."""
    text = rules.glyph_prefix.sub("", text)
    for pattern in date_rules()["compiled"]:
        match = pattern.search(text)
        if match is None:
            continue
        rest = rules.date_chrome.sub(" ", text[: match.start()] + " " + text[match.end() :]).split()
        if len(rest) <= rules.shape["date_line_max_other_words"]:
            return parse_vietnamese_date(text)
        return None
    return None


_GLUED_WEEKDAY = re.compile(r"(?<=\w)\s+(?=(?:Thứ\s+(?:[Hh]ai|[Bb]a|[Tt]ư|[Nn]ăm|[Ss]áu|[Bb]ảy)|Chủ nhật)\b)")


def _credited_date(text: str, rules: Rules) -> tuple[datetime, str] | None:
    """A date line that also credits the article: "HẢI THUẬN | BÁO LAO ĐỘNG | 12/05/2024 09:15",
    "Nguyễn Hà (báo Lao Động) 30/12/2025 10:55 (GMT+7)". The parts besides the date (split at "|",
    dashes and brackets) are names: the first gives the byline."""
    for pattern in date_rules()["compiled"]:
        match = pattern.search(text)
        if match is None:
            continue
        # a weekday glued to the writer's name is a part of its own: "Huy Hoàng Thứ ba, ngày 11/11/2025 10:00"
        rest = _GLUED_WEEKDAY.sub(" | ", text[: match.start()]) + " | " + text[match.end() :]
        # a dash left at a part's edge by the date's match is no part of it: "… 17:39 - 91 Lượt xem"
        parts = [p.strip(" -–—") for p in re.split(r"\s*[|()\[\]]\s*|\s+[-–—]\s+", rest) if p.strip(" ,.-–—")]
        parts = [re.sub(rf"^{rules.shape['dateline_writer_label']}", "", p, flags=re.IGNORECASE) for p in parts
                 if not re.fullmatch(rules.shape["dateline_source_part"], p, re.IGNORECASE)]
        parts = [p for p in parts if not re.fullmatch(rules.shape["dateline_noise"], p, re.IGNORECASE)
                 and not rules.date_chrome.fullmatch(p)]  # "91 Lượt xem": a counter, no name
        if parts and all(name_like(p, rules) or re.match(r"(?i)báo\s|theo\s", p) for p in parts) \
                and name_like(parts[0], rules) and parts[0].casefold() not in rules.bylines["kind_labels"]:
            date = parse_vietnamese_date(text)
            first = _without_tag(parts[0], rules)  # "Nhật Hồ LDO | 05/05/2017 15:33"
            return (date, clean_byline(first) or first) if date else None
        return None
    return None


def _end_marker(text: str, words: int, rules: Rules) -> str | None:
    if key(text) in rules.markers:
        return "marker"
    if "|" in text and key(text.strip("| ").split("|")[0]) in rules.markers:
        return "marker"  # the header row of a related-news table: "Các tin liên quan | Ngày đăng |"
    if words <= rules.footer_max_words and text.casefold().startswith(rules.footer_prefixes):
        return "footer"
    return None


def classify(number: int, raw: str, rules: Rules) -> Line:
    text = clean(raw)
    bare = text.lstrip(rules.shape["bullets"]).strip()
    if not bare:
        return Line(number, text, Kind.NOISE if text else Kind.BLANK)
    if any(notice.search(bare) for notice in rules.notices):  # before noise: "(0) Bình luận" is one, and ends it
        return Line(number, bare, Kind.END, len(bare.split()), end="footer")
    if key(bare) in rules.noise or any(p.match(bare) for p in rules.noise_patterns):
        return Line(number, text, Kind.NOISE)
    if bare.isupper() and bare.endswith("!") and len(bare.split()) >= 3:
        return Line(number, text, Kind.NOISE)  # a slogan in capitals: "ĐẢNG CỘNG SẢN VIỆT NAM QUANG VINH MUÔN NĂM!"
    if (address := rules.address.match(bare)) is not None:
        return Line(number, text, Kind.NOISE, address=address)
    words = len(bare.split())
    credited = _credited_date(bare, rules)
    if credited is not None:
        return Line(number, bare, Kind.DATE, words, date=credited[0], credit=credited[1])
    date = _date_line(bare, rules)
    if date is not None:
        return Line(number, bare, Kind.DATE, words, date=date)
    end = _end_marker(bare, words, rules)
    if end is not None:
        return Line(number, bare, Kind.END, words, end=end)
    shape = rules.shape
    tail = text.rstrip(shape["closers"])
    last = tail[-1:] if tail else ""
    ends_sentence = last in shape["sentence_end"]
    caption = rules.caption.search(text) is not None or _person_caption(text, rules) \
        or text.split(maxsplit=1)[0] in rules.shape["continuation_openers"]  # "Và 5 cá nhân … nhận giấy khen"
    lead_like = rules.lead_opening.match(text) is not None or rules.tagged_lead.match(text) is not None
    stamped = rules.trailing_date.search(text)
    if stamped and not lead_like and len(text[:stamped.start()].split()) >= shape["headline_min_words"]:
        date = parse_vietnamese_date(stamped.group())  # "TP.HCM: Phường … khó khăn 30/01/2026 20:46"
        line = classify(number, text[:stamped.start()], rules)
        line.date = line.date or date
        return line
    prose = lead_like or words >= shape["prose_min_words"] and (ends_sentence or SENTENCE_BREAK.search(text) is not None)
    # a table cell: opened by a pipe, or closed by one round headlines run together with no sentence in them
    cell = raw.lstrip().startswith("|") or words > shape["cell_run_min_words"] and not prose and raw.rstrip().endswith("|")
    caption = caption and not (cell and not raw.lstrip().startswith("|"))
    return Line(
        number,
        text,
        Kind.TEXT,
        words,
        headline=shape["headline_min_words"] <= words <= shape["headline_max_words"] and not cell
        and (not ends_sentence or last in shape["headline_end_ok"])
        and last != "," and not caption and not lead_like and not text[:1].islower()
        and not (text[:1] in shape["bullets"] and text[1:2].isspace()),  # "* 2 Nhà giáo …": a list item
        prose=prose,
        upper=text.isupper(),
        caption=caption,
        long=words > shape["headline_max_words"],
        cell=cell,
    )


def _person_caption(text: str, rules: Rules) -> bool:
    """A person named with an apposition: "Bà Trần Thị X, Chủ tịch …" (see ``caption_honorifics``)."""
    match = rules.person_caption.match(text)
    return match is not None and all(word[0].isupper() for word in match.group("name").split())


def name_like(text: str, rules: Rules) -> bool:
    """Capitalised words or initials; letterless joiners ("Hà Anh - Minh Phương") do not count, and one
    letter alone ("Đ", a credit cut short) is no name."""
    tokens = [t for t in text.split() if any(c.isalpha() for c in t)]
    return sum(c.isalpha() for c in text) >= 2 and 0 < len(tokens) <= rules.bylines["name_max_words"] and all(
        _INITIALS.match(t) or t[0].isupper() for t in tokens
    )


def credited_names(text: str, rules: Rules) -> str | None:
    """The names in a closing credit line ("Tin, ảnh: HẢI THUẬN", "Đinh Thị Mai –LĐLĐ huyện X")."""
    if len(text.split()) > rules.bylines["max_words"]:
        return None
    names = html_rules()["bylines"]["regex"].sub("", text, count=1).strip(" .|•·")  # a bullet: "• Lê Hải"
    if re.match(r"\d{1,2}[.)]\s", text.strip()):
        return None  # an item of a numbered list, cut short: "4. Ông Nguyễn Văn"
    tags = {_folded(tag) for tag in rules.bylines["agency_tags"]}
    if _folded(names) in tags:
        return None  # a paper's tag under the headline: "SGGPO"
    names = _without_tag(names, rules)
    if not names.split():
        return None  # a credit label alone ("Ảnh:", "Nguồn:"): no name
    if len(names.split()) == 1 and not ("." in names or names.isupper()):
        return None  # one plain word ("Công", a page cut short) is no credit; "N.Hà", "PV" are
    if names.split(maxsplit=1)[0].casefold() in rules.bylines["not_first_words"]:
        return None  # a weekday or a date word: "THỨ BA, 26/12/2017"
    station = re.fullmatch(r"(?P<names>[^()]+?)\s*\(\s*(?P<outlet>[^()]+?)\s*\)", names)
    if station and names == text.strip(" .|•·") and (name_like(station["names"], rules) or _names_joined(station["names"], rules)) \
            and any(station["outlet"].startswith(opener + " ") for opener in rules.bylines["outlet_line_openers"]):
        return clean_byline(names)  # the writers' own outlet, bracketed: "Thu Hiền - Minh Thái ( Đài Nghĩa Đàn )"
    for separator in rules.bylines["affiliation_separators"]:
        head, found, rest = names.partition(separator)
        spaced = head.endswith(" ") and rest.startswith(" ") or separator == " - "
        rest = rest.strip(" ()")
        # the writer's union office after a spaced dash stays, as the real sets write it ("Bùi Thị B - CĐ ngành
        # Giáo dục", "Ngô Văn C – Chủ tịch Công đoàn các KCN"); seeds-dev cuts one glued to a dash ("Đinh Thị Mai
        # –LĐLĐ huyện X")
        if found and spaced and found.strip() in "-–—" and name_like(head, rules) \
                and re.match(rules.bylines["union_office"], rest) is not None:
            return clean_byline(names)
        if found and rest.isupper() and name_like(rest, rules) and not name_like(head, rules):
            names = rest  # a section before the author: "Công đoàn - QUỐC THẮNG"
        elif found and (not name_like(rest, rules) or rest.split()[0] in rules.bylines["outlet_words"]):
            names = head.strip()  # an affiliation or outlet after the name: "NGUYỄN PHÚC, Từ Báo Bình Định"
    return clean_byline(names) if name_like(names, rules) or _names_joined(names, rules) else None


def given_name_credit(above: str, last: str) -> str | None:
    """A writer credited by a given name alone ("Thanh") under a paragraph that ends a sentence; a plain word under
    anything else is a page cut short ("Di sản" / "Nhân") or chrome, no credit."""
    word = last.strip()
    return word if word.isalpha() and word.istitle() and len(word) > 2 and re.search(r"[.!?…”\"»]$", above.strip()) \
        else None


def outlet_line(text: str, rules: Rules) -> bool:
    """A short line naming the outlet ("Báo Tây Ninh"), printed under the author's name at the end."""
    words = text.split()
    return len(words) <= rules.bylines["outlet_line_max_words"] and not text.rstrip().endswith(".") \
        and any(text.startswith(opener + " ") for opener in rules.bylines["outlet_line_openers"])


def cut_short_marker(text: str, rules: Rules) -> bool:
    """The last line of a copied page that is an end marker cut short ("Tin cùng chuy")."""
    folded = key(text)
    return len(folded) >= 8 and len(folded.split()) >= 2 and any(
        marker.startswith(folded) and marker != folded for marker in rules.markers)


def _folded(text: str) -> str:
    """A tag compared without case or the bar of Đ: "LDO" is "LĐO"."""
    return text.strip(" .|()").casefold().replace("đ", "d")


def _without_tag(names: str, rules: Rules) -> str:
    """The names without the paper's or agency's tag after them: "Nhật Hồ LDO", "MAI CHI - NLĐO", "HỒNG NHUNG
    (TTXVN)", "Thu Hà/TTXVN"."""
    tagged = re.fullmatch(r"(?P<names>.*?\w)\s*(?:[/|–—-]|\s)\s*\(?(?P<tag>[^\s()/]+)\)?", names.strip())
    if tagged and _folded(tagged.group("tag")) in {_folded(tag) for tag in rules.bylines["agency_tags"]} \
            and not re.search(r"\s[-–—]\s", tagged.group("names")):  # "X - Trạm VOV": an affiliation, kept whole
        return tagged.group("names").strip(" -–—|,")
    return names


def _names_joined(text: str, rules: Rules) -> bool:
    """Several authors joined by dashes, each a name ("Mai Chi - Thanh Nga - Hồng Đào - Huỳnh Như"); no
    part opens with an outlet word."""
    parts = re.split(r"\s+[-–—]\s+", text)
    return len(parts) > 1 and all(name_like(p, rules) and len(p.split()) <= 4
                                  and p.split()[0] not in rules.bylines["outlet_words"] for p in parts)


_YEAR = re.compile(r"(?:19|20)\d\d")


def figures_told_only_in(headline: str, others: list[str]) -> bool:
    """The headline prints a figure (not a year) that none of ``others`` (the body's other lines) prints: "Tuyên
    dương 140 cháu …" printed again under the lead as a picture's title is then the fact's one statement."""
    figures = [f.rstrip(".,") for f in re.findall(r"\d[\d.,]*", headline) if not _YEAR.fullmatch(f.rstrip(".,"))]
    return bool(figures) and any(
        not any(re.search(rf"(?<![\d.,]){re.escape(f)}(?![\d]|[.,]\d)", text) for text in others) for f in figures)


PHOTO_NUMBER = re.compile(r"\s*[-–]\s*ảnh\s*\d+\.?$", re.IGNORECASE)  # an alt text: "<headline> - Ảnh 1."


def _unaccented(text: str) -> str:
    """The letters and digits of ``text`` without accents or case: "Cá nhân ngành Điện" -> "ca nhan nganh dien"."""
    plain = unicodedata.normalize("NFD", text.casefold().replace("đ", "d"))
    return " ".join(re.findall(r"[a-z0-9]+", "".join(c for c in plain if not unicodedata.combining(c))))


def untitled_alt_text(text: str, below: list[Line]) -> bool:
    """A picture's alt text opening a page whose headline is not printed ("Tuyên dương … - Ảnh 1."): the headline's
    copy, page chrome as under a printed headline, unless it is the one line that tells its figure (``below``: the
    article's lines under it)."""
    photo = PHOTO_NUMBER.search(text)
    return photo is not None and photo.start() > 0 and not figures_told_only_in(
        text[:photo.start()], [line.text for line in below if line.kind is Kind.TEXT])


def title_copy(text: str, title: str) -> str | None:
    """How a body line copies the headline: "exact", "photo" ("<headline> - Ảnh 1.", a picture's alt text, which
    may be the fact's one statement) or "unaccented" ("7 ca nhan nganh dien …", an alt text or a link's slug: page
    chrome); None when it is no copy."""
    if text.casefold() == title.casefold():
        return "exact"
    photo = PHOTO_NUMBER.search(text)  # the alt text may drop the headline's quotes: words compared
    if photo and re.findall(r"\w+", text[:photo.start()].casefold()) == re.findall(r"\w+", title.casefold()):
        return "photo"
    if text.isascii() and not title.isascii() and _unaccented(text) == _unaccented(title):
        return "unaccented"
    return None


def next_line(lines: list[Line], index: int) -> int | None:
    """Index of the first line after ``index`` that is not blank."""
    return next((i for i in range(index + 1, len(lines)) if lines[i].kind is not Kind.BLANK), None)


def over_its_date(lines: list[Line], index: int) -> bool:
    """The next line after ``index`` is a date line: a headline over "B.H LDO | 20/05/2022 17:53"."""
    following = next_line(lines, index)
    return following is not None and lines[following].kind is Kind.DATE


def quoted_close(text: str) -> bool:
    """A sentence whose full stop the copy lost after a quoted name it ends with ("… được tặng Kỷ niệm chương
    "Vì sự nghiệp …""), its quotes balanced: headlines run together do not end so."""
    quotes = re.findall(r'["“”]', text)
    return text[-1:] in '"”' and len(quotes) % 2 == 0
