"""What the extractor components and the records read of an analysed Doc, computed once per Doc.

spaCy builds a Python ``Token`` for every token on every iteration, rebuilds ``doc.text``
from every token on each access (``make_doc`` keeps the text it was given instead), walks the
whole Doc for ``doc.sents`` and joins a span's tokens for ``Span.text``. The components and
the records read the same things many times (each sentence, each clause's tokens), so
:func:`doc_index` reads them once, in bulk (``Doc.to_array``), and keeps them on the Doc
(``doc.user_data``). The values are exactly
spaCy's: a :class:`Sentence` has the offsets and text of the ``Span`` of ``doc.sents``, a
:class:`TokenInfo` the ``idx``, ``text``, ``tag_``, ``is_space`` and ``is_sent_start`` of its
``Token``. The index assumes the Doc's tokens and sentence starts no longer change: every
component only adds spans.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable
from itertools import repeat
from typing import Any, NamedTuple

from spacy.attrs import IDX, IS_SPACE, LENGTH, SENT_START, TAG
from spacy.tokens import Doc, Span

_KEY = "congdoan.doc_index"
TEXT_KEY = "congdoan.text"  # the text a Doc was made from (``doc.text``), kept by ``VietnameseNLP.make_doc``
_SENT_START = 1  # Token.sent_start of a token that starts a sentence (-1: it does not; 0: unknown)


class TokenInfo(NamedTuple):
    """One token as spaCy's ``Token`` tells it: ``doc[i]``."""

    i: int
    idx: int
    text: str
    tag: str
    is_space: bool
    is_sent_start: bool


class Sentence(NamedTuple):
    """One sentence of ``doc.sents``: token range, character offsets and ``Span.text``."""

    start: int
    end: int
    start_char: int
    end_char: int
    text: str


class DocIndex:
    """The text, tokens and sentences of one Doc (see the module docstring)."""

    def __init__(self, doc: Doc):
        text = self.text = doc.user_data.get(TEXT_KEY) or doc.text
        strings = doc.vocab.strings
        self.tokens: list[TokenInfo] = []
        self.starts: list[int] = []
        self.sents: list[Sentence] = []
        self._words: list[TokenInfo] | None = None
        self._sent_starts: list[int] = []
        self._memo: dict[str, Any] = {}
        if not len(doc):
            return
        columns = doc.to_array([IDX, LENGTH, TAG, IS_SPACE, SENT_START]).T.tolist()
        idx, length, tag, space, sent_start = columns
        names = {h: strings[h] for h in set(tag)}
        starts = [s == _SENT_START for s in sent_start]
        # tuple.__new__ is what TokenInfo._make calls, without a Python call per token
        self.tokens = list(map(tuple.__new__, repeat(TokenInfo), zip(
            range(len(idx)), idx, [text[a : a + n] for a, n in zip(idx, length)], [names[h] for h in tag],
            [s == 1 for s in space], starts)))
        self.starts = idx
        # doc.sents: a sentence starts at token 0 and at every later token whose sent_start is 1
        bounds = [0, *(i for i in range(1, len(idx)) if starts[i]), len(idx)]
        for a, b in zip(bounds, bounds[1:]):
            self.sents.append(self._sentence(a, b))
        self._sent_starts = bounds[:-1]

    def _sentence(self, a: int, b: int) -> Sentence:
        last = self.tokens[b - 1]
        start_char, end_char = self.tokens[a].idx, last.idx + len(last.text)
        return Sentence(a, b, start_char, end_char, self.text[start_char:end_char])

    def words(self) -> list[TokenInfo]:
        """The tokens that are words: neither spaCy spaces nor the gaps ``make_doc`` tags ``_SP``."""
        from extract.nlp import SPACE_TAG

        if self._words is None:
            self._words = [t for t in self.tokens if t.tag != SPACE_TAG and not t.is_space]
        return self._words

    def char_tokens(self, start: int, end: int) -> list[TokenInfo]:
        """The tokens of ``doc.char_span(start, end, alignment_mode="expand")`` (none where it is None)."""
        first, stop = self.char_range(start, end)
        return self.tokens[first:stop]

    def char_range(self, start: int, end: int) -> tuple[int, int]:
        """The token indices ``[first, stop)`` of :meth:`char_tokens` (an empty range where it has none)."""
        if start > end or start < 0 or end < 1 or end > len(self.text) or not self.tokens:
            return 0, 0
        first = bisect_right(self.starts, start) - 1
        last = bisect_right(self.starts, end - 1) - 1
        if first < 0 or last < 0:
            return 0, 0
        return first, last + 1

    def memo(self, name: str, build: Callable[[DocIndex], Any]) -> Any:
        """What ``build`` makes of this index, made once per Doc under ``name``."""
        if name not in self._memo:
            self._memo[name] = build(self)
        return self._memo[name]

    def sentence_of(self, i: int) -> Sentence:
        """The sentence holding token ``i`` (``doc[i].sent``)."""
        return self.sents[bisect_right(self._sent_starts, i) - 1]

    def sentences_of(self, start: int, end: int) -> Sentence:
        """The sentences tokens ``start`` to ``end`` touch, as one (``doc[start:end].sent``)."""
        first, last = self.sentence_of(start), self.sentence_of(end - 1)
        return first if first is last else self._sentence(first.start, last.end)


def doc_index(doc: Doc) -> DocIndex:
    """The Doc's index, built on first use and kept on the Doc."""
    index = doc.user_data.get(_KEY)
    if index is None:
        index = doc.user_data[_KEY] = DocIndex(doc)
    return index


def span_text(span: Span) -> str:
    """``span.text``, cut from the index's text (spaCy joins the span's tokens for each access)."""
    return doc_index(span.doc).text[span.start_char : span.end_char]
