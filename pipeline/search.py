"""Accent-insensitive full-text search over the project's own word index.

DuckDB has no offline full-text extension here, so the extractor writes a word
index (table ``search_terms``) from underthesea's segmentation: for every
article, each distinct *folded* term with how often it occurs in the title and
in the body. Folding lower-cases, drops diacritics and maps đ to d, one
character for one character, so offsets found in a folded text also index the
original (used to highlight matches in snippets).

Both whole words ("lien doan") and their syllables ("lien", "doan") are terms:
a query matches an article when every syllable of the folded query is a term of
it (AND) and every quoted phrase occurs in its text; adjacent query syllables that
form one of the article's words rank it higher, as do title hits, recency and the
query's accented words found exactly as typed. The same query serves the search
page and the feed's keyword filter.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

import duckdb
import pyarrow as pa

from extract.terms import SYLLABLE, fold, syllables

TITLE_WEIGHT = 3
"""A title hit counts as much as this many body hits."""
RECENCY_DAYS = 365.0
"""Ranking: an article this many days older needs e times as many hits to rank equal."""


EXACT_BONUS = 2.0
"""Ranking: an article holding an accented query word or phrase exactly as typed gains this much."""
EXACT_WINDOW = 300
"""Accents are checked in the text of this many best matches (ten pages), which rank above the rest."""
WINDOW_LIFT = 1000.0
_QUOTED = re.compile(r'"([^"]*)"|“([^”]*)”|«([^»]*)»')
_WORD_EDGE = r"[^\pL\pN]"  # RE2 (DuckDB): a character that is no letter or digit


def _variants() -> dict[str, str]:
    """Each folded letter and the lower-case letters that fold to it: "d" -> "dđ", "a" -> "aàá…ặ"."""
    letters = [chr(c) for c in range(0x61, 0x7B)] + [chr(c) for c in range(0xE0, 0x250)] + \
              [chr(c) for c in range(0x1EA0, 0x1F00)]
    out: dict[str, str] = {}
    for ch in letters:
        if ch.islower() and fold(ch).isascii() and fold(ch).isalpha():
            out[fold(ch)] = out.get(fold(ch), "") + ch
    return out


_VARIANTS = _variants()


def _sql_phrase(words: tuple[str, ...], accent_free: bool) -> str:
    """An RE2 pattern (case-insensitive) finding the words as a whole phrase, any spacing or punctuation
    between them; ``accent_free`` words match every accented spelling ("dong": đồng, động, dòng ...).
    Matching the text itself with letter classes is ~20x faster in DuckDB than folding it first."""
    def letters(word: str) -> str:
        return "".join(f"[{_VARIANTS[ch]}]" if accent_free and ch in _VARIANTS else re.escape(ch) for ch in word)

    between = f"{_WORD_EDGE}+"
    return f"(?i)(^|{_WORD_EDGE})" + between.join(letters(w) for w in words) + f"({_WORD_EDGE}|$)"


@dataclass(frozen=True)
class Part:
    """A quoted phrase, or a run of unquoted words read as a phrase for ranking and marking."""

    text: str  # as typed, lower case, NFC
    syllables: tuple[str, ...]
    quoted: bool

    @property
    def accented(self) -> bool:
        return fold(self.text) != self.text

    def pattern(self) -> re.Pattern[str]:
        """The phrase, whole syllables, in a folded text."""
        return re.compile(r"(?<![^\W_])" + r"[\W_]+".join(map(re.escape, self.syllables)) + r"(?![^\W_])")


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: the folded syllables every match must contain, its phrases, and the words that rank.

    Unquoted words match anywhere as whole syllables, accents or not ("dong" finds "đồng" and
    "động"); a quoted phrase ("lao động") must occur as written, syllables in a row. Words typed
    with their accents rank the articles that have them exactly as typed first.
    """

    text: str
    syllables: tuple[str, ...]
    words: tuple[str, ...]
    parts: tuple[Part, ...] = ()

    @classmethod
    def parse(cls, text: str) -> "SearchQuery":
        text = unicodedata.normalize("NFC", text)
        parts: list[Part] = []
        cursor = 0
        for m in [*_QUOTED.finditer(text), None]:
            loose = text[cursor:m.start() if m else len(text)]
            for run in re.split(r"[^\w\s]+", loose):
                if syllables(run):
                    parts.append(Part(" ".join(run.lower().split()), tuple(syllables(run)), False))
            if m:
                quoted = next(g for g in m.groups() if g is not None)
                if syllables(quoted):
                    parts.append(Part(" ".join(quoted.lower().split()), tuple(syllables(quoted)), True))
                cursor = m.end()
        ordered = [s for part in parts for s in part.syllables]
        words = tuple(dict.fromkeys(f"{a} {b}" for part in parts for a, b in zip(part.syllables, part.syllables[1:])
                                    if a != b))
        return cls(text, tuple(dict.fromkeys(ordered)), words, tuple(parts))

    def __bool__(self) -> bool:
        return bool(self.syllables)

    def matches_sql(self, candidates: str | None = None) -> tuple[str, dict[str, Any]]:
        """A query of the matching articles (``article_id, score``) and its named parameters.

        ``candidates``, a query of article ids (its parameters are the caller's), restricts the
        matches to those articles: the postings of the query's rarest term, say.

        ``score`` = ln(1 + hits + 3 x word hits) - age in days / RECENCY_DAYS, where hits sums
        body hits and weighted title hits of the query's syllables. The query's terms are joined
        (a hash join) rather than tested with IN; phrases are checked on the candidates' text
        only. The exact-accent bonus is added by :func:`ranked_matches`.
        """
        text = "coalesce(a.title, '') || ' ' || a.body"
        phrases = [part for part in self.parts if part.quoted and len(part.syllables) > 1]
        params: dict[str, Any] = {"syllables": list(self.syllables), "words": list(self.words),
                                  "n": len(self.syllables)}
        conditions = ["TRUE"]
        # patterns are inlined (constant patterns compile once): they hold letters and digits only
        conditions += [f"regexp_matches({text}, '{_sql_phrase(part.syllables, True)}')" for part in phrases]
        sql = f"""
            SELECT m.article_id,
                   ln(1 + m.hits + 3 * m.word_hits)
                     - coalesce(date_diff('day', a.published_at, current_timestamp::TIMESTAMP), 3650)
                       / {RECENCY_DAYS} AS score
            FROM (
                SELECT t.article_id,
                       sum(t.body_hits + {TITLE_WEIGHT} * t.title_hits) FILTER (WHERE q.syllable) AS hits,
                       count(*) FILTER (WHERE NOT q.syllable) AS word_hits
                FROM search_terms t
                JOIN (SELECT unnest($syllables) AS term, TRUE AS syllable
                      UNION ALL SELECT unnest($words), FALSE) q USING (term)
                {f"WHERE t.article_id IN ({candidates})" if candidates else ""}
                GROUP BY t.article_id
                HAVING count(*) FILTER (WHERE q.syllable) = $n
            ) m JOIN articles a USING (article_id)
            WHERE {" AND ".join(conditions)}"""
        return sql, params

    def exact_sql(self) -> str | None:
        """A query of ``article_id, bonus`` for the articles ``$window``: EXACT_BONUS for each distinct
        accented word or phrase of the query found there exactly as typed; None when nothing is accented."""
        # a quoted phrase counts exact as a whole, an unquoted run word by word
        accented = [tuple(SYLLABLE.findall(part.text)) for part in self.parts if part.quoted and part.accented]
        accented += [(word,) for part in self.parts if not part.quoted for word in SYLLABLE.findall(part.text)
                     if fold(word) != word]
        if not accented:
            return None
        # one pass finds every accented word or phrase typed exactly: the bonus counts the distinct ones
        exact = "|".join(f"{_WORD_EDGE}+".join(map(re.escape, words)) for words in accented)
        found = (f"regexp_extract_all(coalesce(a.title, '') || ' ' || a.body, '(?i)(?:^|{_WORD_EDGE})({exact})', 1)")
        return (f"SELECT a.article_id, {EXACT_BONUS} * len(list_distinct(list_transform({found}, lambda x: lower(x))))"
                " AS bonus FROM articles a WHERE a.article_id IN $window")

    def spans(self, text: str) -> list[tuple[int, int]]:
        """Character spans of ``text`` to mark: each part as a phrase (exactly as typed first, when
        typed with accents); the syllables of an unquoted run only where the run is not found whole."""
        folded = fold(text)
        lowered = text.lower()
        found: list[tuple[int, int]] = []
        for part in self.parts:
            hits = [(m.start(), m.end()) for m in part.pattern().finditer(folded)]
            if part.accented:
                exact = [(a, b) for a, b in hits if " ".join(lowered[a:b].split()) == part.text]
                hits = exact or hits
            if not hits and not part.quoted and len(part.syllables) > 1:
                wanted = set(part.syllables)
                hits = [(m.start(), m.end()) for m in SYLLABLE.finditer(folded) if m.group() in wanted]
            found += hits
        return sorted(set(found))


def ranked_matches(con: duckdb.DuckDBPyConnection, query: SearchQuery, candidates: str | None = None,
                   params: dict[str, Any] | None = None) -> pa.Table:
    """The matches of ``query`` (``article_id, score``; ``candidates`` and ``params`` as in
    :meth:`SearchQuery.matches_sql`), the exact-accent bonus added.

    The bonus is read from the text of the EXACT_WINDOW best matches only, which then rank above
    the rest: exact spellings come first on the first pages at any corpus size. Their texts are
    read by a list of ids (zone maps, one vector each), not by a join, which scans every article's
    text: at a million articles 15 ms instead of 65.
    """
    sql, search_params = query.matches_sql(candidates)
    matches = con.sql(sql, params={**search_params, **(params or {})}).to_arrow_table()
    exact = query.exact_sql()
    if exact is None or not matches.num_rows:
        return matches
    with registered(con, "_base_matches", matches):
        window = [row[0] for row in con.execute("SELECT article_id FROM _base_matches ORDER BY score DESC, article_id "
                                                f"LIMIT {EXACT_WINDOW}").fetchall()]
        return con.sql(f"SELECT b.article_id, b.score + coalesce(e.bonus + {WINDOW_LIFT}, 0) AS score "
                       f"FROM _base_matches b LEFT JOIN ({exact}) e USING (article_id)",
                       params={"window": window}).to_arrow_table()


@contextmanager
def registered(con: duckdb.DuckDBPyConnection, name: str, table: pa.Table) -> Iterator[None]:
    """``table`` readable as ``name`` on this connection while the block runs."""
    con.register(name, table)
    try:
        yield
    finally:
        con.unregister(name)


def _in_transaction(con: Any, statements: list[str], params: list[Any] | None = None) -> None:
    """Run the statements in one transaction; ``params`` go to those that use ``$1``."""
    con.execute("BEGIN TRANSACTION")
    try:
        for sql in statements:
            con.execute(sql, params if "$1" in sql else [])
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


INDEX_STRETCH_ROWS = 4_000_000
"""``compact_index`` sorts the index this many rows at a time (about 100 MB of rows to sort)."""
STRETCH_SAMPLE = 200
"""Sampled terms per stretch from which the stretches' term bounds are chosen."""


def stretch_bounds(con: Any, stretch_rows: int = INDEX_STRETCH_ROWS) -> list[str]:
    """Terms that cut ``search_terms`` into term ranges of about ``stretch_rows`` rows each.

    Chosen from a reservoir sample of the terms (a bounded amount of memory, one scan); no
    bounds when the index fits in one stretch. A range holds whole terms, so one holds at
    most as many rows as there are articles beyond its share.
    """
    total = con.execute("SELECT count(*) FROM search_terms").fetchone()[0]
    stretches = -(-total // max(stretch_rows, 1))
    if stretches <= 1:
        return []
    size = min(total, STRETCH_SAMPLE * stretches)
    sample = sorted(row[0] for row in con.execute(
        f"SELECT term FROM search_terms USING SAMPLE {int(size)} ROWS (reservoir, 42)").fetchall())
    return sorted({sample[len(sample) * i // stretches] for i in range(1, stretches)})


def compact_index(con: Any, stretch_rows: int = INDEX_STRETCH_ROWS) -> None:
    """Rewrite the whole of ``search_terms`` ordered by term, in one transaction.

    Extraction appends the index batch by batch, so every row group holds every
    term and a search scans the whole table. Ordered by term, DuckDB's min/max
    zone maps let a search read only the row groups of its terms (about 10x
    faster on 50,000 articles). It costs a rewrite of the whole index: run after
    ``extract --all`` (which rebuilds the index anyway), not every night; a
    nightly run sorts only its own rows (:func:`sort_appended_terms`).

    The index is sorted in stretches of consecutive terms (:func:`stretch_bounds`),
    each appended sorted to a staging table in the database file, so no single
    sort holds more than about ``stretch_rows`` rows: the memory stays that of one
    stretch at any archive size (one sort of 352 M rows at a million articles ran
    out of a 256 MB ``memory_limit``). The staging table then replaces the rows.
    """
    bounds = stretch_bounds(con, stretch_rows)
    ranges = list(zip([None, *bounds], [*bounds, None]))
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute("DROP TABLE IF EXISTS search_terms_sorted")
        con.execute("CREATE TABLE search_terms_sorted AS SELECT * FROM search_terms LIMIT 0")
        for low, high in ranges:
            where = " AND ".join([*(["term >= $low"] if low is not None else []),
                                  *(["term < $high"] if high is not None else [])]) or "TRUE"
            params = {**({"low": low} if low is not None else {}), **({"high": high} if high is not None else {})}
            con.execute(f"INSERT INTO search_terms_sorted SELECT * FROM search_terms WHERE {where} "
                        "ORDER BY term, article_id", params)
        con.execute("DELETE FROM search_terms")
        con.execute("INSERT INTO search_terms SELECT * FROM search_terms_sorted")
        con.execute("DROP TABLE search_terms_sorted")
        con.execute("COMMIT")
    except Exception:
        con.execute("ROLLBACK")
        raise


def sort_appended_terms(con: Any, from_rowid: int) -> None:
    """Sort the index rows appended since ``from_rowid`` (one run's rows) by term, in one transaction.

    The cost is that of the run's own rows: rowid ranges are read without scanning
    older row groups. Each run then adds one sorted stretch of row groups; a search
    reads of it only the row groups whose term range holds its terms (about one per
    night of 500 articles). ``compact_index`` merges the stretches when they add up.
    """
    _in_transaction(con, [
        "CREATE TEMP TABLE search_terms_sorted AS SELECT * FROM search_terms WHERE rowid >= $1 ORDER BY term, article_id",
        "DELETE FROM search_terms WHERE rowid >= $1",
        "INSERT INTO search_terms SELECT * FROM search_terms_sorted",
        "DROP TABLE search_terms_sorted",
    ], [from_rowid])
