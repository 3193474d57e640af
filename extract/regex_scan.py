"""Scanning a text with many patterns for less: helpers that change no match.

* :func:`finditer_at`: ``pattern.finditer(text)`` when the offsets where ``pattern`` can match are
  known (those of an alternation holding it): one anchored attempt per offset instead of a scan;
* :func:`lookbehind_reach`: how far before an offset a match attempt may read, so that the offsets of
  a suffix can be taken from the whole text's scan;
* :func:`first_chars` and :func:`with_first_chars`: the characters a match can begin with, looked at
  (a lookahead) before a long alternation is tried at every word.

They read patterns with the standard library's own parser (``re._parser``); a pattern it cannot read,
or a construct these helpers do not know, turns them off (None), never wrong.
"""

from __future__ import annotations

import re
from typing import Any


def finditer_at(pattern: re.Pattern[str], text: str, starts: list[int] | None) -> list[re.Match[str]]:
    """``list(pattern.finditer(text))`` where ``pattern`` can only match at ``starts`` (all of them if None)."""
    if starts is None:
        return list(pattern.finditer(text))
    found: list[re.Match[str]] = []
    for start in starts:
        if found and start < found[-1].end():
            continue
        m = pattern.match(text, start)
        if m is not None:
            if m.end() == start:  # an empty match: finditer's own rules
                return list(pattern.finditer(text))
            found.append(m)
    return found


def lookbehind_reach(pattern: re.Pattern[str]) -> int | None:
    """How far before a match attempt's offset ``pattern`` may read (its lookbehinds, nested ones added;
    at least one character for ``\\b`` and the like); None when the pattern cannot be read."""
    try:
        from re import _constants, _parser  # noqa: PLC0415

        def reach(node: Any) -> int:
            if isinstance(node, _parser.SubPattern):
                far = 1
                for op, av in node.data:
                    if op in (_constants.ASSERT, _constants.ASSERT_NOT) and av[0] < 0:
                        far = max(far, av[1].getwidth()[1] + reach(av[1]))
                    else:
                        far = max(far, reach(av))
                return far
            if isinstance(node, (tuple, list)):
                return max((reach(item) for item in node), default=1)
            return 1

        return reach(_parser.parse(pattern.pattern, pattern.flags))
    except Exception:  # noqa: BLE001 (an unknown parser: no shortcut)
        return None


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The inside of a character class (escaped) holding every character a match of ``pattern`` can begin
    with, read with the pattern's own flags; None when a match may begin with anything or be empty."""
    try:
        from re import _constants as c, _parser  # noqa: PLC0415

        repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
        categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                      c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}

        def sequence(items: Any) -> tuple[set[str], bool] | None:  # (first characters, may be empty)
            chars: set[str] = set()
            for op, av in items:
                got = element(op, av)
                if got is None:
                    return None
                chars |= got[0]
                if not got[1]:
                    return chars, False
            return chars, True

        def element(op: Any, av: Any) -> tuple[set[str], bool] | None:
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                return set(), True  # reads, takes no character
            if op is c.LITERAL:
                return {re.escape(chr(av))}, False
            if op is c.IN:
                chars = set()
                for item, value in av:
                    if item is c.LITERAL:
                        chars.add(re.escape(chr(value)))
                    elif item is c.RANGE:
                        chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                    elif item is c.CATEGORY and value in categories:
                        chars.add(categories[value])
                    else:  # a negated set ...: anything
                        return None
                return chars, False
            if op is c.SUBPATTERN:
                if av[1] & ~pattern.flags & (re.IGNORECASE | re.UNICODE | re.LOCALE):
                    return None  # (?i:...) in a case-sensitive pattern ...: the class would be stricter
                return sequence(av[3])
            if op is c.BRANCH:
                chars, empty = set(), False
                for alternative in av[1]:
                    got = sequence(alternative)
                    if got is None:
                        return None
                    chars |= got[0]
                    empty = empty or got[1]
                return chars, empty
            if op in repeats:
                got = sequence(av[2])
                return None if got is None else (got[0], got[1] or av[0] == 0)
            if op is getattr(c, "ATOMIC_GROUP", None):
                return sequence(av)
            return None  # any character, a back-reference, a conditional ...

        got = sequence(_parser.parse(pattern.pattern, pattern.flags))
        if got is None or got[1] or not got[0]:
            return None
        return "".join(sorted(got[0]))
    except Exception:  # noqa: BLE001 (an unknown parser: no shortcut)
        return None


def with_first_chars(pattern: re.Pattern[str]) -> re.Pattern[str]:
    r"""``pattern`` with a lookahead of its first characters where a match starts (after a leading
    ``(?<!\w)``): the same matches, found without trying a long alternation at every word. Only for
    case-insensitive patterns: the engine finds a case-sensitive pattern's first characters itself."""
    first = first_chars(pattern) if pattern.flags & re.IGNORECASE else None
    if first is None:
        return pattern
    head, source = r"(?<!\w)", pattern.pattern
    try:
        if source.startswith(head):
            return re.compile(f"{head}(?=[{first}]){source[len(head):]}", pattern.flags)
        return re.compile(f"(?=[{first}])(?:{source})", pattern.flags)
    except re.error:  # global flags written inside the pattern: left as it is
        return pattern
