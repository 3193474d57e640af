"""The article in an HTML page: title, publication time, byline and cleaned body.

Two paths. When the site's registry entry names CSS selectors, they are used
directly (fast, predictable, and an empty match is the layout-drift signal the
crawler watches). Otherwise, e.g. for pages saved from a browser, trafilatura
finds the main content. Either way the result is a :class:`ParsedPage` whose
``problem`` says, with a reason code, why a page holds no usable article.

Reason codes: ``binary``, ``bad_charset``, ``truncated``, ``empty_body``,
``listing_page`` (the same codes as ``page_errors.reason``).
"""

from __future__ import annotations

import codecs
import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from itertools import islice
from typing import TYPE_CHECKING, Any

import lxml.html
from charset_normalizer.md import mess_ratio
from ftfy import fix_encoding
from ftfy.badness import is_bad
from lxml import etree
from lxml.cssselect import CSSSelector

from extract.dates import date_from_url, date_rules, parse_iso_datetime, parse_vietnamese_date
from extract.lexicon import lexicon

if TYPE_CHECKING:
    from crawl.registry import Site

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0e-\x1f\x7f]")
# Letters only Vietnamese uses among Latin scripts: a page decoded with the wrong code page has almost none.
_VIETNAMESE_ONLY = set(
    "ăằắẳẵặâầấẩẫậđêềếểễệôồốổỗộơờớởỡợưừứửữựảạẻẽẹỉịỏọủụỷỹỵỳ"
    "ĂẰẮẲẴẶÂẦẤẨẪẬĐÊỀẾỂỄỆÔỒỐỔỖỘƠỜỚỞỠỢƯỪỨỬỮỰẢẠẺẼẸỈỊỎỌỦỤỶỸỴỲ"
)
_FALLBACK_ENCODINGS = ("cp1258", "cp1252")
_WORD = re.compile(r"[^\s<>\"'=]+")  # words of text or markup; linear to scan, unlike one pattern for non-ASCII words


@lru_cache(maxsize=1)
def html_rules() -> dict[str, Any]:
    data = lexicon("html")
    prefixes = sorted(data["bylines"]["prefixes"], key=len, reverse=True)
    data["bylines"]["regex"] = re.compile(
        r"^\s*(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*", re.IGNORECASE
    )
    data["binary"]["magic_bytes"] = tuple(bytes.fromhex(m) for m in data["binary"]["magic"])
    data["bylines"]["site_name"] = re.compile(data["bylines"]["site_name_pattern"], re.IGNORECASE)
    return data


@dataclass
class ParsedPage:
    """What a page holds; ``problem`` is a reason code when it holds no usable article."""

    url: str
    title: str | None = None
    published_at: datetime | None = None
    byline: str | None = None
    body: str = ""
    problem: str | None = None
    detail: str | None = None
    encoding: str | None = None
    note: str | None = None  # how the charset was repaired, see Decoded.note
    address: str | None = None  # the page's own URL (canonical link, og:url), when it names one

    @property
    def ok(self) -> bool:
        return self.problem is None


@dataclass(frozen=True)
class Decoded:
    text: str
    encoding: str | None
    problem: str | None = None
    detail: str | None = None
    note: str | None = None  # "charset_repaired: ..." when the text was read otherwise than declared


def _nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def _vietnamese_score(text: str) -> float:
    """Share of the non-ASCII letters that only Vietnamese uses (0 when there are none)."""
    letters = [c for c in _nfc(text) if ord(c) > 127 and c.isalpha()]
    if not letters:
        return 0.0
    return sum(c in _VIETNAMESE_ONLY for c in letters) / len(letters)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4000]
    if len(sample) < 8:
        return None
    even = sample[0::2].count(0) / len(sample[0::2])
    odd = sample[1::2].count(0) / len(sample[1::2])
    if odd > 0.3 and even < 0.05:
        return "utf-16-le"
    if even > 0.3 and odd < 0.05:
        return "utf-16-be"
    return None


def _sample(text: str) -> str:
    """The first words with non-ASCII characters, NFC: where a wrong charset shows."""
    limit = html_rules()["charset"]["sample_words"]
    words = (word for word in (m.group() for m in _WORD.finditer(text)) if not word.isascii())
    return _nfc(" ".join(islice(words, limit)))


def _garbled(text: str) -> bool:
    """Whether a reading of bytes is garbage: mojibake (ftfy), a mess (charset-normalizer), or replaced bytes."""
    sample = _sample(text)
    if not sample:
        return False
    rules = html_rules()["charset"]
    return (sample.count("\ufffd") > len(sample) / 100 or is_bad(sample)
            or mess_ratio(sample, maximum_threshold=1.0) > rules["max_mess"])


def _checked_utf8(text: str) -> Decoded:
    """Valid UTF-8 may still be mojibake (UTF-8 read as cp1252 and saved again): repair it or reject it."""
    if not _garbled(text):
        return Decoded(text, "utf-8")
    repaired = fix_encoding(text)
    if repaired != text and not _garbled(repaired):
        return Decoded(repaired, "utf-8", note="charset_repaired: double-encoded UTF-8 (mojibake) repaired with ftfy")
    return Decoded("", "utf-8", "bad_charset", "the UTF-8 text is mojibake that cannot be repaired")


def _readings(data: bytes, stated: str | None) -> list[tuple[str, str, str | None]]:
    """(codec, text, note) of the bytes in each plausible charset: UTF-8 with a few invalid
    sequences (when the rest is plainly UTF-8), the declared charset, the Vietnamese code page
    and Western Latin."""
    rules = html_rules()["charset"]
    readings: list[tuple[str, str, str | None]] = []
    lenient = data.decode("utf-8", errors="replace")
    invalid = lenient.count("\ufffd")
    valid = sum(1 for c in lenient if ord(c) > 127) - invalid
    if invalid <= rules["max_invalid_utf8"] and valid >= rules["min_valid_per_invalid"] * invalid:
        readings.append(("utf-8", lenient, f"charset_repaired: {invalid} invalid UTF-8 sequence(s) replaced"))
    for name in dict.fromkeys(n for n in (stated, *_FALLBACK_ENCODINGS) if n and n != "utf-8"):
        try:
            readings.append((name, data.decode(name, errors="replace"), None))
        except LookupError:
            continue
    return readings


def decode_html(data: bytes, declared: str | None = None) -> Decoded:
    """Text of an HTML document, whatever its encoding claims, and never garbage.

    Order: byte-order mark; UTF-16 without one; valid UTF-8 (which random bytes in
    another code page almost never are, so it wins over a wrong declaration), repaired
    by ftfy when it is double-encoded mojibake; otherwise, of the readings that are not
    garbage (:func:`_garbled`): the declared charset (HTTP header, else ``<meta charset>``),
    else UTF-8 with a few bad bytes, else the Vietnamese code page or Western Latin,
    whichever reads more as Vietnamese. A page read otherwise than declared, or repaired,
    carries a ``note``; a page with no readable reading is ``bad_charset``.
    """
    rules = html_rules()["binary"]
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return Decoded(data.decode(name, errors="replace"), name)
    utf16 = _utf16_without_bom(data)
    if utf16:
        return Decoded(data.decode(utf16, errors="replace"), utf16)
    if data.startswith(rules["magic_bytes"]):
        return Decoded("", None, "binary", f"binary content (starts with {data[:4].hex()})")
    head = data[:20000].decode("latin-1")
    if head and len(_CONTROL.findall(head)) / len(head) > rules["max_control_share"]:
        return Decoded("", None, "binary", "binary content (control bytes)")
    meta = _META_CHARSET.search(data[:4096])
    stated = _codec(declared) or _codec(meta.group(1).decode("ascii", "ignore") if meta else None)
    what = f"declared {stated}" if stated else "no charset declared"
    try:
        decoded = _checked_utf8(data.decode("utf-8"))
    except UnicodeDecodeError:
        pass
    else:
        if stated and stated != "utf-8" and decoded.note is None and not decoded.problem and not data.isascii():
            return Decoded(decoded.text, "utf-8", note=f"charset_repaired: declared {stated}, but the bytes are utf-8")
        return decoded
    usable = [r for r in _readings(data, stated) if not _garbled(r[1])]
    if not usable:
        return Decoded("", None, "bad_charset", f"every reading of the bytes is garbage ({what})")
    trusted = sorted((r for r in usable if r[0] in ("utf-8", stated)), key=lambda r: r[0] != stated)
    if trusted:  # the declared charset when it reads well, else UTF-8 with a few bad bytes
        name, text, note = trusted[0]
    else:
        name, text, note = max(usable, key=lambda r: _vietnamese_score(_sample(r[1])))
        if _vietnamese_score(_sample(text)) < html_rules()["charset"]["min_vietnamese_share"]:
            return Decoded("", name, "bad_charset", f"cannot decode the page as Vietnamese text ({what})")
    if stated and name != stated and note is None:
        note = f"charset_repaired: declared {stated}, but the bytes are {name}"
    return Decoded(text, name, note=note)


# -- text of elements --------------------------------------------------------------------


def _clean_line(text: str) -> str:
    return " ".join(_nfc(text).replace("\xa0", " ").split())


def element_lines(node: etree._Element) -> list[str]:
    """Text of an element as lines: each block-level element or ``<br>`` starts a new line."""
    blocks = frozenset(html_rules()["body"]["blocks"])
    lines: list[str] = []
    buffer: list[str] = []

    def flush() -> None:
        line = _clean_line("".join(buffer))
        if line:
            lines.append(line)
        buffer.clear()

    def walk(el: etree._Element, top: bool = False) -> None:
        if not isinstance(el.tag, str):  # comments, processing instructions
            if el.tail and not top:
                buffer.append(el.tail)
            return
        tag = el.tag.lower()
        is_block = tag in blocks or tag == "br"
        if is_block:
            flush()
        if el.text:
            buffer.append(el.text)
        for child in el:
            walk(child)
        if is_block:
            flush()
        if el.tail and not top:
            buffer.append(el.tail)

    walk(node, top=True)
    flush()
    return lines


def _text(node: etree._Element) -> str:
    return " ".join(element_lines(node))


@lru_cache(maxsize=512)
def _css(selector: str) -> CSSSelector:
    """A compiled CSS selector: translating CSS to XPath costs more than matching it."""
    return CSSSelector(selector)


def _strip(root: etree._Element, selectors: list[str] | tuple[str, ...]) -> None:
    for selector in selectors:
        for el in _css(selector)(root):
            if el.getparent() is not None:
                el.drop_tree()


def _first_text(root: etree._Element, selectors: list[str] | tuple[str, ...]) -> str | None:
    for selector in selectors:
        for el in _css(selector)(root):
            text = _text(el) or (el.get("datetime") or el.get("content") or "").strip()
            if text:
                return text
    return None


# -- parts of the article ----------------------------------------------------------------


def clean_byline(text: str | None) -> str | None:
    """The credited names of a byline, without "Tin, ảnh:", "Bài và ảnh:", "Theo" and the like."""
    if not text:
        return None
    rules = html_rules()["bylines"]
    # metadata may list the site beside the author: "VietNamNet News; Duy Anh", "Baochinhphu Vn"
    parts = [p for p in _clean_line(text).split(";") if not rules["site_name"].search(p)]
    name = _clean_line(rules["regex"].sub("", "; ".join(parts), count=1)).strip(" -–—:|,.;")
    if not name or len(name) > rules["max_chars"]:
        return None
    return name


def _meta_content(root: etree._Element, attr: str, value: str) -> str | None:
    for el in root.iter("meta"):
        if (el.get(attr) or "").lower() == value.lower() and el.get("content"):
            return el.get("content").strip()
    return None


def page_address(root: etree._Element) -> str | None:
    """The address a page names for itself: ``<link rel="canonical">``, else ``og:url`` (http(s) only)."""
    for el in root.iter("link"):
        if "canonical" in (el.get("rel") or "").lower().split() and (href := (el.get("href") or "").strip()):
            if href.startswith(("http://", "https://")):
                return href
    og = _meta_content(root, "property", "og:url")
    return og if og and og.startswith(("http://", "https://")) else None


def _title(root: etree._Element, site: Site | None) -> str | None:
    """The site's title element; else the printed ``h1`` when it is the headline (close to ``og:title``,
    which sites shorten or rewrite for sharing); else ``og:title``; else the first ``h1`` or ``<title>``."""
    if site and site.article.title:
        found = _first_text(root, [site.article.title])
        if found:
            return found
    og = _meta_content(root, "property", "og:title")
    if og:
        og = _clean_line(og)
        printed = [_text(h) for h in _css("h1")(root)]
        return next((h for h in printed if h and _same_headline(h, og)), og)
    headings = [_text(h) for h in root.iter("h1") if _text(h)]
    if len(headings) > 1:  # a section heading beside the headline: the headline says more
        return max(headings, key=lambda h: len(h.split()))
    return _first_text(root, ["h1", "title"])


def _same_headline(printed: str, shared: str) -> bool:
    """True when the printed heading and the sharing title are versions of one headline, not a logo or section name."""
    a, b = set(printed.casefold().split()), set(shared.casefold().split())
    if not a or not b:
        return False
    return len(a & b) / min(len(a), len(b)) >= html_rules()["title"]["min_shared_words"]


def _published(root: etree._Element, url: str, site: Site | None, body_nodes: list, raw: str) -> datetime | None:
    """Site date element, publication meta tags, common date elements outside the body, URL, then htmldate."""
    if site and site.article.date:
        found = parse_vietnamese_date(_first_text(root, [site.article.date]))
        if found:
            return found
    rules = date_rules()
    inside_body = {el for node in body_nodes for el in node.iter()}
    for attr, value in rules["meta"]:
        found = parse_iso_datetime(_meta_content(root, attr, value))
        if found:
            return found
    for selector in rules["selectors"]:
        for el in _css(selector)(root):
            if el in inside_body:
                continue
            found = parse_iso_datetime(el.get("datetime")) or parse_vietnamese_date(_text(el))
            if found:
                return found
    found = date_from_url(url)
    if found:
        return found
    return _htmldate(raw, url)


def _htmldate(raw: str, url: str) -> datetime | None:
    from htmldate import find_date

    try:
        value = find_date(raw, url=url, extensive_search=False, original_date=True, outputformat="%Y-%m-%d %H:%M")
    except Exception:  # htmldate raises on odd documents; no date is the answer then
        return None
    return datetime.strptime(value, "%Y-%m-%d %H:%M") if value else None


def _byline(root: etree._Element, body_lines: list[str], candidates: list[str | None]) -> str | None:
    """First usable credit: the candidates (site selector, trafilatura), common byline elements, the closing line."""
    site_byline, *others = candidates
    for text in [site_byline, _first_text(root, html_rules()["bylines"]["selectors"]), *others]:
        found = clean_byline(text)
        if found:
            return found
    if body_lines:  # a credit line closing the article: "Tin, ảnh: HẢI THUẬN" or "MINH ANH"
        last = body_lines[-1]
        if html_rules()["bylines"]["regex"].match(last) and len(last) <= 60:
            return clean_byline(last)
        if len(last) <= 40 and last.isupper() and any(c.isalpha() for c in last):
            return clean_byline(last)
    return None


def _listing_problem(root: etree._Element, lines: list[str]) -> str | None:
    """Detail text when the page is a listing of other pages rather than an article.

    Signs: body lines that are headline links of the page, or teasers cut short with
    "...", or more headline text in links than text in the body.
    """
    rules = html_rules()["listing"]
    headlines = {t.casefold() for t in (_text(a) for a in root.iter("a")) if len(t.split()) >= rules["min_words"]}
    enough = max(rules["min_lines"], rules["min_share"] * len(lines))
    linked = sum(1 for line in lines if line.casefold() in headlines)
    if linked >= enough:
        return f"{linked} of {len(lines)} body lines are links to other pages"
    teasers = sum(1 for line in lines if line.endswith(tuple(rules["teaser_endings"])))
    if teasers >= enough:
        return f"{teasers} of {len(lines)} body lines are teasers cut short"
    body_chars = sum(len(line) for line in lines)
    link_chars = sum(len(h) for h in headlines)
    if len(headlines) >= rules["min_headlines"] and link_chars > body_chars:
        return f"{len(headlines)} headline links hold more text than the body ({link_chars} > {body_chars} characters)"
    return None


def _selector_body(root: etree._Element, site: Site) -> tuple[list[str], list]:
    nodes = _css(site.article.body)(root) if site.article.body else []
    # A group selector ("div.art-body, div.article-content") may match a container and its child: keep the outer.
    chosen = set(nodes)
    nodes = [n for n in nodes if not any(a in chosen for a in n.iterancestors())]
    lines: list[str] = []
    for node in nodes:
        _strip(node, site.article.drop)
        lines.extend(element_lines(node))
    facts = []
    if site.article.facts:  # boxed facts outside the body element are article text too
        inside = {el for node in nodes for el in node.iter()}
        for box in _css(site.article.facts)(root):
            if box not in inside:
                facts.extend(line for line in element_lines(box) if line not in lines)
    lines.extend(facts)
    lead = _first_text(root, [site.article.lead]) if site.article.lead else None
    if lead and lead not in lines:
        lines.insert(0, lead)
    return lines, nodes


def _trafilatura_body(raw: str, url: str) -> tuple[list[str], str | None]:
    import trafilatura

    result = trafilatura.bare_extraction(
        raw,
        url=url,
        favor_precision=True,
        include_comments=False,
        include_tables=False,
        include_images=False,
        with_metadata=True,
    )
    if result is None:
        return [], None
    lines = [_clean_line(line) for line in (result.text or "").splitlines()]
    return [line for line in lines if line], result.author


def _truncated(raw: str) -> bool:
    lower = raw[-4000:].lower()
    opened = re.search(r"<(html|body)[\s>]", raw[:20000], re.IGNORECASE) is not None
    return opened and "</html" not in lower and "</body" not in lower


def parse_html(
    html: str | bytes, url: str, site: Site | None = None, *, encoding: str | None = None
) -> ParsedPage:
    """Title, publication time, byline and body of the article in a page.

    ``encoding`` is the charset the server declared, if any; bytes are decoded
    robustly (see :func:`decode_html`). With a site whose entry names a body
    selector, that selector is the body; otherwise trafilatura finds it.
    """
    if isinstance(html, bytes):
        decoded = decode_html(html, encoding)
        if decoded.problem:
            return ParsedPage(url, problem=decoded.problem, detail=decoded.detail, encoding=decoded.encoding)
        raw, used, note = decoded.text, decoded.encoding, decoded.note
    else:
        raw, used, note = html, None, None
    if "\x00" in raw[:2000]:
        return ParsedPage(url, problem="binary", detail="NUL characters in the text", encoding=used)
    if _truncated(raw):
        return ParsedPage(url, problem="truncated", detail="the document ends before </body></html>", encoding=used)
    try:
        root = lxml.html.document_fromstring(raw.encode("utf-8"), parser=lxml.html.HTMLParser(encoding="utf-8"))
    except (etree.ParserError, ValueError) as exc:
        return ParsedPage(url, problem="empty_body", detail=f"not parseable as HTML: {exc}", encoding=used)
    _strip(root, html_rules()["body"]["strip"])

    page = ParsedPage(url, encoding=used, note=note, address=page_address(root))
    page.title = _title(root, site)
    # The site's byline element may sit inside the body and be dropped with it: read it first.
    site_byline = _first_text(root, [site.article.byline]) if site and site.article.byline else None
    if site and site.article.body:
        lines, body_nodes = _selector_body(root, site)
        author = None
    else:
        lines, author = _trafilatura_body(raw, url)
        body_nodes = []
        sapo = _first_text(root, html_rules()["body"]["lead_selectors"])
        if sapo and lines and sapo not in lines[:3]:
            lines.insert(0, sapo)  # the lead a page marks as its sapo, which the body finder may drop
    page.published_at = _published(root, url, site, body_nodes, raw)
    page.byline = _byline(root, lines, [site_byline, author])
    page.body = "\n".join(lines)

    if len(page.body) < html_rules()["body"]["min_chars"]:
        page.problem = "empty_body"
        page.detail = "no article body found" if not page.body else f"body has only {len(page.body)} characters"
        return page
    listing = _listing_problem(root, lines)
    if listing:
        page.problem, page.detail = "listing_page", listing
    return page
