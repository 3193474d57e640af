"""Consistency checks of the project's gold sets: tests/gold/<set>.jsonl and tests/gold/<set>/*.txt.

These tests check the annotations themselves, never an extractor: every figure in the gold file
must be traceable to the document text, use the annotation guide's vocabularies, and agree with
the rules written down in tests/gold/README.md. An error here would silently become a wrong
precision/recall figure in the project's evaluation.
"""

from __future__ import annotations

import csv
import json
import re
import unicodedata
from collections import Counter
from typing import Any, Callable

import pytest

from core.config import SHARED_DIR, TESTS_GOLD_DIR

# Each gold set: tests/gold/<name>.jsonl annotating tests/gold/<name>/*.txt, and its minimum size.
# "own" is the development set; "heldout" was written later, by another hand, and measured once.
SETS = {"own": 48, "heldout": 30}
PROVINCE_CSV = SHARED_DIR / "reference" / "provinces_34_old_to_new.csv"
MERGER_DATE = "2025-07-01"
MIN_DOCS_PER_TAG = 2

LEVELS = {"national", "national_industry", "province", "province_industry", "district", "grassroots"}
KINDS = {"money", "count", "percent"}
QUALIFIERS = {"exact", "approx", "over", "under"}
RECIPIENT_KINDS = {"collective", "individual", "both"}
CURRENCIES = {"VND", "USD"}
FORMS = {
    "Bằng khen", "Giấy khen", "Cờ thi đua", "khen thưởng", "Bằng Lao động sáng tạo",
    "Huân chương Lao động hạng Nhất", "Huân chương Lao động hạng Nhì", "Huân chương Lao động hạng Ba",
    'Kỷ niệm chương "Vì sự nghiệp xây dựng tổ chức Công đoàn"',
    "danh hiệu Chiến sĩ thi đua toàn quốc", "danh hiệu Chiến sĩ thi đua cấp tỉnh",
    "danh hiệu Chiến sĩ thi đua cơ sở", "danh hiệu Lao động tiên tiến",
    "danh hiệu Tập thể lao động xuất sắc",
}
STATE_AWARDERS = {"Chủ tịch nước", "Thủ tướng Chính phủ", "Chính phủ"}
BODY_PREFIXES = ("Ban Chấp hành ", "Đoàn Chủ tịch ", "Ban Thường vụ ")
ABBREVIATIONS = re.compile(r"LĐLĐ|CĐCS|\bTP\b|TP\.|\bVN\b|\bBCH\b|ĐCT|UBND")

# Every rule of the annotation guide that the set must exercise, each in at least two documents.
REQUIRED_TAGS = [
    # amounts
    "money_dot_thousands", "decimal_comma", "scale_nghin", "scale_trieu", "scale_ty", "compound_scale",
    "number_words", "number_words_muoi_chuc", "currency_d", "currency_vnd_word", "currency_symbol", "currency_usd",
    "qualifier_approx", "qualifier_over", "qualifier_under", "qualifier_hang", "qualifier_tro_len",
    "range_dash", "range_tu_den", "range_percent", "rate", "percent", "percent_decimal", "count",
    "not_a_range_tu_len",
    # non-amounts
    "na_date_time", "na_year_term", "na_anniversary_duration", "na_ordinal_name", "na_document_number",
    "na_phone_licence_street", "na_visitor_counter", "boilerplate",
    # units
    "unit_national", "unit_national_body", "unit_national_industry", "unit_province",
    "unit_province_hcm", "unit_province_hanoi", "unit_province_city", "unit_province_industry",
    "unit_district", "unit_district_city", "unit_district_thi_xa", "unit_district_paren",
    "unit_district_gazetteer", "unit_grassroots", "unit_grassroots_school", "unit_short_remention",
    "unit_source_province", "unit_name_completed", "unit_province_cong_doan_tinh", "non_unit_generic",
    "non_unit_employer_party", "province_old_new", "post_merger",
    # awards
    "award_huan_chuong", "award_co_thi_dua", "award_bang_khen", "award_bang_khen_ubnd", "award_giay_khen",
    "award_ky_niem_chuong", "award_danh_hieu_csd", "award_ltt", "award_tapthe_ldxs", "award_bang_ldst",
    "award_khen_thuong", "award_awarder_cua", "award_awarder_tang", "award_awarder_trao",
    "award_recipients_cho", "award_recipients_passive", "award_two_of_n", "award_occasion_nhan",
    "award_occasion_vi", "non_award_talk", "movement_model",
]
# Tags that document a single deliberate trap; allowed, not required twice.
EXTRA_TAGS = {
    "award_co_thi_dua_chinh_phu", "award_presenter_not_awarder", "award_recipient_employer",
    "non_award_gift", "non_award_prize", "na_date_range_trap", "no_amounts", "percent_rate",
    "post_merger_old_unit", "qualifier_hon_trap", "tro_len_not_qualifier", "unit_grassroots_old_province_name",
    "unit_national_abbrev_dct", "unit_national_abbrev_vn", "unit_province_body",
}

NUMBER_WORDS = {"một": 1, "hai": 2, "ba": 3, "bốn": 4, "tư": 4, "năm": 5, "lăm": 5, "sáu": 6,
                "bảy": 7, "tám": 8, "chín": 9, "mười": 10}
MULTIPLIER_WORDS = {"mươi": 10, "chục": 10, "trăm": 100}
SCALE_WORDS = {"nghìn": 1e3, "ngàn": 1e3, "triệu": 1e6, "tỷ": 1e9, "tỉ": 1e9}
UNIT_TOKENS = {"%", "đồng", "đ", "₫", "vnđ", "vnd", "usd"}
DIGIT_GROUP = re.compile(r"\d+(?:[.,]\d+)*")
TOKEN = re.compile(r"\d+(?:[.,]\d+)*|[^\W\d_]+|%|₫|-")


# --------------------------------------------------------------------------- loading

def _load_gold(name: str) -> list[dict[str, Any]]:
    records = []
    path = TESTS_GOLD_DIR / f"{name}.jsonl"
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if line.strip():
            try:
                records.append({**json.loads(line), "_set": name})
            except json.JSONDecodeError as err:
                raise AssertionError(f"{path.name} line {number} does not parse: {err}") from err
    return records


BY_SET = {name: _load_gold(name) for name in SETS}
GOLD = [record for records in BY_SET.values() for record in records]
DOC_IDS = [f"{record['_set']}/{record['doc']}" for record in GOLD]


def _text(record: dict[str, Any]) -> str:
    return (TESTS_GOLD_DIR / record["_set"] / record["doc"]).read_text(encoding="utf-8")


def _body(record: dict[str, Any]) -> str:
    text = _text(record)
    start = text.index(record["body_starts"])
    end = text.index(record["body_ends"], start) + len(record["body_ends"])
    return text[start:end]


def _occurrences(needle: str, haystack: str) -> list[tuple[int, int]]:
    """Spans of `needle` in `haystack` that are not glued to a neighbouring word or number."""
    pattern = re.compile(r"(?<![\w.,])" + re.escape(needle) + r"(?!\w)")
    return [m.span() for m in pattern.finditer(haystack)]


def _short_province(name: str) -> str:
    name = re.sub(r"\s*\[\d+\]$", "", name.strip())
    for prefix in ("Tỉnh ", "Thành phố "):
        if name.startswith(prefix):
            name = name[len(prefix):]
    return unicodedata.normalize("NFC", name).replace("Hoà", "Hòa")


def _reference_provinces() -> tuple[dict[str, str], set[str]] | None:
    """Old short name -> new short name, and the new names; None when shared/ is absent."""
    if not PROVINCE_CSV.exists():
        return None
    old_to_new: dict[str, str] = {}
    new: set[str] = set()
    with PROVINCE_CSV.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle):
            new_name = _short_province(row["new_name"])
            new.add(new_name)
            for old in row["old_provinces [old_code]"].split(";"):
                old_to_new[_short_province(old)] = new_name
    return old_to_new, new


def _provinces() -> tuple[dict[str, str], set[str]]:
    reference = _reference_provinces()
    if reference is None:
        pytest.skip(f"province reference absent: {PROVINCE_CSV} (shared/ not mounted)")
    return reference


# --------------------------------------------------------------------------- number reading

def _digit_value(token: str) -> float:
    return float(token.replace(".", "").replace(",", "."))


def _read_quantity(tokens: list[str], i: int) -> tuple[float, int, bool]:
    """Read one quantity at tokens[i]: digits or number words, then scale words ("1 tỷ 250 triệu").

    Returns (value, next index, whether a scale word was read).
    """
    if DIGIT_GROUP.fullmatch(tokens[i]):
        base, i = _digit_value(tokens[i]), i + 1
    else:
        base, after_multiplier = None, False
        while i < len(tokens) and (tokens[i] in NUMBER_WORDS or tokens[i] in MULTIPLIER_WORDS):
            word = tokens[i]
            if word in MULTIPLIER_WORDS:
                base, after_multiplier = (base or 1) * MULTIPLIER_WORDS[word], True
            elif base is None or after_multiplier:
                base, after_multiplier = (base or 0) + NUMBER_WORDS[word], False
            else:
                break
            i += 1
    total, current, scaled, last_scale = 0.0, float(base), False, None
    while i < len(tokens) and tokens[i] in SCALE_WORDS:
        scale = SCALE_WORDS[tokens[i]]
        current *= scale
        total, current, scaled, last_scale, i = total + current, 0.0, True, scale, i + 1
        compound = (i + 1 < len(tokens) and DIGIT_GROUP.fullmatch(tokens[i])
                    and SCALE_WORDS.get(tokens[i + 1], last_scale) < last_scale)
        if compound:
            current, i = _digit_value(tokens[i]), i + 1
    return total + current, i, scaled


def _is_quantity_start(token: str) -> bool:
    return bool(DIGIT_GROUP.fullmatch(token)) or token in NUMBER_WORDS or token in MULTIPLIER_WORDS


def read_amount_text(text: str) -> tuple[float, float | None]:
    """The value (and range end) that the guide's rules give for an amount's text."""
    tokens = TOKEN.findall(text.lower().split("/")[0])
    if tokens[0] == "hàng":
        value = 1.0
        for token in tokens[1:]:
            factor = SCALE_WORDS.get(token) or MULTIPLIER_WORDS.get(token)
            if factor is None:
                break
            value *= factor
        return value, None
    i = next(k for k, token in enumerate(tokens) if _is_quantity_start(token))
    low, i, low_scaled = _read_quantity(tokens, i)
    while i < len(tokens) and tokens[i] in UNIT_TOKENS:
        i += 1
    if i + 1 < len(tokens) and tokens[i] in {"đến", "-"} and _is_quantity_start(tokens[i + 1]):
        high, _, high_scaled = _read_quantity(tokens, i + 1)
        if high_scaled and not low_scaled:
            scale = max(s for w, s in SCALE_WORDS.items() if w in tokens[i + 1:])
            low *= scale
        return low, high
    return low, None


def qualifier_of(text: str) -> str:
    lowered = text.lower()
    if lowered.startswith(("gần ", "khoảng ", "ước ", "xấp xỉ ", "hàng ")):
        return "approx"
    if lowered.startswith(("hơn ", "trên ", "ngoài ")) or lowered.endswith("trở lên"):
        return "over"
    if lowered.startswith(("dưới ", "chưa đến ")):
        return "under"
    return "exact"


# --------------------------------------------------------------------------- file-level checks

@pytest.mark.parametrize("name", SETS)
def test_gold_parses_and_is_large_enough(name: str) -> None:
    records = BY_SET[name]
    assert len(records) >= SETS[name]
    assert len({r["doc"] for r in GOLD}) == len(GOLD), "a document is annotated twice (or in two sets)"
    for record in records:
        assert re.fullmatch(r"\d{3}_[a-z0-9_]+\.txt", record["doc"]), record["doc"]
        assert set(record) >= {"doc", "title", "published", "byline", "body_starts", "body_ends",
                               "source_province", "units", "amounts", "awards", "not_amounts",
                               "not_units", "covers"}


@pytest.mark.parametrize("name", SETS)
def test_documents_and_gold_match_one_to_one(name: str) -> None:
    on_disk = {path.name for path in (TESTS_GOLD_DIR / name).glob("*.txt")}
    assert on_disk == {record["doc"] for record in BY_SET[name]}


@pytest.mark.parametrize("name", SETS)
def test_published_dates_span_the_archive_and_the_merger(name: str) -> None:
    dates = [record["published"] for record in BY_SET[name]]
    assert all(re.fullmatch(r"20\d\d-\d\d-\d\d", d) for d in dates)
    assert {d[:4] for d in dates} >= {"2021", "2022", "2023", "2024", "2025"}
    assert sum(d >= MERGER_DATE for d in dates) >= 6


@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_text_is_nfc_and_layout_is_title_then_body(record: dict[str, Any]) -> None:
    text = _text(record)
    assert unicodedata.is_normalized("NFC", text)
    assert unicodedata.is_normalized("NFC", json.dumps(record, ensure_ascii=False))
    lines = text.split("\n")
    assert lines[0] == record["title"]
    assert lines[1].startswith(record["body_starts"]), "body_starts must open the line after the title"
    body = _body(record)
    after = text[text.index(body) + len(body):]
    if record["byline"] is not None:
        assert after.lstrip("\n").split("\n")[0] == record["byline"]
    assert 3 <= len(re.findall(r"[.!?](?:\s|$)", body)) <= 12, "a gold document is a short article"
    title_digits = set(DIGIT_GROUP.findall(record["title"]))
    assert title_digits <= set(DIGIT_GROUP.findall(body)), "a title number is not repeated in the body"


# --------------------------------------------------------------------------- units

@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_units_are_canonical_and_mentioned_in_the_body(record: dict[str, Any]) -> None:
    body = _body(record)
    names = [unit["name"].casefold() for unit in record["units"]]
    assert len(set(names)) == len(names), "one record per distinct unit"
    for unit in record["units"]:
        assert unit["level"] in LEVELS
        assert not ABBREVIATIONS.search(unit["name"]), unit["name"]
        assert unit["mentions"], unit["name"]
        for mention in unit["mentions"]:
            assert _occurrences(mention, body), f"mention {mention!r} not in the body"
        level, name = unit["level"], unit["name"]
        if level == "national":
            assert name == "Tổng Liên đoàn Lao động Việt Nam"
        elif level == "national_industry":
            assert name.startswith("Công đoàn ") and name.endswith(" Việt Nam")
        elif level == "province":
            assert re.match(r"Liên đoàn Lao động (tỉnh|thành phố) ", name), name
        elif level == "province_industry":
            assert name.startswith("Công đoàn ") and re.search(r" (tỉnh|thành phố) ", name), name
        elif level == "district":
            assert re.match(r"Liên đoàn Lao động (huyện|quận|thị xã|thành phố) ", name), name
        else:
            assert name.startswith("Công đoàn cơ sở "), name
        if level in {"national", "national_industry"}:
            assert unit["province"] is None and unit["province_now"] is None
        else:
            assert unit["province"] and unit["province_now"], name
    for trap in record["not_units"]:
        assert isinstance(trap, str) and trap.casefold() not in names


@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_provinces_follow_the_publication_date(record: dict[str, Any]) -> None:
    old_to_new, new = _provinces()
    post_merger = record["published"] >= MERGER_DATE
    placed = [(u["province"], u["province_now"]) for u in record["units"] if u["province"] is not None]
    if record["source_province"] is not None:
        source = record["source_province"]
        placed.append((source, source if post_merger else old_to_new.get(source)))
    for province, now in placed:
        if post_merger:
            assert province in new and now == province, (province, now)
        else:
            assert province in old_to_new, f"{province!r} is not one of the 63 old provinces"
            assert now == old_to_new[province], (province, now)


# --------------------------------------------------------------------------- amounts

@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_amounts_are_in_the_body_and_agree_with_their_text(record: dict[str, Any]) -> None:
    body = _body(record)
    seen: set[tuple[str, float]] = set()
    for amount in record["amounts"]:
        text, kind = amount["text"], amount["kind"]
        assert kind in KINDS and amount["qualifier"] in QUALIFIERS
        assert _occurrences(text, body), f"amount {text!r} not in the body"
        value, value_max = read_amount_text(text)
        assert amount["value"] == pytest.approx(value), text
        assert amount.get("value_max") == (None if value_max is None else pytest.approx(value_max)), text
        assert amount["qualifier"] == qualifier_of(text), text
        assert ("%" in text) == (kind == "percent"), text
        if kind == "money":
            assert amount["currency"] in CURRENCIES
            assert amount["currency"] == ("USD" if "USD" in text else "VND"), text
        else:
            assert "currency" not in amount, text
        if kind == "count":
            assert amount["unit"] and amount["unit"] in text, text
        else:
            assert "unit" not in amount, text
        assert amount.get("per") == (text.split("/", 1)[1] if "/" in text else None), text
        key = (kind, amount["value"])
        assert key not in seen, f"{text!r}: the same figure is annotated twice"
        seen.add(key)


@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_not_amounts_are_numbers_that_collide_with_no_amount(record: dict[str, Any]) -> None:
    values = {a["value"] for a in record["amounts"]} | {a["value_max"] for a in record["amounts"] if "value_max" in a}
    for trap in record["not_amounts"]:
        assert isinstance(trap, (int, float)) and not isinstance(trap, bool), trap
        assert trap not in values, f"not_amount {trap} equals an annotated amount"


@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_every_number_in_the_document_is_accounted_for(record: dict[str, Any]) -> None:
    """Each digit group is inside an annotated amount or listed (raw or scaled) in not_amounts."""
    text, body = _text(record), _body(record)
    body_start = text.index(body)
    amount_spans = [(body_start + s, body_start + e)
                    for a in record["amounts"] for s, e in _occurrences(a["text"], body)]
    traps = set(record["not_amounts"])
    values = {a["value"] for a in record["amounts"]}
    outside_title = text.index("\n") + 1
    for match in DIGIT_GROUP.finditer(text, outside_title):
        if any(s <= match.start() and match.end() <= e for s, e in amount_spans):
            continue
        raw = _digit_value(match.group())
        following = text[match.end():match.end() + 8].split()
        scaled = raw * SCALE_WORDS.get(following[0].lower(), 1) if following else raw
        assert raw in traps or scaled in traps or raw in values, (
            f"{match.group()!r} at {match.start()} is neither an amount nor in not_amounts")


# --------------------------------------------------------------------------- awards

@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_awards_use_the_vocabularies_and_known_units(record: dict[str, Any]) -> None:
    reference = _reference_provinces()
    unit_names = {unit["name"] for unit in record["units"]}
    for award in record["awards"]:
        assert award["form"] in FORMS, award["form"]
        assert award["recipient_kind"] in RECIPIENT_KINDS
        count = award["recipient_count"]
        assert count is None or (isinstance(count, int) and count >= len(award["recipients"]))
        assert award["recipients"] or award["recipient_count"] or award["awarder"], award
        for recipient in award["recipients"]:
            if recipient.startswith(("Liên đoàn Lao động", "Công đoàn ")):
                assert recipient in unit_names, recipient
        awarder = award["awarder"]
        if awarder is None or awarder in STATE_AWARDERS:
            continue
        office = re.fullmatch(r"Chủ tịch Ủy ban nhân dân (?:tỉnh|thành phố) (.+)", awarder)
        if office:
            if reference is not None:
                assert office.group(1) in set(reference[0]) | reference[1], awarder
            continue
        organisation = next((awarder[len(p):] for p in BODY_PREFIXES if awarder.startswith(p)), awarder)
        assert organisation in unit_names, f"awarder {awarder!r} is not a unit of this document"


# --------------------------------------------------------------------------- coverage

def _forms(record: dict[str, Any]) -> list[str]:
    return [award["form"] for award in record["awards"]]


def _amount_texts(record: dict[str, Any]) -> list[str]:
    return [amount["text"] for amount in record["amounts"]]


def _has_amount(record: dict[str, Any], predicate: Callable[[dict[str, Any]], bool]) -> bool:
    return any(predicate(amount) for amount in record["amounts"])


def _after_body(record: dict[str, Any]) -> str:
    text, body = _text(record), _body(record)
    rest = text[text.index(body) + len(body):].strip("\n").split("\n")
    if record["byline"] is not None and rest and rest[0] == record["byline"]:
        rest = rest[1:]
    return "\n".join(rest).strip()


def _expand(mention: str) -> str:
    """A mention with the union abbreviations spelled out, as a canonical name would be."""
    for short, full in (("LĐLĐ", "Liên đoàn Lao động"), ("CĐCS", "Công đoàn cơ sở"),
                        ("TP.HCM", "thành phố Hồ Chí Minh"), ("TP ", "thành phố ")):
        mention = mention.replace(short, full)
    return mention


def _text_has(pattern: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: any(re.search(pattern, t) for t in _amount_texts(r))


def _body_has(pattern: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: bool(re.search(pattern, _body(r)))


def _any_unit(predicate: Callable[[dict[str, Any]], bool]) -> Callable[[dict[str, Any]], bool]:
    return lambda r: any(predicate(unit) for unit in r["units"])


def _any_mention(pattern: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: any(re.search(pattern, m) for unit in r["units"] for m in unit["mentions"])


def _any_award(predicate: Callable[[dict[str, Any]], bool]) -> Callable[[dict[str, Any]], bool]:
    return lambda r: any(predicate(award) for award in r["awards"])


def _award_and_body_has(word: str) -> Callable[[dict[str, Any]], bool]:
    return lambda r: bool(r["awards"]) and f" {word} " in _body(r)


def _level(level: str, word: str | None = None) -> Callable[[dict[str, Any]], bool]:
    """Some unit has this level (and, if given, this word in its name)."""
    return _any_unit(lambda u: u["level"] == level and (word is None or f" {word} " in u["name"]))


def _is_completed(unit: dict[str, Any]) -> bool:
    """The canonical name inserts "tỉnh"/"thành phố" that a mention omits."""
    bare = re.sub(r" (tỉnh|thành phố) ", " ", unit["name"])
    return any(_expand(m) != unit["name"] and _expand(m) == bare for m in unit["mentions"])


def _placed_by_context(unit: dict[str, Any]) -> bool:
    return unit["province"] is not None and all(unit["province"] not in m for m in unit["mentions"])


GENERIC_PHRASES = (r"các cấp công đoàn|công đoàn cơ sở trực thuộc|LĐLĐ các tỉnh"
                   r"|[Cc]ông đoàn ngành (trung ương|,)|Công đoàn Việt Nam|Mái ấm Công đoàn|Chuyến xe Công đoàn")
NON_UNION_BODIES = r"^(Công ty|Tổng Công ty|Trường|Bộ|Ban|Sở|Tổ chức|Quỹ|Phòng|Bảo hiểm|Hội)\b"

# Evidence that a document really exercises the rule its tag names (checked where it can be).
TAG_EVIDENCE: dict[str, Callable[[dict[str, Any]], bool]] = {
    "money_dot_thousands": _text_has(r"\d\.\d{3}"),
    "decimal_comma": _text_has(r"\d,\d"),
    "scale_nghin": _text_has(r"\b(nghìn|ngàn)\b"),
    "scale_trieu": _text_has(r"\btriệu\b"),
    "scale_ty": _text_has(r"\b(tỷ|tỉ)\b"),
    "compound_scale": _text_has(r"\d (tỷ|tỉ) \d+ triệu"),
    "number_words_muoi_chuc": _text_has(r"\b(mươi|chục)\b"),
    "number_words": lambda r: _has_amount(r, lambda a: a["text"].lower().split()[0] in NUMBER_WORDS),
    "currency_d": _text_has(r"\dđ\b"),
    "currency_vnd_word": _text_has(r"\bVN[DĐ]\b"),
    "currency_symbol": _text_has("₫"),
    "currency_usd": lambda r: _has_amount(r, lambda a: a.get("currency") == "USD"),
    "qualifier_approx": lambda r: _has_amount(r, lambda a: a["qualifier"] == "approx"),
    "qualifier_over": lambda r: _has_amount(r, lambda a: a["qualifier"] == "over"),
    "qualifier_under": lambda r: _has_amount(r, lambda a: a["qualifier"] == "under"),
    "qualifier_hang": _text_has(r"^hàng "),
    "qualifier_tro_len": _text_has(r"trở lên$"),
    "range_dash": lambda r: _has_amount(r, lambda a: "value_max" in a and re.search(r"\d-\d", a["text"])),
    "range_tu_den": lambda r: _has_amount(r, lambda a: "value_max" in a and a["text"].startswith("từ ")),
    "range_percent": lambda r: _has_amount(r, lambda a: "value_max" in a and a["kind"] == "percent"),
    "rate": lambda r: _has_amount(r, lambda a: "per" in a),
    "percent": lambda r: _has_amount(r, lambda a: a["kind"] == "percent"),
    "percent_decimal": lambda r: _has_amount(r, lambda a: a["kind"] == "percent" and a["value"] % 1),
    "count": lambda r: _has_amount(r, lambda a: a["kind"] == "count"),
    "not_a_range_tu_len": _body_has(r"từ \d[\d.,]* (triệu )?đồng lên"),
    "boilerplate": lambda r: bool(_after_body(r)),
    "na_phone_licence_street": lambda r: bool(re.search(r"Điện thoại|ĐT:|Giấy phép", _after_body(r))),
    "na_visitor_counter": lambda r: "truy cập" in _after_body(r),
    "na_document_number": _body_has(r"\d+[/-][A-ZĐ]{2,}|Điều \d+|Công ước số \d+"),
    "na_date_time": _body_has(r"\b\d{1,2}[/-]\d{1,2}\b|tháng \d|\d+ giờ|\d+h\d\d"),
    "na_year_term": _body_has(r"\b(19|20)\d\d\b"),
    "unit_national": _level("national"),
    "unit_national_body": _any_mention(r"^(Ban Chấp hành|Đoàn Chủ tịch|BCH|ĐCT) Tổng"),
    "unit_national_industry": _level("national_industry"),
    "unit_province": _level("province"),
    "unit_province_hcm": _any_unit(lambda u: u["name"] == "Liên đoàn Lao động thành phố Hồ Chí Minh"),
    "unit_province_hanoi": _any_unit(lambda u: u["name"] == "Liên đoàn Lao động thành phố Hà Nội"),
    "unit_province_city": _level("province", "thành phố"),
    "unit_province_industry": _level("province_industry"),
    "unit_province_cong_doan_tinh": _any_unit(lambda u: u["level"] == "province"
                                              and any(m.startswith("Công đoàn tỉnh") for m in u["mentions"])),
    "unit_district": _level("district"),
    "unit_district_city": _level("district", "thành phố"),
    "unit_district_thi_xa": _level("district", "thị xã"),
    "unit_district_paren": lambda r: any(re.search(re.escape(m) + r" \(", _body(r))
                                         for u in r["units"] if u["level"] == "district" for m in u["mentions"]),
    "unit_district_gazetteer": lambda r: r["source_province"] is None and _level("district")(r),
    "unit_grassroots": _level("grassroots"),
    "unit_grassroots_school": _any_unit(lambda u: u["level"] == "grassroots" and "Trường" in u["name"]),
    "unit_short_remention": _any_mention(r"(tỉnh|huyện|quận|thành phố|Thành phố|Tổng Liên đoàn|Công ty)$"),
    "unit_source_province": lambda r: r["source_province"] is not None and _any_unit(_placed_by_context)(r),
    "unit_name_completed": _any_unit(_is_completed),
    "non_unit_generic": _body_has(GENERIC_PHRASES),
    "non_unit_employer_party": lambda r: any(re.search(NON_UNION_BODIES, name) for name in r["not_units"]),
    "province_old_new": _any_unit(lambda u: u["province"] != u["province_now"]),
    "post_merger": lambda r: r["published"] >= MERGER_DATE,
    "award_huan_chuong": lambda r: any(f.startswith("Huân chương") for f in _forms(r)),
    "award_co_thi_dua": lambda r: "Cờ thi đua" in _forms(r),
    "award_bang_khen": lambda r: "Bằng khen" in _forms(r),
    "award_bang_khen_ubnd": _any_award(lambda a: a["form"] == "Bằng khen"
                                       and (a["awarder"] or "").startswith("Chủ tịch Ủy ban")),
    "award_giay_khen": lambda r: "Giấy khen" in _forms(r),
    "award_ky_niem_chuong": lambda r: any(f.startswith("Kỷ niệm chương") for f in _forms(r)),
    "award_danh_hieu_csd": lambda r: any(f.startswith("danh hiệu Chiến sĩ thi đua") for f in _forms(r)),
    "award_ltt": lambda r: "danh hiệu Lao động tiên tiến" in _forms(r),
    "award_tapthe_ldxs": lambda r: "danh hiệu Tập thể lao động xuất sắc" in _forms(r),
    "award_bang_ldst": lambda r: "Bằng Lao động sáng tạo" in _forms(r),
    "award_khen_thuong": lambda r: "khen thưởng" in _forms(r),
    "award_awarder_cua": _award_and_body_has("của"),
    "award_awarder_tang": _award_and_body_has("tặng"),
    "award_awarder_trao": _award_and_body_has("trao"),
    "award_recipients_cho": _award_and_body_has("cho"),
    "award_recipients_passive": _award_and_body_has("được"),
    "award_two_of_n": _text_has(r"trong số"),
    "award_occasion_nhan": _any_award(lambda a: (a["occasion"] or "").startswith("kỷ niệm")),
    "award_occasion_vi": _any_award(lambda a: bool(a["occasion"]) and not a["occasion"].startswith("kỷ niệm")),
    "non_award_talk": _body_has(r"khen thưởng|Bằng khen|Cờ thi đua"),
    "movement_model": _body_has(r"“[^”]+”"),
}


@pytest.mark.parametrize("name", SETS)
def test_every_rule_is_covered_at_least_twice(name: str) -> None:
    counts = Counter(tag for record in BY_SET[name] for tag in record["covers"])
    missing = {tag: counts[tag] for tag in REQUIRED_TAGS if counts[tag] < MIN_DOCS_PER_TAG}
    assert not missing, f"rules exercised by fewer than {MIN_DOCS_PER_TAG} documents: {missing}"


@pytest.mark.parametrize("record", GOLD, ids=DOC_IDS)
def test_coverage_tags_are_known_and_backed_by_the_annotations(record: dict[str, Any]) -> None:
    unknown = set(record["covers"]) - set(REQUIRED_TAGS) - EXTRA_TAGS
    assert not unknown, f"unknown coverage tags {unknown}"
    unbacked = [tag for tag in record["covers"] if tag in TAG_EVIDENCE and not TAG_EVIDENCE[tag](record)]
    assert not unbacked, f"tags without evidence in the annotations or text: {unbacked}"


@pytest.mark.parametrize("name", SETS)
def test_award_talk_without_any_award_is_present(name: str) -> None:
    """Talk about awarding (criteria, plans, calls to reward) must appear in documents that give none."""
    talk_only = [r for r in BY_SET[name] if "non_award_talk" in r["covers"] and not r["awards"]]
    assert len(talk_only) >= 2, "at least two documents must talk about awards without giving one"


def test_reader_of_amount_texts_on_known_cases() -> None:
    """The checker itself must be able to fail: fixed readings of the guide's own examples."""
    assert read_amount_text("gần 17 tỷ đồng") == (17e9, None)
    assert read_amount_text("1,25 tỷ đồng") == (1.25e9, None)
    assert read_amount_text("28,22 triệu") == (28.22e6, None)
    assert read_amount_text("1 tỷ 250 triệu đồng") == (1.25e9, None)
    assert read_amount_text("hai đơn vị") == (2, None)
    assert read_amount_text("ba mươi suất quà") == (30, None)
    assert read_amount_text("từ 5 đến 7 triệu đồng") == (5e6, 7e6)
    assert read_amount_text("5-7 triệu đồng") == (5e6, 7e6)
    assert read_amount_text("từ 5% đến 30%") == (5, 30)
    assert read_amount_text("11,2 triệu đồng/người/tháng") == (11.2e6, None)
    assert read_amount_text("hàng nghìn công nhân") == (1000, None)
    assert qualifier_of("100% trở lên") == "over"
    assert qualifier_of("chưa đến 1%") == "under"
    assert qualifier_of("124,5%") == "exact"
