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

import re
import unicodedata
from dataclasses import dataclass
from datetime import datetime
from functools import lru_cache
from typing import TYPE_CHECKING, Any

import lxml.html
from lxml import etree
from lxml.cssselect import CSSSelector

from extract.charset import decode_html
from extract.dates import date_from_url, date_rules, parse_iso_datetime, parse_vietnamese_date
from extract.lexicon import lexicon

if TYPE_CHECKING:
    from crawl.registry import Site

@lru_cache(maxsize=1)
def html_rules() -> dict[str, Any]:
    data = lexicon("html")
    prefixes = sorted(data["bylines"]["prefixes"], key=len, reverse=True)
    data["bylines"]["regex"] = re.compile(
        r"^\s*(?:" + "|".join(re.escape(p) for p in prefixes) + r")\s*", re.IGNORECASE
    )
    data["bylines"]["site_name"] = re.compile(data["bylines"]["site_name_pattern"], re.IGNORECASE)
    data["bylines"]["photo_credit"] = re.compile(data["bylines"]["photo_credit_pattern"], re.IGNORECASE)
    data["body"]["block_set"] = frozenset(data["body"]["blocks"])
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


# -- text of elements --------------------------------------------------------------------


def _clean_line(text: str) -> str:
    return " ".join(unicodedata.normalize("NFC", text).replace("\xa0", " ").split())


def element_lines(node: etree._Element) -> list[str]:
    """Text of an element as lines: each block-level element or ``<br>`` starts a new line."""
    blocks = html_rules()["body"]["block_set"]
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
    # One group selector, one pass over the tree: what is left is the same in any order of removal.
    for el in _css(", ".join(selectors))(root) if selectors else ():
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
    name = _clean_line(rules["regex"].sub("", "; ".join(parts), count=1))
    name = rules["photo_credit"].sub("", name).strip(" -–—:|,.;•·")
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
    found = clean_byline(site_byline)
    if found:  # the common byline elements only when the site's own one gives no name
        return found
    for text in [_first_text(root, html_rules()["bylines"]["selectors"]), *others]:
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
    robustly (see :func:`extract.charset.decode_html`). With a site whose entry names a body
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
    if page.title:
        from extract.dump_lines import boilerplate_rules, without_section  # noqa: PLC0415 (dump_lines imports html)
        page.title = without_section(page.title, boilerplate_rules())  # "… - Báo Lao Động" of a <title>
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
