"""What the awards component reads a clause with: its masked view, tokens, names and forms,
the recipients it gathers and what earlier clauses of the article tell later ones.

Helpers shared with the movements and models component: ``mask_enclosed``, ``phrase_regex``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import Any, NamedTuple

from extract.lexicon import lexicon
from extract.nlp import ArticleContext
from extract.unit_patterns import ArticlePlaces


# Characters that close a clause inside a sentence.
CLAUSE_BREAK = re.compile(r"[;|]")
# "và" before a count honoured in a passive of its own, after a count with its own passive: "300 công nhân được khen
# thưởng tại cơ sở và 45 công nhân tiêu biểu được Công đoàn ngành biểu dương" is two acts, "75 tập thể và 520 cá nhân
# được tặng" one. The space before "và" is looked behind after it: a pattern that opens with its literal is searched
# for that literal (re's prefix scan), one that opens with a lookbehind is tried at every offset of every sentence.
PASSIVE_AND = re.compile(r"và(?<=\svà)(?=\s+\d[\d.,]*\s[^;|.]{0,80}?\sđược\s)")
# A comma before a named subject in a passive of its own, after a passive: "24 công đoàn bộ phận và 200 cá nhân được
# khen thưởng, Công đoàn Cục X được tặng Cờ thi đua" is two acts.
PASSIVE_COMMA = re.compile(r",(?=\s+[A-ZĐ][^;|.,]{0,80}?\sđược\s)")
_PASSIVE = re.compile(r"(?<!\w)được(?!\w)")
_COUNT = re.compile(r"(?<![\w.,])\d[\d.,]*\s")


def clause_breaks(text: str) -> list[re.Match[str]]:
    """Where the clauses of a sentence end: ";", "|", "và" between two counted groups each in its own passive, and a
    comma between a passive and a named subject's own."""
    breaks = list(CLAUSE_BREAK.finditer(text))

    def clause_start(m: re.Match[str]) -> int:
        return max((b.end() for b in breaks if b.end() <= m.start()), default=0)

    for m in PASSIVE_COMMA.finditer(text):
        if _PASSIVE.search(text, clause_start(m), m.start()):
            breaks.append(m)
    for m in PASSIVE_AND.finditer(text):
        counts = list(_COUNT.finditer(text, clause_start(m), m.start()))
        if counts and _PASSIVE.search(text, counts[-1].end(), m.start()):
            breaks.append(m)
    return sorted(breaks, key=lambda b: b.start())


# Brackets and quotes whose contents are blanked in the view of a clause.
_ENCLOSED = re.compile(r"\([^()]*\)|\[[^\[\]]*\]|“[^“”]*”|«[^«»]*»|\"[^\"]*\"")
MASK = "_"
OPENING_QUOTES, CLOSING_QUOTES = "“\"«", "”\"»"  # around a quoted title or name
TOKEN = re.compile(r"TP\.|\w+(?:[-/&]\w+)*|[^\w\s]")  # "GD&ĐT", "LĐ-TB&XH" are one token
LIST_SEPARATOR = re.compile(r"\s*(?:[,:]|(?<!\w)(?:và|cùng)(?!\w))\s*", re.IGNORECASE)


def list_items(view: str, start: int, end: int) -> list[tuple[int, int]]:
    """The items of a list between ``start`` and ``end`` (cut at commas, colons, "và", "cùng"), stripped."""
    items, cursor = [], start
    for sep in LIST_SEPARATOR.finditer(view, start, end):
        items.append((cursor, sep.start()))
        cursor = sep.end()
    items.append((cursor, end))
    stripped = [(s + len(view[s:e]) - len(view[s:e].lstrip()), s + len(view[s:e].rstrip())) for s, e in items]
    return [(s, e) for s, e in stripped if e > s]


# The awards lexicon, one table kept in pieces a reader can hold (``data/lexicon/<piece>.toml``).
AWARD_LEXICON_PIECES = ("award_forms", "award_grammar", "award_names", "award_occasion")


def award_lexicon() -> dict[str, Any]:
    """The awards lexicon: the pieces' top-level tables as one dict (fresh, as ``lexicon`` gives it)."""
    merged: dict[str, Any] = {}
    for piece in AWARD_LEXICON_PIECES:
        table = lexicon(piece)
        if twice := set(table) & set(merged):
            raise ValueError(f"awards lexicon: {sorted(twice)} in {piece}.toml and an earlier piece")
        merged.update(table)
    return merged


def mask_enclosed(text: str, keep: re.Pattern[str] | None = None) -> str:
    """``text`` with the contents of brackets and quotes replaced by ``MASK`` (same length), but for
    contents that ``keep`` matches from their start (a quoted "“Cờ thi đua của UBND tỉnh”" is read)."""
    def masked(m: re.Match[str]) -> str:
        if keep is not None and keep.match(m.group(), 1, len(m.group()) - 1):
            return m.group()
        return m.group()[0] + MASK * (len(m.group()) - 2) + m.group()[-1]
    return _ENCLOSED.sub(masked, text)


def phrase_regex(phrases: Iterable[str]) -> str:
    """An alternation of whole-word phrases, longest first, spaces matching any whitespace."""
    ordered = sorted(set(phrases), key=len, reverse=True)
    body = "|".join(r"\s+".join(map(re.escape, p.split())) for p in ordered)
    if not ordered or not all(p.split() for p in ordered):
        return rf"(?<!\w)(?:{body})(?!\w)"
    # the phrases' first characters, looked at before the alternation is tried (same case rule: it never
    # rejects a place where a phrase starts, and spares trying every phrase at every word)
    first = "".join(sorted({re.escape(p.split()[0][0]) for p in ordered}))
    return rf"(?<!\w)(?=[{first}])(?:{body})(?!\w)"


def compile_phrases(phrases: Iterable[str]) -> re.Pattern[str]:
    return re.compile(phrase_regex(phrases), re.IGNORECASE)


class GrantingOffice(str):
    """An office named as the grantor right after the form ("Giấy khen của Chủ tịch Công đoàn ngành X"): the text says
    who signs it, so it stays as written, where a union's chair who gives or hands over grants as the union."""


class Token(NamedTuple):  # a tuple: a clause makes one per word, and a frozen dataclass is slow to build
    start: int
    end: int
    text: str

    @property
    def capitalised(self) -> bool:
        return self.text[0].isupper() or self.text[0].isdigit()

    @property
    def is_word(self) -> bool:
        return self.text[0].isalnum()


_token_start = itemgetter(0)  # Token.start, as a key for bisection


class Phrases:
    """Phrases matched token by token, longest first, ignoring case."""

    def __init__(self, phrases: Iterable[str]):
        self._by_first: dict[str, list[tuple[str, ...]]] = {}
        for phrase in sorted(set(phrases), key=lambda p: -len(p.split())):
            words = tuple(w.lower() for w in phrase.split())
            self._by_first.setdefault(words[0], []).append(words)

    @property
    def first_words(self) -> set[str]:
        """The first word (lower case) of every phrase: no phrase matches at a token not among them."""
        return set(self._by_first)

    def match(self, tokens: Sequence[Token], i: int) -> int:
        """How many tokens from ``tokens[i]`` a phrase covers (0 when none)."""
        for words in self._by_first.get(tokens[i].text.lower(), ()):
            n = len(words)
            if i + n > len(tokens):
                continue
            for k in range(1, n):  # the first word is the key just looked up
                if tokens[i + k].text.lower() != words[k]:
                    break
            else:
                return n
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
    more: list[tuple[int, "Recipients"]] = field(default_factory=list)  # further counted groups, by offset
    start: int = 0  # clause offset where the recipients start (of a further group)
    passive: bool = False  # found before a receiving marker ("Nhiều tập thể … được X khen thưởng")
    later: list[int] = field(default_factory=list)  # clause offsets of names listed after a reason

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
    listing: dict[str, Any] | None = None  # the award whose sentence ended with ":", for the lines listing recipients
    organiser: str | None = None  # who organised the event ("X tổ chức hội nghị"), for "hội nghị trao ..."
    sole_union: str | None = None  # the one union the article names, for "Ban Tổ chức" when no organiser is named
    honour_host: str | None = None  # who holds a ceremony of honouring ("X tổ chức Lễ tuyên dương …")
    hosted: list[dict[str, Any]] = field(default_factory=list)  # generic honourings with no awarder, for the host
    # ids of awards stated only as a ceremony held ("X tổ chức Lễ tuyên dương") -> the forms its honoured had received
    held: dict[int, set[str]] = field(default_factory=dict)
    handed: list[int] = field(default_factory=list)  # ids of awards told by a caption of a hand-over only
    parts: dict[str, int] = field(default_factory=dict)  # form -> the count of the part told after its whole ("Trong đó, …")
    presenters: list[str] = field(default_factory=list)  # X of "Đại diện X trao F cho <kind>" with F told again
    caption_words: list[str] = field(default_factory=list)  # the last words of such captions ("… điển hình tiên tiến")
    unstated: list[tuple[str, str]] = field(default_factory=list)  # forms handed to a kind alone ("Trao bằng khen cho cán bộ …")
    sentence_awarder: str | None = None  # the last awarder of this sentence, for "…; trao tặng 06 Cờ thi đua …"
    sentence_giver: str | None = None  # who gives in the sentence's first clause, for "X trao quà …; khen thưởng 20 …"
    at_event: bool = False  # "Tại Hội nghị, …" (or "… trong đợt này" at its end): received there, from its organiser
    sentence_host: str | None = None  # who "tổ chức" in the sentence's first clause, for "…; tổ chức tuyên dương …"
    context: ArticleContext | None = None  # the article's context, placed in its one province (national outlets)
    form_counts: Counter[str] = field(default_factory=Counter)  # mentions of each form in the body
    named_forms: dict[str, str] = field(default_factory=dict)  # "Kỷ niệm chương" -> its full name in the article
    prize: str | None = None  # the one named prize of the article, for a bare "giải thưởng"
    prize_giver: str | None = None  # who gives it ("Giải thưởng X do Y tổ chức"), for a bare "giải thưởng"
    places: ArticlePlaces = field(default_factory=ArticlePlaces)  # what the article names, for "Ủy ban nhân dân huyện"

    @property
    def event_holder(self) -> str | None:
        """Who holds the event an event noun ("hội nghị", "Ban tổ chức") stands for: its organiser, else the article's one union."""
        return self.organiser or self.sole_union

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
        """Index of the first token starting at or after ``pos`` (tokens are in text order)."""
        return bisect_left(self.tokens, pos, key=_token_start)

    def in_apposition(self, start: int, end: int) -> bool:
        return any(s <= start and end <= e for s, e in self.appositions)


