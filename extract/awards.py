"""The ``congdoan_awards`` component: acts of honouring (khen thưởng).

An award is one act of honouring stated in a clause (a sentence cut at ";" and "|"):
a *form* (Bằng khen, Huân chương Lao động hạng Ba, a generic "khen thưởng" ...) given by
an *awarder* to *recipients*. The component reads each clause as Vietnamese news writes
it, with regular expressions and word lists from ``data/lexicon/award_{forms,grammar,names,occasion}.toml``
(read as one table by ``award_clauses.award_lexicon``):

* forms are found on the text as written; everything else on a *view* of the clause in
  which the contents of brackets and quotes are blanked, so that the commas inside a
  quoted movement name do not split a list of recipients;
* names (organisations, bodies, offices, people) are the units found by
  ``congdoan_units`` when it ran, else phrases that start with a head word and run over
  capitalised syllables and the words underthesea joined to them;
* the awarder is the name after the form ("Bằng khen *của* X") or the name right before
  the giving verb ("X (đã) tặng", "được X tặng");
* the recipients are the names and counted nouns right before a receiving marker
  ("A và B (vinh dự) được ...", "A và B là 2 trong số 58 tập thể ...") or after the
  preposition that follows the form ("tặng Bằng khen cho ...");
* a clause that only talks about awarding (a cue such as "sẽ", "cần", "đề nghị" before
  the form) or that names no awarder, no recipient and no count states no award.

Decisions where the annotation guide is silent:

* Names: union units are canonicalised by ``extract.units.canonical_unit_name`` (with the
  article's context, so "LĐLĐ tỉnh" takes the site's province) or taken from the unit span
  they overlap; a body written before its organisation stays in the awarder ("Ban Chấp hành
  Tổng Liên đoàn Lao động Việt Nam", "Chủ tịch Ủy ban nhân dân tỉnh X"); UBND and HĐND are
  expanded; "Thủ tướng" is "Thủ tướng Chính phủ"; people keep their name without a title.
* Awarder: "Bằng khen (của) X" first (also past a few words qualifying the form: "Cờ thi đua xuất
  sắc năm 2024 của X"; "của X và Y" is two grantors, a comma list of grantors sums up many awards
  and states none alone), then "thừa ủy quyền của X / thay mặt X", then "Theo Quyết định (số …)
  của X", then the name before the giving verb (every name of "X, Y và Z tặng"). A person who
  hands an award over is never its awarder, a union's chair grants as the union ("Chủ tịch LĐLĐ
  tỉnh X" -> the federation), state offices stay ("Chủ tịch Ủy ban nhân dân tỉnh X"), and
  "các cấp" is none. A caption of the hand-over by the awarder's leaders ("Lãnh đạo X trao F cho
  các tập thể") with neither count nor name states no act when the body tells F again.
* Count: the exact counts of recipient nouns are summed ("25 tập thể, 35 cá nhân" -> 60),
  whatever their qualifier ("trên 70" -> 70); "hàng trăm / hàng nghìn" give the kind and make
  an award, but no number; "các / nhiều tập thể" give the kind only and make no award.
* Occasion, first found of: an event after "nhân (dịp)" (ending at a comma or at "và" + a
  second activity: "... Ngày sinh Chủ tịch Hồ Chí Minh và sơ kết ..." stops before "và"); a
  reason from "(vì) (đã) có / đạt thành tích ..." (running over commas to the end of the
  clause or to a verb like "được"); "tại Lễ / Hội nghị X" when X says more than the noun.
  The text is kept as written.
* Article memory (``ArticleState``): a given name or a bare "chị"/"anh" stands for the person
  named before; "Công đoàn nhà trường" for the article's one grassroots union; "Trong số đó có X"
  after an award adds X to its recipients; a clause opening "Dịp này" / "Tại buổi gặp mặt" takes
  the event an earlier sentence named when it states no occasion of its own.
* Appositions after a person (trade, office, workplace) are never recipients; a union-headed
  name the units component did not take ("Công đoàn Việt Nam" in an event's name) is no name.
* Subjects: "X tổ chức ... và đón nhận F" gives recipient X; "X tổ chức gặp mặt, tuyên dương N
  ..." gives awarder X (no receiving marker and no other name between X and the verb).
* Recipients may follow a reason ("cho A vì X và B vì Y": the occasion ends before B), "gồm", a
  colon, or run on as a list past semicolons; a bare form ("Kỷ niệm chương") takes the one full
  name the article gives it anywhere.
* One award per form per clause; generic verbs ("biểu dương, khen thưởng" is one) only in a
  clause that names no specific form. The first award of a clause spans the clause, a further
  one starts at its form (spaCy keeps span extension values by offsets).

The pieces: ``award_clauses`` (clause views, tokens, records, the lexicon), ``award_forms`` (form
mentions, generic verbs, modality), ``award_lists`` (lists running on over clauses), ``award_names`` (names),
``award_parties`` (awarder and recipients), ``award_walk`` (a list of recipients walked), ``award_occasion``
(occasion), ``award_retold`` (one act told again in the lead, a caption and the body); this module decides which
mentions are awards, finds their awarders and writes the spans.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from dataclasses import replace
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.award_article import placed, settle
from extract.award_clauses import (
    MASK, TOKEN, ArticleState, Clause, FormMention, Phrases, Recipients, Token, award_lexicon, clause_breaks,
    compile_phrases, mask_enclosed, phrase_regex,
)
from extract.award_forms import AwardForms
from extract.award_grantors import AwardGrantors
from extract.award_lists import AwardLists
from extract.award_names import AwardNames
from extract.award_occasion import AwardOccasion
from extract.award_parties import AwardParties
from extract.award_walk import AwardRecipientWalk
from extract.doc_index import DocIndex, Sentence, doc_index
from extract.spans import SpanIndex, add_span, fields_of
from extract.units import unit_parser


_NUMBERED_PHOTO = re.compile(r"[-–]\s*Ảnh\s*\d+\.?\s*$")  # a photo's numbered caption: "… - Ảnh 1."
# a counted group made the subject of an honouring: "…, 110 công đoàn viên được khen thưởng …" (an act of its own
# before a form the sentence goes on to: "…, 100% nữ đoàn viên đạt danh hiệu X")
_COUNTED_PASSIVE = re.compile(r"(?<![\w.,])\d[\d.]*\s+(?:[^\W\d_]+\s+){1,5}(?:đã\s+|cũng\s+)?được\s*$")


def _one_syllable_nouns(index: DocIndex) -> tuple[list[int], list[int]]:
    """The tokens tagged N of one syllable: their indices and offsets."""
    nouns = [t for t in index.tokens if t.tag == "N" and " " not in t.text]
    return [t.i for t in nouns], [t.idx for t in nouns]


class AwardExtractor(AwardGrantors, AwardForms, AwardLists, AwardNames, AwardParties, AwardRecipientWalk, AwardOccasion):
    """Finds awards in a Doc; every pattern is compiled once, here."""

    def __init__(self, lexicon: dict[str, Any]):
        verbs = lexicon["verbs"]
        self._give = compile_phrases(verbs["give"])
        self._on_behalf = compile_phrases(verbs["on_behalf"])
        self._receive = re.compile("".join(rf"(?<!{w}\s)" for w in verbs["not_receiving"]) + phrase_regex(verbs["receive"]), re.I)
        self._selecting = compile_phrases(verbs["selecting"])
        self._member_of = re.compile(rf"(?<!\w){verbs['member_of']}(?!\w)", re.IGNORECASE)
        self._preposition = compile_phrases(verbs["recipient_prepositions"])
        self._issued = re.compile(rf"\s{phrase_regex(verbs['issue'])}\s*$", re.IGNORECASE)
        self._aux_give = re.compile(rf"\s*(?:{phrase_regex(verbs['auxiliaries'])}\s+)*{self._give.pattern}", re.IGNORECASE)
        self._trailing_aux = re.compile(rf"(?:\s+{phrase_regex(verbs['auxiliaries'])})*\s*$", re.IGNORECASE)
        self._apposition_stop = re.compile(
            phrase_regex(verbs["give"] + verbs["receive"] + verbs["apposition_stops"]), re.IGNORECASE)
        self._gap_words = Phrases(
            verbs["give"] + verbs["auxiliaries"] + verbs["receive"] + lexicon["generic"]["verbs"]
            + lexicon["names"]["generic"]["list"] + verbs["gap_words"]
        )
        # what lies between two forms received together: "Giấy khen của X, Bằng khen của Y", "F và nhiều G"
        self._listed_form = re.compile(r"(?:\s+của\s+[^,;]+?)?\s*(?:,|\svà)\s*(?:nhiều\s+)?")
        self._received_too = re.compile(rf"\svà\s+(?:{phrase_regex(verbs['receive'])})\s*$", re.IGNORECASE)
        self._statutory_awarders = [(s["form"], s["awarder"], set(s["keep"])) for s in lexicon["statutory"]]
        self._bare_forms: dict[str, str] = lexicon["bare_forms"]
        self._prize_forms = tuple(lexicon["prizes"]["forms"])
        self._init_prizes(lexicon["prizes"])
        self._office_start = re.compile(phrase_regex(lexicon["names"]["office_heads"]))
        self._unnamed_grantor = compile_phrases(lexicon["names"]["generic"]["list"])
        self._prize_of = re.compile(rf"\s+(?:\S+\s+){{1,16}}?{phrase_regex(lexicon['prizes']['receive'])}\s+")
        self._union_name = re.compile(rf"(?:{phrase_regex(lexicon['names']['bodies']['list'])}\s+)?"
                                      rf"{phrase_regex(lexicon['names']['union_chairs']['unions'])}")
        chairs = lexicon["names"]["union_chairs"]
        self._union_chair = re.compile(
            rf"(?:{phrase_regex(chairs['offices'])})\s+(?=(?:{phrase_regex(chairs['unions'])}))")
        self._init_forms(lexicon)
        self._init_recipients(lexicon["recipients"])
        self._init_names(lexicon["names"])
        self._init_occasion(lexicon["occasion"])


    # -- the component --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        units = list(doc.spans.get("units", []))
        article = ArticleState(grassroots=list(dict.fromkeys(
            fields_of(u, "units")["name"] for u in units if fields_of(u, "units").get("level") == "grassroots")))
        named = {fields_of(u, "units")["name"] for u in units}
        article.sole_union = named.pop() if len(named) == 1 else None
        found: list[tuple[int, int, dict[str, Any]]] = []
        sentence_of: dict[int, int] = {}  # id of an award's fields -> where its sentence starts
        index = doc_index(doc)  # text, tokens and sentences read once (spaCy rebuilds them per access)
        text = index.text  # with its homoglyphs replaced, same length: offsets hold
        text = text.translate(_HOMOGLYPHS) if any(c in text for c in _HOMOGLYPH_CHARS) else text
        article.context = placed(doc._.context, units)
        self._read_article(text)
        article.prize = self._article_prize(text)
        if article.prize is None and self._names_no_award(index.sents, text):
            return doc  # (about half the articles): their clauses would tell no award, nothing to read them for
        article.named_forms = self._full_forms(text)
        article.places = unit_parser().places(text)  # the units component's, cached: "Ủy ban nhân dân huyện" of one district
        title = doc._.context.title if doc._.context else None
        body = text[len(title):] if title and text.startswith(title) else text
        article.form_counts = Counter(article.named_forms.get(m.form, m.form)
                                      for m in self._form_mentions(body, len(text) - len(body)))
        by_start = SpanIndex(units)  # a clause's units, without scanning them all: linear in the text
        # a headline the body tells again as planned ("Biểu dương 100 …" over "LĐLĐ sẽ biểu dương 100 …"): no act
        planned = len(title) if title and body is not text and self._planned_in(title, body) else 0
        for sent in index.sents:
            if _LIST_NUMBER.fullmatch(sent.text) or sent.start_char < planned:
                continue  # "1." split from its item: the list runs on; a planned act's headline
            in_sentence: list[tuple[int, int, dict[str, Any]]] = []
            article.sentence_awarder = None
            clauses = [self._clause(doc, text, start, end, by_start, article)
                       for start, end in self._clause_bounds(sent.text, sent.start_char)]
            article.sentence_host = self._host(clauses[0]) if clauses else None
            article.sentence_giver = None
            article.at_event = bool(self._at_event.match(sent.text) or self._at_event_end.search(sent.text))
            counted: Recipients | None = None  # a clause of counted groups only, before an award
            for k, clause in enumerate(clauses):
                told = self._awards(clause)
                article.sentence_giver = article.sentence_giver if k else self._giver(clause)
                groups = None if told else self._counted_only(clause)
                # (the counts run on to an award a later clause tells, not one told before: "…; 15 cán bộ tiêu biểu;
                # 08 cán bộ nữ tiêu biểu" are further groups of the honouring before them)
                runs_on = k + 1 < len(clauses) and self._count.match(clauses[k + 1].view.lstrip()) \
                    and any(c.forms or self._receive.search(c.view) for c in clauses[k + 1:])
                if groups is not None and not runs_on and in_sentence and not in_sentence[-1][2]["recipients"]:
                    # "khen thưởng 3 tập thể …; 2 tập thể và 8 cá nhân “Giỏi việc nước …”": a further award
                    last = in_sentence[-1][2]
                    fields = self._fields(last["form"], last["awarder"], groups, self._occasion(clause), False)
                    in_sentence.append((clause.start, clause.start + len(clause.text), fields))
                    continue
                if told and counted is not None and told[0][1]["recipient_count"] is not None \
                        and self._count.match(clause.view.lstrip()):
                    # "38 tập thể; 76 cá nhân được nhận Bằng khen": the counts run on over the semicolon
                    first = told[0][1]
                    first["recipient_count"] += counted.count or 0
                    kinds = {first["recipient_kind"], counted.kind} - {None}
                    first["recipient_kind"] = kinds.pop() if len(kinds) == 1 else "both"
                counted = groups
                if not told and in_sentence and in_sentence[-1][2]["recipients"] \
                        and (listed := self._listed_names(clause)):
                    self._add_names(in_sentence[-1][2], listed)  # "… trao cho: A; B; C": the list runs on
                for k, (mention, fields) in enumerate(told):
                    # spaCy keys span extension values by offsets: two awards need two spans
                    start = clause.start if k == 0 else clause.start + mention.start
                    in_sentence.append((start, clause.start + len(clause.text), fields))
                article.event = self._event_named(clause) or article.event
            if in_sentence and article.last_award is not None and self._part_told(clauses[0], in_sentence, article.last_award):
                continue  # "Trong đó, tỉnh X có 3 cá nhân được nhận …": some of the last award's recipients
            if in_sentence and self._broken_down(clauses[0], in_sentence, found):
                continue  # "Trong số nữ cán bộ được tuyên dương có 5 …, 27 … và 8 …": the last award's recipients in parts
            if not in_sentence and clauses and article.listing is not None:
                # "… tặng Bằng khen cho các tập thể sau:" then one line per recipient
                listed = [self._listed_names(c) for c in clauses]
                if all(listed):
                    for names in listed:
                        self._add_names(article.listing, names)
                    found += in_sentence
                    sentence_of.update((id(f), sent.start_char) for _, _, f in in_sentence)
                    continue
            if not in_sentence and clauses and article.last_award is not None:
                self._add_included(clauses[0], article.last_award)
            article.last_award = in_sentence[-1][2] if in_sentence else None
            article.listing = article.last_award if sent.text.rstrip().endswith(":") else None
            found += in_sentence
            sentence_of.update((id(f), sent.start_char) for _, _, f in in_sentence)
        found = settle(found, article, sentence_of, self._generic_form, text)
        used: set[tuple[int, int]] = set()
        for start, end, fields in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            while span is not None and (span.start_char, span.end_char) in used and len(span) > 1:
                span = doc[span.start:span.end - 1]  # one award per span: spaCy keys values by offsets
            if span is not None and (span.start_char, span.end_char) not in used:
                used.add((span.start_char, span.end_char))
                add_span(doc, "awards", span, fields)
        return doc

    def _planned_in(self, title: str, body: str) -> bool:
        """The body repeats the headline under a cue of what is yet to be done ("LĐLĐ Thành phố sẽ biểu dương 100 …")."""
        folded, key = body.casefold(), title.strip().rstrip(".").casefold()
        at = folded.find(key) if len(key.split()) >= 3 else -1
        while at >= 0:
            start = max(folded.rfind(".", 0, at), folded.rfind("\n", 0, at)) + 1
            if self._is_modal(body[start:at + len(key)], at - start):
                return True
            at = folded.find(key, at + 1)
        return False

    def _subject_before(self, clause: Clause, pos: int) -> bool:
        """An organisation named right before ``pos`` (past auxiliaries): the verb's own subject."""
        return (subject := self._name_before(clause, pos)) is not None and not subject.person

    def _names_no_award(self, sents: list[Sentence], text: str) -> bool:
        """No clause names a form or a generic honouring. In an article that names no prize, ``_awards`` then
        finds nothing in any clause (its first test), nor does anything after it (counted groups, lists and
        parts run on from an award found before), so the article has no award: its clauses need not be read."""
        for sent in sents:
            for start, end in self._clause_bounds(sent.text, sent.start_char):
                if self._form_mentions(text[start:end], start) or self._generic_mentions(mask_enclosed(text[start:end], self._granted_in_quotes)):
                    return False
        return True

    @staticmethod
    def _clause_bounds(text: str, offset: int) -> list[tuple[int, int]]:
        """The sentence's clauses (cut at ";", "|" and a "và" between two passives), each followed by the part its
        brackets tell apart: "34 cá nhân được tặng Bằng khen (trong đó có 14 cá nhân được tặng Bằng lao động sáng tạo)"
        (the clause's view blanks the brackets)."""
        bounds, cursor = [], 0
        for piece in [*clause_breaks(text), None]:
            stop = piece.start() if piece else len(text)
            chunk = text[cursor:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                bounds.append((offset + cursor + lead, offset + cursor + len(chunk.rstrip())))
                bounds += [(offset + cursor + m.start(1), offset + cursor + m.end(1)) for m in _BRACKETED_PART.finditer(chunk)]
            cursor = piece.end() if piece else stop
        return bounds

    def _clause(self, doc: Doc, doc_text: str, start: int, end: int, units: SpanIndex,
                article: ArticleState) -> Clause:
        text = doc_text[start:end]
        view = mask_enclosed(text, self._granted_in_quotes)
        tokens = [_new_token(Token, (m.start(), m.end(), m.group())) for m in TOKEN.finditer(view)]
        word_inner = self._word_inner_starts(doc, start, end)
        clause = Clause(start, text, view, tokens, self._form_mentions(text, start), article.context, article)
        index = doc_index(doc)
        owners, offsets = index.memo("one-syllable nouns", _one_syllable_nouns)
        first, stop = index.char_range(start, end)
        clause.nouns = {p - start for p in offsets[bisect_left(owners, first):bisect_left(owners, stop)]}
        clause.names = self._names(clause, word_inner, [u for u in units.starting_in(start, end) if u.end_char <= end])
        clause.appositions = self._appositions(clause)
        return clause


    # -- one clause -----------------------------------------------------------------------

    def _counted_before(self, clause: Clause, pos: int) -> bool:
        """Counted recipients stand before ``pos`` in the clause, with no comma between."""
        return any("," not in clause.view[c.end():pos] for c in self._count.finditer(clause.view, 0, pos))

    def _awards(self, clause: Clause) -> list[tuple[FormMention, dict[str, Any]]]:
        prizes, generic = self._bare_prizes(clause, self._generic_mentions(clause.view))
        if not (clause.forms or prizes or generic):  # no mention to read (most clauses): what later clauses need
            self._remember(clause)
            return []
        # a generic honouring after the forms, with its own count: "trao Kỷ niệm chương cho 10 cán bộ và
        # tuyên dương 9 cán bộ có thành tích ..." is a second award
        honoured = [g for g in generic if self._direct_recipients(clause, g) is not None]
        # "vinh danh 1 cán bộ nhận Giải thưởng 28/7": the prize is what the honouring is for (the real-dev decision)
        forms = sorted([f for f in clause.forms + prizes if not (f.form.startswith(self._prize_forms) and any(
            self._prize_of.fullmatch(clause.view, g.end, f.start) for g in honoured)
            or any(p.form == f.form and self._named_subject.fullmatch(clause.view, f.end, p.start) for p in prizes))],
            key=lambda f: f.start)  # a prize named as the subject of a generic verb is told once, at the verb
        # compounds holding a cue word ("chương trình") are blanked before cues are looked for
        cue_view = self._not_cues.sub(lambda m: MASK * len(m.group()), clause.view)
        cue_view = self._counted_not_cues.sub(lambda m: MASK * len(m.group()) if self._counted_before(clause, m.start())
                                              else m.group(), cue_view)  # "1.500 nữ đoàn viên được xét tặng F"
        # "132 công nhân được biểu dương … và 1 công nhân được đề nghị khen thưởng danh hiệu X": a form only
        # proposed after a generic honouring leaves the honouring its own
        forms = [f for f in forms if not (any(g.end <= f.start for g in generic) and (
            self._is_modal(cue_view, f.start) or self._is_modal_after(cue_view, f)))]
        # … and a ceremony of honouring held before them: "X tổ chức Hội nghị biểu dương A và trao tặng Kỷ niệm chương"
        mentions = sorted([*forms, *(g for g in honoured if g.start >= forms[0].end),
                           *(g for g in generic if g.end <= forms[0].start and self._act_of_its_own(clause, g, forms[0]))],
                          key=lambda m: m.start) if forms else generic
        mentions += self._elided_forms(clause)
        self._remember(clause)
        awards: list[tuple[FormMention, dict[str, Any]]] = []
        seen: dict[str, str | None] = {}  # form -> its awarder
        givers: list[str | None] = []  # the awarder each giving of the clause names, before statutes apply
        previous: tuple[FormMention, Recipients] | None = None
        for k, mention in enumerate(mentions):
            if self._is_modal(cue_view, mention.start) or self._is_modal_after(cue_view, mention):
                continue
            form = clause.article.named_forms.get(mention.form, mention.form)  # "kỷ niệm chương" told before
            awarders = self._awarders(clause, mention, givers)
            bare = self._bare_forms.get(form)
            if bare and (awarders[0] is None or self._union_name.match(awarders[0])):
                form = bare  # "trao Kỷ niệm chương cho 20 cán bộ": the union's medal
            # one award per form per clause, unless another awarder gives the same form again
            if form in seen and (awarders[0] is None or seen[form] in (None, awarders[0])) \
                    and not (mention in honoured and (forms and mention.start > forms[0].end or awards and not forms)):
                # … unless a generic verb after a form or an honouring counts its own: "…, trao giấy khen cho 03 …,
                # biểu dương 17 …", "tuyên dương 30 nhà giáo và truy tặng 3 đồng chí …"
                continue
            recipients = self._recipients(clause, mention, self._next_giver(clause, mentions[k + 1:]))
            if not recipients.names and (kinds := self._counted_kinds(clause, mention)) is not None:
                recipients = kinds  # "2 bằng khen tập thể, 8 bằng khen cá nhân cho …"
            if not (recipients.names or recipients.count or recipients.kind or mention.generic):
                recipients = self._ceremony_honoured(clause, mention, generic) or recipients  # "Tại Lễ trao F, N … được khen thưởng"
            partner = self._shared_list(clause, mention, mentions[k + 1:])
            # "trao Cờ thi đua và Bằng khen của X cho 31 tập thể": both forms from X, to the list after the second
            own = self._given_count(clause, mention)
            if partner is not None and not (recipients.names or recipients.kind
                                            or recipients.count is not None and recipients.count != own):
                recipients = self._shared_recipients(clause, partner, mentions[k + 1:])
                if own is not None:  # "trao 02 Cờ thi đua, 23 Bằng khen … cho …": two of the first
                    recipients = replace(recipients, count=own, more=[])
            if own is not None and not (recipients.names or recipients.count is not None) and recipients.kind:
                recipients = replace(recipients, count=own)  # "tặng 289 bằng khen cho cá nhân": 289 of them
            if partner is not None and not self._grantor_list(clause, partner) \
                    and (awarders == [None] or self._granted_of(clause, partner) and not self._granted_of(clause, mention)):
                # "X trao cờ thi đua và bằng khen của Y cho …": Y grants both, X hands them over
                awarders = self._awarders(clause, partner, [])
            if not (recipients.names or recipients.count or recipients.kind) and previous is not None \
                    and previous[1].passive and (self._listed_form.fullmatch(clause.view, previous[0].end, mention.start)
                                                 or self._received_too.search(clause.view, previous[0].end, mention.start)):
                # "A được nhận Giấy khen của X, Bằng khen của Y", "A được đón nhận F, … và được nhận G": A's too
                recipients = previous[1]
            previous = (mention, recipients)
            held_at = (self._held.search(clause.view, 0, mention.start)
                       or self._held_selection.search(clause.view, 0, mention.start)) if mention.generic else None
            if held_at is not None and awarders == [None]:  # "X tổ chức chương trình Lễ trao tặng F và tuyên dương …"
                host = self._name_before(clause, held_at.start())
                # "X phối hợp với Báo và Đài … tổ chức chương trình … biểu dương": the union that leads its partners
                awarders = [self._union_partner(clause, host)] if host is not None and not host.person else awarders
                if awarders == [None] and not clause.view[:held_at.start()].strip(" ,-–"):
                    awarders = [clause.article.sentence_host]  # "X đã tổ chức nhiều hoạt động như: …; tổ chức tuyên dương …"
            if awarders == [None] and clause.article.at_event and (
                    recipients.passive or self._receive.search(clause.view, 0, mention.start)):
                awarders = [clause.article.organiser]  # "Tại Hội nghị, A được nhận Giấy khen": the organiser's
            if mention.generic and awarders[0] and (held_at is not None or recipients.kind) and recipients.count is None:
                clause.article.honour_host = awarders[0]  # an honouring told without its count: counted elsewhere
            hosted = awarders == [None] and mention.generic and (recipients.count is not None or recipients.names
                                                                  and (recipients.passive or not clause.view[:mention.start].strip()))
            if mention.generic:  # "Nhiều tập thể, cá nhân được LĐLĐ tỉnh khen thưởng": an awarder and a kind do
                # … and so do an awarder and a kind the verb joins directly ("Lãnh đạo X khen thưởng các đoàn viên …")
                # … but not in a photo's numbered caption ("Binh đoàn 16 tôn vinh công nhân tiêu biểu - Ảnh 1."), which
                # illustrates an honouring the article tells, or another story's
                stated = recipients.names or recipients.count or recipients.approximate \
                    or awarders[0] and recipients.kind and (recipients.passive or self._subject_before(clause, mention.start)) \
                    and not _NUMBERED_PHOTO.search(clause.text)
                # a ceremony of honouring X holds, for a kind of recipient: an act unless the article tells its awards
                held = not stated and awarders[0] and recipients.kind and held_at is not None
                # "khen thưởng cấp Tổng Liên đoàn cho các tập thể": the honouring level names its grantor
                stated = stated or held or awarders[0] and recipients.kind and self._honour_level.match(clause.view, mention.end)
            else:
                # an awarder alone does not state an act in a summary of grantors, nor in a caption of
                # the hand-over by the awarder's leaders ("Lãnh đạo X trao Bằng khen cho các tập thể") when
                # the body tells the form again
                stated = recipients.names or recipients.count or recipients.approximate \
                    or awarders[0] and not self._grantor_list(clause, partner or mention) \
                    and not (self._presented(clause, mention) and clause.article.form_counts[form] > 1)
                # a form granted by statute, told once, to a kind of recipient: "Ông A tặng Kỷ niệm chương cho cán bộ
                # công đoàn" (the grantor is known though the text names only who hands it over)
                stated = stated or recipients.kind and not recipients.passive and self._statutory(form, None) is not None \
                    and clause.article.form_counts[form] <= 1 and not self._grantor_list(clause, partner or mention)
            if not stated:
                if not mention.generic and recipients.kind and (awarders == [None] or self._presented(clause, mention)):
                    clause.article.unstated.append((form, recipients.kind))  # "(Đại diện X) trao F cho <kind>"
                    clause.article.presenters += [awarders[0]] if awarders[0] else []
                continue
            seen[form] = awarders[0]
            handed = not (mention.generic or recipients.names or recipients.count) and recipients.kind \
                and awarders[0] and self._presented(clause, mention)
            givers.append(awarders[-1])
            # who gives in this sentence, before a statute names the grantor: "X trao Kỷ niệm chương cho 19 cá nhân;
            # biểu dương 90 chủ tịch CĐCS" is X's honouring
            clause.article.sentence_awarder = self._statutory("", awarders[0]) or clause.article.sentence_awarder
            shared = len(awarders) > 1  # "UBND tỉnh và LĐLĐ tỉnh tặng bằng khen cho 315 cá nhân": count not split
            # "X và Y tuyên dương, khen thưởng 141 tập thể, cá nhân": an honouring of two organisers is no one's
            awarders, shared = ([None], False) if shared and mention.generic else (awarders, shared)
            for awarder in awarders:
                occasion = self._occasion(clause, min(recipients.later, default=None))
                if any(f["occasion"] == occasion for _, f in awards) and occasion is not None:
                    # "trao 02 Kỷ niệm chương cho cán bộ có X, trao Bằng khen cho 3 tập thể có thành tích Y": its own
                    occasion = self._reason_after(clause, mention.end) or occasion
                if occasion is None and recipients.more:  # "khen thưởng 15 tập thể, cá nhân trong chuyên đề X, 4 …"
                    occasion = self._reason_after(clause, mention.end, recipients.more[0][0], group=True)
                awards.append((mention, self._fields(form, awarder, recipients, occasion, shared)))
                if mention.generic and held:
                    clause.article.held[id(awards[-1][1])] = {  # "… tuyên dương các điển hình được tặng Giải thưởng X"
                        f.form for f in clause.forms if self._prize_of.fullmatch(clause.view, mention.end, f.start)}
                if hosted:  # "90 cán bộ được biểu dương", "Tuyên dương 140 cháu …": by the article's host, if any
                    clause.article.hosted.append(awards[-1][1])
                if handed:  # "Đại diện X trao giấy khen cho nữ công nhân …": a caption of a hand-over
                    clause.article.unstated.append((form, recipients.kind))
                    clause.article.handed.append(id(awards[-1][1]))
                    clause.article.caption_words.extend(re.findall(r"\w+", clause.view)[-2:])
            for offset, group in recipients.more:  # "…, 3 tập thể và 35 cá nhân có thành tích Y": another award
                reason = self._reason_after(clause, offset, group=True)
                awards.append((FormMention(offset, offset, form, mention.generic),
                               self._fields(form, awarders[0], group, reason, False)))
        return self._summed_up(clause, awards)

    def _act_of_its_own(self, clause: Clause, generic: FormMention, form: FormMention) -> bool:
        """A generic honouring before a form is an act of its own: at a ceremony held, with its own count before a
        second giving, or with its counted group as its subject."""
        return bool(self._held.search(clause.view, 0, generic.start) or self._act_before(clause, generic, form)
                    or _COUNTED_PASSIVE.search(clause.view, 0, generic.start))

    def _act_before(self, clause: Clause, generic: FormMention, form: FormMention) -> bool:
        """A generic honouring with its own count, then a second verb phrase giving a form: "Hội nghị đã biểu dương
        cho 10 tập thể, 06 cá nhân … và trao giấy khen cho 03 công nhân" is two acts."""
        view = clause.view
        pos = generic.end + len(view[generic.end:]) - len(view[generic.end:].lstrip())
        if to := self._preposition.match(view, pos):
            pos = to.end() + len(view[to.end():]) - len(view[to.end():].lstrip())
        verb = self._giving_verb(clause, form)
        return bool(self._count.match(view, pos)) and verb is not None and verb.start() > pos \
            and re.search(r"(?:,|(?<!\w)và)\s*$", view[:verb.start()]) is not None

    def _shared_recipients(self, clause: Clause, partner: FormMention, later: list[FormMention]) -> Recipients:
        """The recipients of a list of forms given together: those of the first form on the list that names any."""
        k = later.index(partner)
        recipients = self._recipients(clause, partner, self._next_giver(clause, later[k + 1:]))
        following = self._shared_list(clause, partner, later[k + 1:])
        if following is not None and not (recipients.names or recipients.kind):
            recipients = replace(self._shared_recipients(clause, following, later), count=recipients.count, more=[])
        return recipients

_LIST_NUMBER = re.compile(r"\s*\d{1,2}[.)]\s*")
_BRACKETED_PART = re.compile(r"\((trong (?:số )?đó[^()]*)\)", re.IGNORECASE)  # a part told in brackets


# Letters that look like the Vietnamese "Đ"/"đ" but are not ("Tôn Ðức Thắng" typed with the Icelandic eth).
_HOMOGLYPHS = str.maketrans({"\u00d0": "\u0110", "\u00f0": "\u0111"})
_HOMOGLYPH_CHARS = ("\u00d0", "\u00f0")  # most texts have none: a substring test spares the translation
_new_token = tuple.__new__  # what Token(...) calls, without a Python call per word of every clause


@Language.factory("congdoan_awards")
def make_awards(nlp: Language, name: str) -> AwardExtractor:
    return AwardExtractor(award_lexicon())
