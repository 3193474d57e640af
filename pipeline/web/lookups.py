"""The rows of a page's few articles: by an ``IN`` list, or by one equality look-up per article.

DuckDB uses an ``IN`` list of ids only to skip the row groups that hold none of them; in the others
it reads every column asked for, then keeps the listed rows. That suits ``articles``, whose row
groups hold disjoint id ranges, and the narrow award tables. In ``highlights`` and ``amounts`` a
row group spans a wide id range (each extraction run appends its own stretch), so the list read
their texts in most row groups: at a million articles, 165 ms for the highlights of a unit page's
13 articles. An ``article_id = $id`` look-up per article filters each row group on its ids before
the other columns are read: 14 ms.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

POINT_LOOKUPS = 64
"""Up to this many articles are looked up one by one; more (a digest's week) are listed."""


@dataclass(frozen=True)
class ArticleIds:
    """Distinct article ids, sorted, and subqueries of their rows of a table."""

    ids: tuple[int, ...]

    @classmethod
    def of(cls, ids: Iterable[int]) -> "ArticleIds":
        return cls(tuple(sorted(set(ids))))

    def listed(self, table: str, columns: str = "*") -> str:
        """A subquery of the ``columns`` of ``table``'s rows of these articles, found by one ``IN`` list."""
        return f"(SELECT {columns} FROM {table} WHERE article_id IN $ids)"

    def looked_up(self, table: str, columns: str = "*") -> str:
        """The same rows found by one look-up per article (listed when there are more than POINT_LOOKUPS)."""
        if len(self.ids) > POINT_LOOKUPS or not self.ids:
            return self.listed(table, columns)
        return "(" + " UNION ALL ".join(f"SELECT {columns} FROM {table} WHERE article_id = $id{i}"
                                        for i in range(len(self.ids))) + ")"

    def params(self, sql: str) -> dict[str, int | list[int]]:
        """The parameters of the subqueries ``sql`` holds (DuckDB refuses a parameter a query does not use)."""
        params: dict[str, int | list[int]] = {"ids": list(self.ids)} if "$ids" in sql else {}
        if "$id0" in sql:
            params.update({f"id{i}": article_id for i, article_id in enumerate(self.ids)})
        return params
