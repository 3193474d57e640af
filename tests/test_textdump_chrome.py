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
