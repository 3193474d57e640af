"""Text with highlighted spans, as a tree the templates render (displaCy-like, nesting allowed).

Award clauses contain amounts and units, so spans nest; a span that crosses the
end of an earlier sibling is dropped rather than drawn broken.
"""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Span:
    start: int
    end: int
    kind: str
    title: str = ""
    main: bool = False


@dataclass
class Node:
    """Plain text (``kind`` empty) or a highlighted span with children."""

    text: str = ""
    kind: str = ""
    title: str = ""
    main: bool = False
    children: list["Node"] = field(default_factory=list)


def mark_tree(text: str, spans: list[Span], offset: int = 0) -> list[Node]:
    """Nodes covering ``text``; span offsets are shifted by ``-offset`` (e.g. a sentence's start)."""
    shifted = sorted(
        (Span(s.start - offset, s.end - offset, s.kind, s.title, s.main) for s in spans),
        key=lambda s: (s.start, -s.end),
    )
    usable = [s for s in shifted if 0 <= s.start < s.end and s.start < len(text)]
    return _build(text, usable, 0, len(text))


def _build(text: str, spans: list[Span], lo: int, hi: int) -> list[Node]:
    nodes: list[Node] = []
    cursor = lo
    i = 0
    while i < len(spans):
        span = spans[i]
        if span.start < cursor:
            i += 1
            continue
        end = min(span.end, hi)
        j = i + 1
        while j < len(spans) and spans[j].start < end:
            j += 1
        if span.start > cursor:
            nodes.append(Node(text=text[cursor : span.start]))
        children = _build(text, spans[i + 1 : j], span.start, end)
        nodes.append(Node(kind=span.kind, title=span.title, main=span.main, children=children))
        cursor = end
        i = j
    if cursor < hi:
        nodes.append(Node(text=text[cursor:hi]))
    return nodes
