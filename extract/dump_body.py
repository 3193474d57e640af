"""Which lines between an article's lead and its end are article text, in a plain-text page dump
(``extract.textdump``): blank, noise and date lines, the headline printed again, a repeated caption, and headlines run
together (a long line with no sentence in it) are not; a paragraph whose full stop the copy lost is."""

from __future__ import annotations

import re

from extract.dump_lines import Kind, Line, Rules, quoted_close, title_copy


def _clauses(text: str, rules: Rules) -> bool:
    """A paragraph whose full stop the copy lost: it opens with a lead-in and a comma ("Đợt này, …", "Theo
    đó, …"), which no headline does, and goes on in clauses."""
    return re.match(r"\S+(?:\s+\S+){0,3},\s", text) is not None \
        and text.count(", ") >= rules.shape["clauses_min_commas"]


def _closing_aside(text: str) -> bool:
    """A sentence closed by a bracketed aside of several words, its full stop dropped ("… cho 14 tập thể và cá nhân
    (đã có thành tích xuất sắc trong …)"): headlines run together do not end so (a tag such as "(Video)" is short)."""
    aside = re.search(r"\(([^()]*)\)$", text)
    return aside is not None and len(aside.group(1).split()) >= 5


def body_noise(line: Line, title: str | None, kept: list[Line], rules: Rules, edge: bool) -> str | None:
    """Why a line between the lead and the end is not article text, or None when it is."""
    if line.kind is Kind.BLANK:
        return "blank"
    if line.kind is Kind.NOISE:
        return "noise"
    if line.kind is Kind.DATE:
        return "date"
    if title and (copy := title_copy(line.text, title)):
        return "headline without its accents" if copy == "unaccented" else "repeated title"  # see parse_text_dump
    long_enough = len(line.text) >= 20 or line.words >= rules.shape["cut_title_min_words"]
    if title and edge and long_enough and line.text[-1:].isalnum() and title.startswith(line.text) \
            and len(line.text) < len(title):
        return "repeated title, cut short"  # a copy of the page ending inside the headline printed again
    if kept and (line.text == kept[-1].text or line.headline and any(k.text == line.text for k in kept)):
        return "repeated line"  # a photo caption printed twice (image text, then caption)
    if not line.prose and line.long and not line.caption and not edge and not _clauses(line.text, rules) \
            and not quoted_close(line.text) and not _closing_aside(line.text) \
            and not line.text.startswith(rules.caption_openers + tuple(rules.bylines["caption_titles"])):
        return "teaser (headlines run together)"  # a sapo without its full stop, a last line cut short: article
    return None
