"""Charset truth: a page declared as one charset and written in another is read right and the
repair recorded, or rejected as bad_charset; never stored or extracted as garbage.

Each direction is tested through decode_html, through `congdoan import` of files, and through a
real crawl of pages served on loopback with a wrong Content-Type header.
"""

from __future__ import annotations

import random
import unicodedata
from pathlib import Path

import duckdb
import pytest

from extract.charset import decode_html
from extract.html import parse_html
from pipeline.importer import import_file
from tests.conftest import to_cp1258

FIXTURES = Path(__file__).parent / "sites_fixtures"
PAGE = (FIXTURES / "tiny" / "tin-tuc" / "bai-viet-2.html").read_text(encoding="utf-8")
PHRASE = "Công đoàn ngành Y tế tổ chức hội thi an toàn vệ sinh viên giỏi"
LEAD = "Hội thi thu hút 15 đội đến từ các bệnh viện và trung tâm y tế trên địa bàn"


def with_meta(charset: str | None) -> str:
    return PAGE.replace('<meta charset="utf-8">', f'<meta charset="{charset}">' if charset else "")


def scrambled(data: bytes, share: float = 0.3, seed: int = 7) -> bytes:
    """High bytes replaced at random: neither UTF-8 nor any code page."""
    rng = random.Random(seed)
    return bytes(rng.randrange(0x80, 0x100) if b >= 0x80 and rng.random() < share else b for b in data)


def double_encoded(text: str) -> bytes:
    """UTF-8 read as Windows-1252 (as browsers read it: undefined bytes kept as C1 controls) and saved
    again as UTF-8, as a broken CMS does."""
    import ftfy.bad_codecs  # noqa: F401  (registers sloppy-windows-1252)

    return text.encode("utf-8").decode("sloppy-windows-1252").encode("utf-8")


# (name, bytes, declared charset header, expected: "ok" read right with a note, "clean" read right, "bad")
CASES = [
    ("cp1258-as-latin1", to_cp1258(with_meta("iso-8859-1")), "iso-8859-1", "ok"),
    ("cp1258-as-cp1252", to_cp1258(with_meta("windows-1252")), "windows-1252", "ok"),
    ("cp1258-as-utf8", to_cp1258(with_meta("utf-8")), "utf-8", "ok"),
    ("utf8-as-cp1258", with_meta("windows-1258").encode("utf-8"), "windows-1258", "ok"),
    ("utf8-as-latin1", with_meta("iso-8859-1").encode("utf-8"), "iso-8859-1", "ok"),
    ("utf8-double-encoded", double_encoded(PAGE), "utf-8", "ok"),
    ("cp1258-declared-right", to_cp1258(with_meta("windows-1258")), "windows-1258", "clean"),
    ("utf8-scrambled", scrambled(PAGE.encode("utf-8")), "utf-8", "bad"),
    ("cp1258-scrambled", scrambled(to_cp1258(with_meta("windows-1258"))), "windows-1258", "bad"),
]
IDS = [c[0] for c in CASES]


@pytest.mark.parametrize("name,data,declared,expected", CASES, ids=IDS)
def test_decoding_tells_the_truth(name: str, data: bytes, declared: str, expected: str) -> None:
    decoded = decode_html(data, declared)
    if expected == "bad":
        assert decoded.problem == "bad_charset", decoded.text[:200]
        return
    assert decoded.problem is None, decoded.detail
    text = unicodedata.normalize("NFC", decoded.text)
    assert PHRASE in text and LEAD in text
    assert (decoded.note is not None) == (expected == "ok"), decoded.note
    parsed = parse_html(data, "https://x.example.vn/tin-tuc/a.html", encoding=declared)
    assert parsed.ok and parsed.title == PHRASE and LEAD in parsed.body


def test_a_few_high_bytes_follow_the_declaration_and_a_stray_bad_byte_keeps_utf8() -> None:
    sparse = '<html><head><meta charset="windows-1258"></head><body><p>Cong doan tinh Nghe An dự hội nghị.</p></body></html>'
    decoded = decode_html(to_cp1258(sparse))
    assert decoded.encoding == "cp1258" and "dự hội" in unicodedata.normalize("NFC", decoded.text)
    data = PAGE.encode("utf-8")
    cut = data.index("Hội thi".encode()) - 1
    decoded = decode_html(data[:cut] + b"\xff" + data[cut + 1 :], "utf-8")
    assert decoded.encoding == "utf-8" and LEAD in decoded.text
    assert decoded.note == "charset_repaired: 1 invalid UTF-8 sequence(s) replaced"


def test_vietnamese_written_right_is_never_taken_for_mojibake() -> None:
    for path in [*sorted((Path(__file__).parent / "gold").glob("*/*.txt")), *FIXTURES.glob("tiny/tin-tuc/*.html")]:
        data = path.read_bytes()
        decoded = decode_html(data)
        assert decoded.problem is None and decoded.note is None and decoded.text == data.decode("utf-8"), path


@pytest.mark.parametrize("name,data,declared,expected", CASES, ids=IDS)
def test_import_reads_right_or_rejects(tmp_path: Path, name: str, data: bytes, declared: str, expected: str) -> None:
    path = tmp_path / f"{name}.html"  # a saved page: only its <meta charset> declares anything
    path.write_bytes(data)
    result = import_file(path)
    if expected == "bad":
        assert result.article is None and result.error.startswith("bad_charset:"), result.error
        return
    assert result.article is not None, result.error
    assert result.article.title == PHRASE and LEAD in result.article.body
    assert (result.note is not None) == (expected == "ok"), result.note


# -- a real crawl, with the wrong header on the wire ------------------------------------------


@pytest.mark.slow
def test_a_crawl_stores_pages_read_right_and_rejects_garbage(tmp_path: Path) -> None:
    from sites_fixtures.crawl_runner import run_crawl
    from test_crawl_faults import ENTRY, FaultServer, Reply, listing

    sites_dir = tmp_path / "sites"
    sites_dir.mkdir()
    (sites_dir / "charsets.toml").write_text(ENTRY.format(source="charsets"), encoding="utf-8")
    routes = {"/tin-tuc": listing(*(f"/tin-tuc/{name}.html" for name in IDS))}
    for name, data, declared, _ in CASES:
        # Each page its own text, so that none is a duplicate of another.
        own = data.replace(b"15 ", f"{IDS.index(name) + 20} ".encode())
        routes[f"/tin-tuc/{name}.html"] = Reply(body=own, content_type=f"text/html; charset={declared}")
    with FaultServer(routes) as server:
        [row] = run_crawl(tmp_path / "c.duckdb", sites_dir, {"charsets": server.origin})
    con = duckdb.connect(str(tmp_path / "c.duckdb"), read_only=True)
    stored = dict(con.execute("SELECT url, body FROM articles").fetchall())
    errors = {(url.rsplit("/", 1)[-1], reason) for url, reason in con.execute("SELECT url, reason FROM page_errors").fetchall()}
    con.close()
    base = "https://charsets.example.vn/tin-tuc/"
    assert row["status"] == "ok" and row["failures"] == 2
    assert set(stored) == {base + f"{name}.html" for name, *_, expected in CASES if expected != "bad"}
    for body in stored.values():
        assert "Hội thi thu hút" in body and "đến từ các bệnh viện" in body
    assert {(f"{name}.html", "bad_charset") for name, *_, expected in CASES if expected == "bad"} <= errors
    assert {(f"{name}.html", "charset_repaired") for name, *_, expected in CASES if expected == "ok"} <= errors
    assert not any(name.endswith("declared-right.html") for name, _ in errors)


def test_the_mojibake_pair_is_in_every_misreading_and_in_no_correct_page() -> None:
    """The cheap pre-check that lets correct UTF-8 skip the full judgement: it must see every
    misreading of Vietnamese, and no correctly written page of the fixtures (else they pay for it)."""
    from extract.charset import _mojibake_pair

    pair = _mojibake_pair()
    text = unicodedata.normalize("NFC", PHRASE + " " + LEAD + " đ ư ơ ă â ê ô “Bằng khen” – và\u00a0")
    for codec in ("cp1252", "cp1258", "latin-1"):
        assert pair.search(text.encode("utf-8").decode(codec, errors="replace")), codec
    assert pair.search(double_encoded(text).decode("utf-8"))
    pages = [*(Path(__file__).parent / "fixtures" / "saved_html").glob("*.html"), *FIXTURES.rglob("*.html")]
    assert len(pages) > 20
    for page in pages:
        data = page.read_bytes()
        try:
            correct = unicodedata.normalize("NFC", data.decode("utf-8"))
        except UnicodeDecodeError:
            continue  # the fixtures of wrong charsets
        if decode_html(data).note is None:  # read as written
            assert not pair.search(correct), page.name
