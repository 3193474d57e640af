"""What is derived across articles after each extraction batch: unit identities, then events.

:meth:`pipeline.store.Store.replace_extractions` calls :func:`update_derived` inside the batch's
transaction, so an article is never stored extracted without its units registered and its
awards and sums grouped into events and its feed cards written (``feed_cards``), and a killed run leaves both as they were.
"""

from __future__ import annotations

from collections.abc import Sequence

import duckdb

from pipeline.events import EventChanges, update_events
from pipeline.feed import update_feed
from pipeline.units_registry import update_registry


def update_derived(con: duckdb.DuckDBPyConnection, article_ids: Sequence[int], replaced: bool = False) -> EventChanges:
    """Register the batch's units, regroup its awards and sums (events need the registry), rewrite its feed cards.

    Returns what the grouping changed (the writer logs it for its standby's replay).
    """
    update_registry(con, article_ids, replaced=replaced)
    changes = update_events(con, article_ids)
    update_feed(con, article_ids, replaced=replaced)
    return changes
