"""The benchmark database: generated articles with rows in every table, all written in bulk.

    .venv/bin/python bench/generate_db.py OUT.duckdb [--articles 50000]

:func:`generate` writes articles, sources, highlights, units, amounts, awards,
movements, models and the word index with DuckDB SQL over sentence templates
with known item offsets, so every row is consistent with its text; the word index
(folded syllables and every adjacent pair of syllables, more terms than
underthesea's words give: a pessimistic index) is then ordered by term, as the
writer leaves it. :func:`complete` fills the ``sentences`` table (split from the
bodies), ``meta`` (the extractor version the research views show) and the crawl
bookkeeping tables; :func:`research` the unit ids, money purposes, award recipients, the
unit registry, the events and the staff feed's cards (``feed_cards``). Nothing is inserted row by row, except by the event grouping,
which runs the extraction's own incremental code. The web benchmark
(bench/web_bench.py) and `make bench` both use this database.
"""

from __future__ import annotations

import argparse
import hashlib
import time
from datetime import date
from pathlib import Path

import duckdb
import pyarrow as pa

from core.config import MIGRATIONS_DIR
from extract.award_recipients import form_family
from extract.purpose import purpose_in
from extract.unit_identity import identify
from pipeline.derived import update_derived
from pipeline.search import compact_index
from pipeline.store import Store

OUT_DIR = Path(__file__).resolve().parent / "out"

GENERATED_VERSION = "bench"  # articles.extracted_with written by generate
LISTING_PAGES_PER_SOURCE = 20
PAGE_ERROR_SHARE = 0.01


# (province at publication, province today) for a sample of provinces, merged ones included.
PROVINCES = [
    ("Thanh Hóa", "Thanh Hóa"), ("Nghệ An", "Nghệ An"), ("Hà Nội", "Hà Nội"), ("Hồ Chí Minh", "Hồ Chí Minh"),
    ("Bình Dương", "Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "Hồ Chí Minh"), ("Hà Giang", "Tuyên Quang"),
    ("Tuyên Quang", "Tuyên Quang"), ("Quảng Nam", "Đà Nẵng"), ("Đà Nẵng", "Đà Nẵng"), ("Hải Dương", "Hải Phòng"),
    ("Hải Phòng", "Hải Phòng"), ("Thái Bình", "Hưng Yên"), ("Bắc Giang", "Bắc Ninh"), ("Long An", "Tây Ninh"),
    ("Kon Tum", "Quảng Ngãi"), ("Bình Định", "Gia Lai"), ("Đắk Lắk", "Đắk Lắk"), ("Cần Thơ", "Cần Thơ"),
    ("Sóc Trăng", "Cần Thơ"), ("Quảng Ninh", "Quảng Ninh"), ("Lào Cai", "Lào Cai"), ("Yên Bái", "Lào Cai"),
    ("Khánh Hòa", "Khánh Hòa"), ("Ninh Thuận", "Khánh Hòa"), ("Lâm Đồng", "Lâm Đồng"), ("Đắk Nông", "Lâm Đồng"),
]
UNIT_PATTERNS = [
    ("Liên đoàn Lao động tỉnh {p}", "province"),
    ("Công đoàn ngành Giáo dục tỉnh {p}", "province_industry"),
    ("Công đoàn ngành Y tế tỉnh {p}", "province_industry"),
    ("Công đoàn Viên chức tỉnh {p}", "province_industry"),
    ("Liên đoàn Lao động huyện Trung Tâm {p}", "district"),
    ("Công đoàn cơ sở Công ty May {p}", "grassroots"),
    ("Công đoàn cơ sở Trường THPT Chuyên {p}", "grassroots"),
]
# (kind, text before the item after the unit, the item with {n}, text after); money items are in millions.
TEMPLATES = [
    ("money", " đã trao ", "{n} triệu đồng", " hỗ trợ đoàn viên có hoàn cảnh đặc biệt khó khăn."),
    ("money", " dành ", "{n} triệu đồng", " từ quỹ xã hội để xây dựng Mái ấm Công đoàn."),
    ("money", " vận động được ", "{n} triệu đồng", " ủng hộ người lao động bị ảnh hưởng bởi thiên tai."),
    ("count", " trao ", "{n} suất quà", " cho công nhân lao động nhân dịp Tết Nguyên đán."),
    ("count", " tổ chức khám sức khỏe miễn phí cho ", "{n} đoàn viên", " làm việc tại các khu công nghiệp."),
    ("count", " đưa ", "{n} công nhân", " về quê đón Tết trên các chuyến xe Công đoàn."),
    ("award", " được ", "tặng Bằng khen cho {n} tập thể", " có thành tích xuất sắc trong công tác công đoàn."),
    ("award", " được ", "tặng Cờ thi đua", " vì đã dẫn đầu phong trào thi đua năm qua."),
    ("award", " đã ", "tặng Giấy khen cho {n} cá nhân", " tiêu biểu trong lao động sản xuất."),
    ("movement", " phát động ", "phong trào thi đua \"Lao động giỏi, lao động sáng tạo\"", " trong toàn thể đoàn viên."),
    ("movement", " hưởng ứng ", "cuộc vận động \"Người Việt Nam ưu tiên dùng hàng Việt Nam\"", " với nhiều hoạt động thiết thực."),
    ("model", " nhân rộng ", "mô hình \"Bữa cơm Công đoàn\"", " tại các doanh nghiệp trên địa bàn."),
    ("model", " triển khai ", "mô hình \"Tổ tư vấn pháp luật\"", " cho người lao động ở khu nhà trọ."),
]
FILLERS = [
    "Hội nghị diễn ra trong không khí dân chủ, đoàn kết và trách nhiệm.",
    "Các đại biểu đã thảo luận nhiều ý kiến tâm huyết về việc chăm lo đời sống người lao động.",
    "Lãnh đạo địa phương đánh giá cao vai trò của tổ chức công đoàn trong thời gian qua.",
    "Năm nay, công tác phát triển đoàn viên và thành lập công đoàn cơ sở tiếp tục được quan tâm.",
    "Chương trình nhận được sự hưởng ứng tích cực của đông đảo công nhân, viên chức, lao động.",
    "Nhiều doanh nghiệp đã phối hợp chặt chẽ với công đoàn để bảo đảm việc làm ổn định.",
    "Phát biểu tại buổi lễ, đại diện công đoàn cấp trên ghi nhận những kết quả đã đạt được.",
    "Thời gian tới, công đoàn sẽ tập trung đối thoại, thương lượng tập thể tại doanh nghiệp.",
    "Hoạt động góp phần xây dựng quan hệ lao động hài hòa, ổn định và tiến bộ.",
    "Đây là hoạt động thiết thực hướng tới kỷ niệm ngày thành lập Công đoàn Việt Nam.",
    "Sau hội nghị, các cấp công đoàn sẽ xây dựng kế hoạch cụ thể để triển khai thực hiện.",
    "Người lao động bày tỏ niềm vui và cảm ơn sự quan tâm kịp thời của tổ chức công đoàn.",
]
HIGHLIGHT_SENTENCES = 6
FILLER_SENTENCES = 9
SOURCES = 40
CHUNK = 50_000  # articles generated at a time: memory stays that of a 50,000-article database


def _generate_chunk(con: duckdb.DuckDBPyConnection, lo: int, hi: int, n_units: int) -> None:
    """Articles ``lo`` to ``hi - 1`` and all their derived rows (article ids grow with the article number)."""
    n_templates, n_fillers = len(TEMPLATES), len(FILLERS)
    first_id = (lo + 1) * 7919
    # One row per sentence: highlight sentences (a template filled with a unit and a number) and fillers.
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE g_sentences AS
        WITH slots AS (
            SELECT a.i AS art, s.k, hash(a.i, s.k) AS h, (hash(a.i) % {n_units}) AS home_unit
            FROM range({lo}, {hi}) a(i), range({HIGHLIGHT_SENTENCES + FILLER_SENTENCES}) s(k)
        )
        SELECT art, k,
               CASE WHEN k % 2 = 0 AND k < {2 * HIGHLIGHT_SENTENCES} THEN h % {n_templates} END AS tid,
               CASE WHEN h % 3 = 0 THEN h % {n_units} ELSE home_unit END AS uid,
               (h % 97 + 3)::INTEGER AS n, h % {n_fillers} AS fid
        FROM slots""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE g_text AS
        SELECT s.art, s.k, t.kind, u.name AS unit, u.level, u.province, u.province_now, s.n,
               CASE WHEN t.kind IS NULL THEN f.text ELSE u.name || t.before || replace(t.item, '{n}', s.n::VARCHAR) || t.after END AS sentence,
               CASE WHEN t.kind IS NULL THEN NULL ELSE length(u.name || t.before) END AS item_offset,
               CASE WHEN t.kind IS NULL THEN NULL ELSE length(replace(t.item, '{n}', s.n::VARCHAR)) END AS item_length,
               replace(t.item, '{n}', s.n::VARCHAR) AS item
        FROM g_sentences s JOIN g_units u USING (uid) LEFT JOIN g_templates t USING (tid) JOIN g_fillers f USING (fid)""")
    con.execute("""
        CREATE OR REPLACE TEMP TABLE g_placed AS
        SELECT *, coalesce(sum(length(sentence) + 1) OVER (PARTITION BY art ORDER BY k
                  ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INTEGER AS sentence_start
        FROM g_text""")
    con.execute(f"""
        INSERT INTO articles
        SELECT (art + 1) * 7919 AS article_id, 'https://nguon' || (art % {SOURCES}) || '.example/tin/' || art AS url,
               'nguon-' || (art % {SOURCES}), first(unit ORDER BY k) || ': ' || first(item ORDER BY k) AS title,
               TIMESTAMP '2022-01-01 07:00' + to_minutes((hash(art, 'date') % (1400 * 24 * 60))::BIGINT),
               NULL, string_agg(sentence, ' ' ORDER BY k), md5(art::VARCHAR), TIMESTAMP '2025-11-01', NULL, 'bench'
        FROM g_placed GROUP BY art""")
    con.execute("""
        INSERT INTO highlights
        SELECT (art + 1) * 7919, kind, item,
               CASE kind WHEN 'award' THEN regexp_extract(item, '(Bằng khen|Cờ thi đua|Giấy khen)')
                         WHEN 'movement' THEN regexp_extract(item, '"(.*)"', 1)
                         WHEN 'model' THEN regexp_extract(item, '"(.*)"', 1) ELSE item END,
               CASE kind WHEN 'money' THEN n * 1e6 WHEN 'count' THEN n END,
               CASE kind WHEN 'money' THEN 'VND' END,
               CASE kind WHEN 'count' THEN regexp_extract(item, '\\d+ (.*)', 1) END,
               unit, level, province, province_now, sentence, sentence_start,
               sentence_start + item_offset, sentence_start + item_offset + item_length
        FROM g_placed WHERE kind IS NOT NULL""")
    con.execute("""
        INSERT INTO units (article_id, name, level, province, province_now, mentions, start_char, end_char)
        SELECT (art + 1) * 7919, unit, any_value(level), any_value(province), any_value(province_now), [unit],
               min(sentence_start), min(sentence_start) + length(unit)
        FROM g_placed WHERE kind IS NOT NULL GROUP BY art, unit""")
    con.execute("""
        INSERT INTO amounts (article_id, text, kind, value, currency, unit, qualifier, start_char, end_char, sentence)
        SELECT article_id, item, kind, value, currency, counted, 'exact', item_start, item_end, sentence
        FROM highlights WHERE kind IN ('money', 'count') AND article_id >= ?""", [first_id])
    con.execute("""
        INSERT INTO awards (article_id, text, form, start_char, end_char)
        SELECT article_id, item, label, item_start, item_end FROM highlights WHERE kind = 'award' AND article_id >= ?""",
        [first_id])
    for table in ("movements", "models"):
        con.execute(f"""INSERT INTO {table} SELECT article_id, label, unit, item_start, item_end
                        FROM highlights WHERE kind = '{table[:-1]}' AND article_id >= ?""", [first_id])
    # The word index: folded syllables and adjacent syllable pairs of title and body.
    con.execute("""
        CREATE OR REPLACE TEMP TABLE g_tokens AS
        SELECT article_id, field, unnest(regexp_extract_all(strip_accents(lower(replace(replace(text, 'đ', 'd'), 'Đ', 'd'))),
               '[a-z0-9]+')) AS syllable, generate_subscripts(regexp_extract_all(strip_accents(lower(replace(replace(text, 'đ', 'd'), 'Đ', 'd'))),
               '[a-z0-9]+'), 1) AS pos
        FROM (SELECT article_id, 'title' AS field, title AS text FROM articles WHERE article_id >= $1
              UNION ALL SELECT article_id, 'body', body FROM articles WHERE article_id >= $1)""", [first_id])
    con.execute("""
        INSERT INTO search_terms
        SELECT article_id, term, count(*) FILTER (WHERE field = 'title')::INTEGER,
               count(*) FILTER (WHERE field = 'body')::INTEGER
        FROM (SELECT article_id, field, syllable AS term FROM g_tokens
              UNION ALL
              SELECT article_id, field, syllable || ' ' || lead(syllable) OVER (PARTITION BY article_id, field ORDER BY pos)
              FROM g_tokens WHERE field = 'body' QUALIFY lead(syllable) OVER (PARTITION BY article_id, field ORDER BY pos) IS NOT NULL)
        GROUP BY ALL""")


def _replicate(con: duckdb.DuckDBPyConnection, chunk: int, articles: int) -> None:
    """Articles ``chunk`` to ``articles - 1`` as copies of the first ``chunk`` ones, rows of every table included.

    Each copy gets its own id, URL, date and hash (ids and sources follow the article number, as in
    :func:`_generate_chunk`); its texts are those of the original. Rows are copied in table order, so
    each copy's word index is a stretch sorted by term, as nightly runs leave it
    (``pipeline.search.sort_appended_terms``).
    Copying is what makes a million articles affordable here: no text is processed twice.
    """
    tables = ("highlights", "units", "amounts", "awards", "movements", "models", "sentences", "search_terms")
    for copy in range(1, -(-articles // chunk)):
        offset, last = copy * chunk, min(chunk, articles - copy * chunk) * 7919
        con.execute(f"""
            INSERT INTO articles
            SELECT * REPLACE (
                article_id + {offset * 7919} AS article_id,
                'https://nguon' || ((article_id // 7919 - 1 + {offset}) % {SOURCES}) || '.example/tin/'
                    || (article_id // 7919 - 1 + {offset}) AS url,
                TIMESTAMP '2022-01-01 07:00'
                    + to_minutes((hash(article_id // 7919 - 1 + {offset}, 'date') % (1400 * 24 * 60))::BIGINT) AS published_at,
                md5((article_id // 7919 - 1 + {offset})::VARCHAR) AS content_hash)
            FROM articles WHERE article_id <= {last} ORDER BY article_id""")
        for table in tables:
            con.execute(f"""INSERT INTO {table} SELECT * REPLACE (article_id + {offset * 7919} AS article_id)
                            FROM {table} WHERE article_id <= {last}""")


def generate(path: Path, articles: int) -> None:
    """Fill a fresh database with ``articles`` generated articles and all their derived rows."""
    path.parent.mkdir(parents=True, exist_ok=True)
    for stale in (path, path.with_name(path.name + ".wal")):
        stale.unlink(missing_ok=True)
    store = Store.open(path)
    con = store.con
    units = [(pattern.format(p=old), level, old, now) for old, now in PROVINCES for pattern, level in UNIT_PATTERNS]
    con.execute("CREATE TEMP TABLE g_units (uid INTEGER, name VARCHAR, level VARCHAR, province VARCHAR, province_now VARCHAR)")
    con.executemany("INSERT INTO g_units VALUES (?, ?, ?, ?, ?)", [(i, *u) for i, u in enumerate(units)])
    con.execute("CREATE TEMP TABLE g_templates (tid INTEGER, kind VARCHAR, before VARCHAR, item VARCHAR, after VARCHAR)")
    con.executemany("INSERT INTO g_templates VALUES (?, ?, ?, ?, ?)", [(i, *t) for i, t in enumerate(TEMPLATES)])
    con.execute("CREATE TEMP TABLE g_fillers (fid INTEGER, text VARCHAR)")
    con.executemany("INSERT INTO g_fillers VALUES (?, ?)", list(enumerate(FILLERS)))
    con.execute(f"""INSERT INTO sources (source, name, base_url, province, kind, verified)
                    SELECT 'nguon-' || i, 'Nguồn tin số ' || i, 'https://nguon' || i || '.example',
                    NULL, 'newspaper', FALSE FROM range({SOURCES}) t(i)""")
    con.execute("SET enable_progress_bar = false")
    _generate_chunk(con, 0, min(articles, CHUNK), len(units))
    _sentences(con)
    compact_index(con)  # as the writer does before publishing
    _replicate(con, min(articles, CHUNK), articles)
    con.execute("CHECKPOINT")
    store.close()


def complete(con: duckdb.DuckDBPyConnection) -> None:
    """Fill sentences, meta and the crawl tables of a database made by :func:`generate`."""
    con.execute("INSERT OR REPLACE INTO meta VALUES ('extractor_version', ?)", [GENERATED_VERSION])
    con.execute("""
        INSERT INTO crawl_runs
        SELECT 'run-' || d, 'run', TIMESTAMP '2022-01-01 02:00' + to_days(d::INTEGER),
               TIMESTAMP '2022-01-01 02:40' + to_days(d::INTEGER), 'ok',
               (SELECT count(*) FROM sources), 0, 0, 0
        FROM range((SELECT date_diff('day', TIMESTAMP '2022-01-01', max(fetched_at)) FROM articles) + 1) t(d)""")
    con.execute("""
        INSERT INTO crawl_site_runs
        SELECT r.run_id, s.source, 'ok', 21, 20, 1, 19, 1, 0, 0, 0.0, NULL
        FROM crawl_runs r CROSS JOIN sources s""")
    con.execute(f"""
        INSERT INTO page_errors
        SELECT 'run-0', source, url || '?loi', 'http_error', 'HTTP 503', fetched_at FROM articles
        WHERE hash(article_id) % 10000 < {int(PAGE_ERROR_SHARE * 10000)}""")
    con.execute(f"""
        INSERT INTO http_cache
        SELECT base_url || '/tin-tuc?page=' || p, '"' || md5(source || p) || '"', NULL, TIMESTAMP '2025-11-01'
        FROM sources, range(1, {LISTING_PAGES_PER_SOURCE + 1}) t(p)""")

def _sentences(con: duckdb.DuckDBPyConnection) -> None:
    """The ``sentences`` rows of every article: sentences end with ". " inside a body; words are runs
    of letters and single punctuation marks."""
    con.execute("""
        INSERT INTO sentences
        WITH parts AS (
            SELECT article_id, unnest(string_split(body, '. ')) AS part,
                   generate_subscripts(string_split(body, '. '), 1) AS idx
            FROM articles),
        placed AS (
            SELECT article_id, idx, CASE WHEN suffix(part, '.') THEN part ELSE part || '.' END AS text,
                   coalesce(sum(length(part) + 2) OVER (PARTITION BY article_id ORDER BY idx
                            ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING), 0)::INTEGER AS start_char
            FROM parts)
        SELECT article_id, idx - 1, text, words,
               list_transform(words, lambda w: CASE WHEN regexp_matches(w, '^[[:punct:]]$') THEN 'CH' ELSE 'N' END),
               start_char, start_char + length(text)
        FROM (SELECT *, regexp_extract_all(text, '[^[:space:][:punct:]]+|[[:punct:]]') AS words FROM placed)""")


RESEARCH_CHUNK = 5000  # articles per call of the incremental registry and event grouping


def _temp_table(con: duckdb.DuckDBPyConnection, name: str, columns: dict[str, list]) -> None:
    """A temp table from Python columns, through Arrow (executemany is a statement per row)."""
    con.register("_g_columns", pa.table(columns))
    try:
        con.execute(f"CREATE OR REPLACE TEMP TABLE {name} AS SELECT * FROM _g_columns")
    finally:
        con.unregister("_g_columns")


def _identity_map(con: duckdb.DuckDBPyConnection, rows: list[tuple]) -> None:
    """Temp table g_ids(name, level, province, unit_id) from extract.unit_identity."""
    _temp_table(con, "g_ids", {"name": [r[0] for r in rows], "level": [r[1] for r in rows],
                               "province": [r[2] for r in rows],
                               "unit_id": pa.array([identify(*r, date(2024, 1, 1)).unit_id for r in rows], pa.int64())})


def research(con: duckdb.DuckDBPyConnection) -> None:
    """Fill what the research views need in a database made by :func:`generate`: unit ids, money
    purposes, awards' index, family and awarder, award recipients; then the unit registry and the
    events, through the same incremental code the extraction runs (pipeline.derived), a chunk of
    articles at a time in date order.

    Generated awards: a Cờ thi đua goes to the sentence's unit from the Tổng Liên đoàn (national,
    province and national sector units) or from its province's federation (the others); a Bằng
    khen or Giấy khen is given by the sentence's unit to the group its number counts.
    """
    national = "Tổng Liên đoàn Lao động Việt Nam"
    con.execute("""CREATE OR REPLACE TEMP TABLE g_giver AS
                   SELECT DISTINCT name, level, province, province_now,
                          CASE WHEN level IN ('province', 'national_industry') THEN ?
                               ELSE 'Liên đoàn Lao động tỉnh ' || province END AS giver
                   FROM units""", [national])
    # The awarder of each Cờ thi đua is named in its article too.
    con.execute("""INSERT INTO units (article_id, name, level, province, province_now, mentions)
                   SELECT DISTINCT w.article_id, g.giver,
                          CASE WHEN g.giver = ? THEN 'national' ELSE 'province' END,
                          CASE WHEN g.giver = ? THEN NULL ELSE g.province END,
                          CASE WHEN g.giver = ? THEN NULL ELSE g.province_now END, [g.giver]
                   FROM awards w JOIN highlights h ON h.article_id = w.article_id AND h.item_start = w.start_char
                   JOIN g_giver g ON g.name = h.unit
                   WHERE w.form = 'Cờ thi đua'
                     AND NOT EXISTS (SELECT 1 FROM units u WHERE u.article_id = w.article_id AND u.name = g.giver)""",
                [national] * 3)
    _identity_map(con, con.execute("SELECT DISTINCT name, level, province, province_now FROM units").fetchall())
    con.execute("""UPDATE units SET unit_id = g.unit_id FROM g_ids g
                   WHERE units.name = g.name AND units.level = g.level
                     AND units.province IS NOT DISTINCT FROM g.province""")
    con.execute("""UPDATE amounts SET unit_id = u.unit_id FROM highlights h, units u
                   WHERE h.article_id = amounts.article_id AND h.item_start = amounts.start_char
                     AND u.article_id = h.article_id AND u.name = h.unit""")
    sentences = con.execute("SELECT DISTINCT sentence, text FROM amounts WHERE kind = 'money'").fetchall()
    _temp_table(con, "g_purpose", {"sentence": [s for s, _ in sentences], "text": [t for _, t in sentences],
                                   "purpose": [purpose_in(s, t) for s, t in sentences]})
    con.execute("""UPDATE amounts SET purpose = g.purpose FROM g_purpose g
                   WHERE amounts.kind = 'money' AND amounts.sentence = g.sentence AND amounts.text = g.text""")
    forms = [form for (form,) in con.execute("SELECT DISTINCT form FROM awards").fetchall()]
    _temp_table(con, "g_family", {"form": forms, "family": [form_family(f) for f in forms]})
    con.execute("""
        UPDATE awards SET idx = n.idx, form_family = n.family, awarder = n.awarder, awarder_unit = n.awarder,
                          awarder_level = n.awarder_level, recipient_count = n.counted,
                          recipient_kind = CASE WHEN n.form = 'Cờ thi đua' THEN 'collective'
                                                WHEN n.item LIKE '%cá nhân%' THEN 'individual' ELSE 'collective' END
        FROM (SELECT w.article_id, w.start_char, w.form, h.item, f.family,
                     (row_number() OVER (PARTITION BY w.article_id ORDER BY w.start_char) - 1)::INTEGER AS idx,
                     CASE WHEN w.form = 'Cờ thi đua' THEN g.giver ELSE h.unit END AS awarder,
                     CASE WHEN w.form <> 'Cờ thi đua' THEN h.level WHEN g.giver = ? THEN 'national'
                          ELSE 'province' END AS awarder_level,
                     CASE WHEN w.form = 'Cờ thi đua' THEN 1 ELSE try_cast(regexp_extract(h.item, 'cho ([0-9]+)', 1) AS INTEGER)
                     END AS counted
              FROM awards w JOIN highlights h ON h.article_id = w.article_id AND h.item_start = w.start_char
              JOIN g_family f ON f.form = w.form JOIN g_giver g ON g.name = h.unit) n
        WHERE awards.article_id = n.article_id AND awards.start_char = n.start_char""", [national])
    con.execute("""
        INSERT INTO award_recipients
        SELECT w.article_id, w.idx, 0,
               CASE WHEN w.form = 'Cờ thi đua' THEN h.unit
                    ELSE w.recipient_count || CASE WHEN w.recipient_kind = 'individual' THEN ' cá nhân' ELSE ' tập thể' END
               END,
               CASE WHEN w.form = 'Cờ thi đua' THEN 'unit' ELSE 'group' END,
               w.recipient_count,
               CASE WHEN w.form = 'Cờ thi đua' THEN h.level END,
               h.province, h.province_now,
               CASE WHEN w.form = 'Cờ thi đua' THEN 'recipient' ELSE 'awarder' END,
               u.unit_id  -- the recipient unit, or the awarder whose members a group counts
        FROM awards w JOIN highlights h ON h.article_id = w.article_id AND h.item_start = w.start_char
        LEFT JOIN units u ON u.article_id = w.article_id AND u.name = h.unit""")
    ids = [r[0] for r in con.execute(
        "SELECT article_id FROM articles ORDER BY published_at, article_id").fetchall()]
    for start in range(0, len(ids), RESEARCH_CHUNK):
        update_derived(con, ids[start : start + RESEARCH_CHUNK])


def build_database(path: Path, articles: int) -> dict[str, float]:
    """Generate a database of ``articles`` articles at ``path``; return the seconds each step took."""
    start = time.perf_counter()
    generate(path, articles)
    generated = time.perf_counter()
    store = Store.open(path)
    try:
        complete(store.con)
        completed = time.perf_counter()
        research(store.con)
        store.con.execute("CHECKPOINT")
    finally:
        store.close()
    return {"generate_s": generated - start, "complete_s": completed - generated,
            "research_s": time.perf_counter() - completed}


def cached_database(articles: int) -> Path:
    """The generated database of ``articles`` articles under bench/out/, built once.

    The file name carries a digest of this generator and of the migrations, so a
    change to either builds a fresh one (the old file is left for the user to delete).
    """
    digest = hashlib.sha1(Path(__file__).read_bytes())
    for migration in sorted(MIGRATIONS_DIR.glob("*.sql")):
        digest.update(migration.read_bytes())
    path = OUT_DIR / f"db-{articles}-{digest.hexdigest()[:8]}.duckdb"
    if not path.exists():
        building = path.with_name(path.name + ".building")
        build_database(building, articles)
        building.rename(path)
    return path


def table_rows(path: Path) -> dict[str, int]:
    """Rows of every base table."""
    with duckdb.connect(str(path), read_only=True) as con:
        tables = [r[0] for r in con.execute(
            "SELECT table_name FROM duckdb_tables() WHERE database_name = current_database() ORDER BY 1").fetchall()]
        return {t: con.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in tables}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out", type=Path)
    parser.add_argument("--articles", type=int, default=50_000)
    args = parser.parse_args()
    timings = build_database(args.out, args.articles)
    rows = table_rows(args.out)
    print(", ".join(f"{k} {v:.1f}" for k, v in timings.items()))
    print(", ".join(f"{t} {n:,}" for t, n in rows.items()))
    print(f"{args.out.stat().st_size / 2**20:.0f} MiB")


if __name__ == "__main__":
    main()
