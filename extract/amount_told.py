"""Which amounts found are told as facts: not a figure cut with the copy, a sum restated in words, a limit or an
entitlement, a group or a count told before and pointed back to, nor a quoted name written again."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from extract.amount_rules import AmountRules

_WORD_CHAR = re.compile(r"\w")


@dataclass
class Amount:
    start: int
    end: int
    fields: dict[str, Any] = field(default_factory=dict)


def told(text: str, amounts: list[Amount], amount: Amount, rules: AmountRules) -> bool:
    """Whether ``amount`` (found after ``amounts``) is told as a fact of its own."""
    return not _cut_at_end(text, amount, rules) and not _restated(text, amounts, amount) \
        and not _limit(text, amount, rules) and not _group_again(text, amounts, amount, rules) \
        and not _referred_back(text, amounts, amount, rules) and not _name_again(text, amount, rules)


def _cut_at_end(text: str, amount: Amount, rules: AmountRules) -> bool:
    """A count the end of a copy cut inside a scale word ("có ít nhất 2 triệ", "thêm 3 ng"): the text stops
    there, so the figure itself is lost. A noun cut short leaves the figure whole ("7 cá nh" is seven)."""
    if amount.fields["kind"] != "count" or amount.end < len(text.rstrip()) or not text.rstrip()[-1:].isalpha():
        return False
    cut = text[amount.start:amount.end].split()[-1].lower()
    return any(scale.startswith(cut) and scale != cut for scale in rules.scales)


def _group_again(text: str, amounts: list[Amount], amount: Amount, rules: AmountRules) -> bool:
    """The whole of a partitive counted earlier: "90 Chủ tịch … được biểu dương" then "là 1 trong 90 gương mặt"."""
    return amount.fields["kind"] == "count" and rules.group_after.search(
        text, max(0, amount.start - 20), amount.start) is not None and any(
        a.fields["kind"] == "count" and a.fields["value"] == amount.fields["value"] for a in amounts)


def _referred_back(text: str, amounts: list[Amount], amount: Amount, rules: AmountRules) -> bool:
    """A count told before, pointed back to: "Ngoài 92 suất quà trên, …" after "tặng 92 suất quà"."""
    return amount.fields["kind"] == "count" and rules.back_reference.match(text, amount.end) is not None \
        and any(a.fields["kind"] == "count" and a.fields["value"] == amount.fields["value"] for a in amounts)


def _name_again(text: str, amount: Amount, rules: AmountRules) -> bool:
    """A name opened by a number, quoted before and written again without quotes: "Chương trình “1 triệu sáng kiến - …”"
    then "hưởng ứng Chương trình 1 triệu sáng kiến của Tổng Liên đoàn"."""
    words = text[amount.start:amount.end]
    before = text[:amount.start]
    if words not in before:  # (most amounts)
        return False
    # ``{opening_quote}\s*{words}(?!\w)`` without a pattern compiled per amount: an amount never starts with a
    # space, so after a quote's greedy spaces the words can only begin where the spaces end
    after = len(words)
    return any(before.startswith(words, q.end()) and not _WORD_CHAR.match(before, q.end() + after)
               for q in re.finditer(rf"{rules.opening_quote}\s*", before))


def _limit(text: str, amount: Amount, rules: AmountRules) -> bool:
    """A capped count or an entitlement, a condition rather than a measure: "không quá 3 người thân", "được đi
    kèm 1 người", "và 1 người thân đi cùng" (``[limits]`` of the lexicon); a capped sum ("mức phạt không quá 50
    triệu đồng") stays an amount."""
    companion = (amount.fields["unit"] or "").lower() in rules.companions \
        and rules.companion_after.match(text, amount.end) is not None
    capped = amount.fields["kind"] == "count" and rules.limit_cap.match(text, amount.start) is not None
    return companion or capped or rules.entitlement.search(text, max(0, amount.start - 30), amount.start) is not None


def _restated(text: str, amounts: list[Amount], amount: Amount) -> bool:
    """The previous sum written again in words, in brackets: "30.650.000đ (Ba mươi triệu … đồng)"."""
    if not amounts or not text[amount.start:amount.start + 1].isalpha():
        return False
    last = amounts[-1]
    between = text[last.end:amount.start]
    return re.fullmatch(r"\s*[(\[]\s*(?:bằng chữ\s*:?\s*)?", between, re.IGNORECASE) is not None \
        and last.fields["value"] == amount.fields["value"] and last.fields["kind"] == amount.fields["kind"]
