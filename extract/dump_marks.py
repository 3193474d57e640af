"""Marks set on a text dump's classified lines from their neighbours: captions that go on, headlines that a
line's shape alone hides (long, stopped, printed twice), a box of related stories under the headline."""

from __future__ import annotations

import re
from itertools import takewhile

from extract.dump_lines import PHOTO_NUMBER, SENTENCE_BREAK, Kind, Line, Rules, key, next_line, over_its_date


def mark_captions(lines: list[Line], rules: Rules) -> None:
    """Captions known from their neighbours: a line opening in lower case under a caption goes on with it
    ("Đ/c X, Trưởng ban …" / "và đ/c Y tặng quà …"), a headline-shaped line under a picture's alt text is its
    caption; and a dump that opens, with no page header, on a line opening like a caption ("Lãnh đạo …", "Đoàn chủ
    tịch …") that no dated lead follows was copied from inside the article: that line is a caption, not the title."""
    texts = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT]
    for before, i in zip(texts, texts[1:]):
        if lines[before].caption and lines[i].text[:1].islower() and i - before <= 2:
            lines[i].caption, lines[i].headline = True, False
        elif lines[i].headline and i - before <= 2 and (alt := PHOTO_NUMBER.search(lines[before].text)) and alt.start():
            lines[i].caption, lines[i].headline = True, False  # under a picture's alt text ("… - Ảnh 1."): its caption
    opening = next((i for i, line in enumerate(lines) if line.kind in (Kind.TEXT, Kind.END)), None)
    if opening is None or lines[opening].kind is not Kind.TEXT or not lines[opening].headline:
        return
    first = lines[opening]
    following = next((lines[i] for i in texts if i > opening), None)
    if first.text.startswith(rules.caption_openers) and following is not None \
            and rules.lead_opening.match(following.text) is None:
        first.caption, first.headline = True, False


def mark_long_headlines(lines: list[Line], rules: Rules) -> None:
    """A line a little longer than a headline, with no sentence in it, right above a line that opens like
    a news lead ("Ngày 19/5/2025, …") is the headline of a portal that prints long ones (32 words), not a
    paragraph whose end the copy lost: a lead follows a headline, not a paragraph; and so is one right over a date
    line ("<headline of 34 words>" / "Đăng: 08:12 02-08-2019 | Tác giả: NP"). Longer still, it is a
    headline when the body restates it ("Tại hội nghị <the headline's words> …")."""
    texts = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT]
    for k, (i, after) in enumerate(zip(texts, texts[1:])):
        line = lines[i]
        if any(lines[j].headline for j in texts[max(0, k - 3):k]):
            continue  # under a headline it is the sapo or a caption of the picture over the article
        if line.long and not line.prose and not line.caption and not line.cell and not line.text[:1].islower() \
                and (rules.lead_opening.match(lines[after].text) is not None or over_its_date(lines, i)) \
                and (line.words <= rules.shape["title_max_words"] or _restated(line, [lines[j] for j in texts[k + 1:]])):
            line.long, line.headline = False, True


def mark_opening_headline(lines: list[Line], rules: Rules) -> None:
    """A dump opening, with no page header, on a long line with no sentence in it right over article text or its date
    line: the page's own headline, however long ("Công đoàn Tổng công ty X tổ chức Lễ bàn giao … chào mừng … (2023 –
    2028)", 62 words), not a paragraph whose end the copy lost (a copy loses the end of its last lines, not its first).
    Over a dated lead, ``mark_long_headlines`` decides (round 13: a line over 40 words the body does not restate stays
    a paragraph there)."""
    at = next_line(lines, -1)
    below = next_line(lines, at) if at is not None else None
    if below is None or lines[at].kind is not Kind.TEXT:
        return
    first, after = lines[at], lines[below]
    if first.long and not first.prose and not first.caption and not first.cell and first.text[:1].isupper() \
            and first.words <= rules.shape["opening_title_max_words"] and SENTENCE_BREAK.search(first.text) is None \
            and (after.kind is Kind.DATE or after.kind is Kind.TEXT and (after.prose or after.long) and not after.caption
                 and rules.lead_opening.match(after.text) is None):
        first.long, first.headline = False, True


def _restated(line: Line, below: list[Line], share: float = 0.8) -> bool:
    """A later paragraph restates ``line``: holds its words in order from the first, all but a short tail
    (``share`` of them at least: "… vững mạnh năm 2020" told as "… vững mạnh")."""
    words = re.findall(r"\w+", line.text.casefold())
    opening = " ".join(words[:max(1, round(len(words) * share))])
    return any(opening in " ".join(re.findall(r"\w+", other.text.casefold())) for other in below)


def mark_stopped_headline(lines: list[Line], rules: Rules) -> None:
    """A dump opening with a short line closed by a full stop, with no comma or other sentence in it, right over
    a longer paragraph: the headline, printed with a stop ("Đại hội Công đoàn cơ sở … nhiệm kỳ 2023 - 2028.")."""
    texts = [line for line in lines if line.kind is Kind.TEXT][:2]
    if len(texts) < 2 or any(line.kind is not Kind.BLANK for line in lines[:texts[0].number - 1]):
        return
    first, lead = texts
    text = first.text
    if rules.shape["headline_min_words"] <= first.words <= rules.shape["stopped_title_max_words"] \
            and text.endswith(".") and not text.endswith("..") and "," not in text \
            and SENTENCE_BREAK.search(text[:-1]) is None and not first.caption and first.prose \
            and rules.lead_opening.match(text) is None and lead.prose and lead.words > first.words:
        first.prose, first.headline, first.text = False, True, text[:-1]  # the title without its stop


def mark_split_headline(lines: list[Line], rules: Rules) -> None:
    """The first prose line of a dump, short and closed by a colon with no sentence in it, right over a headline-shaped
    line: the headline's first half, printed on a line of its own ("Đại hội … lần thứ IX (2023-2028):" / "Quyết tâm
    …"), not the lead, which opens under the credits further down."""
    texts = [line for line in lines if line.kind is Kind.TEXT]
    first = next((k for k, line in enumerate(texts) if line.prose), None)
    if first is None or first + 1 >= len(texts):
        return
    line, after = texts[first], texts[first + 1]
    if line.text.endswith(":") and line.words <= rules.shape["stopped_title_max_words"] and not line.caption \
            and SENTENCE_BREAK.search(line.text[:-1]) is None and rules.lead_opening.match(line.text) is None \
            and after.headline and not after.caption:
        line.prose, line.headline = False, True


def mark_repeated_headline(lines: list[Line], rules: Rules) -> None:
    """A dump opening with one sentence printed again right under itself (the page's title, then its heading, with
    or without a stop, in any case): the headline, however long, as printed; its copies are page chrome. A dated lead
    printed so ("Ngày 5-2, Công đoàn ngành … khó khăn." twice: the sapo, then the first paragraph) is no headline: the
    article opens with it, once."""
    texts = [line for line in lines if line.kind is not Kind.BLANK]
    first = texts[0] if texts else None
    if first is None or first.kind is not Kind.TEXT or first.caption:
        return
    dated_lead = rules.lead_opening.match(first.text) is not None
    if SENTENCE_BREAK.search(first.text.rstrip(".")) and not dated_lead:
        return
    copies = list(takewhile(lambda line: line.kind is Kind.TEXT and key(line.text) == key(first.text), texts[1:]))
    if copies and len(texts) > len(copies) + 1:
        if not dated_lead:
            first.prose, first.long, first.headline = False, False, True
        for line in copies:
            line.kind = Kind.NOISE




def mark_teaser_box(lines: list[Line]) -> None:
    """Two or more table cells of prose right under the headline, over a paragraph outside any cell: a box of
    related stories' leads set between the headline and the article ("| Sáng 12/8, … |" / "| Trong 2 ngày … |"),
    page chrome. One cell there is the sapo or a caption; cells under a picture are its captions."""
    texts = [i for i, line in enumerate(lines) if line.kind is Kind.TEXT]
    for k, i in enumerate(texts[:-1]):
        if not lines[i].headline:
            continue
        box = list(takewhile(lambda j: lines[j].cell and lines[j].prose and not lines[j].caption, texts[k + 1:]))
        after = texts[k + 1 + len(box)] if k + 1 + len(box) < len(texts) else None
        if len(box) >= 2 and after is not None and lines[after].prose and not lines[after].cell:
            for j in box:
                lines[j].kind = Kind.NOISE
