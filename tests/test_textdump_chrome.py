"""Page chrome between a headline and its lead: a follow-us bar and an audio player's clock are noise,
never the title (real-test5: a provincial paper's page with its player under the byline)."""

from __future__ import annotations

from extract.textdump import parse_text_dump

PLAYER_PAGE = """Video Báo Ảnh Podcast

Xã hội

Bữa cơm công đoàn ấm áp tại Công ty may Hòa Thịnh

Theo dõi Báo Quảng Ngãi trên Google News
TRẦN VY
0:00 / 0:00
0:00

(QNO)- Tối 12-1, Liên đoàn Lao động tỉnh tổ chức bữa cơm công đoàn cho 300 đoàn viên đang làm việc tại công ty.

Dịp này, công đoàn cơ sở trao 30 suất quà cho công nhân có hoàn cảnh khó khăn, mỗi suất 1 triệu đồng.
"""

FOLLOW_BAR_FIRST = """Theo dõi Báo Bình Phước trên
(BPO) -
Tại nhà văn hóa khu phố 3, Liên đoàn Lao động thị xã trao 80 phần quà Tết cho công nhân ở trọ không về quê.
Các đại biểu chúc công nhân đón Tết vui tươi, đầm ấm và tiếp tục gắn bó với doanh nghiệp.
Thanh Hà
"""


def test_player_clock_and_follow_bar_are_no_title() -> None:
    parsed = parse_text_dump(PLAYER_PAGE)
    assert parsed.title == "Bữa cơm công đoàn ấm áp tại Công ty may Hòa Thịnh"
    assert parsed.byline == "TRẦN VY"
    assert "0:00" not in parsed.body and "Theo dõi" not in parsed.body


def test_follow_bar_alone_on_top_is_no_title() -> None:
    parsed = parse_text_dump(FOLLOW_BAR_FIRST)
    assert parsed.title is None
    assert parsed.body.startswith("Tại nhà văn hóa khu phố 3")


SAPO_TWICE = """Liên đoàn Lao động tỉnh Bến Tre vừa tổ chức gặp mặt 25 công nhân lao động có nhiều sáng kiến cải tiến kỹ thuật, góp phần nâng cao năng suất và chất lượng sản phẩm của doanh nghiệp trong năm qua.

Bến Tre: Gặp mặt 25 công nhân có sáng kiến cải tiến kỹ thuật năm 2024

Lê Hòa | 12/10/2024, 09:15

Liên đoàn Lao động tỉnh Bến Tre vừa tổ chức gặp mặt 25 công nhân lao động có nhiều sáng kiến cải tiến kỹ thuật, góp phần nâng cao năng suất và chất lượng sản phẩm của doanh nghiệp trong năm qua.

Tại buổi gặp mặt, mỗi công nhân được hỗ trợ 2 triệu đồng để tiếp tục nghiên cứu sáng kiến mới.
"""


def test_headline_between_two_copies_of_the_sapo_is_the_title() -> None:
    """The dump opens with the sapo, then the headline, the author and the sapo again (real-test5)."""
    parsed = parse_text_dump(SAPO_TWICE)
    assert parsed.title == "Bến Tre: Gặp mặt 25 công nhân có sáng kiến cải tiến kỹ thuật năm 2024"
    assert parsed.body.startswith("Liên đoàn Lao động tỉnh Bến Tre vừa tổ chức")
    assert parsed.body.count("vừa tổ chức gặp mặt") == 1 and "Bến Tre: Gặp mặt" not in parsed.body


CUT_IN_HEADLINE = """Hàng trăm công nhân ở Quảng Ngãi được lì xì đầu năm mới

(NLĐO) – Chiều 4-2, Liên đoàn Lao động tỉnh thăm hỏi, lì xì cho hàng trăm công nhân trở lại làm việc sau Tết Nguyên đán.

Lãnh đạo Liên đoàn Lao động tỉnh mong công nhân giữ gìn sức khỏe, yên tâm gắn bó với doanh nghiệp trong năm mới.

Hàng trăm công nhân ở Quảng Ngãi được
"""


def test_headline_printed_again_and_cut_short_ends_nothing() -> None:
    """A copied page ending inside the headline printed again (a caption): that stub is no article text."""
    parsed = parse_text_dump(CUT_IN_HEADLINE)
    assert parsed.body.endswith("gắn bó với doanh nghiệp trong năm mới.")


SOURCE_LINK_AND_FORM = """Công đoàn huyện Krông Pắc thăm công nhân dịp Tết

Chiều 25-1, Liên đoàn Lao động huyện Krông Pắc thăm hỏi, tặng 60 suất quà cho công nhân ở trọ không về quê ăn Tết.

Mỗi suất quà gồm 500.000 đồng tiền mặt và nhu yếu phẩm thiết yếu cho những ngày Tết.
z6856201060592-accd12128
Xem bản gốc tại đây
Đăng thảo luận
"""


def test_source_link_discussion_form_and_cut_photo_name_are_no_text() -> None:
    """A cut chat-app photo name, "Xem bản gốc tại đây" and "Đăng thảo luận" under the article (real-test5)."""
    parsed = parse_text_dump(SOURCE_LINK_AND_FORM)
    assert parsed.body.endswith("cho những ngày Tết.")
