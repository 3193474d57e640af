"""Vietnamese date lines as news pages print them."""

from datetime import datetime

import pytest

from extract.dates import date_from_url, parse_iso_datetime, parse_vietnamese_date


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Thứ Sáu, 02/06/2023 22:06", datetime(2023, 6, 2, 22, 6)),
        ("Thứ Tư, ngày 29/05/2024 | 17:22", datetime(2024, 5, 29, 17, 22)),
        ("ngày 29-5-2024", datetime(2024, 5, 29)),
        ("22:06 | 02/06/2023", datetime(2023, 6, 2, 22, 6)),
        ("08:15 29/05/2024", datetime(2024, 5, 29, 8, 15)),
        ("12/01/2022 - 07h45", datetime(2022, 1, 12, 7, 45)),
        ("Cập nhật lúc 03:30 CH, 01/06/2024", datetime(2024, 6, 1, 15, 30)),
        ("Ngày 9 tháng 10 năm 2021", datetime(2021, 10, 9)),
        ("Chủ nhật, 05/11/2023, 09:00 (GMT+7)", datetime(2023, 11, 5, 9, 0)),
        ("2024-05-29 17:22", datetime(2024, 5, 29, 17, 22)),
    ],
)
def test_vietnamese_formats(text, expected):
    assert parse_vietnamese_date(text) == expected


@pytest.mark.parametrize("text", ["", None, "Tin tức công đoàn", "31/02/2024", "99/99/9999", "Số 12/2024"])
def test_no_date(text):
    assert parse_vietnamese_date(text) is None


def test_day_month_order_is_vietnamese():
    assert parse_vietnamese_date("03/04/2024") == datetime(2024, 4, 3)


def test_date_in_url():
    assert date_from_url("https://ldld.example.vn/portal/pages/2024-05-29/bai-viet.aspx") == datetime(2024, 5, 29)
    assert date_from_url("https://x.vn/2023/06/02/cong-doan/") == datetime(2023, 6, 2)
    assert date_from_url("https://x.vn/tin-123456.html") is None


def test_iso_keeps_printed_local_time():
    assert parse_iso_datetime("2024-05-29T17:22:00+07:00") == datetime(2024, 5, 29, 17, 22)
    assert parse_iso_datetime("not a date") is None
