"""Scanning a text with many patterns for less: helpers that change no match.

* :func:`whole_word_ends`: where a phrase ends as a whole word, without a pattern compiled per phrase;
* :func:`finditer_at`: ``pattern.finditer(text)`` when the offsets where ``pattern`` can match are
  known (those of an alternation holding it): one anchored attempt per offset instead of a scan;
* :func:`lookbehind_reach`: how far before an offset a match attempt may read, so that the offsets of
  a suffix can be taken from the whole text's scan;
* :func:`first_chars` and :func:`with_first_chars`: the characters a match can begin with, looked at
  (a lookahead) before a long alternation is tried at every word;
* :func:`prefix_lookahead` and :class:`SubstringScan`: the offsets where a pattern can match in any piece
  of one text, from one scan of the text for the first characters its matches can begin with.

They read patterns with the standard library's own parser (``re._parser``); a pattern it cannot read,
or a construct these helpers do not know, turns them off (None), never wrong.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from typing import Any, Iterator

_WORD_CHAR = re.compile(r"\w")


def whole_word_ends(text: str, phrase: str) -> Iterator[int]:
    r"""The ends of ``re.finditer(rf"(?<!\w){re.escape(phrase)}(?!\w)", text)``, found by ``str.find`` and
    two one-character tests, so that a phrase of the text (a name) costs no compilation."""
    if not phrase:  # empty matches: finditer's own rules
        yield from (m.end() for m in re.finditer(r"(?<!\w)(?!\w)", text))
        return
    pos = text.find(phrase)
    while pos >= 0:
        end = pos + len(phrase)
        if not (pos and _WORD_CHAR.match(text, pos - 1)) and not _WORD_CHAR.match(text, end):
            yield end
            pos = text.find(phrase, end)
        else:
            pos = text.find(phrase, pos + 1)


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


_MAX_PREFIXES = 512  # beyond this many prefixes a lookahead would cost more than it spares


def _prefixes(pattern: re.Pattern[str], length: int) -> set[tuple[frozenset[str], ...]] | None:
    """Every way a match of ``pattern`` can begin: tuples of up to ``length`` character sets (each the escaped
    inside of a character class), read with the pattern's own flags. A tuple is shorter where a match may end
    there or where the pattern reads what a class cannot say (the characters before it still hold); None when
    the pattern cannot be read or has too many beginnings."""
    try:
        from re import _constants as c, _parser  # noqa: PLC0415

        repeats = {c.MAX_REPEAT, c.MIN_REPEAT, getattr(c, "POSSESSIVE_REPEAT", c.MAX_REPEAT)}
        categories = {c.CATEGORY_DIGIT: r"\d", c.CATEGORY_NOT_DIGIT: r"\D", c.CATEGORY_SPACE: r"\s",
                      c.CATEGORY_NOT_SPACE: r"\S", c.CATEGORY_WORD: r"\w", c.CATEGORY_NOT_WORD: r"\W"}
        found: set[tuple[frozenset[str], ...]] = set()

        def in_class(items: Any) -> frozenset[str] | None:
            chars = set()
            for item, value in items:
                if item is c.LITERAL:
                    chars.add(re.escape(chr(value)))
                elif item is c.RANGE:
                    chars.add(f"{re.escape(chr(value[0]))}-{re.escape(chr(value[1]))}")
                elif item is c.CATEGORY and value in categories:
                    chars.add(categories[value])
                else:  # a negated set ...: anything
                    return None
            return frozenset(chars)

        def walk(nodes: tuple[Any, ...], prefix: tuple[frozenset[str], ...], depth: int) -> bool:
            """Adds the beginnings of ``nodes`` after ``prefix``; False when there are too many to read."""
            if depth > 200 or len(found) > _MAX_PREFIXES:
                return False
            if len(prefix) == length or not nodes:
                found.add(prefix)
                return True
            (op, av), rest = nodes[0], nodes[1:]
            chars: frozenset[str] | None = None
            if op in (c.ASSERT, c.ASSERT_NOT, c.AT):
                return walk(rest, prefix, depth + 1)  # reads, takes no character
            if op is c.LITERAL:
                chars = frozenset({re.escape(chr(av))})
            elif op is c.IN:
                chars = in_class(av)
            elif op is c.SUBPATTERN and not av[1] & ~pattern.flags & (re.IGNORECASE | re.UNICODE | re.LOCALE):
                return walk((*av[3], *rest), prefix, depth + 1)  # ((?i:...) in a case-sensitive pattern: unread)
            elif op is c.BRANCH:
                return all(walk((*alternative, *rest), prefix, depth + 1) for alternative in av[1])
            elif op in repeats:
                low, high, item = av
                if high == 0:
                    return walk(rest, prefix, depth + 1)
                again = (op, (max(low - 1, 0), high if high == c.MAXREPEAT else high - 1, item))
                return walk((*item, again, *rest), prefix, depth + 1) and (low > 0 or walk(rest, prefix, depth + 1))
            elif op is getattr(c, "ATOMIC_GROUP", None):
                return walk((*av, *rest), prefix, depth + 1)
            if chars is None:  # any character, a back-reference, a conditional ...: the beginning read so far
                found.add(prefix)
                return True
            return walk(rest, (*prefix, chars), depth + 1)

        return found if walk(tuple(_parser.parse(pattern.pattern, pattern.flags)), (), 0) else None
    except Exception:  # noqa: BLE001 (an unknown parser: no shortcut)
        return None


def first_chars(pattern: re.Pattern[str]) -> str | None:
    """The inside of a character class (escaped) holding every character a match of ``pattern`` can begin
    with, read with the pattern's own flags; None when a match may begin with anything or be empty."""
    found = _prefixes(pattern, 1)
    if not found or () in found:
        return None
    return "".join(sorted(set().union(*(prefix[0] for prefix in found))))


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


def _trie(prefixes: set[tuple[frozenset[str], ...]]) -> str:
    """An alternation of ``prefixes`` sharing their beginnings (one character set tried once, not once per
    prefix holding it); a prefix that ends where a longer one goes on makes the longer one's rest optional."""
    if () in prefixes:
        return ""
    groups: dict[frozenset[str], set[tuple[frozenset[str], ...]]] = {}
    for prefix in prefixes:
        groups.setdefault(prefix[0], set()).add(prefix[1:])
    alternatives = []
    for chars in sorted(groups, key=sorted):
        inside = "".join(sorted(chars))
        head = inside if len(chars) == 1 and len(inside) <= 2 and inside != "\\" else f"[{inside}]"
        rest = _trie(groups[chars])
        alternatives.append(head + (f"(?:{rest})" if "|" in rest else rest))
    return "|".join(alternatives)


def prefix_lookahead(pattern: re.Pattern[str], length: int) -> re.Pattern[str] | None:
    r"""A pattern matching (empty) at every offset where ``pattern`` can begin a match: its leading ``(?<!\w)``
    and a lookahead of the first ``length`` characters its matches can begin with; None when they cannot be read."""
    found = _prefixes(pattern, length)
    if not found or () in found:
        return None
    head = r"(?<!\w)"
    lead = head if pattern.pattern.startswith(head) else ""
    try:
        return re.compile(f"{lead}(?=(?:{_trie(found)}))", pattern.flags)
    except re.error:
        return None


class SubstringScan:
    """Where ``pattern`` matches in pieces of one text, the text scanned once: ``starts(a, b)`` is
    ``[q for q in range(b - a) if pattern.match(text[a:b], q)]``, ``pattern`` tried only where ``lookahead``
    (from :func:`prefix_lookahead`: every offset a match can begin at) matched in the whole text.

    Exact: an attempt at an offset ``q >= reach`` (``lookbehind_reach``) of the piece reads nothing before the
    piece, so it is the attempt at ``a + q`` on the text cut at ``b`` (``match``'s ``endpos``); a match on the
    cut text begins with the characters the lookahead looks for, found where the whole text has them. The
    first ``reach`` offsets are tried on the piece itself, where the lookahead found them in the whole text
    (past the piece's first offset it reads the same characters: one before, and the match's own) and at the
    piece's first offset, whose lookbehind sees nothing before the piece."""

    def __init__(self, pattern: re.Pattern[str], lookahead: re.Pattern[str], reach: int, text: str):
        self.text = text
        self._pattern, self._reach = pattern, reach
        self._offsets = [m.start() for m in lookahead.finditer(text)]

    def starts(self, start: int, end: int) -> list[int]:
        pattern, text, offsets = self._pattern, self.text, self._offsets
        first, far = bisect_left(offsets, start + 1), bisect_left(offsets, start + self._reach)
        piece = text[start:end]
        near = [q for q in (0, *(p - start for p in offsets[first:far])) if q < len(piece) and pattern.match(piece, q)]
        return near + [p - start for p in offsets[far:bisect_left(offsets, end)] if pattern.match(text, p, end)]
