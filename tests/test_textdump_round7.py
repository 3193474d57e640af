"""Line shapes of real-test6 (issue 11 round 7), each in a short dump written for this test: what makes a line
a title (a banner is not, a bulleted line is not, a long headline over a dated lead is, a caption dated to the
hour is not) and what marks page furniture (a bracketed link, reading widgets, a cut-short end marker, the
outlet's name under the author)."""

from __future__ import annotations

from extract.textdump import parse_text_dump

BANNER_OVER_CAPS_TITLE = """NHIỆT LIỆT CHÀO MỪNG THÀNH CÔNG ĐẠI HỘI ĐẠI BIỂU TOÀN QUỐC LẦN THỨ XIV CỦA ĐẢNG!
image advertisement
HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA LIÊN ĐOÀN LAO ĐỘNG CÁC TỈNH MIỀN TRUNG NĂM 2025

Sáng ngày 10/01/2026, tại thành phố Huế, Cụm thi đua các tỉnh miền Trung tổ chức hội nghị tổng kết năm 2025.

Cụm gồm Liên đoàn Lao động của năm tỉnh, thành phố, do Liên đoàn Lao động thành phố Huế làm cụm trưởng năm nay.
"""


def test_party_banner_and_banner_alt_text_are_no_title() -> None:
    """A Party-congress banner in capitals ending with "!" and a banner's alt text are page chrome (real-test6 913)."""
    parsed = parse_text_dump(BANNER_OVER_CAPS_TITLE)
    assert parsed.title == "HỘI NGHỊ TỔNG KẾT CỤM THI ĐUA LIÊN ĐOÀN LAO ĐỘNG CÁC TỈNH MIỀN TRUNG NĂM 2025"
    assert parsed.body.startswith("Sáng ngày 10/01/2026, tại thành phố Huế")


MIXED_CASE_BANNER = """Chào mừng đại hội đảng toàn quốc
-
Nhân kỷ niệm ngày sinh Chủ tịch Tôn Đức Thắng, ngày 20/8, Liên đoàn Lao động thành phố trao giải thưởng cho 10 công nhân.
"""


def test_party_banner_in_ordinary_case_is_no_title() -> None:
    """The same banner in ordinary capitals over a dump with no headline (real-test5 829)."""
    parsed = parse_text_dump(MIXED_CASE_BANNER)
    assert parsed.title is None
    assert parsed.body.startswith("Nhân kỷ niệm ngày sinh")


LONG_HEADLINE = """Liên đoàn Lao động huyện Tân Thạnh tổ chức hội nghị biểu dương, khen thưởng các tập thể, cá nhân điển hình trong học tập và làm theo tư tưởng, đạo đức, phong cách Hồ Chí Minh năm 2025

12/06/2025 09:15:02AM
Màu chữ Cỡ chữ
Ngày 10/6/2025, Liên đoàn Lao động huyện Tân Thạnh tổ chức hội nghị biểu dương 12 tập thể và 20 cá nhân điển hình.

Các điển hình được tặng giấy khen và phần thưởng của Liên đoàn Lao động huyện.
"""


def test_long_headline_over_a_dated_lead_is_the_title() -> None:
    """A 35-word headline, a date and reading widgets, then a lead opening with a date (real-test6 912)."""
    parsed = parse_text_dump(LONG_HEADLINE)
    assert parsed.title is not None and parsed.title.startswith("Liên đoàn Lao động huyện Tân Thạnh tổ chức")
    assert parsed.body.startswith("Ngày 10/6/2025, Liên đoàn Lao động huyện Tân Thạnh")
    assert "Màu chữ" not in parsed.body


LONG_SAPO_UNDER_HEADLINE = """Vui Trung thu cùng con công nhân

T.Lan - H.Minh

Tại chương trình, các em thiếu nhi là con đoàn viên và người lao động đã cùng tham gia nhiều trò chơi dân gian, rước đèn, phá cỗ và nhận quà từ ban tổ chức trong không khí vui tươi

Ngày 5-10, Công đoàn phường Tân Định tổ chức chương trình Trung thu cho 300 thiếu nhi là con đoàn viên.
"""


def test_long_sapo_under_a_headline_stays_text() -> None:
    """A long line with no full stop under a headline is the sapo, not a second, longer headline (real-dev 035)."""
    parsed = parse_text_dump(LONG_SAPO_UNDER_HEADLINE)
    assert parsed.title == "Vui Trung thu cùng con công nhân"


BULLETED_HIGHLIGHT = """Tuyên dương 150 nhà giáo tiêu biểu năm 2024
* 3 nhà giáo của tỉnh được tuyên dương
Sáng 18-11, tại Hà Nội, Công đoàn Giáo dục Việt Nam tổ chức lễ tuyên dương nhà giáo tiêu biểu năm 2024.
Trong số các nhà giáo được tuyên dương có 3 thầy cô của tỉnh, đều có nhiều năm công tác ở vùng khó khăn.
"""


def test_bulleted_line_under_the_headline_is_no_title() -> None:
    """A bulleted highlight between headline and lead is a list item, never the title (real-test6 923)."""
    parsed = parse_text_dump(BULLETED_HIGHLIGHT)
    assert parsed.title == "Tuyên dương 150 nhà giáo tiêu biểu năm 2024"
    assert parsed.body.startswith("Sáng 18-11, tại Hà Nội")


CAPTION_DATED_TO_THE_HOUR = """Các tập thể, cá nhân tiêu biểu nhận bằng khen tối 20-9

Dự lễ có lãnh đạo Tổng Liên đoàn Lao động Việt Nam và lãnh đạo Bộ Công an cùng nhiều đại biểu.

Từ 80 đề cử, ban tổ chức đã chọn 30 tập thể và 30 cá nhân tiêu biểu để tuyên dương trong phong trào năm nay.
"""


def test_caption_ending_on_the_hour_and_date_is_no_title() -> None:
    """A dump opening with a photo caption dated to the hour ("… tối 20-9") has no title (real-test6 930)."""
    parsed = parse_text_dump(CAPTION_DATED_TO_THE_HOUR)
    assert parsed.title is None
    assert parsed.body.startswith("Các tập thể, cá nhân tiêu biểu nhận bằng khen tối 20-9")


BRACKETED_LINK_AND_CUT_MARKER = """Trao giải thưởng cho 50 công nhân có sáng kiến

(Baonghean.vn) - Tối 26/7, tại thành phố Vinh, Liên đoàn Lao động tỉnh trao giải thưởng cho 50 công nhân có sáng kiến.
[Tuyên dương 50 công nhân có sáng kiến làm lợi hàng chục tỷ đồng]
Các sáng kiến được áp dụng tại nhiều doanh nghiệp trên địa bàn tỉnh trong năm qua.
Minh Khoa
Báo Nghệ An
Tin cùng chuy
"""


def test_bracketed_link_domain_tag_outlet_line_and_cut_marker() -> None:
    """A bracketed link title is no text (real-test6 909); a domain in brackets is the agency tag (907); the
    outlet under the author is no byline (928); an end marker cut short on the last line ends the page (914)."""
    parsed = parse_text_dump(BRACKETED_LINK_AND_CUT_MARKER)
    assert parsed.body.startswith("Tối 26/7, tại thành phố Vinh")
    assert "[" not in parsed.body and "hàng chục tỷ" not in parsed.body
    assert parsed.body.endswith("trong năm qua.")
    assert parsed.byline == "Minh Khoa"
    assert parsed.source_tag == "Baonghean.vn"


CLIP_CREDIT_AND_BARE_DASH = """Công đoàn giúp gia đình chính sách đón xuân

Tin, ảnh, clip: LAN ANH

 - Sáng 2-2, cán bộ Công đoàn Công ty TNHH Hòa Bình đến thăm, tặng quà 5 gia đình chính sách trên địa bàn.

Các cán bộ Công đoàn còn giúp các gia đình dọn dẹp nhà cửa đón Tết.
"""


def test_clip_credit_and_lead_opening_with_a_bare_dash() -> None:
    """"Tin, ảnh, clip:" credits the author (real-test6 916); a lead that opens with a dash lost its tag (921)."""
    parsed = parse_text_dump(CLIP_CREDIT_AND_BARE_DASH)
    assert parsed.byline == "LAN ANH"
    assert parsed.body.startswith("Sáng 2-2, cán bộ Công đoàn")


HONORIFIC_LAST_LINE = """Trao giải thưởng cho công nhân tiêu biểu

Sáng 20-8, Liên đoàn Lao động thành phố trao giải thưởng cho 10 công nhân tiêu biểu có sáng kiến.

Phát biểu tại lễ trao giải, ông Trần Văn Bình nhấn mạnh vai trò của công nhân trong sản xuất.

Ông Trần Văn Bình, Chủ t
"""


def test_last_line_opening_with_an_honorific_is_no_byline() -> None:
    """"Ông X, Chủ t…" (a caption cut short) is article text, not the author (real-test6 917)."""
    parsed = parse_text_dump(HONORIFIC_LAST_LINE)
    assert parsed.byline is None
    assert parsed.body.endswith("Ông Trần Văn Bình, Chủ t")


SLOGAN_IN_CAPITALS = """NHIỆT LIỆT CHÀO MỪNG KỶ NIỆM 95 NĂM NGÀY THÀNH LẬP CÔNG ĐOÀN VIỆT NAM (28/7/1929 - 28/7/2024)!
Công đoàn huyện tặng 80 suất quà cho công nhân khó khăn

Chiều 15-1, Liên đoàn Lao động huyện Đông Sơn tặng 80 suất quà cho công nhân có hoàn cảnh khó khăn đón Tết.
"""


def test_slogan_in_capitals_is_page_chrome() -> None:
    """Any line in capitals ending with "!" over the page is a slogan, never the lead or the title."""
    parsed = parse_text_dump(SLOGAN_IN_CAPITALS)
    assert parsed.title == "Công đoàn huyện tặng 80 suất quà cho công nhân khó khăn"
    assert parsed.body.startswith("Chiều 15-1, Liên đoàn Lao động huyện Đông Sơn")
