"""What runs on over the clauses of a sentence or over sentences, for the awards component: a clause of
counted groups only ("…; 2 tập thể và 8 cá nhân “Giỏi việc nước”"), the counted groups a list of kinds comprises
("các tập thể, cá nhân gồm 10 tập thể và 24 cá nhân"), a clause that only lists names (the lines
after "tặng Bằng khen cho các tập thể sau:", the persons after "gồm các ông, bà:"), "Trong số đó có X" after an
award, and which of a list of co-organisers holds the event. ``AwardLists`` is a mixin of
``extract.awards.AwardExtractor``.
"""

from __future__ import annotations

import re
from dataclasses import replace
from typing import Any, Callable

from extract.award_clauses import OPENING_QUOTES, Clause, FormMention, Name, Recipients, list_items
from extract.numbers import parse_number

_BARE_LIST = re.compile(r"\s*(?:,|(?<!\w)và(?!\w))\s*")
_COMPRISING = re.compile(r"(?<!\w)(?:bao gồm|gồm có|gồm)\s+", re.IGNORECASE)
_NEXT_ITEM = re.compile(r"\s*(?:[,;]|(?<!\w)và(?!\w))\s*|\s+và\s+")  # between two counted items of a list
_COMPRISED = re.compile(r"(?<!\w)gồm(?!\w)|:")  # "bằng khen của X gồm: …", "bằng khen của X: …"
KINDS = r"(?:tập\s+thể|cá\s+nhân)"  # the kind a counted form is given to ("2 bằng khen tập thể")
_KIND_COUNTED = re.compile(rf"\s{KINDS}(?!\w)", re.IGNORECASE)  # the end of a form counted by kind
_ITEM_START = re.compile(r"(?:[,;]|(?<!\w)và)\s*$")  # … and before the next item, after a reason of the one before
_CEREMONY_OF = re.compile(r"(?<!\w)lễ\s+(?:trao\s+tặng|trao\s+thưởng|trao|tặng)\s*$", re.IGNORECASE)


class AwardLists:
    """Counted groups and names listed on their own, added to the award told before them, and a list of bare forms summed up."""

    def _counted_only(self, clause: Clause) -> Recipients | None:
        """A clause that only counts groups, maybe with what they are honoured for ("2 tập thể và 8 cá nhân
        “Giỏi việc nước”", "38 tập thể", "7 tập thể đạt thành tích …"): no form, verb or name of its own before a
        reason; else None."""
        view = clause.view
        opener = self._opener.match(view.lstrip())
        counts = []
        pos = len(view) - len(view.lstrip()) + (opener.end() if opener else 0)
        while (m := self._count.match(view, pos)) is not None:
            counts.append(m)
            pos = m.end() + len(re.match(r"\s*(?:,|và)?\s*", view[m.end():]).group())
        # "…; 7 tập thể đạt thành tích …", "…; 3 tập thể, 17 cá nhân làm tốt Tháng Công nhân"
        head = view[:pos] if self._reason_start.match(view, pos) or self._group_reason.match(view, pos) else view
        if not counts or clause.forms or any(n.start < len(head) for n in clause.names) or self._give.search(head) \
                or self._receive.search(head) or self._generic.search(head) or len(head[pos:].split()) > 3:
            return None
        found = Recipients()
        self._add_counts(counts, found)
        return found if found.count else None

    def _comprised(self, clause: Clause, start: int, end: int | None, found: Recipients) -> None:
        """Kinds named only, then "gồm" and counted groups: "khen thưởng các tập thể, cá nhân tiêu biểu gồm 10 tập
        thể, 24 cá nhân và 107 cá nhân" honours 141, whatever each group is described as."""
        view = clause.view
        marker = _COMPRISING.search(view, start, len(view) if end is None else end)
        if found.count is not None or found.names or marker is None or self._another_act(clause, start, marker.start()):
            return
        for s, e in list_items(view, marker.end(), len(view) if end is None else end):
            count = self._count.match(view, s, e)
            if count is None or self._another_act(clause, s, e):
                return
            self._add_counts([count], found)

    def _listed_names(self, clause: Clause) -> Recipients | None:
        """A clause that only lists names ("LĐLĐ huyện B, CĐCS Công ty C."), else None."""
        found = Recipients()
        bullet = re.match(r"\s*(?:[-+•*–]|\d{1,2}[.)](?=\s))\s*", clause.view)  # "- A", "1. A"
        office = False
        for s, e in list_items(clause.view, bullet.end() if bullet else 0, len(clause.view.rstrip(" .;"))):
            if office or self._office.match(clause.view, s) or clause.in_apposition(s, e):
                # "Trần Thị B, Chủ tịch CĐCS Y, LĐLĐ tỉnh Z": her office, and where it lies
                office = office or bool(found.names)
                continue
            e = s + len(re.sub(r"\s*\(_*\)$", "", clause.view[s:e]))  # "A (Công ty X)": her workplace
            if office and not self._person_item(clause, s, e):
                continue
            lead = self._opener.match(clause.view[s:e])
            name = clause.name_starting_at(s + (lead.end() if lead else 0))
            if name is None or name.end != e:
                return None
            found.add_name(name)
        return found if found.names else None

    @staticmethod
    def _person_item(clause: Clause, s: int, e: int) -> bool:
        name = clause.name_starting_at(s)
        return name is not None and name.person and name.end == e

    def _add_included(self, clause: Clause, fields: dict[str, Any]) -> None:
        """"Trong số đó có đồng chí X, ..." right after an award: X is one of its recipients."""
        lead = self._inclusion_lead.match(clause.view)
        if lead is None:
            return
        found = Recipients()
        self._walk_forward(clause, lead.end(), found)
        if found.names:
            self._add_names(fields, found)

    def _part_told(self, clause: Clause, told: list[tuple[int, int, dict[str, Any]]], last: dict[str, Any]) -> bool:
        """"Trong đó, tỉnh X có 3 cá nhân được nhận giải thưởng gồm: A, B, C" right after the same form given to 167:
        some of its recipients, named (as "A và B là 2 trong số 58 tập thể"), not an act of their own. Adds them."""
        part = told[0][2] if len(told) == 1 and self._inclusion_lead.match(clause.view) else None
        if part is None or part["form"] != last["form"] or None not in (part["awarder"], last["awarder"]) \
                and part["awarder"] != last["awarder"] or last["recipient_count"] is None \
                or part["recipient_count"] is None or part["recipient_count"] >= last["recipient_count"]:
            return False
        last["awarder"] = last["awarder"] or part["awarder"]  # "Giải thưởng X tôn vinh 70 …; trong đó, … được Y trao tặng"
        clause.article.parts[last["form"]] = part["recipient_count"]  # the part an honouring of its laureates counts
        self._add_names(last, Recipients(names=part["recipients"]))
        return True

    def _broken_down(self, clause: Clause, told: list[tuple[int, int, dict[str, Any]]],
                     earlier: list[tuple[int, int, dict[str, Any]]]) -> bool:
        """"Trong số nữ cán bộ được tuyên dương có 5 …, 27 … và 8 …" after the same form given to 40 (captions may come
        between): those honoured told again in parts (their counts add up to no more than the award's), not acts of their
        own."""
        lead = self._breakdown_lead.match(clause.view)
        if lead is None or not told or not (self._generic.match(clause.view, lead.end())
                                            or any(f.start == lead.end() for f in clause.forms)):
            return False
        form = told[0][2]["form"]
        whole = next((f for _, _, f in reversed(earlier) if f["form"] == form), None)
        if whole is None or whole["recipient_count"] is None or any(f["form"] != form for _, _, f in told):
            return False
        group = self._count.match(clause.view, lead.start("group"))  # "Trong số 186 em được tuyên dương, có 41 em …"
        counts = [f["recipient_count"] for _, _, f in told]
        return group is not None and parse_number(group.group("num")) == whole["recipient_count"] \
            or None not in counts and sum(counts) <= whole["recipient_count"]

    def _ceremony_honoured(self, clause: Clause, mention: FormMention, generic: list[FormMention]) -> Recipients | None:
        """"Tại Lễ trao tặng Giải thưởng X …, có 167 công nhân … được khen thưởng": those honoured at the ceremony of a
        form received it (the generic verb tells the same act); None when the clause says no such thing."""
        if not _CEREMONY_OF.search(clause.view, 0, mention.start):
            return None
        for honoured in (g for g in generic if g.start >= mention.end):
            found = self._recipients(clause, honoured, None)
            if found.passive and found.count is not None:
                return found
        return None

    def _title_holders(self, clause: Clause, mention: FormMention, found: Recipients) -> None:
        """A title right after its counted holders, with no verb between ("toàn tỉnh có 1.200 lượt tập thể lao động
        tiên tiến"), or counted by its own first words ("116 chiến sĩ thi đua cơ sở"): those counted hold it, when no
        receiving marker told them already."""
        if found.names or found.count is not None or found.kind or not mention.form.startswith("danh hiệu "):
            return
        holders = [m for m in self._count.finditer(clause.view, 0, mention.start) if clause.view[m.end():mention.start] == " "]
        # "có 21 chiến sĩ thi đua cấp tỉnh, 856 lao động tiên tiến", "95 “Công nhân giỏi”": a count whose noun opens
        # the title itself (read on the text: the view blanks a quoted title)
        holders = holders or [m for m in self._count.finditer(clause.text, 0, mention.end)
                              if m.start("noun") >= mention.start and not clause.text[mention.start:m.start("noun")].strip(OPENING_QUOTES)]
        if holders:
            self._add_counts(holders, found)

    def _quoted_count(self, clause: Clause, s: int, e: int) -> re.Match[str] | None:
        """A count of those honoured as a quoted name that is no union title ("tuyên dương 295 “Gia đình …”"), read
        on the text (the clause's view masks the quote); a quoted title ("100 “Công nhân giỏi”") is the award itself."""
        count = self._count.match(clause.text, s, e)
        return None if count is None or self._titles.match(clause.text, count.start("noun")) else count

    def _union_partner(self, clause: Clause, name: Name) -> str:
        """"X phối hợp với Y tổ chức Lễ trao …": a union X that leads its partners gives, a union or not (else the one
        before the verb), and when ``name`` closes a list of partners ("X phối hợp với A, B và C tổ chức …")."""
        joined = next((m for m in self._organised_with.finditer(clause.view, 0, name.start)
                       if m.end() == name.start or _partner_items(clause.view[m.end():name.start])), None)
        first = (self._name_before(clause, joined.start()) or self._subject(clause, joined.start())) if joined else None
        if first is not None and not first.person and self._union_name.match(first.canonical):
            return first.canonical
        return name.canonical

    def _counted_kinds(self, clause: Clause, mention: FormMention) -> Recipients | None:
        """One form counted by kind of recipient, several times: "trao 2 bằng khen tập thể, 8 bằng khen cá nhân cấp
        thành phố cho …" honours 10, and so does "trao bằng khen của X gồm: 2 bằng khen tập thể, 8 bằng khen cá nhân".
        A group of such counts ends at a reason of its own; the counts after it are a further award ("…, 10 bằng khen
        cá nhân có thành tích X, 6 bằng khen tập thể có thành tích Y"). None unless the form is counted twice so."""
        view = clause.view
        if mention.generic or len(_KIND_COUNTED.findall(view, max(0, mention.start - 6))) < 2:
            return None  # each item ends with a kind of its own: fewer than two, no pattern to compile
        written = re.escape(view[mention.start:mention.end])
        item = re.compile(rf"(?<![\d.,])(?P<num>\d{{1,4}})\s+{written}\s+(?P<noun>{KINDS})(?!\w)",
                          re.IGNORECASE)
        items: list[tuple[int, int, int, str]] = []
        for m in item.finditer(view, max(0, mention.start - 6)):
            if not items and m.end("num") < mention.start - 1 or not items and m.start() > mention.end and not (
                    _COMPRISED.search(view, mention.end, m.start()) and not self._another_act(clause, mention.end, m.start())):
                return None  # the form is neither counted itself nor followed by what it comprises
            if items and (not _ITEM_START.search(view, items[-1][1], m.start())
                          or self._another_act(clause, items[-1][1], m.start())):
                break  # each item after a separator, maybe after a reason of the one before
            items.append((m.start(), m.end(), int(m.group("num")), m.group("noun")))
        if len(items) < 2:
            return None
        first = group = Recipients(start=items[0][0])
        for k, (start, _, value, noun) in enumerate(items):
            if k and not _NEXT_ITEM.fullmatch(view, items[k - 1][1], start):  # the group before closed on its reason
                group = Recipients(start=start)
                first.more.append((start, group))
                first.later = first.later or [start]
            group.add_count(value)
            self._add_kind(noun, group)
        return first

    @staticmethod
    def _add_names(fields: dict[str, Any], found: Recipients) -> None:
        fields["recipients"] = list(dict.fromkeys([*fields["recipients"], *found.names]))
        kinds = {fields["recipient_kind"], found.kind} - {None}
        fields["recipient_kind"] = kinds.pop() if len(kinds) == 1 else "both"

    def _summed_up(self, clause: Clause, awards: list[tuple[FormMention, dict[str, Any]]]) -> list[tuple[FormMention, dict[str, Any]]]:
        """"gần 2 nghìn cá nhân được tặng Cờ thi đua, Huân chương, Huy chương …": three or more forms listed bare
        (no grantor each) to one group sum up many honours, from many grantors: one generic award."""
        listed = [a for a in awards if not a[0].generic]
        first = listed[0][1] if len(listed) >= 3 else None
        if first is None or not (first["recipient_count"] or first["recipients"]) or any(
                (f["recipient_count"], f["recipients"], f["recipient_kind"])
                != (first["recipient_count"], first["recipients"], first["recipient_kind"]) for _, f in listed) \
                or not all(_BARE_LIST.fullmatch(clause.view, a.end, b.start) for (a, _), (b, _) in zip(listed, listed[1:])):
            return awards
        givers = {f["awarder"] for _, f in listed}
        summed = dict(first, form=self._generic_form, awarder=givers.pop() if len(givers) == 1 else None)
        return [(listed[0][0], summed), *(a for a in awards if a[0].generic)]


def _partner_items(text: str) -> bool:
    """Partners listed before the last one: capitalised phrases ("Hội Phụ nữ quận", "Quận đoàn") of a few words, each
    closed by a comma or "và"."""
    items = re.split(r"\s*,\s*|\s+và\s+", text.strip() + " ")
    return items[-1] == "" and all(item[:1].isupper() and len(item.split()) <= 8 for item in items[:-1])


def held_with(clause: Any, name: Any, verb: int, union_name: re.Pattern[str], joined: re.Pattern[str]) -> str | None:
    """"X và Y (đã) tổ chức Lễ trao …", "X phối hợp với Y tổ chức …" (``joined``): of two who hold the ceremony
    together, the union gives."""
    view = clause.view
    partner = next((n for n in clause.names if n.start > name.end and joined.fullmatch(view, name.end, n.start)), None)
    if partner is None or partner.person or not re.search(r"(?<!\w)tổ\s+chức(?!\w)", view[partner.end:verb]) \
            or not union_name.match(partner.canonical) or union_name.match(name.canonical):
        return None
    return partner.canonical


def named_as(name: Any) -> Any:
    """A recipient named as written."""
    return name


def named_group(clause: Any, count: re.Match[str], end: int, unions_of: dict[str, str],
                union_name: re.Pattern[str]) -> tuple[Any, Callable[[Any], Any]] | None:
    """"cho 02 công đoàn cơ sở là công ty A và công ty B": the first name of the counted group named after "là" (the
    rest are the list's next items), and how the group's names read: a grassroots union counted and a company named
    is that company's union. None when no name follows "là"."""
    joined = re.match(r"\s+là\s+", clause.view[count.end():end])
    name = clause.name_starting_at(count.end() + joined.end()) if joined else None
    if name is None:
        return None
    union = unions_of.get(count.group("noun").casefold())

    def union_of(named: Any) -> Any:
        """The named recipient as the counted group's union, unless it is a union already."""
        if union is None or named.person or union_name.match(named.canonical):
            return named
        return replace(named, canonical=f"{union} {named.canonical}")

    return union_of(name), union_of
