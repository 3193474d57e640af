"""Pagination schemes: how a site's listing continues after its start page.

Each registry entry names one scheme (``discovery.pagination_scheme``); the
spider asks :meth:`Pagination.path_for` for the listing page after page ``k``.

=============  ======================================================  ======================
scheme         what the site does                                      example template
=============  ======================================================  ======================
``next_link``  a ``rel=next`` link or a "Trang sau" / "»" link         (none)
``query``      a page number in the query string                       ``/cong-doan?page={page}``
``path``       a page number in the path                               ``/van-hoa-xa-hoi/trang-{page}.html``
``mastercms``  MasterCMS section paging (``/<section>/p<page>``)        ``/cong-doan/p{page}``
``timeline``   a script-driven "xem thêm" list served as HTML           ``/timelinelist/1961/{page}.htm``
               fragments by an AJAX endpoint, numbered from 1
=============  ======================================================  ======================

A scheme with a template continues with ``template.format(page=start)``,
``start + 1``, ... (``start`` is 2 for page-numbered listings, whose page 1 is
the start page, and 1 for timeline endpoints, which restart their own count).
A template may name ``{start}``, the path of the start page it continues (one
template for several sections), and ``{zone}``, an id the start page states
(nld's ``ZoneId``), found by the entry's ``pagination_zone`` regex.
Every scheme stops at a page without article links, a page whose links are all
seen, a 404 past the last page, or the site's page limit.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SCHEMES = ("next_link", "query", "path", "mastercms", "timeline")
_DEFAULT_START = {"query": 2, "path": 2, "mastercms": 2, "timeline": 1}


@dataclass(frozen=True)
class Pagination:
    scheme: str = "next_link"
    template: str | None = None
    start: int = 2
    zone: re.Pattern[str] | None = field(default=None, compare=False)

    @property
    def templated(self) -> bool:
        return self.template is not None

    def zone_of(self, html: str) -> str | None:
        """The zone id the start page states, when the template needs one."""
        if self.zone is None:
            return None
        match = self.zone.search(html)
        return match.group(1) if match else None

    def path_for(self, page: int, start_path: str = "", zone: str | None = None) -> str | None:
        """Path of listing page ``page`` (the start page, ``start_path``, is page 1); None for
        ``next_link``, or when the template needs a zone the start page did not state."""
        if self.template is None or page < 2 or ("{zone}" in self.template and not zone):
            return None
        return self.template.format(page=self.start + page - 2, start=start_path.split("?")[0], zone=zone)


def make_pagination(template: str | None, scheme: str | None, start: int | None,
                    zone: str | None = None) -> tuple[Pagination | None, str | None]:
    """A validated :class:`Pagination`, or None and the reason it is not valid."""
    if scheme is None:
        scheme = "next_link" if template is None else ("query" if "?" in template else "path")
    if scheme not in SCHEMES:
        return None, f"unknown pagination_scheme {scheme!r} (expected one of {', '.join(SCHEMES)})"
    if scheme == "next_link":
        if template is not None:
            return None, "pagination_scheme 'next_link' follows links and takes no pagination template"
        return Pagination(), None
    if template is None:
        return None, f"pagination_scheme {scheme!r} needs a pagination template with {{page}}"
    if "{page}" not in template:
        return None, "discovery.pagination must contain {page}"
    if start is None:
        start = _DEFAULT_START[scheme]
    if isinstance(start, bool) or not isinstance(start, int) or start < 0:
        return None, "discovery.pagination_start must be a non-negative integer"
    if ("{zone}" in template) != (zone is not None):
        return None, "a pagination template with {zone} needs pagination_zone (a regex with one group), and only it"
    try:
        pattern = re.compile(zone) if zone is not None else None
    except re.error as exc:
        return None, f"discovery.pagination_zone is not a valid regex: {exc}"
    if pattern is not None and pattern.groups != 1:
        return None, "discovery.pagination_zone must have exactly one group (the zone id)"
    try:
        template.format(page=1, start="/x", zone="1")
    except (KeyError, IndexError, ValueError) as exc:
        return None, f"discovery.pagination has an unknown placeholder ({exc}); use {{page}}, {{start}}, {{zone}}"
    return Pagination(scheme, template, start, pattern), None
