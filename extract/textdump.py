"""The article in a plain-text dump of a news page: a line-level boilerplate filter.

A dump (text copied or saved from a browser) holds the whole page: site banners, menus,
visitor counters, the article, teasers of other stories and the footer. Each line is
classified by its shape (length, how it ends, sentence punctuation, capitals, dates) and
by the markers of ``data/lexicon/boilerplate.toml``; the page is then read as

    header (chrome ... title, date)  |  lead ... body ... byline  |  tail (related news, footer)

The lead is the first prose line that follows a headline; the title is that headline; the
tail starts at the first end marker, footer line, or list of other stories after the lead.
Inside the body, noise lines, repeats of the title and glued teaser lines are dropped.
Dates use the formats of ``extract.dates``; credit prefixes ("Tin, ảnh:") are those of the
HTML path (``extract.html.clean_byline``).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime
from enum import Enum
from functools import lru_cache
from typing import Any

from extract.dates import date_rules, parse_vietnamese_date
from extract.html import clean_byline, html_rules
from extract.lexicon import lexicon

# A sentence break inside a line; not the dot of an abbreviation ("TP. Nha Trang", "Q. 3").
_SENTENCE_BREAK = re.compile(r"(?<![A-ZĐ])(?<!\b[A-ZĐ][a-zđ])[.!?…;](?=\s)")
_INITIALS = re.compile(r"^(?:\w{1,3}\.)+\w{0,3}\.?$")


class Kind(Enum):
    BLANK = "blank"
    NOISE = "noise"
    DATE = "date"
    END = "end"
    TEXT = "text"


@dataclass(frozen=True)
class Cut:
    """A line left out of the article, with why (for debugging the filter)."""

    line: int  # 1-based line number in the dump
    reason: str
    text: str


@dataclass
class ParsedDump:
    """The article found in a text dump; ``body`` is empty when none was found."""

    title: str | None
    published_at: datetime | None
    byline: str | None
    body: str
    source_tag: str | None = None  # agency tag cut from the lead: "LĐTĐ", "HNN.VN"
    address: str | None = None  # the page's own URL, from a line that gives it ("Đường dẫn bài viết: https://…")
    cut: list[Cut] = field(default_factory=list)
    problem: str | None = None  # "empty_body" or "listing_page" (the codes of extract.html)


@dataclass(frozen=True)
class _Rules:
    shape: dict[str, Any]
    noise: frozenset[str]
    noise_patterns: tuple[re.Pattern[str], ...]
    glyph_prefix: re.Pattern[str]
    tag_patterns: tuple[re.Pattern[str], ...]
    bylines: dict[str, Any]
    markers: frozenset[str]
    footer_prefixes: tuple[str, ...]
    footer_max_words: int
    address: re.Pattern[str]
    date_chrome: re.Pattern[str]
    date_marker: re.Pattern[str]
    lead_opening: re.Pattern[str]
    caption: re.Pattern[str]
    inline_tag: re.Pattern[str]
    trailing_date: re.Pattern[str]
    section_label: re.Pattern[str]


@lru_cache(maxsize=1)
def boilerplate_rules() -> _Rules:
    data = lexicon("boilerplate")
    lines, end = data["lines"], data["end"]
    glyphs = "|".join(re.escape(g) for g in sorted(lines["glyph_prefixes"], key=len, reverse=True))
    return _Rules(
        shape=data["shape"],
        noise=frozenset(_key(n) for n in lines["noise"]),
        noise_patterns=tuple(re.compile(p, re.IGNORECASE) for p in lines["noise_patterns"]),
        # a glyph name glued to the next word: "ClockThứ" (an upper-case letter or digit follows)
        glyph_prefix=re.compile(rf"^(?:{glyphs})(?=[^\W_a-z])"),
        tag_patterns=tuple(re.compile(p) for p in data["lead"]["tag_patterns"]),
        bylines=data["bylines"],
        markers=frozenset(_key(m) for m in end["markers"]),
        footer_prefixes=tuple(p.casefold() for p in end["footer_prefixes"]),
        footer_max_words=end["footer_max_words"],
        address=re.compile(rf"^(?:(?P<label>{'|'.join(map(re.escape, data['address']['labels']))})"
                           r"(?:\s+[^\s:/]{1,20}){0,2}\s*:?\s*)?"
                           r"(?P<url>https?://\S+)$", re.IGNORECASE),
        date_chrome=re.compile(data["shape"]["date_line_chrome"], re.IGNORECASE),
        date_marker=re.compile(data["shape"]["date_marker"]),
        lead_opening=re.compile(data["shape"]["lead_opening"], re.IGNORECASE),
        caption=re.compile(data["shape"]["caption"], re.IGNORECASE),
        inline_tag=re.compile(data["lead"]["inline_tag"]),
        trailing_date=re.compile(data["shape"]["trailing_date"]),
        section_label=_section_label(data["title"]["section_labels"]),
    )


def _section_label(labels: list[str]) -> re.Pattern[str]:
    """A section name at the start (group ``head``) or at the end of a title."""
    names = "|".join(r"\s*[-–—]\s*".join(map(re.escape, label.split(" - "))) for label in labels)
    return re.compile(rf"^(?P<head>(?:{names})\s+)|\s+(?:{names})$", re.IGNORECASE)


def _without_section(title: str, rules: _Rules) -> str:
    """The title without a section name printed beside it; one at the start only before a capital
    ("Lao động - Việc làm Điện Bàn: …"), so that a title opening with those words stays whole."""
    for match in reversed(list(rules.section_label.finditer(title))):
        rest = title[match.end():]
        if match.group("head") is None or (rest[:1].isupper() and len(rest.split()) >= 3):
            title = title[:match.start()] + rest
    return title


def _key(text: str) -> str:
    """Comparison form of a short line: case-folded, without trailing colons, arrows and dots."""
    return text.casefold().rstrip(" :.…»›>").strip()


def _clean(raw: str) -> str:
    """NFC, one space between words, and table-cell pipes around a caption removed."""
    text = " ".join(unicodedata.normalize("NFC", raw).replace("\u200b", "").replace("\ufeff", "").split())
    if len(text) > 2 and text.startswith("|") and text.endswith("|"):
        text = text[1:-1].strip()
    return text


# -- line classification -------------------------------------------------------------------


@dataclass
class _Line:
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

    @property
    def article_like(self) -> bool:
        """Text that belongs to an article wherever it stands: prose, a long line, a caption."""
        return self.kind is Kind.TEXT and (self.prose or self.long or self.caption)


def _date_line(text: str, rules: _Rules) -> datetime | None:
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


def _credited_date(text: str, rules: _Rules) -> tuple[datetime, str] | None:
    """A date line that also credits the article: "HẢI THUẬN | BÁO LAO ĐỘNG | 12/05/2024 09:15",
    "Nguyễn Hà (báo Lao Động) 30/12/2025 10:55 (GMT+7)". The parts besides the date (split at "|",
    dashes and brackets) are names: the first gives the byline."""
    for pattern in date_rules()["compiled"]:
        match = pattern.search(text)
        if match is None:
            continue
        rest = text[: match.start()] + " | " + text[match.end() :]
        parts = [p.strip() for p in re.split(r"\s*[|()\[\]]\s*|\s+[-–—]\s+", rest) if p.strip(" ,.")]
        parts = [p for p in parts if not re.fullmatch(rules.shape["dateline_noise"], p, re.IGNORECASE)]
        if parts and all(_name_like(p, rules) or re.match(r"(?i)báo\s|theo\s", p) for p in parts) \
                and _name_like(parts[0], rules):
            date = parse_vietnamese_date(text)
            return (date, clean_byline(parts[0]) or parts[0]) if date else None
        return None
    return None


def _end_marker(text: str, words: int, rules: _Rules) -> str | None:
    if _key(text) in rules.markers:
        return "marker"
    if words <= rules.footer_max_words and text.casefold().startswith(rules.footer_prefixes):
        return "footer"
    return None


def _classify(number: int, raw: str, rules: _Rules) -> _Line:
    text = _clean(raw)
    bare = text.lstrip(rules.shape["bullets"]).strip()
    if not bare:
        return _Line(number, text, Kind.NOISE if text else Kind.BLANK)
    if _key(bare) in rules.noise or any(p.match(bare) for p in rules.noise_patterns):
        return _Line(number, text, Kind.NOISE)
    if (address := rules.address.match(bare)) is not None:
        return _Line(number, text, Kind.NOISE, address=address)
    words = len(bare.split())
    credited = _credited_date(bare, rules)
    if credited is not None:
        return _Line(number, bare, Kind.DATE, words, date=credited[0], credit=credited[1])
    date = _date_line(bare, rules)
    if date is not None:
        return _Line(number, bare, Kind.DATE, words, date=date)
    end = _end_marker(bare, words, rules)
    if end is not None:
        return _Line(number, bare, Kind.END, words, end=end)
    shape = rules.shape
    tail = text.rstrip(shape["closers"])
    last = tail[-1:] if tail else ""
    ends_sentence = last in shape["sentence_end"]
    caption = rules.caption.search(text) is not None
    lead_like = rules.lead_opening.match(text) is not None
    stamped = rules.trailing_date.search(text)
    if stamped and not lead_like and len(text[:stamped.start()].split()) >= shape["headline_min_words"]:
        date = parse_vietnamese_date(stamped.group())  # "TP.HCM: Phường … khó khăn 30/01/2026 20:46"
        line = _classify(number, text[:stamped.start()], rules)
        line.date = line.date or date
        return line
    return _Line(
        number,
        text,
        Kind.TEXT,
        words,
        headline=shape["headline_min_words"] <= words <= shape["headline_max_words"]
        and (not ends_sentence or last in shape["headline_end_ok"])
        and last != "," and not caption and not lead_like,
        prose=lead_like or words >= shape["prose_min_words"] and (ends_sentence or _SENTENCE_BREAK.search(text) is not None),
        upper=text.isupper(),
        caption=caption,
        long=words > shape["headline_max_words"],
    )


# -- parts of the page ---------------------------------------------------------------------


def _previous_text(lines: list[_Line], index: int) -> int | None:
    """Index of the nearest TEXT line before ``index``, skipping blank, noise and date lines."""
    for i in range(index - 1, -1, -1):
        if lines[i].kind is Kind.TEXT:
            return i
        if lines[i].kind is Kind.END:
            return None
    return None


def _find_lead(lines: list[_Line]) -> int | None:
    """The first prose line under a headline, preferring one that more prose follows; the first
    line itself when the dump opens inside the article (with prose or a long line)."""
    first = next((i for i, line in enumerate(lines) if line.kind is Kind.TEXT), None)
    if first is not None and (lines[first].prose or lines[first].long) and not lines[first].caption:
        return first
    prose = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT and line.prose]
    if not prose:
        return None
    under_headline = [i for i in prose if (p := _previous_text(lines, i)) is not None and lines[p].headline]
    for i in under_headline:
        following = [line for line in lines[i + 1 :] if line.kind in (Kind.TEXT, Kind.END)][:6]
        for line in following:
            if line.kind is Kind.END:
                break
            if line.prose:
                return i
    return under_headline[0] if under_headline else prose[0]


def _find_title(lines: list[_Line], lead: int, rules: _Rules) -> int | None:
    """The headline nearest above the lead, past author and caption lines; a short ALL-CAPS one (a
    slogan, a section) only when no other."""
    candidates = [i for i in range(lead - 1, -1, -1) if lines[i].kind is Kind.TEXT][:3]
    headlines = [i for i in candidates if lines[i].headline and _credit(lines[i].text, rules) is None]
    mixed = [i for i in headlines if not lines[i].upper or lines[i].words >= rules.shape["caps_title_min_words"]]
    return (mixed or headlines or [None])[0]


def _source_tag(text: str, rules: _Rules) -> re.Match[str] | None:
    """An agency tag opening a line ("(LĐTĐ)", "HNN.VN -", "GD&TĐ -"): upper-case letters before any
    domain; or a paper's name in brackets before a dash, in any case ("(Dân trí) -")."""
    for pattern in rules.tag_patterns:
        match = pattern.match(text)
        if match is None:
            continue
        tag = match.group("tag")
        named = match.group(0).startswith("(") and re.search(r"[-–—]\s*$", match.group(0)) and tag[0].isupper()
        if tag.split(".")[0].isupper() or named:
            return match
    return None


def _find_end(lines: list[_Line], lead: int, title: str | None, rules: _Rules) -> tuple[int, str, set[int]]:
    """Index where the article ends (exclusive) and why: a marker, a footer or a teaser list.

    Teaser lists show as a headline followed by a time stamp or by a summary opening with an
    agency tag, as a headline printed twice (link text, then image alt or heading), or as a run
    of headlines. A teaser list never holds two prose paragraphs in a row: where they follow,
    the article goes on (a photo caption printed twice, or over a credited date line, is no teaser),
    and a run of headlines there is a block of related stories set inside the article: its lines
    are returned to be left out.
    """
    inside: set[int] = set()
    run: list[int] = []
    headlines: dict[str, int] = {} if title is None else {title.casefold(): -1}
    last_text: int | None = lead

    def teasers(at: int, why: str) -> tuple[int, str] | None:
        return None if _article_goes_on(lines, at) else (at, why)

    for i in range(lead + 1, len(lines)):
        line = lines[i]
        found = None
        if line.kind is Kind.END:
            return i, f"tail from {line.end} {line.text!r}", inside
        if line.kind is Kind.DATE and last_text is not None and lines[last_text].headline:
            found = teasers(last_text, "teaser list (headline and time stamp)")
        if line.kind is Kind.TEXT:
            if _source_tag(line.text, rules) and last_text is not None and lines[last_text].headline:
                found = found or teasers(last_text, "teaser list (headline and tagged summary)")
            if line.headline:
                first = headlines.setdefault(line.text.casefold(), i)
                if 0 <= first < i:
                    found = found or teasers(first, "teaser list (repeated headline)")
            last_text = i
        if line.kind in (Kind.TEXT, Kind.DATE):
            listed = line.kind is Kind.DATE or (line.headline and _credit(line.text, rules) is None)
            run = run + [i] if listed else []
            if len(run) >= rules.shape["teaser_run_min"]:
                found = found or teasers(run[0], "teaser list (run of headlines)")
                inside |= set(run) if not found else set()
        if found:
            return *found, inside
    return len(lines), "", inside


def _article_goes_on(lines: list[_Line], start: int) -> bool:
    """Two prose paragraphs in a row follow ``start`` before anything ends the page."""
    previous_prose = False
    for line in lines[start:]:
        if line.kind is Kind.END:
            return False
        if line.kind is not Kind.TEXT:
            continue
        if line.prose and previous_prose:
            return True
        previous_prose = line.prose
    return False


def _name_like(text: str, rules: _Rules) -> bool:
    """Capitalised words or initials; letterless joiners ("Hà Anh - Minh Phương") do not count."""
    tokens = [t for t in text.split() if any(c.isalpha() for c in t)]
    return 0 < len(tokens) <= rules.bylines["name_max_words"] and all(
        _INITIALS.match(t) or t[0].isupper() for t in tokens
    )


def _credit(text: str, rules: _Rules) -> str | None:
    """The names in a closing credit line ("Tin, ảnh: HẢI THUẬN", "Đinh Thị Mai –LĐLĐ huyện X")."""
    if len(text.split()) > rules.bylines["max_words"]:
        return None
    names = html_rules()["bylines"]["regex"].sub("", text, count=1).strip(" .")
    if names.split(maxsplit=1)[0].casefold() in rules.bylines["not_first_words"]:
        return None  # a weekday or a date word: "THỨ BA, 26/12/2017"
    for separator in rules.bylines["affiliation_separators"]:
        head, found, rest = names.partition(separator)
        rest = rest.strip(" ()")
        if found and rest.isupper() and _name_like(rest, rules) and not _name_like(head, rules):
            names = rest  # a section before the author: "Công đoàn - QUỐC THẮNG"
        elif found and (not _name_like(rest, rules) or rest.split()[0] in rules.bylines["outlet_words"]):
            names = head.strip()  # an affiliation or outlet after the name: "NGUYỄN PHÚC, Từ Báo Bình Định"
    return clean_byline(names) if _name_like(names, rules) else None


# -- the whole page ------------------------------------------------------------------------


def _unglued(raw: list[str], rules: _Rules) -> list[str]:
    """Lines with a headline glued to its lead split apart at the agency tag between them:
    "Điện Bàn: Thành lập CĐCS ... (QNO) - Chiều 18/5, ..." gives the headline, then the lead."""
    out: list[str] = []
    for line in raw:
        glued = rules.inline_tag.search(line)
        if glued and glued.start() > 0 and line[:glued.start()].strip():
            out += [line[:glued.start()].rstrip(), line[glued.start():].lstrip()]
        else:
            out.append(line)
    return out


def _without_date_marker(raw: list[str], rules: _Rules) -> tuple[list[str], datetime | None]:
    """The lines with a leading date marker ("date 2025-10-26 ...") cut, and its date: with its day,
    or with the day the first line's "d/m" gives in that month ("date 2023-10 Chiều 3/10, ...")."""
    first = next((i for i, line in enumerate(raw) if line.strip()), None)
    marker = rules.date_marker.match(raw[first]) if first is not None else None
    if marker is None:
        return raw, None
    rest = raw[first][marker.end():]
    year, month = int(marker.group("y")), int(marker.group("m"))
    day = int(marker.group("d")) if marker.group("d") else None
    if day is None and (dm := re.search(r"(?<![\d/])(\d{1,2})\s*[/.-]\s*(\d{1,2})(?![\d/])", rest[:80])):
        day = int(dm.group(1)) if int(dm.group(2)) == month else None
    try:
        date = datetime(year, month, day) if day else None
    except ValueError:
        date = None
    return [*raw[:first], rest, *raw[first + 1:]], date


def _article_start(lines: list[_Line], lead: int, title_at: int | None) -> tuple[int, int | None]:
    """Where the article text starts, and the title line (None when the "title" stands inside the
    article). Captions and long lines between the title and the lead belong to the article; and a
    dump whose text above the title is article text (prose, long lines, captions) opens inside the
    article, so its "title" is a caption or subheading and nothing before it is dropped."""
    start = lead
    for i in range(lead - 1, -1 if title_at is None else title_at, -1):
        if lines[i].kind is Kind.TEXT:
            if not lines[i].article_like:
                break
            start = i
    if title_at is None:
        return start, None
    above = [i for i in range(title_at) if lines[i].kind in (Kind.TEXT, Kind.END)]
    opening = None
    for i in reversed(above):
        if not lines[i].article_like:
            break
        opening = i
    if opening is not None and any(lines[i].prose or lines[i].long for i in above if i >= opening):
        return opening, None
    return start, title_at


def _read_header(lines: list[_Line], lead: int, cut: list[Cut], rules: _Rules) -> tuple[int, str | None, datetime | None, str | None]:
    """Where the article starts, its title, date (the one nearest the title) and an author line
    under the title; every line before the start goes to ``cut``."""
    start, title_at = _article_start(lines, lead, _find_title(lines, lead, rules))
    dates = [i for i in range(start) if lines[i].kind is Kind.DATE]
    anchor = start if title_at is None else title_at
    date_at = min(dates, key=lambda i: abs(i - anchor)) if dates else None
    author = None
    for i in range(start):
        if lines[i].kind is not Kind.BLANK:
            credit = _credit(lines[i].text, rules) if title_at is not None and i > title_at \
                and lines[i].kind is Kind.TEXT else None
            author = author or credit
            reason = "title" if i == title_at else "date" if i == date_at else "byline" if credit else "page header"
            cut.append(Cut(lines[i].number, reason, lines[i].text))
    title = None if title_at is None else _without_section(lines[title_at].text, rules)
    date = lines[date_at].date if date_at is not None else lines[title_at].date if title_at is not None else None
    return start, title, date, author


def parse_text_dump(text: str) -> ParsedDump:
    """Title, publication time, byline and body of the article in a plain-text page dump."""
    rules = boilerplate_rules()
    raw_lines, marker_date = _without_date_marker(_unglued(text.splitlines(), rules), rules)
    lines = [_classify(n, raw, rules) for n, raw in enumerate(raw_lines, start=1)]
    cut: list[Cut] = []
    lead = _find_lead(lines)
    if lead is None:
        cut = [Cut(line.number, "no prose", line.text) for line in lines if line.kind is not Kind.BLANK]
        return ParsedDump(title=None, published_at=None, byline=None, body="", cut=cut, problem="empty_body")

    start, title, published, author = _read_header(lines, lead, cut, rules)
    published = published or marker_date
    end, why, related = _find_end(lines, lead, title, rules)
    kept: list[_Line] = []
    last_text = max((i for i, line in enumerate(lines) if line.kind is Kind.TEXT), default=-1)
    for i in range(start, end):
        line = lines[i]
        reason = "related stories inside the article" if i in related else \
            _body_noise(line, title, kept, rules, edge=i in (start, last_text))
        if reason is None:
            kept.append(line)
        elif line.kind is not Kind.BLANK:
            cut.append(Cut(line.number, reason, line.text))
            if line.kind is Kind.DATE and published is None:
                published = line.date

    paragraphs = [line.text for line in kept]
    source_tag = None
    tag = _source_tag(paragraphs[0], rules) if paragraphs else None
    if tag:
        source_tag = tag.group("tag")
        cut.append(Cut(kept[0].number, "source tag", tag.group(0).strip()))
        paragraphs[0] = paragraphs[0][tag.end() :]
    if len(paragraphs) > 2 and re.fullmatch(r"\([^()]{1,60}\)", paragraphs[-1]) and _credit(paragraphs[-2], rules):
        cut.append(Cut(kept.pop().number, "affiliation of the byline", paragraphs.pop()))  # "Bá Mạnh" / "(LĐLĐ tỉnh)"
    byline = _credit(paragraphs[-1], rules) if len(paragraphs) > 1 else None
    if byline:
        cut.append(Cut(kept[-1].number, "byline", paragraphs.pop()))
    byline = byline or author or next((line.credit for line in lines[:start] if line.credit), None) \
        or next((line.credit for line in lines if line.credit and line.date == published), None)
    if byline and len(paragraphs) > 1 and re.fullmatch(r"\([^()]{1,60}\)", paragraphs[-1]):
        cut.append(Cut(kept[len(paragraphs) - 1].number, "affiliation of the byline", paragraphs.pop()))
    addresses = [line.address for line in lines if line.address]
    address = next((a for a in addresses if a.group("label")), addresses[0] if addresses else None)

    cut.extend(Cut(line.number, why, line.text) for line in lines[end:] if line.kind is not Kind.BLANK)
    body = "\n".join(paragraphs)
    # A listing page reads as one teaser summary under a headline, then more teasers.
    listing = (
        why.startswith("teaser list")
        and len(paragraphs) == 1
        and len(body.split()) < rules.shape["listing_max_words"]
    )
    return ParsedDump(
        title=title,
        published_at=published,
        byline=byline,
        body=body,
        source_tag=source_tag,
        address=address.group("url") if address else None,
        cut=sorted(cut, key=lambda c: c.line),
        problem="listing_page" if listing else None if body else "empty_body",
    )


@dataclass
class TidyBody:
    """A page body with its furniture left out (see :func:`tidy_page_body`)."""

    body: str
    byline: str | None = None
    source_tag: str | None = None


def tidy_page_body(body: str) -> TidyBody:
    """The same line rules on a body another extractor found (a saved HTML page): page furniture
    before the article ("Tải ứng dụng:", a short line of capitals), everything from a page-end line
    on, noise lines, the agency tag opening the lead ("(PLO)-") and a closing credit ("Hà Thu
    (tổng hợp)", which gives the byline) are left out."""
    rules = boilerplate_rules()
    lines = [_classify(n, raw, rules) for n, raw in enumerate(body.splitlines(), start=1)]
    prose = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT and line.prose]
    opening = prose[1] if len(prose) > 1 else len(lines)  # furniture may stand among the lead lines

    def furniture(i: int) -> bool:
        line = lines[i]
        return line.kind in (Kind.BLANK, Kind.NOISE, Kind.DATE) or i < opening and (
            line.kind is Kind.END or line.upper and line.words <= rules.shape["headline_min_words"] + 5)

    end = next((i for i in range(opening, len(lines)) if lines[i].kind is Kind.END), len(lines))
    texts = [lines[i].text for i in range(end) if not furniture(i) and lines[i].kind is Kind.TEXT]
    tag = _source_tag(texts[0], rules) if texts else None
    if tag:
        texts[0] = texts[0][tag.end():]
    byline = _credit(texts[-1], rules) if len(texts) > 1 else None
    if byline:
        texts.pop()
    return TidyBody("\n".join(texts), byline, tag.group("tag") if tag else None)


def _body_noise(line: _Line, title: str | None, kept: list[_Line], rules: _Rules, edge: bool) -> str | None:
    """Why a line between the lead and the end is not article text, or None when it is."""
    if line.kind is Kind.BLANK:
        return "blank"
    if line.kind is Kind.NOISE:
        return "noise"
    if line.kind is Kind.DATE:
        return "date"
    if title and line.text.casefold() == title.casefold():
        return "repeated title"
    if kept and (line.text == kept[-1].text or line.headline and any(k.text == line.text for k in kept)):
        return "repeated line"  # a photo caption printed twice (image text, then caption)
    if not line.prose and line.long and not line.caption and not edge:
        return "teaser (headlines run together)"  # a sapo without a full stop, a last line cut short: article
    return None
