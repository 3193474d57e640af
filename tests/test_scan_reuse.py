"""The shortcuts of the awards component's form scan give what the plain scans give.

``_finditer`` tries a pattern only where the alternation of all forms matches; ``_form_starts``
takes a suffix's offsets from the whole text's scan; ``lookbehind_reach`` bounds how far back a
match attempt reads. The texts are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from extract.award_clauses import award_lexicon
from extract.regex_scan import finditer_at as _finditer, lookbehind_reach
from extract.awards import AwardExtractor

TEXTS = [
    "Tại hội nghị, Công đoàn ngành Giáo dục trao Bằng khen cho 12 tập thể; 30 cá nhân nhận Giấy khen.",
    "Chị A được tặng Kỷ niệm chương “Vì sự nghiệp xây dựng tổ chức Công đoàn” và danh hiệu Lao động giỏi.",
    "Anh B nhận Lao động giỏi năm nay, còn tổ sản xuất đạt Tập thể lao động xuất sắc.",
    "Giải thưởng Nguyễn Đức Cảnh được trao cho 10 công nhân; Huân chương Lao động hạng Ba cho công ty.",
    "Không có hình thức khen nào ở câu này cả, chỉ có hội thao và giao lưu văn nghệ.",
]


@pytest.fixture(scope="module")
def extractor() -> AwardExtractor:
    return AwardExtractor(award_lexicon())


def _plain_starts(pattern: re.Pattern[str], text: str) -> list[int]:
    return [q for q in range(len(text) + 1) if pattern.match(text, q)]


def test_finditer_on_starts_is_finditer(extractor: AwardExtractor) -> None:
    for text in TEXTS:
        starts = extractor._form_starts(text)
        assert starts == _plain_starts(extractor._any_form, text)
        for pattern, _ in extractor._forms:
            want = [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.start(), m.end(), m.groupdict()) for m in _finditer(pattern, text, starts)] == want


def test_suffix_offsets_are_read_again_near_the_cut(extractor: AwardExtractor) -> None:
    whole = " ".join(TEXTS)
    for cut in range(0, len(whole), 7):
        extractor._scanned = []
        extractor._form_starts(whole)
        suffix = whole[cut:]
        assert extractor._form_starts(suffix) == _plain_starts(extractor._any_form, suffix), cut


def test_lookbehind_reach() -> None:
    assert lookbehind_reach(re.compile(r"abc")) == 1
    assert lookbehind_reach(re.compile(r"(?<=nhận\s)x")) == 6
    assert lookbehind_reach(re.compile(r"(?:a|(?<=ab(?<=q..)c)x)")) == 7


def test_first_chars() -> None:
    from extract.regex_scan import first_chars, with_first_chars

    assert first_chars(re.compile(r"(?<!\w)(?:bằng khen|giấy khen)(?!\w)", re.I)) == "bg"
    assert first_chars(re.compile(r"(?:danh hiệu\s+)?lao động", re.I)) == "dl"
    assert first_chars(re.compile(r"(?-i:[Gg]iải)|[“\"]x", re.I)) == "\"Gg“"
    assert first_chars(re.compile(r"(?:(?<=nhận\s)|(?<=đạt\s))công", re.I)) == "c"
    assert first_chars(re.compile(r"a(?i:b)|(?i:c)")) is None  # case-insensitive inside a case-sensitive pattern
    assert first_chars(re.compile(r"\w+")) == r"\w"
    assert first_chars(re.compile(r".b")) is None
    assert first_chars(re.compile(r"[^a]b")) is None
    assert first_chars(re.compile(r"(?:ab)?")) is None  # may be empty
    plain = re.compile(r"(?<!\w)(?:chiến sĩ thi đua|(?:danh hiệu\s+)?anh hùng)(?!\w)", re.I)
    looked = with_first_chars(plain)
    assert looked.pattern != plain.pattern
    for text in [*TEXTS, "CHIẾN SĨ THI ĐUA và Danh hiệu Anh hùng, anh hùng"]:
        assert [m.span() for m in looked.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_first_chars_of_categories_and_scoped_flags() -> None:
    from extract.regex_scan import first_chars

    assert first_chars(re.compile(r"(?<![\w.])\d|(?<!\w)(?:hai|ba)(?!\w)", re.I)) == r"\dbh"
    assert first_chars(re.compile(r"(?a:\d)x|y", re.I)) == r"\dy"  # ASCII inside: stricter than the class
    assert first_chars(re.compile(r"(?u:\d)", re.A)) is None  # Unicode inside an ASCII pattern
