"""Registry entries for sites that tests serve on loopback."""

from __future__ import annotations

from crawl.evidence import ASPECTS

# Every real entry carries an [evidence] table; a test server's entry assumes everything.
ASSUMED_EVIDENCE = "".join(
    f'\n[evidence.{aspect}]\nstatus = "assumed"\nnote = "a loopback test server"\n' for aspect in ASPECTS
)


def entry(source: str, *, discovery: str, article: str, top: str = "") -> str:
    """The TOML of a real-kind entry named ``source`` (base URL https://<source>.example.vn)."""
    return (
        f'source = "{source}"\nname = "{source}"\nbase_url = "https://{source}.example.vn"\n'
        f'kind = "newspaper"\nnotes = "test fixture"\n{top}\n[discovery]\n{discovery}\n[article]\n{article}\n'
        + ASSUMED_EVIDENCE
    )
