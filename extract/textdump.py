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
from dataclasses import dataclass, field
from datetime import datetime

from extract.dump_body import body_noise
from extract.dump_lines import (Cut, Kind, Line, Rules, boilerplate_rules, classify, credited_names, cut_short_marker,
                                figures_told_only_in, next_line, over_its_date, split_dateline, title_copy,
                                untitled_alt_text, without_section)
from extract.dump_marks import (mark_captions, mark_long_headlines, mark_opening_headline, mark_repeated_headline,
                                mark_split_headline, mark_stopped_headline, mark_teaser_box)
from extract.dump_tail import closing_credit
from extract.html import html_rules


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


# -- parts of the page ---------------------------------------------------------------------


def _previous_text(lines: list[Line], index: int, rules: Rules | None = None) -> int | None:
    """Index of the nearest TEXT line before ``index``, skipping blank, noise and date lines (and,
    given the rules, an author line under a headline: "MAI CHI", "Hà Anh - Minh Phương")."""
    for i in range(index - 1, -1, -1):
        if lines[i].kind is Kind.TEXT and rules is not None and not lines[i].prose \
                and credited_names(lines[i].text, rules) is not None:
            continue
        if lines[i].kind is Kind.TEXT:
            return i
        if lines[i].kind is Kind.END:
            return None
    return None


def _text_above(lines: list[Line], index: int, rules: Rules) -> int | None:
    """The nearest text line above ``index`` past the captions of a picture set between a headline and its lead."""
    above = _previous_text(lines, index, rules)
    while above is not None and lines[above].caption:
        above = _previous_text(lines, above, rules)
    return above


def _find_lead(lines: list[Line], rules: Rules, glued: frozenset[int] | set[int] = frozenset()) -> int | None:
    """The first prose line under a headline, preferring one that more prose follows; the first
    line itself when the dump opens inside the article (with prose or a long line). A headline
    split from its dated lead (``glued``) heads the article only above all other prose: further
    down it is a related story's teaser."""
    first = next((i for i, line in enumerate(lines) if line.kind is Kind.TEXT), None)
    if first is not None and (lines[first].prose or lines[first].long) and not lines[first].caption \
            and not _dated_headline_after(lines, first):
        return first
    prose = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT and line.prose]
    # a line printed again further on (a slogan of two page headers, desktop and mobile) is no lead
    at: dict[str, list[int]] = {}
    for i in prose:
        at.setdefault(lines[i].text, []).append(i)
    prose = [i for i in prose if at[lines[i].text][-1] - at[lines[i].text][0] <= 2] or prose
    if not prose:
        return None
    under_headline = [i for i in prose if (p := _text_above(lines, i, rules)) is not None and lines[p].headline
                      and not (p in glued and i > prose[0])]
    for i in under_headline:
        following = [line for line in lines[i + 1 :] if line.kind in (Kind.TEXT, Kind.END)][:6]
        for line in following:
            if line.kind is Kind.END:
                break
            if line.prose:
                return i
    return under_headline[0] if under_headline else prose[0]


def _dated_headline_after(lines: list[Line], index: int) -> bool:
    """A headline over its date line comes next: the line at ``index`` is the caption of the picture
    printed over the headline ("Lãnh đạo X trao quà …." / headline / "B.H LDO | 20/05/2022 17:53")."""
    after = next_line(lines, index)
    return after is not None and lines[after].kind is Kind.TEXT and lines[after].headline and over_its_date(lines, after)


_TAG_ALONE = re.compile(r"\([^()]{2,30}\)\s*[-–—]")  # "(VTC News) -" alone on its line: the lead's tag, no headline


def _find_title(lines: list[Line], lead: int, rules: Rules) -> int | None:
    """The headline nearest above the lead, past author lines, captions and table cells (related
    links set between the headline and the lead); a short ALL-CAPS one (a slogan, a section) only
    when no other."""
    candidates = [i for i in range(lead - 1, -1, -1) if lines[i].kind is Kind.TEXT and not lines[i].caption
                  and not lines[i].cell and not _TAG_ALONE.fullmatch(lines[i].text)][:3]
    headlines = [i for i in candidates if lines[i].headline and credited_names(lines[i].text, rules) is None]
    mixed = [i for i in headlines if not lines[i].upper or lines[i].words >= rules.shape["caps_title_min_words"]]
    return (mixed or headlines or [None])[0]


def _source_tag(text: str, rules: Rules) -> re.Match[str] | None:
    """An agency tag opening a line ("(LĐTĐ)", "HNN.VN -", "GD&TĐ -"): upper-case letters before any
    domain; or a paper's name in brackets before a dash, in any case ("(Dân trí) -")."""
    for pattern in rules.tag_patterns:
        match = pattern.match(text)
        if match is None:
            continue
        tag = match.group("tag")
        named = match.group(0).startswith("(") and re.search(r"[-–—]\s*$", match.group(0)) and tag[0].isupper()
        if tag.split(".")[0].isupper() or named or match.groupdict().get("paper"):
            return match
    return None


def _find_end(lines: list[Line], lead: int, title: str | None, rules: Rules) -> tuple[int, str, set[int]]:
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
        if re.fullmatch(r"\s*[-_=—–]{10,}\s*", line.text) and not any(
                credited_names(x.text, rules) for x in lines[i + 1:i + 3] if x.kind is Kind.TEXT):
            return i, "tail after a separator rule (another item follows)", inside
        if line.kind is Kind.DATE and last_text is not None and lines[last_text].headline:
            found = teasers(last_text, "teaser list (headline and time stamp)")
        if line.kind is Kind.TEXT and line.text.startswith(tuple(rules.bylines["closing_credit_openers"])) \
                and credited_names(line.text, rules) and html_rules()["bylines"]["regex"].match(line.text) \
                and i + 1 < len(lines):
            return i + 1, f"tail after the closing credit {line.text!r}", inside
        if line.kind is Kind.TEXT and credited_names(line.text, rules) and _teasers_cut_short(lines, i + 1):
            return i + 1, f"tail after the closing credit {line.text!r} (teasers cut short follow)", inside
        if line.kind is Kind.TEXT:
            if _source_tag(line.text, rules) and last_text is not None and lines[last_text].headline:
                found = found or teasers(last_text, "teaser list (headline and tagged summary)")
            if line.headline:
                first = headlines.setdefault(line.text.casefold(), i)
                if 0 <= first < i:
                    found = found or teasers(first, "teaser list (repeated headline)")
            last_text = i
        if line.kind in (Kind.TEXT, Kind.DATE):
            listed = line.kind is Kind.DATE or (line.headline and credited_names(line.text, rules) is None)
            run = run + [i] if listed else []
            if len(run) >= rules.shape["teaser_run_min"]:
                found = found or teasers(run[0], "teaser list (run of headlines)")
                inside |= set(run) if not found else set()
        if found:
            return *found, inside
    return len(lines), "", inside


def _teasers_cut_short(lines: list[Line], start: int) -> bool:
    """The next two text lines are teasers cut short ("Sáng 5/3, Thường trực HĐND … đánh giá…")."""
    following = [line.text for line in lines[start:] if line.kind is Kind.TEXT][:2]
    return len(following) == 2 and all(text.endswith(("…", "...")) for text in following)


def _the_one_story(lines: list[Line], lead: int, end: int, why: str) -> int | None:
    """The tagged lead of the page's one story, when a dump opens with a lone paragraph over a headline and its
    tagged lead ("TT - Sáng 25-7, …") and nothing but chrome follows: no teaser list, however it looked."""
    if not why.startswith("teaser list (headline and tagged summary)"):
        return None
    before = [i for i in range(lead, end) if lines[i].kind is Kind.TEXT]
    summary = next((i for i in range(end + 1, len(lines)) if lines[i].kind is Kind.TEXT), None)
    if len(before) != 1 or summary is None or not lines[summary].prose:
        return None
    after = [line for line in lines[summary + 1:] if line.kind is Kind.TEXT]
    return None if any(line.prose or line.long for line in after) else summary


def _article_goes_on(lines: list[Line], start: int) -> bool:
    """Two paragraphs in a row follow ``start`` before anything ends the page: a prose one, then one of prose or one
    longer than any headline (the article's last paragraph may have lost its full stop)."""
    previous_prose = False
    for line in lines[start:]:
        if line.kind is Kind.END:
            return False
        if line.kind is not Kind.TEXT:
            continue
        if (line.prose or line.long and not line.caption) and previous_prose:
            return True
        previous_prose = line.prose
    return False


# -- the whole page ------------------------------------------------------------------------


def _dated_lead_at(line: str, rules: Rules) -> int | None:
    """Where a dated lead ("Ngày 28.7.1929, …", "Sáng 7-2, …") starts inside a line, right after a
    headline-shaped stretch: capitalised words with no sentence punctuation ("Tổng LĐLĐ … lần thứ ba
    Ngày 28.7.1929, tại …")."""
    marker = rules.date_marker.match(line)  # "date 2019-07 <headline> Ngày …" in a stored dump
    for space in re.finditer(r"(?<=[^\W_])\s+(?=[A-ZĐ])", line):
        at = space.end()
        head = line[marker.end() if marker else 0:at].strip()
        words = len(head.split())
        if words < rules.shape["headline_min_words"] or words > rules.shape["headline_max_words"]:
            continue
        tagged = re.match(r"\(?[A-ZĐ][A-ZĐ.&]{1,10}\)?\s*[-–—]\s", line[at:])  # "… mưa lũ ĐNO - Ngày 31/10, …"
        # with an agency tag before the lead, a colon is the headline's own ("Đà Nẵng: Hơn 1 tỷ đồng … ĐNO - Chiều …")
        if rules.lead_opening.match(line[at:]) and not re.search(r"[.!?;]\s" if tagged else r"[.!?;:,]\s", head) \
                and head[:1].isupper():
            return at
    return None


def _under_headline(previous: list[str], rules: Rules) -> bool:
    """The last non-blank line is a headline: a line under it that opens with a headline-shaped stretch
    is the article's first line, a subheading run into the lead ("Đại hội CĐCS Ngày 14/3, …")."""
    last = next((line for line in reversed(previous) if line.strip()), None)
    return last is not None and classify(0, last, rules).headline


def _unglued(raw: list[str], rules: Rules) -> tuple[list[str], set[int]]:
    """Lines with a headline glued to its lead split apart at the agency tag between them ("Điện
    Bàn: Thành lập CĐCS ... (QNO) - Chiều 18/5, ..." gives the headline, then the lead), or at a
    dated lead that follows a headline-shaped stretch (not under a headline); and the indices of the headlines split off
    at a dated lead (inside the body, such a pair is a related story's teaser)."""
    out: list[str] = []
    heads: set[int] = set()
    for line in raw:
        glued = rules.inline_tag.search(line)
        if glued and glued.start() > 0 and line[:glued.start()].strip():
            out += [line[:glued.start()].rstrip(), line[glued.start():].lstrip()]
        elif (at := _dated_lead_at(line, rules)) is not None and not _under_headline(out, rules):
            heads.add(len(out))
            out += [line[:at].rstrip(), line[at:].lstrip()]
        else:
            out.append(line)
    return out, heads


def _without_date_marker(raw: list[str], rules: Rules) -> tuple[list[str], datetime | None]:
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
    return [*raw[:first], *split_dateline(rest, rules), *raw[first + 1:]], date


def credit_line(text: str) -> bool:
    return credited_names(text, boilerplate_rules()) is not None


def _article_start(lines: list[Line], lead: int, title_at: int | None, rules: Rules) -> tuple[int, int | None]:
    """Where the article text starts, and the title line (None when the "title" stands inside the
    article). Captions and long lines between the title and the lead belong to the article, and so does
    a numbered section heading right over the lead ("1. Đại hội công đoàn cơ sở."); and a
    dump whose text above the title is article text (prose, long lines, captions) opens inside the
    article, so its "title" is a caption or subheading and nothing before it is dropped; but captions
    under page chrome are those of the picture printed over the headline."""
    start, above_lead = lead, _previous_text(lines, lead)
    for i in range(lead - 1, -1 if title_at is None else title_at, -1):
        if lines[i].kind is Kind.TEXT and i == above_lead \
                and rules.section_heading.match(lines[i].text) is not None:
            start = i
        elif lines[i].kind is Kind.TEXT:
            if not lines[i].article_like or lines[i].cell and not lines[i].prose \
                    or lines[i].words <= 3 and credit_line(lines[i].text) or _author_cell(lines[i].text, rules):
                break  # the author under the headline ("D.LỆ |", in a table cell) ends the header
            start = i
    if title_at is None:
        return start, None
    above = [i for i in range(title_at) if lines[i].kind in (Kind.TEXT, Kind.END)]
    seen = [lines[i].text for i in above]
    opening = None
    for i in reversed(above):
        if not lines[i].article_like or seen.count(lines[i].text) > 1:
            break  # a line printed twice above the headline (a slogan of two page headers) is chrome
        opening = i
    # captions alone under page chrome are the picture over the headline, not the article's text; and so is any
    # text over a headline printed over its date line
    if opening is not None and not over_its_date(lines, title_at) and any((lines[i].prose or lines[i].long) and (not lines[i].caption or opening == above[0])
                                   for i in above if i >= opening):
        headline = max((i for i in range(opening) if lines[i].kind is Kind.TEXT), default=None)
        if headline is not None and lines[headline].headline and over_its_date(lines, headline):
            return opening, headline  # "<headline> / (09:25, 27/10/2020) / GD&TĐ - Đến …": the article's own headline
        return opening, None
    return start, title_at


def _author_cell(text: str, rules: Rules) -> str | None:
    """An author's name alone in a table cell under the headline, in any case: "linh nguyên |"."""
    return text.rstrip(" |") if rules.author_cell.fullmatch(text) else None


def _headline_between_copies(lines: list[Line], lead: int) -> int | None:
    """A sapo printed both over and under the headline (the dump opens with it): that headline, which
    stands inside the article's first lines, is its title."""
    texts = [i for i in range(lead + 1, len(lines)) if lines[i].kind is Kind.TEXT][:4]
    again = next((k for k, i in enumerate(texts) if lines[i].text == lines[lead].text), None)
    heads = [i for i in texts[:again] if lines[i].headline and not lines[i].caption] if again else []
    return heads[0] if len(heads) == 1 else None


def _headline_over_credit(lines: list[Line], at: int, rules: Rules) -> int | None:
    """The headline over the authors' credit in capitals over the line at ``at``: "<headline> / CAO HƯỜNG - HUỲNH NHƯ /
    <sapo without a full stop> / <lead>" (the sapo, headline-shaped, is no title; a place credited in ordinary case,
    "Gia Lai", under a section's name is no such layout)."""
    above = [i for i in range(at - 1, -1, -1) if lines[i].kind is Kind.TEXT][:2]
    if len(above) == 2 and lines[above[0]].upper and credited_names(lines[above[0]].text, rules) and lines[above[1]].headline \
            and credited_names(lines[above[1]].text, rules) is None and not lines[above[1]].caption:
        return above[1]
    return None


def _read_header(lines: list[Line], lead: int, cut: list[Cut], rules: Rules) -> tuple[int, str | None, datetime | None, str | None]:
    """Where the article starts, its title, date (the one nearest the title) and an author line
    under the title; every line before the start goes to ``cut``."""
    start, title_at = _article_start(lines, lead, _find_title(lines, lead, rules), rules)
    if title_at is not None and (headline := _headline_over_credit(lines, title_at, rules)) is not None:
        start, title_at = title_at, headline  # the line taken for the title is the sapo under the authors' credit
    if title_at is None and start == lead:
        title_at = _headline_between_copies(lines, lead)
    dates = [i for i in range(start) if lines[i].kind is Kind.DATE]
    anchor = start if title_at is None else title_at
    # the nearest date; of two as near, the one under the title (the article's own line, not the page header's)
    date_at = min(dates, key=lambda i: (abs(i - anchor), i < anchor)) if dates else None
    author = None
    for i in range(start):
        if lines[i].kind is not Kind.BLANK:
            credit = credited_names(lines[i].text, rules) or _author_cell(lines[i].text, rules) \
                if title_at is not None and i > title_at and lines[i].kind is Kind.TEXT else None
            author = author or credit
            reason = "title" if i == title_at else "date" if i == date_at else "byline" if credit else "page header"
            cut.append(Cut(lines[i].number, reason, lines[i].text))
    title = None if title_at is None else without_section(lines[title_at].text, rules)
    date = lines[date_at].date if date_at is not None else lines[title_at].date if title_at is not None else None
    return start, title, date, author


def parse_text_dump(text: str) -> ParsedDump:
    """Title, publication time, byline and body of the article in a plain-text page dump."""
    rules = boilerplate_rules()
    unglued, glued_heads = _unglued(text.splitlines(), rules)
    raw_lines, marker_date = _without_date_marker(unglued, rules)
    lines = [classify(n, raw, rules) for n, raw in enumerate(raw_lines, start=1)]
    mark_captions(lines, rules)
    mark_long_headlines(lines, rules)
    mark_opening_headline(lines, rules)
    mark_stopped_headline(lines, rules)
    mark_split_headline(lines, rules)
    mark_repeated_headline(lines, rules)
    mark_teaser_box(lines)
    last = next((line for line in reversed(lines) if line.kind is not Kind.BLANK), None)
    if last is not None and last.kind is Kind.TEXT and cut_short_marker(last.text, rules):
        last.kind, last.end = Kind.END, "marker"
    cut: list[Cut] = []
    lead = _find_lead(lines, rules, glued_heads)
    texts = [i for i, line in enumerate(lines) if line.kind is not Kind.BLANK]
    if lead is None and len(texts) == 1 and lines[texts[0]].kind is Kind.TEXT \
            and lines[texts[0]].words >= rules.shape["prose_min_words"]:
        lead = texts[0]  # a stored copy that kept one line of its article and nothing else: that line is the text
    if lead is None:
        cut = [Cut(line.number, "no prose", line.text) for line in lines if line.kind is not Kind.BLANK]
        return ParsedDump(title=None, published_at=None, byline=None, body="", cut=cut, problem="empty_body")

    start, title, published, author = _read_header(lines, lead, cut, rules)
    end, why, related = _find_end(lines, lead, title, rules)
    if (story := _the_one_story(lines, lead, end, why)) is not None:
        # a paragraph out of place over the page's one headline and its tagged lead: the story starts at its headline
        cut += [Cut(lines[i].number, "a paragraph over the page's one headline", lines[i].text)
                for i in range(start, end) if lines[i].kind is not Kind.BLANK]
        cut.append(Cut(lines[end].number, "title", lines[end].text))
        lead = start = story
        title = without_section(lines[end].text, rules)
        end, why, related = _find_end(lines, lead, title, rules)
    published = published or marker_date
    related |= {i for head in glued_heads if head > lead for i in (head, head + 1)}  # a teaser glued to its lead
    kept: list[Line] = []
    last_text = max((i for i, line in enumerate(lines) if line.kind is Kind.TEXT), default=-1)
    for i in range(start, end):
        line = lines[i]
        reason = "related stories inside the article" if i in related else \
            body_noise(line, title, kept, rules, edge=i in (start, last_text))
        if reason == "repeated title" and any(x.text == title for x in lines[:start]) and title not in [k.text for k in kept] \
                and figures_told_only_in(title, [x.text for x in lines[start:end] if x.kind is Kind.TEXT
                                              and not title_copy(x.text, title)]):
            reason = None  # the headline printed again under the lead, the one line that tells its figure
        if reason is None and title is None \
                and untitled_alt_text(line.text, [x for x in lines[start:end] if x is not line]):
            where = "over the lead" if i == start else "inside the article"  # NLĐ prints it under the first paragraph
            reason = f"a picture's alt text {where} (no headline printed)"
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
    elif paragraphs and (dash := re.match(r"[-–—*•]\s+(?=[^\W\d_])", paragraphs[0])) and paragraphs[0][dash.end()].isupper():
        cut.append(Cut(kept[0].number, "source tag", dash.group().strip()))  # " - Giải …", "* Chiều …": a dash, a bullet
        paragraphs[0] = paragraphs[0][dash.end() :]
    byline = closing_credit(paragraphs, kept, cut, rules)
    byline = byline or author or next((line.credit for line in lines[:start] if line.credit), None) \
        or next((line.credit for line in lines if line.credit and line.date == published), None)
    if byline and len(paragraphs) > 1 and re.fullmatch(r"\([^()]{1,60}\)", paragraphs[-1]):
        cut.append(Cut(kept[len(paragraphs) - 1].number, "affiliation of the byline", paragraphs.pop()))
    if paragraphs and (tail := rules.cut_tail.search(paragraphs[-1])) is not None:
        cut.append(Cut(kept[len(paragraphs) - 1].number, "a sentence cut after its first letter", tail.group().strip()))
        paragraphs[-1] = paragraphs[-1][:tail.start()]
    addresses = [line.address for line in lines if line.address]
    address = next((a for a in addresses if a.group("label")), addresses[0] if addresses else None)

    cut.extend(Cut(line.number, why, line.text) for line in lines[end:] if line.kind is not Kind.BLANK)
    body = "\n".join(paragraphs)
    # A listing page reads as one teaser summary under a headline, then more teasers.
    listing = why.startswith("teaser list") and len(paragraphs) == 1 and len(body.split()) < rules.shape["listing_max_words"]
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
    lines = [classify(n, raw, rules) for n, raw in enumerate(body.splitlines(), start=1)]
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
    byline = credited_names(texts[-1], rules) if len(texts) > 1 else None
    if byline:
        texts.pop()
    return TidyBody("\n".join(texts), byline, tag.group("tag") if tag else None)
