"""The ``congdoan_amounts`` component: money, counts and percentages as the annotation guide defines them.

The search runs on the Doc's text with regular expressions compiled once from
``data/lexicon/amounts.toml``; underthesea's tokens and POS tags are consulted only around a
number: to take a counted noun the lexicon does not list, to read a rate's base, and to
check that a word before a number is a word of its own ("điểm", not the end of "khởi điểm").
A number becomes an amount only when something says what
it measures (a currency, "%", a counted noun, or money words around a scaled number), which
is what keeps dates, years, document numbers and phone numbers out; the exclusion rules of
the lexicon handle the numbers that do have a noun after them ("2 năm", "bão số 3 ...").

Fields of each span (``span._.amount``):

``kind``        money | count | percent
``value``       float; the low end of a range; money in its currency, scale words applied
``value_max``   float, the high end of a range, else None
``currency``    ISO code for money (VND unless written otherwise), else None
``unit``        the counted noun as written (counts only), else None
``per``         the base of a rate, "người/tháng" for "đồng/người/tháng", else None
``qualifier``   exact | approx | over | under

The span covers the amount as written: the qualifier ("gần 17 tỷ đồng", "100% trở lên"), the
"từ" of a range or of "từ 50 đoàn viên trở lên", the unit and the rate. Spans follow
underthesea's words, so one can end a syllable late when a word runs on ("20 tỷ đồng tiền").
A number without a unit that borrows the next one's is an amount of its own: "2 trong số 58
tập thể" (2, spanning to the noun; 58 is found again), "45/50 CĐCS" (45), "từ 1.200 lên 1.500
người" (1200, spanning the number only).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Doc

from extract.amount_rules import SP, AmountRules
from extract.amount_told import Amount, told
from extract.doc_index import TokenInfo, doc_index
from extract.numbers import NumberMatch, match_number
from extract.spans import add_char_span

_CLAUSE_END = re.compile(r"[.;:!?\n]")
_ENGLISH_GROUPS = re.compile(r"[1-9]\d{0,2}(?:,\d{3})+")
_GLUED_NUMBER = re.compile(r"[\d.,]+[ \t\u00a0]+")
_SENTENCE_OPENING = re.compile(r"(?:^|[.!?:;…\"“”'(\[\n–-])[ \t]*$")
_GIVEN_TO = re.compile(r"\s+(?:cho|tới|đến)\s+\d")  # a noun given to a counted group: a new item, not a listed noun
_SPACES = re.compile(f"{SP}+")
_LISTED_WORD = re.compile(rf"{SP}+([^\W\d_]+)(?!\w)")
_LETTERS = re.compile(r"[^\W\d_]+")


@dataclass
class Tail:
    """What follows a number and says what it measures."""

    kind: str
    end: int
    currency: str | None = None
    unit: str | None = None
    per: str | None = None


def _token_at(doc: Doc, char: int) -> TokenInfo | None:
    """The token holding character ``char`` (``doc.char_span(char, char + 1, alignment_mode="expand")[0]``)."""
    tokens = doc_index(doc).char_tokens(char, char + 1)
    return tokens[0] if tokens else None


_YEAR_RANGE_END = re.compile(r"(?<!\d)(?:19|20)\d\d\s*[-–—]\s*$")  # a year and a dash right before a year


def _is_year(match: NumberMatch, rules: AmountRules) -> bool:
    return (match.numeral is not None and match.numeral.isdigit() and len(match.numeral) == 4
            and rules.year_span[0] <= int(match.numeral) <= rules.year_span[1])


class AmountFinder:
    """Finds the amounts of one Doc; see the module docstring for the fields."""

    def __init__(self, rules: AmountRules):
        self.rules = rules

    # -- pieces after a number -------------------------------------------------------------

    def _numeral_end_ok(self, text: str, end: int) -> bool:
        """A bare numeral must stand alone: not "429A", "8h30", "14:01", "05-CT", "130/KH".

        "6/10" passes here and is judged as a fraction ("45/50 CĐCS") or dropped later."""
        if end >= len(text):
            return True
        char = text[end]
        if char.isalpha():  # "500đ"; a listed noun with the space left out ("21cá nhân")
            return self.rules.currency.match(text, end) is not None or self.rules.glued_noun.match(text, end) is not None
        after = text[end + 1:end + 2]
        if char == "/" and after.islower():
            return True  # a rate: "500.000/suất"; "130/KH" (a document number) stays out
        if char == ":" or char in "/-" and after.isalpha():
            return False
        return True

    def _per(self, doc: Doc, text: str, pos: int) -> tuple[str | None, int]:
        parts: list[str] = []
        while (marker := self.rules.rate.match(text, pos)) is not None:
            token = _token_at(doc, marker.end())
            if token is None or token.idx != marker.end() or not token.text.replace(" ", "").isalpha():
                break
            parts.append(("1 " if marker.group("one") else "") + token.text)
            pos = token.idx + len(token.text)
        return ("/".join(parts) or None), pos

    def _counted(self, doc: Doc, text: str, pos: int, listed_only: bool, value: float = 0) -> tuple[str, int] | None:
        """The counted noun right after ``pos``: (unit as written, end); ``value`` is the number's."""
        rules = self.rules
        quoted = rules.quoted.match(text, pos)
        if quoted is not None:
            return quoted.group("n"), quoted.end()
        noun = rules.noun.match(text, pos) or rules.glued_noun.match(text, pos)
        if noun is not None and noun.group("n") not in rules.classifiers:
            start, end = noun.start("n"), noun.end("n")
            token = _token_at(doc, end - 1)
            if token is not None and token.idx + len(token.text) > end:  # "ca" of "ca sĩ"
                end = token.idx + len(token.text)
            unit = text[start:end]
            if unit.lower() in rules.nouns or not self._uncounted(unit, value):
                end = self._listed_on(text, end, unit.split()[0].lower())
                return text[start:end], end
            return None
        classifier = rules.classifier.match(text, pos)
        if classifier is not None and self._whole_word(doc, classifier.start("n"), classifier.end("n")):
            end = self._classified_end(doc, text, classifier.group("n"), classifier.end("n"))
            return text[classifier.start("n"):end], end
        if listed_only:
            return None
        space = _SPACES.match(text[pos:pos + 3])
        if space is None:
            return None
        start = pos + space.end()
        token = _token_at(doc, start)
        # underthesea may glue the number to the noun ("8.500 voucher" is one word): the noun is its rest
        if token is None or token.idx != start and not _GLUED_NUMBER.fullmatch(text, token.idx, start):
            return None
        end = token.idx + len(token.text)
        if not self._fallback_noun(text[start:end], token.tag, value):
            return None
        if not text[end:].strip() and any(noun.startswith(text[start:end].lower() + " ") for noun in rules.nouns):
            return None  # a noun cut by the end of a copied page: "… cho 16 cá" ("cá nhân")
        if text[start:end].lower() in rules.address_nouns and text[end:end + 4].lstrip()[:1].isupper():
            return None  # a house number before a named place: "724 ấp Bình An"
        if token.tag == "Nc":  # a classifier the lexicon does not list: "con bò", "tấm vé"
            end = self._classified_end(doc, text, token.text, end)
        return text[start:end], end

    def _listed_on(self, text: str, end: int, head: str) -> int:
        """Where a counted noun ends with the nouns listed after it by commas, kept whole (tests/gold/README.md,
        rule 23): "1.000 công nhân, người lao động", "100 vé máy bay, tàu, xe" ("vé tàu", "vé xe" are listed)."""
        while text.startswith(",", end):
            listed = self.rules.noun.match(text, end + 1)
            word = _LISTED_WORD.match(text[end + 1:end + 30])
            if listed is not None and _GIVEN_TO.match(text, listed.end("n")):
                break  # "… cho 2 cá nhân, bằng Lao động sáng tạo cho 1 cá nhân": the next thing given, no list
            if listed is not None:
                end = listed.end("n")
            elif word is not None and word.group(1).islower() and f"{head} {word.group(1)}" in self.rules.nouns:
                end += 1 + word.end()
            else:
                break
        return end

    @staticmethod
    def _whole_word(doc: Doc, start: int, end: int) -> bool:
        """``text[start:end]`` is not the first part of a longer word ("bình" of "bình quân")."""
        token = _token_at(doc, start)
        return token is None or token.idx + len(token.text) <= end

    def _classified_end(self, doc: Doc, text: str, classifier: str, end: int) -> int:
        """Where the noun after a classifier ends: "suất học bổng", "lượt đoàn viên", "vụ tranh chấp"."""
        rules = self.rules
        listed = rules.noun.match(text, end)
        if listed is not None and not self._uncounted(listed.group("n")):
            return listed.end("n")
        space = _SPACES.match(text[end:end + 3])
        token = _token_at(doc, end + space.end()) if space else None
        if token is None or token.idx != end + space.end():
            return end
        verbal = classifier.lower() in rules.event_classifiers and token.tag in rules.verb_tags \
            and token.text.lower() not in rules.function_words
        if self._fallback_noun(token.text, token.tag) or verbal and token.text[:1].islower():
            return token.idx + len(token.text)
        return end

    def _rate_base(self, text: str, pos: int) -> bool:
        """A counted noun, a classifier or a time unit right at ``pos`` ("suất", "người", "tháng")."""
        word = _LETTERS.match(text, pos)
        return word is not None and word.group().islower() and (
            word.group() in self.rules.classifiers or word.group() in self.rules.nouns
            or word.group() in self.rules.not_counted)

    def _uncounted(self, word: str, value: float = 0) -> bool:
        """A word (one underthesea token or one listed noun) that makes no count: "năm", "chức năng"; a plan's
        part ("giải pháp") only up to a plan's size."""
        lowered = word.lower()
        return lowered in self.rules.not_counted and not (
            lowered in self.rules.plan_parts and value > self.rules.plan_parts_max)

    def _fallback_noun(self, text: str, tag: str, value: float = 0) -> bool:
        """An unlisted word that may be a counted noun: a lower-case common noun ("voucher")."""
        return (tag in self.rules.noun_tags and text[:1].islower() and text.replace(" ", "").replace("-", "").isalpha()
                and text.lower() not in self.rules.number_vocabulary and not self._uncounted(text, value)
                and self.rules.currency.fullmatch(text) is None)

    def _currency_case(self, written: str) -> bool:
        """ "đồng" is a currency in lower case or in capitals, not as "Đồng" of "Đồng Hới"."""
        lowered = written.lower()
        return lowered not in self.rules.lowercase_currencies or written == lowered or written.isupper()

    def _tail(self, doc: Doc, text: str, number: NumberMatch, clause_start: int) -> Tail | None:
        """What the number at ``number`` measures, read from the text after it."""
        rules = self.rules
        end = number.end
        if (percent := rules.percent.match(text, end)) is not None:
            tail = Tail("percent", percent.end())
        elif (currency := rules.currency.match(text, end)) is not None and self._currency_case(currency.group("c")):
            code = rules.currency_code[_SPACES.sub(" ", currency.group("c").lower())]
            tail = Tail("money", currency.end(), currency=code)
        elif number.scaled and number.value >= 1000 and rules.money_noun.match(text, end):
            tail = Tail("money", end, currency="VND")  # "300 ngàn tiền mặt": what is paid, not what is counted
        elif (counted := self._counted(doc, text, end, listed_only=number.in_words or _is_year(number, rules),
                                       value=number.value)) \
                and not (_is_year(number, rules) and counted[0][:1].isupper()):  # "Trong 2024 Liên đoàn Lao động …"
            tail = Tail("count", counted[1], unit=counted[0])
        elif number.scaled and number.value >= 1000 and (
                rules.money_cue.search(text, clause_start, number.start) or rules.rate.match(text, end)):
            tail = Tail("money", end, currency="VND")
        elif number.numeral is not None and number.value >= 10000 and number.value % 1000 == 0 \
                and rules.priced.search(text, clause_start, number.start):
            tail = Tail("money", end, currency="VND")  # "10 xuất trị giá 1.250.000": a price without its currency
        elif number.numeral is not None and number.value >= 1000 and number.value % 1000 == 0 \
                and text.startswith("/", end) and self._rate_base(text, end + 1):
            tail = Tail("money", end, currency="VND")  # a price per item with no currency: "(500.000/suất)"
        else:
            return None
        tail.per, tail.end = self._per(doc, text, tail.end)
        base = rules.base_before.search(text, clause_start, number.start) if tail.kind == "money" else None
        if tail.per is None and base and base.group("base").islower():
            tail.per = _SPACES.sub(" ", base.group("base"))  # "Mỗi suất trị giá 500.000 đồng"
        return tail

    # -- a number and what is before it -----------------------------------------------------

    def _number(self, text: str, start: int) -> tuple[NumberMatch, str | None] | None:
        """The number at ``start`` and a qualifier it carries ("hàng nghìn")."""
        scale_only = self.rules.scale_only.match(text, start)
        if scale_only is not None:
            number = match_number(text, scale_only.end())
            word = _SPACES.split(scale_only.group())[0].lower()
            if number is None:
                return None
            return NumberMatch(start, number.end, number.value, number.last_scale, False, None), \
                self.rules.scale_only_qualifier[word]
        number = match_number(text, start)
        if number is None or text[start].isalpha() and (
                text[start:number.end].lower() in self.rules.articles or self._capitalised_name(text, number)):
            return None
        if number.numeral is not None and (number.numeral.startswith("0") and number.numeral[1:2].isdigit()
                                           and len(number.numeral) > 2 or not self._numeral_end_ok(text, number.end)):
            return None  # "0912...", "05-CT", "6/10", "8h30"; "07 Công đoàn cơ sở" is 7
        return number, None

    @staticmethod
    def _capitalised_name(text: str, number: NumberMatch) -> bool:
        """A capitalised number word inside a sentence is a name: "Cu Ba", "Hai Bà Trưng", "Bảy Núi"."""
        written = text[number.start:number.end]
        return written[0].isupper() and not written.isupper() and _SENTENCE_OPENING.search(
            text, max(0, number.start - 12), number.start) is None

    def _excluded(self, doc: Doc, text: str, number: NumberMatch, window_start: int) -> str | None:
        """Why the words before ``number`` make it something other than an amount:
        "always", "unless_money_or_percent", or None when nothing before excludes it."""
        rules = self.rules
        start = number.start

        def before(pattern: re.Pattern[str]) -> re.Match[str] | None:
            """A listed word right before the number, as a word of its own ("điểm", not "khởi điểm")."""
            match = pattern.search(text, window_start, start)
            if match is None:
                return None
            token = _token_at(doc, match.start())
            glued = text[match.start()].isupper() and text[match.start() - 1:match.start()] == " "  # "ngày Tháng" 5
            return match if token is None or token.idx == match.start() or glued else None

        if before(rules.counter) or before(rules.name_before) or before(rules.quoted_name):
            return "always"
        if number.scaled and number.value >= rules.programme_min and number.value == 10 ** round(math.log10(number.value)) \
                and before(rules.programme):
            return "unless_money_or_percent"  # "chương trình 1 triệu sáng kiến": a programme's name
        if _is_year(number, rules) and (before(rules.year_before) or _YEAR_RANGE_END.search(text, window_start, start)):
            return "always"  # "năm 2024"; "giai đoạn 2011 - 2015 công đoàn …": the end of a span of years
        if before(rules.identifier) and not before(rules.identifier_exception) and not before(rules.identifier_verb):
            return "unless_money_or_percent"  # "phòng 201" is a name, "tiền phòng 1 triệu đồng" is not
        if text[start].isalpha():
            if before(rules.word_blocker):
                return "always"
            if text[start:start + 3].lower() == "năm" and (before(rules.year_blocker)
                                                           or rules.figure_before.search(text, window_start, start)):
                return "always"  # "năm" after a figure is "year": "15 năm Giải thưởng", "một năm lao động"
        calendar = before(rules.calendar)
        if calendar is not None and not number.scaled and number.value <= rules.calendar_limit[
                _SPACES.sub(" ", calendar.group("w").lower())]:
            return "unless_money_or_percent"
        return None

    # -- one amount ---------------------------------------------------------------------------

    def _amount_at(self, doc: Doc, text: str, start: int) -> tuple[Amount | None, int]:
        """The amount whose number starts at ``start``, and where the scan goes on."""
        found = self._number(text, start)
        if found is None:
            return None, start + 1
        first, scale_qualifier = found
        window_start = max(0, start - 40)
        exclusion = self._excluded(doc, text, first, window_start)
        if exclusion == "always":
            return None, first.end
        clause_start = self._clause_start(text, start)
        tail = self._tail(doc, text, first, clause_start)
        value, value_max = first.value, None
        end = tail.end if tail else first.end
        if scale_qualifier is None and (ranged := self._range(doc, text, first, tail, clause_start)) is not None:
            tail, value, value_max, end = ranged
        if tail is None and exclusion is None and scale_qualifier is None \
                and (noun := self.rules.count_after.search(text, clause_start, first.start)):
            tail, end = Tail("count", first.end, unit=noun.group("n")), first.end  # "số sáng kiến ... là 819"
        if tail is None:
            if exclusion is not None:
                return None, first.end
            return self._borrowed(doc, text, first, clause_start, window_start)
        if exclusion == "unless_money_or_percent" and tail.kind == "count":
            return None, end
        if value_max is None and tail.kind in ("count", "money") and first.numeral is not None \
                and _ENGLISH_GROUPS.fullmatch(first.numeral) and tail.currency in (None, "VND"):
            value = float(first.numeral.replace(",", ""))  # "1,500 đoàn viên": 1500, there is no half person
        if tail.kind == "count" and value == 1 \
                and (tail.unit or "").partition(" ")[0].lower() in self.rules.article_classifiers:
            return None, end  # "đón 1 cái Tết": an article
        if tail.kind == "count" and value != int(value) and not first.scaled \
                and (tail.unit or "").lower() not in self.rules.fractional or value == 0:
            return None, end  # "2,5 công nhân" is a misread, "Phiên chợ 0 đồng" a name
        return self._finish(text, start, end, tail, value, value_max, scale_qualifier, window_start), end

    def _range(self, doc: Doc, text: str, first: NumberMatch, tail: Tail | None,
               clause_start: int) -> tuple[Tail, float, float, int] | None:
        """A range after the first number: "5-7 triệu đồng", "từ 5% đến 30%", "từ 8 đến 12 người"."""
        rules = self.rules
        sep = rules.range_sep.match(text, tail.end if tail else first.end)
        if sep is None or not text[sep.end():sep.end() + 1].isalnum():
            return None
        second = self._number(text, sep.end())
        if second is None or _is_year(first, rules) and _is_year(second[0], rules):
            return None
        number2 = second[0]
        tail2 = self._tail(doc, text, number2, clause_start)
        low = self._low_end(first, tail, number2)
        if (tail2 or tail) is None or number2.value <= low or tail and tail2 and tail.kind != tail2.kind:
            return None
        shared = tail2 or tail
        assert shared is not None
        return shared, low, number2.value, tail2.end if tail2 else number2.end

    @staticmethod
    def _low_end(first: NumberMatch, tail: Tail | None, second: NumberMatch) -> float:
        """The first number of a pair, with the second's scale when it has none: "5-7 triệu" -> 5e6; a thousandth of
        it when the whole scale would pass the high end: "từ 500 - 3 triệu đồng" -> 5e5 (five hundred thousand)."""
        if tail is None and not first.scaled and second.scaled:
            for scale in (second.last_scale, second.last_scale / 1000 if second.last_scale >= 1e6 else None):
                if scale and first.value * scale < second.value:
                    return first.value * scale
        return first.value

    def _borrowed(self, doc: Doc, text: str, first: NumberMatch, clause_start: int,
                  window_start: int) -> tuple[Amount | None, int]:
        """A number that takes the unit of the next one: "2 trong số 58 tập thể" (count 2 tập thể,
        and 58 is scanned on its own), "45/50 CĐCS" (45), "từ 12.000 lên 15.000 đoàn viên" (12000)."""
        rules = self.rules
        partitive = rules.partitive.match(text, first.end)
        opened = rules.range_open.search(text, window_start, first.start) is not None
        change = rules.change.match(text, first.end) if opened else None
        if partitive is not None or change is not None:
            second_start = (partitive or change).end()
        elif text.startswith(rules.fraction, first.end) and first.numeral is not None \
                and not rules.fraction_date.search(text, window_start, first.start):
            second_start = first.end + len(rules.fraction)
        else:
            return None, first.end
        second = self._number(text, second_start)
        tail = self._tail(doc, text, second[0], clause_start) if second is not None else None
        if tail is None or second is None:
            return None, first.end
        if change is not None:  # the first number keeps its own place in the text
            value = self._low_end(first, None, second[0])
            borrowed = Tail(tail.kind, first.end, tail.currency, tail.unit, tail.per)
            return self._finish(text, first.start, first.end, borrowed, value, None, None, window_start), second_start
        if tail.kind != "count" or second[0].value < first.value:
            return None, first.end
        amount = self._finish(text, first.start, tail.end, tail, first.value, None, None, window_start)
        return amount, second_start if partitive is not None else tail.end

    def _preposition(self, text: str, word: str, start: int, end: int, tail: Tail) -> bool:
        """The word before the number is a preposition, not a qualifier: "trên 3 tuyến đường" is
        "on three roads" (a place noun follows), while "trên 300 đoàn viên" is "over 300"."""
        if word.lower() not in self.rules.preposition_words or not tail.unit:
            return False
        noun = text.rfind(tail.unit, start, end)
        return noun >= 0 and self.rules.preposition_nouns.match(text, noun) is not None

    def _finish(self, text: str, start: int, end: int, tail: Tail, value: float, value_max: float | None,
                qualifier: str | None, window_start: int) -> Amount:
        """The amount with its qualifier and the words that carry it inside the span."""
        rules = self.rules
        span_start = start
        if value_max is not None and (opening := rules.range_open.search(text, window_start, start)):
            span_start = opening.start()
        before = rules.qual_before.search(text, max(0, span_start - 20), span_start)
        if before is not None and not self._preposition(text, before.group("q"), start, end, tail):
            qualifier = qualifier or rules.qualifier_before[_SPACES.sub(" ", before.group("q").lower())]
            span_start = before.start()
        if (after := rules.qual_after.match(text, end)) is not None:
            qualifier = qualifier or rules.qualifier_after[_SPACES.sub(" ", after.group("q").lower())]
            end = after.end()
            if (opening := rules.range_open.search(text, window_start, span_start)) is not None:
                span_start = opening.start()  # "từ 50 đoàn viên trở lên"
        fields = {"kind": tail.kind, "value": value, "value_max": value_max, "currency": tail.currency,
                  "unit": tail.unit, "per": tail.per, "qualifier": qualifier or "exact"}
        return Amount(span_start, end, fields)

    @staticmethod
    def _clause_start(text: str, pos: int) -> int:
        lo = max(0, pos - 80)
        last = None
        for last in _CLAUSE_END.finditer(text, lo, pos):
            pass
        return last.end() if last is not None else lo

    # -- the Doc --------------------------------------------------------------------------------

    def find(self, doc: Doc) -> list[Amount]:
        text = doc_index(doc).text
        amounts: list[Amount] = []
        pos = 0
        while (candidate := self.rules.start.search(text, pos)) is not None:
            amount, pos = self._amount_at(doc, text, candidate.start())
            pos = max(pos, candidate.start() + 1)
            if amount is not None and told(text, amounts, amount, self.rules):
                amounts.append(amount)
        return amounts



class AmountsComponent:
    """spaCy component: writes ``doc.spans["amounts"]`` through :func:`extract.spans.add_char_span`."""

    def __init__(self, rules: AmountRules | None = None):
        self.finder = AmountFinder(rules or AmountRules())

    def __call__(self, doc: Doc) -> Doc:
        for amount in self.finder.find(doc):
            add_char_span(doc, "amounts", amount.start, amount.end, amount.fields)
        return doc


@Language.factory("congdoan_amounts")
def make_amounts(nlp: Language, name: str) -> AmountsComponent:
    return AmountsComponent()
