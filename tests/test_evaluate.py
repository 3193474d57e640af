"""The scorer's counting rules (pipeline.evaluate), on items written here."""

from __future__ import annotations

from pipeline.evaluate import DocResult, Report, match_items


def amount(text: str, value: float, optional: bool = False) -> dict:
    item = {"text": text, "kind": "money", "value": value, "currency": "VND", "qualifier": "exact"}
    return {**item, "optional": True} if optional else item


def scored(kind: str, gold: list[dict], pred: list[dict]) -> tuple[Report, DocResult]:
    report, doc = Report(), DocResult("case.txt", found=True)
    match_items(kind, gold, pred, report, doc)
    return report, doc


def test_a_textual_copy_of_an_annotated_amount_is_counted_apart() -> None:
    gold = [amount("2 tỷ đồng", 2e9)]
    report, doc = scored("amounts", gold, [amount("2 tỷ đồng", 2e9), amount("2 Tỷ  đồng", 2e9)])
    score = report.scores["amounts"]
    assert (score.tp, score.fp, score.fn, score.restated) == (1, 0, 0, 1)
    assert [d["text"] for d in doc.restated] == ["2 Tỷ  đồng"]


def test_a_copy_in_other_words_or_of_another_value_is_still_wrong() -> None:
    gold = [amount("2 tỷ đồng", 2e9)]
    report, _ = scored("amounts", gold, [amount("2 tỷ đồng", 2e9), amount("2.000 triệu đồng", 2e9),
                                         amount("3 tỷ đồng", 3e9)])
    score = report.scores["amounts"]
    assert (score.tp, score.fp, score.restated) == (1, 2, 0)


def test_distinct_facts_of_equal_value_are_each_required() -> None:
    gold = [amount("2 tỷ đồng", 2e9), amount("2 tỷ đồng", 2e9)]
    report, _ = scored("amounts", gold, [amount("2 tỷ đồng", 2e9)])
    score = report.scores["amounts"]
    assert (score.tp, score.fn, score.restated) == (1, 1, 0)


def test_an_award_told_twice_is_one_right_and_one_wrong() -> None:
    award = {"form": "Bằng khen", "awarder": "Tổng Liên đoàn Lao động Việt Nam", "recipients": []}
    report, _ = scored("awards", [award], [award, dict(award)])
    score = report.scores["awards"]
    assert (score.tp, score.fp, score.restated) == (1, 1, 0)


def test_a_quoted_title_matches_with_either_kind_of_quotes() -> None:
    def award(form: str) -> dict:
        return {"form": form, "awarder": None, "recipients": [], "recipient_count": 3,
                "recipient_kind": "individual", "occasion": None}

    report, _ = scored("awards", [award("danh hiệu “Lao động giỏi”")], [award('danh hiệu "Lao động giỏi"')])
    assert (report.scores["awards"].tp, report.scores["awards"].fp) == (1, 0)
    report, _ = scored("awards", [award("danh hiệu “Lao động giỏi”")], [award('danh hiệu "Thợ giỏi"')])
    assert (report.scores["awards"].tp, report.scores["awards"].fp) == (0, 1)
