"""The shortcuts of the awards component's form scan give what the plain scans give.

``_finditer`` tries a pattern only where the alternation of all forms matches; ``_form_starts``
takes a piece's offsets from the article's scan (``SubstringScan``); ``lookbehind_reach`` bounds how
far back a match attempt reads. The texts are written for these tests.
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
        starts = extractor._form_starts(text, 0, False)
        assert starts == _plain_starts(extractor._any_form, text)
        for pattern, _ in extractor._forms:
            want = [(m.start(), m.end(), m.groupdict()) for m in pattern.finditer(text)]
            assert [(m.start(), m.end(), m.groupdict()) for m in _finditer(pattern, text, starts)] == want


def test_pieces_take_their_offsets_from_the_article_scan(extractor: AwardExtractor) -> None:
    whole = " ".join(TEXTS) + " “Giải thưởng Nguyễn Đức Cảnh, lần thứ hai”; “Lao động giỏi” và “Chiến sĩ thi đua”"
    extractor._read_article(whole)
    plain = re.sub(r"[“”\"«»]", " ", whole)
    for start in range(0, len(whole), 5):
        for end in range(start, len(whole) + 1, 11):
            assert extractor._form_starts(whole[start:end], start, False) == _plain_starts(
                extractor._any_form, whole[start:end]), (start, end)
            assert extractor._form_starts(plain[start:end], start, True) == _plain_starts(
                extractor._any_form, plain[start:end]), (start, end)
    assert extractor._form_starts(TEXTS[0], 3, False) == _plain_starts(extractor._any_form, TEXTS[0])  # not there


def test_substring_scan_reads_the_piece_only() -> None:
    from extract.regex_scan import SubstringScan, prefix_lookahead

    text = "ab xab, abx ab; (ab) ab$ q-ab abab ab\nab"
    for source in (r"(?<!\w)ab(?!\w)", r"(?<!\w)(?:(?<=x)ab|ab(?=\s*$)|ab\b)", r"(?<!\w)(?:ab|a)(?!x)", r"(?<=[;(]\s)ab|(?<=[;(])ab"):
        pattern = re.compile(source, re.IGNORECASE)
        lookahead = prefix_lookahead(pattern, 3)
        scan = SubstringScan(pattern, lookahead, lookbehind_reach(pattern), text)
        for start in range(len(text) + 1):
            for end in range(start, len(text) + 1):
                assert scan.starts(start, end) == _plain_starts(pattern, text[start:end]), (source, start, end)


def test_prefix_lookahead() -> None:
    from extract.regex_scan import prefix_lookahead

    assert prefix_lookahead(re.compile(r"(?<!\w)(?:bằng khen|bằng lao động|giấy)(?!\w)", re.I), 3).pattern \
        == r"(?<!\w)(?=(?:bằn|giấ))"
    assert prefix_lookahead(re.compile(r"a\s*b|ac", re.I), 2).pattern == r"(?=(?:a(?:\s|b|c)))"
    assert prefix_lookahead(re.compile(r"[“\"]\s*(?!x)[^”]+", re.I), 3).pattern == r'(?=(?:["“]))'  # unread after
    assert prefix_lookahead(re.compile(r"(?:ab)?c"), 2).pattern == r"(?=(?:ab|c))"
    assert prefix_lookahead(re.compile(r"a?"), 2) is None  # may be empty
    assert prefix_lookahead(re.compile(r".b"), 2) is None


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
