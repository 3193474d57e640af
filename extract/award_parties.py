"""Who gives and who receives: the awarder and the recipients of an award in a clause.

The awarder is the name after the form ("Bằng khen *của* X"), the one after "thừa ủy quyền /
thay mặt", or the name right before the giving verb ("X (đã) tặng", "được X tặng"). The
recipients are the names and counted nouns before a receiving marker ("A và B được ...",
"A và B là 2 trong số 58 tập thể") or after the preposition that follows the form
("tặng Bằng khen cho ..."); counts are summed, kinds told apart.
"""

from __future__ import annotations

import re
from typing import Any

from extract.award_clauses import MASK, Clause, FormMention, GrantingOffice, Name, Phrases, Recipients, compile_phrases, list_items, phrase_regex
from extract.numbers import number_words, parse_number
from extract.award_lists import held_with, named_as, named_group


class AwardParties:
    """Awarder and recipients of a form mention (a part of ``AwardExtractor``)."""

    def _init_recipients(self, rec: dict[str, Any]) -> None:
        self._collective = compile_phrases(rec["collective"])
        self._individual = compile_phrases(rec["individual"])
        self._scales = compile_phrases(rec["approximate_scales"])
        nouns = phrase_regex(rec["collective"] + rec["individual"])
        word = phrase_regex(number_words().vocabulary)
        # "61 nghìn công nhân": digits, then a number word that scales them
        scale = "|".join(w for w in sorted(number_words().vocabulary) if parse_number(f"2 {w}") not in (None, 2))
        number = rf"{phrase_regex(rec['approximate_scales'])}|(?:\d{{1,3}}(?:\.\d{{3}})+|\d+)(?:\s+(?:{scale}))?|{word}(?:\s+{word})*"
        self._count = re.compile(
            rf"(?<![\w/])(?:{phrase_regex(rec['count_qualifiers'])}\s+)?(?P<num>{number})(?:/\d+)?\s+"  # a share "33/41 tập thể" counts 33
            rf"(?:{phrase_regex(rec['count_classifiers'])}\s+)?[“\"«]?(?P<noun>{nouns})",  # a quoted title: 295 “Gia đình …”
            re.IGNORECASE,
        )
        self._opener = re.compile(rf"^(?:{phrase_regex(rec['item_openers'] + rec['determiners'])}\s*)+", re.IGNORECASE)
        self._noun_item = re.compile(rf"^(?:{nouns})", re.IGNORECASE)
        self._office = re.compile(phrase_regex(rec["office_titles"]))
        self._person_titles = Phrases(rec["person_titles"])
        self._family_names = set(rec["family_names"])
        self._pronouns = set(rec["pronouns"])
        inclusion = phrase_regex(rec["inclusion"])
        self._inclusion = re.compile(rf",\s*{inclusion}\s*:?\s*", re.IGNORECASE)
        self._inclusion_lead = re.compile(rf"^\s*{inclusion}\s*,?\s*", re.IGNORECASE)
        self._apposition_words = rec["apposition_words"]
        self._describing = re.compile(phrase_regex(rec['describing']), re.IGNORECASE)  # used with match(view, pos)
        self._others = compile_phrases(rec["others"])
        self._examples = re.compile(rf"\s{phrase_regex(rec['examples'])}\s*:\s*", re.IGNORECASE)
        self._bracket_only = re.compile(rf"\s*\({re.escape(MASK)}*\)\s*")
        self._named_count = re.compile(rf"{self._count.pattern}\s+{rec['copula']}$", re.IGNORECASE)
        self._copula = re.compile(rf"\s+{rec['copula']}\s+(?=\S)")
        self._decision = re.compile(rec["decision"], re.IGNORECASE)
        self._of = re.compile(r"\s*của\s+")
        # "khen thưởng cấp Tổng Liên đoàn (Lao động) cho …", "khen thưởng cấp tỉnh cho …": the level that honours
        self._honour_level = re.compile(rf"\s*cấp\s+(?:(?P<tld>{rec['confederation_level']})|{phrase_regex(rec['honour_levels'])})(?!\w)",
                                        re.IGNORECASE)
        self._confederation: str = rec["confederation"]
        self._rating = re.compile(rf"(?<!được\s){phrase_regex(rec['rating_verbs'])}[^,;]*", re.IGNORECASE)
        # "F do X trao tặng", past a few words qualifying the form: "Giải thưởng X năm 2023 do Y tổ chức"
        # "trao Giải thưởng X, gồm (các ông, bà): A, B": the list after the comma is the recipients'
        self._list_marker = re.compile(rf"(?:\s+\S+){{0,6}}?\s*,\s*{phrase_regex(rec['list_markers'])}", re.IGNORECASE)
        # what may follow a counted form before the next one: its grantor ("02 Cờ thi đua của X, 23 Bằng khen")
        self._counted_list = re.compile(r"(?:\s+của\s+[^,;]+?)?(?:\s+cho\s+[^,;]+?)?\s*")
        self._besides = re.compile(rf"(?:^|,)\s*{phrase_regex(rec['besides'])}\s+", re.IGNORECASE)
        self._given_by = re.compile(
            rf"(?:\s+(?!{phrase_regex(rec['not_form_qualifiers'])})[^\W_][\w/-]*){{0,6}}?\s+do\s+", re.IGNORECASE)
        self._organised = re.compile(rf"\s*{phrase_regex(rec['organised_by'])}", re.IGNORECASE)
        self._ceremony = re.compile(rf"{phrase_regex(rec['ceremony_nouns'])}\s*$", re.IGNORECASE)
        # a few words qualifying the form before its grantor: "Cờ thi đua xuất sắc năm 2024 của X"
        self._qualified_of = re.compile(
            rf"(?:\s+(?!{phrase_regex(rec['not_form_qualifiers'])})[^\W_][\w/-]*){{1,6}}?\s+của\s+", re.IGNORECASE)
        self._presenters = re.compile(rf"{phrase_regex(rec['presenters'])}\s*$", re.IGNORECASE)
        self._presenters_lead = re.compile(rf"\s*{phrase_regex(rec['presenters'])}\s", re.IGNORECASE)
        self._grantor_end = re.compile(phrase_regex(rec["after_grantor"]), re.IGNORECASE)
        self._unions_of = {noun.casefold(): union for noun, union in rec["union_of_named"].items()}
        self._together = re.compile(rf"(?<!\w){phrase_regex(rec['together'])}\s*$", re.IGNORECASE)
        self._named_collective = re.compile(rf"{phrase_regex(rec['named_collectives'])}\s+(?=[^\W\d_])", re.IGNORECASE)

    def _gap_ok(self, clause: Clause, start: int, end: int) -> bool:
        """Only names, auxiliaries, verbs of giving and receiving lie between two offsets."""
        tokens = clause.tokens
        i = clause.token_index_at(start)
        while i < len(tokens) and tokens[i].start < end:
            name = clause.name_starting_at(tokens[i].start) or next(
                (f for f in clause.forms if f.start == tokens[i].start), None)
            if name is not None:
                i = clause.token_index_at(name.end)
                continue
            n = self._gap_words.match(tokens, i) or int(tokens[i].text.isdigit())  # "trao tặng 36 Bằng ..."
            if not n:
                return False
            i += n
        return True

    def _awarder(self, clause: Clause, mention: FormMention) -> str | None:
        # "Bằng khen (của) X", "Cờ thi đua xuất sắc năm 2024 của X"; a generic honouring only with "của":
        # "Quyết định khen thưởng của X"
        view = clause.view
        if mention.generic and (level := self._honour_level.match(view, mention.end)) and level.group("tld"):
            return self._confederation
        for pattern in ([self._of] if mention.generic else [re.compile(r"\s*(?:của\s+)?"), self._qualified_of]):
            after = pattern.match(view, mention.end)
            name = clause.name_starting_at(after.end()) if after else None
            if name is not None and not name.person:
                return GrantingOffice(name.canonical) if after.group().strip() else name.canonical
        if not mention.generic and (by := self._given_by.match(view, mention.end)):  # "F do X trao tặng"
            name = clause.name_starting_at(by.end())
            if name is not None and not name.person and (self._aux_give.match(view, name.end)
                                                         or self._organised.match(view, name.end)):
                return name.canonical
        issued = None if mention.generic else self._issued.search(view, 0, mention.start)
        if issued is not None:  # "được Tổng LĐLĐ Việt Nam cấp Bằng Lao động sáng tạo"
            name = self._name_before(clause, issued.start())
            if name is not None and not name.person:
                return name.canonical
        for cue in self._decision.finditer(clause.view, 0, mention.start):  # "Theo Quyết định số … của X, …"
            name = clause.name_starting_at(cue.end())
            if name is not None and not name.person:
                return name.canonical
        for cue in self._on_behalf.finditer(clause.view, 0, mention.start):
            after = cue.end() + len(clause.view[cue.end():]) - len(clause.view[cue.end():].lstrip())
            name = clause.name_starting_at(after)
            if name is not None and not name.person:
                return name.canonical
            if state := self.state_after(clause.view, after):  # "Thừa ủy nhiệm của Đảng, Nhà nước"
                return state
        for verb in reversed([m for m in self._give.finditer(clause.view, 0, mention.end) if m.start() <= mention.start]):
            if not self._gap_ok(clause, verb.end(), mention.start):
                continue
            # "X (Thái Nguyên) đã tôn vinh", else the clause's subject: "X tổ chức gặp mặt, tuyên dương"
            name = self._name_before(clause, verb.start()) or self._subject(clause, verb.start())
            if name is None and (event := self._event_subject.search(clause.view, 0, verb.start())):
                return self._event_holder(clause, event.group())  # "hội nghị trao giấy khen": who organised it
            if name is None and (state := self.state_before(clause.view, verb.start())):
                return state  # "được Đảng, Nhà nước tặng thưởng Huân chương …"
            if name is not None and not name.person and \
                    (partner := held_with(clause, name, verb.start(), self._union_name, self._joined_holders)):
                return partner
            return self._union_partner(clause, name) if name is not None and not name.person else None
        if mention.generic and (event := self._event_subject.search(clause.view, 0, mention.start)):
            return self._event_holder(clause, event.group())  # "Ban tổ chức đã tuyên dương, khen thưởng 75 cán bộ"
        return None

    def _grantor_unnamed(self, clause: Clause, mention: FormMention) -> bool:
        """The form's grantor is told, not named: "nhiều bằng khen của các bộ, ngành Trung ương"."""
        return bool((of := self._of.match(clause.view, mention.end)) and self._unnamed_grantor.match(clause.view, of.end()))

    def _second_grantor(self, clause: Clause, mention: FormMention) -> str | None:
        """"Bằng khen của X và Y" (nothing but a preposition, an occasion or the end after Y): Y grants
        the form too, a second award of the same form."""
        if mention.generic:
            return None
        view = clause.view
        after = re.match(r"\s*của\s+", view[mention.end:])
        first = clause.name_starting_at(mention.end + after.end()) if after else None
        joined = re.match(r"\s*và\s+(?:của\s+)?", view[first.end:]) if first is not None and not first.person else None
        second = clause.name_starting_at(first.end + joined.end()) if joined else None
        if second is None or second.person:
            return None
        rest = view[second.end:].lstrip()
        return second.canonical if not rest or rest[0] in ".,;:" or self._grantor_end.match(rest) else None

    def _grantor_list(self, clause: Clause, mention: FormMention) -> bool:
        """"… cờ thi đua của Chính phủ, Bộ Y tế, UBND tỉnh": grantors listed with commas sum up many awards."""
        view = clause.view
        after = re.match(r"\s*của\s+", view[mention.end:])
        first = clause.name_starting_at(mention.end + after.end()) if after else None
        comma = re.match(r"\s*,\s*", view[first.end:]) if first is not None else None
        second = clause.name_starting_at(first.end + comma.end()) if comma else None
        return second is not None and not second.person

    def _giving_verb(self, clause: Clause, mention: FormMention) -> re.Match[str] | None:
        verbs = [m for m in self._give.finditer(clause.view, 0, mention.end) if m.start() <= mention.start
                 and self._gap_ok(clause, m.end(), mention.start)]
        return verbs[-1] if verbs else None

    def _verb_start(self, clause: Clause, mention: FormMention) -> int:
        verb = self._giving_verb(clause, mention)
        return verb.start() if verb else mention.start

    def _coordinated_awarders(self, clause: Clause, mention: FormMention) -> list[str]:
        """The awarders listed before the last one of a giving verb ("Tổng LĐLĐ Việt Nam, UBND tỉnh và LĐLĐ
        tỉnh tặng"): names joined by "và" or commas, the last join a "và"."""
        verb = self._giving_verb(clause, mention)
        last = self._name_before(clause, verb.start()) if verb else None
        if last is None or last.person:
            return []
        listed: list[str] = []
        pattern = r"\s+và\s+$"
        while (joined := re.search(pattern, clause.view[:last.start])) is not None:
            first = clause.name_ending_at(joined.start())
            if first is None or first.person or self._received(clause, first):
                break
            listed.insert(0, first.canonical)
            last, pattern = first, r"\s*,\s*$"
        return listed

    def _presented(self, clause: Clause, mention: FormMention) -> bool:
        """The giving verb's subject is the leaders of the awarder ("Lãnh đạo LĐLĐ tỉnh trao …") or an office
        after its holder's name: a caption of the hand-over, which the body tells with its grantor and count."""
        verb = self._giving_verb(clause, mention)
        name = self._name_before(clause, verb.start()) if verb else None
        subject = self._subject(clause, verb.start()) if verb and name is None else None  # "lãnh đạo X đã đến … trao"
        # "Ông A, Trưởng ban X, Chủ tịch Y trao …": a person named before the office hands it over ("Anh A, … được
        # Thủ tướng tặng" is the recipient)
        return name is not None and (bool(self._presenters.search(clause.view, 0, name.start))
                                     or any(n.person and n.end <= name.start and not self._receive.search(
                                         clause.view, n.end, name.start) for n in clause.names)) \
            or subject is not None and bool(self._presenters.search(clause.view, 0, subject.start))

    def _received(self, clause: Clause, name: Name) -> bool:
        """The name follows a recipient preposition ("… cho A và X tặng …"): A is a recipient, not an awarder."""
        return bool(re.search(rf"{self._preposition.pattern}\s*$", clause.view[:name.start], re.IGNORECASE))

    def _name_before(self, clause: Clause, pos: int) -> Name | None:
        """The name right before ``pos``, past auxiliaries and a bracket: "X (tỉnh Y) đã"."""
        view = clause.view
        aux = self._trailing_aux.search(view, 0, pos)
        end = aux.start() if aux else pos
        bracket = re.search(rf"\s*\({re.escape(MASK)}*\)\s*$", view[:end])
        return clause.name_ending_at(bracket.start() if bracket else end)

    def _subject(self, clause: Clause, pos: int) -> Name | None:
        """The name opening the clause (or its first comma segment after an adverbial) when only
        a verb phrase without names or receiving markers leads from it to ``pos``."""
        view = clause.view
        for name in clause.names:
            if name.start >= pos:
                return None
            lead = view[:name.start].rstrip()
            presenters = self._presenters.search(lead)  # "Lãnh đạo X và Y đã tổ chức …": X's leaders
            if presenters is not None:
                lead = lead[:presenters.start()].rstrip()
            if lead and not lead.endswith(","):
                continue
            between = view[name.end:pos]
            partner = next((n for n in clause.names if name.end < n.start and self._joined_holders.fullmatch(
                view, name.end, n.start)), None)  # "X và Y tổ chức …", "X phối hợp với Y …": the first of two holders
            # a name after "của" inside the verb phrase is a possessor ("sơ kết Kết luận … của Bộ Chính trị"), and one
            # right after a form its grantor ("trao Cờ thi đua của X …, bằng khen X cho …, trao giấy khen cho …")
            if self._receive.search(self._rating.sub("", between)) or self._member_of.search(between) \
                    or any(name.end <= n.start < pos and n is not partner and not re.search(r"(?<!\w)của\s*$", view[:n.start])
                           and not any(f.end <= n.start and not view[f.end:n.start].strip() for f in clause.forms)
                           for n in clause.names):
                return None
            return name
        return None

    def _recipients(self, clause: Clause, mention: FormMention, limit: int | None = None) -> Recipients:
        """Recipients of the form at ``mention``; those after it end at ``limit`` (where the next
        award of the clause is given: "... cho 15 tập thể và Chủ tịch UBND tỉnh tặng Bằng khen cho ...")."""
        found = Recipients()
        view = clause.view
        member = None
        for m in self._member_of.finditer(view, 0, mention.start):
            member = m
        if member is not None:
            self._walk_back(clause, member.start(), found)
            self._walk_forward(clause, member.end(), found, counts_only=True)
        else:
            # the first marker from which only verbs and names lead to the form ("được" in "được
            # công nhận") and before which recipients stand ("kết quả đạt được, A được ..." is A's)
            for marker in self._receive.finditer(view, 0, mention.start):
                if self._gap_ok(clause, marker.end(), mention.start):
                    self._walk_back(clause, marker.start(), found)
                    if found.names or found.count or found.kind or found.approximate:
                        found.passive = True
                        break
            self._title_holders(clause, mention, found)  # "1.200 lượt tập thể lao động tiên tiến": they hold it
            if found.passive and found.kind and not (found.names or found.count) \
                    and (examples := self._examples.search(view, mention.end, limit or len(view))):
                self._walk_forward(clause, examples.end(), found, end=limit)  # "Nhiều đơn vị được tặng F như: A, B"
        # "ngoài (vinh dự) đón nhận Bằng khen của Y, X còn trao …": X, the subject after the comma, received it
        besides = self._besides.search(view, 0, mention.start)
        if besides and not (found.names or found.count or found.kind) and self._gap_ok(clause, besides.end(), mention.start):
            comma = re.compile(r",\s*").search(view, mention.end)
            subject = clause.name_starting_at(comma.end()) if comma else None
            if subject is not None:
                found.add_name(subject)
        # "X tặng anh Giấy khen": a name between the giving verb and the form
        verb = next((v for v in reversed(list(self._give.finditer(view, 0, mention.start)))), None)
        if verb is not None and view[verb.end():mention.start].strip():
            name = clause.name_starting_at(verb.end() + len(view[verb.end():]) - len(view[verb.end():].lstrip()))
            if name is not None and name.end + len(view[name.end:mention.start]) - len(view[name.end:mention.start].lstrip()) \
                    == mention.start:
                found.add_name(name)
        # "tặng giấy khen 25 tập thể ...", "Bằng khen của X tặng 168 thầy, cô giáo": counted right after
        direct = self._direct_recipients(clause, mention)
        given = self._given_count(clause, mention)  # "trao 02 Cờ thi đua cho 02 …, cùng 23 tập thể": the flags' two
        # "tặng Bằng khen (của X) (nhân ...) cho ...", "khen thưởng (cho) 120 đoàn viên"
        preposition = self._preposition.search(view, mention.end)
        level = self._honour_level.match(view, mention.end) if mention.generic else None
        if direct is None and preposition and level and self._gap_ok(clause, level.end(), preposition.start()):
            self._walk_forward(clause, preposition.end(), found, end=limit)
        elif direct is not None:
            self._walk_forward(clause, direct, found, end=limit, bound=given)
        elif preposition and (self._gap_ok(clause, mention.end, preposition.start())
                              or not mention.generic and ("," not in view[mention.end:preposition.start()]
                                                          or self._list_marker.fullmatch(view, mention.end, preposition.end()))):
            self._walk_forward(clause, preposition.end(), found, end=limit, bound=given)
        elif mention.generic:  # "khen thưởng (cấp cơ sở) 04 tập thể": past the honouring's level
            self._walk_forward(clause, level.end() if level else mention.end, found, end=limit)
        # "trao tặng 36 Bằng Lao động sáng tạo cho các đồng chí": as many honoured as forms given; but a named
        # receiver's "X được tặng 25 Bằng khen" counts the honours it holds, not who is honoured
        if given is not None and found.count is None and not (found.passive and found.names):
            found.add_count(given)
        return found

    def _given_count(self, clause: Clause, mention: FormMention) -> int | None:
        """How many of the form are given, counted right before it after the giving verb ("trao tặng 36 Bằng
        khen"), or after a comma that follows such a counted form ("trao 02 Cờ thi đua, 23 Bằng khen của X")."""
        if mention.generic:
            return None
        view = clause.view
        given = re.search(rf"{self._give.pattern}\s+(\d{{1,4}})\s*$", view[:mention.start], re.IGNORECASE)
        if given:
            return int(given.groups()[-1])
        listed = re.search(r"(?:,|\svà)\s*(\d{1,4})\s*$", view[:mention.start])
        earlier = [f for f in clause.forms if f.end <= (listed.start() if listed else 0)]
        if listed and earlier and self._given_count(clause, earlier[-1]) is not None \
                and self._counted_list.fullmatch(view, earlier[-1].end, listed.start()):
            return int(listed.group(1))
        return None

    def _direct_recipients(self, clause: Clause, mention: FormMention) -> int | None:
        """Where counted recipients follow the form with no preposition, else None."""
        view = clause.view
        pos = mention.end + len(view[mention.end:]) - len(view[mention.end:].lstrip())
        if (of := re.match(r"của\s+", view[pos:])) and (name := clause.name_starting_at(pos + of.end())):
            pos = name.end + len(view[name.end:]) - len(view[name.end:].lstrip())
        if colon := re.match(r":\s*", view[pos:]):  # "- Bằng khen của X: 3 tập thể, 5 cá nhân"
            pos += colon.end()
        if (verb := self._give.match(view, pos)) is not None:
            pos = verb.end() + len(view[verb.end():]) - len(view[verb.end():].lstrip())
        return pos if self._count.match(view, pos) else None

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
            counts = list(self._count.finditer(view, max([s, *(m.end() for m in self._selecting.finditer(view, s, e))]), e))
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
        for s, e in list_items(view, start, len(view) if end is None else end):
            if bound is not None and found.count == bound and self._together.search(view, 0, s):
                return
            lead = self._opener.match(view[s:e])
            s += lead.end() if lead else 0
            if not counts_only and set(view[s:e].lower().split()) <= self._pronouns and clause.name_starting_at(s) is None:
                continue  # "gồm các ông, bà: A, B": the address before the names
            if (self._office.match(view, s) or clause.in_apposition(s, e)) and not counts_only:
                holder = None if found.names or found.count else self._holder_ending(clause, s, e)
                if holder is not None:  # "trao F cho Chủ tịch X Nguyễn Văn A": the office's holder receives
                    found.add_name(holder)
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
            if noun is not None:
                self._add_kind(noun.group(), found)
            if noun is None or noun.end() < e - s:
                return None if counts_only else self._comprised(clause, s, end, found)

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
        A group ends where a count's words run on; the walk stops at another act (a verb, a form)."""
        view = clause.view
        group: Recipients | None = None
        for s, e in list_items(view, start, end):
            lead = self._opener.match(view[s:e])
            if self._another_act(clause, s, e) or self._describing.match(view, s + (lead.end() if lead else 0)):
                return  # "…, đại diện cho 111 công đoàn, với 3.600 đoàn viên": whom they stand for
            count = self._count.match(view, s + (lead.end() if lead else 0), e)
            if count is None:
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

