"""Large pages: the NLP reads a bounded prefix of a giant body, and span lookups keep the original order.

How the cost grows is shown by bench/large_pages.py (docs/benchmarks.md), not by timed tests.
"""

from __future__ import annotations

from extract.nlp import VietnameseNLP
from extract.spans import SpanIndex
from pipeline.extraction import MAX_ANALYSED_CHARS, analysed_text
from pipeline.store import PendingArticle


def article(body: str) -> PendingArticle:
    return PendingArticle(1, "Tiêu đề", body, "x", None, None)


def test_a_giant_body_is_analysed_up_to_a_paragraph_within_the_cap() -> None:
    paragraph = "Công đoàn cơ sở trao 20 suất quà cho đoàn viên khó khăn."
    giant = "\n".join([paragraph] * (MAX_ANALYSED_CHARS // len(paragraph) * 3))
    text, start = analysed_text(article(giant))
    body = text[start:]
    assert text.startswith("Tiêu đề\n\n") and giant.startswith(body)
    assert MAX_ANALYSED_CHARS - len(paragraph) <= len(body) <= MAX_ANALYSED_CHARS and giant[len(body)] == "\n"
    short = "\n".join([paragraph] * 10)
    assert analysed_text(article(short)) == ("Tiêu đề\n\n" + short, len("Tiêu đề\n\n"))


def test_span_index_finds_the_spans_starting_in_a_range_in_their_original_order() -> None:
    nlp = VietnameseNLP(components=())
    doc = nlp.make_doc("LĐLĐ tỉnh Nghệ An trao quà. Công đoàn ngành Y tế và LĐLĐ huyện Tiểu Cần cùng dự.")
    spans = [doc[8:12], doc[0:3], doc[12:15], doc[9:10]]  # not in text order
    index = SpanIndex(spans)
    first = doc[7:].start_char  # the second sentence's region
    expected = [s for s in spans if first <= s.start_char < len(doc.text)]
    assert index.starting_in(first, len(doc.text)) == expected
    assert index.starting_in(0, 1) == [doc[0:3]] and index.first() == doc[0:3]
    assert SpanIndex([]).first() is None and SpanIndex([]).starting_in(0, 99) == []
