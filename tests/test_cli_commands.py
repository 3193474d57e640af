"""Every CLI command run as a user runs it, in a fresh process, against real files and servers."""

from __future__ import annotations

import json
import socket
import subprocess
import time
import urllib.error
import urllib.request
from pathlib import Path

import duckdb
import pytest

from crawl.registry import load_registry
from crawl.sample_server import serve_sites
from core.config import ROOT, TESTS_GOLD_DIR
from tests.conftest import CONGDOAN, run_cli

pytestmark = pytest.mark.slow
FIXTURES = ROOT / "tests" / "fixtures"
SAMPLE = [s for s in load_registry().values() if s.kind == "sample"][:2]


def count(db: Path, sql: str) -> int:
    with duckdb.connect(str(db), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def test_crawl_stores_without_extracting_then_extract(tmp_path: Path) -> None:
    db = tmp_path / "c.duckdb"
    with serve_sites(SAMPLE) as origins:
        argv = [a for s in SAMPLE for a in ("--site", s.source, "--origin", f"{s.source}={origins[s.source]}")]
        result = run_cli("crawl", "--db", str(db), *argv)
    assert "Crawl run" in result.stdout
    stored = count(db, "SELECT count(*) FROM articles")
    assert stored >= 8
    assert count(db, "SELECT count(*) FROM articles WHERE extracted_with IS NULL") == stored
    result = run_cli("extract", "--db", str(db))
    assert f"Extracted {stored} article(s)" in result.stdout
    assert count(db, "SELECT count(*) FROM articles WHERE extracted_with IS NULL") == 0
    assert count(db, "SELECT count(*) FROM amounts") > 0
    assert "Extracted 0 article(s)" in run_cli("extract", "--db", str(db)).stdout
    assert f"Extracted {stored} article(s)" in run_cli("extract", "--all", "--db", str(db)).stdout


def test_import_text_dumps_and_saved_html(tmp_path: Path) -> None:
    db = tmp_path / "i.duckdb"
    files = [FIXTURES / "dumps" / "portal_counters.txt", FIXTURES / "saved_html" / "article_saved.html"]
    result = run_cli("import", *map(str, files), "--db", str(db), "--source", "saved", "--province", "Thanh Hóa")
    assert "Stored 2 article(s)" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        urls = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        assert urls == {f.resolve().as_uri() for f in files}
        assert con.execute("SELECT province FROM sources WHERE source = 'saved'").fetchone()[0] == "Thanh Hóa"
    again = run_cli("import", *map(str, files), "--db", str(db), "--source", "saved")
    assert "Stored 0 article(s); 2 already stored." in again.stdout


def test_import_gives_each_file_its_own_url_and_province(tmp_path: Path) -> None:
    """Issue 11: a mixed batch. The saved page names its address on a registry site (Nghệ An), the
    dump names a national paper's address and its title opens with a province, the manifest places
    the third file; every "LĐLĐ tỉnh" / "Công đoàn ngành ... tỉnh" is resolved accordingly."""
    db = tmp_path / "m.duckdb"
    files = [FIXTURES / "saved_html" / "provincial_canonical.html", FIXTURES / "dumps" / "national_credited_caption.txt",
             FIXTURES / "saved_html" / "sapo_two_headings.html"]
    plain = tmp_path / "hoc_bong.txt"
    plain.write_bytes((FIXTURES / "dumps" / "portal_counters.txt").read_bytes())
    manifest = tmp_path / "manifest.csv"
    manifest.write_text("file,url,source,province\nhoc_bong.txt,,baobacgiang,Bắc Giang\n", encoding="utf-8")
    result = run_cli("import", *map(str, files), str(plain), "--manifest", str(manifest), "--db", str(db))
    assert "Stored 4 article(s)" in result.stdout
    with duckdb.connect(str(db), read_only=True) as con:
        urls = {r[0] for r in con.execute("SELECT url FROM articles").fetchall()}
        units = {r[0] for r in con.execute("SELECT name FROM units").fetchall()}
        sources = dict(con.execute("SELECT source, province FROM sources").fetchall())
        chrome = con.execute(  # sidebar, teaser, counter and footer numbers of the three pages
            "SELECT count(*) FROM amounts WHERE value IN (50, 500, 1000, 2458931, 2373852369)").fetchone()[0]
    assert any(u.startswith("https://laodong.vn/ldld-nghe-an/") for u in urls)
    assert any(u.startswith("https://nld.com.vn/") for u in urls) and plain.resolve().as_uri() in urls
    assert {"Liên đoàn Lao động tỉnh Nghệ An", "Công đoàn Viên chức tỉnh Nghệ An",
            "Liên đoàn Lao động tỉnh Quảng Trị", "Công đoàn ngành Y tế tỉnh Quảng Trị",
            "Công đoàn ngành Giáo dục tỉnh Bắc Giang", "Công đoàn các cơ quan Đảng tỉnh Phú Thọ",
            "Công đoàn Ủy ban nhân dân tỉnh Phú Thọ"} <= units
    assert "Liên đoàn Lao động tỉnh Phú Thọ Quỹ" not in units and chrome == 0  # no unit, no amount from chrome
    assert sources["laodong-ldld-nghean"] == "Nghệ An" and sources["baobacgiang"] == "Bắc Giang"
    bad = tmp_path / "bad.csv"
    bad.write_text("no header here\n", encoding="utf-8")
    refused = run_cli("import", str(plain), "--manifest", str(bad), "--db", str(db), check=False)
    assert refused.returncode == 1 and "header file,url,source,province" in refused.stderr


def test_import_reports_bad_files_and_keeps_the_good_one(tmp_path: Path) -> None:
    db = tmp_path / "b.duckdb"
    binary = tmp_path / "photo.txt"
    binary.write_bytes(bytes(range(256)) * 8)
    result = run_cli("import", str(binary), str(FIXTURES / "dumps" / "portal_counters.txt"), "--db", str(db),
                     check=False)
    assert result.returncode == 1
    assert "photo.txt" in result.stderr
    assert count(db, "SELECT count(*) FROM articles") == 1


def test_eval_imports_missing_gold_documents(tmp_path: Path) -> None:
    lines = (TESTS_GOLD_DIR / "own.jsonl").read_text(encoding="utf-8").splitlines()[:3]
    gold = tmp_path / "own.jsonl"
    gold.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (tmp_path / "own").symlink_to(TESTS_GOLD_DIR / "own")
    result = run_cli("eval", str(gold), "--db", str(tmp_path / "e.duckdb"))
    assert "Imported 3 gold document(s) first" in result.stdout
    for kind in ("units", "amounts", "awards"):
        assert kind in result.stdout
    assert "precision" in result.stdout and "recall" in result.stdout
    rows = {line.split("│")[1].strip(): line for line in result.stdout.splitlines() if line.count("│") >= 4}
    assert "units.level" in rows and "article.title" in rows  # attributes of matches, article fields
    assert rows["article.title"].split("│")[3].strip() == "3"  # of the 3 gold titles


def test_eval_leaves_out_documents_without_text(tmp_path: Path) -> None:
    """A gold document whose text is nowhere (a third-party page that could not be restored) is
    reported and left out of the scores; the others are scored as usual."""
    line = (TESTS_GOLD_DIR / "own.jsonl").read_text(encoding="utf-8").splitlines()[0]
    record = json.loads(line)
    gone = {**record, "doc": "html/h99_gone.html"}
    gold = tmp_path / "own.jsonl"
    gold.write_text(line + "\n" + json.dumps(gone, ensure_ascii=False) + "\n", encoding="utf-8")
    (tmp_path / "own").symlink_to(TESTS_GOLD_DIR / "own")
    result = run_cli("eval", str(gold), "--db", str(tmp_path / "e.duckdb"), "--details")
    assert "1 gold document(s) have no text to import" in " ".join(result.stderr.split())
    assert "h99_gone.html" in result.stderr
    units = next(row for row in result.stdout.splitlines() if row.strip("│ ").startswith("units"))
    tp, fp, fn = (int(v) for v in units.replace("│", " ").split()[4:7])  # kind, P, R, F1, tp, fp, fn, restated
    assert tp + fn == len([u for u in record["units"] if not u.get("optional")])  # one document scored, not two


def test_sites_lists_the_registry() -> None:
    result = run_cli("sites")
    for source in ("laodong", "nld", "sample-thanhhoa"):
        assert source in result.stdout
    assert "assumed" in result.stdout


def test_digest_writes_a_page(demo_db: Path, tmp_path: Path) -> None:
    week = duckdb.connect(str(demo_db), read_only=True).execute(
        "SELECT strftime(max(date), '%G-W%V') FROM v_highlights").fetchone()[0]
    out = tmp_path / "digest.html"
    run_cli("digest", "--week", week, "--out", str(out), "--db", str(demo_db))
    html = out.read_text(encoding="utf-8")
    assert "<html" in html and "@page" in html
    bad = run_cli("digest", "--week", "tuần 22", "--out", str(out), "--db", str(demo_db), check=False)
    assert bad.returncode == 1 and bad.stderr.strip().count("\n") == 0
    docx = tmp_path / "digest.docx"
    run_cli("digest", "--province", "thanh hoa", "--month", week[:4] + "-07", "--format", "docx", "--out", str(docx),
            "--db", str(demo_db))
    assert docx.read_bytes().startswith(b"PK")  # a Word (zip) file


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_serve_answers_on_loopback(demo_db: Path) -> None:
    port = free_port()
    server = subprocess.Popen([*CONGDOAN, "serve", "--db", str(demo_db), "--port", str(port)],
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/", timeout=2) as response:
                    page = response.read().decode("utf-8")
                break
            except OSError:
                assert server.poll() is None, server.stderr.read()
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        assert 'lang="vi"' in page
        hostile = urllib.request.Request(f"http://127.0.0.1:{port}/", headers={"Host": "evil.example"})
        try:
            urllib.request.urlopen(hostile, timeout=5)
            raise AssertionError("a request naming another host was answered")
        except urllib.error.HTTPError as refused:
            assert refused.code == 400 and refused.headers["X-Frame-Options"] == "DENY"
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_a_failed_site_makes_the_run_exit_3_and_the_others_go_on(tmp_path: Path) -> None:
    db = tmp_path / "f.duckdb"
    dead = f"http://127.0.0.1:{free_port()}"  # nothing listens there
    good, bad = SAMPLE
    with serve_sites([good]) as origins:
        result = run_cli("run", "--db", str(db), "--site", good.source, "--origin", f"{good.source}={origins[good.source]}",
                         "--site", bad.source, "--origin", f"{bad.source}={dead}", check=False)
    assert result.returncode == 3, result.stderr
    assert bad.source in result.stderr and result.stderr.strip().count("\n") == 0
    with duckdb.connect(str(db), read_only=True) as con:
        sources = {r[0] for r in con.execute("SELECT DISTINCT source FROM articles").fetchall()}
        statuses = dict(con.execute("SELECT source, status FROM crawl_site_runs").fetchall())
    assert sources == {good.source}
    assert statuses == {good.source: "ok", bad.source: "failed"}
    log = (tmp_path / "logs" / "congdoan.log").read_text(encoding="utf-8")
    assert f"sites check after the failed crawl: {bad.source}: unreachable" in log


def test_sites_check_answers_the_cookie_challenge_and_gives_one_verdict_per_site(tmp_path: Path) -> None:
    import json

    from sites_fixtures.loopback import Answer, LoopbackServer

    real = ROOT / "tests" / "sites_fixtures" / "real" / "laodong"
    expected = json.loads((real / "expected.json").read_text(encoding="utf-8"))
    pages = {expected["listing"]["path"]: (real / "listing.html").read_bytes(),
             expected["article"]["path"]: (real / "article.html").read_bytes()}
    challenge = b'<html><body><script>document.cookie="D1N=1a2b3c"+"; path=/";location.reload(true);</script></body></html>'

    def route(body: bytes):
        return lambda request: Answer(200, body if "D1N=1a2b3c" in request.get("cookie", "") else challenge)

    with LoopbackServer({path: route(body) for path, body in pages.items()}) as server:
        result = run_cli("sites", "check", "--site", "laodong", "--origin", f"laodong={server.origin}",
                         "--site", "nld", "--origin", f"nld=http://127.0.0.1:{free_port()}",
                         "--save", str(tmp_path / "pages"), check=False)
    assert result.returncode == 3, result.stderr
    assert "laodong" in result.stdout and "ok" in result.stdout and "unreachable" in result.stdout
    assert (tmp_path / "pages" / "laodong" / "article.html").read_bytes() == pages[expected["article"]["path"]]


def test_a_ceased_source_is_crawled_only_with_since(tmp_path: Path) -> None:
    result = run_cli("crawl", "--db", str(tmp_path / "x.duckdb"), "--site", "baohaugiang", check=False)
    assert result.returncode == 1
    assert "Skipped baohaugiang: ceased on 2025-06-30 (successor: baocantho)" in result.stdout
    assert "--since" in result.stderr and result.stderr.strip().count("\n") == 0


def test_quarantine_lists_the_articles_set_aside(tmp_path: Path) -> None:
    import os

    from tests.poison import PHRASE_ENV, POISONED_CLI

    db = tmp_path / "q.duckdb"
    docs = sorted((TESTS_GOLD_DIR / "own").glob("*.txt"))[:3]
    phrase = docs[1].read_text(encoding="utf-8").strip().splitlines()[0]
    imported = subprocess.run([*POISONED_CLI, "import", *map(str, docs), "--db", str(db)], capture_output=True,
                              text=True, env={**os.environ, PHRASE_ENV: phrase, "COLUMNS": "200"}, timeout=600)
    assert imported.returncode == 0, imported.stderr
    assert "Stored 3 article(s)" in imported.stdout
    assert "warning: 1 article(s) could not be processed and were set aside" in imported.stderr
    listed = run_cli("quarantine", "--db", str(db))
    assert "1 article(s) set aside" in listed.stdout and "PanicExcep" in listed.stdout
    assert count(db, "SELECT count(*) FROM articles WHERE extracted_with IS NOT NULL") == 2
    run_cli("extract", "--db", str(db))  # the command line without the poison: the same version, not retried
    assert count(db, "SELECT count(*) FROM quarantine") == 1
    empty = tmp_path / "e.duckdb"
    run_cli("import", str(docs[0]), "--db", str(empty))
    assert "No article is in quarantine." in run_cli("quarantine", "--db", str(empty)).stdout
