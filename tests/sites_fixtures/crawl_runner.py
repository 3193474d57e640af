"""Run one crawl in a fresh process and return its rows (crawl tests only).

Twisted's reactor starts once per process, so each crawl of a test runs here in a
subprocess while the test serves the sites from threads of its own process.
"""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date
from pathlib import Path
from typing import Any


def run_crawl(
    db: Path,
    sites_dir: Path,
    origins: dict[str, str],
    *,
    since: date | None = None,
    settings: dict[str, Any] | None = None,
    run_id: str = "test-run",
    timeout: float = 120,
    select: bool = False,
) -> list[dict[str, Any]]:
    """Crawl the sources of ``origins``; with ``select`` the sites are chosen as `congdoan run` does
    (every entry of ``sites_dir``, ceased ones only in a backfill)."""
    options = {
        "select": select,
        "sources": sorted(origins),
        "origins": origins,
        "since": since.isoformat() if since else None,
        "settings": {"DOWNLOAD_TIMEOUT": 5, "RETRY_TIMES": 1, **(settings or {})},
        "run_id": run_id,
    }
    done = subprocess.run(
        [sys.executable, __file__, str(db), str(sites_dir), json.dumps(options)],
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    if done.returncode != 0:
        raise AssertionError(f"crawl subprocess failed ({done.returncode}):\n{done.stderr[-4000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def main() -> None:
    from crawl.registry import load_registry, select_sites
    from core.config import Workspace
    from pipeline.crawling import crawl_sites
    from pipeline.store import Store

    db, sites_dir, options = Path(sys.argv[1]), Path(sys.argv[2]), json.loads(sys.argv[3])
    registry = load_registry(sites_dir)
    since = date.fromisoformat(options["since"]) if options["since"] else None
    if options["select"]:
        sites, _ = select_sites(registry, None, since=since)
    else:
        sites = [registry[s] for s in options["sources"]]
    store = Store.open(db)
    try:
        rows = crawl_sites(
            store,
            Workspace.for_db(db),
            sites,
            run_id=options["run_id"],
            origins=options["origins"],
            since=since,
            polite=False,
            settings=options["settings"],
        )
    finally:
        store.close()
    print(json.dumps(rows))


if __name__ == "__main__":
    main()
