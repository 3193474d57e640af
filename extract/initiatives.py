"""The ``congdoan_initiatives`` component: emulation movements and good models.

Staff look for them by name: phong trào thi đua “Lao động giỏi, lao động sáng tạo”,
cuộc vận động “...”, mô hình “Hạt gạo nghĩa tình”. A name is what one pair of quotes
holds (commas inside it belong to the name); a trigger word (``data/lexicon/initiatives.toml``)
owns the run of quoted names that follows it, alone or as a list ("các mô hình ... như:
“A”, “B” và “C”"). Triggers are searched outside quotes, so "phong trào" inside a quoted
title is not one, and the nearest trigger before a list owns it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from spacy.language import Language
from spacy.tokens import Doc, Span

from extract.award_clauses import MASK, mask_enclosed, phrase_regex
from extract.doc_index import doc_index
from extract.lexicon import lexicon
from extract.spans import SpanIndex, add_char_span, fields_of

# One quoted name: straight, curly or guillemet quotes; a stray empty pair before the name
# (“”Công chức ...”) is taken as its opening quote.
_QUOTED = re.compile(r"[“\"«][”\"]?\s*(?P<name>[^\s“”\"«»][^“”\"«»]*?)\s*[”\"»]")
_SENTENCE_PUNCTUATION = re.compile(r"[.;!?|]")


@dataclass(frozen=True)
class Initiative:
    kind: str  # "movements" or "models"
    trigger_start: int
    start: int  # of the quoted name, quotes included
    end: int
    name: str


class InitiativeExtractor:
    def __init__(self, lexicon: dict[str, Any]):
        triggers = lexicon["triggers"]
        self._triggers = [(kind, re.compile(phrase_regex(triggers[kind]), re.IGNORECASE)) for kind in triggers]
        # one search for every trigger: a sentence without any (most) is done at once
        self._any_trigger = re.compile("|".join(f"(?:{phrase_regex(triggers[kind])})" for kind in triggers),
                                       re.IGNORECASE)
        gap = lexicon["gap"]
        self._free_words = gap["free_words"]
        self._max_words = gap["max_words"]
        self._introducer = re.compile(rf"(?:{phrase_regex(gap['introducers'])})\s*:?\s*$|:\s*$", re.IGNORECASE)
        self._separator = re.compile(rf"\s*(?:[,;:]|{phrase_regex(lexicon['list']['separators'])})?\s*", re.IGNORECASE)
        unit = lexicon["unit"]
        self._unit_after = re.compile(rf"\s*(?:{phrase_regex(unit['after'])})\s+", re.IGNORECASE)
        self._launch = re.compile(phrase_regex(unit["launch_verbs"]), re.IGNORECASE)

    def __call__(self, doc: Doc) -> Doc:
        units = SpanIndex(doc.spans.get("units", []))
        index = doc_index(doc)  # text and sentences read once (spaCy rebuilds them per access)
        text = index.text
        for sent in index.sents:
            initiatives = self.find(sent.text, sent.start_char)
            if not initiatives:
                continue
            # units named in the sentence, except those in brackets ("... (LĐLĐ tỉnh X)")
            view = mask_enclosed(sent.text)
            sent_units = [u for u in units.starting_in(sent.start_char, sent.end_char)
                          if u.end_char <= sent.end_char and view[u.start_char - sent.start_char] != MASK]
            for found in initiatives:
                add_char_span(doc, found.kind, found.trigger_start, found.end,
                              {"name": found.name, "unit": self._unit(text, found, sent_units)})
        return doc

    def find(self, text: str, offset: int = 0) -> list[Initiative]:
        """Movements and models named in one sentence; offsets are ``offset`` + index in ``text``."""
        if self._any_trigger.search(text) is None:  # masking brackets and quotes never adds a trigger
            return []
        view = mask_enclosed(text)
        triggers = sorted((m.start(), m.end(), kind) for kind, pattern in self._triggers for m in pattern.finditer(view))
        triggers = [t for k, t in enumerate(triggers) if k == 0 or t[0] >= triggers[k - 1][1]]  # "phong trào thi đua" once
        found: list[Initiative] = []
        for k, (start, end, kind) in enumerate(triggers):
            limit = triggers[k + 1][0] if k + 1 < len(triggers) else len(text)
            first = _QUOTED.search(text, end, limit)
            if first is None or not self._gap_ok(text[end:first.start()]):
                continue
            quote = first
            while quote is not None:
                found.append(Initiative(kind, offset + start, offset + quote.start(), offset + quote.end(),
                                        quote.group("name")))
                quote = _QUOTED.match(text, self._separator.match(text, quote.end(), limit).end(), limit)
        return found

    def _gap_ok(self, gap: str) -> bool:
        if _SENTENCE_PUNCTUATION.search(gap):
            return False
        words = len(gap.split())
        return words <= self._free_words or (words <= self._max_words and bool(self._introducer.search(gap)))

    def _unit(self, text: str, found: Initiative, units: list[Span]) -> str | None:
        """The unit that launches or runs the initiative, named in the same sentence (``text`` is the Doc's)."""
        after = self._unit_after.match(text, found.end)
        if after:
            unit = next((u for u in units if u.start_char == after.end()), None)
            if unit is not None:
                return fields_of(unit, "units")["name"]
        before = [u for u in units if u.end_char <= found.trigger_start]
        if before and self._launch.search(text, before[-1].end_char, found.trigger_start):
            return fields_of(before[-1], "units")["name"]
        return None


@Language.factory("congdoan_initiatives")
def make_initiatives(nlp: Language, name: str) -> InitiativeExtractor:
    return InitiativeExtractor(lexicon("initiatives"))
