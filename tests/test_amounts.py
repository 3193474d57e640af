"""The congdoan_amounts component against sentences written to the annotation guide, and the seed gold.

Each case lists every amount the guide expects in the sentence, as
``(text of the span, kind, value, other fields)``; fields left out must be empty
(``value_max``, ``per``, ``unit``, ``currency`` for non-money) and ``qualifier`` must be
"exact" unless given. Negative cases expect nothing at all.
"""

from __future__ import annotations

import json
import math
from pathlib import Path
from typing import Any

import pytest

import extract.amounts  # noqa: F401  (registers the factory)
from extract.nlp import VietnameseNLP
from extract.spans import fields_of

Expected = tuple[str, str, float, dict[str, Any]]


def E(text: str, kind: str, value: float, **fields: Any) -> Expected:  # noqa: N802 (a table row)
    return text, kind, value, fields


POSITIVE: list[tuple[str, list[Expected]]] = [
    # money
    ("Tổng kinh phí thực hiện chương trình là 3,5 tỷ đồng.", [E("3,5 tỷ đồng", "money", 3.5e9)]),
    # a base named before the sum is its rate's base (issue 11): "Mỗi suất trị giá 500.000 đồng" is per "suất"
    ("Mỗi phần quà trị giá 500.000đ gồm tiền mặt và nhu yếu phẩm.", [E("500.000đ", "money", 5e5, per="phần quà")]),
    ("Số tiền ủng hộ đồng bào vùng lũ là 1,2 tỷ đồng.", [E("1,2 tỷ đồng", "money", 1.2e9)]),
    ("Công ty đã chi hơn 20 tỷ đồng tiền thưởng Tết.", [E("hơn 20 tỷ đồng", "money", 2e10, qualifier="over")]),
    ("Chương trình tặng 2.000 USD cho quỹ học bổng.", [E("2.000 USD", "money", 2000, currency="USD")]),
    ("Nhà tài trợ trao 5.000 đô la Mỹ cho quỹ.", [E("5.000 đô la Mỹ", "money", 5000, currency="USD")]),
    ("Ngân sách dành cho hoạt động này khoảng 2,5 triệu USD.",
     [E("khoảng 2,5 triệu USD", "money", 2.5e6, currency="USD", qualifier="approx")]),
    ("Doanh thu năm nay đạt 1.250 tỷ đồng.", [E("1.250 tỷ đồng", "money", 1.25e12)]),
    ("Tổng cộng 3,2 nghìn tỷ đồng đã được giải ngân.", [E("3,2 nghìn tỷ đồng", "money", 3.2e12)]),
    ("Sáng kiến làm lợi 1 tỷ 250 triệu đồng cho công ty.", [E("1 tỷ 250 triệu đồng", "money", 1.25e9)]),
    ("Mỗi hộ nhận 15 triệu 500 nghìn đồng.", [E("15 triệu 500 nghìn đồng", "money", 15.5e6, per="hộ")]),
    ("Quỹ nhận thêm hai trăm triệu đồng từ các nhà hảo tâm.", [E("hai trăm triệu đồng", "money", 2e8)]),
    ("Tổng giá trị các phần quà là 900 triệu.", [E("900 triệu", "money", 9e8)]),
    ("Giá vé ưu đãi chỉ còn 99.000đ/vé.", [E("99.000đ/vé", "money", 99000, per="vé")]),
    ("Thu nhập bình quân đạt 8,5 triệu đồng/người/tháng.",
     [E("8,5 triệu đồng/người/tháng", "money", 8.5e6, per="người/tháng")]),
    ("Tiền lương bình quân đạt 9 triệu/tháng.", [E("9 triệu/tháng", "money", 9e6, per="tháng")]),
    ("Mỗi suất hỗ trợ 500.000 đồng/suất.", [E("500.000 đồng/suất", "money", 5e5, per="suất")]),
    ("Anh làm lợi gần 2 tỷ đồng mỗi năm.", [E("gần 2 tỷ đồng mỗi năm", "money", 2e9, per="năm", qualifier="approx")]),
    ("Tổng số tiền hỗ trợ lên tới hàng chục tỷ đồng.", [E("hàng chục tỷ đồng", "money", 1e10, qualifier="approx")]),
    ("Giá trị làm lợi ước tính 500 triệu đồng.", [E("ước tính 500 triệu đồng", "money", 5e8, qualifier="approx")]),
    ("Mức hỗ trợ xấp xỉ 3 triệu đồng.", [E("xấp xỉ 3 triệu đồng", "money", 3e6, qualifier="approx")]),
    ("Mức phạt không quá 50 triệu đồng.", [E("không quá 50 triệu đồng", "money", 5e7, qualifier="under")]),
    ("Hộ có thu nhập dưới 2 triệu đồng được hỗ trợ.", [E("dưới 2 triệu đồng", "money", 2e6, qualifier="under")]),
    ("Ủng hộ 300 VNĐ, 20 VND và 50₫.",
     [E("300 VNĐ", "money", 300), E("20 VND", "money", 20), E("50₫", "money", 50)]),
    # ranges
    ("Mỗi đoàn viên được hỗ trợ từ 1 triệu đến 3 triệu đồng.",
     [E("từ 1 triệu đến 3 triệu đồng", "money", 1e6, value_max=3e6)]),
    ("Mức hỗ trợ từ 5 đến 7 triệu đồng mỗi người.",
     [E("từ 5 đến 7 triệu đồng mỗi người", "money", 5e6, value_max=7e6, per="người")]),
    ("Lương khởi điểm 5-7 triệu đồng.", [E("5-7 triệu đồng", "money", 5e6, value_max=7e6)]),
    ("Mức lương công nhân khoảng 5 - 7 triệu.",
     [E("khoảng 5 - 7 triệu", "money", 5e6, value_max=7e6, qualifier="approx")]),
    ("Lãi suất được giảm từ 5% đến 30%.", [E("từ 5% đến 30%", "percent", 5, value_max=30)]),
    ("Khoảng 60 - 70% lao động là nữ.", [E("Khoảng 60 - 70%", "percent", 60, value_max=70, qualifier="approx")]),
    ("Dự kiến có 5 - 7 nghìn lượt người tham gia.",
     [E("5 - 7 nghìn lượt người", "count", 5000, value_max=7000, unit="lượt người")]),
    ("Mỗi tổ có từ 8 đến 12 công nhân.", [E("từ 8 đến 12 công nhân", "count", 8, value_max=12, unit="công nhân")]),
    # percent
    ("Tỷ lệ đoàn viên tham gia đạt 95,6%.", [E("95,6%", "percent", 95.6)]),
    ("Kế hoạch hoàn thành 124,5%.", [E("124,5%", "percent", 124.5)]),
    ("Tỷ lệ tăng trưởng đạt 6,5 phần trăm.", [E("6,5 phần trăm", "percent", 6.5)]),
    ("Trên 90% doanh nghiệp đã ký thỏa ước lao động tập thể.", [E("Trên 90%", "percent", 90, qualifier="over")]),
    ("Chỉ có dưới 10% công nhân có nhà ở ổn định.", [E("dưới 10%", "percent", 10, qualifier="under")]),
    ("Hằng năm có 100% trở lên đơn vị đăng ký thi đua.", [E("100% trở lên", "percent", 100, qualifier="over")]),
    ("Doanh thu đạt 1.250 tỷ đồng, vượt 15% kế hoạch.",
     [E("1.250 tỷ đồng", "money", 1.25e12), E("15%", "percent", 15)]),  # an exact excess (issue 11)
    ("Công đoàn cơ sở có 320 đoàn viên, trong đó nữ chiếm 65%.",
     [E("320 đoàn viên", "count", 320, unit="đoàn viên"), E("65%", "percent", 65)]),
    # counts
    ("Năm 2023, LĐLĐ tỉnh kết nạp mới 12.456 đoàn viên, thành lập 87 CĐCS.",
     [E("12.456 đoàn viên", "count", 12456, unit="đoàn viên"), E("87 CĐCS", "count", 87, unit="CĐCS")]),
    ("Công đoàn đã trao 250 suất học bổng, mỗi suất trị giá 2 triệu đồng.",
     [E("250 suất học bổng", "count", 250, unit="suất học bổng"), E("2 triệu đồng", "money", 2e6, per="suất")]),
    ("Có khoảng 1.200 công nhân lao động tham dự chương trình.",
     [E("khoảng 1.200 công nhân lao động", "count", 1200, unit="công nhân lao động", qualifier="approx")]),
    ("Chương trình hỗ trợ hơn 3.000 vé xe cho công nhân về quê.",
     [E("hơn 3.000 vé xe", "count", 3000, unit="vé xe", qualifier="over")]),
    ("Ban tổ chức nhận được 356 sáng kiến dự thi.", [E("356 sáng kiến", "count", 356, unit="sáng kiến")]),
    ("Hội nghị có sự tham dự của 150 đại biểu.", [E("150 đại biểu", "count", 150, unit="đại biểu")]),
    ("Công đoàn tổ chức 32 lớp tập huấn cho gần 2.500 cán bộ công đoàn.",
     [E("32 lớp tập huấn", "count", 32, unit="lớp tập huấn"),
      E("gần 2.500 cán bộ công đoàn", "count", 2500, unit="cán bộ công đoàn", qualifier="approx")]),
    ("Hai đơn vị được tặng Cờ thi đua.", [E("Hai đơn vị", "count", 2, unit="đơn vị")]),
    ("Ba mươi lăm cá nhân được tặng Bằng khen.", [E("Ba mươi lăm cá nhân", "count", 35, unit="cá nhân")]),
    ("Năm đồng chí được bầu vào Ban Thường vụ.", [E("Năm đồng chí", "count", 5, unit="đồng chí")]),
    ("Hàng trăm đoàn viên tham gia hiến máu tình nguyện.",
     [E("Hàng trăm đoàn viên", "count", 100, unit="đoàn viên", qualifier="approx")]),
    ("Hơn một nghìn công nhân đã được khám sức khỏe.",
     [E("Hơn một nghìn công nhân", "count", 1000, unit="công nhân", qualifier="over")]),
    ("Cuộc thi thu hút 1.125 tác phẩm dự thi.", [E("1.125 tác phẩm", "count", 1125, unit="tác phẩm")]),
    ("Lễ mít tinh có trên 250 LĐ tham dự.", [E("trên 250 LĐ", "count", 250, unit="LĐ", qualifier="over")]),
    ("Hơn 500 lượt đoàn viên được tư vấn pháp luật.",
     [E("Hơn 500 lượt đoàn viên", "count", 500, unit="lượt đoàn viên", qualifier="over")]),
    ("Hơn 70 nghìn lượt khách tham quan triển lãm.",
     [E("Hơn 70 nghìn lượt khách", "count", 70000, unit="lượt khách", qualifier="over")]),
    ("Chi trợ cấp cho 45 trường hợp với số tiền 135 triệu đồng.",
     [E("45 trường hợp", "count", 45, unit="trường hợp"), E("135 triệu đồng", "money", 1.35e8)]),
    ("Đoàn trao 20 xe đạp cho học sinh nghèo.", [E("20 xe đạp", "count", 20, unit="xe đạp")]),
    ("Có 8 em học sinh được nhận học bổng.", [E("8 em học sinh", "count", 8, unit="em học sinh")]),
    ("Tặng 50 bộ quần áo bảo hộ cho công nhân.", [E("50 bộ quần áo", "count", 50, unit="bộ quần áo")]),
    ("Công đoàn giải quyết 17 vụ tranh chấp lao động.", [E("17 vụ tranh chấp", "count", 17, unit="vụ tranh chấp")]),
    ("Huyện sơ tán 1.500 hộ dân đến nơi an toàn.", [E("1.500 hộ dân", "count", 1500, unit="hộ dân")]),
    ("Mỗi suất quà gồm 300.000 đồng tiền mặt và 1 thùng mì.",
     [E("300.000 đồng", "money", 3e5, per="suất quà"), E("1 thùng mì", "count", 1, unit="thùng mì")]),
    ("LĐLĐ tỉnh tặng 1.500 suất quà Tết, trị giá 750 triệu đồng.",
     [E("1.500 suất quà", "count", 1500, unit="suất quà"), E("750 triệu đồng", "money", 7.5e8)]),
    ("Điều lệ quy định công đoàn cơ sở có từ 50 đoàn viên trở lên.",
     [E("từ 50 đoàn viên trở lên", "count", 50, unit="đoàn viên", qualifier="over")]),
    ("Đã có 45/50 CĐCS tổ chức đại hội.", [E("45/50 CĐCS", "count", 45, unit="CĐCS")]),
    ("Anh Nam là 1 trong số 20 cá nhân được khen thưởng.",
     [E("1 trong số 20 cá nhân", "count", 1, unit="cá nhân"), E("20 cá nhân", "count", 20, unit="cá nhân")]),
    ("Toàn tỉnh có 2.345 CĐCS với 156.789 đoàn viên.",
     [E("2.345 CĐCS", "count", 2345, unit="CĐCS"), E("156.789 đoàn viên", "count", 156789, unit="đoàn viên")]),
    ("Công đoàn tổ chức 3 cuộc đối thoại với người sử dụng lao động.",
     [E("3 cuộc đối thoại", "count", 3, unit="cuộc đối thoại")]),
    ("Trong năm 2024 công đoàn ngành trao 12 tivi cho các trường.", [E("12 tivi", "count", 12, unit="tivi")]),
    ("Đơn vị xây dựng 15 “Chuyến xe Công đoàn” đưa công nhân về quê.",
     [E("15 “Chuyến xe Công đoàn”", "count", 15, unit="Chuyến xe Công đoàn")]),
    ("Hội nông dân trao 200 con bò giống cho hộ nghèo.", [E("200 con bò", "count", 200, unit="con bò")]),
    ("Có 1,500 đoàn viên tham gia giải chạy.", [E("1,500 đoàn viên", "count", 1500, unit="đoàn viên")]),
    ("Số đoàn viên tăng từ 1.200 lên 1.500 người.",
     [E("1.200", "count", 1200, unit="người"), E("1.500 người", "count", 1500, unit="người")]),
    ("Lương tăng từ 5 lên 7 triệu đồng.", [E("5", "money", 5e6), E("7 triệu đồng", "money", 7e6)]),
    ("Lớp học có 35 học viên, kéo dài trong 3 ngày.", [E("35 học viên", "count", 35, unit="học viên")]),
    ("Ban Chấp hành gồm 27 ủy viên, Ban Thường vụ 9 ủy viên.",
     [E("27 ủy viên", "count", 27, unit="ủy viên"), E("9 ủy viên", "count", 9, unit="ủy viên")]),
    ("Dự án có tổng vốn 1,2 tỷ USD, tạo việc làm cho khoảng 5.000 lao động.",
     [E("1,2 tỷ USD", "money", 1.2e9, currency="USD"),
      E("khoảng 5.000 lao động", "count", 5000, unit="lao động", qualifier="approx")]),
    ("Hơn 95% công nhân hài lòng với bữa ăn ca trị giá 25.000 đồng/suất.",
     [E("Hơn 95%", "percent", 95, qualifier="over"), E("25.000 đồng/suất", "money", 25000, per="suất")]),
    ("Tổng cộng có 1 triệu 200 nghìn lượt người xem trực tuyến.",
     [E("1 triệu 200 nghìn lượt người", "count", 1.2e6, unit="lượt người")]),
    ("Công nhân được hỗ trợ tiền xăng xe 150 ngàn đồng/tháng.",
     [E("150 ngàn đồng/tháng", "money", 1.5e5, per="tháng")]),
    ("Mỗi phòng trọ được giảm tiền phòng 1 triệu đồng.", [E("1 triệu đồng", "money", 1e6)]),
    ("Buổi đối thoại có 120 đại diện người lao động tham dự.",
     [E("120 đại diện", "count", 120, unit="đại diện")]),
    ("Dịp này, 127 đoàn viên công đoàn được kết nạp.",
     [E("127 đoàn viên công đoàn", "count", 127, unit="đoàn viên công đoàn")]),
    # number words with a scale word and a multi-word noun; a counted noun with a comma inside
    ("Phiên giao dịch giới thiệu ba mươi nghìn vị trí việc làm.",
     [E("ba mươi nghìn vị trí việc làm", "count", 30000, unit="vị trí việc làm")]),
    ("Công ty có 420 an toàn, vệ sinh viên hoạt động hiệu quả.",
     [E("420 an toàn, vệ sinh viên", "count", 420, unit="an toàn, vệ sinh viên")]),
    # "trên" before a route or a medium is "on", before people "over"
    ("Đoàn viên thanh niên dọn rác trên 5 tuyến đường và hỗ trợ trên 200 hộ dân.",
     [E("5 tuyến", "count", 5, unit="tuyến"),
      E("trên 200 hộ dân", "count", 200, unit="hộ dân", qualifier="over")]),
    # real-test3 classes: a price per item with no currency, "xuất" misprinted for "suất", a quoted festive
    # evening, a sum restated in words in brackets (one amount)
    ("Đoàn trao 80 xuất quà (700.000/suất) cho đoàn viên.",
     [E("80 xuất quà", "count", 80, unit="xuất quà"), E("700.000/suất", "money", 7e5, per="suất")]),
    ("Thành phố tổ chức 3 “Đêm hội Trăng rằm” cho thiếu nhi.",
     [E("3 “Đêm hội Trăng rằm”", "count", 3, unit="Đêm hội Trăng rằm")]),
    ("Ngôi nhà trị giá 45.200.000đ (Bốn mươi lăm triệu hai trăm nghìn đồng) được bàn giao.",
     [E("45.200.000đ", "money", 4.52e7)]),
    # a base named right before the sum without a linking verb: "mỗi suất 1 triệu đồng"
    ("Trao 30 suất học bổng, mỗi suất 1 triệu đồng.",
     [E("30 suất học bổng", "count", 30, unit="suất học bổng"), E("1 triệu đồng", "money", 1e6, per="suất")]),
]

NEGATIVE: list[str] = [
    # a month the segmenter glues to the word before it ("ngày Tháng" + "5"), a document number after a slash
    "Cả nước thi đua trong những ngày Tháng 5 lịch sử.",
    "Thực hiện văn bản 2000/hd của công đoàn ngành.",
    # dates and times
    "Ngày 6/10, Tổng Liên đoàn tổ chức hội nghị trực tuyến.",
    "Từ ngày 19 - 23/9, Sở Công Thương tổ chức Tuần hàng nông sản.",
    "Chiều 29-5, Công đoàn Viên chức tỉnh tổ chức tọa đàm.",
    "Lúc 14:30 ngày 20/11/2024, buổi lễ bắt đầu.",
    "Hội nghị khai mạc lúc 8 giờ 30 và kết thúc lúc 11h30.",
    "Thứ Hai, 06/01/2025 - 09:15",
    "06:50 14/02/2025",
    "Chương trình được tổ chức vào tháng 9/2021 tại huyện.",
    "Trong 2 ngày (18 - 19/9), công đoàn đến thăm các gia đình.",
    "Kỷ niệm 70 năm Ngày Giải phóng Thủ đô (10/10/1954 - 10/10/2024).",
    # years and terms
    "Năm 2024, công đoàn tập trung chăm lo Tết cho người lao động.",
    "Đại hội Công đoàn tỉnh nhiệm kỳ 2023 - 2028 thành công tốt đẹp.",
    "Giai đoạn 2021-2030, tỉnh phát triển công nghiệp bền vững.",
    "Năm học 2023 - 2024 đánh dấu một bước tiến trong công tác phối hợp.",
    "Chị sinh năm 1990, quê ở Thanh Hóa.",
    "Ban Chấp hành khóa XIX, nhiệm kỳ 2023-2028 tổ chức kỳ họp thứ 6.",
    # anniversaries and durations
    "Kỷ niệm 133 năm Ngày sinh Chủ tịch Hồ Chí Minh.",
    "Kỷ niệm 95 năm Ngày thành lập Công đoàn Việt Nam.",
    "Sau 2 năm triển khai, mô hình đã phát huy hiệu quả.",
    "Trong 5 năm qua, phong trào thi đua được đẩy mạnh.",
    "Công đoàn đánh giá kết quả 9 tháng đầu năm và triển khai nhiệm vụ 3 tháng cuối năm.",
    "Ông có 30 năm tuổi nghề và hai mươi năm công tác công đoàn.",
    "Qua 12 năm tổ chức, cuộc thi ngày càng lan tỏa; 20 năm Giải thưởng là niềm tự hào.",
    # ordinals and names
    "Khắc phục hậu quả cơn bão số 3, các cấp công đoàn vào cuộc.",
    "Giành hạng Ba toàn đoàn tại Hội thao.",
    "Festival Thu Hà Nội lần thứ 2 năm 2024 sẽ được khai mạc.",
    "Nghị quyết Đại hội XIII của Đảng được quán triệt sâu rộng.",
    "Công ty May 10 tổ chức hội nghị người lao động.",
    "Dịch Covid-19 ảnh hưởng đến việc làm của công nhân.",
    "Việt Nam đóng góp tích cực tại IPU-151.",
    "Dự án nâng cấp Tỉnh lộ 429A được khởi công.",
    "Cụm thi đua số IX tổ chức ký kết giao ước thi đua.",
    "Ngày thơ Việt Nam lần thứ 23 diễn ra tại Văn Miếu.",
    "Hội nghị lần thứ 13 Ban Chấp hành Trung ương Đảng khóa XIII bế mạc.",
    # document numbers
    "Thực hiện Chỉ thị 05-CT/TW của Bộ Chính trị.",
    "Theo Kế hoạch 130/KH-TLĐ của Đoàn Chủ tịch Tổng Liên đoàn.",
    "Quyết định số 1568/QĐ-TLĐ ngày 20/12/2023 của Tổng Liên đoàn.",
    "Nghị quyết 60-NQ/TW và Kết luận 01-KL/TW được triển khai.",
    "Tinh thần Nghị quyết Trung ương 4 (khóa XI, XII) được quán triệt.",
    "Điều 3 Luật Công đoàn năm 2012 quy định rõ.",
    # phone, fax, licence, street numbers, visitor counters
    "Điện thoại: 02373.852.369 ; Fax: 02373.852.369",
    "Liên hệ: 0912 345 678 hoặc 024.3826.1234.",
    "Giấy phép số 06/GP-TTĐT do Sở Thông tin và Truyền thông cấp ngày 01/9/2021.",
    "Địa chỉ: Số 37 - Đại lộ Lê Lợi - Tp. Thanh Hóa",
    "Trụ sở tại số 12 phố Lý Thái Tổ, phòng 201, tầng 3.",
    "Đang online: 6",
    "Đã truy cập: 738615",
    "Hôm nay: 25",
    # ages, abstract counts, articles
    "Anh Nguyễn Văn Bình, 35 tuổi, là công nhân Công ty Samsung.",
    "Công đoàn thực hiện tốt 3 chức năng và 5 nhóm nhiệm vụ trọng tâm.",
    "Bà là một trong những cán bộ tiêu biểu, một tấm gương sáng.",
    "Một số mô hình hay được nhân rộng.",
    "Hàng năm, công đoàn đều tổ chức Tháng Công nhân.",
    "Trong năm đoàn viên công đoàn đóng góp nhiều ý kiến.",
    "Tháng Ba, công nhân được tăng lương.",
    "Thêm 1 triệu Túi An sinh Công đoàn đến với đoàn viên.",
    "Đồng chí Chủ tịch đồng thời là Bí thư Chi bộ.",
    "Công đoàn triển khai mô hình “3 an toàn”, phong trào “5 không” và “2 tốt”.",
    "Cán bộ xã “3 cùng” với người dân vùng ngập lụt.",
    "Quý I/2024 và quý 3 năm nay, Top 10 gương mặt tiêu biểu được vinh danh.",
    "Phường 5, Quận 3; Khu phố 2, ấp 7; ấp Sơn Phú 2A.",
    "Hotline 1900.6789 hỗ trợ người lao động 24/7.",
    "Sáng 20/9 công nhân được nghỉ.",
    "Đoàn thăm Cu Ba Đồng Hới và trường Hai Bà Trưng.",
    "Công đoàn tổ chức “Phiên chợ 0 đồng” cho công nhân.",
    "Năm 2024 bình quân mỗi lao động được thưởng Tết cao hơn.",
]


@pytest.fixture(scope="module")
def nlp() -> VietnameseNLP:
    pipeline = VietnameseNLP(components=())
    pipeline.spacy.add_pipe("congdoan_amounts")
    return pipeline


def extract(nlp: VietnameseNLP, text: str) -> list[tuple[str, dict[str, Any]]]:
    doc = nlp(text)
    return [(span.text, fields_of(span, "amounts")) for span in doc.spans.get("amounts", [])]


def _span_text(nlp: VietnameseNLP, sentence: str, found: str, expected: str) -> str:
    """``found``, or ``expected`` when the span only grew to the end of the token holding the
    amount's last character ("20 tỷ đồng tiền": underthesea has the word "đồng tiền")."""
    start = sentence.find(expected)
    if found != expected and found.startswith(expected) and start >= 0:
        doc = nlp.make_doc(sentence)
        if doc.char_span(start, start + len(expected)) is None:
            return expected
    return found


def _full(expected: Expected) -> dict[str, Any]:
    text, kind, value, extra = expected
    fields = {"kind": kind, "value": value, "value_max": None, "currency": "VND" if kind == "money" else None,
              "unit": None, "per": None, "qualifier": "exact"}
    return {**fields, **extra}


def _same(found: dict[str, Any], wanted: dict[str, Any]) -> bool:
    for key, want in wanted.items():
        got = found.get(key)
        if isinstance(want, (int, float)) and not isinstance(want, bool) and got is not None:
            if not math.isclose(got, want, rel_tol=1e-9):
                return False
        elif got != want:
            return False
    return True


@pytest.mark.parametrize(("sentence", "expected"), POSITIVE, ids=[s[:40] for s, _ in POSITIVE])
def test_amounts_in_sentence(nlp: VietnameseNLP, sentence: str, expected: list[Expected]) -> None:
    found = extract(nlp, sentence)
    texts = [_span_text(nlp, sentence, text, e[0]) for (text, _), e in zip(found, expected)]
    assert texts + [text for text, _ in found[len(expected):]] == [e[0] for e in expected]
    for (text, fields), wanted in zip(found, expected):
        assert _same(fields, _full(wanted)), (text, fields, _full(wanted))
        assert set(fields) == {"kind", "value", "value_max", "currency", "unit", "per", "qualifier"}


@pytest.mark.parametrize("sentence", NEGATIVE, ids=[s[:40] for s in NEGATIVE])
def test_not_amounts(nlp: VietnameseNLP, sentence: str) -> None:
    assert extract(nlp, sentence) == []


def test_span_is_on_the_doc(nlp: VietnameseNLP) -> None:
    doc = nlp("LĐLĐ huyện tặng 160 phần quà, tổng trị giá gần 17 tỷ đồng.")
    spans = doc.spans["amounts"]
    assert [s.label_ for s in spans] == ["AMOUNT", "AMOUNT"]
    assert [s.text for s in spans] == ["160 phần quà", "gần 17 tỷ đồng"]
    assert doc.text[spans[1].start_char:spans[1].end_char] == "gần 17 tỷ đồng"


# -- scoring (the annotation guide's rule) ----------------------------------------------------

def _matches(gold: dict[str, Any], found: dict[str, Any]) -> bool:
    """Kind and value, and for counts the gold noun begins the predicted one or the other way round."""
    if gold["kind"] != found["kind"] or not math.isclose(float(gold["value"]), found["value"], rel_tol=1e-9):
        return False
    if gold["kind"] == "count" and gold.get("unit"):
        g, f = gold["unit"].lower(), (found.get("unit") or "").lower()
        return g.startswith(f) or f.startswith(g) if f else False
    return True


def score(golds: list[dict[str, Any]], found: list[dict[str, Any]]) -> tuple[int, int, int]:
    """True positives, false positives, false negatives; optional gold is never missed."""
    left = list(found)
    tp = fn = 0
    for gold in sorted(golds, key=lambda g: bool(g.get("optional"))):
        hit = next((f for f in left if _matches(gold, f)), None)
        if hit is not None:
            left.remove(hit)
            tp += 1
        elif not gold.get("optional"):
            fn += 1
    return tp, len(left), fn


def prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def test_f1_over_the_sentences(nlp: VietnameseNLP) -> None:
    totals = [0, 0, 0]
    for sentence, expected in POSITIVE + [(s, []) for s in NEGATIVE]:
        golds = [_full(e) for e in expected]
        found = [fields for _, fields in extract(nlp, sentence)]
        for i, n in enumerate(score(golds, found)):
            totals[i] += n
    precision, recall, f1 = prf(*totals)
    print(f"\nsentences: tp={totals[0]} fp={totals[1]} fn={totals[2]} "
          f"P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert f1 >= 0.97


# -- the seed gold ----------------------------------------------------------------------------

def _seed_bodies(shared: Path) -> list[tuple[dict[str, Any], str]]:
    gold_file = shared / "gold" / "seeds-dev.jsonl"
    if not gold_file.is_file():
        pytest.skip(f"{gold_file} is absent: no seed gold to check against")
    out = []
    for line in gold_file.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        gold = json.loads(line)
        text = (shared / "seeds" / gold["doc"]).read_text(encoding="utf-8")
        start = text.index(gold["body_starts"])
        end = text.index(gold["body_ends"], start) + len(gold["body_ends"])
        out.append((gold, f"{gold['title']}\n{text[start:end]}"))
    return out


def test_seed_gold(nlp: VietnameseNLP, shared_dir: Path) -> None:
    totals = [0, 0, 0]
    problems = []
    for gold, body in _seed_bodies(shared_dir):
        doc = nlp(body)
        spans = list(doc.spans.get("amounts", []))
        found = [fields_of(s, "amounts") for s in spans]
        for g in gold["amounts"]:
            hits = [f for f in found if _matches(g, f)]
            if not hits and not g.get("optional"):
                problems.append(f"{gold['doc']}: missed {g['text']!r}")
            for hit in hits[:1]:
                if hit["qualifier"] != g.get("qualifier", "exact"):
                    problems.append(f"{gold['doc']}: {g['text']!r} qualifier {hit['qualifier']}")
                if g["kind"] == "money" and hit["currency"] != g.get("currency", "VND"):
                    problems.append(f"{gold['doc']}: {g['text']!r} currency {hit['currency']}")
        for value in gold["not_amounts"]:
            wrong = [s.text for s, f in zip(spans, found) if math.isclose(f["value"], float(value))
                     and not any(_matches(g, f) for g in gold["amounts"])]
            if wrong:
                problems.append(f"{gold['doc']}: not an amount: {value} in {wrong}")
        for i, n in enumerate(score(gold["amounts"], found)):
            totals[i] += n
    precision, recall, f1 = prf(*totals)
    print(f"\nseeds: tp={totals[0]} fp={totals[1]} fn={totals[2]} P={precision:.3f} R={recall:.3f} F1={f1:.3f}")
    assert not problems, problems
    assert f1 >= 0.97
