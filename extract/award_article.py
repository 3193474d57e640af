"""What an article's awards tell one another once every sentence is read (``AwardExtractor`` calls ``settle``
last; ``placed`` first places a national outlet's article): a ceremony told with its forms elsewhere, the host of
an honouring told without its awarder, a caption that names an honouring's form, the giver of the article's one
prize."""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any

from extract.award_clauses import ArticleState
from extract.nlp import ArticleContext
from extract.spans import fields_of

__all__ = ["placed", "settle"]

Found = list[tuple[int, int, dict[str, Any]]]


def settle(found: Found, article: ArticleState, sentence_of: dict[int, int], generic_form: str, text: str) -> Found:
    """The article's awards, the passes over all of them applied in order (``text``: the Doc's, which the offsets index)."""
    found = _held_told(found, article, sentence_of, generic_form)
    _laureates_counted(found, article)
    _hosted(article)
    found = _captioned_form(found, article, generic_form, text)
    _prize_giver(found, article)
    return found


def _held_told(found: Found, article: ArticleState, sentence_of: dict[int, int], generic_form: str) -> Found:
    """"X tổ chức chương trình tôn vinh công nhân" then "Tại chương trình, Y tặng Bằng khen cho 50 công nhân": the
    ceremony's forms are told in another sentence, the ceremony is none of its own. A form its honoured had received
    ("X tổ chức gặp mặt, biểu dương các điển hình được tặng Giải thưởng Y") is what it honours them for, not its form;
    and a form the holder itself receives there ("trao Cờ thi đua của Chính phủ cho X tại Lễ tuyên dương") is no form
    of its honouring."""
    return [f for f in found if id(f[2]) not in article.held or not any(
        id(g) not in article.held and g["form"] not in (generic_form, *article.held[id(f[2])])
        and sentence_of[id(g)] != sentence_of[id(f[2])] and f[2]["awarder"] not in g["recipients"]
        for _, _, g in found)]


def _laureates_counted(found: Found, article: ArticleState) -> None:
    """"Giải thưởng X tôn vinh 70 …; trong đó, Y có 07 cá nhân được …" and "Công đoàn Y tổ chức gặp mặt, biểu dương các
    điển hình được tặng Giải thưởng X": the honouring of its laureates counts the part (as real-test8 and real-test9)."""
    for _, _, f in found:
        parts = [article.parts[form] for form in article.held.get(id(f), ()) if form in article.parts]
        f["recipient_count"] = f["recipient_count"] if f["recipient_count"] is not None or len(parts) != 1 else parts[0]


def _hosted(article: ArticleState) -> None:
    """"X tổ chức Lễ biểu dương …", "X tổ chức gặp mặt, tuyên dương con đoàn viên …" (no count) or "Lễ tuyên
    dương sẽ được X tổ chức", and a counted honouring told with no awarder ("90 cán bộ được biểu dương", a headline
    "Tuyên dương 140 cháu …"; one with names only, passive or without a subject), before or after: it is X's."""
    for fields in article.hosted if article.honour_host else []:
        fields["awarder"] = fields["awarder"] or article.honour_host


def _captioned_form(found: Found, article: ArticleState, generic_form: str, text: str) -> Found:
    """"X tổ chức Lễ tuyên dương 240 cán bộ …" and a caption "Trao bằng khen cho cán bộ …": the honouring's form.
    A caption of the hand-over by someone's representative ("Đại diện Y trao giấy khen cho nữ công nhân …") tells
    the same act, not one of Y's: it goes once its form is the honouring's. An honouring of both kinds holds the
    caption's kind when it describes its recipients as the caption does ("trao giấy khen cho các tập thể điển hình tiên
    tiến" and "tuyên dương 27 tập thể và 300 cá nhân điển hình tiên tiến"; "các tập thể đoạt giải" are others)."""
    kinds = {kind for _, kind in article.unstated}  # honourings of other kinds are no concern of the caption's
    described = [(f, re.findall(r"\w+", text[start:end].casefold())) for start, end, f in found]
    counted = [f for f, told in described if f["form"] == generic_form and f["recipient_count"] and (
        f["recipient_kind"] in kinds or f["recipient_kind"] == "both" and article.caption_words
        and all(w.casefold() in told for w in article.caption_words))]
    one = len({(f["recipient_count"], f["recipient_kind"]) for f in counted}) == 1  # the headline may tell it too
    forms = {form for form, kind in article.unstated if counted[0]["recipient_kind"] in (kind, "both")} if one else set()
    if not (len(forms) == len(set(article.unstated)) == 1
            and all(f["form"] not in forms or id(f) in article.handed for _, _, f in found)):
        return found
    givers = {f["awarder"] for _, _, f in found if id(f) in article.handed} | set(article.presenters)  # "Đại diện X trao …"
    for f in counted:  # an honouring told with no grantor is the hand-over's ("15 công nhân được vinh danh …")
        f["form"], f["awarder"] = next(iter(forms)), f["awarder"] or (givers.pop() if len(givers) == 1 else None)
    return [f for f in found if id(f[2]) not in article.handed]


def _prize_giver(found: Found, article: ArticleState) -> None:
    """The article's prize called "giải thưởng" is given by whoever gives it by name ("X tổ chức trao Giải
    thưởng Y")."""
    givers = [f["awarder"] for _, _, f in found if f["form"] == article.prize and f["awarder"]] + [article.prize_giver]
    for _, _, f in found if givers[0] else []:
        f["awarder"] = f["awarder"] if f["form"] != article.prize else f["awarder"] or givers[0]


def placed(context: ArticleContext | None, units: list[Any]) -> ArticleContext | None:
    """The article's context; a national outlet's article whose local units all lie in one province is
    placed there, so that "UBND tỉnh" names that province's committee (as the units do for "LĐLĐ tỉnh")."""
    if context is None or context.source_province:
        return context
    provinces = {fields_of(u, "units").get("province") for u in units} - {None}
    return replace(context, source_province=provinces.pop()) if len(provinces) == 1 else context
