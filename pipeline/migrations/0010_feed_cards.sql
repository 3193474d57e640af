-- Issue 15: the staff feed at a million articles. One row per card (the highlights of one sentence),
-- with what the web page filters on, so that pages, counts, charts and digests read this narrow table
-- (date-ordered as the writer appends it) instead of grouping `highlights` joined to `articles`.
-- A derived table: pipeline/feed.py keeps it equal to its query over highlights, articles, awards and
-- award_recipients, batch by batch (pipeline/derived.py).

CREATE TABLE feed_cards (
    article_id     BIGINT NOT NULL,
    sentence_start INTEGER NOT NULL,
    date           DATE,
    source         VARCHAR NOT NULL,
    first_kind     VARCHAR,
    kinds          VARCHAR NOT NULL,
    provinces      VARCHAR NOT NULL,
    levels         VARCHAR NOT NULL,
    units          VARCHAR NOT NULL,
    families       VARCHAR NOT NULL,
    items          STRUCT(kind VARCHAR, provinces VARCHAR[], levels VARCHAR[], units VARCHAR[], families VARCHAR[])[] NOT NULL
);
COMMENT ON TABLE feed_cards IS 'Derived: one row per card of the staff feed (the highlights of one sentence) with the values its filters test. Kept by pipeline/feed.py with each extraction batch.';
COMMENT ON COLUMN feed_cards.article_id IS 'Article of the sentence, see articles.article_id.';
COMMENT ON COLUMN feed_cards.sentence_start IS 'Start offset of the sentence in articles.body (highlights.sentence_start).';
COMMENT ON COLUMN feed_cards.date IS 'Publication date of the article; NULL when undated (such cards are listed apart).';
COMMENT ON COLUMN feed_cards.source IS 'Source of the article, see sources.source.';
COMMENT ON COLUMN feed_cards.first_kind IS 'The card''s first kind in the order award, money, count, movement, model (what the monthly chart counts it under).';
COMMENT ON COLUMN feed_cards.kinds IS 'Kinds of the card''s highlights, as one text: |award|money| (a filter tests contains(kinds, ''|award|''), much faster than a list).';
COMMENT ON COLUMN feed_cards.provinces IS 'Every province of its highlights (as published and today) and of their award recipients, as one text: |Nghệ An|Thanh Hóa| (a | in a name is stored as ¦).';
COMMENT ON COLUMN feed_cards.levels IS 'Every level of its highlights'' units and of their award recipients, as one text: |grassroots|province|.';
COMMENT ON COLUMN feed_cards.units IS 'Every unit of its highlights, their award recipients and awarders, as one text: |name|name|.';
COMMENT ON COLUMN feed_cards.families IS 'Award form families of its award highlights, as one text: |Bằng khen|Giấy khen|.';
COMMENT ON COLUMN feed_cards.items IS 'The same per highlight (lists), to test several filters on one highlight.';

