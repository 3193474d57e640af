"""Rules of issue 11 round 19 (real-test14's last unit errors, then real-test15's, opened after its blind measurement),
each on short texts written for this test: a number after "Công đoàn" without a place type counts unions, it names no
numbered district."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows


def _names(nlp: VietnameseNLP, text: str, title: str | None = None) -> list[tuple[str, str]]:
    doc = nlp(text if title is None else f"{title}\n\n{text}", ArticleContext(title=title))
    return [(r["name"], r["level"]) for r in unit_rows(doc)]


def test_a_number_without_its_place_type_counts_unions(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Dự hội nghị có đại diện Công đoàn 7 trường đại học trong Khối. Liên đoàn Lao động Quận 9 và LĐLĐ Q.12 "
            "cũng cử người tham dự.")
    assert _names(units_amounts_nlp, text) == [("Liên đoàn Lao động quận 9", "district"),
                                               ("Liên đoàn Lao động quận 12", "district")]
