"""What a sum of money is: planned, spent (or given), raised, or other.

Researchers add money up; a plan added to the spending it announces counts the same
money twice. :func:`purpose_of` reads the sentence around an amount with the rules and
word lists of ``data/lexicon/purpose.toml`` (the file's header says how) and returns
one of :data:`PURPOSES`. It is pure text work: the extraction writes its answer into
``amounts.purpose`` for money amounts, and the benchmark database applies it to its
generated sentences.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from extract.gazetteer import normalize_tones
from extract.lexicon import lexicon

PURPOSES = ("planned", "spent", "raised", "other")
_DECIDING = ("spent", "raised", "other", "neutral")


def _fold(text: str) -> str:
    """Tones normalised and lower case; keeps the length of NFC text, so offsets carry over."""
    return normalize_tones(text).lower()


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(_fold(w)).replace(r"\ ", r"\s+") for w in sorted(set(words), key=len, reverse=True))


def _words(words: list[str]) -> re.Pattern[str]:
    """Any of the words, as whole words."""
    return re.compile(rf"(?<!\w)(?:{_alternation(words)})(?!\w)")


@dataclass(frozen=True)
class PurposeRules:
    """The lexicon compiled once: one pattern finds every deciding word, a dict gives its class."""

    planned: re.Pattern[str]
    openers: re.Pattern[str]
    cancelled: re.Pattern[str]
    not_after: re.Pattern[str]
    raising: re.Pattern[str]
    raising_cancelled: re.Pattern[str]
    deciding: re.Pattern[str]
    kinds: dict[str, str]  # folded word -> its class

    @classmethod
    def load(cls) -> "PurposeRules":
        data = lexicon("purpose")
        plan, raised = data["planned"], data["raised"]
        # The first class listing a word decides it; the alternation tries the longest words first,
        # so "thu nhập" (other) wins over "thu" (raised).
        kinds: dict[str, str] = {}
        for kind in _DECIDING:
            for word in data[kind]["words"]:
                kinds.setdefault(_fold(word), kind)
        return cls(
            planned=_words(plan["words"]),
            openers=re.compile(rf"^\W*(?:{_alternation(plan['openers'])})(?!\w)"),
            cancelled=_words(plan["cancelled_by"]),
            # "đạt kế hoạch", "đạt 120% kế hoạch": a result measured against a plan
            not_after=re.compile(rf"(?<!\w)(?:{_alternation(plan['not_after'])})(?:\s+\S*\d\S*)?\s+$"),
            raising=_words(raised["scope"]),
            raising_cancelled=_words(raised["scope_cancelled_by"]),
            deciding=_words(list(kinds)),
            kinds=kinds,
        )

    def kind_of(self, match: re.Match[str]) -> str:
        return self.kinds[" ".join(match.group().split())]


@lru_cache(maxsize=1)
def rules() -> PurposeRules:
    return PurposeRules.load()


def _clause(text: str, start: int, end: int) -> tuple[int, int]:
    """Bounds of the clause holding [start, end): from the last ";" before it to the next one."""
    left = text.rfind(";", 0, start) + 1
    right = text.find(";", end)
    return left, len(text) if right < 0 else right


def _planned(rules_: PurposeRules, text: str, left: int, start: int) -> bool:
    if rules_.openers.match(text):
        return True
    for match in rules_.planned.finditer(text, left, start):
        if rules_.not_after.search(text, left, match.start()):
            continue
        if not rules_.cancelled.search(text, match.end(), start):
            return True
    return False


def _raising(rules_: PurposeRules, text: str, left: int, start: int) -> bool:
    return any(not rules_.raising_cancelled.search(text, m.end(), start)
               for m in rules_.raising.finditer(text, left, start))


def purpose_of(sentence: str, start: int, end: int) -> str:
    """The purpose of the amount at ``sentence[start:end]``: planned, spent, raised or other."""
    rules_ = rules()
    text = _fold(sentence)
    left, right = _clause(text, start, end)
    if _planned(rules_, text, left, start):
        return "planned"
    if _raising(rules_, text, left, start):
        return "raised"
    before = list(rules_.deciding.finditer(text, left, start))
    if before:
        kind = rules_.kind_of(before[-1])
    else:
        after = rules_.deciding.search(text, end, right)
        kind = rules_.kind_of(after) if after else "other"
    return "other" if kind == "neutral" else kind


def purpose_in(sentence: str, amount: str) -> str:
    """The purpose of the first occurrence of ``amount`` in ``sentence`` (for generated rows and tests)."""
    start = sentence.find(amount)
    if start < 0:
        raise ValueError(f"{amount!r} is not in the sentence {sentence!r}")
    return purpose_of(sentence, start, start + len(amount))
