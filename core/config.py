"""Every path the project uses, defined once.

Data flows one way: crawled pages are kept unchanged under ``raw/`` beside the
database, and everything derived from them lands in the DuckDB file. All files
that belong to one database (its working copy, standby copy, lock, raw pages and logs) are
derived from the database path by :class:`Workspace`, so a test that points
``--db`` at a temporary file gets a complete, isolated workspace.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA_DIR = ROOT / "data"
SITES_DIR = DATA_DIR / "sites"
SAMPLE_SITES_DIR = DATA_DIR / "sample-sites"
LEXICON_DIR = DATA_DIR / "lexicon"
GAZETTEER_DIR = DATA_DIR / "gazetteer"
DEFAULT_DB = DATA_DIR / "congdoan.duckdb"
MIGRATIONS_DIR = ROOT / "pipeline" / "migrations"
DOCS_DIR = ROOT / "docs"
NOTEBOOKS_DIR = ROOT / "notebooks"
TESTS_GOLD_DIR = ROOT / "tests" / "gold"
QUALITY_FLOORS = ROOT / "tests" / "quality_floors.toml"
# The team's shared folder sits beside the checkout; a user's clone has none.
SHARED_DIR = ROOT.parent / "shared"
# Third-party texts we measure on (real articles and pages) never enter the repository: they
# live in a scratch folder beside the checkout, or where $CONGDOAN_SCRATCH points.
SCRATCH_ENV_VAR = "CONGDOAN_SCRATCH"
SCRATCH_DIR = Path(os.environ.get(SCRATCH_ENV_VAR) or ROOT.parent / "scratch")

# The largest page the crawl downloads and the importer reads (a 13 MB page is a gallery or a dump).
MAX_PAGE_BYTES = 8 * 1024 * 1024

DB_ENV_VAR = "CONGDOAN_DB"

# DuckDB's limits on every connection congdoan opens (the writer, the readers, the web page).
# Without a limit DuckDB's buffer pool keeps the blocks a job reads up to 80 % of RAM, so a job
# that reads the whole archive (`extract --all` at a million articles) grows with the archive;
# with one, large statements (clearing every extraction row, sorting the word index) spill to
# a temporary directory instead. Override with $CONGDOAN_DUCKDB_MEMORY_LIMIT (a DuckDB size,
# e.g. "2GB") and $CONGDOAN_DUCKDB_THREADS (default: DuckDB's, one per core).
DUCKDB_MEMORY_LIMIT = "512MB"
DUCKDB_MEMORY_LIMIT_VAR = "CONGDOAN_DUCKDB_MEMORY_LIMIT"
DUCKDB_THREADS_VAR = "CONGDOAN_DUCKDB_THREADS"
USER_AGENT = "congdoan/0.1 (+research crawler of Vietnamese trade-union news; contact: congdoan-research@example.org)"


def default_db() -> Path:
    """The database path: ``$CONGDOAN_DB`` when set, else ``data/congdoan.duckdb``."""
    env = os.environ.get(DB_ENV_VAR)
    return Path(env) if env else DEFAULT_DB


def duckdb_settings() -> dict[str, str | int]:
    """The DuckDB settings every congdoan connection gets: ``memory_limit``, and ``threads`` when set."""
    settings: dict[str, str | int] = {"memory_limit": os.environ.get(DUCKDB_MEMORY_LIMIT_VAR) or DUCKDB_MEMORY_LIMIT}
    threads = os.environ.get(DUCKDB_THREADS_VAR)
    if threads:
        settings["threads"] = int(threads)
    return settings


@dataclass(frozen=True)
class Workspace:
    """The published database and the files that travel with it."""

    db: Path

    @classmethod
    def for_db(cls, db: Path | str | None = None) -> "Workspace":
        return cls(Path(db).expanduser().resolve() if db else default_db().resolve())

    @property
    def work_db(self) -> Path:
        """Writers work on this copy and publish it over :attr:`db` by atomic rename."""
        return self.db.with_name(self.db.stem + ".work" + self.db.suffix)

    @property
    def standby_db(self) -> Path:
        """The file published before :attr:`db` (a hard link), which the next writer brings up to date."""
        return self.db.with_name(self.db.stem + ".standby" + self.db.suffix)

    @property
    def staging_dir(self) -> Path:
        """Parquet parts exchanged with cluster workers (``extract --engine dask``)."""
        return self.db.with_name(self.db.name + ".staging")

    @property
    def lock_file(self) -> Path:
        return self.db.with_name(self.db.name + ".lock")

    @property
    def raw_dir(self) -> Path:
        return self.db.parent / "raw"

    @property
    def log_dir(self) -> Path:
        return self.db.parent / "logs"

    def ensure_dirs(self) -> None:
        for path in (self.db.parent, self.raw_dir, self.log_dir):
            path.mkdir(parents=True, exist_ok=True)
