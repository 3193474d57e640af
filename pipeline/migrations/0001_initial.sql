-- The first schema: sources, articles, extractions, sentences and crawl bookkeeping.

CREATE TABLE sources (
    source   VARCHAR PRIMARY KEY,
    name     VARCHAR NOT NULL,
    base_url VARCHAR,
    province VARCHAR,
    kind     VARCHAR NOT NULL,
    verified BOOLEAN NOT NULL DEFAULT FALSE
);
COMMENT ON TABLE sources IS 'One row per news source: a site of the registry (data/sites) or a source named at import.';
COMMENT ON COLUMN sources.source IS 'Short identifier of the source, e.g. laodong or sample-thanhhoa.';
COMMENT ON COLUMN sources.name IS 'Human-readable name of the publisher or section.';
COMMENT ON COLUMN sources.base_url IS 'Canonical origin of the site; article URLs are stored under it whatever server was crawled.';
COMMENT ON COLUMN sources.province IS 'Province of a provincial union site or paper (pre-2025 name), NULL for national sources.';
COMMENT ON COLUMN sources.kind IS 'national_union, provincial_union, newspaper, sample (bundled demo site) or import.';
COMMENT ON COLUMN sources.verified IS 'TRUE when a stored page of this site is in the tests; FALSE when its registry entry is assumed.';

CREATE TABLE articles (
    article_id     BIGINT PRIMARY KEY,
    url            VARCHAR NOT NULL UNIQUE,
    source         VARCHAR NOT NULL,
    title          VARCHAR,
    published_at   TIMESTAMP,
    byline         VARCHAR,
    body           VARCHAR NOT NULL,
    content_hash   VARCHAR NOT NULL,
    fetched_at     TIMESTAMP NOT NULL,
    raw_path       VARCHAR,
    extracted_with VARCHAR
);
CREATE INDEX articles_content_hash ON articles (content_hash);
COMMENT ON TABLE articles IS 'One row per canonical article URL: the cleaned article (title, lead, body, captions) without page boilerplate.';
COMMENT ON COLUMN articles.article_id IS 'Stable identifier derived from the canonical URL (first 60 bits of its SHA-1).';
COMMENT ON COLUMN articles.url IS 'Canonical URL (https origin of the source, or file:// URI of an imported file).';
COMMENT ON COLUMN articles.source IS 'Source identifier, see sources.source.';
COMMENT ON COLUMN articles.title IS 'Article headline, Unicode NFC.';
COMMENT ON COLUMN articles.published_at IS 'Publication time as printed by the site (Vietnam local time), NULL when none was found.';
COMMENT ON COLUMN articles.byline IS 'Author or credit line as printed (e.g. "Tin, ảnh: HẢI THUẬN" gives HẢI THUẬN), NULL when none.';
COMMENT ON COLUMN articles.body IS 'Cleaned article text, paragraphs separated by newlines; every character offset in the extraction tables indexes this text.';
COMMENT ON COLUMN articles.content_hash IS 'SHA-1 of the whitespace-normalised body: the same text under two URLs is stored once.';
COMMENT ON COLUMN articles.fetched_at IS 'When the page was fetched or imported (UTC).';
COMMENT ON COLUMN articles.raw_path IS 'Path of the unmodified fetched page, relative to the raw/ folder beside the database.';
COMMENT ON COLUMN articles.extracted_with IS 'Extractor version that produced this article''s extraction rows; NULL while not yet extracted.';

CREATE TABLE units (
    article_id   BIGINT NOT NULL,
    name         VARCHAR NOT NULL,
    level        VARCHAR,
    province     VARCHAR,
    province_now VARCHAR,
    mentions     VARCHAR[],
    start_char   INTEGER,
    end_char     INTEGER
);
COMMENT ON TABLE units IS 'Named trade-union organisations found in an article, one row per distinct unit per article (annotation guide, Units).';
COMMENT ON COLUMN units.article_id IS 'Article the unit was found in, see articles.article_id.';
COMMENT ON COLUMN units.name IS 'Canonical name: abbreviations expanded, bodies (Ban Chấp hành, Đoàn Chủ tịch) folded into their organisation.';
COMMENT ON COLUMN units.level IS 'national, national_industry, province, province_industry, district or grassroots.';
COMMENT ON COLUMN units.province IS 'Province the text places the unit in, named as it was when the article was published.';
COMMENT ON COLUMN units.province_now IS 'Province that holds the area today, after the 1 July 2025 merger (34 provinces).';
COMMENT ON COLUMN units.mentions IS 'Every surface form of the unit in the article.';
COMMENT ON COLUMN units.start_char IS 'Start offset of the first mention in articles.body.';
COMMENT ON COLUMN units.end_char IS 'End offset (exclusive) of the first mention in articles.body.';

CREATE TABLE amounts (
    article_id BIGINT NOT NULL,
    text       VARCHAR NOT NULL,
    kind       VARCHAR NOT NULL,
    value      DOUBLE,
    value_max  DOUBLE,
    currency   VARCHAR,
    unit       VARCHAR,
    per        VARCHAR,
    qualifier  VARCHAR,
    start_char INTEGER,
    end_char   INTEGER,
    sentence   VARCHAR
);
COMMENT ON TABLE amounts IS 'Numbers that measure something done, given, reached or counted (annotation guide, Amounts).';
COMMENT ON COLUMN amounts.article_id IS 'Article the amount was found in.';
COMMENT ON COLUMN amounts.text IS 'The amount as written, qualifier and unit included (e.g. "gần 17 tỷ đồng").';
COMMENT ON COLUMN amounts.kind IS 'money, count or percent.';
COMMENT ON COLUMN amounts.value IS 'The number (low end of a range); money in its currency, scale words applied.';
COMMENT ON COLUMN amounts.value_max IS 'High end of a range, NULL for a single value.';
COMMENT ON COLUMN amounts.currency IS 'VND, USD, ... for money; NULL otherwise.';
COMMENT ON COLUMN amounts.unit IS 'Counted noun for counts (e.g. "phần quà"); NULL otherwise.';
COMMENT ON COLUMN amounts.per IS 'Base of a rate, e.g. "người/tháng" in "11,2 triệu đồng/người/tháng".';
COMMENT ON COLUMN amounts.qualifier IS 'exact, approx (gần, khoảng, hàng nghìn...), over (hơn, trên, trở lên) or under (dưới, chưa đến).';
COMMENT ON COLUMN amounts.start_char IS 'Start offset in articles.body.';
COMMENT ON COLUMN amounts.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN amounts.sentence IS 'The sentence that states the amount.';

CREATE TABLE awards (
    article_id      BIGINT NOT NULL,
    text            VARCHAR NOT NULL,
    form            VARCHAR NOT NULL,
    awarder         VARCHAR,
    recipients      VARCHAR[],
    recipient_count INTEGER,
    recipient_kind  VARCHAR,
    occasion        VARCHAR,
    start_char      INTEGER,
    end_char        INTEGER
);
COMMENT ON TABLE awards IS 'Acts of honouring: a form given by an awarder to recipients (annotation guide, Awards).';
COMMENT ON COLUMN awards.article_id IS 'Article the award was found in.';
COMMENT ON COLUMN awards.text IS 'The sentence or clause that states the award.';
COMMENT ON COLUMN awards.form IS 'Canonical award form, e.g. Bằng khen, Cờ thi đua, Huân chương Lao động hạng Ba, khen thưởng.';
COMMENT ON COLUMN awards.awarder IS 'Who grants it (canonical unit or office), NULL when the text does not say.';
COMMENT ON COLUMN awards.recipients IS 'Named recipients (units or people), canonical.';
COMMENT ON COLUMN awards.recipient_count IS 'How many were honoured, where the text says.';
COMMENT ON COLUMN awards.recipient_kind IS 'collective, individual or both.';
COMMENT ON COLUMN awards.occasion IS 'Occasion or reason, a short phrase, NULL when none.';
COMMENT ON COLUMN awards.start_char IS 'Start offset of awards.text in articles.body.';
COMMENT ON COLUMN awards.end_char IS 'End offset (exclusive) of awards.text in articles.body.';

CREATE TABLE movements (
    article_id BIGINT NOT NULL,
    name       VARCHAR NOT NULL,
    unit       VARCHAR,
    start_char INTEGER,
    end_char   INTEGER
);
COMMENT ON TABLE movements IS 'Emulation movements and campaigns (phong trào thi đua "...", cuộc vận động "..."); not awards.';
COMMENT ON COLUMN movements.article_id IS 'Article the movement is named in.';
COMMENT ON COLUMN movements.name IS 'Name of the movement, without quotes.';
COMMENT ON COLUMN movements.unit IS 'Canonical name of the unit that launches or runs it, when the sentence names one.';
COMMENT ON COLUMN movements.start_char IS 'Start offset of the mention in articles.body.';
COMMENT ON COLUMN movements.end_char IS 'End offset (exclusive) of the mention in articles.body.';

CREATE TABLE models (
    article_id BIGINT NOT NULL,
    name       VARCHAR NOT NULL,
    unit       VARCHAR,
    start_char INTEGER,
    end_char   INTEGER
);
COMMENT ON TABLE models IS 'Good models and practices (mô hình "...") named in an article; not awards.';
COMMENT ON COLUMN models.article_id IS 'Article the model is named in.';
COMMENT ON COLUMN models.name IS 'Name of the model, without quotes.';
COMMENT ON COLUMN models.unit IS 'Canonical name of the unit that builds or runs it, when the sentence names one.';
COMMENT ON COLUMN models.start_char IS 'Start offset of the mention in articles.body.';
COMMENT ON COLUMN models.end_char IS 'End offset (exclusive) of the mention in articles.body.';

CREATE TABLE sentences (
    article_id BIGINT NOT NULL,
    idx        INTEGER NOT NULL,
    text       VARCHAR NOT NULL,
    words      VARCHAR[],
    pos        VARCHAR[],
    start_char INTEGER,
    end_char   INTEGER
);
COMMENT ON TABLE sentences IS 'Sentences of each article body with underthesea word segmentation and POS tags, for corpus work.';
COMMENT ON COLUMN sentences.article_id IS 'Article the sentence belongs to.';
COMMENT ON COLUMN sentences.idx IS 'Position of the sentence in the body, from 0.';
COMMENT ON COLUMN sentences.text IS 'The sentence text.';
COMMENT ON COLUMN sentences.words IS 'Words as segmented by underthesea (syllables of a word joined by spaces).';
COMMENT ON COLUMN sentences.pos IS 'VLSP POS tag of each word (N, Np, V, A, M, E, CH, ...).';
COMMENT ON COLUMN sentences.start_char IS 'Start offset of the sentence in articles.body.';
COMMENT ON COLUMN sentences.end_char IS 'End offset (exclusive) of the sentence in articles.body.';

CREATE TABLE crawl_runs (
    run_id        VARCHAR PRIMARY KEY,
    command       VARCHAR NOT NULL,
    started_at    TIMESTAMP NOT NULL,
    finished_at   TIMESTAMP,
    status        VARCHAR NOT NULL,
    sites_ok      INTEGER,
    sites_failed  INTEGER,
    pages_fetched INTEGER,
    articles_new  INTEGER
);
COMMENT ON TABLE crawl_runs IS 'One row per crawl (congdoan crawl, run or demo) with its totals; per-site figures are in crawl_site_runs.';
COMMENT ON COLUMN crawl_runs.run_id IS 'Identifier of the run (UTC timestamp plus a random suffix).';
COMMENT ON COLUMN crawl_runs.command IS 'The command that started the run.';
COMMENT ON COLUMN crawl_runs.started_at IS 'Start time (UTC).';
COMMENT ON COLUMN crawl_runs.finished_at IS 'End time (UTC); NULL for a run that was killed.';
COMMENT ON COLUMN crawl_runs.status IS 'ok, failed (at least one site failed) or running.';
COMMENT ON COLUMN crawl_runs.sites_ok IS 'Number of sites crawled without failure.';
COMMENT ON COLUMN crawl_runs.sites_failed IS 'Number of sites recorded as failed.';
COMMENT ON COLUMN crawl_runs.pages_fetched IS 'HTTP responses received, all sites together.';
COMMENT ON COLUMN crawl_runs.articles_new IS 'Articles stored by this run.';

CREATE TABLE crawl_site_runs (
    run_id           VARCHAR NOT NULL,
    source           VARCHAR NOT NULL,
    status           VARCHAR NOT NULL,
    pages_fetched    INTEGER,
    listing_pages    INTEGER,
    article_pages    INTEGER,
    not_modified     INTEGER,
    articles_new     INTEGER,
    failures         INTEGER,
    empty_bodies     INTEGER,
    empty_body_share DOUBLE,
    error            VARCHAR
);
COMMENT ON TABLE crawl_site_runs IS 'Per-site summary of each crawl run.';
COMMENT ON COLUMN crawl_site_runs.run_id IS 'See crawl_runs.run_id.';
COMMENT ON COLUMN crawl_site_runs.source IS 'See sources.source.';
COMMENT ON COLUMN crawl_site_runs.status IS 'ok or failed.';
COMMENT ON COLUMN crawl_site_runs.pages_fetched IS 'HTTP responses received from this site.';
COMMENT ON COLUMN crawl_site_runs.listing_pages IS 'Listing pages, feeds and sitemaps fetched.';
COMMENT ON COLUMN crawl_site_runs.article_pages IS 'Article pages fetched.';
COMMENT ON COLUMN crawl_site_runs.not_modified IS 'Conditional requests answered 304 Not Modified.';
COMMENT ON COLUMN crawl_site_runs.articles_new IS 'Articles stored by this run.';
COMMENT ON COLUMN crawl_site_runs.failures IS 'Requests or pages that failed (errors, bad pages).';
COMMENT ON COLUMN crawl_site_runs.empty_bodies IS 'Article pages that yielded no body.';
COMMENT ON COLUMN crawl_site_runs.empty_body_share IS 'empty_bodies / article_pages: the layout-drift signal.';
COMMENT ON COLUMN crawl_site_runs.error IS 'Why the site failed, NULL when it did not.';

CREATE TABLE page_errors (
    run_id  VARCHAR NOT NULL,
    source  VARCHAR NOT NULL,
    url     VARCHAR NOT NULL,
    reason  VARCHAR NOT NULL,
    detail  VARCHAR,
    occurred_at TIMESTAMP NOT NULL
);
COMMENT ON TABLE page_errors IS 'Pages that could not be stored, with a clear reason (http_error, timeout, bad_charset, truncated, empty_body, too_large, binary, listing_page, ...).';
COMMENT ON COLUMN page_errors.run_id IS 'See crawl_runs.run_id.';
COMMENT ON COLUMN page_errors.source IS 'See sources.source.';
COMMENT ON COLUMN page_errors.url IS 'The URL requested.';
COMMENT ON COLUMN page_errors.reason IS 'Machine-readable reason code.';
COMMENT ON COLUMN page_errors.detail IS 'Human-readable detail.';
COMMENT ON COLUMN page_errors.occurred_at IS 'When it happened (UTC).';

CREATE TABLE http_cache (
    url           VARCHAR PRIMARY KEY,
    etag          VARCHAR,
    last_modified VARCHAR,
    checked_at    TIMESTAMP
);
COMMENT ON TABLE http_cache IS 'Validators of listing pages and feeds, for conditional requests (If-None-Match / If-Modified-Since).';
COMMENT ON COLUMN http_cache.url IS 'Canonical URL of the listing page or feed.';
COMMENT ON COLUMN http_cache.etag IS 'Last ETag header received.';
COMMENT ON COLUMN http_cache.last_modified IS 'Last Last-Modified header received.';
COMMENT ON COLUMN http_cache.checked_at IS 'When the validators were last stored (UTC).';
