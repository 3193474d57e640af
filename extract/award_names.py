"""Names in an award clause: organisations, bodies, offices and people, canonical.

Union units are those of ``congdoan_units`` (resolved within the article), else phrases that
start with a head word and run over capitalised syllables; a body written before its
organisation stays in front ("Ban Chấp hành Tổng Liên đoàn Lao động Việt Nam"); people keep
their name without a title; appositions after a person are marked so they are never recipients.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from spacy.tokens import Doc

from extract.award_clauses import MASK, Clause, Name, Phrases, Token, phrase_regex
from extract.doc_index import DocIndex, doc_index
from extract.gazetteer import gazetteer, name_key
from extract.nlp import ArticleContext
from extract.spans import fields_of
from extract.unit_patterns import DISTRICT_TYPES
from extract.units import canonical_unit_name, complete_with_site, unit_parser

_SPACES = re.compile(r"\s+")
_BARE_DISTRICT = re.compile(rf" ({'|'.join(DISTRICT_TYPES)})$", re.IGNORECASE)  # a name closed by a district's type alone
# Words that join list items; a unit span never ends with one.
_JOINERS = ("và", "cùng", "với")


def _inner_syllable_starts(index: DocIndex) -> tuple[list[int], list[int]]:
    """Where each syllable that continues a word starts (Doc offsets), with the token it belongs to."""
    owners, inner = [], []
    for token in index.tokens:
        if token.text.isalnum():
            continue  # no space inside, as most tokens: spares the search
        for m in _SPACES.finditer(token.text):
            owners.append(token.i)
            inner.append(token.idx + m.end())
    return owners, inner


@dataclass(frozen=True)
class _Phrase(Name):
    """An organisation's name as written, named canonically only if the clause keeps it as it is (a phrase over a
    unit takes the unit's name, one with a union head that is no unit is dropped)."""


class AwardNames:
    """Finding and naming the organisations and people of a clause (a part of ``AwardExtractor``)."""

    def _init_names(self, names: dict[str, Any]) -> None:
        self._heads = Phrases(names["heads"])
        self._connectors = Phrases(names["connectors"])
        self._admin = Phrases(names["admin_connectors"])
        self._stops = Phrases(names["stops"])
        self._expansion_of = {" ".join(k.split()): v for k, v in names["expansions"].items()}
        self._expansions = re.compile(phrase_regex(names["expansions"]))  # one pass, longest first
        self._expanded: dict[str, str] = {}
        self._canonicals: dict[tuple[str, ArticleContext | None], str] = {}
        self._offices: dict[str, str] = {k.lower(): v for k, v in names["offices"].items()}
        self._body = re.compile(rf"^(?P<body>{phrase_regex(names['bodies']['list'])})\s+(?P<org>.+)$")
        self._union_head = re.compile(phrase_regex(names["unit_heads"]))
        self._anaphors = Phrases(names["anaphors"])
        self._legal_forms = set(names["legal_forms"])  # "Công ty CP than X": the trade word may follow these
        self._not_persons = set(names["not_persons"])
        self._office_heads = Phrases(names["office_heads"])
        self._deputy = {w.lower() for w in names["deputy"]}
        self._states = re.compile(rf"^(?:{phrase_regex(names['states'])})")
        self._state_names = {k.lower(): v for k, v in names["states"].items()}
        self._state_end = re.compile(rf"({phrase_regex(names['states'])})\s*$")
        self._field_heads = Phrases(names["field_heads"])
        self._lower_heads = Phrases(names["lower_heads"])
        self._committees = {c.casefold() for c in names["committees"]["list"]}


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
                # "anh A, Công ty X và chị B, ...": the apposition ends before "và" and the next person
                nxt = next((n for n in clause.names if n.person and s < n.start < e), None)
                joined = re.search(r"\s+và\s+$", view[s:nxt.start]) if nxt is not None else None
                last = joined is not None
                if last:
                    e = s + joined.start()
                # "…, chị B, Công ty Y được X tặng …": the workplace before the verb
                verb = self._receive.search(view, s, e) or self._give.search(view, s, e)
                before = view[s:verb.start()].rstrip() if verb else ""
                # (also one that runs on past its name: "anh A, Công ty X thuộc Tổng Công ty Y (ảnh) đoạt …")
                if before and any(not n.person and n.start == s and n.end <= s + len(before) for n in clause.names) \
                        and not re.search(r"(?<!\w)và(?!\w)", before):
                    e, last = s + len(before), True
                segment = view[s:e].strip(" " + MASK + "()")
                if not segment or self._apposition_stop.search(segment) or self._count.search(segment) \
                        or any(n.person for n in clause.names if s <= n.start < e):
                    break
                named = any(not n.person for n in clause.names if s <= n.start < e)
                if not (named or self._office.match(view, s) or segment[0].islower()) \
                        or len(segment.split()) > self._apposition_words and not named:
                    break
                pos = end = s + len(view[s:e].rstrip())
                if last:
                    break
            if end > person.end:
                spans.append((person.end, end))
        return spans

    @staticmethod
    def _word_inner_starts(doc: Doc, start: int, end: int) -> set[int]:
        """Clause offsets of syllables that continue the underthesea word before them."""
        index = doc_index(doc)
        owners, inner = index.memo("inner syllable starts", _inner_syllable_starts)
        first, stop = index.char_range(start, end)
        return {p - start for p in inner[bisect_left(owners, first):bisect_left(owners, stop)]}


    # -- names ----------------------------------------------------------------------------

    def _names(self, clause: Clause, word_inner: set[int], units: list) -> list[Name]:
        unit_names = []
        for unit in units:
            s, e = unit.start_char - clause.start, unit.end_char - clause.start
            canonical = fields_of(unit, "units")["name"]
            words = clause.view[s:e].split(" ")
            while len(words) > 1 and words[-1] in _JOINERS:  # "Công đoàn Trường X và": the list's "và"
                e -= len(words.pop()) + 1
                if canonical.split()[-1] in _JOINERS:
                    canonical = canonical.rsplit(None, 1)[0]
            if not canonical.split()[-1][0].islower():  # a verb glued to the place: "Hải Dương tặng"
                while len(words) > 1 and words[-1][:1].islower():
                    e -= len(words.pop()) + 1
            unit_names.append(Name(s, e, canonical))
        names: list[Name] = []
        tokens, after = clause.tokens, 0  # after: the first token a name may start at
        starters, family = self._name_starters(), self._family_names
        # only where an anaphor, pronoun, title, family name or head starts can one of the four find a name
        for i in [k for k, t in enumerate(tokens) if t.text.lower() in starters or t.text in family]:
            if i < after:
                continue  # inside the name found last
            anaphor = self._anaphor_at(clause, i) or self._pronoun_at(clause, i)
            found = anaphor or self._person_at(clause, i) or self._org_at(clause, word_inner, i)
            if found is None:
                continue
            name, j = found
            overlapping = [u for u in unit_names if u.start < name.end and name.start < u.end]
            if not (overlapping or anaphor or name.person) and self._needs_unit(clause.view[name.start:name.end]):
                after = max(j, i + 1)  # "Công đoàn Việt Nam" in an event's name is no unit
                continue
            if overlapping and not name.person:
                # the unit's name (resolved within the article) with the body written before it
                unit = overlapping[0]
                body = self._body.match(self._expand(clause.view[name.start:name.end]))
                canonical = f"{body.group('body')} {unit.canonical}" if body else unit.canonical
                name = Name(min(name.start, unit.start), max(name.end, unit.end), canonical)
                j = clause.token_index_at(name.end)
            if isinstance(name, _Phrase):
                canonical = self._canonical(name.canonical, clause.context)
                bare = _BARE_DISTRICT.search(canonical)  # "Ủy ban nhân dân huyện": the one district the article names
                if bare and (place := clause.article.places.only_district(bare.group(1).lower())) is not None:
                    canonical = f"{canonical} {place.display}"
                name = Name(name.start, name.end, canonical)
            names.append(name)
            after = max(j, i + 1)
        covered = [n for n in names if not n.person]
        names += [u for u in unit_names if not any(c.start <= u.start and u.end <= c.end for c in covered)]
        return sorted(names, key=lambda n: n.start)

    def _name_starters(self) -> set[str]:
        """The words (lower case) that can open a name: the first words of anaphors, person titles, heads and
        lower-case heads, and the pronouns (family names are looked up as written)."""
        starters = self.__dict__.get("_starters")
        if starters is None:
            starters = self._starters = (self._anaphors.first_words | self._person_titles.first_words
                                         | self._heads.first_words | self._lower_heads.first_words | set(self._pronouns))
        return starters

    def _needs_unit(self, text: str) -> bool:
        """A name with a union head that the units component did not take is no unit."""
        body = self._body.match(self._expand(text))
        return bool(self._union_head.match(body.group("org") if body else text))

    def _anaphor_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        """"Công đoàn nhà trường": the article's grassroots union, when it has exactly one."""
        if len(clause.article.grassroots) == 1 and (n := self._anaphors.match(clause.tokens, i)):  # most have none
            return Name(clause.tokens[i].start, clause.tokens[i + n - 1].end, clause.article.grassroots[0]), i + n
        return self._host_at(clause, i)

    def _host_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        """"Nhân dịp này, công đoàn biểu dương 52 cá nhân": a bare "công đoàn" in lower case right before a verb of
        giving or honouring is the union that holds the article's event ("X tổ chức hội nghị …")."""
        tokens, host = clause.tokens, clause.article.organiser
        if host is None or i + 1 >= len(tokens) or (tokens[i].text, tokens[i + 1].text) != ("công", "đoàn") \
                or not self._union_name.match(host):
            return None
        end = tokens[i + 1].end
        verb = end + len(clause.view[end:]) - len(clause.view[end:].lstrip())
        if not (self._aux_give.match(clause.view, end) or self._generic.match(clause.view, verb)):
            return None
        return Name(tokens[i].start, end, host), i + 2

    def _event_holder(self, clause: Clause, noun: str) -> str | None:
        """Who holds the event an event noun stands for: its organiser; a committee ("Ban tổ chức") with no organiser
        named stands for the article's one union (a ceremony, "tại lễ trao giải", names no one)."""
        committee = any(noun.casefold().startswith(c) for c in self._committees)
        return clause.article.event_holder if committee else clause.article.organiser

    def _pronoun_at(self, clause: Clause, i: int) -> tuple[Name, int] | None:
        """A bare "chị", "anh" before a verb or a form: the person the article named last."""
        tokens, person = clause.tokens, clause.article.last_person
        if person is None or tokens[i].text.lower() not in self._pronouns \
                or tokens[i].text[0].isupper() and i > 0 and tokens[i - 1].is_word:
            return None
        if i > 0 and (tokens[i - 1].text.lower() == "các" or tokens[i - 1].text == "," and i > 1
                      and tokens[i - 2].text.lower() in self._pronouns):
            return None  # "gồm các ông, bà: …": the people listed next, no one named before
        if i > 0 and tokens[i - 1].text[:1].isdigit():
            return None  # "hơn 80.000 chị đạt danh hiệu …": a counted noun
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
        if any(f.start <= tokens[i].start < f.end for f in clause.forms):
            return None  # the person a prize is named after: "Giải thưởng Nguyễn Văn Linh"
        j = first
        while j < len(tokens) and j - first < 5 and tokens[j].is_word and tokens[j].text[0].isupper():
            j += 1
        if j - first < (1 if title else 2) or self._heads.match(tokens, first) or self._place_type(tokens, j - 1):
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
        if tokens[i].text[0].isupper():
            head = self._heads.match(tokens, i)
        else:  # "cho trường THCS Nguyễn Du": a lower-case head before a capitalised name
            head = self._lower_heads.match(tokens, i)
            if head and not (i + head < len(tokens) and tokens[i + head].text[0].isupper()):
                head = 0
        if not head:
            return None
        fields = bool(self._field_heads.match(tokens, i))
        j, has_cap, has_admin, after_cap = i + head, False, False, False
        while j < len(tokens):
            token = tokens[j]
            if after_cap and (fields or token.text in ("-", "–")) and self._joins_field(clause, j):
                # "Bộ Giáo dục và Đào tạo", "Sở Lao động - Thương binh và Xã hội"; any name's capitalised parts joined
                # by a dash: "Tập đoàn Công nghiệp Than - Khoáng sản Việt Nam"
                j, after_cap = j + 1, False
                continue
            if not token.is_word:
                break
            if token.capitalised:
                if any(f.start == token.start for f in clause.forms) or self._heads.match(tokens, j) \
                        and self._expand(clause.view[tokens[i].start:tokens[j - 1].end]).lower() in self._offices:
                    break  # a form, or a second name after a whole office: "được Chính phủ UBND tỉnh tặng"
                j, has_cap, after_cap = j + 1, True, True
                continue
            if self._stops.match(tokens, j):
                break
            connector = self._connectors.match(tokens, j)
            if connector:
                has_admin = has_admin or bool(self._admin.match(tokens, j))
                j, after_cap = j + connector, False
                continue
            if after_cap and (token.start in word_inner or self._compound(tokens[j - 1], token)):
                j += 1  # "Mía đường": the lower-case half of a trade compound (units lexicon)
                continue
            if after_cap and token.start in clause.nouns and self._name_ends_after(tokens, j):
                j += 1  # "Phân xưởng Luyện thép được ...": a lower-case noun closing the name
            elif (j == i + head or all(t.text in self._legal_forms for t in tokens[i + head:j])) \
                    and (trade := self._trade_word(clause, word_inner, j)):
                j += trade  # "Nhà máy nhiệt điện Vĩnh Tân", "Công ty CP than Mông Dương": a lower-case trade word
                continue
                continue
            break
        if self._office_heads.match(tokens, i) and (holder := self._office_holder(clause, i, j)) is not None:
            return holder, j
        text = clause.view[tokens[i].start:tokens[j - 1].end]
        office = self._offices.get(self._expand(text).lower())
        if office:
            return Name(tokens[i].start, tokens[j - 1].end, office), j
        if not (has_cap or has_admin):
            return None
        text = text[0].upper() + text[1:]  # "trường THCS X" is "Trường THCS X"
        return _Phrase(tokens[i].start, tokens[j - 1].end, text), j

    @staticmethod
    def _trade_word(clause: Clause, word_inner: set[int], j: int) -> int:
        """How many tokens from ``j`` make one lower-case word (of one or two syllables) followed by a
        capitalised one ("nhiệt điện Vĩnh Tân", "may Hưng Yên"); 0 when they do not."""
        tokens = clause.tokens
        n = 2 if j + 1 < len(tokens) and tokens[j + 1].start in word_inner else 1
        after = j + n
        ok = all(t.is_word and not t.capitalised for t in tokens[j:after]) and after < len(tokens) \
            and tokens[after].is_word and tokens[after].text[0].isupper()
        return n if ok else 0

    def _joins_field(self, clause: Clause, j: int) -> bool:
        """Token ``j`` ("và", a dash, a comma) joins two fields of a state body's name: a capitalised word
        that opens no other name follows, and after a comma the list closes with "và" + a capitalised word."""
        tokens = clause.tokens
        sep = tokens[j].text
        if sep not in ("và", "-", "–", ",") or j + 1 >= len(tokens):
            return False
        nxt = tokens[j + 1]
        if not nxt.capitalised or nxt.text[0].isdigit() or self._heads.match(tokens, j + 1) \
                or any(f.start == nxt.start for f in clause.forms) or self._family_names_at(tokens, j + 1):
            return False
        if sep != ",":
            return True
        k = j + 1
        while k < len(tokens) and tokens[k].is_word and tokens[k].capitalised:
            k += 1
        while k < len(tokens) and tokens[k].is_word and not tokens[k].capitalised and tokens[k].text != "và":
            k += 1  # "Văn hóa, Thể thao" : the lower-case half of a field
        return k + 1 < len(tokens) and tokens[k].text == "và" and tokens[k + 1].capitalised

    def _holder_ending(self, clause: Clause, s: int, e: int) -> Name | None:
        """The person an office item ends with: "Chủ tịch Tổng LĐLĐ Việt Nam Bùi Văn A" -> "Bùi Văn A"."""
        words = [t for t in clause.tokens if s <= t.start and t.end <= e and t.is_word]
        for k in range(1, len(words) - 1):
            tail = words[k:]
            if words[k].text in self._family_names and len(tail) <= 4 and all(t.capitalised for t in tail) \
                    and not self._is_place(" ".join(t.text for t in tail)):
                return Name(tail[0].start, tail[-1].end, " ".join(t.text for t in tail), person=True)
        return None

    def _family_names_at(self, tokens: Sequence[Token], k: int) -> bool:
        return tokens[k].text in self._family_names and k + 1 < len(tokens) and tokens[k + 1].capitalised

    def _office_holder(self, clause: Clause, i: int, j: int) -> Name | None:
        """An office with its holder's name, or a deputy's office: "Chủ tịch UBND tỉnh Nguyễn Văn A"
        is the office "Chủ tịch Ủy ban nhân dân tỉnh ..." (the holder's name left out); "Phó Chủ tịch
        UBND tỉnh Nguyễn Văn A" is a person who hands an award over, never its awarder (a union's deputy chair
        excepted)."""
        tokens = clause.tokens
        # … but a union's deputy chair grants as the union, as its chair does ("Phó Chủ tịch LĐLĐ tỉnh trao …")
        deputy = i > 0 and tokens[i - 1].text.lower() in self._deputy and tokens[i - 1].end + 1 >= tokens[i].start \
            and not self._union_chair.match(clause.view, tokens[i - 1].start)
        start = tokens[i - 1].start if deputy else tokens[i].start
        holder = next((k for k in range(i + 1, j - 1) if tokens[k].text in self._family_names
                       and tokens[k + 1].capitalised and j - k <= 4
                       and not self._is_place(" ".join(t.text for t in tokens[k:j]))), None)
        if holder is not None:
            person = " ".join(t.text for t in tokens[holder:j])
            if person not in clause.article.persons:
                clause.article.persons.append(person)
            if not deputy:
                # two offices of one holder: "Bộ trưởng, Chủ nhiệm Văn phòng Chính phủ Mai Tiến A"
                first = next((k for k in range(max(0, i - 4), i - 1) if tokens[i - 1].text == ","
                              and self._office_heads.match(tokens, k) == i - 1 - k), i)
                start = tokens[first].start
                office = clause.view[start:tokens[holder - 1].end]
                return Name(start, tokens[j - 1].end, self._canonical(office, clause.context))
            return Name(start, tokens[j - 1].end, person, person=True)
        if deputy:
            return Name(start, tokens[j - 1].end, clause.view[start:tokens[j - 1].end], person=True)
        return None

    @staticmethod
    def _place_type(tokens: Sequence[Token], k: int) -> bool:
        """Token ``k`` opens a place's type word with the next one: "em Thành phố" names no person "Thành"."""
        return k + 1 < len(tokens) and name_key(f"{tokens[k].text} {tokens[k + 1].text}") in unit_parser().types

    @staticmethod
    def _compound(previous: Token, token: Token) -> bool:
        return name_key(f"{previous.text} {token.text}") in unit_parser().name_compounds

    def _is_place(self, text: str) -> bool:
        gaz = gazetteer()
        return gaz.old_province(text) is not None or bool(gaz.district_entries(text))

    def state_before(self, view: str, pos: int) -> str | None:
        """The state named right before ``pos`` (past auxiliaries): "được Đảng, Nhà nước tặng" -> "Nhà nước"."""
        aux = self._trailing_aux.search(view, 0, pos)
        m = self._state_end.search(view, 0, aux.start() if aux else pos)
        return self._state_names[re.sub(r"\s+", " ", m.group(1)).lower()] if m else None

    def state_after(self, view: str, pos: int) -> str | None:
        """The state named at ``pos`` ("Đảng, Nhà nước" -> "Nhà nước"), for "thừa ủy nhiệm của ..."."""
        m = self._states.match(view[pos:])
        return self._state_names[re.sub(r"\s+", " ", m.group()).lower()] if m else None

    def _name_ends_after(self, tokens: Sequence[Token], j: int) -> bool:
        """Nothing but punctuation or a receiving marker follows token ``j``."""
        return j + 1 == len(tokens) or not tokens[j + 1].is_word or bool(self._gap_words.match(tokens, j + 1)) \
            and not self._heads.match(tokens, j + 1)

    def _expand(self, text: str) -> str:
        cache = self._expanded  # per distinct phrase: names recur within and across articles
        if text not in cache:
            if len(cache) > 1 << 16:
                cache.clear()
            expanded = self._expansions.sub(lambda m: self._expansion_of[" ".join(m.group().split())], text)
            cache[text] = re.sub(r"\s+", " ", expanded).strip()
        return cache[text]

    def _canonical(self, text: str, context: ArticleContext | None) -> str:
        """Canonical awarder or recipient name: the body kept in front of its organisation."""
        text = self._expand(text)
        office = self._offices.get(text.lower())
        if office:
            return office
        body = self._body.match(text)
        if body:
            return f"{body.group('body')} {self._canonical(body.group('org'), context)}"
        key = (text, context)  # the same name recurs in an article's clauses (the context is per article)
        canonical = self._canonicals.get(key)
        if canonical is None:
            if len(self._canonicals) > 1 << 16:
                self._canonicals.clear()
            canonical = self._canonicals[key] = complete_with_site(canonical_unit_name(text, context=context), context)
        return canonical

