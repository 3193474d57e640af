"""``congdoan import``: saved article pages (plain-text dumps or HTML files) -> articles.

Each file is read as bytes and decoded robustly (byte-order marks, UTF-16, UTF-8, a declared
charset, else the Vietnamese or Western code page: :func:`extract.charset.decode_html`). Its
content, not its extension, says what it is: HTML goes through :func:`extract.html.parse_html`,
anything else through the text-dump filter :func:`extract.textdump.parse_text_dump`.

Nothing here opens the database: the CLI stores the returned articles (and
:func:`import_source`) inside the writer. A file that cannot be imported gives an
:class:`ImportResult` with a one-line error and does not stop the others.

Each file gets its own context (:func:`file_context`), because the extractors read "LĐLĐ tỉnh" as
the publishing site's province and a batch may mix sites:

* the article's URL: the manifest's ``url``, else the address the page names for itself (a
  saved page's canonical link or ``og:url``; a dump's "Đường dẫn bài viết: https://…" line),
  else the file's ``file://`` URI (always that URI with ``keep_file_urls``, as the evaluation
  finds gold documents by file name);
* the source and its province: the manifest's ``source`` and ``province``; else the registry site
  whose host the URL is on (``data/sites``: its source and province); else ``--source`` and
  ``--province``. A title that opens with a province ("Quảng Bình: …") is read by the
  extractors themselves (``extract.unit_patterns.UnitPatterns.title_province``).

A source name given with two provinces is split: the second is stored as ``<source>-<province>``.
"""

from __future__ import annotations

import csv
import re
import stat
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from functools import lru_cache
from pathlib import Path
from urllib.parse import urlsplit

from core.config import MAX_PAGE_BYTES
from core.records import Article, Source, nfc, utcnow
from crawl.registry import Site, load_registry, path_and_query
from extract.charset import decode_html
from extract.gazetteer import gazetteer
from extract.html import parse_html
from extract.textdump import parse_text_dump, tidy_page_body

IMPORT_SOURCE = "import"

# The opening of an HTML document, or enough HTML elements in its first kilobytes.
_HTML_START = re.compile(r"<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>]", re.IGNORECASE)
_HTML_TAG = re.compile(
    r"</?(?:p|div|span|a|br|img|table|tr|td|ul|ol|li|h[1-6]|meta|link|script|style|strong|em|b|i|section|article)"
    r"(?:\s[^<>]*)?/?>",
    re.IGNORECASE,
)
_SNIFF_CHARS = 8192
_MIN_TAGS = 10


@dataclass
class ImportResult:
    """One imported file: the article, or a one-line error saying why there is none."""

    path: Path
    article: Article | None = None
    error: str | None = None
    kind: str | None = None  # "text" or "html"
    encoding: str | None = None
    source: Source | None = None  # the source row of the article (its province: the site's)
    note: str | None = None  # the charset was repaired (see extract.html.Decoded.note)

    @property
    def ok(self) -> bool:
        return self.article is not None


def import_source(source: str | None = None, province: str | None = None) -> Source:
    """The ``sources`` row that imported articles point to."""
    name = source or IMPORT_SOURCE
    return Source(source=name, name=f"Imported files ({name})", kind="import", province=province or None)


def slug(text: str) -> str:
    """ASCII, lower case, words joined by dashes: "Quảng Bình" -> "quang-binh"."""
    folded = unicodedata.normalize("NFD", text.replace("đ", "d").replace("Đ", "D"))
    plain = "".join(c for c in folded if not unicodedata.combining(c)).lower()
    return "-".join("".join(c if c.isalnum() else " " for c in plain).split())


@dataclass(frozen=True)
class FileContext:
    """What a manifest says about one file; empty fields are unknown."""

    url: str | None = None
    source: str | None = None
    province: str | None = None


class ManifestError(ValueError):
    """A manifest that cannot be read, with the file and the reason."""


MANIFEST_COLUMNS = ("file", "url", "source", "province")


def read_manifest(path: Path) -> dict[Path, FileContext]:
    """``file,url,source,province`` rows (a header line first); files relative to the manifest's folder."""
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.DictReader(handle))
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise ManifestError(f"{path}: cannot read the manifest ({exc})") from None
    if not rows or "file" not in rows[0]:
        raise ManifestError(f"{path}: a manifest is CSV with the header {','.join(MANIFEST_COLUMNS)}")
    contexts = {}
    for row in rows:
        if not (row.get("file") or "").strip():
            continue
        values = {k: nfc((row.get(k) or "").strip()) or None for k in MANIFEST_COLUMNS[1:]}
        contexts[(path.parent / row["file"].strip()).resolve()] = FileContext(**values)
    return contexts


@lru_cache(maxsize=1)
def _sites_by_host() -> dict[str, list[Site]]:
    hosts: dict[str, list[Site]] = {}
    for site in load_registry().values():
        if site.kind != "sample":
            hosts.setdefault(site.host.removeprefix("www."), []).append(site)
    return hosts


def site_of(url: str | None) -> Site | None:
    """The registry site an article URL belongs to: on its host (with or without ``www.``), the entry
    whose article pattern matches the path — a provincial section (laodong.vn/ldld-nghe-an/…) before
    the paper's general entry — else the host's entry without a province."""
    host = (urlsplit(url).hostname or "").removeprefix("www.") if url else ""
    sites = _sites_by_host().get(host, [])
    if not sites:
        return None
    path = path_and_query(url)
    matching = [s for s in sites if s.is_article_path(path)] or [s for s in sites if not s.province] or sites
    return max(matching, key=lambda s: bool(s.province))



@lru_cache(maxsize=1)
def _province_slugs() -> dict[str, str]:
    """Provinces (the 63 of before July 2025) by the slug their portals use as a host label: "haiduong"."""
    return {slug(name).replace("-", ""): name for name in gazetteer().old}


# Host names of provincial papers, federation portals and women's unions: the province's slug after one of these
# ("baolangson.vn", "congdoantayninh.org.vn", "ldldbinhdinh.org.vn", "phunukontum.org.vn").
_HOST_PREFIXES = ("bao", "congdoan", "ldld", "phunu")


def host_province(url: str | None) -> str | None:
    """The province a provincial site's address names: a government portal's ("xa.chilinh.haiduong.gov.vn": Hải
    Dương) or a provincial paper's or union's ("baolangson.vn": Lạng Sơn)."""
    host = (urlsplit(url).hostname or "") if url else ""
    slugs = _province_slugs()
    if host.endswith(".gov.vn"):
        return next((slugs[label] for label in reversed(host.removesuffix(".gov.vn").split(".")) if label in slugs), None)
    first = host.removeprefix("www.").removeprefix("m.").split(".")[0]
    return next((slugs[first[len(p):]] for p in _HOST_PREFIXES if first.startswith(p) and first[len(p):] in slugs), None)

@dataclass
class SourcePlan:
    """Sources of one import: the default (``--source``/``--province``) and those met per file."""

    default: Source
    provinces: dict[str, str | None] = field(default_factory=dict)  # source name -> its province

    def source_for(self, context: FileContext, url: str | None) -> Source:
        site = site_of(url)
        name = context.source or (site.source if site else self.default.source)
        province = context.province or (site.province if site else None) or host_province(url) or \
            (self.default.province if name == self.default.source else None)
        if site and name == site.source and province == (site.province or None):
            record = site.source_record()
        elif name == self.default.source and province == self.default.province:
            record = self.default
        else:
            record = import_source(name, province)
        known = self.provinces.setdefault(record.source, record.province)
        if known != record.province:  # the same name with another province: a source of its own
            record = replace(record, source=f"{record.source}-{slug(record.province or 'national')}",
                             name=f"{record.name} ({record.province or 'national'})")
            self.provinces.setdefault(record.source, record.province)
        return record


def looks_like_html(text: str) -> bool:
    """Whether decoded text is an HTML document rather than a plain-text dump of a page."""
    head = text[:_SNIFF_CHARS]
    return _HTML_START.search(head) is not None or len(_HTML_TAG.findall(head)) >= _MIN_TAGS


def expand_paths(paths: Iterable[Path]) -> list[Path]:
    """The files named, with directories replaced by the files under them (hidden ones skipped)."""
    files: list[Path] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        for found in sorted(path.rglob("*")):
            if found.is_file() and not any(part.startswith(".") for part in found.relative_to(path).parts):
                files.append(found)
    return files


def _without_title(body: str, title: str | None) -> str:
    """The body without a first line that repeats the title (the main-content finder keeps the <h1>)."""
    first, _, rest = body.partition("\n")
    if title and rest and first.strip().casefold() == title.strip().casefold():
        return rest
    return body


def _read_page(text: str, file_url: str, kind: str) -> tuple[str | None, str, datetime | None, str | None, str | None] | str:
    """Title, body, publication time, byline and the page's own address of a saved page (``kind`` "html") or text
    dump; or why it holds no article."""
    if kind == "html":
        page = parse_html(text, file_url)
        if page.problem:
            return f"{page.problem}: {page.detail}"
        tidy = tidy_page_body(_without_title(page.body, page.title))
        return page.title, tidy.body, page.published_at, page.byline or tidy.byline, page.address
    dump = parse_text_dump(text)
    if dump.problem == "listing_page":
        return "listing_page: the text is a list of other stories, not an article"
    if dump.problem:
        return f"{dump.problem}: no article found (no prose paragraph under a headline)"
    return dump.title, dump.body, dump.published_at, dump.byline, dump.address


def import_file(path: Path, source: str | None = None, fetched_at: datetime | None = None, *,
                context: FileContext | None = None, plan: SourcePlan | None = None,
                keep_file_urls: bool = False) -> ImportResult:
    """Read, decode and parse one saved page; never raises for a bad file."""
    result = ImportResult(path=path)
    context = context or FileContext()
    plan = plan or SourcePlan(import_source(source))
    try:
        info = path.stat()
        if not stat.S_ISREG(info.st_mode):  # a FIFO would block the import for ever
            result.error = "not a regular file (a FIFO, socket, device or folder): skipped"
            return result
        if info.st_size > MAX_PAGE_BYTES:
            result.error = (f"too_large: {info.st_size / 2**20:.1f} MiB, over the {MAX_PAGE_BYTES / 2**20:.0f} MiB "
                            "a page may have (as for the crawl)")
            return result
        data = path.read_bytes()
    except OSError as exc:
        result.error = f"cannot read the file: {exc.strerror or exc}"
        return result
    if not data.strip():
        result.error = "empty file"
        return result
    decoded = decode_html(data)
    result.encoding, result.note = decoded.encoding, decoded.note
    if decoded.problem:
        result.error = f"{decoded.problem}: {decoded.detail}"
        return result
    text = nfc(decoded.text.lstrip("\ufeff"))
    if not text.strip():
        result.error = "empty file"
        return result

    file_url = path.resolve().as_uri()
    result.kind = "html" if looks_like_html(text) else "text"
    try:
        read = _read_page(text, file_url, result.kind)
    except Exception as exc:  # a parser fault on one page: that file's error, the others go on (as in the crawl)
        result.error = f"parse_error: {type(exc).__name__}: {exc}"[:500]
        return result
    if isinstance(read, str):
        result.error = read
        return result
    title, body, published_at, byline, address = read
    address = context.url or address
    result.source = plan.source_for(context, address)
    result.article = Article(
        url=file_url if keep_file_urls or not address else address,
        source=result.source.source,
        title=title,
        body=body,
        fetched_at=fetched_at or utcnow(),
        published_at=published_at,
        byline=byline,
    )
    return result


def import_files(paths: Sequence[Path], source: str | Source | None = None, *, province: str | None = None,
                 manifest: dict[Path, FileContext] | None = None, keep_file_urls: bool = False) -> list[ImportResult]:
    """One result per file named (directories expanded), in order; all share one import time.

    ``source`` is the default source: its row, or a name with ``province``; ``manifest``
    (:func:`read_manifest`) and each page's own address give every file its URL, source and
    province (see the module docstring)."""
    fetched_at = utcnow()
    plan = SourcePlan(source if isinstance(source, Source) else import_source(source, province))
    source = plan.default.source
    manifest = manifest or {}
    return [import_file(path, source, fetched_at, context=manifest.get(path.resolve()), plan=plan,
                        keep_file_urls=keep_file_urls)
            for path in expand_paths(Path(p) for p in paths)]
