"""``congdoan import``: saved article pages (plain-text dumps or HTML files) -> articles.

Each file is read as bytes and decoded robustly (byte-order marks, UTF-16, UTF-8, a declared
charset, else the Vietnamese or Western code page: :func:`extract.html.decode_html`). Its
content, not its extension, says what it is: HTML goes through :func:`extract.html.parse_html`,
anything else through the text-dump filter :func:`extract.textdump.parse_text_dump`.

Nothing here opens the database: the CLI stores the returned articles (and
:func:`import_source`) inside the writer. A file that cannot be imported gives an
:class:`ImportResult` with a one-line error and does not stop the others.
"""

from __future__ import annotations

import re
import stat
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from extract.html import decode_html, parse_html
from extract.textdump import parse_text_dump
from core.config import MAX_PAGE_BYTES
from core.records import Article, Source, nfc
from core.records import utcnow

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
    note: str | None = None  # the charset was repaired (see extract.html.Decoded.note)

    @property
    def ok(self) -> bool:
        return self.article is not None


def import_source(source: str | None = None) -> Source:
    """The ``sources`` row that imported articles point to."""
    name = source or IMPORT_SOURCE
    return Source(source=name, name=f"Imported files ({name})", kind="import")


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


def import_file(path: Path, source: str | None = None, fetched_at: datetime | None = None) -> ImportResult:
    """Read, decode and parse one saved page; never raises for a bad file."""
    result = ImportResult(path=path)
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

    url = path.resolve().as_uri()
    if looks_like_html(text):
        result.kind = "html"
        page = parse_html(text, url)
        if page.problem:
            result.error = f"{page.problem}: {page.detail}"
            return result
        title, published_at, byline = page.title, page.published_at, page.byline
        body = _without_title(page.body, page.title)
    else:
        result.kind = "text"
        dump = parse_text_dump(text)
        if dump.problem == "listing_page":
            result.error = "listing_page: the text is a list of other stories, not an article"
            return result
        if dump.problem:
            result.error = f"{dump.problem}: no article found (no prose paragraph under a headline)"
            return result
        title, body, published_at, byline = dump.title, dump.body, dump.published_at, dump.byline
    result.article = Article(
        url=url,
        source=source or IMPORT_SOURCE,
        title=title,
        body=body,
        fetched_at=fetched_at or utcnow(),
        published_at=published_at,
        byline=byline,
    )
    return result


def import_files(paths: Sequence[Path], source: str | None = None) -> list[ImportResult]:
    """One result per file named (directories expanded), in order; all share one import time."""
    fetched_at = utcnow()
    return [import_file(path, source, fetched_at) for path in expand_paths(Path(p) for p in paths)]
