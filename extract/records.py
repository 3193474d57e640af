"""Turn an analysed Doc into the rows of the extraction tables.

The Doc holds the title, a blank line, then the body (see
``pipeline.extraction.analysed_text``): the guide annotates titles too, and a
unit named only in the title resolves the body's short mentions ("LĐLĐ huyện").
Offsets in the rows index the body alone, so ``body_start`` is subtracted; a
unit seen only in the title keeps its mention but has no offsets, and the other
kinds are taken from the body only, where union news restates the title's facts.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import Any

from spacy.tokens import Doc, Span

from extract.awards import restates
from extract.nlp import SPACE_TAG, sentence_rows
from extract.spans import fields_of
from core.records import Extraction
from extract.terms import term_rows


def _offsets(span: Span, body_start: int) -> dict[str, int]:
    return {"start_char": span.start_char - body_start, "end_char": span.end_char - body_start}


def _body_spans(doc: Doc, kind: str, body_start: int) -> list[Span]:
    """The spans of a kind in the body; an award told again later in the body counts once."""
    spans = [span for span in doc.spans.get(kind, []) if span.start_char >= body_start]
    if kind != "awards":
        return spans
    kept: list[Span] = []
    for span in spans:
        fields = fields_of(span, "awards")
        earlier = next((k for k in kept if restates(fields, fields_of(k, "awards"))), None)
        if earlier is None:
            kept.append(span)
        elif not fields_of(earlier, "awards")["occasion"]:
            fields_of(earlier, "awards")["occasion"] = fields["occasion"]
    return kept


def unit_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """One row per distinct unit (canonical name), every mention kept in ``mentions``.

    Offsets are those of the first mention in the body; NULL for a unit only the title names.
    """
    by_name: dict[str, dict[str, Any]] = {}
    for span in doc.spans.get("units", []):
        fields = fields_of(span, "units")
        name = fields["name"]
        row = by_name.get(name)
        if row is None:
            row = by_name[name] = {
                "name": name,
                "level": fields.get("level"),
                "province": fields.get("province"),
                "province_now": fields.get("province_now"),
                "mentions": [],
                "start_char": None,
                "end_char": None,
            }
        else:  # a later mention may know the province when the first did not
            for key in ("level", "province", "province_now"):
                row[key] = row[key] or fields.get(key)
        if row["start_char"] is None and span.start_char >= body_start:
            row.update(_offsets(span, body_start))
        if span.text not in row["mentions"]:
            row["mentions"].append(span.text)
    return list(by_name.values())


class _Sentences:
    """The sentences of a Doc, looked up by token position (``Token.sent`` walks the document per call)."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.sents = list(doc.sents)
        self.starts = [sent.start for sent in self.sents]

    def of_token(self, i: int) -> Span:
        """The sentence holding token ``i`` (``doc[i].sent``)."""
        return self.sents[bisect_right(self.starts, i) - 1]

    def of_span(self, span: Span) -> Span:
        """The sentences ``span`` touches, as one span (``span.sent``)."""
        return self.doc[self.of_token(span.start).start : self.of_token(span.end - 1).end]


def amount_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    sentences = _Sentences(doc)
    return [
        {**fields_of(span, "amounts"), "text": span.text, "sentence": sentences.of_span(span).text.strip(),
         **_offsets(span, body_start)}
        for span in _body_spans(doc, "amounts", body_start)
    ]


def award_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    return [
        {**fields_of(span, "awards"), "text": span.text, **_offsets(span, body_start)}
        for span in _body_spans(doc, "awards", body_start)
    ]


def initiative_rows(doc: Doc, kind: str, body_start: int = 0) -> list[dict[str, Any]]:
    return [{**fields_of(span, kind), **_offsets(span, body_start)} for span in _body_spans(doc, kind, body_start)]


def body_sentence_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    rows = [r for r in sentence_rows(doc) if r["start_char"] >= body_start]
    for idx, row in enumerate(rows):
        row.update(idx=idx, start_char=row["start_char"] - body_start, end_char=row["end_char"] - body_start)
    return rows


# Highlight kind of each extraction span group; amounts map by their own kind.
_HIGHLIGHT_KINDS = {"awards": "award", "movements": "movement", "models": "model"}
_HIGHLIGHT_AMOUNTS = ("money", "count")


def _highlight_unit(units: list[Span], sent: Span) -> dict[str, Any]:
    """The first unit mentioned in the sentence, else the article's first unit (``units`` by position)."""
    inside = [u for u in units if sent.start_char <= u.start_char < sent.end_char]
    chosen = (inside or units or [None])[0]
    fields = fields_of(chosen, "units") if chosen is not None else {}
    return {"unit": fields.get("name"), **{k: fields.get(k) for k in ("level", "province", "province_now")}}


def highlight_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Rows of ``highlights``: awards, money and count amounts, movements and models, with their sentence."""
    rows = []
    units = sorted(doc.spans.get("units", []), key=lambda s: s.start_char)
    sentences = _Sentences(doc)
    for group in ("awards", "amounts", "movements", "models"):
        for span in _body_spans(doc, group, body_start):
            fields = fields_of(span, group)
            kind = fields.get("kind") if group == "amounts" else _HIGHLIGHT_KINDS[group]
            if group == "amounts" and kind not in _HIGHLIGHT_AMOUNTS:
                continue
            sent = sentences.of_token(span.start)
            label = {"award": fields.get("form"), "movement": fields.get("name"), "model": fields.get("name")}
            rows.append({
                "kind": kind,
                "item": span.text,
                "label": label.get(kind, span.text),
                "value": fields.get("value") if group == "amounts" else None,
                "currency": fields.get("currency") if group == "amounts" else None,
                "counted": fields.get("unit") if group == "amounts" else None,
                **_highlight_unit(units, sent),
                "sentence": sent.text,
                "sentence_start": sent.start_char - body_start,
                "item_start": span.start_char - body_start,
                "item_end": min(span.end_char, sent.end_char) - body_start,
            })
    return rows


def search_term_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Rows of ``search_terms``: the folded words and syllables of the title and the body."""
    words = [t for t in doc if t.tag_ != SPACE_TAG and not t.is_space]
    return term_rows((t.text for t in words if t.idx < body_start), (t.text for t in words if t.idx >= body_start))


def extraction_from_doc(doc: Doc, article_id: int, version: str, body_start: int = 0) -> Extraction:
    """Every extraction row of one article; ``body_start`` is where the body begins in ``doc.text``."""
    return Extraction(
        article_id=article_id,
        version=version,
        tables={
            "units": unit_rows(doc, body_start),
            "amounts": amount_rows(doc, body_start),
            "awards": award_rows(doc, body_start),
            "movements": initiative_rows(doc, "movements", body_start),
            "models": initiative_rows(doc, "models", body_start),
            "sentences": body_sentence_rows(doc, body_start),
            "highlights": highlight_rows(doc, body_start),
            "search_terms": search_term_rows(doc, body_start),
        },
    )
