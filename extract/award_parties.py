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

from extract.award_clauses import MASK, Clause, FormMention, GrantingOffice, Name, Phrases, Recipients, compile_phrases, phrase_regex
from extract.award_lists import held_with
from extract.numbers import number_words, parse_number


class AwardParties:
    """Awarder and recipients of a form mention (a part of ``AwardExtractor``)."""

    def _init_recipients(self, rec: dict[str, Any]) -> None:
        self._collective = compile_phrases(rec["collective"])
        self._individual = compile_phrases(rec["individual"])
        self._families = compile_phrases(rec["families"])
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
        self._breakdown_lead = re.compile(
            rf"^\s*{phrase_regex(rec['breakdown_openers'])}\s+(?P<group>[^,;:]*?)\s(?:đã\s+)?được\s+(?=\S)", re.IGNORECASE)
        self._apposition_words = rec["apposition_words"]
        self._describing = re.compile(phrase_regex(rec['describing']), re.IGNORECASE)  # used with match(view, pos)
        self._representing = re.compile(rf"{phrase_regex(rec['representing'])}\s+", re.IGNORECASE)
        self._own_outcome = re.compile(phrase_regex(rec['own_outcomes']), re.IGNORECASE)
        self._programme = re.compile(rf"{phrase_regex(rec['programme_nouns'])}\s+$", re.IGNORECASE)
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
        # an organisation written as one acronym opening the clause (or after its comma) before the receiving verb: "TTXVN vinh dự được
        # đón nhận Huân chương …" (not a kind of person or group written short: "CNVCLĐ được …")
        self._acronym_subject = re.compile(
            rf"(?:^|,)\s*(?P<name>[A-ZĐ][A-ZĐ0-9&]{{2,}}(?:-[A-ZĐ0-9]+)?)(?:\s+{phrase_regex(rec['subject_adverbs'])})*\s*$")
        self._occasion_lead = re.compile(rf"(?:^|,)\s*{phrase_regex(rec['occasion_adverbials'])}$", re.IGNORECASE)
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
        """The name opening the clause (or its first comma segment after an adverbial, or an adverbial of the occasion
        without its comma) when only a verb phrase without names or receiving markers leads from it to ``pos``."""
        view = clause.view
        for name in clause.names:
            if name.start >= pos:
                return None
            lead = view[:name.start].rstrip()
            presenters = self._presenters.search(lead)  # "Lãnh đạo X và Y đã tổ chức …": X's leaders
            if presenters is not None:
                lead = lead[:presenters.start()].rstrip()
            if lead and not lead.endswith(",") and not self._occasion_lead.search(lead):
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
                    if not (found.names or found.count or found.kind or found.approximate) \
                            and (acronym := self._acronym_subject.search(view, 0, marker.start())) \
                            and not self._noun_item.fullmatch(acronym.group("name")):
                        found.add_name(Name(acronym.start("name"), acronym.end("name"), acronym.group("name")))
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
        elif mention.generic and not (found.passive and self._inclusion_lead.match(
                view[level.end() if level else mention.end:])):  # "khen thưởng (cấp cơ sở) 04 tập thể": past the level
            # (not "111 cháu được khen thưởng, trong đó có 09 cháu …": some of those honoured before the verb)
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
