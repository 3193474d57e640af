"""Generates ``docs/sources.md`` from the registry: ``python -m crawl.sources_doc``.

The page is the registry's table of evidence, so it cannot drift from the entries:
a test compares it with a fresh rendering.
"""

from __future__ import annotations

from pathlib import Path

from core.config import DOCS_DIR, SITES_DIR
from crawl.evidence import ASPECTS, summary
from crawl.pagination import SCHEMES
from crawl.registry import Site, load_registry

SOURCES_DOC = DOCS_DIR / "sources.md"

_INTRO = """# Sources

Generated from `data/sites/*.toml` by `python -m crawl.sources_doc`; a test fails when this page is stale.

Every real entry has an `[evidence]` table: for each assumption it makes ({aspects}) it says
whether the assumption is **evidenced** (seen in a public scraper's code, a stored copy of a page or
real URLs of the site, on the date given) or still **assumed**, and why. *Evidenced is not verified*:
nothing here was fetched from the live sites; `congdoan sites check` is the live check (below). The
sample sites (`sample-*`) are verified by their tests and are not listed here.

A *ceased* source (the 2025 press consolidation) keeps its entry with its last day and its successor:
the nightly `congdoan run` skips it; `congdoan crawl --site NAME --since DATE` still crawls its archive.

## How the crawl meets the real sites

- **Bot challenges** are their own fault class. A page whose inline script sets a cookie from a literal
  and reloads (laodong.vn's `D1N`) is answered without a browser: the cookie is sent back and kept for
  the run. Any other challenge ("enable JavaScript", CAPTCHA, browser checks, also behind 403/429/503)
  is recorded as `blocked` in `page_errors`, the site's run gets status `blocked`, and its pagination
  stops; it is never reported as a change of layout. A site registered with `render = "browser"` has
  its pages fetched by headless Chromium (Debian's `/usr/bin/chromium`, through scrapy-playwright,
  `$CONGDOAN_CHROMIUM` to override), with the same politeness and limits.
- **Pagination schemes** (`discovery.pagination_scheme`): {schemes}. See `crawl/pagination.py`.
  A template may use `{{start}}` (the start page it continues) and `{{zone}}` (an id the start page
  states, found by `pagination_zone`), e.g. nld's `/timelinelist/{{zone}}/{{page}}.htm`.
- **Stop rules**: the pagination stops at a page without article links, a page whose links are all
  seen (stored, settled, or failed on an earlier run), a 404 past the last page, the page limit, or
  once the site blocked the crawl in this run.
- **Faults that settle a URL and faults retried**: 404/410 (`gone`), a listing page and robots.txt
  settle an article URL for good. Any other fault (`binary`, `too_large`, timeouts, 5xx, `blocked`,
  `empty_body` ...) is retried on a later night after a back-off that doubles with each failed run
  (1, 2, 4 ... 32 days); a page that failed in three runs or more is reported after each crawl.
  Both rules are the view `v_failing_pages`.
- **Article parts**: the lead (sapo) and boxed facts are article text (`article.lead`, `article.facts`
  for boxes outside the body element); the printed `h1` is the title when `og:title` is a shortened
  or rewritten version of it.

## Checking the registry against the live sites

```sh
congdoan sites check                                  # every source
congdoan sites check --site laodong --save /tmp/pages # keep the fetched pages, to make a fixture
```

For each site it fetches robots.txt, the start page, the next listing page and one article, runs the
crawl's discovery and extraction, and prints one verdict: `ok`, `blocked`, `moved` (404 or redirected
to another host), `no articles found`, `body lost` (the selectors find no body) or `unreachable`.
`congdoan run` runs the same check for every site that failed and writes the verdicts to its log.
A saved page becomes a fixture under `tests/sites_fixtures/real/<source>/` once its text is replaced
by our own words (the project carries no third-party text).

`--origin SOURCE=URL` (on `crawl`, `run` and `sites check`) fetches a source from another origin (a
mirror, a test server) while stored URLs keep the source's own address.
"""


def _cell(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _status(site: Site) -> str:
    if site.ceased:
        return f"ceased {site.ended} → {site.successor}"
    return "active" + (" (browser)" if site.render == "browser" else "")


def render(sites: list[Site]) -> str:
    """The Markdown page for the real entries."""
    real = sorted((s for s in sites if s.kind != "sample"), key=lambda s: s.source)
    lines = [_INTRO.format(aspects=", ".join(f"`{a}`" for a in ASPECTS),
                           schemes=", ".join(f"`{s}`" for s in SCHEMES)).rstrip(), "", "## The sources", "",
             "| source | name | kind | province | status | evidenced | assumed |", "|---|---|---|---|---|---|---|"]
    for site in real:
        seen, assumed = summary(site.evidence)
        lines.append(f"| [{site.source}](#{site.source}) | {_cell(site.name)} | {site.kind} | {site.province or '—'} | "
                     f"{_cell(_status(site))} | {', '.join(seen) or '—'} | {', '.join(assumed) or '—'} |")
    for site in real:
        disc = site.discovery
        lines += ["", f"### {site.source}", "", _cell(site.notes), "",
                  f"- base URL: {site.base_url}; status: {_status(site)}",
                  f"- start pages: {', '.join(f'`{p}`' for p in disc.start_urls) or '—'}; "
                  f"feeds: {', '.join(f'`{p}`' for p in disc.feeds) or '—'}",
                  f"- pagination: `{disc.pagination.scheme}`"
                  + (f" `{disc.pagination.template}`" if disc.pagination.template else ""),
                  f"- article URLs: `{site.article.url_pattern}`",
                  f"- selectors: {', '.join(f'{k} `{v}`' for k, v in site.selectors.items()) or 'none (trafilatura)'}",
                  "", "| aspect | status | seen | where, or why assumed |", "|---|---|---|---|"]
        for aspect in ASPECTS:
            item = site.evidence[aspect]
            why = "; ".join(item.where) + (f" ({item.note})" if item.note and item.where else item.note)
            lines.append(f"| {aspect} | {item.status} | {item.seen or '—'} | {_cell(why)} |")
    return "\n".join(lines) + "\n"


def main(path: Path = SOURCES_DOC) -> None:
    path.write_text(render(list(load_registry(SITES_DIR).values())), encoding="utf-8")
    print(f"wrote {path}")


if __name__ == "__main__":
    main()
