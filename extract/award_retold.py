"""One act of honouring told more than once in an article: the lead, a photo caption and the body
each tell it with other details. ``restates`` decides whether a later award mention retells an
earlier one, ``merge_retold`` completes the earlier one with what the retelling adds
(``extract.records`` keeps one award per act)."""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from typing import Any

from extract.award_clauses import award_lexicon, phrase_regex
from extract.lexicon import lexicon

__all__ = ["merge_retold", "restates"]


@lru_cache(maxsize=1)
def _bodies() -> re.Pattern[str]:
    return re.compile(rf"^(?:{phrase_regex(lexicon('award_names')['names']['bodies']['list'])})\s+")


@lru_cache(maxsize=1)
def _collective_body() -> re.Pattern[str]:
    """A body that grants as the organisation ("Ban Chấp hành X"), not an office a person holds ("Chủ tịch X")."""
    return re.compile(rf"^(?:{phrase_regex(lexicon('award_names')['names']['bodies']['collective'])})\s+")


def _granter(awarder: Any) -> Any:
    """The organisation behind an awarder, its body left out: "Ban Chấp hành X" and "X" agree."""
    if not isinstance(awarder, str):
        return awarder
    return _bodies().sub("", _awards_lexicon()["retold"]["same_granter"].get(awarder, awarder))


def restates(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """Whether a later award mention tells the same act of honouring as an earlier one.

    "X đón nhận Huân chương Lao động hạng Ba của Chủ tịch nước ..." followed by "Lãnh đạo
    thành phố trao Huân chương Lao động hạng Ba cho X" is one act; so is an award told in the
    lead, again in a photo caption and again in the body, each time with other details. The two
    must not contradict each other (form, awarder, count, kind; one's recipients within the
    other's) and must share something (the awarder, a recipient, the count), unless the later
    one tells nothing new at all.
    """
    def agree(key: str) -> bool:
        return later[key] is None or earlier[key] is None or _granter(later[key]) == _granter(earlier[key])

    mine, theirs = _Names(later["recipients"]), _Names(earlier["recipients"])
    if later["form"] != earlier["form"] and _generic_retold(later, earlier):
        return agree("awarder") and (mine <= theirs or theirs <= mine)
    if (_details_group(later, earlier) or _prize_part(later, earlier) or _counted_part(later, earlier)
            or _named_part(earlier, later) or _share(later, earlier)
            or _named_among(later, earlier) or _named_among(earlier, later)) and agree("awarder"):
        return True
    if later["form"] != earlier["form"] or not (agree("awarder") and agree("recipient_count")) \
            or not (mine <= theirs or theirs <= mine) \
            or "both" not in (later["recipient_kind"], earlier["recipient_kind"]) and not agree("recipient_kind"):
        return False
    shared = (later["awarder"] is not None and _granter(later["awarder"]) == _granter(earlier["awarder"])) \
        or bool(mine & theirs) \
        or (later["recipient_count"] is not None and later["recipient_count"] == earlier["recipient_count"])
    nothing_new = (later["awarder"] is None or agree("awarder")) and mine <= theirs \
        and later["recipient_count"] in (None, earlier["recipient_count"])
    # a named prize is given once per article: "Lễ trao Giải thưởng X" by its giver, "22 cán bộ nhận Giải thưởng X"
    prize = later["form"].startswith(tuple(_awards_lexicon()["prizes"]["forms"]))
    return shared or nothing_new or prize


class _Names:
    """Recipient names compared as one act's retellings write them: "Công ty CP Than X" and "Công ty Than X"
    (a company type left out), "Trường THPT X" within "tập thể Trường THPT X" are the same recipient."""

    def __init__(self, names: list[str]):
        self.keys = {_name_key(n) for n in names}

    @staticmethod
    def _same(a: str, b: str) -> bool:
        return a == b or f" {a} " in f" {b} " or f" {b} " in f" {a} "

    def __le__(self, other: "_Names") -> bool:
        return all(any(self._same(a, b) for b in other.keys) for a in self.keys)

    def __and__(self, other: "_Names") -> bool:
        return any(self._same(a, b) for a in self.keys for b in other.keys)


@lru_cache(maxsize=1)
def _awards_lexicon() -> dict[str, Any]:
    """The awards lexicon, parsed once (read only here): parsing it per comparison cost more than the NLP."""
    return award_lexicon()


@lru_cache(maxsize=1 << 16)
def _name_key(name: str) -> str:
    words = re.sub(r"[^\w\s]", " ", unicodedata.normalize("NFC", name).lower()).split()
    text = " ".join(words)
    for kind in _awards_lexicon()["recipients"]["company_types"]:
        text = re.sub(rf"(?<!\w){re.escape(kind)}(?!\w)", " ", text)
    return " ".join(text.split())


def _generic_retold(one: dict[str, Any], other: dict[str, Any]) -> bool:
    """A generic honouring and a specific form with the same count: "LĐLĐ quận X khen thưởng 28 tập thể,
    45 cá nhân" in the lead, "28 tập thể và 45 cá nhân được LĐLĐ quận X tặng Giấy khen" in the body. A count of
    both kinds equals no count of one kind: "Tuyên dương 85 điển hình tiên tiến" (read as people) is "11 tập thể, 74
    cá nhân điển hình tiên tiến" told again."""
    generic = _awards_lexicon()["generic"]["form"]
    if (one["form"] == generic) == (other["form"] == generic):
        return False
    # with no count, a named recipient of both: "A được X khen thưởng danh hiệu “Y”", then "Tại buổi khen thưởng, A …"
    uncounted = one["recipient_count"] is None and bool(one["recipients"]) and bool(other["recipients"])
    specific, honouring = (one, other) if other["form"] == generic else (other, one)
    if not (specific["recipient_count"] or specific["recipients"] or specific["recipient_kind"]) \
            and specific["awarder"] is not None and specific["awarder"] == honouring["awarder"] \
            and not specific["form"].startswith(tuple(_awards_lexicon()["prizes"]["forms"])):
        return True  # the form alone, from the same awarder: "X tuyên dương 152 …", "X cũng đã tặng bằng khen cho 12 tập th"
        # (a named prize the awarder holds is an act of its own)
    return (one["recipient_count"] is not None or uncounted) \
        and one["recipient_count"] == other["recipient_count"] \
        and (one["recipient_kind"] == other["recipient_kind"] or bool({None, "both"} & {one["recipient_kind"], other["recipient_kind"]}))


def _details_group(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """A retelling that names one group of an award counted before: "khen thưởng cho 2 công đoàn cơ sở và 4
    đoàn viên" then "2 công đoàn cơ sở được khen thưởng là A và B" (same form, a smaller count, its kind within)."""
    return later["form"] == earlier["form"] and bool(later["recipients"]) and not earlier["recipients"] \
        and later["recipient_count"] is not None and earlier["recipient_count"] is not None \
        and later["recipient_count"] < earlier["recipient_count"] and earlier["recipient_kind"] == "both" \
        and later["recipient_kind"] in ("collective", "individual")


def _counted_part(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """One kind of a counted award's recipients told again from the same grantor: "trao giấy khen cho 42 tập thể và 203
    cá nhân" then "5 cá nhân tiêu biểu của công đoàn nhà trường nhận giấy khen của LĐLĐ quận" (some of the 203)."""
    return later["form"] == earlier["form"] and later["awarder"] is not None \
        and _granter(later["awarder"]) == _granter(earlier["awarder"]) and not later["recipients"] \
        and later["recipient_count"] is not None and earlier["recipient_count"] is not None \
        and later["recipient_count"] < earlier["recipient_count"] and earlier["recipient_kind"] == "both" \
        and later["recipient_kind"] in ("collective", "individual")


def _named_part(part: dict[str, Any], whole: dict[str, Any]) -> bool:
    """A group counted first (a caption: "… trao bằng khen của Thủ tướng cho 4 tập thể"), then named within a larger
    count of the same grantor's form ("4 tập thể là A, B, C, D và 43 cá nhân nhận Bằng khen của Thủ tướng")."""
    return part["form"] == whole["form"] and part["awarder"] is not None \
        and _granter(part["awarder"]) == _granter(whole["awarder"]) and not part["recipients"] \
        and part["recipient_count"] == len(whole["recipients"]) \
        and whole["recipient_count"] is not None and whole["recipient_count"] > part["recipient_count"]


def _share(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """A place's share of an award counted before, told with no grantor: "Bộ trưởng tặng bằng khen cho 200 nhà giáo …"
    then "Tỉnh Quảng Trị có 3 giáo viên được tặng bằng khen dịp này" (3 of the 200); a named form only, as generic
    honourings of one ceremony are often acts of their own ("khen thưởng 30 tập thể, cá nhân" and "25 đoàn viên … được
    tuyên dương")."""
    return later["form"] == earlier["form"] != _awards_lexicon()["generic"]["form"] and later["awarder"] is None and earlier["awarder"] is not None \
        and not later["recipients"] and later["recipient_count"] is not None and earlier["recipient_count"] is not None \
        and later["recipient_count"] < earlier["recipient_count"] \
        and later["recipient_kind"] in (earlier["recipient_kind"], None, *(("collective", "individual")
                                                                          if earlier["recipient_kind"] == "both" else ()))


def _named_among(named: dict[str, Any], counted: dict[str, Any]) -> bool:
    """People named as honoured, with no count, and a generic honouring counted with no names: "chương trình vinh danh
    6 cá nhân, 7 tập thể" then "A, gương mặt trẻ tuổi nhất được vinh danh" (one of them, as "Trong số đó có A")."""
    generic = _awards_lexicon()["generic"]["form"]
    return named["form"] == counted["form"] == generic and bool(named["recipients"]) and named["recipient_count"] is None \
        and not counted["recipients"] and counted["recipient_count"] is not None \
        and counted["recipient_kind"] in (named["recipient_kind"], "both")


def _prize_part(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """Named laureates of a prize told after its whole count: "Tại Lễ trao Giải thưởng X, 167 công nhân được khen
    thưởng" then "4 cá nhân của tỉnh Y được nhận Giải thưởng X gồm: A, B, C, D" (as "A và B là 2 trong số 58")."""
    return later["form"] == earlier["form"] and later["form"].startswith(tuple(_awards_lexicon()["prizes"]["forms"])) \
        and bool(later["recipients"]) and not earlier["recipients"] \
        and later["recipient_count"] is not None and earlier["recipient_count"] is not None \
        and len(later["recipients"]) >= later["recipient_count"] < earlier["recipient_count"]  # all its counted named


def merge_retold(kept: dict[str, Any], later: dict[str, Any]) -> None:
    """Complete an award with what a retelling adds: awarder, count, kind, occasion, recipients; a generic
    honouring told again with its form takes the form."""
    if kept["form"] == _awards_lexicon()["generic"]["form"]:
        kept["form"] = later["form"]
    for key in ("awarder", "recipient_count", "occasion"):
        kept[key] = kept[key] if kept[key] is not None else later[key]
    if later["awarder"] and len(later["awarder"]) > len(kept["awarder"]) and _collective_body().match(later["awarder"]):
        kept["awarder"] = later["awarder"]  # the body named: "Ban Chấp hành X" rather than "X"
    if later["recipient_count"] is not None and kept["recipient_count"] is not None \
            and later["recipient_count"] > kept["recipient_count"]:
        kept["recipient_count"] = later["recipient_count"]  # a part told first, then the whole (``_named_part``)
    if later["recipient_kind"] == "both" or kept["recipient_kind"] is None:
        kept["recipient_kind"] = later["recipient_kind"] or kept["recipient_kind"]
    known = _Names(kept["recipients"])
    kept["recipients"] = [*kept["recipients"], *(r for r in later["recipients"] if not _Names([r]) <= known)]
