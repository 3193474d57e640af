"""The staff highlights browser: a read-only Starlette app over the published DuckDB file.

Safety by construction: the app answers GET and HEAD only (405 otherwise) and has no
write path; every query is parameterised and every parameter goes through one
validator (:mod:`pipeline.web.params`); templates autoescape and a strict
Content-Security-Policy forbids scripts. :class:`Guard` wraps the whole app, so that
every response, 404, 405 and 500 included, carries the security headers; it checks
the Host header against the allowed hosts, and turns any failure into a plain
Vietnamese 500 page while the traceback goes to the log only.
"""

from __future__ import annotations

import io
import logging
import threading
from collections import OrderedDict
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import duckdb
import uvicorn
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response, StreamingResponse
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from extract.gazetteer import gazetteer
from pipeline import spreadsheet
from pipeline.digest import Digest, digest_docx, digest_html, digest_period
from pipeline.search import SearchQuery
from pipeline.web import params as p
from pipeline.web import queries
from pipeline.web.chart import chart
from pipeline.web.collation import vn_sorted
from pipeline.web.params import BadParameter
from pipeline.web.filters import Filters, resolve_province
from pipeline.web.readers import connect, connect_alone, file_key
from pipeline.web.templating import (AWARDER_LABELS, KIND_LABELS, LEVEL_LABELS, PRINT_CSS, RECIPIENT_TYPES,
                                     STATIC_DIR, environment, inline_css_hash)

log = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD")
DEFAULT_HOSTS = ("127.0.0.1", "localhost", "::1")
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
DIGEST_CACHE = 32
"""Digests kept built (per period and scope, of the published file)."""
XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
# Download columns: (key, header, width in characters).
HIGHLIGHT_COLUMNS = [
    ("date", "Ngày", 11), ("kind", "Loại", 12), ("label", "Nội dung", 28), ("sentence", "Câu trích", 80),
    ("unit", "Đơn vị", 36), ("level", "Cấp công đoàn", 22), ("province", "Tỉnh/thành (khi đăng)", 18),
    ("province_now", "Tỉnh/thành hiện nay", 18), ("value", "Giá trị", 16), ("currency", "Tiền tệ", 8),
    ("counted", "Đơn vị đếm", 14), ("form_family", "Hình thức khen", 16), ("awarder", "Đơn vị trao", 36),
    ("awarder_level", "Cấp trao", 18), ("recipients", "Đơn vị / cá nhân nhận", 48),
    ("recipient_count", "Số lượng được khen", 10), ("occasion", "Lý do, dịp", 40), ("source_name", "Nguồn", 24),
    ("title", "Tiêu đề bài", 50), ("url", "Đường dẫn", 50),
]
AWARD_COLUMNS = [
    ("date", "Ngày", 11), ("form", "Hình thức", 30), ("form_family", "Nhóm hình thức", 16),
    ("recipient", "Đơn vị / cá nhân nhận", 48), ("recipient_type", "Loại bên nhận", 14), ("count", "Số lượng", 9),
    ("level", "Cấp bên nhận", 22), ("province", "Tỉnh/thành (khi đăng)", 18), ("province_now", "Tỉnh/thành hiện nay", 18),
    ("awarder", "Đơn vị trao", 40), ("awarder_level", "Cấp trao", 18), ("occasion", "Lý do, dịp", 48),
    ("source_name", "Nguồn", 24), ("title", "Tiêu đề bài", 50), ("url", "Đường dẫn", 50),
]
_LABELS = {"kind": KIND_LABELS, "level": LEVEL_LABELS, "awarder_level": AWARDER_LABELS,
           "recipient_type": RECIPIENT_TYPES}


def _host_name(header: str) -> str:
    """The host of a Host header, without its port ("[::1]:8000" -> "::1")."""
    header = header.strip().lower()
    if header.startswith("["):
        return header[1:header.find("]")] if "]" in header else header
    return header.rsplit(":", 1)[0] if header.count(":") == 1 else header


class Guard:
    """Outermost layer: Host check, GET/HEAD only, security headers on every response, no trace to clients."""

    def __init__(self, app: ASGIApp, csp: str, allowed_hosts: Iterable[str], error_page: Callable[[int, str, str], bytes]):
        self.app = app
        self.allowed = {h.lower().strip("[]") for h in allowed_hosts}
        self.error_page = error_page
        self.headers = [
            (b"content-security-policy", csp.encode()),
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"no-referrer"),
            (b"x-frame-options", b"DENY"),
        ]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_with_headers(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in self.headers}
                message["headers"] = [*(h for h in message.get("headers", []) if h[0].lower() not in names),
                                      *self.headers]
            await send(message)

        host = _host_name(dict(scope.get("headers", [])).get(b"host", b"").decode("latin-1"))
        if "*" not in self.allowed and host not in self.allowed:
            await self._reply(scope, send_with_headers, 400, "Yêu cầu không hợp lệ",
                              "Tên máy chủ trong yêu cầu không nằm trong danh sách được phép (--allowed-host).")
            return
        if scope["method"] not in ALLOWED_METHODS:
            await self._reply(scope, send_with_headers, 405, "Không hỗ trợ thao tác này",
                              "Trang này chỉ để xem: chỉ chấp nhận GET và HEAD.", [(b"allow", b"GET, HEAD")])
            return
        try:
            await self.app(scope, receive, send_with_headers)
        except Exception:
            log.exception("error while serving %s", scope.get("path"))
            if not started:
                await self._reply(scope, send_with_headers, 500, "Đã có lỗi",
                                  "Trang gặp lỗi khi đọc dữ liệu. Hãy thử lại sau ít phút.")

    async def _reply(self, scope: Scope, send: Send, status: int, title: str, message: str,
                     extra: list[tuple[bytes, bytes]] | None = None) -> None:
        body = self.error_page(status, title, message)
        await send({"type": "http.response.start", "status": status, "headers": [
            (b"content-type", b"text/html; charset=utf-8"), (b"content-length", str(len(body)).encode()),
            *(extra or [])]})
        await send({"type": "http.response.body", "body": b"" if scope["method"] == "HEAD" else body})


def presets(action: str, filters: Filters, today: date) -> list[tuple[str, str, bool]]:
    """Quick date ranges: tuần này, tháng này, quý này, năm nay (label, query string, current)."""
    quarter = date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)
    ranges = [("Tuần này", today - timedelta(days=today.weekday())), ("Tháng này", today.replace(day=1)),
              ("Quý này", quarter), ("Năm nay", date(today.year, 1, 1))]
    out = []
    for label, start in ranges:
        qs = filters.query_string(**{"from": start.isoformat(), "to": today.isoformat(), "undated": ""})
        out.append((label, qs, (filters.date_from, filters.date_to) == (start, today)))
    return out


class Pages:
    """The route handlers, bound to one database path."""

    def __init__(self, db: Path, today: Callable[[], date] = date.today, warm_digest: bool = False):
        self.db = db
        self.warm_digest = warm_digest
        self.env = environment()
        self.today = today
        self._options: tuple[tuple[int, int], queries.Options] | None = None
        self._digests: OrderedDict[tuple[Any, ...], Digest] = OrderedDict()
        self._digests_lock = threading.Lock()

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(template).render(**context), status_code=status)

    def error_page(self, status: int, title: str, message: str) -> bytes:
        return self.env.get_template("error.html").render(title=title, message=message).encode("utf-8")

    def options(self, con: duckdb.DuckDBPyConnection) -> queries.Options:
        """Filter choices, recomputed only when the writer has published a new file."""
        stat = self.db.stat()
        key = (stat.st_ino, stat.st_mtime_ns)
        if self._options is None or self._options[0] != key:
            self._options = (key, queries.options(con))
            if self.warm_digest:
                # Not a daemon: the interpreter waits for it at exit instead of stopping it inside DuckDB.
                threading.Thread(target=self._warm_digest, name="digest-warm", daemon=False).start()
        return self._options[1]

    def _warm_digest(self) -> None:
        """Build the national digest of the latest week of a newly published file, before anyone asks."""
        try:
            with connect(self.db) as con:
                self.built_digest(con, digest_period(None, None, con, self.today()), "")
        except Exception:
            log.exception("building the latest week's digest in advance")

    def _filters(self, request: Request, con: duckdb.DuckDBPyConnection) -> Filters:
        return Filters.from_params(request.query_params, queries.province_names(self.options(con)))

    # -- pages ----------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        page = p.page(request.query_params.get("page"))
        with connect(self.db) as con:
            filters = self._filters(request, con)
            rows, total = queries.feed(con, filters, page)
            undated = 0 if filters.undated else queries.undated_count(con, filters)
            options = self.options(con)
        return self.render("home.html", filters=filters, rows=rows, total=total, page=page, undated=undated,
                           pages=_page_count(total), options=options, presets=presets("/", filters, self.today()),
                           active="home")

    def search(self, request: Request) -> Response:
        page = p.page(request.query_params.get("page"))
        with connect(self.db) as con:
            filters = self._filters(request, con)
            query = SearchQuery.parse(filters.q)
            rows, total, capped = queries.search_articles(con, query, page, filters=filters) if query else ([], 0, False)
            options = self.options(con)
        return self.render("search.html", q=filters.q, query=query, rows=rows, total=total, capped=capped, page=page,
                           pages=_page_count(total), filters=filters, options=options,
                           presets=presets("/search", filters, self.today()), active="search")

    def awards(self, request: Request) -> Response:
        page = p.page(request.query_params.get("page"))
        with connect(self.db) as con:
            filters = self._filters(request, con)
            rows, total = queries.award_rows(con, filters, page)
            totals = queries.award_totals(con, filters)
            undated = 0 if filters.undated else queries.award_rows(con, _undated(filters), 1, 0)[1]
            options = self.options(con)
        return self.render("awards.html", filters=filters, rows=rows, total=total, totals=totals, page=page,
                           pages=_page_count(total), undated=undated, options=options,
                           presets=presets("/awards", filters, self.today()), active="awards")

    def article(self, request: Request) -> Response:
        article_id = p.article_id(request.path_params["article_id"])
        with connect(self.db) as con:
            found = queries.article(con, article_id)
            if found is None:
                return self.render("error.html", status=404, title="Không tìm thấy bài viết",
                                   message="Không có bài viết nào mang mã này.")
            extractions = queries.article_extractions(con, found["article_id"])
        marks = queries.article_marks(found["body"], extractions)
        kinds = [k for k in ("unit", *KIND_LABELS, "percent") if any(e["kind"] == k for e in extractions)]
        return self.render("article.html", article=found, marks=marks, extractions=extractions, kinds=kinds)

    def unit(self, request: Request) -> Response:
        name = p.text(request.query_params.get("name"), "Tên đơn vị")
        if not name:
            raise BadParameter("Thiếu tên đơn vị (tham số name).")
        page = p.page(request.query_params.get("page"))
        filters = Filters(unit=name)
        with connect(self.db) as con:
            months = queries.monthly(con, filters, self.today())
            rows, total = queries.feed(con, filters, page, counted=months.cards)
            undated = queries.undated_count(con, filters)
            level = con.execute("SELECT any_value(level) FROM units WHERE name = $n AND level IS NOT NULL",
                                {"n": name}).fetchone()[0]
        return self.render("unit.html", name=name, rows=rows, total=total, page=page, pages=_page_count(total),
                           filters=filters, chart=chart(months), months=months, level=level, undated=undated)

    def province(self, request: Request) -> Response:
        with connect(self.db) as con:
            name = resolve_province(p.text(request.query_params.get("name"), "Tên tỉnh/thành"),
                                            queries.province_names(self.options(con)))
            if not name:
                raise BadParameter("Thiếu tên tỉnh/thành (tham số name).")
            filters = Filters(province=name)
            months = queries.monthly(con, filters, self.today())
            rows, total = queries.feed(con, filters, 1, page_size=10, counted=months.cards)
            undated = queries.undated_count(con, filters)
        return self.render("province.html", name=name, chart=chart(months), months=months, rows=rows, total=total,
                           filters=filters, undated=undated)

    def provinces(self, request: Request) -> Response:
        gaz = gazetteer()
        with connect(self.db) as con:
            by_old, by_now = queries.province_counts(con)
        parts: dict[str, list[str]] = {}
        for old in gaz.old.values():
            parts.setdefault(old.new, []).append(old.name)
        now = [(name, by_now.get(name, 0), vn_sorted(parts.get(name, []))) for name in vn_sorted(gaz.new)]
        old = [(o.name, by_old.get(o.name, 0), o.new) for o in vn_sorted(gaz.old.values(), key=lambda o: o.name)]
        return self.render("provinces.html", now=now, old=old, active="provinces")

    # -- downloads --------------------------------------------------------------------------

    def export_csv(self, request: Request) -> Response:
        return self._download(request, queries.export_rows, HIGHLIGHT_COLUMNS, "diem-nhan", "csv")

    def export_xlsx(self, request: Request) -> Response:
        return self._download(request, queries.export_rows, HIGHLIGHT_COLUMNS, "diem-nhan", "xlsx")

    def awards_csv(self, request: Request) -> Response:
        return self._download(request, queries.award_export_rows, AWARD_COLUMNS, "khen-thuong", "csv")

    def awards_xlsx(self, request: Request) -> Response:
        return self._download(request, queries.award_export_rows, AWARD_COLUMNS, "khen-thuong", "xlsx")

    def _download(self, request: Request, rows: Callable[..., Iterator[dict[str, Any]]],
                  columns: list[tuple[str, str, int]], name: str, ext: str) -> Response:
        with connect(self.db) as con:
            filters = self._filters(request, con)  # a bad parameter is a 400 before anything is sent
        filename = f"congdoan-{name}-{date.today():%Y%m%d}.{ext}"
        headers = {"Content-Disposition": f'attachment; filename="{filename}"'}

        def records() -> Iterator[list[Any]]:
            with connect_alone(self.db) as con:
                for row in rows(con, filters):
                    yield [_LABELS[k].get(row[k], row[k]) if k in _LABELS else row[k] for k, _, _ in columns]

        if ext == "csv":
            return StreamingResponse(_csv_chunks(columns, records()), media_type="text/csv; charset=utf-8",
                                     headers=headers)
        return StreamingResponse(_xlsx_chunks(columns, records()), media_type=XLSX_TYPE, headers=headers)

    # -- digest ------------------------------------------------------------------------------

    def built_digest(self, con: duckdb.DuckDBPyConnection, period: tuple[date, date, bool], province: str) -> Digest:
        """The digest of a period and scope, built once per published file (DIGEST_CACHE kept, least recent out).

        A digest reads every card of its period (some 20,000 for a national week at a million
        articles, over a second); it only changes when the writer publishes a new file, whose
        identity (inode, mtime, size) is part of the key."""
        key = (file_key(self.db), *period, province)
        with self._digests_lock:
            digest = self._digests.get(key)
            if digest is not None:
                self._digests.move_to_end(key)
                return digest
        digest = Digest.build(con, *period, province=province, options=self.options(con))
        with self._digests_lock:
            self._digests[key] = digest
            for old in [k for k in self._digests if k[0] != key[0]]:
                del self._digests[old]  # of a file no longer published
            while len(self._digests) > DIGEST_CACHE:
                self._digests.popitem(last=False)
        return digest


    def digest(self, request: Request) -> Response:
        query = request.query_params
        fmt = p.choice(query.get("format"), ("html", "docx"), "Định dạng") or "html"
        with connect(self.db) as con:
            province = resolve_province(p.text(query.get("province"), "Tỉnh/thành"),
                                                queries.province_names(self.options(con)))
            period = digest_period(query.get("week"), query.get("month"), con, self.today())
            digest = self.built_digest(con, period, province)
        if fmt == "docx":
            return Response(digest_docx(digest), media_type=DOCX_TYPE,
                            headers={"Content-Disposition": f'attachment; filename="{digest.filename("docx")}"'})
        return HTMLResponse(digest_html(digest, env=self.env, with_navigation=True))


def _undated(filters: Filters) -> Filters:
    return replace(filters, date_from=None, date_to=None, undated=True)


def _page_count(total: int) -> int:
    return max(1, -(-total // queries.PAGE_SIZE))


def _csv_chunks(columns: list[tuple[str, str, int]], records: Iterator[list[Any]]) -> Iterator[bytes]:
    out = io.StringIO()
    writer = spreadsheet.csv_writer(out)
    out.write("\ufeff")  # Excel opens UTF-8 CSV as UTF-8 only with a BOM
    writer.writerow([header for _, header, _ in columns])
    yield out.getvalue().encode("utf-8")  # at once: the download starts before the query has run
    out.seek(0)
    out.truncate()
    for i, record in enumerate(records, 1):
        writer.writerow(spreadsheet.csv_row(record))
        if i % 1000 == 0:
            yield out.getvalue().encode("utf-8")
            out.seek(0)
            out.truncate()
    yield out.getvalue().encode("utf-8")


def _xlsx_chunks(columns: list[tuple[str, str, int]], records: Iterator[list[Any]]) -> Iterator[bytes]:
    """The workbook (bold frozen header with a filter, set widths), sent while its rows are read."""
    return spreadsheet.xlsx_stream("Dữ liệu", [header for _, header, _ in columns], [w for _, _, w in columns], records)


def create_app(db: Path, allowed_hosts: Iterable[str] = DEFAULT_HOSTS, today: Callable[[], date] = date.today,
               warm_digest: bool = False) -> ASGIApp:
    """The web app over the database at ``db`` (opened read-only, per request); ``allowed_hosts`` may hold "*".
    ``warm_digest``: build the latest week's national digest in the background when a new file is first read."""
    pages = Pages(Path(db), today, warm_digest)

    def page(status: int, title: str, message: str) -> Callable[[Request, Exception], Any]:
        async def handler(request: Request, exc: Exception) -> Response:
            if status == 503:
                log.warning("%s: %s", title, exc)
            return pages.render("error.html", status=status, title=title, message=str(exc) if status == 400 else message)
        return handler

    routes = [
        Route("/", pages.home, name="home"),
        Route("/search", pages.search, name="search"),
        Route("/awards", pages.awards, name="awards"),
        Route("/article/{article_id}", pages.article, name="article"),
        Route("/unit", pages.unit, name="unit"),
        Route("/province", pages.province, name="province"),
        Route("/provinces", pages.provinces, name="provinces"),
        Route("/export.csv", pages.export_csv, name="export_csv"),
        Route("/export.xlsx", pages.export_xlsx, name="export_xlsx"),
        Route("/awards.csv", pages.awards_csv, name="awards_csv"),
        Route("/awards.xlsx", pages.awards_xlsx, name="awards_xlsx"),
        Route("/digest", pages.digest, name="digest"),
        Mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            BadParameter: page(400, "Yêu cầu không hợp lệ", ""),
            FileNotFoundError: page(503, "Chưa có dữ liệu", "Chưa mở được cơ sở dữ liệu. Hãy chạy lệnh thu thập "
                                                             "(congdoan run) rồi tải lại trang."),
            duckdb.CatalogException: page(503, "Dữ liệu chưa được cập nhật", "Cơ sở dữ liệu thiếu bảng điểm nhấn. "
                                                                            "Hãy chạy lại bước trích xuất (congdoan extract)."),
            404: page(404, "Không tìm thấy trang", "Địa chỉ này không có trên trang điểm nhấn."),
            # Starlette answers with this page, then re-raises: Guard logs the traceback
            Exception: page(500, "Đã có lỗi", "Trang gặp lỗi khi đọc dữ liệu. Hãy thử lại sau ít phút."),
        },
    )
    csp = ("default-src 'none'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
           f"frame-ancestors 'none'; style-src 'self' {inline_css_hash(PRINT_CSS.read_text(encoding='utf-8'))}")
    return Guard(app, csp, allowed_hosts, pages.error_page)


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000, allowed_hosts: Iterable[str] = ()) -> None:
    """Serve the highlights browser until interrupted; only requests naming an allowed host are answered."""
    hosts = {*DEFAULT_HOSTS, *allowed_hosts} | ({host} if host not in ("0.0.0.0", "::") else set())
    uvicorn.run(create_app(db, hosts, warm_digest=True), host=host, port=port, log_level="info", server_header=False)
