"""Events across articles and the unit registry, on extraction rows written through the real store.

Rows are made by hand (no NLP): each test stores articles and their extraction rows with
``Store.replace_extractions``, which registers units and groups events in the same transaction.
"""

from __future__ import annotations

import itertools
import shutil
from datetime import datetime
from pathlib import Path

import pytest

from core.records import Article, Extraction, Source
from extract.unit_identity import identify
from pipeline.events import Mention, group, rules
from pipeline.store import Store

VERSION = "test"
_urls = itertools.count()

HA_TINH = {"name": "Liên đoàn Lao động tỉnh Hà Tĩnh", "level": "province", "province": "Hà Tĩnh",
           "province_now": "Hà Tĩnh"}
NGHE_AN = {"name": "Liên đoàn Lao động tỉnh Nghệ An", "level": "province", "province": "Nghệ An",
           "province_now": "Nghệ An"}
TLD = {"name": "Tổng Liên đoàn Lao động Việt Nam", "level": "national", "province": None, "province_now": None}


@pytest.fixture(scope="module")
def empty_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A migrated database with four sources, made once: migrations take seconds."""
    path = tmp_path_factory.mktemp("events") / "empty.duckdb"
    with Store.open(path) as s:
        s.upsert_sources([Source(f"nguon-{i}", f"Nguồn {i}", "newspaper") for i in range(4)])
        s.set_meta("extractor_version", VERSION)
        s.con.execute("CHECKPOINT")
    return path


def fresh_store(empty_db: Path, path: Path) -> Store:
    shutil.copy(empty_db, path)
    return Store.open(path)


@pytest.fixture()
def store(empty_db: Path, tmp_path: Path):
    with fresh_store(empty_db, tmp_path / "events.duckdb") as s:
        yield s


def unit_row(unit: dict, when: datetime | None) -> dict:
    return {**unit, "mentions": [unit["name"]], "start_char": 0, "end_char": len(unit["name"]),
            "unit_id": identify(unit["name"], unit["level"], unit["province"], unit["province_now"], when).unit_id}


def money(value: float, unit: dict, when: datetime | None, purpose: str = "spent", start: int = 10) -> dict:
    return {"text": f"{value:g} đồng", "kind": "money", "value": value, "currency": "VND", "qualifier": "exact",
            "start_char": start, "end_char": start + 8, "sentence": "…", "purpose": purpose,
            "unit_id": unit_row(unit, when)["unit_id"]}


def award(idx: int, form: str, family: str, awarder: dict | None, recipients: list[dict], count: int | None,
          when: datetime | None) -> tuple[dict, list[dict]]:
    row = {"text": form, "form": form, "form_family": family, "idx": idx, "recipient_count": count,
           "awarder": awarder["name"] if awarder else None, "awarder_unit": awarder["name"] if awarder else None,
           "start_char": 100 + idx, "end_char": 120 + idx}
    people = [{"recipient": r["name"], "recipient_type": "unit" if "level" in r else "person", "count": 1,
               "level": r.get("level"), "province": r.get("province"), "province_now": r.get("province_now"),
               "unit_id": unit_row(r, when)["unit_id"] if "level" in r else None} for r in recipients]
    return row, [dict(p, award_idx=idx, recipient_idx=i) for i, p in enumerate(people)]


def store_article(store: Store, source: int, when: datetime | None, units: list[dict], amounts: list[dict] = (),
                  awards: list[tuple[dict, list[dict]]] = (), url: str | None = None) -> int:
    url = url or f"https://nguon{source}.example/{next(_urls)}"
    article = Article(url=url, source=f"nguon-{source}", title="Tin", body=f"Bài {url}",
                      fetched_at=datetime(2025, 11, 1), published_at=when)
    store.add_articles([article])
    store.replace_extractions([Extraction(article.article_id, VERSION, {
        "units": [unit_row(u, when) for u in units],
        "amounts": list(amounts),
        "awards": [a for a, _ in awards],
        "award_recipients": [r for _, rs in awards for r in rs],
    })])
    return article.article_id


def events_of(store: Store, kind: str) -> list[tuple]:
    return store.con.execute(
        "SELECT n_mentions, n_articles, n_sources FROM events WHERE kind = ? ORDER BY first_reported, n_mentions",
        [kind]).fetchall()


def partition(store: Store) -> set[frozenset]:
    rows = store.con.execute("SELECT event_id, article_id, table_name, row_idx FROM event_mentions").fetchall()
    groups: dict[int, set] = {}
    for event, *ref in rows:
        groups.setdefault(event, set()).add(tuple(ref))
    return {frozenset(g) for g in groups.values()}


D = datetime


def test_two_sources_reporting_one_sum_give_one_event(store: Store) -> None:
    store_article(store, 0, D(2025, 10, 7), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 7))])
    store_article(store, 1, D(2025, 10, 9), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 9))])
    assert events_of(store, "money") == [(2, 2, 2)]


def test_near_misses_of_money_stay_apart(store: Store) -> None:
    # the same unit and sum a year later; another province the same day; a plan of the same sum
    store_article(store, 0, D(2024, 1, 20), [NGHE_AN], [money(5e8, NGHE_AN, D(2024, 1, 20))])
    store_article(store, 1, D(2025, 1, 20), [NGHE_AN], [money(5e8, NGHE_AN, D(2025, 1, 20))])
    store_article(store, 2, D(2025, 1, 20), [HA_TINH], [money(5e8, HA_TINH, D(2025, 1, 20))])
    store_article(store, 3, D(2025, 1, 18), [NGHE_AN], [money(5e8, NGHE_AN, D(2025, 1, 18), purpose="planned")])
    assert events_of(store, "money") == [(1, 1, 1)] * 4


def test_small_sums_group_only_within_their_article(store: Store) -> None:
    when = D(2025, 1, 20)
    store_article(store, 0, when, [NGHE_AN], [money(5e5, NGHE_AN, when), money(5e5, NGHE_AN, when, start=50)])
    store_article(store, 1, when, [NGHE_AN], [money(5e5, NGHE_AN, when)])
    assert events_of(store, "money") == [(1, 1, 1), (2, 1, 1)]


def test_one_award_reported_by_two_sources_is_one_event(store: Store) -> None:
    when, later = D(2024, 12, 20), D(2024, 12, 22)
    store_article(store, 0, when, [TLD, NGHE_AN], awards=[award(0, "Cờ thi đua", "Cờ thi đua", TLD, [NGHE_AN], 1, when)])
    store_article(store, 1, later, [TLD, NGHE_AN],
                  awards=[award(0, "Cờ thi đua của Tổng LĐLĐ", "Cờ thi đua", None, [NGHE_AN], None, later)])
    assert events_of(store, "award") == [(2, 2, 2)]
    assert store.con.execute("SELECT unit, awarder FROM v_events WHERE kind = 'award'").fetchall() == [
        ("Liên đoàn Lao động tỉnh Nghệ An", "Tổng Liên đoàn Lao động Việt Nam")]


def test_award_near_misses_stay_apart(store: Store) -> None:
    when = D(2024, 12, 20)
    # the same form to another recipient, the same day; the same ceremony a year later
    store_article(store, 0, when, [TLD, NGHE_AN], awards=[award(0, "Cờ thi đua", "Cờ thi đua", TLD, [NGHE_AN], 1, when)])
    store_article(store, 1, when, [TLD, HA_TINH], awards=[award(0, "Cờ thi đua", "Cờ thi đua", TLD, [HA_TINH], 1, when)])
    store_article(store, 2, D(2025, 12, 19), [TLD, NGHE_AN],
                  awards=[award(0, "Cờ thi đua", "Cờ thi đua", TLD, [NGHE_AN], 1, D(2025, 12, 19))])
    assert events_of(store, "award") == [(1, 1, 1)] * 3


def test_awarder_and_count_group_unnamed_recipients_but_names_veto(store: Store) -> None:
    when = D(2025, 7, 28)
    store_article(store, 0, when, [TLD], awards=[award(0, "Kỷ niệm chương", "Kỷ niệm chương", TLD, [], 25, when)])
    store_article(store, 1, when, [TLD], awards=[award(0, "Kỷ niệm chương", "Kỷ niệm chương", TLD, [], 25, when)])
    person_a, person_b = {"name": "Nguyễn Văn A"}, {"name": "Trần Thị B"}
    store_article(store, 2, when, [NGHE_AN], awards=[award(0, "Bằng khen", "Bằng khen", NGHE_AN, [person_a], 2, when)])
    store_article(store, 3, when, [NGHE_AN], awards=[award(0, "Bằng khen", "Bằng khen", NGHE_AN, [person_b], 2, when)])
    assert sorted(events_of(store, "award")) == [(1, 1, 1), (1, 1, 1), (2, 2, 2)]


def test_undated_articles_group_only_within_themselves(store: Store) -> None:
    store_article(store, 0, None, [HA_TINH], [money(1.2e9, HA_TINH, None), money(1.2e9, HA_TINH, None, start=80)])
    store_article(store, 1, D(2025, 10, 9), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 9))])
    assert sorted(events_of(store, "money")) == [(1, 1, 1), (2, 1, 1)]


def test_a_report_bridging_two_events_merges_them_and_reextraction_splits_them(store: Store) -> None:
    # 1 Oct and 13 Oct are 12 days apart (window 7); a report on 7 Oct links both
    store_article(store, 0, D(2025, 10, 1), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 1))])
    store_article(store, 1, D(2025, 10, 13), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 13))])
    assert len(events_of(store, "money")) == 2
    bridge_url = "https://nguon2.example/bridge"
    store_article(store, 2, D(2025, 10, 7), [HA_TINH], [money(1.2e9, HA_TINH, D(2025, 10, 7))], url=bridge_url)
    assert events_of(store, "money") == [(3, 3, 3)]
    # re-extracted without the sum: the bridge is gone, the two reports part again
    store_article(store, 2, D(2025, 10, 7), [HA_TINH], [], url=bridge_url)
    assert sorted(events_of(store, "money")) == [(1, 1, 1), (1, 1, 1)]
    assert store.con.execute("SELECT count(*) FROM event_mentions").fetchall() == [(2,)]


def test_incremental_grouping_equals_grouping_at_once(empty_db: Path, tmp_path: Path) -> None:
    """Order does not matter: articles stored one by one, in reverse, give the same events."""
    dates = [D(2025, 10, d) for d in (1, 8, 15, 22, 29)]
    scenario = [(i % 3, when, [HA_TINH], [money(1.2e9, HA_TINH, when), money(7e8, HA_TINH, when, start=40)])
                for i, when in enumerate(dates)]
    results = []
    for order in (scenario, scenario[::-1]):
        with fresh_store(empty_db, tmp_path / f"order{len(results)}.duckdb") as s:
            for source, when, units, amounts in order:
                store_article(s, source, when, units, amounts, url=f"https://x.example/{when:%d}")
            results.append(partition(s))
    assert results[0] == results[1]
    assert len(results[0]) == 2  # one chain of weekly reports per sum


def test_group_is_single_link() -> None:
    def m(day: int, block: str) -> Mention:
        return Mention("money", day, "amounts", 0, 0, 1, "s", D(2025, 1, day).date(), blocks=[block])

    chain = [m(1, "x"), m(7, "x"), m(13, "x"), m(5, "y")]
    groups = sorted(sorted(g) for g in group(chain, r=rules()))
    assert groups == [[0, 1, 2], [3]]


def test_settled_mentions_are_not_compared_among_themselves_and_the_groups_are_the_same() -> None:
    """A night's new mentions against stored events closed under linking: comparing only pairs with a
    new mention gives the groups that comparing every pair gives."""
    import random

    rng = random.Random(7)

    def m(article: int, day: int | None, block: str, province: str) -> Mention:
        when = D(2025, 1 + day // 28, 1 + day % 28).date() if day is not None else None
        return Mention("money", article, "amounts", 0, 0, 1, "s", when, province_now=province, blocks=[block])

    for _ in range(20):
        stored = [m(i, rng.choice([None, *range(200)]), rng.choice("xyz"), rng.choice("AB")) for i in range(150)]
        for number, members in enumerate(group(stored, r=rules())):
            for i in members:
                stored[i].event_id = number  # stored events are closed under linking
        new = [m(1000 + i, rng.choice([None, *range(200)]), rng.choice("xyz"), rng.choice("AB")) for i in range(15)]
        pool, stable = new + stored, set(range(len(stored)))
        every_pair = sorted(sorted(g) for g in group(pool, stable, r=rules()))
        settled = sorted(sorted(g) for g in group(pool, stable, r=rules(), settled_from=len(new)))
        assert settled == every_pair


def test_the_registry_names_units_once_across_spellings_and_years(store: Store) -> None:
    hue_2024 = {"name": "Liên đoàn Lao động tỉnh Thừa Thiên Huế", "level": "province", "province": "Thừa Thiên Huế",
                "province_now": "Huế"}
    hue_2025 = {"name": "Liên đoàn Lao động thành phố Huế", "level": "province", "province": "Huế",
                "province_now": "Huế"}
    district = {"name": "Liên đoàn Lao động huyện Phú Vang", "level": "district", "province": "Thừa Thiên Huế",
                "province_now": "Huế"}
    store_article(store, 0, D(2024, 3, 1), [hue_2024, district])
    store_article(store, 1, D(2025, 8, 1), [hue_2025])
    rows = store.con.execute("""SELECT name, level, status, first_seen, last_seen, successor, articles
                                FROM v_units WHERE articles > 0 ORDER BY level""").fetchall()
    assert rows == [
        ("Liên đoàn Lao động huyện Phú Vang", "district", "ended", D(2024, 3, 1).date(), D(2024, 3, 1).date(),
         "Liên đoàn Lao động thành phố Huế", 1),
        ("Liên đoàn Lao động thành phố Huế", "province", "active", D(2024, 3, 1).date(), D(2025, 8, 1).date(), None, 2),
    ]
    series = store.con.execute("SELECT month, articles, units FROM v_unit_series ORDER BY month").fetchall()
    assert series == [(D(2024, 3, 1).date(), 1, 2), (D(2025, 8, 1).date(), 1, 1)]


def test_the_registry_frame_records_the_2025_mergers(store: Store) -> None:
    store_article(store, 0, D(2024, 3, 1), [NGHE_AN])
    rows = dict(store.con.execute("""SELECT r.name, s.name FROM unit_registry r
                                     LEFT JOIN unit_registry s ON s.unit_id = r.successor_id
                                     WHERE r.level = 'province'""").fetchall())
    assert len(rows) == 63
    assert rows["Liên đoàn Lao động tỉnh Bình Dương"] == "Liên đoàn Lao động thành phố Hồ Chí Minh"
    assert rows["Liên đoàn Lao động tỉnh Hà Giang"] == "Liên đoàn Lao động tỉnh Tuyên Quang"
    assert rows["Liên đoàn Lao động tỉnh Nghệ An"] is None
    assert sum(1 for s in rows.values() if s is None) == 34
