"""Rules of issue 11 round 21 (real-test23, opened after its blind measurement, and the earlier sets' open classes),
each on short texts written for this test: a commune's last syllable written in lower case ("Công đoàn xã Bình phú")
is part of its name when the name with it is one of today's communes."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows


def test_a_communes_last_syllable_in_lower_case_completes_a_known_commune(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Công đoàn xã Bình phú tặng quà cho 30 cháu học giỏi. Công đoàn phường Tân định phối hợp tổ chức. "
            "Công đoàn xã Hòa tổ chức hội thi.")
    doc = units_amounts_nlp(text, ArticleContext())
    names = [r["name"] for r in unit_rows(doc)]
    assert "Công đoàn xã Bình Phú" in names and "Công đoàn phường Tân Định" in names
    assert "Công đoàn xã Hòa" in names  # "xã Hòa Tổ" is no commune: the verb stays out of the name
