"""Rules of issue 11 round 22 (real-test23, real-test25 and the sets restored with them, then real-test27, opened after
its blind measurement), each on short texts written for this test: an emulation title counted by its own first words
("116 chiến sĩ thi đua cơ sở", "95 “Công nhân giỏi”") is held by those counted, and "chiến sỹ" is the title's other
spelling."""

from __future__ import annotations

from extract.nlp import VietnameseNLP
from tests.test_awards import awards, nlp  # noqa: F401  (nlp: the module's model fixture)


def test_a_title_counted_by_its_own_first_words_is_held_by_those_counted(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Sau năm học, toàn ngành có 14 chiến sỹ thi đua cấp tỉnh, 97 chiến sĩ thi đua cơ sở và 612 lao "
                        "động tiên tiến.")
    assert [(a["form"], a["recipient_count"], a["recipient_kind"]) for a in found] == [
        ("danh hiệu Chiến sĩ thi đua cấp tỉnh", 14, "individual"),
        ("danh hiệu Chiến sĩ thi đua cơ sở", 97, "individual"),
        ("danh hiệu Lao động tiên tiến", 612, "individual")]
    quoted = awards(nlp, "Năm 2023, toàn khu công nghiệp có 80 “Công nhân giỏi”.")
    assert [(a["form"], a["recipient_count"], a["recipient_kind"]) for a in quoted] == [
        ("danh hiệu Công nhân giỏi", 80, "individual")]


def test_the_title_spelt_chien_sy_is_the_emulation_soldiers_title(nlp: VietnameseNLP) -> None:  # noqa: F811
    found = awards(nlp, "Năm 2023, trường có 6 giáo viên đạt danh hiệu Chiến sỹ thi đua cơ sở.")
    assert [(a["form"], a["recipient_count"]) for a in found] == [("danh hiệu Chiến sĩ thi đua cơ sở", 6)]
