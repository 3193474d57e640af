"""The digest staff send: a week or a month, national or of one province, as HTML to print or DOCX.

Used by the web page (``/digest?province=…&week=2025-W31|month=2025-07&format=html|docx``)
and by ``congdoan digest``. What it holds, in this order:

* the period as staff name it ("Tuần 31 (28/7 – 3/8/2025)", "Tháng 7/2025") and the scope;
* a copy-ready summary paragraph written from the data (who gave which awards to how many,
  the sums of money, the largest counts, the movements and models named);
* the statements grouped by article, the articles with awards and money first: each
  statement once (a sentence or an award retold in another article is left out), with
  the source's short name as a link instead of a printed URL;
* within :data:`FULL_BUDGET` characters of statements (4 A4 pages for a busy week, summary
  included) the articles in full; the rest listed briefly, one line each, up to
  :data:`BRIEF_LIMIT`, then counted.

Undated articles never enter a digest (their dates are NULL in ``v_highlights``).
"""

from __future__ import annotations

import io
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

import duckdb
from jinja2 import Environment

from extract.terms import fold
from pipeline.web import queries
from pipeline.web.filters import Filters
from pipeline.web.readers import connect
from pipeline.web import params
from pipeline.web.params import BadParameter, iso_week
from pipeline.web.templating import (KIND_LABELS, PRINT_CSS, environment, period_label, short_source, vn_money,
                                     vn_number)

FULL_BUDGET = 6_500
"""Characters of statements printed in full; with the summary and the brief list, 4 A4 pages at most."""
ITEMS_PER_ARTICLE = 4
SUMMARY_SHARE = 600
"""Characters of the budget the heading and summary take."""
BRIEF_LIMIT = 40
# Long unit names as staff abbreviate them in a summary, longest first.
ABBREVIATIONS = (("Tổng Liên đoàn Lao động Việt Nam", "Tổng LĐLĐ Việt Nam"), ("Liên đoàn Lao động", "LĐLĐ"),
                 ("Công đoàn cơ sở", "CĐCS"), ("Ban Chấp hành ", ""))
_KIND_ORDER = {kind: i for i, kind in enumerate(KIND_LABELS)}


def abbreviate(name: str) -> str:
    for long, short in ABBREVIATIONS:
        name = name.replace(long, short)
    return name.strip()


def _statement_key(card: dict[str, Any]) -> str:
    return " ".join(fold(card["sentence"]).split())


def _award_key(award: dict[str, Any]) -> tuple:
    names = tuple(sorted(r["name"] for r in award["recipients"] or [] if r["type"] != "group"))
    return award["form"], award["awarder"], names, award["recipient_count"]


@dataclass
class Article:
    article_id: int
    title: str | None
    url: str
    source: str
    date: date
    cards: list[dict[str, Any]] = field(default_factory=list)

    @property
    def weight(self) -> tuple:
        kinds = Counter(k for c in self.cards for k in c["kinds"])
        return (-kinds["award"], -kinds["money"], -len(self.cards), -self.date.toordinal(), self.article_id)

    @property
    def length(self) -> int:
        return len(self.title or "") + sum(len(c["sentence"]) + 40 for c in self.cards[:ITEMS_PER_ARTICLE])


@dataclass
class Digest:
    start: date
    end: date
    week: bool
    province: str
    full: list[Article]
    brief: list[Article]
    more: int  # articles neither in full nor listed
    dropped: int  # statements left out as repeats
    statements: int
    summary: str
    counts: Counter
    undated: int = 0  # cards of undated articles (of the province), never in a digest

    @classmethod
    def build(cls, con: duckdb.DuckDBPyConnection, start: date, end: date, week: bool = True, province: str = "",
              options: queries.Options | None = None) -> "Digest":
        all_cards = queries.period_cards(con, start, end, province, marked=False)  # marked once placed
        names = {key: short_source(name) for key, name in (options or queries.options(con)).sources}
        seen: set[Any] = set()
        articles: dict[int, Article] = {}
        kept, dropped = [], 0
        for card in all_cards:
            keys = {_statement_key(card)} | {_award_key(i["award"]) for i in card["entries"] if i["award"]}
            if keys & seen:
                dropped += 1
                continue
            seen |= keys
            kept.append(card)
            article = articles.setdefault(card["article_id"], Article(
                card["article_id"], card["title"], card["url"], names.get(card["source"], card["source"]), card["date"]))
            article.cards.append(card)
        ranked = sorted(articles.values(), key=lambda a: a.weight)
        full, rest, used = [], [], SUMMARY_SHARE
        for article in ranked:
            if used + article.length <= FULL_BUDGET or not full:
                full.append(article)
                used += article.length
            else:
                rest.append(article)
        for article in full:
            for card in article.cards[:ITEMS_PER_ARTICLE]:
                queries.mark_card(card)
        counts = Counter(k for c in kept for k in c["kinds"])
        undated = queries.undated_count(con, Filters(province=province))
        return cls(start, end, week, province, full, rest[:BRIEF_LIMIT], max(0, len(rest) - BRIEF_LIMIT), dropped,
                   len(kept), summarise(kept, start, end, week, province, len(articles)), counts, undated)

    @property
    def label(self) -> str:
        return period_label(self.start, self.end, self.week)

    @property
    def scope(self) -> str:
        return f"tỉnh/thành {self.province}" if self.province else "toàn quốc"

    def filename(self, ext: str) -> str:
        return digest_filename(self.start, self.week, self.province, ext)

    def navigation(self) -> dict[str, str]:
        """Query strings of the previous and next period, same scope."""
        base = {"province": self.province} if self.province else {}
        if self.week:
            prev, nxt = {"week": iso_week(self.start - timedelta(days=7))}, {"week": iso_week(self.end + timedelta(days=1))}
        else:
            prev = {"month": f"{(self.start - timedelta(days=1)):%Y-%m}"}
            nxt = {"month": f"{(self.end + timedelta(days=1)):%Y-%m}"}
        this = {"week": iso_week(self.start)} if self.week else {"month": f"{self.start:%Y-%m}"}
        other = {"month": f"{self.start:%Y-%m}"} if self.week else {"week": iso_week(self.start)}
        return {"previous": urlencode({**base, **prev}), "next": urlencode({**base, **nxt}),
                "other": urlencode({**base, **other}), "docx": urlencode({**base, **this, "format": "docx"}),
                "period_name": next(iter(this)), "period_value": next(iter(this.values()))}


def digest_filename(start: date, week: bool, province: str, ext: str) -> str:
    """ban-tin-2025-W31-thanh-hoa.docx"""
    period = iso_week(start) if week else f"{start:%Y-%m}"
    place = "-" + re.sub(r"[^a-z0-9]+", "-", fold(province)).strip("-") if province else ""
    return f"ban-tin-{period}{place}.{ext}"


def digest_period(week: str | None, month: str | None, con: duckdb.DuckDBPyConnection,
                  today: date) -> tuple[date, date, bool]:
    """(first day, last day, is a week) of the asked week or month; the latest dated week by default."""
    week, month = (week or "").strip(), (month or "").strip()
    if week and month:
        raise BadParameter("Hãy chọn tuần hoặc tháng, không chọn cả hai.")
    if month:
        first = params.month(month)
        return first, params.month_end(first), False
    monday = params.week(week) if week else (queries.latest_week(con, today) or today - timedelta(days=today.weekday()))
    return monday, monday + timedelta(days=6), True


def summarise(cards: list[dict[str, Any]], start: date, end: date, week: bool, province: str, articles: int) -> str:
    """The copy-ready paragraph: awards by giver, money, counts, movements and models of the period."""
    when = "Trong tuần" if week else f"Trong tháng {start.month}/{start.year}"
    where = f" tại {province}" if province else ""
    if not cards:
        return f"{when}{where}, chưa ghi nhận điểm nhấn nào có ngày đăng."
    items = [i for c in cards for i in c["entries"]]
    parts = []
    given: dict[tuple[str, str], list[dict[str, Any]]] = defaultdict(list)
    for item in items:
        if item["award"]:
            award = item["award"]
            given[(abbreviate(award["awarder_unit"] or award["awarder"] or ""), award["form_family"])].append(award)
    phrases = []
    for (giver, family), awards in sorted(given.items(), key=lambda kv: -sum(_honoured(a) for a in kv[1]))[:4]:
        honoured = sum(_honoured(a) for a in awards)
        form = family if family != "khác" else "khen thưởng"
        verb = f"{giver} tặng" if giver else "trao"
        phrases.append(f"{verb} {form} cho {vn_number(honoured)} {_noun(awards)}" if honoured else f"{verb} {form}")
    if phrases:
        more = len(given) - len(phrases)
        parts.append("; ".join(phrases) + (f" (và {more} nhóm khen thưởng khác)" if more > 0 else ""))
    # an article's sums often hold one another ("tổng số tiền 1,2 tỷ ... trong số này 10 triệu"): the
    # largest lump sum of each article is added up; rates (đồng/người) are left out
    largest: dict[int, float] = {}
    for item in items:
        if item["kind"] == "money" and (item["currency"] or "VND") == "VND" and item["value"] and not item["per"]:
            largest[item["article_id"]] = max(largest.get(item["article_id"], 0), item["value"])
    if largest:
        parts.append(f"{vn_number(len(largest))} bài nêu các khoản hỗ trợ, trao tặng, cộng số tiền lớn nhất mỗi bài "
                     f"được khoảng {vn_money(sum(largest.values()))}")
    counted: dict[str, float] = {}
    for item in items:
        if item["kind"] == "count" and item["counted"] and item["value"]:
            counted[item["counted"]] = max(counted.get(item["counted"], 0), item["value"])
    if counted:
        top = sorted(counted.items(), key=lambda kv: -kv[1])[:3]
        parts.append("các con số nổi bật: " + ", ".join(f"{vn_number(n)} {noun}" for noun, n in top))
    named = [f"{KIND_LABELS[i['kind']].lower()} «{i['label']}»" for i in items if i["kind"] in ("movement", "model")]
    if named:
        parts.append("nổi bật " + ", ".join(list(dict.fromkeys(named))[:3]))
    head = f"{when}{where}, {vn_number(articles)} bài viết ghi nhận {vn_number(len(cards))} điểm nhấn"
    return head + ": " + "; ".join(parts) + "."


def _honoured(award: dict[str, Any]) -> int:
    if award["recipient_count"]:
        return award["recipient_count"]
    return sum(r["count"] or 0 for r in award["recipients"] or [])


def _noun(awards: list[dict[str, Any]]) -> str:
    types = {r["type"] for a in awards for r in a["recipients"] or []}
    groups = {r["name"] for a in awards for r in a["recipients"] or [] if r["type"] == "group"}
    if types <= {"person"} or (groups and all("cá nhân" in g and "tập thể" not in g for g in groups) and "unit" not in types):
        return "cá nhân"
    if types <= {"unit"} or (groups and all("tập thể" in g and "cá nhân" not in g for g in groups) and "person" not in types):
        return "tập thể"
    return "tập thể, cá nhân"


def digest_html(digest: Digest, env: Environment | None = None, with_navigation: bool = False) -> str:
    """The digest as one self-contained HTML page (A4 print CSS inlined); navigation for the screen only."""
    return (env or environment()).get_template("digest.html").render(
        d=digest, css=PRINT_CSS.read_text(encoding="utf-8"), with_navigation=with_navigation,
        nav=digest.navigation(), ITEMS_PER_ARTICLE=ITEMS_PER_ARTICLE)


def digest_docx(digest: Digest) -> bytes:
    """The digest as a Word document (python-docx): the same summary, articles and brief list."""
    from docx import Document
    from docx.shared import Pt

    doc = Document()
    doc.styles["Normal"].font.name = "Times New Roman"
    doc.styles["Normal"].font.size = Pt(12)
    doc.add_heading(f"Bản tin công đoàn {digest.scope}", level=1)
    doc.add_paragraph(digest.label)
    doc.add_heading("Tóm tắt", level=2)
    doc.add_paragraph(digest.summary)
    if digest.full:
        doc.add_heading("Điểm nhấn theo bài viết", level=2)
    for article in digest.full:
        heading = doc.add_paragraph()
        run = heading.add_run(article.title or "(không có tiêu đề)")
        run.bold = True
        source = doc.add_paragraph(f"{article.date:%d/%m/%Y} · ")
        _hyperlink(source, article.url, article.source)
        for card in article.cards[:ITEMS_PER_ARTICLE]:
            labels = ", ".join(KIND_LABELS[k] for k in card["kinds"])
            doc.add_paragraph(f"{labels}: {card['sentence']}", style="List Bullet")
        if len(article.cards) > ITEMS_PER_ARTICLE:
            doc.add_paragraph(f"… và {len(article.cards) - ITEMS_PER_ARTICLE} điểm nhấn khác trong bài.")
    if digest.brief:
        doc.add_heading("Các bài khác", level=2)
        for article in digest.brief:
            line = doc.add_paragraph(style="List Bullet")
            line.add_run(f"{article.title or '(không có tiêu đề)'} — {article.date:%d/%m} · ")
            _hyperlink(line, article.url, article.source)
    if digest.more:
        doc.add_paragraph(f"… và {vn_number(digest.more)} bài khác (xem trên trang điểm nhấn).")
    doc.add_paragraph("Trích tự động từ tin tức công đoàn; đối chiếu bài gốc trước khi sử dụng.")
    out = io.BytesIO()
    doc.save(out)
    return out.getvalue()


def _hyperlink(paragraph: Any, url: str, text: str) -> None:
    """Append a clickable link to a python-docx paragraph (python-docx has no API for it)."""
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    rel = paragraph.part.relate_to(url, RELATIONSHIP_TYPE.HYPERLINK, is_external=True)
    link = OxmlElement("w:hyperlink")
    link.set(qn("r:id"), rel)
    run = OxmlElement("w:r")
    props = OxmlElement("w:rPr")
    style = OxmlElement("w:rStyle")
    style.set(qn("w:val"), "Hyperlink")
    underline = OxmlElement("w:u")
    underline.set(qn("w:val"), "single")
    props.extend([style, underline])
    text_el = OxmlElement("w:t")
    text_el.text = text
    run.extend([props, text_el])
    link.append(run)
    paragraph._p.append(link)


def write_digest(db: Path, out: Path, start: date, end: date, week: bool, province: str = "", fmt: str = "html") -> Path:
    """Write the digest of a period to ``out`` (HTML, UTF-8, or DOCX), for ``congdoan digest``."""
    with connect(Path(db)) as con:
        digest = Digest.build(con, start, end, week, province)
    if fmt == "docx":
        out.write_bytes(digest_docx(digest))
    else:
        out.write_text(digest_html(digest), encoding="utf-8")
    return out
