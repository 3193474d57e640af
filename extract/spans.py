"""Where the extractor components put their results on a Doc.

Each kind has a span group ``doc.spans[kind]`` (spaCy's own display and
serialisation understand it) and its own span extension holding the record's
fields as a dict, e.g. ``span._.amount == {"kind": "money", "value": 5e5, ...}``.
The extension is named after the kind because spaCy keys span extension values
by name and offsets only: two kinds over the same characters must not share one.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterable
from typing import Any

from spacy.tokens import Doc, Span

from extract.doc_index import doc_index

# span group -> (extension attribute, span label)
KINDS: dict[str, tuple[str, str]] = {
    "units": ("unit", "UNIT"),
    "amounts": ("amount", "AMOUNT"),
    "awards": ("award", "AWARD"),
    "movements": ("movement", "MOVEMENT"),
    "models": ("model", "MODEL"),
}

for _attr, _ in KINDS.values():
    if not Span.has_extension(_attr):
        Span.set_extension(_attr, default=None)


def add_span(doc: Doc, kind: str, span: Span, fields: dict[str, Any]) -> Span:
    """Append ``span`` to ``doc.spans[kind]`` with its fields; returns the labelled span."""
    attr, label = KINDS[kind]
    labelled = Span(doc, span.start, span.end, label=label)
    # ``setattr(labelled._, attr, fields)`` without building the proxy: where fields_of reads (the extensions have no setter)
    doc.user_data[("._.", attr, labelled.start_char, labelled.end_char)] = fields
    if kind not in doc.spans:
        doc.spans[kind] = []
    doc.spans[kind].append(labelled)
    return labelled


def add_char_span(doc: Doc, kind: str, start: int, end: int, fields: dict[str, Any]) -> None:
    """:func:`add_span` over ``doc.char_span(start, end, alignment_mode="expand")``, nothing where that is
    None; its tokens are found in the Doc index (``char_span`` searches the Doc's tokens on each call)."""
    first, stop = doc_index(doc).char_range(start, end)
    if first < stop:
        add_span(doc, kind, doc[first:stop], fields)


def fields_of(span: Span, kind: str) -> dict[str, Any]:
    """``span._.<kind's attribute>`` (``{}`` when unset), read where spaCy keeps it: ``doc.user_data`` under
    ``("._.", attribute, start_char, end_char)`` (``spacy.tokens.underscore``), without building the
    ``span._`` proxy, which the records and components ask for thousands of times per batch."""
    return span.doc.user_data.get(("._.", KINDS[kind][0], span.start_char, span.end_char)) or {}


class SpanIndex:
    """Spans looked up by where they start, in time logarithmic in their number.

    Scanning every unit of an article for each sentence is quadratic in the article's
    length; a 13 MB page has thousands of both.
    """

    def __init__(self, spans: Iterable[Span]):
        ordered = sorted(enumerate(spans), key=lambda pair: (pair[1].start_char, pair[0]))
        self._starts = [span.start_char for _, span in ordered]
        self._entries = ordered

    def starting_in(self, start: int, end: int) -> list[Span]:
        """The spans that start in ``[start, end)``, in their original order."""
        found = self._entries[bisect_left(self._starts, start) : bisect_left(self._starts, end)]
        return [span for _, span in sorted(found, key=lambda pair: pair[0])]

    def first(self) -> Span | None:
        """The span that starts first."""
        return self._entries[0][1] if self._entries else None

    def first_from(self, start: int) -> Span | None:
        """The first span that starts at or after ``start``."""
        at = bisect_left(self._starts, start)
        return self._entries[at][1] if at < len(self._entries) else None
