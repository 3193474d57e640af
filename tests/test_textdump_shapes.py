"""The text-dump filter on shapes found on real pages (import rounds 4 and 5), in synthetic dumps."""

from __future__ import annotations

import pytest

from extract.textdump import parse_text_dump

_PROSE = ("Chương trình nhằm động viên đoàn viên, người lao động có hoàn cảnh khó khăn vươn lên trong cuộc sống. "
          "Mỗi phần quà trị giá 500.000 đồng.")
_MORE = "Dịp này, công đoàn cũng thăm hỏi các gia đình công nhân bị tai nạn lao động trong năm qua."


@pytest.mark.parametrize(("text", "title", "byline", "starts"), [
    # a sapo tagged with a paper's name in mixed case is the lead
    (f"Mở bếp ăn công đoàn\n\nThu Hà\n\n(Dân trí) - Bếp ăn phục vụ 300 suất cơm mỗi ngày\n\n{_PROSE}\n\n{_MORE}",
     "Mở bếp ăn công đoàn", "Thu Hà", "Bếp ăn phục vụ"),
    # markdown marks ("# ", "**", links) are no text; a source line naming a domain is no text
    (f"# Mở bếp ăn công đoàn\n\n**Thu Hà**\n\n{_PROSE}\n\n[Công đoàn](https://x.vn/a) tặng quà.\n{_MORE}\nNguồn: laodong.vn",
     "Mở bếp ăn công đoàn", "Thu Hà", "Chương trình"),
    (f"Chợ tết công đoàn - Báo Lao Động\n{_PROSE}\n{_MORE}", "Chợ tết công đoàn", None, "Chương"),  # a site's name
    (f"(Đ/c Trần Văn Bình – Chủ tịch Công đoàn ngành (phải) trao nhà cho đoàn viên)\n{_PROSE}\n{_MORE}\nHà Thu",
     None, "Hà Thu", "(Đ/c Trần Văn Bình"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nThực hiện: H.Lan - Q.Minh", "Chợ tết công đoàn", "H.Lan - Q.Minh", "Chương"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nVP LĐLĐ tỉnh.", "Chợ tết công đoàn", "VP LĐLĐ tỉnh.", "Chương"),  # credits
])
def test_round4_shapes(text: str, title: str | None, byline: str, starts: str) -> None:
    dump = parse_text_dump(text)
    assert (dump.title, dump.byline) == (title, byline)
    assert dump.body.startswith(starts) and dump.body.endswith(("trong năm qua.", "2. Bà Trần Thị"))  # a cut item stays
    assert "Công đoàn tặng quà." in dump.body or "[" not in dump.body


@pytest.mark.parametrize(("text", "title", "byline", "starts"), [
    # a section, a headline with a comma and an untagged-bracket sapo run together on a dump's date line
    (f"date 2025-11-02 Xã hội Công đoàn phường Tân An thăm hỏi, tặng quà công nhân bị lũ QNO - Ngày 2/11, "
     f"công đoàn phường đến thăm các gia đình. {_PROSE}\n{_MORE}",
     "Công đoàn phường Tân An thăm hỏi, tặng quà công nhân bị lũ", None, "Ngày 2/11, công đoàn"),
    # a dump's date line running a section, the headline and an undated lead together
    (f"date 2025-11-10 Lao động Công nhân Cao Bằng vui Bữa cơm Công đoàn Những ngày qua, các công đoàn cơ sở trên "
     f"địa bàn đã tổ chức bữa cơm ấm cúng cho hàng nghìn công nhân lao động tại doanh nghiệp. {_PROSE}\n{_MORE}",
     "Công nhân Cao Bằng vui Bữa cơm Công đoàn", None, "Những ngày qua, các công đoàn"),
    # a source credit with a trailing colon closes the article
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nNguồn tin: Hoàng Lan:", "Chợ tết công đoàn", "Hoàng Lan", "Chương"),
    # the paper's tag after the author on the date line (spelt without the bar of Đ)
    (f"Chợ tết công đoàn\nThu Hà LDO | 05/05/2017 15:33\n{_PROSE}\n{_MORE}", "Chợ tết công đoàn", "Thu Hà", "Chương"),
    # a news agency after the author, in brackets or after a slash; an affiliation naming a station stays whole
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nHỒNG NHUNG (TTXVN)", "Chợ tết công đoàn", "HỒNG NHUNG", "Chương"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nThu Hà/TTXVN", "Chợ tết công đoàn", "Thu Hà", "Chương"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nLê Văn An - Trạm VOV", "Chợ tết công đoàn", "Lê Văn An - Trạm VOV", "Chương"),
    # a page cut short: a numbered item or one plain word at the end is no credit
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\n2. Bà Trần Thị", "Chợ tết công đoàn", None, "Chương"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\n------------\nHội", "Chợ tết công đoàn", None, "Chương"),
    # a blog platform's comment form ends the article
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\nĐể lại một bình luận\nEmail của bạn sẽ không được hiển thị công khai.",
     "Chợ tết công đoàn", None, "Chương"),
    (f"Chợ tết công đoàn\n{_PROSE}\n{_MORE}\n------------\nTin, ảnh: THU HÀ", "Chợ tết công đoàn", "THU HÀ", "Chương"),
    # two related headlines run together in a table cell between the title and the lead: no article text
    (f"Chợ tết công đoàn\nPhường An Lạc hoàn thành sửa chữa 4 tuyến đường nội bộ Phường An Lạc tổ chức "
     f"nhiều hoạt động chăm lo cho gia đình chính sách |\n{_PROSE}\n{_MORE}", "Chợ tết công đoàn", None, "Chương"),
])
def test_round5_shapes(text: str, title: str | None, byline: str | None, starts: str) -> None:
    dump = parse_text_dump(text)
    assert (dump.title, dump.byline) == (title, byline)
    assert dump.body.startswith(starts) and dump.body.endswith(("trong năm qua.", "2. Bà Trần Thị"))  # a cut item stays
