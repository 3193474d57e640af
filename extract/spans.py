"""Where the extractor components put their results on a Doc.

Each kind has a span group ``doc.spans[kind]`` (spaCy's own display and
serialisation understand it) and its own span extension holding the record's
fields as a dict, e.g. ``span._.amount == {"kind": "money", "value": 5e5, ...}``.
The extension is named after the kind because spaCy keys span extension values
by name and offsets only: two kinds over the same characters must not share one.
"""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

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
    setattr(labelled._, attr, fields)
    if kind not in doc.spans:
        doc.spans[kind] = []
    doc.spans[kind].append(labelled)
    return labelled


def fields_of(span: Span, kind: str) -> dict[str, Any]:
    return getattr(span._, KINDS[kind][0]) or {}
