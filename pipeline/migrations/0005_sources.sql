-- Sources that ceased (the 2025 press consolidation), bot challenges, and pages retried after a temporary fault.

ALTER TABLE sources ADD COLUMN status VARCHAR DEFAULT 'active';
ALTER TABLE sources ADD COLUMN ended DATE;
ALTER TABLE sources ADD COLUMN successor VARCHAR;
COMMENT ON COLUMN sources.status IS 'active, or ceased: the source stopped publishing (merged or closed); its archive is crawled only with --since.';
COMMENT ON COLUMN sources.ended IS 'Last day of publication of a ceased source, NULL while active.';
COMMENT ON COLUMN sources.successor IS 'Who took over a ceased source (a registry source or a name), NULL while active.';

COMMENT ON COLUMN crawl_site_runs.status IS 'ok; blocked (a bot challenge that could not be answered); or failed (see error).';
COMMENT ON COLUMN page_errors.reason IS 'Machine-readable reason code: gone (404/410), blocked (bot challenge), http_error (other statuses), timeout, dns, connection, truncated, too_large, binary, bad_charset, empty_body, listing_page, robots, redirect_loop, parse_error; and charset_repaired, a note that a stored page was read after its charset was repaired (not a failure).';

CREATE OR REPLACE VIEW v_failing_pages AS
WITH failures AS (
    SELECT source, url,
           count(DISTINCT run_id) AS attempts,
           min(occurred_at) AS first_failed,
           max(occurred_at) AS last_failed,
           arg_max(reason, occurred_at) AS last_reason,
           arg_max(detail, occurred_at) AS last_detail,
           bool_or(reason IN ('gone', 'listing_page', 'robots')) AS permanent
    FROM page_errors
    GROUP BY source, url
)
SELECT f.source, f.url, f.attempts, f.first_failed, f.last_failed, f.last_reason, f.last_detail, f.permanent,
       CASE WHEN f.permanent THEN NULL
            ELSE CAST(CAST(f.last_failed AS DATE) + to_days(CAST(least(pow(2, f.attempts - 1), 32) AS INTEGER)) AS DATE)
       END AS retry_after
FROM failures f
WHERE NOT EXISTS (SELECT 1 FROM articles a WHERE a.url = f.url);
COMMENT ON VIEW v_failing_pages IS 'Pages that failed and are not stored, one row per URL: a permanent fault (404/410, a listing page, robots.txt) settles the URL; any other is retried on a later night, after a back-off that doubles with each failed run (1, 2, 4 ... 32 days).';
COMMENT ON COLUMN v_failing_pages.source IS 'See sources.source.';
COMMENT ON COLUMN v_failing_pages.url IS 'Canonical URL of the page.';
COMMENT ON COLUMN v_failing_pages.attempts IS 'Runs in which the page failed.';
COMMENT ON COLUMN v_failing_pages.first_failed IS 'First failure (UTC).';
COMMENT ON COLUMN v_failing_pages.last_failed IS 'Latest failure (UTC).';
COMMENT ON COLUMN v_failing_pages.last_reason IS 'Reason code of the latest failure, see page_errors.reason.';
COMMENT ON COLUMN v_failing_pages.last_detail IS 'Detail of the latest failure.';
COMMENT ON COLUMN v_failing_pages.permanent IS 'TRUE when a failure will not change on a later visit: the URL is not requested again.';
COMMENT ON COLUMN v_failing_pages.retry_after IS 'First day a crawl requests the page again (NULL when permanent).';
