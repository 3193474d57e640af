-- Reliability: articles the extractors could not process (quarantine), and killed crawl runs.

CREATE TABLE quarantine (
    article_id        BIGINT PRIMARY KEY,
    stage             VARCHAR NOT NULL,
    error             VARCHAR NOT NULL,
    extractor_version VARCHAR NOT NULL,
    first_failed_at   TIMESTAMP NOT NULL,
    last_failed_at    TIMESTAMP NOT NULL,
    attempts          INTEGER NOT NULL
);
COMMENT ON TABLE quarantine IS 'Articles whose processing failed (an exception, a panic of the NLP models, a worker process that died): the run went on without them. An article is retried once the extractor version changes; its row goes when it is extracted.';
COMMENT ON COLUMN quarantine.article_id IS 'See articles.article_id.';
COMMENT ON COLUMN quarantine.stage IS 'Where it failed: text (preparing title and body), nlp (segmentation and tagging), an extractor component (e.g. congdoan_awards), rows (turning the analysis into table rows), store (writing the rows) or worker (the worker process died).';
COMMENT ON COLUMN quarantine.error IS 'The error, one line: exception type and message, or how the worker process ended.';
COMMENT ON COLUMN quarantine.extractor_version IS 'Extractor version of the last failure; the article is not tried again while it is current.';
COMMENT ON COLUMN quarantine.first_failed_at IS 'When it first failed (UTC).';
COMMENT ON COLUMN quarantine.last_failed_at IS 'When it last failed (UTC).';
COMMENT ON COLUMN quarantine.attempts IS 'How many times it failed, over all extractor versions.';

COMMENT ON COLUMN crawl_runs.status IS 'ok, failed (at least one site failed), running, or killed (the process died; closed by the next crawl, which counted the articles it had stored).';
COMMENT ON COLUMN crawl_runs.finished_at IS 'End time (UTC); for a killed run, when the next crawl found it dead.';

COMMENT ON TABLE page_errors IS 'Pages that could not be stored, with a clear reason (http_error, timeout, bad_charset, truncated, empty_body, too_large, binary, listing_page, ...); also pages stored after their charset was repaired (reason charset_repaired, e.g. declared windows-1252 but written in cp1258).';
