"""Run the extractors over stored articles, in batches, in one process or several."""

from __future__ import annotations

import multiprocessing as mp
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from extract import extractor_version
from extract.nlp import ArticleContext, VietnameseNLP
from extract.records import extraction_from_doc
from core.records import Extraction
from pipeline.search import compact_index, sort_appended_terms
from pipeline.store import PendingArticle, Store, rows_end

Progress = Callable[[int, int], None]
BATCH_SIZE = 256  # articles per write transaction
PAGE_SIZE = 2048  # articles whose bodies are held in memory at once


@dataclass
class ExtractStats:
    articles: int
    version: str
    workers: int = 1  # processes that ran the NLP


def context_of(article: PendingArticle) -> ArticleContext:
    return ArticleContext(
        source=article.source,
        source_province=article.source_province or None,
        published_at=article.published_at,
        title=article.title,
    )


TITLE_SEPARATOR = "\n\n"


def analysed_text(article: PendingArticle) -> tuple[str, int]:
    """The text the NLP sees (title, blank line, body) and where the body starts in it."""
    prefix = article.title.strip() + TITLE_SEPARATOR if article.title and article.title.strip() else ""
    return prefix + article.body, len(prefix)


def analyse(nlp: VietnameseNLP, article: PendingArticle, version: str) -> Extraction:
    """Every extraction row of one article; offsets index its body."""
    text, body_start = analysed_text(article)
    doc = nlp(text, context_of(article))
    return extraction_from_doc(doc, article.article_id, version, body_start)


# The NLP object of a worker process. Workers are forked from a parent that has already
# built its NLP object, and receive it through the pool's initializer: no model is loaded
# twice, and the models' memory is shared copy-on-write.
_worker_nlp: VietnameseNLP | None = None


def _init_worker(nlp: VietnameseNLP) -> None:
    global _worker_nlp
    _worker_nlp = nlp


def _analyse_in_worker(job: tuple[PendingArticle, str]) -> Extraction:
    assert _worker_nlp is not None, "worker initializer did not run"
    return analyse(_worker_nlp, *job)


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
) -> Iterator[Extraction]:
    """Extractions in input order, from this process or from a pool of worker processes, a page at a time."""
    nlp = nlp or VietnameseNLP()
    if workers > 1 and total > workers:
        # fork: the initializer's argument reaches the workers without pickling
        with mp.get_context("fork").Pool(workers, initializer=_init_worker, initargs=(nlp,)) as pool:
            for page in pending_pages(store, version):
                yield from pool.imap(_analyse_in_worker, [(a, version) for a in page], chunksize=8)
    else:
        for page in pending_pages(store, version):
            for article in page:
                yield analyse(nlp, article, version)


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

    Each batch's rows are written in one transaction, so a killed run leaves each
    article either fully extracted or still pending.
    """
    index_from = rows_end(store.con, "search_terms")
    version, total = start_extraction(store, everything)
    if on_progress:
        on_progress(0, total)
    batch: list[Extraction] = []
    done = 0
    for extraction in _extractions(store, version, total, workers, nlp) if total else ():
        batch.append(extraction)
        if len(batch) >= batch_size:
            store.replace_extractions(batch)
            done += len(batch)
            batch.clear()
            if on_progress:
                on_progress(done, total)
    store.replace_extractions(batch)
    done += len(batch)
    if on_progress:
        on_progress(done, total)
    if done:
        finish_index(store, everything, index_from)
    return ExtractStats(done, version, workers if workers > 1 and total > workers else 1)
