"""Turn an analysed Doc into the rows of the extraction tables.

The Doc holds the title, a blank line, then the body (see
``pipeline.extraction.analysed_text``): the guide annotates titles too, and a
unit named only in the title resolves the body's short mentions ("LĐLĐ huyện").
Offsets in the rows index the body alone, so ``body_start`` is subtracted; a
unit seen only in the title keeps its mention but has no offsets, and the other
kinds are taken from the body only, where union news restates the title's facts.
"""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any

from spacy.tokens import Doc, Span

from extract.doc_index import Sentence, doc_index, span_text
from extract.award_recipients import award_details, filed_under, recipient_rows
from extract.award_retold import merge_retold, restates
from extract.nlp import sentence_rows
from extract.purpose import purpose_of
from extract.spans import SpanIndex, fields_of
from core.records import Extraction
from extract.terms import term_rows
from extract.unit_identity import federation_id, unit_id_of

# A province added after a name: " thành phố Cần Thơ", " tỉnh Sơn La".
_PLACE_ADDED = re.compile(r" (?:tỉnh|thành phố) (?P<place>.+)", re.IGNORECASE)


def _offsets(span: Span, body_start: int) -> dict[str, int | None]:
    if span.start_char < body_start:  # told in the title only: no offsets in the body
        return {"start_char": None, "end_char": None}
    return {"start_char": span.start_char - body_start, "end_char": span.end_char - body_start}


def _body_spans(doc: Doc, kind: str, body_start: int) -> list[Span]:
    """The spans of a kind in the body; an award told again later in the body (lead, caption,
    body) counts once, completed with what the retellings and the headline add."""
    spans = [span for span in doc.spans.get(kind, []) if span.start_char >= body_start]
    if kind != "awards":
        return spans
    headline = [s for s in spans if _headline_copy(doc, s)]  # printed again above a photo: the headline's awards
    spans = [s for s in spans if s not in headline]
    # twice: a retelling met before the act's full telling ("… nhận Giấy khen tại hội nghị" in a caption, between the
    # lead's "biểu dương 120 nhà giáo" and the body's Giấy khen of 120) is one act once the lead has its form
    kept = _retold_once(_retold_once(spans))
    titled = [fields_of(s, "awards") for s in doc.spans.get(kind, []) if s.start_char < body_start] \
        + [fields_of(s, "awards") for s in headline]
    for span in kept:  # the headline may tell what the body leaves out ("28 cá nhân nhận kỷ niệm chương …")
        fields = fields_of(span, "awards")
        for told in titled:
            if restates(told, fields) or restates(fields, told):
                merge_retold(fields, told)
    # an act told only in the headline, the body telling no award ("X có 4 cá nhân được Tổng LĐLĐ vinh danh")
    return kept or headline or [s for s in doc.spans.get(kind, []) if s.start_char < body_start]


def _retold_once(spans: list[Span]) -> list[Span]:
    """The award spans in order, each that retells one kept before merged into it."""
    kept: list[Span] = []
    for span in spans:
        fields = fields_of(span, "awards")
        earlier = next((k for k in kept if restates(fields, fields_of(k, "awards")) and not _two_givings(span, k)), None)
        if earlier is None:
            kept.append(span)
        else:
            merge_retold(fields_of(earlier, "awards"), fields)
    return kept


def _headline_copy(doc: Doc, span: Span) -> bool:
    """A sentence of the body that opens with the whole headline ("X: Tuyên dương 300 công nhân … - Ảnh 1."): the
    headline printed again, which tells no award the headline does not."""
    title = (doc._.context.title or "").strip() if doc._.context else ""
    return len(title) >= 20 and doc_index(doc).sentences_of(span.start, span.end).text.lstrip().startswith(title)


def _two_givings(later: Span, earlier: Span) -> bool:
    """One sentence giving one form twice in two clauses, counted otherwise: "UBND TP và LĐLĐ TP tặng bằng khen cho 10
    tập thể và 20 cá nhân (…); UBND TP tặng bằng khen cho 40 lao động giỏi" is two acts, not one told again (a further
    group of one giving, inside its clause, may still be the same act, unless it is honoured for a reason of its own:
    "… gồm 6 bằng khen tập thể, 10 bằng khen cá nhân có thành tích X, 6 bằng khen tập thể có thành tích Y")."""
    one, other = fields_of(later, "awards"), fields_of(earlier, "awards")
    own_reason = one["occasion"] is not None and other["occasion"] is not None and one["occasion"] != other["occasion"]
    index = doc_index(later.doc)  # (``Span.sent`` walks the Doc's tokens)
    return index.sentences_of(later.start, later.end).start == index.sentences_of(earlier.start, earlier.end).start \
        and (later.start_char >= earlier.end_char or own_reason) \
        and one["form"] == other["form"] and one["recipient_count"] != other["recipient_count"]


def _published(doc: Doc) -> datetime | None:
    return doc._.context.published_at if doc._.context else None


def unit_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """One row per distinct unit (canonical name), every mention kept in ``mentions``.

    Offsets are those of the first mention in the body; NULL for a unit only the title names.
    """
    by_name: dict[str, dict[str, Any]] = {}
    for span in doc.spans.get("units", []):
        fields = fields_of(span, "units")
        name = fields["name"]
        row = by_name.get(name.casefold())  # one unit however its names are cased (headline, body)
        if row is None:
            row = by_name[name.casefold()] = {
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
            row.update(_offsets(span, body_start), name=name)  # named as the body writes it
        mention = span_text(span)
        if mention not in row["mentions"]:
            row["mentions"].append(mention)
    rows = _fold_headline_places(list(by_name.values()))
    return [dict(row, unit_id=unit_id_of(row, _published(doc))) for row in rows]


def _fold_headline_places(rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """A unit only the headline names, as a body unit's name with its province added ("CÔNG ĐOÀN CƠ SỞ BỆNH VIỆN
    DA LIỄU THÀNH PHỐ CẦN THƠ" over "Công đoàn cơ sở Bệnh viện Da Liễu" of Cần Thơ), is that unit, named as the
    body names it."""
    kept = []
    for row in rows:
        body = None
        if row["start_char"] is None:
            body = next((r for r in rows if r["start_char"] is not None and r["level"] == row["level"]
                         and r["province"] and (place := _PLACE_ADDED.fullmatch(row["name"][len(r["name"]):]))
                         and row["name"].casefold().startswith(r["name"].casefold())
                         and place.group("place").casefold() == r["province"].casefold()), None)
        if body is None:
            kept.append(row)
        else:
            body["mentions"].extend(m for m in row["mentions"] if m not in body["mentions"])
    return kept


def _purpose(span: Span, sent: Sentence) -> str | None:
    """What a money amount's sentence says it is (extract/purpose.py); None for other kinds."""
    if fields_of(span, "amounts").get("kind") != "money":
        return None
    return purpose_of(sent.text, span.start_char - sent.start_char, span.end_char - sent.start_char)


def _filing_unit_id(units: SpanIndex, sent: Sentence, body_start: int, ids: dict[str, int]) -> int | None:
    """The unit an amount is filed under: the first its sentence names, else the body's first (a
    title often names the awarder or a national body rather than who paid), else the title's."""
    unit = _first_unit(units, sent, body_start)
    return ids.get(fields_of(unit, "units")["name"]) if unit is not None else None


class _Sentences:
    """The sentences of a Doc, looked up by token position (``Token.sent`` walks the document per call)."""

    def __init__(self, doc: Doc):
        self.index = doc_index(doc)

    def of_token(self, i: int) -> Sentence:
        """The sentence holding token ``i`` (``doc[i].sent``)."""
        return self.index.sentence_of(i)

    def of_span(self, span: Span) -> Sentence:
        """The sentences ``span`` touches, as one (``span.sent``)."""
        return self.index.sentences_of(span.start, span.end)


def _unit_ids(doc: Doc, body_start: int, rows: list[dict[str, Any]] | None = None) -> dict[str, int]:
    """``unit_id`` of each unit name of :func:`unit_rows` (``rows`` when the caller has them), computed once per Doc."""
    key = ("congdoan.unit_ids", body_start)
    ids = doc.user_data.get(key)
    if ids is None:
        rows = unit_rows(doc, body_start) if rows is None else rows
        ids = doc.user_data[key] = {row["name"]: row["unit_id"] for row in rows}
    return ids


def amount_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Amounts with the identity of the unit they are filed under and, for money, a purpose."""
    ids = _unit_ids(doc, body_start)
    units = SpanIndex(doc.spans.get("units", []))
    sentences = _Sentences(doc)
    rows = []
    for span in _body_spans(doc, "amounts", body_start):
        sent = sentences.of_span(span)
        rows.append({**fields_of(span, "amounts"), "text": span_text(span), "sentence": sent.text.strip(),
                     "unit_id": _filing_unit_id(units, sent, body_start, ids), "purpose": _purpose(span, sent),
                     **_offsets(span, body_start)})
    return rows


def award_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    return [
        {**fields_of(span, "awards"), **award_details(doc, fields_of(span, "awards")), "idx": idx,
         "text": span_text(span), **_offsets(span, body_start)}
        for idx, span in enumerate(_body_spans(doc, "awards", body_start))
    ]


def _recipient_unit_id(row: dict[str, Any], giver_id: int | None, doc: Doc) -> int | None:
    """A unit recipient's identity; for a group, the unit whose members it counts (the local awarder
    that placed it, else the federation of its province, else the national one); None for a person."""
    if row["recipient_type"] == "unit":
        return unit_id_of({**row, "name": row["recipient"]}, _published(doc))
    if row["recipient_type"] == "group":
        return giver_id if row.get("province_basis") == "awarder" and giver_id else federation_id(row.get("province"))
    return None


def award_recipient_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Rows of ``award_recipients``: each award's recipients, ``award_idx`` as ``awards.idx``, with a ``unit_id``."""
    ids = _unit_ids(doc, body_start)
    rows = []
    for idx, span in enumerate(_body_spans(doc, "awards", body_start)):
        fields = fields_of(span, "awards")
        giver_id = ids.get(award_details(doc, fields)["awarder_unit"])
        rows += [dict(row, unit_id=_recipient_unit_id(row, giver_id, doc)) for row in recipient_rows(doc, fields, idx)]
    return rows


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


def _first_unit(units: SpanIndex, sent: Sentence, body_start: int | None = None) -> Span | None:
    """The first unit mentioned in the sentence, else (with ``body_start``) the body's first unit,
    else the article's first unit (the title's, when the title names one)."""
    inside = units.starting_in(sent.start_char, sent.end_char)
    if inside:
        return min(inside, key=lambda u: u.start_char)
    return (units.first_from(body_start) if body_start is not None else None) or units.first()


def _highlight_unit(units: SpanIndex, sent: Sentence) -> dict[str, Any]:
    """The first unit mentioned in the sentence, else the article's first unit."""
    chosen = _first_unit(units, sent)
    fields = fields_of(chosen, "units") if chosen is not None else {}
    return {"unit": fields.get("name"), **{k: fields.get(k) for k in ("level", "province", "province_now")}}


def highlight_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Rows of ``highlights``: awards, money and count amounts, movements and models, with their sentence."""
    rows = []
    units = SpanIndex(doc.spans.get("units", []))
    sentences = _Sentences(doc)
    for group in ("awards", "amounts", "movements", "models"):
        for idx, span in enumerate(_body_spans(doc, group, body_start)):
            fields = fields_of(span, group)
            kind = fields.get("kind") if group == "amounts" else _HIGHLIGHT_KINDS[group]
            if group == "amounts" and kind not in _HIGHLIGHT_AMOUNTS or span.start_char < body_start:
                continue  # an award told in the title only has no sentence in the body
            sent = sentences.of_token(span.start)
            label = {"award": fields.get("form"), "movement": fields.get("name"), "model": fields.get("name")}
            item = span_text(span)
            rows.append({
                "kind": kind,
                "item": item,
                "label": label.get(kind, item),
                "value": fields.get("value") if group == "amounts" else None,
                "currency": fields.get("currency") if group == "amounts" else None,
                "counted": fields.get("unit") if group == "amounts" else None,
                **(filed_under(doc, fields, idx, _highlight_unit(units, sent)) if group == "awards"
                   else _highlight_unit(units, sent)),
                "sentence": sent.text,
                "sentence_start": sent.start_char - body_start,
                "item_start": span.start_char - body_start,
                "item_end": min(span.end_char, sent.end_char) - body_start,
            })
    return rows


def search_term_rows(doc: Doc, body_start: int = 0) -> list[dict[str, Any]]:
    """Rows of ``search_terms``: the folded words and syllables of the title and the body."""
    words = doc_index(doc).words()
    return term_rows([t.text for t in words if t.idx < body_start], [t.text for t in words if t.idx >= body_start])


def extraction_from_doc(doc: Doc, article_id: int, version: str, body_start: int = 0) -> Extraction:
    """Every extraction row of one article; ``body_start`` is where the body begins in ``doc.text``."""
    units = unit_rows(doc, body_start)
    _unit_ids(doc, body_start, units)  # the amounts and recipients read the same rows' ids
    return Extraction(
        article_id=article_id,
        version=version,
        tables={
            "units": units,
            "amounts": amount_rows(doc, body_start),
            "awards": award_rows(doc, body_start),
            "award_recipients": award_recipient_rows(doc, body_start),
            "movements": initiative_rows(doc, "movements", body_start),
            "models": initiative_rows(doc, "models", body_start),
            "sentences": body_sentence_rows(doc, body_start),
            "highlights": highlight_rows(doc, body_start),
            "search_terms": search_term_rows(doc, body_start),
        },
    )
