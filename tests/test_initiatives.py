"""The congdoan_initiatives component: movements and models named in quotes."""

from __future__ import annotations

from typing import Any

import pytest

from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import initiative_rows
from core.config import SHARED_DIR

TLD = "Tổng Liên đoàn Lao động Việt Nam"
Found = tuple[str, str, str | None]  # (kind, name, unit)


@pytest.fixture(scope="module")
def nlp() -> VietnameseNLP:
    return VietnameseNLP()


def initiatives(nlp: VietnameseNLP, text: str, **context: Any) -> list[Found]:
    doc = nlp(text, ArticleContext(**context))
    return [(kind, row["name"], row["unit"]) for kind in ("movements", "models") for row in initiative_rows(doc, kind)]


CASES: list[tuple[str, list[Found]]] = [
    ("LĐLĐ tỉnh Hải Dương phát động phong trào thi đua “Lao động giỏi, lao động sáng tạo” trong CNVCLĐ.",
     [("movements", "Lao động giỏi, lao động sáng tạo", "Liên đoàn Lao động tỉnh Hải Dương")]),
    ("Công đoàn Viên chức tỉnh Hậu Giang ra mắt mô hình “3V”.",
     [("models", "3V", "Công đoàn Viên chức tỉnh Hậu Giang")]),
    # a list after an introducer: one model per pair of quotes
    ("Nhiều công đoàn cơ sở xây dựng các mô hình học tập và làm theo lời Bác như: “Bữa cơm công đoàn”, "
     "“Tủ sách đoàn viên” và “Chuyến xe nghĩa tình”.",
     [("models", "Bữa cơm công đoàn", None), ("models", "Tủ sách đoàn viên", None),
      ("models", "Chuyến xe nghĩa tình", None)]),
    # commas inside one pair of quotes belong to the name
    ("Các xã nhân rộng mô hình “Chính quyền thân thiện, gần dân” và “Công sở văn minh”.",
     [("models", "Chính quyền thân thiện, gần dân", None), ("models", "Công sở văn minh", None)]),
    # straight quotes with a space inside, guillemets, a stray empty pair
    ('Phong trào thi đua " Giỏi việc nước, đảm việc nhà" được duy trì.',
     [("movements", "Giỏi việc nước, đảm việc nhà", None)]),
    ("Đoàn viên hưởng ứng cuộc vận động «Người Việt Nam ưu tiên dùng hàng Việt Nam».",
     [("movements", "Người Việt Nam ưu tiên dùng hàng Việt Nam", None)]),
    ("Các đơn vị tham gia phong trào thi đua “”Xanh - Sạch - Đẹp” trong năm.",
     [("movements", "Xanh - Sạch - Đẹp", None)]),
    # the unit after the name: "do X phát động"
    ("Phong trào thi đua “Vượt khó, sáng tạo” do Tổng LĐLĐ Việt Nam phát động đã lan tỏa.",
     [("movements", "Vượt khó, sáng tạo", TLD)]),
    # a unit in brackets is an apposition, not the one that runs the model
    ("Công đoàn cơ sở Trường THPT Chu Văn An (LĐLĐ thành phố Hà Nội) duy trì mô hình “Góc sách công đoàn”.",
     [("models", "Góc sách công đoàn", "Công đoàn cơ sở Trường THPT Chu Văn An")]),
    # each trigger owns the quotes after it
    ("Phong trào “Xanh hóa công sở” gắn với mô hình “Công sở xanh”.",
     [("movements", "Xanh hóa công sở", None), ("models", "Công sở xanh", None)]),
    ("Các phong trào thi đua, các cuộc vận động như: “Tiết kiệm điện”, “Nói không với rác thải nhựa” được "
     "hưởng ứng.",
     [("movements", "Tiết kiệm điện", None), ("movements", "Nói không với rác thải nhựa", None)]),
    # not movements or models
    ("Hội nghị chuyên đề “Nâng chất lượng phong trào thi đua” được tổ chức.", []),
    ("Phong trào được các cấp công đoàn tổ chức thực hiện rộng khắp với nhiều hoạt động như hội thi "
     "“Tay nghề giỏi”.", []),
    ("Phong trào thi đua yêu nước được đẩy mạnh.", []),
    ("Các đơn vị đăng ký mô hình “” trước ngày 30/6.", []),
    ("Phong trào thi đua được triển khai sâu rộng. “Mỗi đoàn viên là một chiến sĩ” là khẩu hiệu của năm.", []),
]


@pytest.mark.parametrize("text,expected", CASES, ids=[t[:40] for t, _ in CASES])
def test_cases(nlp: VietnameseNLP, text: str, expected: list[Found]) -> None:
    assert initiatives(nlp, text) == expected


def test_case_scores(nlp: VietnameseNLP) -> None:
    """Precision and recall of (kind, name) over the cases."""
    tp = n_gold = n_pred = 0
    for text, expected in CASES:
        gold = {(k, n) for k, n, _ in expected}
        pred = {(k, n) for k, n, _ in initiatives(nlp, text)}
        tp, n_gold, n_pred = tp + len(gold & pred), n_gold + len(gold), n_pred + len(pred)
    precision, recall = tp / n_pred, tp / n_gold
    print(f"\ninitiatives on the cases: P={precision:.3f} R={recall:.3f}")
    assert precision >= 0.9 and recall >= 0.9


def test_span_covers_trigger_and_name(nlp: VietnameseNLP) -> None:
    doc = nlp("Các xã nhân rộng mô hình “Bữa cơm ca” và “Góc sách”.")
    assert [s.text for s in doc.spans["models"]] == ["mô hình “Bữa cơm ca”", "mô hình “Bữa cơm ca” và “Góc sách”"]


def test_seeds(nlp: VietnameseNLP) -> None:
    seeds = SHARED_DIR / "seeds"
    if not seeds.is_dir():
        pytest.skip(f"the shared seeds are absent ({seeds})")
    # read off the seed texts by hand: every quoted name after mô hình / phong trào / cuộc vận động
    expected = {
        "000_ad89d6080852b568.txt": ("models", 5, "Hạt gạo nghĩa tình"),
        "001_a31939fca0a7179e.txt": ("movements", 5, "Giỏi việc nước, đảm việc nhà"),
        "004_ab7b83628f01d6bf.txt": ("models", 2, "3V"),
    }
    for name, (kind, count, example) in expected.items():
        found = [n for k, n, _ in initiatives(nlp, (seeds / name).read_text(encoding="utf-8")) if k == kind]
        assert len(found) == count and example in found, (name, found)
