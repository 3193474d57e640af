"""Page times of the staff web app on a generated database of 50,000 articles.

    .venv/bin/python bench/web_bench.py [--articles 50000] [--runs 15] [--rebuild]

The database (bench/out/web_bench.duckdb, git-ignored) is generated directly
with DuckDB SQL, not through the NLP: bodies are built from sentence templates
with known item offsets, so highlights, the extraction tables and the word index
(folded syllables and every adjacent pair of syllables, more terms than
underthesea's words give: a pessimistic index) are consistent with the text;
the index is then ordered by term (pipeline.search.compact_index), as the
writer leaves it.
Each page is requested through the whole ASGI app, including opening a
read-only connection per request, and the table prints median and p95 in ms.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from starlette.testclient import TestClient  # noqa: E402

from pipeline.search import compact_index  # noqa: E402
from pipeline.store import Store  # noqa: E402
from pipeline.web.app import create_app  # noqa: E402

OUT = ROOT / "bench" / "out" / "web_bench.duckdb"
BUDGET_MS = 300.0

# (province at publication, province today) for a sample of provinces, merged ones included.
PROVINCES = [
    ("Thanh Hóa", "Thanh Hóa"), ("Nghệ An", "Nghệ An"), ("Hà Nội", "Hà Nội"), ("TP Hồ Chí Minh", "TP Hồ Chí Minh"),
    ("Bình Dương", "TP Hồ Chí Minh"), ("Bà Rịa - Vũng Tàu", "TP Hồ Chí Minh"), ("Hà Giang", "Tuyên Quang"),
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
    con.execute(f"""INSERT INTO sources SELECT 'nguon-' || i, 'Nguồn tin số ' || i, 'https://nguon' || i || '.example',
                    NULL, 'newspaper', FALSE FROM range({SOURCES}) t(i)""")
    n_units, n_templates, n_fillers = len(units), len(TEMPLATES), len(FILLERS)
    # One row per sentence: highlight sentences (a template filled with a unit and a number) and fillers.
    con.execute(f"""
        CREATE TEMP TABLE g_sentences AS
        WITH slots AS (
            SELECT a.i AS art, s.k, hash(a.i, s.k) AS h, (hash(a.i) % {n_units}) AS home_unit
            FROM range({articles}) a(i), range({HIGHLIGHT_SENTENCES + FILLER_SENTENCES}) s(k)
        )
        SELECT art, k,
               CASE WHEN k % 2 = 0 AND k < {2 * HIGHLIGHT_SENTENCES} THEN h % {n_templates} END AS tid,
               CASE WHEN h % 3 = 0 THEN h % {n_units} ELSE home_unit END AS uid,
               (h % 97 + 3)::INTEGER AS n, h % {n_fillers} AS fid
        FROM slots""")
    con.execute("""
        CREATE TEMP TABLE g_text AS
        SELECT s.art, s.k, t.kind, u.name AS unit, u.level, u.province, u.province_now, s.n,
               CASE WHEN t.kind IS NULL THEN f.text ELSE u.name || t.before || replace(t.item, '{n}', s.n::VARCHAR) || t.after END AS sentence,
               CASE WHEN t.kind IS NULL THEN NULL ELSE length(u.name || t.before) END AS item_offset,
               CASE WHEN t.kind IS NULL THEN NULL ELSE length(replace(t.item, '{n}', s.n::VARCHAR)) END AS item_length,
               replace(t.item, '{n}', s.n::VARCHAR) AS item
        FROM g_sentences s JOIN g_units u USING (uid) LEFT JOIN g_templates t USING (tid) JOIN g_fillers f USING (fid)""")
    con.execute("""
        CREATE TEMP TABLE g_placed AS
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
        INSERT INTO units
        SELECT (art + 1) * 7919, unit, any_value(level), any_value(province), any_value(province_now), [unit],
               min(sentence_start), min(sentence_start) + length(unit)
        FROM g_placed WHERE kind IS NOT NULL GROUP BY art, unit""")
    con.execute("""
        INSERT INTO amounts (article_id, text, kind, value, currency, unit, qualifier, start_char, end_char, sentence)
        SELECT article_id, item, kind, value, currency, counted, 'exact', item_start, item_end, sentence
        FROM highlights WHERE kind IN ('money', 'count')""")
    con.execute("""
        INSERT INTO awards (article_id, text, form, start_char, end_char)
        SELECT article_id, item, label, item_start, item_end FROM highlights WHERE kind = 'award'""")
    for table in ("movements", "models"):
        con.execute(f"""INSERT INTO {table} SELECT article_id, label, unit, item_start, item_end
                        FROM highlights WHERE kind = '{table[:-1]}'""")
    # The word index: folded syllables and adjacent syllable pairs of title and body.
    con.execute("""
        CREATE TEMP TABLE g_tokens AS
        SELECT article_id, field, unnest(regexp_extract_all(strip_accents(lower(replace(replace(text, 'đ', 'd'), 'Đ', 'd'))),
               '[a-z0-9]+')) AS syllable, generate_subscripts(regexp_extract_all(strip_accents(lower(replace(replace(text, 'đ', 'd'), 'Đ', 'd'))),
               '[a-z0-9]+'), 1) AS pos
        FROM (SELECT article_id, 'title' AS field, title AS text FROM articles
              UNION ALL SELECT article_id, 'body', body FROM articles)""")
    con.execute("""
        INSERT INTO search_terms
        SELECT article_id, term, count(*) FILTER (WHERE field = 'title')::INTEGER,
               count(*) FILTER (WHERE field = 'body')::INTEGER
        FROM (SELECT article_id, field, syllable AS term FROM g_tokens
              UNION ALL
              SELECT article_id, field, syllable || ' ' || lead(syllable) OVER (PARTITION BY article_id, field ORDER BY pos)
              FROM g_tokens WHERE field = 'body' QUALIFY lead(syllable) OVER (PARTITION BY article_id, field ORDER BY pos) IS NOT NULL)
        GROUP BY ALL""")
    compact_index(con)  # as the writer does before publishing
    con.execute("CHECKPOINT")
    store.close()


def pages(con_db: Path) -> dict[str, str]:
    """Page label -> URL, with parameters taken from the generated data."""
    store = Store.open(con_db, read_only=True)
    try:
        article_id = store.con.execute("SELECT article_id FROM articles ORDER BY published_at DESC LIMIT 1").fetchone()[0]
        week = store.con.execute("SELECT strftime(max(date), '%G-W%V') FROM v_highlights").fetchone()[0]
    finally:
        store.close()
    return {
        "home": "/",
        "home, page 200": "/?page=200",
        "home, province (merged)": "/?province=TP+H%E1%BB%93+Ch%C3%AD+Minh",
        "home, kind + level + dates": "/?kind=award&level=grassroots&from=2024-01-01&to=2024-12-31",
        "home, source": "/?source=nguon-7",
        "home, keyword filter": "/?q=mai+am+cong+doan",
        "search, accented": "/search?q=Li%C3%AAn+%C4%91o%C3%A0n+Lao+%C4%91%E1%BB%99ng+Thanh+H%C3%B3a",
        "search, unaccented": "/search?q=lien+doan+lao+dong+thanh+hoa",
        "search, rare term": "/search?q=tu+van+phap+luat+kon+tum",
        f"article {article_id}": f"/article/{article_id}",
        "unit": "/unit?name=Li%C3%AAn+%C4%91o%C3%A0n+Lao+%C4%91%E1%BB%99ng+t%E1%BB%89nh+Ngh%E1%BB%87+An",
        "province (chart)": "/province?name=Thanh+H%C3%B3a",
        "digest, latest week": f"/digest?week={week}",
        "export CSV, province + month": "/export.csv?province=H%C3%A0+Giang&from=2024-05-01&to=2024-05-31",
        "export Excel, province + month": "/export.xlsx?province=H%C3%A0+Giang&from=2024-05-01&to=2024-05-31",
        "export CSV, province, 4 years": "/export.csv?province=H%C3%A0+Giang",
    }


def measure(db: Path, runs: int) -> list[tuple[str, float, float, int]]:
    client = TestClient(create_app(db))
    results = []
    for label, url in pages(db).items():
        for _ in range(2):
            client.get(url)
        times = []
        for _ in range(runs):
            start = time.perf_counter()
            response = client.get(url)
            times.append((time.perf_counter() - start) * 1000)
            assert response.status_code == 200, (url, response.status_code)
        times.sort()
        p95 = times[min(len(times) - 1, round(0.95 * (len(times) - 1)))]
        results.append((label, statistics.median(times), p95, len(response.content)))
    return results


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=50_000)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--db", type=Path, default=OUT)
    parser.add_argument("--rebuild", action="store_true", help="generate the database even if it exists")
    args = parser.parse_args()
    if args.rebuild or not args.db.exists():
        start = time.perf_counter()
        generate(args.db, args.articles)
        print(f"generated {args.db} ({args.articles:,} articles) in {time.perf_counter() - start:.1f} s")
    store = Store.open(args.db, read_only=True)
    counts = {t: store.con.execute(f"SELECT count(*) FROM {t}").fetchone()[0]
              for t in ("articles", "highlights", "search_terms")}
    store.close()
    print("rows: " + ", ".join(f"{t} {n:,}" for t, n in counts.items()))
    results = measure(args.db, args.runs)
    width = max(len(r[0]) for r in results)
    print(f"\n{'page':<{width}}  {'median ms':>9}  {'p95 ms':>7}  {'KiB':>6}")
    for label, median, p95, size in results:
        flag = "" if p95 < BUDGET_MS else f"  over {BUDGET_MS:.0f} ms"
        print(f"{label:<{width}}  {median:9.1f}  {p95:7.1f}  {size / 1024:6.0f}{flag}")
    slow = [r for r in results if r[2] >= BUDGET_MS]
    print(f"\n{len(results) - len(slow)}/{len(results)} pages under {BUDGET_MS:.0f} ms at p95")
    sys.exit(1 if slow else 0)


if __name__ == "__main__":
    main()
