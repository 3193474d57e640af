"""The forms of the awards component: where a clause names a form (Bằng khen, Huân chương …, a
generic "khen thưởng"), the full name an article gives a bare form, and whether a cue word ("sẽ",
"đề nghị" …) makes the mention talk about awarding rather than state an act (modality).

``AwardForms`` is a mixin of ``extract.awards.AwardExtractor``: it reads the forms, generic verbs and
modality cues of the awards lexicon (``award_forms.toml``, ``award_grammar.toml``).
"""

from __future__ import annotations

import re
from typing import Any

from extract.regex_scan import SubstringScan, finditer_at, lookbehind_reach, prefix_lookahead, with_first_chars
from extract.award_clauses import (
    CLOSING_QUOTES, MASK, OPENING_QUOTES, Clause, FormMention, compile_phrases, mask_enclosed, phrase_regex,
)


_QUOTES = re.compile(r"[“”\"«»]")
# A title named by its level only ("danh hiệu cấp TP"): award_forms.toml writes the elided title as this mark.
_ELIDED, _TITLE = "…", "danh hiệu "
_LEVEL = re.compile(r"\s+(?:toàn quốc|cơ sở|cấp .*)$")
_DAY_MONTH = re.compile(r"(?<![\d.])(\d{1,2})\.(\d{1,2})(?![\d.])")
# How many first characters of a form the article's scan looks for: 4 leave about 20 places per form found
_FORM_PREFIX = 4


class AwardForms:
    """Form mentions, generic honourings and modality; patterns compiled by ``_init_forms``."""

    def _init_forms(self, lexicon: dict[str, Any]) -> None:
        self._forms = [
            (re.compile(rf"(?<!\w)(?:{entry['pattern']})(?!\w)", re.IGNORECASE), entry["form"])
            for entry in lexicon["forms"]
        ]
        # one search tells whether a clause names any form at all (most do not): the alternation of
        # every form, named groups made plain, matches where one of them would
        plain = [re.sub(r"\(\?P<\w+>", "(?:", entry["pattern"]) for entry in lexicon["forms"]]
        self._any_form = None if any(re.search(r"\(\?P=|\\\d", p) for p in plain) else with_first_chars(re.compile(
            rf"(?<!\w)(?:{'|'.join(f'(?:{p})' for p in plain)})(?!\w)", re.IGNORECASE))
        reach = None if self._any_form is None else lookbehind_reach(self._any_form)
        lookahead = None if reach is None else prefix_lookahead(self._any_form, _FORM_PREFIX)
        self._form_scan = None if lookahead is None else (self._any_form, lookahead, reach)
        self._form_words: dict[str, str] = lexicon["form_words"]
        self._granted_in_quotes = re.compile(rf"\s*{phrase_regex(lexicon['granted_in_quotes'])}\s+của\s", re.IGNORECASE)
        generic = lexicon["generic"]
        self._generic_form: str = generic["form"]
        self._generic = compile_phrases(generic["verbs"])
        # "X tổ chức Lễ tuyên dương …", "X tổ chức chương trình Lễ trao tặng F và tuyên dương …"
        # … and "X tổ chức tuyên dương NLĐ": the honouring itself held; "X tổ chức chương trình gặp mặt, biểu dương …"
        self._held = re.compile(rf"{phrase_regex(generic['held'])}\s+(?:(?:\S+\s+)?{phrase_regex(generic['held_events'])}"
                                rf"(?:\s[^.;:]*\svà|\s[^.;:,]*,)?\s*)?$", re.IGNORECASE)
        self._held_selection = re.compile(rf"{phrase_regex(generic['held'])}\s+{phrase_regex(generic['held_selections'])}"
                                          rf"\s[^.;:]*?\s(?:để|nhằm)\s+(?:[^.;:]*\svà\s+)?$", re.IGNORECASE)
        self._host_verb = re.compile(phrase_regex(generic["held"]), re.IGNORECASE)
        # "Chương trình do X (phối hợp cùng Y, Z) tổ chức": X hosts the article's honouring; "do X, Y và Z cùng tổ
        # chức" names no one host
        self._programme_by = re.compile(rf"(?<!\w){phrase_regex(generic['held_events'])}\s+do\s+", re.IGNORECASE)
        self._hosted_with = re.compile(rf"\s+(?:{phrase_regex(lexicon['prizes']['co_organised_with'])}\s+[^.;]*?\s+)?"
                                       rf"(?:đã\s+)?{phrase_regex(generic['held'])}(?!\w)", re.IGNORECASE)
        # "Lễ tuyên dương sẽ được X tổ chức …": the host of the honouring named in the passive
        self._held_by = re.compile(rf"{phrase_regex(generic['held_events'])}\s+{self._generic.pattern}"
                                   rf"\s+(?:sẽ\s+|đã\s+)?(?:được|do)\s+", re.IGNORECASE)
        self._generic_noun_before = re.compile(
            rf"(?:{phrase_regex(generic['noun_heads'])}\s*|{phrase_regex(generic['listed_with'])}[\s,\-–]*(?:và\s+)?)$",
            re.IGNORECASE,
        )
        modality = lexicon["modality"]
        # function words: lower case, or capitalised at the start of the clause ("Cần" in "Cần Thơ" is none)
        self._cue = re.compile(phrase_regex(modality["cues"]))
        self._initial_cue = re.compile(rf"\s*{phrase_regex(c.capitalize() for c in modality['cues'])}")
        self._past = re.compile(phrase_regex(modality["past_markers"]))
        self._same_day = re.compile(phrase_regex(modality["same_day"]), re.IGNORECASE)
        self._same_day_cues = set(modality["same_day_cues"])
        self._same_day_named = re.compile(rf",?\s*{phrase_regex(modality['same_day_named'])}\s*:", re.IGNORECASE)
        self._decided = re.compile(phrase_regex(modality["decided"]))
        self._purpose = re.compile(phrase_regex(modality["purpose_cues"]))
        self._not_cues = re.compile(phrase_regex(modality["not_cues"]), re.IGNORECASE)
        self._counted_not_cues = re.compile(phrase_regex(modality["counted_not_cues"]), re.IGNORECASE)
        self._short_segment = modality["short_segment_words"]

    def _read_article(self, text: str) -> None:
        """Scans the article's text (and its copy with quotes as spaces, when first needed) for the places
        where a form can begin: each piece of it read later (the body, a line, a clause) is tried only there."""
        self._article_scans: list[SubstringScan | None] | None = None if self._form_scan is None else [
            SubstringScan(*self._form_scan, text), None]

    def _full_forms(self, text: str) -> dict[str, str]:
        """A bare form ("Kỷ niệm chương") -> the one full name the article gives it anywhere (a caption
        before the body says "trao Kỷ niệm chương", the body names it "Kỷ niệm chương “Vì sự nghiệp …”")."""
        full: dict[str, set[str]] = {}
        for mention in self._form_mentions(text, 0):
            base = mention.form.split(" \"")[0]
            if base != mention.form:
                full.setdefault(base, set()).add(mention.form)
        return {base: forms.pop() for base, forms in full.items() if len(forms) == 1}


    def _form_mentions(self, text: str, at: int) -> list[FormMention]:
        """The forms named in ``text``, which the article's text holds at ``at``."""
        last = self.__dict__.get("_last_mentions")  # the article's full forms and its prize read one text
        if last is None or last[0] != text:
            last = self._last_mentions = (text, self._scan_forms(text, at))
        return list(last[1])

    def _form_starts(self, text: str, at: int, quoted: bool) -> list[int] | None:
        """Every offset of ``text`` where some form matches (None without the alternation): ``text`` is the
        article's text at ``at`` (its copy with quotes as spaces if ``quoted``), whose scan tells where to try."""
        if self._any_form is None:
            return None
        scans = self.__dict__.get("_article_scans")
        if scans is not None and scans[quoted] is None and quoted:
            scans[quoted] = SubstringScan(*self._form_scan, _QUOTES.sub(" ", scans[0].text))
        scan = scans[quoted] if scans is not None else None
        if scan is not None and scan.text.startswith(text, at):
            return scan.starts(at, at + len(text))
        starts, pos = [], 0  # a text of no article read
        while (m := self._any_form.search(text, pos)) is not None:
            starts.append(m.start())
            pos = m.start() + 1
        return starts

    def _scan_forms(self, text: str, at: int) -> list[FormMention]:
        starts = self._form_starts(text, at, False)
        # a form in quotes ("tặng “Bằng khen”", "danh hiệu “Lao động giỏi”") is read with its quotes as spaces
        plain = _QUOTES.sub(" ", text) if _QUOTES.search(text) else None
        plain_starts = self._form_starts(plain, at, True) if plain is not None else None
        if plain is not None and self._any_form is not None and not any(_QUOTES.search(
                text, max(m.start() - 1, 0), m.end() + 1) for m in finditer_at(self._any_form, plain, plain_starts)):
            plain = None  # no form touches a quote: the text alone tells
        if starts == [] and plain is None:
            return []
        view = mask_enclosed(text, self._granted_in_quotes)  # (only for a text where a form may be: most lines and clauses have none)
        found = []
        for rank, (pattern, template) in enumerate(self._forms):
            for m in [*finditer_at(pattern, text, starts), *(finditer_at(pattern, plain, plain_starts) if plain else ())]:
                start, end = m.start(), m.end()
                if plain is not None and m.string is plain:
                    opened = start > 0 and text[start - 1] in OPENING_QUOTES
                    if view[start] == MASK and not (opened and end < len(text) and text[end] in CLOSING_QUOTES):
                        continue  # inside a quoted name, not the whole of it
                    start, end = start - opened, end + (end < len(text) and text[end] in CLOSING_QUOTES)
                elif view[start] == MASK:
                    continue
                # a day and month in a name are written with a slash ("Giải thưởng 22.7" is "Giải thưởng 22/7")
                words = {k: _DAY_MONTH.sub(r"\1/\2", self._form_words.get(v.lower(), v.strip()))
                         for k, v in m.groupdict().items() if v}
                found.append((start, -(end - start), rank, end, template.format(**words)))
        mentions: list[FormMention] = []
        for start, _, _, end, form in sorted(found):
            if form.startswith(_TITLE + "“") and self._granted_in_quotes.match(form, len(_TITLE) + 1):
                continue  # "danh hiệu “Cờ thi đua của X”": the flag and its grantor, read as plain words
            if text[start] in OPENING_QUOTES and form.startswith(_TITLE + "“") \
                    and not (mentions and re.fullmatch(r"\s+và\s+", text[mentions[-1].end:start])):
                continue  # "“A” và “B”" gives a second title only after a title: not after a movement's name
            if not mentions or start >= mentions[-1].end:
                mentions.append(FormMention(start, end, form))
        return self._titled(mentions)

    @staticmethod
    def _titled(mentions: list[FormMention]) -> list[FormMention]:
        """A title named by its level only takes the title named before it: "278 giáo viên đạt danh hiệu chiến sĩ
        thi đua cấp cơ sở, 30 giáo viên đạt danh hiệu cấp TP" (the city-level one); with none before, no form."""
        kept: list[FormMention] = []
        for mention in mentions:
            if _ELIDED in mention.form:
                named = next((k.form for k in reversed(kept) if k.form.startswith(_TITLE) and _ELIDED not in k.form), None)
                if named is None:
                    continue
                title = _LEVEL.sub("", named[len(_TITLE):])
                mention = FormMention(mention.start, mention.end, mention.form.replace(_ELIDED, title))
            kept.append(mention)
        return kept

    def _generic_mentions(self, view: str) -> list[FormMention]:
        """Runs of generic verbs ("biểu dương, khen thưởng") not used as nouns."""
        mentions: list[FormMention] = []
        for m in self._generic.finditer(view):
            if mentions and re.fullmatch(r"[\s,]*(?:và\s*)?", view[mentions[-1].end:m.start()]):
                mentions[-1] = FormMention(mentions[-1].start, m.end(), self._generic_form, generic=True)
            elif not self._generic_noun_before.search(view[:m.start()]) or self._held.search(view[:m.start()]):
                mentions.append(FormMention(m.start(), m.end(), self._generic_form, generic=True))
        return mentions


    def _shared_list(self, clause: Clause, mention: FormMention, later: list[FormMention]) -> FormMention | None:
        """The next form when only "và", a comma or nothing stands between the two ("Cờ thi đua và Bằng khen",
        "nhận cờ thi đua giấy khen của X")."""
        if later and not mention.generic and not later[0].generic \
                and re.fullmatch(r"\s*(?:,|và|cùng)?\s*", clause.view[mention.end:later[0].start]):
            return later[0]
        # counted forms listed after one verb share the recipients after the last: "trao 02 Cờ thi đua, 23 Bằng khen
        # của X cho các tập thể …"
        if later and not mention.generic and not later[0].generic \
                and re.fullmatch(r"(?:\s+của\s+[^,;]+?)?\s*(?:,|và)\s*\d{1,4}\s*", clause.view[mention.end:later[0].start]) \
                and self._given_count(clause, later[0]) is not None:
            return later[0]
        return None

    def _elided_forms(self, clause: Clause) -> list[FormMention]:
        """A second giver of the clause's last form that does not repeat it: "UBND tỉnh tặng Bằng khen cho 5 tập
        thể, LĐLĐ tỉnh tặng cho 10 cá nhân" (the verb stands for the form)."""
        if not clause.forms:
            return []
        last, view = clause.forms[-1], clause.view
        return [FormMention(verb.start(), verb.end(), last.form) for verb in self._give.finditer(view, last.end)
                if self._preposition.match(view, verb.end() + len(view[verb.end():]) - len(view[verb.end():].lstrip()))
                and (giver := self._name_before(clause, verb.start())) is not None and not giver.person]


    def _init_prizes(self, prizes: dict[str, Any]) -> None:
        bare = rf"(?:{prizes['bare']})(?!\w)"
        self._prize_names = tuple(prizes["forms"])
        tail = rf"(?:\s+{phrase_regex(prizes['bare_subject_tail'])})*\s*"
        self._bare_subject = re.compile(rf"\s*{bare}{tail}", re.IGNORECASE)
        self._named_subject = re.compile(rf"(?:\s+(?:{'|'.join(prizes['edition'])})(?!\w))*{tail}", re.IGNORECASE)
        self._co_organiser = re.compile(rf"\s*{phrase_regex(prizes['co_organisers'])}\s+", re.IGNORECASE)
        self._organised_with = re.compile(rf"\s*{phrase_regex(prizes['co_organised_with'])}\s+", re.IGNORECASE)
        # two who hold an honouring together: "X và Y tổ chức …", "X phối hợp với Y tổ chức …"
        self._joined_holders = re.compile(rf"\s+(?:và|{phrase_regex(prizes['co_organised_with'])})\s+", re.IGNORECASE)
        self._bare_object = re.compile(rf"(?<!\w){phrase_regex(prizes['bare_after'])}\s+(?P<bare>{bare})"
                                       rf"(?!\s+{phrase_regex(prizes['not_bare_next'])}(?!\w))", re.IGNORECASE)

    def _article_prize(self, text: str) -> str | None:
        """The one prize an article names ("Giải thưởng Tôn Đức Thắng"), else None."""
        # line by line: a prize's name never runs on over a line break into the next line's capitals (headline, lead)
        named: set[str] = set()
        at = 0  # where the line starts in the text
        for line in text.split("\n"):
            named |= {m.form for m in self._form_mentions(line, at)
                      if m.form.startswith(self._prize_names)}
            at += len(line) + 1
        return named.pop() if len(named) == 1 else None

    def _bare_prizes(self, clause: Clause, generic: list[FormMention]) -> tuple[list[FormMention], list[FormMention]]:
        """The article's prize called "giải thưởng": a generic verb whose subject it is gives the prize ("Giải
        thưởng đã vinh danh 11 kỹ sư"), and so does a giving or receiving verb before it ("trao giải cho chị A").
        Returns the mentions of the prize and the generic mentions left."""
        view = clause.view
        # a prize named in full as the subject: "Giải thưởng X lần thứ III năm 2018 tôn vinh 70 đoàn viên"
        named = [(g, f) for g in generic for f in clause.forms if f.form.startswith(self._prize_names)
                 and self._named_subject.fullmatch(view, f.end, g.start)]
        found = [FormMention(g.start, g.end, f.form) for g, f in named]
        generic = [g for g in generic if g not in {g for g, _ in named}]
        prize = clause.article.prize
        if prize is None:
            return found, generic
        subjects = [g for g in generic if self._bare_subject.fullmatch(view[:g.start].rsplit(",", 1)[-1])]
        found += [FormMention(g.start, g.end, prize) for g in subjects]
        for m in self._bare_object.finditer(view):
            if not any(f.start < m.end("bare") and m.start("bare") < f.end for f in clause.forms):
                found.append(FormMention(m.start("bare"), m.end("bare"), prize))
        return found, [g for g in generic if g not in subjects]


    def _prize_giver(self, clause: Clause) -> str | None:
        """"Giải thưởng X do A (phối hợp với B) tổ chức": the organiser of the article's prize, the union of two."""
        for mention in (m for m in clause.forms if m.form == clause.article.prize):
            by = self._given_by.match(clause.view, mention.end)
            first = clause.name_starting_at(by.end()) if by else None
            if first is None or first.person:
                continue
            joined = self._co_organiser.match(clause.view, first.end)
            second = clause.name_starting_at(joined.end()) if joined else None
            last = second if second is not None and not second.person else first
            if self._aux_give.match(clause.view, last.end) or self._organised.match(clause.view, last.end):
                unions = [n.canonical for n in (first, second) if n is not None and self._union_name.match(n.canonical)]
                return (unions or [first.canonical])[0]
        return None

    def _remember(self, clause: Clause) -> None:
        """What later clauses need: the full name of a form ("Kỷ niệm chương “Vì sự nghiệp …”") and
        who organises the event ("Công đoàn ngành Y tế tỉnh tổ chức hội nghị …")."""
        for mention in clause.forms:
            base = mention.form.split(" \"")[0]
            if base != mention.form:
                clause.article.named_forms[base] = mention.form
        clause.article.prize_giver = clause.article.prize_giver or self._prize_giver(clause)
        for m in self._held_by.finditer(clause.view):
            host = clause.name_starting_at(m.end())
            after = host.end + len(clause.view[host.end:]) - len(clause.view[host.end:].lstrip()) if host else 0
            if host is not None and not host.person and self._host_verb.match(clause.view, after):
                clause.article.honour_host = clause.article.honour_host or host.canonical
        for m in self._programme_by.finditer(clause.view):
            host = clause.name_starting_at(m.end())
            if host is not None and not host.person and self._hosted_with.match(clause.view, host.end):
                clause.article.honour_host = clause.article.honour_host or host.canonical
        for m in self._organises.finditer(clause.view):  # "X (phối hợp với ban Y) tổ chức hội nghị": X, Y no name
            name = self._name_before(clause, m.start()) or self._subject(clause, m.start())
            if name is not None and not name.person:
                clause.article.organiser = self._union_partner(clause, name)


    def _is_modal(self, view: str, trigger: int) -> bool:
        """A cue word ("sẽ", "cần", "đề nghị" ...) governs the form at ``trigger``."""
        segments = view[:trigger].split(",")
        for k in range(len(segments) - 1, -1, -1):
            segment = segments[k]
            cues = list(self._cue.finditer(segment)) or [m for m in [self._initial_cue.match(segment)] if m and k == 0]
            if cues and not self._past.search(segment, cues[-1].end()) and not (
                    self._purpose.fullmatch(cues[-1].group()) and self._decided.search(segment, 0, cues[-1].start())) \
                    and not (cues[-1].group() in self._same_day_cues and self._same_day.search(view, 0, trigger)
                             and self._same_day_named.search(view, trigger)):
                return True
            words = len(segment.split())
            if words > (1 if k == len(segments) - 1 else self._short_segment):
                return False
        return False

    def _is_modal_after(self, view: str, mention: FormMention) -> bool:
        """The form opens the clause and a cue governs its verb: "Cờ thi đua của X chỉ xét tặng cho ..."."""
        # up to a comma or a "và" that opens another verb phrase ("… được biểu dương X và 1 công nhân được đề
        # nghị khen thưởng": the cue is the second one's)
        stop = re.compile(r",|(?<!\w)và(?!\w)").search(view, mention.end)
        verb = self._give.search(view, mention.end, len(view) if stop is None else stop.start())
        if verb is None:
            return False
        cues = list(self._cue.finditer(view, mention.end, verb.end()))
        return bool(cues) and not self._past.search(view, cues[-1].end(), verb.start())
