"""The lexicon of the ``congdoan_amounts`` component (``data/lexicon/amounts.toml``), compiled once
into the regular expressions and word sets :mod:`extract.amounts` searches with."""

from __future__ import annotations

import re

from extract.regex_scan import with_first_chars
from extract.lexicon import lexicon
from extract.numbers import number_words

SP = r"[ \t\u00a0]"  # any horizontal space


def _words(words: list[str] | set[str]) -> str:
    """A regex alternation of words, longest first, spaces matching any horizontal space."""
    ordered = sorted(set(words), key=len, reverse=True)
    return "|".join(re.escape(w).replace(r"\ ", f"{SP}+") for w in ordered)


def _before(words: list[str], tail: str = f"{SP}*", flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """Matches when one of ``words`` ends right before the end of the searched window."""
    return with_first_chars(re.compile(rf"(?<!\w)(?:{_words(words)}){tail}$", flags))


class AmountRules:
    """The lexicon, compiled once."""

    def __init__(self) -> None:
        lex = lexicon("amounts")
        nw = number_words()
        self.number_vocabulary = {w.lower() for w in nw.vocabulary}
        starters = [w for w, v in nw.digits.items() if v > 0] + [nw.ten]
        scale_only = [w for words in lex["qualifiers"]["scale_only"].values() for w in words]
        self.scale_only_qualifier = {w: q for q, words in lex["qualifiers"]["scale_only"].items() for w in words}
        # Where a candidate may start: a digit, a number word, or "hàng" of "hàng nghìn"; not the metres of a
        # railway or road chainage ("km270+740").
        self.start = with_first_chars(re.compile(  # its first characters looked at first (extract/regex_scan.py)
            rf"(?<![\w.,/:-])(?<!\d\+)\d|(?<!\w)(?:{_words(starters + scale_only)})(?!\w)", re.IGNORECASE))
        self.scale_only = re.compile(rf"(?:{_words(scale_only)}){SP}+(?=(?:{_words(list(nw.scales))})(?!\w))",
                                     re.IGNORECASE)

        quals = lex["qualifiers"]
        self.qualifier_before = {w: q for q, words in quals["before"].items() for w in words}
        self.qual_before = re.compile(rf"(?<!\w)(?P<q>{_words(list(self.qualifier_before))}){SP}+$", re.IGNORECASE)
        prepositions = quals["prepositions"]
        self.preposition_words = set(prepositions["words"])
        self.preposition_nouns = re.compile(rf"(?:{_words(prepositions['nouns'])})(?!\w)", re.IGNORECASE)
        self.qualifier_after = {w: q for q, words in quals["after"].items() for w in words}
        self.qual_after = re.compile(rf"{SP}+(?P<q>{_words(list(self.qualifier_after))})(?!\w)", re.IGNORECASE)

        ranges = lex["ranges"]
        self.range_open = _before(ranges["opening"], f"{SP}+")
        self.range_sep = re.compile(rf"{SP}*(?:{_words(ranges['separators'])}){SP}*", re.IGNORECASE)
        self.change = re.compile(rf"{SP}+(?:{_words(ranges['changes'])}){SP}+", re.IGNORECASE)
        self.partitive = re.compile(rf"{SP}+(?:{_words(lex['partitive']['words'])}){SP}+", re.IGNORECASE)
        self.fraction = lex["partitive"]["fraction"]
        group_words = _words(lex["partitive"]["group_words"])
        openers = _words(lex["partitive"]["group_openers"])
        self.group_after = re.compile(rf"(?:(?:\d|(?<!\w)(?:{_words(starters)})){SP}+(?:{group_words})"
                                      rf"|(?:^|[.!?;:,]{SP}*|\n{SP}*)(?:{openers})){SP}+$", re.IGNORECASE)
        self.fraction_date = _before(lex["partitive"]["date_words_before"], f"{SP}+")

        self.percent = re.compile(rf"{SP}*(?:%|(?:{_words(lex['percent']['markers'])})(?!\w))", re.IGNORECASE)
        currencies = {k: v for k, v in lex["currencies"].items() if isinstance(v, str)}
        self.currency_code = currencies
        not_currency = lex["currencies"]["not_currency"]
        self.lowercase_currencies = set(lex["currencies"]["lowercase_only"])
        not_currency_after = rf"(?!(?<=đồng){SP}+(?:{_words(not_currency)})(?!\w))"  # "đồng chí"
        self.currency = re.compile(  # "đ/c", "Đ/ c" is "đồng chí" (comrade), no currency
            rf"{SP}*(?P<c>{_words(list(currencies))})(?!\w)(?!(?<=đ) ?/ ?c(?!\w)){not_currency_after}", re.IGNORECASE)
        self.money_cue = re.compile(rf"(?<!\w)(?:{_words(lex['currencies']['money_cues'])})(?!\w)", re.IGNORECASE)
        self.priced = re.compile(rf"(?<!\w)(?:{_words(lex['currencies']['price_words'])}){SP}+$", re.IGNORECASE)
        self.money_noun = re.compile(rf"{SP}+(?:{_words(lex['currencies']['money_nouns'])})(?!\w)", re.IGNORECASE)
        rate_markers = lex["rates"]["markers"]
        # "500.000đ/1 suất": the base may be written with its "1" (per "1 suất")
        self.rate = re.compile(rf"{SP}*(?:{_words(rate_markers)}){SP}*(?P<one>1{SP}+)?(?=[^\W\d_])", re.IGNORECASE)
        rates = lex["rates"]
        self.base_before = re.compile(
            rf"(?<!\w)(?:{_words(rates['before'])}){SP}+(?P<base>[^\W\d_]+(?:{SP}+[^\W\d_]+)??)"
            rf"(?:{SP}+(?:{_words(rates['links'])}))?{SP}+$", re.IGNORECASE)  # "mỗi suất 1 triệu đồng": no link

        count = lex["count"]
        self.nouns = {n.lower() for n in count["nouns"]}
        self.fractional = {n.lower() for n in count["fractional"]}
        self.classifiers = set(count["classifiers"])
        self.not_counted = {n.lower() for n in count["not_counted"]}
        self.address_nouns = {n.lower() for n in count["address_nouns"]}
        self.plan_parts = {n.lower() for n in count["plan_parts"]}
        self.plan_parts_max = count["plan_parts_max"]
        self.article_classifiers = {n.lower() for n in count["article_classifiers"]}
        self.noun_tags = set(count["noun_tags"])
        self.event_classifiers = set(count["event_classifiers"])
        self.verb_tags = set(count["verb_tags"])
        self.function_words = set(count["function_words"])
        self.noun = re.compile(rf"{SP}+(?P<n>{_words(self.nouns)})(?!\w)", re.IGNORECASE)
        self.glued_noun = re.compile(rf"(?P<n>{_words(self.nouns)})(?!\w)")  # "21cá nhân": the space left out
        # "15 “Chuyến xe Công đoàn”": a quoted name that starts with a counted noun is counted whole
        quote = re.escape("".join(count["quotes"]))
        counted = _words(self.nouns | self.classifiers)
        self.quoted = re.compile(rf"{SP}+[{quote}](?P<n>(?:{counted})(?!\w)[^\n{quote}]{{0,60}})[{quote}]",
                                 re.IGNORECASE)
        # Classifiers in lower case (or in a capitals headline): "Túi An sinh" is a name.
        upper = [c.upper() for c in self.classifiers]
        self.classifier = re.compile(rf"{SP}+(?P<n>{_words(list(self.classifiers) + upper)})(?!\w)")

        after = lex["count_after"]
        self.count_after = re.compile(
            rf"(?<!\w)(?:{_words(after['openers'])}){SP}+(?P<n>{_words(self.nouns)})(?!\w)"
            rf"[^.;:!?\n]{{0,{after['max_gap']}}}?{SP}(?:{_words(after['links'])}){SP}+"
            rf"(?:(?:{_words(list(self.qualifier_before))}){SP}+)?$", re.IGNORECASE)  # "… là trên 63.000"
        self.back_reference = re.compile(
            rf"{SP}+(?:{_words(lex['back_reference']['words'])}){SP}*(?:[,.;:)]|$)", re.IGNORECASE | re.MULTILINE)
        limits = lex["limits"]
        self.limit_cap = re.compile(rf"(?:{_words(limits['caps'])}){SP}+", re.IGNORECASE)
        self.entitlement = _before(limits["entitlements"], f"{SP}+")
        self.companions = {w.lower() for w in limits["companions"]}
        self.companion_after = re.compile(rf"{SP}+(?:{_words(limits['companion_after'])})(?!\w)", re.IGNORECASE)
        ex = lex["exclude"]
        quotes = "".join(re.escape(q) for q in ex["opening_quotes"])
        self.quoted_name = _before(ex["quoted_name_before"], f"{SP}*[{quotes}]{SP}*")
        self.opening_quote = f"[{quotes}]"
        self.programme = _before(ex["programme_before"], f"(?:{SP}+(?:{_words(ex['programme_verbs'])}))?{SP}+")
        self.programme_min = ex["programme_min"]
        self.identifier = _before(ex["identifier_before"])
        self.identifier_exception = _before(ex["identifier_exceptions"])
        self.identifier_verb = _before(ex["identifier_verbs"], flags=0)  # lower case only: the verb
        self.name_before = _before(ex["names_before"], f"{SP}+", flags=0)
        self.calendar_limit = {w.lower(): limit for w, limit in ex["calendar_before"].items()}
        self.calendar = re.compile(rf"(?<!\w)(?P<w>{_words(list(self.calendar_limit))}){SP}+$", re.IGNORECASE)
        years = ex["years"]
        self.year_span = (years["first"], years["last"])
        self.year_before = _before(years["words_before"], f"{SP}+")
        self.counter = _before(ex["counters"]["labels"], f"{SP}*:{SP}*")
        words = ex["number_words"]
        self.articles = set(words["articles"])
        self.word_blocker = _before(words["blockers"], f"{SP}+")
        self.year_blocker = _before(words["year_blockers"], f"{SP}+")
        # "năm" after a figure is "year": "15 năm Giải thưởng", "sau một năm lao động"
        self.scales = frozenset(nw.scales)
        self.figure_before = re.compile(rf"(?:\d|(?<!\w)(?:{_words(starters + list(nw.scales))})){SP}+$", re.IGNORECASE)
