"""The shortcuts of the awards component's form scan give what the plain scans give.

``_finditer`` tries a pattern only where the alternation of all forms matches; ``_form_starts``
takes a suffix's offsets from the whole text's scan; ``lookbehind_reach`` bounds how far back a
match attempt reads. The texts are written for these tests.
"""

from __future__ import annotations

import re

import pytest

from extract.award_clauses import award_lexicon
from extract.award_forms import _finditer, lookbehind_reach
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
