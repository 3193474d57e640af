<!DOCTYPE html>
<html lang="vi" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=10">
<title>Công đoàn huyện Như Xuân đẩy mạnh phong trào thi đua “Lao động giỏi, lao động sáng tạo”</title>
<link rel="stylesheet" type="text/css" href="/_layouts/15/1033/styles/Themable/corev15.css">
<link rel="stylesheet" type="text/css" href="/Style%20Library/ldld/css/portal.css">
<script type="text/javascript">var _spPageContextInfo = {webServerRelativeUrl: "/portal", siteId: 1568, userId: 0, currentLanguage: 1066};</script>
</head>
<body>
<form method="post" action="#" id="aspnetForm">
<input type="hidden" name="__VIEWSTATE" id="__VIEWSTATE" value="/wEPDwUBMA9kFgJmD2QWAgIBD2QWAgIDDxYCHgdWaXNpYmxlaGRk">
<div id="s4-workspace">
<div id="header">
  <div class="banner">
    <div class="banner-org">Sở Thông tin và Truyền thông Thanh Hóa</div>
    <div class="banner-title">LIÊN ĐOÀN LAO ĐỘNG TỈNH THANH HÓA</div>
    <div class="banner-slogan">CÔNG NHÂN, VIÊN CHỨC, LAO ĐỘNG CHUNG SỨC, HIỆN THỰC HÓA KHÁT VỌNG XÂY DỰNG QUÊ HƯƠNG THANH HÓA VĂN MINH, THỊNH VƯỢNG</div>
  </div>
  <div id="menu">
    <ul>
      <li><a href="/portal/Pages/default.aspx">Trang chủ</a></li>
      <li><a href="/portal/Pages/Gioi-thieu.aspx">Giới thiệu</a></li>
      <li class="selected"><a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></li>
      <li><a href="/portal/Pages/Van-ban.aspx">Văn bản</a></li>
      <li><a href="/portal/Pages/Thu-vien-anh.aspx">Thư viện ảnh</a></li>
      <li><a href="/portal/Pages/Lien-he.aspx">Liên hệ</a></li>
    </ul>
  </div>
</div>
<div id="main">
<div id="left">
  <div class="box">
    <div class="box-title">Chuyên mục</div>
    <ul>
      <li><a href="/portal/Pages/Tin-tuc.aspx">Hoạt động Công đoàn</a></li>
      <li><a href="/portal/Pages/Tin-co-so.aspx">Tin cơ sở</a></li>
      <li><a href="/portal/Pages/Chinh-sach-phap-luat.aspx">Chính sách pháp luật</a></li>
      <li><a href="/portal/Pages/Guong-dien-hinh.aspx">Gương điển hình tiên tiến</a></li>
    </ul>
  </div>
  <div class="box box-counter">
    <ul>
      <li class="title">Thống kê truy cập</li>
      <li>Đang online: 9</li>
      <li>Hôm nay: 64</li>
      <li>Đã truy cập: 741183</li>
    </ul>
  </div>
</div>
<div id="content">
  <div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; <a href="/portal/Pages/Tin-tuc.aspx">Tin tức - Sự kiện</a></div>
  <div id="ctl00_PlaceHolderMain_divNewsDetail" class="news-detail">
    <h1 class="news-title">Công đoàn huyện Như Xuân đẩy mạnh phong trào thi đua “Lao động giỏi, lao động sáng tạo”</h1>
    <div class="news-date">Cập nhật lúc 08:30 ngày 15/05/2023</div>
    <div class="news-content">
      <p class="sapo" style="text-align: justify;"><strong>Những năm qua, Liên đoàn Lao động huyện Như Xuân đã chỉ đạo các công đoàn cơ sở phối hợp với chuyên môn đồng cấp tổ chức phong trào thi đua “Lao động giỏi, lao động sáng tạo” gắn với nhiệm vụ chính trị của từng cơ quan, đơn vị.</strong></p>
      <p style="text-align: justify;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Đến nay, LĐLĐ huyện có 86 công đoàn cơ sở với 3.412 đoàn viên. Hằng năm, 100% công đoàn cơ sở phát động thi đua ngay từ đầu năm, đăng ký các phần việc, công trình cụ thể chào mừng các ngày lễ lớn của đất nước và địa phương.</p>
      <p style="text-align: justify;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Phong trào thu hút đông đảo cán bộ, giáo viên, nhân viên y tế tham gia. Trong 3 năm (2020-2022), đoàn viên trong huyện có 1.250 sáng kiến, giải pháp được hội đồng các cấp công nhận, trong đó 46 sáng kiến được áp dụng rộng rãi trong toàn tỉnh.</p>
      <p style="text-align: center;"><img src="/portal/PublishingImages/183245_1.jpg" alt="" width="600"></p>
      <p style="text-align: center;"><em>Lãnh đạo LĐLĐ huyện trao Giấy khen cho các tập thể có thành tích xuất sắc</em></p>
      <p style="text-align: justify;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Kết quả, trên 60 tập thể và hàng trăm cá nhân được các cấp khen thưởng. Công đoàn cơ sở Trường THPT Như Xuân và Công đoàn cơ sở Bệnh viện Đa khoa huyện Như Xuân là 2 trong số 35 tập thể được Ban Chấp hành LĐLĐ tỉnh tặng Bằng khen năm 2022.</p>
      <p style="text-align: justify;">&nbsp;&nbsp;&nbsp;&nbsp;&nbsp;&nbsp; Thời gian tới, LĐLĐ huyện tiếp tục đổi mới nội dung, hình thức tổ chức phong trào, kịp thời biểu dương, nhân rộng điển hình tiên tiến, góp phần thực hiện thắng lợi Nghị quyết Đại hội Công đoàn huyện lần thứ XXIII, nhiệm kỳ 2023-2028./.</p>
      <div class="print-tools"><a href="javascript:window.print()">In bài</a> | <a href="#">Gửi email</a> | <a href="#top">Về đầu trang</a></div>
    </div>
    <p class="news-author" style="text-align: right;"><strong>Lê Thị Hằng – LĐLĐ huyện Như Xuân</strong></p>
    <div class="other-news">
      <h3>Các tin khác</h3>
      <ul>
        <li><a href="/portal/pages/2025-07-28/LDLD-tinh-Thanh-Hoa-gap-mat-ky-niem-96-nam-Ngay-thanh-lap-Cong-doan-Viet-Nam-215630.aspx">LĐLĐ tỉnh Thanh Hóa gặp mặt kỷ niệm 96 năm Ngày thành lập Công đoàn Việt Nam</a> <span class="date">(28/07/2025)</span></li>
        <li><a href="/portal/pages/2024-10-10/Cong-doan-nganh-Giao-duc-bieu-duong-120-nha-giao-tieu-bieu-201457.aspx">Công đoàn ngành Giáo dục biểu dương 120 nhà giáo tiêu biểu năm học 2023-2024</a> <span class="date">(10/10/2024)</span></li>
        <li><a href="/portal/pages/2024-01-30/LDLD-tinh-trao-1200-suat-qua-Tet-Giap-Thin-cho-doan-vien-nguoi-lao-dong-192811.aspx">LĐLĐ tỉnh trao 1.200 suất quà Tết Giáp Thìn cho đoàn viên, người lao động</a> <span class="date">(30/01/2024)</span></li>
      </ul>
    </div>
  </div>
</div>
<div id="right">
  <div class="box">
    <div class="box-title">Tin cơ sở</div>
    <ul class="news-base">
      <li><a href="/portal/Pages/Tin-co-so.aspx?ItemID=1452">LĐLĐ thị xã Nghi Sơn trao 50 suất quà cho công nhân lao động</a><p>Mỗi suất quà trị giá 500.000 đồng, tổng trị giá 25 triệu đồng.</p></li>
      <li><a href="/portal/Pages/Tin-co-so.aspx?ItemID=1460">Công đoàn ngành Nông nghiệp và PTNT tổ chức Hội nghị đại biểu người lao động</a><p>Hội nghị có 150 đại biểu, đại diện cho hơn 2.300 đoàn viên.</p></li>
      <li><a href="/portal/Pages/Tin-co-so.aspx?ItemID=1471">LĐLĐ thành phố Sầm Sơn hỗ trợ đoàn viên bị tai nạn lao động</a><p>Ba đoàn viên bị tai nạn lao động được hỗ trợ tổng cộng 30 triệu đồng.</p></li>
      <li><a href="/portal/Pages/Tin-co-so.aspx?ItemID=1488">Công đoàn Viên chức tỉnh khen thưởng 18 tập thể xuất sắc</a><p>18 tập thể, 27 cá nhân được tặng Giấy khen vì có thành tích trong công tác công đoàn năm 2023.</p></li>
    </ul>
  </div>
  <div class="box">
    <div class="box-title">Văn bản mới</div>
    <ul class="docs">
      <li><a href="/portal/VanBan/Lists/VanBan/Attachments/312/KH-45-LDLD.pdf">Kế hoạch số 45/KH-LĐLĐ ngày 12/3/2024 tổ chức Tháng Công nhân năm 2024</a></li>
      <li><a href="/portal/VanBan/Lists/VanBan/Attachments/318/CV-1120-LDLD.pdf">Công văn số 1120/LĐLĐ ngày 05/9/2024 về hỗ trợ đoàn viên bị ảnh hưởng bởi bão số 3</a></li>
      <li><a href="/portal/VanBan/Lists/VanBan/Attachments/330/QD-2456-LDLD.pdf">Quyết định số 2456/QĐ-LĐLĐ ngày 20/12/2024 về khen thưởng tổng kết năm</a></li>
    </ul>
  </div>
  <div class="box">
    <div class="box-title">Liên kết website</div>
    <ul><li><a href="/lien-ket/tong-ldld">Tổng Liên đoàn Lao động Việt Nam</a></li><li><a href="/lien-ket/thanhhoa">Cổng thông tin điện tử tỉnh Thanh Hóa</a></li></ul>
  </div>
</div>
</div>
<div id="footer">
  <p><b>Trang thông tin điện tử Liên đoàn Lao động tỉnh Thanh Hóa</b></p>
  <p>Giấy phép số 06/GP-TTĐT do Sở Thông tin và Truyền thông tỉnh Thanh Hóa cấp ngày 01/9/2021</p>
  <p>Địa chỉ: Số 37 - Đại lộ Lê Lợi - TP Thanh Hóa</p>
  <p>Điện thoại: 02373.852.369 ; Fax: 02373.852.369; Email: congdoanthanhhoa@thanhhoa.sample.example</p>
  <p>Website được thiết kế bởi Trung tâm Công nghệ thông tin và truyền thông Thanh Hóa</p>
</div>
</div>
</form>
<script type="text/javascript">//<![CDATA[
var g_visitCount = 738615; function ProcessImn(){}
//]]></script>
</body>
</html>
