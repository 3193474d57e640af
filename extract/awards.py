"""The ``congdoan_awards`` component: acts of honouring (khen thưởng).

An award is one act of honouring stated in a clause (a sentence cut at ";" and "|"):
a *form* (Bằng khen, Huân chương Lao động hạng Ba, a generic "khen thưởng" ...) given by
an *awarder* to *recipients*. The component reads each clause as Vietnamese news writes
it, with regular expressions and word lists from ``data/lexicon/awards.toml``:

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
* Awarder: "Bằng khen (của) X" first, then "thừa ủy quyền của X / thay mặt X", then the name
  before the giving verb. A person who hands an award over is never its awarder, and
  "các cấp" is none.
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
* One award per form per clause; generic verbs ("biểu dương, khen thưởng" is one) only in a
  clause that names no specific form. The first award of a clause spans the clause, a further
  one starts at its form (spaCy keeps span extension values by offsets).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc

from extract.lexicon import lexicon
from extract.nlp import ArticleContext
from extract.numbers import number_words, parse_number
from extract.spans import SpanIndex, add_span, fields_of
from extract.units import canonical_unit_name, complete_with_site



# Characters that close a clause inside a sentence.
_CLAUSE_BREAK = re.compile(r"[;|]")
# Brackets and quotes whose contents are blanked in the view of a clause.
_ENCLOSED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|“[^“”]*”|«[^«»]*»|\"[^\"]*\"")
MASK = "_"
_TOKEN = re.compile(r"TP\.|\w+(?:[-/]\w+)*|[^\w\s]")
_LIST_SEPARATOR = re.compile(r"\s*(?:[,:]|(?<!\w)(?:và|cùng)(?!\w))\s*", re.IGNORECASE)


def mask_enclosed(text: str) -> str:
    """``text`` with the contents of brackets and quotes replaced by ``MASK`` (same length)."""
    return _ENCLOSED.sub(lambda m: m.group()[0] + MASK * (len(m.group()) - 2) + m.group()[-1], text)


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of whole-word phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    return rf"(?<!\w)(?:{body})(?!\w)"


def _compile(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(phrase_regex(phrases), re.IGNORECASE)


@dataclass(frozen=True)
class Token:
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


class Phrases:
    """Phrases matched token by token, longest first, ignoring case."""

    def __init__(self, phrases: Iterable[str]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(set(phrases), key=lambda p: -len(p.split())):
            words = tuple(w.lower() for w in phrase.split())
            self._by_first.setdefault(words[0], []).append(words)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """How many tokens from ``tokens[i]`` a phrase covers (0 when none)."""
        for words in self._by_first.get(tokens[i].text.lower(), ()):
            if i + len(words) <= len(tokens) and all(
                tokens[i + k].text.lower() == w for k, w in enumerate(words)
            ):
                return len(words)
        return 0


@dataclass(frozen=True)
class Name:
    """A named organisation, body, office or person in a clause (clause offsets)."""

    start: int
    end: int
    canonical: str
    person: bool = False


@dataclass(frozen=True)
class FormMention:
    start: int
    end: int
    form: str
    generic: bool = False


@dataclass
class Recipients:
    names: list[str] = field(default_factory=list)
    count: int | None = None
    collective: bool = False
    individual: bool = False
    approximate: bool = False  # "hàng trăm tập thể": honoured, number not given

    def add_name(self, name: Name, front: bool = False) -> None:
        if name.canonical not in self.names:
            self.names.insert(0 if front else len(self.names), name.canonical)
        if name.person:
            self.individual = True
        else:
            self.collective = True

    def add_count(self, value: int) -> None:
        self.count = (self.count or 0) + value

    @property
    def kind(self) -> str | None:
        if self.collective and self.individual:
            return "both"
        return "collective" if self.collective else "individual" if self.individual else None


@dataclass
class ArticleState:
    """What the clauses of one article tell the later ones."""

    grassroots: list[str] = field(default_factory=list)  # canonical names of its grassroots unions
    persons: list[str] = field(default_factory=list)  # full names met so far, for "chị Lụa"
    last_person: str | None = None  # the person named last, for a bare "chị", "anh"
    event: str | None = None  # the last "nhân (dịp) ..." event, for "Dịp này, ..."
    last_award: dict[str, Any] | None = None  # of the sentence before, for "Trong số đó có X"

    def full_name(self, given: str) -> str:
        """The one full name met so far that ends with ``given``, else ``given``."""
        matches = {p for p in self.persons if p.endswith(" " + given)}
        return matches.pop() if len(matches) == 1 else given


@dataclass
class Clause:
    """One clause of a sentence: original text, masked view, tokens, names."""

    start: int  # offset in the Doc text
    text: str
    view: str
    tokens: list[Token]
    forms: list[FormMention]
    context: ArticleContext | None
    article: ArticleState = field(default_factory=ArticleState)
    names: list[Name] = field(default_factory=list)
    appositions: list[tuple[int, int]] = field(default_factory=list)  # "A, công nhân Công ty X, ..."
    nouns: set[int] = field(default_factory=set)  # clause offsets of one-syllable common nouns (tag N)

    def name_ending_at(self, end: int) -> Name | None:
        return next((n for n in self.names if n.end == end), None)

    def name_starting_at(self, start: int) -> Name | None:
        return next((n for n in self.names if n.start == start), None)

    def token_index_at(self, pos: int) -> int:
        """Index of the first token starting at or after ``pos``."""
        return next((i for i, t in enumerate(self.tokens) if t.start >= pos), len(self.tokens))

    def in_apposition(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.appositions)


class AwardExtractor:
    """Finds awards in a Doc; every pattern is compiled once, here."""

    def __init__(self, lexicon: dict[str, Any]):
        self._forms = [
            (re.compile(rf"(?<!\w)(?:{entry['pattern']})(?!\w)", re.IGNORECASE), entry["form"])
            for entry in lexicon["forms"]
        ]
        self._form_words: dict[str, str] = lexicon["form_words"]
        generic = lexicon["generic"]
        self._generic_form: str = generic["form"]
        self._generic = _compile(generic["verbs"])
        self._generic_noun_before = re.compile(
            rf"(?:{phrase_regex(generic['noun_heads'])}\s*|{phrase_regex(generic['listed_with'])}[\s,\-–]*(?:và\s+)?)$",
            re.IGNORECASE,
        )
        verbs = lexicon["verbs"]
        self._give = _compile(verbs["give"])
        self._on_behalf = _compile(verbs["on_behalf"])
        self._receive = _compile(verbs["receive"])
        self._member_of = re.compile(rf"(?<!\w){verbs['member_of']}(?!\w)", re.IGNORECASE)
        self._preposition = _compile(verbs["recipient_prepositions"])
        self._trailing_aux = re.compile(rf"(?:\s+{phrase_regex(verbs['auxiliaries'])})*\s*$", re.IGNORECASE)
        modality = lexicon["modality"]
        # function words: lower case, or capitalised at the start of the clause ("Cần" in "Cần Thơ" is none)
        self._cue = re.compile(phrase_regex(modality["cues"]))
        self._initial_cue = re.compile(rf"\s*{phrase_regex(c.capitalize() for c in modality['cues'])}")
        self._past = re.compile(phrase_regex(modality["past_markers"]))
        self._not_cues = re.compile(phrase_regex(modality["not_cues"]), re.IGNORECASE)
        self._short_segment = modality["short_segment_words"]
        self._apposition_stop = re.compile(
            phrase_regex(verbs["give"] + verbs["receive"] + verbs["apposition_stops"]), re.IGNORECASE)
        self._gap_words = Phrases(
            verbs["give"] + verbs["auxiliaries"] + verbs["receive"] + generic["verbs"]
            + lexicon["names"]["generic"]["list"] + verbs["gap_words"]
        )
        self._init_recipients(lexicon["recipients"])
        self._init_names(lexicon["names"])
        self._init_occasion(lexicon["occasion"])

    def _init_recipients(self, rec: dict[str, Any]) -> None:
        self._collective = _compile(rec["collective"])
        self._individual = _compile(rec["individual"])
        self._scales = _compile(rec["approximate_scales"])
        nouns = phrase_regex(rec["collective"] + rec["individual"])
        word = phrase_regex(number_words().vocabulary)
        number = rf"{phrase_regex(rec['approximate_scales'])}|\d{{1,3}}(?:\.\d{{3}})+|\d+|{word}(?:\s+{word})*"
        self._count = re.compile(
            rf"(?<!\w)(?:{phrase_regex(rec['count_qualifiers'])}\s+)?(?P<num>{number})\s+"
            rf"(?:{phrase_regex(rec['count_classifiers'])}\s+)?(?P<noun>{nouns})",
            re.IGNORECASE,
        )
        self._opener = re.compile(rf"^(?:{phrase_regex(rec['item_openers'] + rec['determiners'])}\s*)+", re.IGNORECASE)
        self._noun_item = re.compile(rf"^(?:{nouns})", re.IGNORECASE)
        self._office = re.compile(phrase_regex(rec["office_titles"]))
        self._person_titles = Phrases(rec["person_titles"])
        self._family_names = set(rec["family_names"])
        self._pronouns = set(rec["pronouns"])
        inclusion = phrase_regex(rec["inclusion"])
        self._inclusion = re.compile(rf",\s*{inclusion}\s*", re.IGNORECASE)
        self._inclusion_lead = re.compile(rf"^\s*{inclusion}\s*,?\s*", re.IGNORECASE)
        self._apposition_words = rec["apposition_words"]

    def _init_names(self, names: dict[str, Any]) -> None:
        self._heads = Phrases(names["heads"])
        self._connectors = Phrases(names["connectors"])
        self._admin = Phrases(names["admin_connectors"])
        self._stops = Phrases(names["stops"])
        self._expansions = [(re.compile(phrase_regex([k])), v) for k, v in names["expansions"].items()]
        self._offices: dict[str, str] = {k.lower(): v for k, v in names["offices"].items()}
        self._body = re.compile(rf"^(?P<body>{phrase_regex(names['bodies']['list'])})\s+(?P<org>.+)$")
        self._union_head = re.compile(phrase_regex(names["unit_heads"]))
        self._anaphors = Phrases(names["anaphors"])
        self._not_persons = set(names["not_persons"])

    def _init_occasion(self, occ: dict[str, Any]) -> None:
        self._event = re.compile(rf"{phrase_regex(occ['event_cues'])}\s+", re.IGNORECASE)
        self._bare_event_cue = re.compile(rf"^{phrase_regex(occ['bare_event_cues'])}$", re.IGNORECASE)
        self._event_starts = re.compile(rf"^{phrase_regex(occ['event_starts'])}", re.IGNORECASE)
        self._reason = re.compile(
            rf"(?<!\w)(?:{phrase_regex(occ['reason_cues'])})\s+(?=(?:{phrase_regex(occ['reason_nouns'])}))",
            re.IGNORECASE,
        )
        self._venue = re.compile(
            rf"(?<!\w)(?:{phrase_regex(occ['venue_cues'])})\s+(?=(?:{phrase_regex(occ['venue_nouns'])}))",
            re.IGNORECASE,
        )
        ends = phrase_regex(occ["ends"])
        second = phrase_regex(occ["second_activities"])
        self._occasion_end = re.compile(rf"\s*(?:[;.:]|,?\s+{ends}|\s+và\s+{second})", re.IGNORECASE)
        self._occasion_end_comma = re.compile(rf"\s*(?:[,;.:]|\s+{ends}|\s+và\s+{second})", re.IGNORECASE)
        self._deictic = set(occ["deictic"])
        self._free_reason = re.compile(rf"{phrase_regex(occ['free_reason_cues'])}\s+")  # lower case only
        self._achievement = re.compile(rf"(?={phrase_regex(occ['achievement_starts'])})", re.IGNORECASE)
        self._anniversary = re.compile(rf"(?<!\w)(?=(?:{occ['anniversary']}))", re.IGNORECASE)
        self._deictic_opener = re.compile(rf"^\s*{phrase_regex(occ['deictic_openers'])}", re.IGNORECASE)
        self._bare_venue = re.compile(rf"{phrase_regex(occ['venue_nouns'])}$", re.IGNORECASE)

    # -- the component --------------------------------------------------------------------

    def __call__(self, doc: Doc) -> Doc:
        units = list(doc.spans.get("units", []))
        article = ArticleState(grassroots=list(dict.fromkeys(
            fields_of(u, "units")["name"] for u in units if fields_of(u, "units").get("level") == "grassroots")))
        found: list[tuple[int, int, dict[str, Any]]] = []
        text = doc.text  # spaCy rebuilds doc.text from every token on each access
        by_start = SpanIndex(units)  # a clause's units, without scanning them all: linear in the text
        for sent in doc.sents:
            in_sentence: list[tuple[int, int, dict[str, Any]]] = []
            clauses = [self._clause(doc, text, start, end, by_start, article)
                       for start, end in self._clause_bounds(sent.text, sent.start_char)]
            for clause in clauses:
                for k, (mention, fields) in enumerate(self._awards(clause)):
                    # spaCy keys span extension values by offsets: two awards need two spans
                    start = clause.start if k == 0 else clause.start + mention.start
                    in_sentence.append((start, clause.start + len(clause.text), fields))
                article.event = self._event_named(clause) or article.event
            if not in_sentence and clauses and article.last_award is not None:
                self._add_included(clauses[0], article.last_award)
            article.last_award = in_sentence[-1][2] if in_sentence else None
            found += in_sentence
        for start, end, fields in found:
            span = doc.char_span(start, end, alignment_mode="expand")
            if span is not None:
                add_span(doc, "awards", span, fields)
        return doc

    def _add_included(self, clause: Clause, fields: dict[str, Any]) -> None:
        """"Trong số đó có đồng chí X, ..." right after an award: X is one of its recipients."""
        lead = self._inclusion_lead.match(clause.view)
        if lead is None:
            return
        found = Recipients()
        self._walk_forward(clause, lead.end(), found)
        if not found.names:
            return
        fields["recipients"] = list(dict.fromkeys([*fields["recipients"], *found.names]))
        kinds = {fields["recipient_kind"], found.kind} - {None}
        fields["recipient_kind"] = kinds.pop() if len(kinds) == 1 else "both"

    @staticmethod
    def _clause_bounds(text: str, offset: int) -> list[tuple[int, int]]:
        bounds, cursor = [], 0
        for piece in [*_CLAUSE_BREAK.finditer(text), None]:
            stop = piece.start() if piece else len(text)
            chunk = text[cursor:stop]
            if chunk.strip():
                lead = len(chunk) - len(chunk.lstrip())
                bounds.append((offset + cursor + lead, offset + cursor + len(chunk.rstrip())))
            cursor = piece.end() if piece else stop
        return bounds

    def _clause(self, doc: Doc, doc_text: str, start: int, end: int, units: SpanIndex,
                article: ArticleState) -> Clause:
        text = doc_text[start:end]
        view = mask_enclosed(text)
        tokens = [Token(m.start(), m.end(), m.group()) for m in _TOKEN.finditer(view)]
        word_inner = self._word_inner_starts(doc, start, end)
        clause = Clause(start, text, view, tokens, self._form_mentions(text, view), doc._.context, article)
        clause.nouns = {t.idx - start for t in doc.char_span(start, end, alignment_mode="expand") or ()
                        if t.tag_ == "N" and " " not in t.text}
        clause.names = self._names(clause, word_inner, [u for u in units.starting_in(start, end) if u.end_char <= end])
        clause.appositions = self._appositions(clause)
        return clause

    def _appositions(self, clause: Clause) -> list[tuple[int, int]]:
        """Comma segments right after a person that say who or where they are: "chị A, tổ trưởng,
        Công ty X, vừa được ..." -- never recipients of their own. A segment counts while it is an
        organisation, an office or a few lower-case words, and holds no marker, count or "và"."""
        view, spans = clause.view, []
        for person in (n for n in clause.names if n.person):
            pos = end = person.end
            while (comma := re.match(r"\s*,\s*", view[pos:])) is not None:
                s = pos + comma.end()
                stop = view.find(",", s)
                e = len(view) if stop < 0 else stop
                segment = view[s:e].strip(" " + MASK + "()")
                if not segment or self._apposition_stop.search(segment) or self._count.search(segment) \
                        or any(n.person for n in clause.names if s <= n.start < e):
                    break
                named = any(not n.person for n in clause.names if s <= n.start < e)
                if not (named or self._office.match(view, s) or segment[0].islower()) \
                        or len(segment.split()) > self._apposition_words and not named:
                    break
                pos = end = s + len(view[s:e].rstrip())
            if end > person.end:
                spans.append((person.end, end))
        return spans

    @staticmethod
    def _word_inner_starts(doc: Doc, start: int, end: int) -> set[int]:
        """Clause offsets of syllables that continue the underthesea word before them."""
        inner: set[int] = set()
        span = doc.char_span(start, end, alignment_mode="expand")
        for token in span or ():
            for m in re.finditer(r"\s+", token.text):
                inner.add(token.idx + m.end() - start)
        return inner

    # -- names ----------------------------------------------------------------------------

    def _names(self, clause: Clause, word_inner: set[int], units: list) -> list[Name]:
        unit_names = []
        for unit in units:
            s, e = unit.start_char - clause.start, unit.end_char - clause.start
            canonical = fields_of(unit, "units")["name"]
            if not canonical.split()[-1][0].islower():  # a verb glued to the place: "Hải Dương tặng"
                words = clause.view[s:e].split(" ")
                while len(words) > 1 and words[-1][:1].islower():
                    e -= len(words.pop()) + 1
            unit_names.append(Name(s, e, canonical))
        names: list[Name] = []
        tokens, i = clause.tokens, 0
        while i < len(tokens):
            anaphor = self._anaphor_at(clause, i) or self._pronoun_at(clause, i)
            found = anaphor or self._person_at(clause, i) or self._org_at(clause, word_inner, i)
            if found is None:
                i += 1
                continue
            name, j = found
            overlapping = [u for u in unit_names if u.start < name.end and name.start < u.end]
            if not (overlapping or anaphor or name.person) and self._needs_unit(clause.view[name.start:name.end]):
                i = max(j, i + 1)  # "Công đoàn Việt Nam" in an event's name is no unit
                continue
            if overlapping and not name.person:
                # the unit's name (resolved within the article) with the body written before it
                unit = overlapping[0]
                body = self._body.match(self._expand(clause.view[name.start:name.end]))
                canonical = f"{body.group('body')} {unit.canonical}" if body else unit.canonical
                name = Name(min(name.start, unit.start), max(name.end, unit.end), canonical)
                j = clause.token_index_at(name.end)
            names.append(name)
            i = max(j, i + 1)
        covered = [n for n in names if not n.person]
        names += [u for u in unit_names if not any(c.start <= u.start and u.end <= c.end for c in covered)]
        return sorted(names, key=lambda n: n.start)

    def _needs_unit(self, text: str) -> bool:
        """A name with a union head that the units component did not take is no unit."""
        body = self._body.match(self._expand(text))
        return bool(self._union_head.match(body.group("org") if body else text))

    def _anaphor_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        """"Công đoàn nhà trường": the article's grassroots union, when it has exactly one."""
        n = self._anaphors.match(clause.tokens, i)
        if not n or len(clause.article.grassroots) != 1:
            return None
        return Name(clause.tokens[i].start, clause.tokens[i + n - 1].end, clause.article.grassroots[0]), i + n

    def _pronoun_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        """A bare "chị", "anh" before a verb or a form: the person the article named last."""
        tokens, person = clause.tokens, clause.article.last_person
        if person is None or tokens[i].text.lower() not in self._pronouns \
                or tokens[i].text[0].isupper() and i > 0 and tokens[i - 1].is_word:
            return None
        nxt = i + 1
        if nxt < len(tokens) and tokens[nxt].is_word and not self._gap_words.match(tokens, nxt) \
                and not any(f.start == tokens[nxt].start for f in clause.forms):
            return None
        return Name(tokens[i].start, tokens[i].end, person, person=True), nxt

    def _person_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        tokens = clause.tokens
        title = self._person_titles.match(tokens, i)
        if title and tokens[i].text[0].isupper() and i > 0 and tokens[i - 1].is_word:
            title = 0  # "Ngày Nhà giáo Việt Nam": a capitalised title word only opens a clause or item
        first = i + title
        if not title and tokens[i].text not in self._family_names:
            return None
        j = first
        while j < len(tokens) and j - first < 5 and tokens[j].is_word and tokens[j].text[0].isupper():
            j += 1
        if j - first < (1 if title else 2) or self._heads.match(tokens, first):
            return None
        text = " ".join(t.text for t in tokens[first:j])
        if text in self._not_persons:
            return None
        if j - first == 1:
            text = clause.article.full_name(text)  # "chị Lụa" after "Chị Phạm Thị Lụa"
        elif text not in clause.article.persons:
            clause.article.persons.append(text)
        clause.article.last_person = text
        return Name(tokens[i].start, tokens[j - 1].end, text, person=True), j

    def _org_at(self, clause: Clause, word_inner: set[int], i: int) -> tuple[Name, int] | None:
        tokens = clause.tokens
        if not tokens[i].text[0].isupper():
            return None
        head = self._heads.match(tokens, i)
        if not head:
            return None
        j, has_cap, has_admin, after_cap = i + head, False, False, False
        while j < len(tokens):
            token = tokens[j]
            if not token.is_word:
                break
            if token.capitalised:
                if any(f.start == token.start for f in clause.forms):
                    break
                j, has_cap, after_cap = j + 1, True, True
                continue
            if self._stops.match(tokens, j):
                break
            connector = self._connectors.match(tokens, j)
            if connector:
                has_admin = has_admin or bool(self._admin.match(tokens, j))
                j, after_cap = j + connector, False
                continue
            if after_cap and token.start in word_inner:
                j += 1
                continue
            if after_cap and token.start in clause.nouns and self._name_ends_after(tokens, j):
                j += 1  # "Phân xưởng Luyện thép được ...": a lower-case noun closing the name
            break
        text = clause.view[tokens[i].start:tokens[j - 1].end]
        office = self._offices.get(self._expand(text).lower())
        if office:
            return Name(tokens[i].start, tokens[j - 1].end, office), j
        if not (has_cap or has_admin):
            return None
        return Name(tokens[i].start, tokens[j - 1].end, self._canonical(text, clause.context)), j

    def _name_ends_after(self, tokens: Sequence[Token], j: int) -> bool:
        """Nothing but punctuation or a receiving marker follows token ``j``."""
        return j + 1 == len(tokens) or not tokens[j + 1].is_word or bool(self._gap_words.match(tokens, j + 1)) \
            and not self._heads.match(tokens, j + 1)

    def _expand(self, text: str) -> str:
        for pattern, full in self._expansions:
            text = pattern.sub(full, text)
        return re.sub(r"\s+", " ", text).strip()

    def _canonical(self, text: str, context: ArticleContext | None) -> str:
        """Canonical awarder or recipient name: the body kept in front of its organisation."""
        text = self._expand(text)
        office = self._offices.get(text.lower())
        if office:
            return office
        body = self._body.match(text)
        if body:
            return f"{body.group('body')} {self._canonical(body.group('org'), context)}"
        return complete_with_site(canonical_unit_name(text, context=context), context)

    # -- forms ----------------------------------------------------------------------------

    def _form_mentions(self, text: str, view: str) -> list[FormMention]:
        found = []
        for rank, (pattern, template) in enumerate(self._forms):
            for m in pattern.finditer(text):
                if view[m.start()] == MASK:
                    continue
                words = {k: self._form_words.get(v.lower(), v.strip()) for k, v in m.groupdict().items() if v}
                found.append((m.start(), -(m.end() - m.start()), rank, m.end(), template.format(**words)))
        mentions: list[FormMention] = []
        for start, _, _, end, form in sorted(found):
            if not mentions or start >= mentions[-1].end:
                mentions.append(FormMention(start, end, form))
        return mentions

    def _generic_mentions(self, view: str) -> list[FormMention]:
        """Runs of generic verbs ("biểu dương, khen thưởng") not used as nouns."""
        mentions: list[FormMention] = []
        for m in self._generic.finditer(view):
            if mentions and re.fullmatch(r"[\s,]*(?:và\s*)?", view[mentions[-1].end:m.start()]):
                mentions[-1] = FormMention(mentions[-1].start, m.end(), self._generic_form, generic=True)
            elif not self._generic_noun_before.search(view[:m.start()]):
                mentions.append(FormMention(m.start(), m.end(), self._generic_form, generic=True))
        return mentions

    # -- one clause -----------------------------------------------------------------------

    def _awards(self, clause: Clause) -> list[tuple[FormMention, dict[str, Any]]]:
        mentions = clause.forms or self._generic_mentions(clause.view)
        # compounds holding a cue word ("chương trình") are blanked before cues are looked for
        cue_view = self._not_cues.sub(lambda m: MASK * len(m.group()), clause.view)
        awards, seen = [], set()
        for mention in mentions:
            if mention.form in seen or self._is_modal(cue_view, mention.start) \
                    or self._is_modal_after(cue_view, mention):
                continue
            recipients = self._recipients(clause, mention)
            awarder = self._awarder(clause, mention)
            if mention.generic:
                stated = recipients.names or recipients.count or recipients.approximate
            else:
                stated = awarder or recipients.names or recipients.count or recipients.approximate
            if not stated:
                continue
            seen.add(mention.form)
            awards.append((mention, {
                "form": mention.form,
                "awarder": awarder,
                "recipients": recipients.names,
                "recipient_count": recipients.count,
                "recipient_kind": recipients.kind,
                "occasion": self._occasion(clause),
            }))
        return awards

    def _is_modal(self, view: str, trigger: int) -> bool:
        """A cue word ("sẽ", "cần", "đề nghị" ...) governs the form at ``trigger``."""
        segments = view[:trigger].split(",")
        for k in range(len(segments) - 1, -1, -1):
            segment = segments[k]
            cues = list(self._cue.finditer(segment)) or [m for m in [self._initial_cue.match(segment)] if m and k == 0]
            if cues and not self._past.search(segment, cues[-1].end()):
                return True
            words = len(segment.split())
            if words > (1 if k == len(segments) - 1 else self._short_segment):
                return False
        return False

    def _is_modal_after(self, view: str, mention: FormMention) -> bool:
        """The form opens the clause and a cue governs its verb: "Cờ thi đua của X chỉ xét tặng cho ..."."""
        stop = view.find(",", mention.end)
        verb = self._give.search(view, mention.end, len(view) if stop < 0 else stop)
        if verb is None:
            return False
        cues = list(self._cue.finditer(view, mention.end, verb.end()))
        return bool(cues) and not self._past.search(view, cues[-1].end(), verb.start())

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
            n = self._gap_words.match(tokens, i)
            if not n:
                return False
            i += n
        return True

    def _awarder(self, clause: Clause, mention: FormMention) -> str | None:
        if not mention.generic:
            after = re.match(r"\s*(?:của\s+)?", clause.view[mention.end:])
            name = clause.name_starting_at(mention.end + after.end())
            if name is not None and not name.person:
                return name.canonical
        for cue in self._on_behalf.finditer(clause.view, 0, mention.start):
            name = clause.name_starting_at(cue.end() + len(clause.view[cue.end():]) - len(clause.view[cue.end():].lstrip()))
            if name is not None and not name.person:
                return name.canonical
        for verb in reversed([m for m in self._give.finditer(clause.view, 0, mention.end) if m.start() <= mention.start]):
            if not self._gap_ok(clause, verb.end(), mention.start):
                continue
            # "X (Thái Nguyên) đã tôn vinh", else the clause's subject: "X tổ chức gặp mặt, tuyên dương"
            name = self._name_before(clause, verb.start()) or self._subject(clause, verb.start())
            return name.canonical if name is not None and not name.person else None
        return None

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
            if lead and not lead.endswith(","):
                continue
            between = view[name.end:pos]
            if self._receive.search(between) or self._member_of.search(between) \
                    or any(name.end <= n.start < pos for n in clause.names):
                return None
            return name
        return None

    def _recipients(self, clause: Clause, mention: FormMention) -> Recipients:
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
                        break
        # "X tặng anh Giấy khen": a name between the giving verb and the form
        verb = next((v for v in reversed(list(self._give.finditer(view, 0, mention.start)))), None)
        if verb is not None and view[verb.end():mention.start].strip():
            name = clause.name_starting_at(verb.end() + len(view[verb.end():]) - len(view[verb.end():].lstrip()))
            if name is not None and name.end + len(view[name.end:mention.start]) - len(view[name.end:mention.start].lstrip()) \
                    == mention.start:
                found.add_name(name)
        # "tặng Bằng khen (của X) (nhân ...) cho ...", "khen thưởng (cho) 120 đoàn viên"
        preposition = self._preposition.search(view, mention.end)
        if preposition and (self._gap_ok(clause, mention.end, preposition.start())
                            or not mention.generic and "," not in view[mention.end:preposition.start()]):
            self._walk_forward(clause, preposition.end(), found)
        elif mention.generic:
            self._walk_forward(clause, mention.end, found)
        return found

    def _items(self, view: str, start: int, end: int) -> list[tuple[int, int]]:
        items, cursor = [], start
        for sep in _LIST_SEPARATOR.finditer(view, start, end):
            items.append((cursor, sep.start()))
            cursor = sep.end()
        items.append((cursor, end))
        stripped = [(s + len(view[s:e]) - len(view[s:e].lstrip()), s + len(view[s:e].rstrip())) for s, e in items]
        return [(s, e) for s, e in stripped if e > s]

    def _walk_back(self, clause: Clause, end: int, found: Recipients) -> None:
        view = clause.view
        end = self._trailing_aux.search(view, 0, end).start()
        if re.search(r"(?<!\w)và\s*$", view[:end]):  # "X tổ chức lễ kỷ niệm ... và đón nhận F"
            subject = self._subject(clause, end)
            if subject is not None:
                found.add_name(subject)
            return
        for s, e in reversed(self._items(view, 0, end)):
            e = s + len(view[s:e].rstrip(" " + MASK + "()"))
            if self._office.match(view, s) or clause.in_apposition(s, e):
                continue  # an apposition: "Nguyễn Văn A, Chủ tịch CĐCS X, được ..."
            name = clause.name_ending_at(e)
            if name is not None and name.start >= s:
                prefix = self._opener.sub("", view[s:name.start].strip())
                if prefix and self._individual.fullmatch(prefix):
                    continue  # an apposition: "Lê Thị A, công nhân Công ty X, được ..."
                found.add_name(name, front=True)
                if prefix:
                    return
                continue
            counts = list(self._count.finditer(view, s, e))
            # "15 cá nhân có thành tích ... được": the count's words may run on, but not into
            # another act ("36 cá nhân đạt danh hiệu X và 210 người đạt ...")
            if counts and not self._receive.search(view, counts[-1].end(), e) \
                    and not self._give.search(view, counts[-1].end(), e):
                self._add_counts(counts, found)
                if self._opener.sub("", view[s:counts[0].start()].strip()):
                    return
                continue
            item = self._opener.sub("", view[s:e].strip())
            if not self._noun_item.match(item):
                return
            self._add_kind(item, found)

    def _walk_forward(self, clause: Clause, start: int, found: Recipients, counts_only: bool = False) -> None:
        view = clause.view
        for s, e in self._items(view, start, len(view)):
            lead = self._opener.match(view[s:e])
            s += lead.end() if lead else 0
            if (self._office.match(view, s) or clause.in_apposition(s, e)) and not counts_only:
                continue
            name = clause.name_starting_at(s)
            if name is not None and not counts_only:
                found.add_name(name)
                if name.end < e:
                    return
                continue
            count = self._count.match(view, s, e)
            if count:
                self._add_counts([count], found)
                if count.end() < e or counts_only:
                    # "cho 25 cá nhân có ..., trong đó có đồng chí X": X is one of them
                    included = None if counts_only else self._inclusion.search(view, count.end())
                    if included:
                        self._walk_forward(clause, included.end(), found)
                    return
                continue
            noun = None if counts_only else self._noun_item.match(view[s:e])
            if noun is None:
                return
            self._add_kind(noun.group(), found)
            if noun.end() < e - s:
                return

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

    # -- occasion -------------------------------------------------------------------------

    def _occasion(self, clause: Clause) -> str | None:
        """The occasion or reason stated in the clause; else, in a clause that points back to the
        event ("Dịp này, ...", "Tại buổi gặp mặt, ..."), the article's last event."""
        # an event cue inside the reason is part of it ("vì có thành tích ... chào mừng Đại hội ...")
        reason = self._reason.search(clause.view)
        reason_end = reason and self._occasion_end.search(clause.view, reason.end())
        inside = (reason.start(), reason_end.start() if reason_end else len(clause.view)) if reason else None
        cues = [(self._event, self._occasion_end_comma), (self._reason, self._occasion_end),
                (self._free_reason, self._occasion_end), (self._achievement, self._occasion_end),
                (self._venue, self._occasion_end_comma)]
        if all(f.generic for f in clause.forms) or not clause.forms:
            # an anniversary without "nhân" is the occasion of a commendation at the gathering
            # ("gặp mặt kỷ niệm ... và biểu dương"); orders and titles received at a jubilee are
            # given for work done, not for the jubilee
            cues.append((self._anniversary, self._occasion_end_comma))
        found = self._first_phrase(clause, cues, inside)
        if found is None and self._deictic_opener.match(clause.view):
            return clause.article.event
        return found

    def _event_named(self, clause: Clause) -> str | None:
        """The event a clause names ("nhân kỷ niệm ...", "gặp mặt kỷ niệm 94 năm ..."), for later clauses."""
        return self._first_phrase(clause, ((self._event, self._occasion_end_comma),
                                           (self._anniversary, self._occasion_end_comma)))

    def _first_phrase(self, clause: Clause, cues: Iterable[tuple[re.Pattern[str], re.Pattern[str]]],
                      reason: tuple[int, int] | None = None) -> str | None:
        for cue, stop in cues:
            for m in cue.finditer(clause.view):
                if self._bare_event_cue.match(m.group().strip()) and not self._event_starts.match(clause.view[m.end():]):
                    continue
                if cue is self._event and reason is not None and reason[0] <= m.start() < reason[1]:
                    continue
                if any(f.start <= m.start() < f.end for f in clause.forms):
                    continue
                end = stop.search(clause.view, m.end())
                phrase = clause.text[m.end():end.start() if end else len(clause.text)].strip(" ,")
                phrase = re.sub(r"\s*\([^()]*\)$", "", phrase)  # "Ngày Thầy thuốc Việt Nam (27/2/1955 - ...)"
                if len(phrase.split()) > 1 and phrase.split()[-1] not in self._deictic \
                        and not self._bare_venue.match(phrase):
                    return phrase
        return None


def restates(later: dict[str, Any], earlier: dict[str, Any]) -> bool:
    """Whether a later award mention tells nothing the earlier one of the same form did not.

    "X đón nhận Huân chương Lao động hạng Ba của Chủ tịch nước ..." followed by "Lãnh đạo
    thành phố trao Huân chương Lao động hạng Ba cho X" is one act of honouring, not two. A
    later mention with a new awarder, a new recipient or another count is another act.
    """
    return (
        later["form"] == earlier["form"]
        and later["awarder"] in (None, earlier["awarder"])
        and set(later["recipients"]) <= set(earlier["recipients"])
        and later["recipient_count"] in (None, earlier["recipient_count"])
    )


@Language.factory("congdoan_awards")
def make_awards(nlp: Language, name: str) -> AwardExtractor:
    return AwardExtractor(lexicon("awards"))
