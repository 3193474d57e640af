"""Rules of issue 11 round 19 (real-test14's last unit errors, then real-test15's, opened after its blind measurement),
each on short texts written for this test: a number after "Công đoàn" without a place type counts unions, it names no
numbered district; a copied page opening with a paragraph out of place over its one headline and tagged lead."""

from __future__ import annotations

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import unit_rows
from extract.textdump import parse_text_dump


def _names(nlp: VietnameseNLP, text: str, title: str | None = None) -> list[tuple[str, str]]:
    doc = nlp(text if title is None else f"{title}\n\n{text}", ArticleContext(title=title))
    return [(r["name"], r["level"]) for r in unit_rows(doc)]


def test_a_number_without_its_place_type_counts_unions(units_amounts_nlp: VietnameseNLP) -> None:
    text = ("Dự hội nghị có đại diện Công đoàn 7 trường đại học trong Khối. Liên đoàn Lao động Quận 9 và LĐLĐ Q.12 "
            "cũng cử người tham dự.")
    assert _names(units_amounts_nlp, text) == [("Liên đoàn Lao động quận 9", "district"),
                                               ("Liên đoàn Lao động quận 12", "district")]


_OUT_OF_PLACE = "Đây là nghiệp đoàn thứ ba của xã đảo. Ông Lê Văn Hải, chủ tịch xã, mong nghiệp đoàn giúp bà con yên tâm bám biển."
_HEADLINE = "Ra mắt Nghiệp đoàn nghề cá Hòn Mê"
_LEAD = ("TT - Sáng 3-8, Liên đoàn Lao động huyện Tĩnh Gia tổ chức lễ ra mắt Nghiệp đoàn nghề cá Hòn Mê với 41 đoàn viên "
         "trên 12 tàu cá.")


def test_a_paragraph_out_of_place_over_the_pages_one_headline() -> None:
    """A copying site printed a later paragraph over the headline and its tagged lead, then only chrome: the page is
    that one story (not a list of teasers), its headline the title, the paragraph above it outside the body."""
    chrome = "Tin cùng chuyên mục\nNhập mã xác nhận\nĐóng lại\n"
    parsed = parse_text_dump(f"{_OUT_OF_PLACE}\n{_HEADLINE}\n{_LEAD}\n{chrome}")
    assert parsed.problem is None
    assert parsed.title == _HEADLINE
    assert parsed.body == _LEAD.removeprefix("TT - ")
    # two such stories, each a headline and a tagged summary: a listing page still
    second = "Trao quà cho ngư dân xã Nghi Sơn\nTT - Chiều 4-8, Công đoàn xã Nghi Sơn trao 50 suất quà cho ngư dân."
    assert parse_text_dump(f"{_OUT_OF_PLACE}\n{_HEADLINE}\n{_LEAD}\n{second}\n{chrome}").problem == "listing_page"
