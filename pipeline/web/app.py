"""The staff highlights browser: a read-only Starlette app over the published DuckDB file.

Safety by construction: the app answers GET and HEAD only (405 otherwise) and
has no write path; every query is parameterised; templates autoescape and a
strict Content-Security-Policy forbids scripts; a bad parameter is a 400 page
in Vietnamese and any other failure a plain Vietnamese 500 page, never a trace.
"""

from __future__ import annotations

import csv
import io
import logging
from datetime import date
from pathlib import Path
from typing import Any

import duckdb
import uvicorn
from openpyxl import Workbook
from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Receive, Scope, Send

from pipeline.digest import digest_html
from pipeline.search import SearchQuery
from pipeline.web import queries
from pipeline.web.chart import chart
from pipeline.web.queries import BadParameter, Filters, connect
from pipeline.web.templating import KIND_LABELS, LEVEL_LABELS, PRINT_CSS, STATIC_DIR, environment, inline_css_hash

log = logging.getLogger(__name__)

ALLOWED_METHODS = ("GET", "HEAD")
EXPORT_COLUMNS = {
    "date": "Ngày",
    "kind": "Loại",
    "label": "Nội dung",
    "sentence": "Câu trích",
    "unit": "Đơn vị",
    "level": "Cấp công đoàn",
    "province": "Tỉnh/thành (khi đăng)",
    "province_now": "Tỉnh/thành hiện nay",
    "value": "Giá trị",
    "currency": "Tiền tệ",
    "counted": "Đơn vị đếm",
    "source_name": "Nguồn",
    "title": "Tiêu đề bài",
    "url": "Đường dẫn",
}


class ReadOnlyMiddleware:
    """Refuse every method but GET and HEAD before routing, and add security headers."""

    def __init__(self, app: ASGIApp, csp: str):
        self.app = app
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
        if scope["method"] not in ALLOWED_METHODS:
            response = Response("Trang này chỉ để xem: chỉ chấp nhận GET và HEAD.", status_code=405,
                                headers={"Allow": ", ".join(ALLOWED_METHODS)}, media_type="text/plain; charset=utf-8")
            await response(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], *self.headers]
            await send(message)

        await self.app(scope, receive, send_with_headers)


class Pages:
    """The route handlers, bound to one database path."""

    def __init__(self, db: Path):
        self.db = db
        self.env = environment()
        self._options: tuple[tuple[int, int], queries.Options] | None = None

    def render(self, template: str, status: int = 200, **context: Any) -> HTMLResponse:
        return HTMLResponse(self.env.get_template(template).render(**context), status_code=status)

    def options(self, con: duckdb.DuckDBPyConnection) -> queries.Options:
        """Filter choices, recomputed only when the writer has published a new file."""
        stat = self.db.stat()
        key = (stat.st_ino, stat.st_mtime_ns)
        if self._options is None or self._options[0] != key:
            self._options = (key, queries.options(con))
        return self._options[1]

    # -- pages ----------------------------------------------------------------------------

    def home(self, request: Request) -> Response:
        filters = Filters.from_params(request.query_params)
        page = queries.parse_page(request.query_params.get("page", ""))
        with connect(self.db) as con:
            rows, total = queries.feed(con, filters, page)
            options = self.options(con)
        return self.render("home.html", filters=filters, rows=rows, total=total, page=page,
                           pages=_page_count(total), options=options, active="home")

    def search(self, request: Request) -> Response:
        text = request.query_params.get("q", "").strip()
        page = queries.parse_page(request.query_params.get("page", ""))
        if len(text) > 200:
            raise BadParameter("Từ khóa quá dài (tối đa 200 ký tự).")
        query = SearchQuery.parse(text)
        rows: list[dict[str, Any]] = []
        total = 0
        if query:
            with connect(self.db) as con:
                rows, total = queries.search_articles(con, query, page)
        return self.render("search.html", q=text, query=query, rows=rows, total=total, page=page,
                           pages=_page_count(total), active="search")

    def article(self, request: Request) -> Response:
        raw = request.path_params["article_id"]
        if not raw.isdigit() or len(raw) > 19:
            raise BadParameter("Mã bài viết không hợp lệ.")
        with connect(self.db) as con:
            found = queries.article(con, int(raw))
            if found is None:
                return self.render("error.html", status=404, title="Không tìm thấy bài viết",
                                   message="Không có bài viết nào mang mã này.")
            extractions = queries.article_extractions(con, found["article_id"])
        marks = queries.article_marks(found["body"], extractions)
        kinds = [k for k in ("unit", *KIND_LABELS, "percent") if any(e["kind"] == k for e in extractions)]
        return self.render("article.html", article=found, marks=marks, extractions=extractions, kinds=kinds)

    def unit(self, request: Request) -> Response:
        name = request.query_params.get("name", "").strip()
        if not name:
            raise BadParameter("Thiếu tên đơn vị (tham số name).")
        page = queries.parse_page(request.query_params.get("page", ""))
        filters = Filters(unit=name)
        with connect(self.db) as con:
            rows, total = queries.feed(con, filters, page)
            bars = queries.monthly(con, filters)
        return self.render("unit.html", name=name, rows=rows, total=total, page=page, pages=_page_count(total),
                           filters=filters, chart=chart(bars), level=rows[0]["level"] if rows else None)

    def province(self, request: Request) -> Response:
        name = request.query_params.get("name", "").strip()
        if not name:
            raise BadParameter("Thiếu tên tỉnh/thành (tham số name).")
        filters = Filters(province=name)
        with connect(self.db) as con:
            bars = queries.monthly(con, filters)
            rows, total = queries.feed(con, filters, 1, page_size=10)
        return self.render("province.html", name=name, chart=chart(bars), bars=bars, rows=rows, total=total,
                           filters=filters)

    def export_csv(self, request: Request) -> Response:
        filters = Filters.from_params(request.query_params)
        with connect(self.db) as con:
            rows = queries.export_rows(con, filters)
        out = io.StringIO()
        out.write("\ufeff")  # Excel opens UTF-8 CSV as UTF-8 only with a BOM
        writer = csv.writer(out)
        writer.writerow(EXPORT_COLUMNS.values())
        for row in rows:
            writer.writerow(_export_values(row))
        return Response(out.getvalue().encode("utf-8"), media_type="text/csv; charset=utf-8",
                        headers={"Content-Disposition": f'attachment; filename="{_export_name("csv")}"'})

    def export_xlsx(self, request: Request) -> Response:
        filters = Filters.from_params(request.query_params)
        with connect(self.db) as con:
            rows = queries.export_rows(con, filters)
        book = Workbook(write_only=True)
        sheet = book.create_sheet("Điểm nhấn")
        sheet.append(list(EXPORT_COLUMNS.values()))
        for row in rows:
            sheet.append(_export_values(row))
        out = io.BytesIO()
        book.save(out)
        return Response(out.getvalue(),
                        media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        headers={"Content-Disposition": f'attachment; filename="{_export_name("xlsx")}"'})

    def digest(self, request: Request) -> Response:
        week = request.query_params.get("week", "").strip()
        if week:
            monday = queries.parse_week(week)
        else:
            with connect(self.db) as con:
                monday = queries.latest_week(con) or date.today()
        return HTMLResponse(digest_html(self.db, monday, env=self.env, with_navigation=True))


def _page_count(total: int) -> int:
    return max(1, -(-total // queries.PAGE_SIZE))


def _export_name(ext: str) -> str:
    return f"congdoan-diem-nhan-{date.today():%Y%m%d}.{ext}"


def _export_values(row: dict[str, Any]) -> list[Any]:
    labels = {"kind": KIND_LABELS, "level": LEVEL_LABELS}
    return [labels[k].get(row[k], row[k]) if k in labels else row[k] for k in EXPORT_COLUMNS]


def create_app(db: Path) -> Starlette:
    """The web app over the database at ``db`` (opened read-only, per request)."""
    pages = Pages(Path(db))

    async def bad_parameter(request: Request, exc: Exception) -> Response:
        return pages.render("error.html", status=400, title="Yêu cầu không hợp lệ", message=str(exc))

    async def no_database(request: Request, exc: Exception) -> Response:
        log.warning("database unavailable: %s", exc)
        return pages.render("error.html", status=503, title="Chưa có dữ liệu",
                           message="Chưa mở được cơ sở dữ liệu. Hãy chạy lệnh thu thập (congdoan run) rồi tải lại trang.")

    async def old_schema(request: Request, exc: Exception) -> Response:
        log.warning("database schema is missing something: %s", exc)
        return pages.render("error.html", status=503, title="Dữ liệu chưa được cập nhật",
                           message="Cơ sở dữ liệu thiếu bảng điểm nhấn. Hãy chạy lại bước trích xuất (congdoan extract).")

    async def not_found(request: Request, exc: Exception) -> Response:
        return pages.render("error.html", status=404, title="Không tìm thấy trang", message="Địa chỉ này không có trên trang điểm nhấn.")

    async def server_error(request: Request, exc: Exception) -> Response:
        log.exception("error while serving %s", request.url.path)
        return pages.render("error.html", status=500, title="Đã có lỗi", message="Trang gặp lỗi khi đọc dữ liệu. Hãy thử lại sau ít phút.")

    routes = [
        Route("/", pages.home, name="home"),
        Route("/search", pages.search, name="search"),
        Route("/article/{article_id}", pages.article, name="article"),
        Route("/unit", pages.unit, name="unit"),
        Route("/province", pages.province, name="province"),
        Route("/export.csv", pages.export_csv, name="export_csv"),
        Route("/export.xlsx", pages.export_xlsx, name="export_xlsx"),
        Route("/digest", pages.digest, name="digest"),
        Mount("/static", StaticFiles(directory=str(STATIC_DIR)), name="static"),
    ]
    app = Starlette(
        routes=routes,
        exception_handlers={
            BadParameter: bad_parameter,
            FileNotFoundError: no_database,
            duckdb.CatalogException: old_schema,
            404: not_found,
            Exception: server_error,
        },
    )
    csp = ("default-src 'none'; img-src 'self' data:; form-action 'self'; base-uri 'none'; "
           f"frame-ancestors 'none'; style-src 'self' {inline_css_hash(PRINT_CSS.read_text(encoding='utf-8'))}")
    app.add_middleware(ReadOnlyMiddleware, csp=csp)
    return app


def serve(db: Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the highlights browser until interrupted."""
    uvicorn.run(create_app(db), host=host, port=port, log_level="info")
