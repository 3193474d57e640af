"""Walking a list of recipients: from a receiving marker back to the names and counted nouns before it ("A và B
được …"), or from a preposition forward ("tặng Bằng khen cho A, B và 20 cá nhân …"); counts summed, kinds told apart,
a further count with its own reason a further award. A part of ``AwardExtractor``, with ``award_parties``."""

from __future__ import annotations

import re

from extract.award_clauses import MASK, Clause, Name, Recipients, list_items
from extract.award_lists import named_as, named_group
from extract.numbers import parse_number


class AwardRecipientWalk:
    """The names and counts of a list of recipients (a part of ``AwardExtractor``)."""

    def _walk_back(self, clause: Clause, end: int, found: Recipients) -> None:
        view = clause.view
        end = self._trailing_aux.search(view, 0, end).start()
        if re.search(r"(?<!\w)(?:và|mà còn|còn|đồng thời)\s*$", view[:end]) or self._ceremony.search(view, 0, end):  # "X tổ chức … và đón nhận F", "X … mà còn được"
            subject = self._subject(clause, end)
            if subject is not None:
                found.add_name(subject)
            return
        # "Lãnh đạo X, Y cùng các cá nhân đạt Giải thưởng Z": the leaders only stand with the honoured
        along = list(re.finditer(r"(?<!\w)cùng(?:\s+với)?\s+", view[:end]))
        floor = along[-1].end() if along and self._presenters_lead.match(view) else 0
        # "15 tập thể và 15 cá nhân đại diện cho 83 tập thể và 157 cá nhân … được": those represented are honoured
        # (after a comma it describes the group: "90 cán bộ, đại diện cho hơn 20.000 lao động, đã được tuyên dương")
        floor = max([floor, *(m.end() for m in self._representing.finditer(view, floor, end)
                              if self._count.search(view, floor, m.start()) and self._count.match(view, m.end())
                              and not view[:m.start()].rstrip().endswith(","))])
        for k, (s, e) in enumerate(reversed(list_items(view, floor, end))):
            e = s + len(view[s:e].rstrip(" " + MASK + "()"))
            if self._describing.match(view, s) and not self._another_act(clause, s, e):
                continue  # "…, đại diện cho hơn 25.000 lao động của X, được": describes the group before it
            if self._office.match(view, s) or clause.in_apposition(s, e):
                if self._give.search(view, s, e):
                    return  # "A, Chủ tịch X trao giấy chứng nhận cho các cá nhân được ...": A hands over
                continue  # an apposition: "Nguyễn Văn A, Chủ tịch CĐCS X, được ..."
            described = self._described_person(clause, s, e)
            name = clause.name_ending_at(described.end if described is not None else e)
            if name is not None and re.search(r"(?<!\w)của(?:\s+(?:tỉnh|thành phố|huyện|quận))\s*$" if not self._count.search(
                    view, s, name.start) else r"(?<!\w)của(?:\s+(?:tỉnh|thành phố|huyện|quận))?\s*$", view[s:name.start]):
                name = None  # "4 cá nhân (tiêu biểu, xuất sắc) của tỉnh X được …": counted, X only their place
            if name is not None and name.start >= s:
                prefix = self._opener.sub("", view[s:name.start].strip())
                if prefix and self._individual.fullmatch(prefix):
                    continue  # an apposition: "Lê Thị A, công nhân Công ty X, được ..."
                if re.search(r"(?<!\w)của$", prefix) or any(
                        re.fullmatch(r"\s*(?:của\s+)?", view[f.end:name.start]) for f in clause.forms if f.end <= name.start):
                    # a possessor: "Theo Quyết định của X, 20 tập thể được ..."; a form's grantor: "3 CĐCS nhận cờ
                    # thi đua Tổng LĐLĐ, 3 CĐ nhận ...": the first act's
                    return
                person = next((n for n in clause.names if n.person and s <= n.start and n.end <= name.start), None)
                if person is not None:  # "anh A - công nhân Công ty X được ...": A, the workplace is apposed
                    found.add_name(person, front=True)
                    if self._opener.sub("", view[s:person.start].strip()):
                        return
                    continue
                found.add_name(name, front=True)
                if prefix:
                    if (group := self._named_count.search(prefix)) is not None:
                        self._add_counts([group], found)  # "4 tập thể là A, B, C, D và 43 cá nhân nhận …": 47
                    return
                continue
            counts = [c for c in self._count.finditer(view, max([s, *(m.end() for m in self._selecting.finditer(view, s, e))]), e)
                      if not self._programme.search(view, s, c.start())]  # not "chương trình 1 triệu sáng kiến"
            if k > 0 and counts and (found.count is not None or found.names) \
                    and self._own_outcome.search(view, counts[-1].end(), e):
                return  # "292 đoàn viên hoàn thành tốt nhiệm vụ, 110 đoàn viên được khen thưởng": their own outcome
            # the counts after a choosing verb ("447 CĐCS bình chọn 5.025 nữ …"); their words may run on, but not into
            # another act ("36 cá nhân đạt danh hiệu X và 210 người đạt ...", "1.200 tập thể lao động tiên tiến, 800 …")
            if counts and not self._receive.search(view, counts[-1].end(), e) \
                    and not self._give.search(view, counts[-1].end(), e) \
                    and not any(counts[-1].end() <= f.start < e for f in clause.forms) \
                    and (not found.names or counts[-1].end() >= e):  # not "thành lập 40 CĐCS… Với ..., X được"
                self._add_counts(counts, found)
                if self._opener.sub("", view[s:counts[0].start()].strip()):
                    return
                continue
            item = self._opener.sub("", view[s:e].strip())
            if k == 0 and not self._noun_item.match(item) and not self._another_act(clause, s, e) \
                    and not (found.names or found.count or found.kind) and not any(s <= n.start < e for n in clause.names):
                continue  # "191 nhà giáo, cán bộ tiêu biểu ở các cấp, bậc học trên cả nước được": the description runs on
            if not self._noun_item.match(item) or self._another_act(clause, s, e):
                return  # "A được X tặng Bằng khen, 12 cá nhân được ...": A's act is not theirs
            self._add_kind(item, found)

    def _described_person(self, clause: Clause, s: int, e: int) -> Name | None:
        """A person in ``s:e`` described after a copula in lower-case words to ``e``: "có đồng chí A là công nhân
        bậc 6/7 (được tuyên dương)"."""
        for name in clause.names:
            if name.person and s <= name.start and (copula := self._copula.match(clause.view, name.end, e)) \
                    and not any(w[:1].isupper() for w in clause.view[copula.end():e].split()):
                return name
        return None

    def _walk_forward(self, clause: Clause, start: int, found: Recipients, counts_only: bool = False,
                      end: int | None = None, bound: int | None = None) -> None:
        """The recipients listed from ``start``; ``bound`` forms given ("02 Cờ thi đua") honour no group added with
        "cùng" once that many are counted."""
        view, after_reason, union_of = clause.view, False, named_as
        family = False  # the item before was a family of some people ("gia đình đoàn viên, người lao động")
        for s, e in list_items(view, start, len(view) if end is None else end):
            owners, family = family, False
            if bound is not None and found.count == bound and self._together.search(view, 0, s):
                return
            included = self._inclusion_lead.match(view[s:e])
            if included and found.count is not None and self._count.match(view, s + included.end(), e):
                return  # "khen thưởng 12 cháu, trong đó có 09 cháu đạt giải …": some of those counted
            lead = self._opener.match(view[s:e])
            s += lead.end() if lead else 0
            if not counts_only and set(view[s:e].lower().split()) <= self._pronouns and clause.name_starting_at(s) is None:
                continue  # "gồm các ông, bà: A, B": the address before the names
            if (self._office.match(view, s) or clause.in_apposition(s, e)) and not counts_only:
                holder = None if found.names or found.count else self._holder_ending(clause, s, e)
                if holder is not None:  # "trao F cho Chủ tịch X Nguyễn Văn A": the office's holder receives
                    found.add_name(holder)
                if holder is not None or not self._office_kind(clause, s, e):
                    continue
            named = None if counts_only else self._named_collective.match(view, s)
            name = clause.name_starting_at(named.end() if named else s)  # "tập thể Trường THPT X"
            if name is not None and not counts_only:
                if self._aux_give.match(view, name.end, e):
                    return  # "…, LĐLĐ tỉnh (cũng) tặng cho 10 cá nhân": the next giver, no recipient
                if after_reason:
                    found.later.append(s)
                found.add_name(union_of(name))
                if name.end < e and not self._bracket_only.fullmatch(view, name.end, e):  # "A (huyện X), B (…)"
                    # "cho A vì có thành tích X và B vì Y": another recipient may follow A's reason
                    if not self._reason_start.match(view, name.end, e):
                        return
                    after_reason = True
                continue
            if after_reason:  # within a reason: only a further name continues the list
                if self._another_act(clause, s, e):
                    return
                continue
            count = self._count.match(view, s, e) or self._quoted_count(clause, s, e)
            if count:
                if found.names and self._others.search(view, count.end(), e):
                    return  # "A cùng với 60 công nhân khác": A's companions, not a count of A's act
                self._add_counts([count], found)
                if not counts_only and (group := named_group(clause, count, e, self._unions_of, self._union_name)):
                    found.add_name(group[0])  # "cho 02 công đoàn cơ sở là công ty A và công ty B": the group named
                    union_of = group[1]
                    continue
                if not counts_only and self._one_group(view, count.end(), e):
                    continue
                if count.end() < e or counts_only:
                    # "cho 25 cá nhân có ..., trong đó có đồng chí X": X is one of them
                    included = None if counts_only else self._inclusion.search(view, count.end(), end or len(view))
                    if included:
                        self._walk_forward(clause, included.end(), found, end=end)
                    elif not counts_only:
                        self._further_counts(clause, e, len(view) if end is None else end, found)
                    return
                continue
            noun = None if counts_only else self._noun_item.match(view[s:e])
            if noun is not None and owners and self._individual.fullmatch(noun.group()):
                family = True  # "gia đình công nhân, viên chức, lao động": whose families, no group of their own
            elif noun is not None:
                self._add_kind(noun.group(), found)
                family = self._families.match(noun.group()) is not None
            if noun is not None and noun.end() < e - s and found.count is not None and not counts_only:
                # "23 tập thể, cá nhân trong chuyên đề X, 5 cá nhân trong phong trào Y": the groups after, each its own
                return self._further_counts(clause, e, len(view) if end is None else end, found)
            if noun is None or noun.end() < e - s:
                return None if counts_only else self._comprised(clause, s, end, found)

    def _office_kind(self, clause: Clause, s: int, e: int) -> bool:
        """An office written as a kind of people honoured, no holder or organisation named after it: "biểu dương Chủ
        tịch CĐCS xuất sắc" (not "Chủ tịch Công đoàn Công ty X")."""
        noun = self._noun_item.match(clause.view[s:e])
        rest = clause.view[s + noun.end():e].lstrip() if noun else ""
        return noun is not None and not clause.in_apposition(s, e) and not rest[:1].isupper()

    def _one_group(self, view: str, run_on: int, end: int) -> bool:
        """A count, a description only, "và", a count: "cho 04 tập thể công đoàn xuất sắc và 72 cá nhân có X" (76)."""
        joined = re.match(r"\s*và\s+", view[end:])
        return run_on < end and joined is not None and not self._reason_start.match(view, run_on, end) \
            and self._count.match(view, end + joined.end()) is not None

    def _another_act(self, clause: Clause, s: int, e: int) -> bool:
        """The text between ``s`` and ``e`` tells an act of its own: a giving or receiving verb, or a form."""
        return bool(self._give.search(clause.view, s, e) or self._receive.search(clause.view, s, e)
                    or any(s <= f.start < e for f in clause.forms))

    def _further_counts(self, clause: Clause, start: int, end: int, found: Recipients) -> None:
        """Counted groups after a count whose words run on, each honoured for its own reason: "cho 20
        tập thể có thành tích X, 3 tập thể và 35 cá nhân có thành tích Y" is two awards (20; 38).
        A group ends where a count's words run on; the walk stops at another act (a verb, a form). The first
        description going on past a comma, then "và" and a count, is still one group: "59 con … đoạt giải cấp Quốc
        gia, Quốc tế năm học 2021 - 2022 và 40 gia đình …" honours 99."""
        view = clause.view
        group: Recipients | None = None
        described = False  # the first group's description went on past a comma
        previous_end = start
        for s, e in list_items(view, start, end):
            joined, previous_end = re.fullmatch(r"\s*và\s*", view[previous_end:s]) is not None, e
            lead = self._opener.match(view[s:e])
            if self._another_act(clause, s, e) or self._describing.match(view, s + (lead.end() if lead else 0)):
                return  # "…, đại diện cho 111 công đoàn, với 3.600 đoàn viên": whom they stand for
            count = self._count.match(view, s + (lead.end() if lead else 0), e)
            if count is None:
                described = described or group is None
                continue
            if group is None and described and joined:
                self._add_counts([count], found)
                if count.end() < e:
                    return
                continue
            if group is None:
                group = Recipients(start=count.start())
                found.more.append((count.start(), group))
            self._add_counts([count], group)
            if count.end() < e:
                group = None

    def _add_counts(self, counts: list[re.Match[str]], found: Recipients) -> None:
        for m in counts:
            self._add_kind(m.group("noun"), found)
            value = None if self._scales.fullmatch(m.group("num")) else parse_number(m.group("num"))
            if value is None:
                found.approximate = True
            else:
                found.add_count(int(value))

    def _add_kind(self, noun: str, found: Recipients) -> None:
        collective = self._collective.match(noun)
        individual = self._individual.match(noun)
        if collective and (not individual or collective.end() >= individual.end()):
            found.collective = True
        elif individual:
            found.individual = True

