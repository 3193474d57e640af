"""Every CLI command run as a user runs it, in a fresh process, against real files and servers."""

from __future__ import annotations

import socket
import subprocess
import time
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
    assert any(u.startswith("https://congdoannghean.vn/") for u in urls)
    assert any(u.startswith("https://nld.com.vn/") for u in urls) and plain.resolve().as_uri() in urls
    assert {"Liên đoàn Lao động tỉnh Nghệ An", "Công đoàn Viên chức tỉnh Nghệ An",
            "Liên đoàn Lao động tỉnh Quảng Trị", "Công đoàn ngành Y tế tỉnh Quảng Trị",
            "Công đoàn ngành Giáo dục tỉnh Bắc Giang", "Công đoàn các cơ quan Đảng tỉnh Thanh Hóa",
            "Công đoàn Ủy ban nhân dân tỉnh Thanh Hóa"} <= units
    assert "Liên đoàn Lao động tỉnh Thanh Hóa Quỹ" not in units and chrome == 0  # no unit, no amount from chrome
    assert sources["congdoannghean"] == "Nghệ An" and sources["baobacgiang"] == "Bắc Giang"
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
