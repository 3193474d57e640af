"""Run the extractors over stored articles, in batches, in one process or several."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from core.records import Extraction
from extract import extractor_version
from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import extraction_from_doc
from pipeline import quarantine
from pipeline.quarantine import Failure, guarded
from pipeline.search import compact_index, sort_appended_terms
from pipeline.store import PendingArticle, Store, rows_end
from pipeline.worker_pool import ordered_map

log = logging.getLogger(__name__)

Progress = Callable[[int, int], None]
BATCH_SIZE = 256  # articles per write transaction
PAGE_SIZE = 2048  # articles whose bodies are held in memory at once


@dataclass
class ExtractStats:
    articles: int
    version: str
    quarantined: int = 0
    workers: int = 1  # processes that ran the NLP


def context_of(article: PendingArticle) -> ArticleContext:
    return ArticleContext(
        source=article.source,
        source_province=article.source_province or None,
        published_at=article.published_at,
        title=article.title,
    )


TITLE_SEPARATOR = "\n\n"
# The NLP reads at most this much of a body (a long article has 20,000 characters): the CRF
# models take about 40 µs a character, so a giant page (a whole forum thread, a dump) would hold
# a run for minutes. The rest is stored but not analysed; offsets stay exact (a prefix).
MAX_ANALYSED_CHARS = 100_000


def analysed_text(article: PendingArticle) -> tuple[str, int]:
    """The text the NLP sees (title, blank line, body, cut at a paragraph past the cap) and where the body starts."""
    prefix = article.title.strip() + TITLE_SEPARATOR if article.title and article.title.strip() else ""
    body = article.body
    if len(body) > MAX_ANALYSED_CHARS:
        cut = body.rfind("\n", 0, MAX_ANALYSED_CHARS)
        body = body[: cut if cut > 0 else MAX_ANALYSED_CHARS]
        log.warning("article %s: analysing the first %d of %d characters", article.article_id, len(body),
                    len(article.body))
    return prefix + body, len(prefix)


def analyse(nlp: VietnameseNLP, article: PendingArticle, version: str, trace: list[str] | None = None) -> Extraction:
    """Every extraction row of one article; offsets index its body. ``trace`` names the stages entered."""
    steps = trace if trace is not None else []
    steps.append("text")
    text, body_start = analysed_text(article)
    doc = nlp(text, context_of(article), trace=steps)
    steps.append("rows")
    return extraction_from_doc(doc, article.article_id, version, body_start)


def analyse_or_fail(nlp: VietnameseNLP, article: PendingArticle, version: str) -> Extraction | Failure:
    """The article's extraction, or why it failed (nothing escapes, panics included)."""
    return guarded(article.article_id, lambda trace: analyse(nlp, article, version, trace))


# The NLP object of a worker process. Workers are forked from a parent that has already
# built its NLP object, and receive it through the pool's initializer: no model is loaded
# twice, and the models' memory is shared copy-on-write.
_worker_nlp: VietnameseNLP | None = None


def _init_worker(nlp: VietnameseNLP) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _analyse_in_worker(job: tuple[PendingArticle, str]) -> Extraction | Failure:
    assert _worker_nlp is not None, "worker initializer did not run"
    return analyse_or_fail(_worker_nlp, *job)


def _worker_died(job: tuple[PendingArticle, str], how: str) -> Failure:
    return Failure(job[0].article_id, "worker", how)


def pending_pages(store: Store, version: str, size: int = PAGE_SIZE) -> Iterator[list[PendingArticle]]:
    """The pending articles, ``size`` at a time, in ``article_id`` order (keyset paging).

    Only one page of ids and bodies is held at once, so memory stays bounded however
    large the backlog (``extract --all`` on the whole archive).
    """
    after = None
    while ids := store.pending_ids(version, after, size):
        yield store.load_pending(ids)
        after = ids[-1]


def _extractions(
    store: Store, version: str, total: int, workers: int, nlp: VietnameseNLP | None
) -> Iterator[Extraction | Failure]:
    """Extractions (or failures) in input order, from this process or from worker processes, a page at a time."""
    nlp = nlp or VietnameseNLP()
    if workers > 1 and total > workers:
        jobs = ((article, version) for page in pending_pages(store, version) for article in page)
        yield from ordered_map(_analyse_in_worker, jobs, workers=workers, initializer=_init_worker,
                               initargs=(nlp,), died=_worker_died)
    else:
        for page in pending_pages(store, version):
            for article in page:
                yield analyse_or_fail(nlp, article, version)


def start_extraction(store: Store, everything: bool) -> tuple[str, int]:
    """Record the extractor version, clear everything for ``--all``; return the version and the backlog."""
    version = extractor_version()
    store.set_meta("extractor_version", version)  # the views show this version's rows only
    if everything:
        store.clear_extractions()
    return version, store.pending_count(version)


def finish_index(store: Store, everything: bool, index_from: int) -> None:
    """Order the word index after a run: all of it after ``--all``, else only the run's own rows."""
    if everything:
        compact_index(store.con)
    else:
        sort_appended_terms(store.con, index_from)


def store_batch(store: Store, batch: list[Extraction], failures: list[Failure], version: str) -> tuple[int, int]:
    """Write a batch and quarantine the failures, with any article whose rows cannot be written.

    Returns how many articles were written and how many quarantined.
    """
    try:
        store.replace_extractions(batch)
        written = batch
    except Exception:  # find the article that cannot be written; write the others
        written = []
        for extraction in batch:
            outcome = guarded(extraction.article_id, lambda trace: store.replace_extractions([extraction]))
            if isinstance(outcome, Failure):
                failures.append(Failure(outcome.article_id, "store", outcome.error))
            else:
                written.append(extraction)
    quarantine.release(store, [e.article_id for e in written])
    quarantine.record(store, failures, version)
    return len(written), len(failures)


def extract_pending(
    store: Store,
    *,
    everything: bool = False,
    workers: int = 1,
    nlp: VietnameseNLP | None = None,
    on_progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> ExtractStats:
    """Extract every article not yet extracted by the current version (all with ``everything``).

    Each batch's new articles are written in one transaction, and its articles extracted before
    a few per transaction (``Store.replace_extraction_tables``), so a killed run leaves each
    article either fully extracted or still pending. An article that cannot be
    processed is quarantined (see :mod:`pipeline.quarantine`) and the others go on.
    """
    index_from = rows_end(store.con, "search_terms")
    version, total = start_extraction(store, everything)
    if on_progress:
        on_progress(0, total)
    batch: list[Extraction] = []
    failures: list[Failure] = []
    done = failed = 0
    for outcome in _extractions(store, version, total, workers, nlp) if total else ():
        if isinstance(outcome, Failure):
            failures.append(outcome)
        else:
            batch.append(outcome)
        if len(batch) + len(failures) >= batch_size:
            written, set_aside = store_batch(store, batch, failures, version)
            done, failed = done + written, failed + set_aside
            batch, failures = [], []
            if on_progress:
                on_progress(done + failed, total)
    written, set_aside = store_batch(store, batch, failures, version)
    done, failed = done + written, failed + set_aside
    if on_progress:
        on_progress(done + failed, total)
    if done:
        finish_index(store, everything, index_from)
    return ExtractStats(done, version, failed, workers if workers > 1 and total > workers else 1)
