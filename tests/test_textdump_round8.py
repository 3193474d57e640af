"""Line shapes of real-test7 (issue 11 round 8), each in a short dump written for this test: a caption marked
"(hình ảnh minh họa)" is no title, the writer's union office stays in the byline, a comment counter in brackets and
a list of related stories dated in brackets are page furniture, a line opening with "Và" is article text, and a
dump's short first line closed by a stop over a longer paragraph is the headline."""

from __future__ import annotations

from extract.textdump import parse_text_dump

_LEAD = ("Ngày 12/3, Công đoàn ngành Giáo dục tỉnh tổ chức trao quà cho các nhà giáo có hoàn cảnh khó khăn, "
         "mỗi suất trị giá 1 triệu đồng.")
_MORE = "Đây là hoạt động thường xuyên của công đoàn ngành nhằm động viên đoàn viên vượt qua khó khăn trong năm qua."

CAPTION_OPENING = f"""Trường Mầm non Hoa Sen nhận quà hỗ trợ (hình ảnh minh họa)
{_LEAD}
{_MORE}
Lê Thị Hạnh - CĐ ngành Giáo dục
"""


def test_illustration_caption_is_article_and_union_office_stays_in_byline() -> None:
    """real-test7 1007: the dump opens with a captioned picture, not a headline; the credit names the writer's
    union office after a spaced hyphen, kept whole as real-test3 620 keeps "… - LĐLĐ huyện …"."""
    parsed = parse_text_dump(CAPTION_OPENING)
    assert parsed.title is None
    assert parsed.body.startswith("Trường Mầm non Hoa Sen nhận quà hỗ trợ")
    assert parsed.byline == "Lê Thị Hạnh - CĐ ngành Giáo dục"
    assert parsed.body.endswith("trong năm qua.")
    titled = parse_text_dump(CAPTION_OPENING.replace("Lê Thị Hạnh - CĐ ngành Giáo dục",
                                                     "Đỗ Văn Lực – Chủ tịch Công đoàn các KCN"))
    assert titled.byline == "Đỗ Văn Lực – Chủ tịch Công đoàn các KCN"  # real-test3 616: the post in the union


COUNTER_AND_DATED_LINKS = f"""Công đoàn ngành Giáo dục trao quà nhà giáo
13/03/2024 09:20
{_LEAD}
{_MORE}
MINH TÂM
(2) Bình luận
Công đoàn ngành Giáo dục trao quà nhà giáo
- Hội thao công nhân viên chức mở rộng cho 9 đơn vị (11/03/2024, 10:05)
- Tập huấn nghiệp vụ công đoàn cho cán bộ cơ sở. (09/03/202
"""


def test_comment_counter_and_dated_link_list_are_furniture() -> None:
    """real-test7 1010 ("(0) Bình luận" then the headline again) and 1019 (related stories with their date and
    hour in brackets, the last cut inside its date): the credit above them is the byline, their figures no amount."""
    parsed = parse_text_dump(COUNTER_AND_DATED_LINKS)
    assert parsed.byline == "MINH TÂM"
    assert parsed.body.endswith("trong năm qua.")
    assert "9 đơn vị" not in parsed.body


CONTINUED_CAPTIONS = f"""{_LEAD} Tại hội nghị, Liên đoàn Lao động quận trao giấy khen cho 20 tập thể và 35 cá nhân có thành tích xuất sắc trong năm học 2023-2024
Và Công đoàn nhà trường đón nhận giấy khen tập thể của Liên đoàn Lao động quận trong phong trào thi đua năm học 2023-2024

Công đoàn nhà trường nhận giấy khen tập thể

Cô Phan Thu Hà nhận giấy khen của quận

Và 4 cá nhân tiêu biểu của công đoàn nhà trường nhận giấy khen
"""


def test_lines_opening_with_and_are_article_text() -> None:
    """real-test7 1005: captions under the lead go on with "Và …"; no headline opens so, and with them the short
    captions are no list of related headlines."""
    parsed = parse_text_dump(CONTINUED_CAPTIONS)
    assert parsed.body.endswith("Và 4 cá nhân tiêu biểu của công đoàn nhà trường nhận giấy khen")
    assert "Cô Phan Thu Hà nhận giấy khen của quận" in parsed.body


STOPPED_HEADLINE = f"""Đại hội Công đoàn cơ sở Trung tâm Y tế huyện Đô Lương nhiệm kỳ 2023 - 2028.
Hòa chung không khí thi đua chào mừng Đại hội Công đoàn các cấp. Ngày 20/02/2023, Công đoàn cơ sở Trung tâm Y tế huyện Đô Lương tổ chức Đại hội nhiệm kỳ 2023-2028.
{_MORE}
"""

STOPPED_LEAD = f"""Sáng 4-2, tại Nhà văn hóa Lao động tỉnh diễn ra lễ trao giải thưởng lần thứ 12.
{_LEAD}
{_MORE}
"""


def test_short_first_line_with_a_stop_over_a_paragraph_is_the_headline() -> None:
    """real-test7 1018: the headline printed with a full stop; a first line opening like a lead stays the lead."""
    parsed = parse_text_dump(STOPPED_HEADLINE)
    assert parsed.title == "Đại hội Công đoàn cơ sở Trung tâm Y tế huyện Đô Lương nhiệm kỳ 2023 - 2028"
    assert parsed.body.startswith("Hòa chung không khí thi đua")
    lead = parse_text_dump(STOPPED_LEAD)
    assert lead.title is None and lead.body.startswith("Sáng 4-2, tại Nhà văn hóa")
