<!DOCTYPE html>
<html lang="vi" dir="ltr">
<head>
<meta charset="utf-8">
<meta http-equiv="X-UA-Compatible" content="IE=10">
<title>Tin tức - Sự kiện</title>
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
      <li>Đang online: 6</li>
      <li>Hôm nay: 62</li>
      <li>Đã truy cập: 745834</li>
    </ul>
  </div>
</div>
<div id="content">
  <div class="breadcrumb"><a href="/portal/Pages/default.aspx">Trang chủ</a> &gt; Tin tức - Sự kiện</div>
  <h2 class="cate-title">Tin tức - Sự kiện</h2>
  <div class="news-list">
    <div class="no-item">Không có tin bài.</div>
  </div>
  <div class="paging"></div>
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
