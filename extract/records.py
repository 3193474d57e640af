"""Turn an analysed Doc into the rows of the extraction tables."""

from __future__ import annotations

from typing import Any

from spacy.tokens import Doc, Span

from extract.nlp import sentence_rows
from extract.spans import fields_of
from pipeline.records import Extraction


def _offsets(span: Span) -> dict[str, int]:
    return {"start_char": span.start_char, "end_char": span.end_char}


def unit_rows(doc: Doc) -> list[dict[str, Any]]:
    """One row per distinct unit (canonical name), every mention kept in ``mentions``."""
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
                **_offsets(span),
            }
        else:  # a later mention may know the province when the first did not
            for key in ("level", "province", "province_now"):
                row[key] = row[key] or fields.get(key)
        if span.text not in row["mentions"]:
            row["mentions"].append(span.text)
    return list(by_name.values())


def amount_rows(doc: Doc) -> list[dict[str, Any]]:
    return [
        {**fields_of(span, "amounts"), "text": span.text, "sentence": span.sent.text.strip(), **_offsets(span)}
        for span in doc.spans.get("amounts", [])
    ]


def award_rows(doc: Doc) -> list[dict[str, Any]]:
    return [{**fields_of(span, "awards"), "text": span.text, **_offsets(span)} for span in doc.spans.get("awards", [])]


def initiative_rows(doc: Doc, kind: str) -> list[dict[str, Any]]:
    return [{**fields_of(span, kind), **_offsets(span)} for span in doc.spans.get(kind, [])]


def extraction_from_doc(doc: Doc, article_id: int, version: str) -> Extraction:
    return Extraction(
        article_id=article_id,
        version=version,
        tables={
            "units": unit_rows(doc),
            "amounts": amount_rows(doc),
            "awards": award_rows(doc),
            "movements": initiative_rows(doc, "movements"),
            "models": initiative_rows(doc, "models"),
            "sentences": sentence_rows(doc),
        },
    )
