-- The staff feed (highlights, v_highlights) and the accent-insensitive word index (search_terms).
-- Both tables are extraction tables: written with the other extraction rows of an article.

CREATE TABLE highlights (
    article_id     BIGINT NOT NULL,
    kind           VARCHAR NOT NULL,
    item           VARCHAR NOT NULL,
    label          VARCHAR,
    value          DOUBLE,
    currency       VARCHAR,
    counted        VARCHAR,
    unit           VARCHAR,
    level          VARCHAR,
    province       VARCHAR,
    province_now   VARCHAR,
    sentence       VARCHAR NOT NULL,
    sentence_start INTEGER NOT NULL,
    item_start     INTEGER NOT NULL,
    item_end       INTEGER NOT NULL
);
COMMENT ON TABLE highlights IS 'What staff report on, one row per award, money or count amount, movement or model, with its sentence and the unit it belongs to.';
COMMENT ON COLUMN highlights.article_id IS 'Article the item was found in, see articles.article_id.';
COMMENT ON COLUMN highlights.kind IS 'award, money, count, movement or model.';
COMMENT ON COLUMN highlights.item IS 'The item as written in the body (the award clause, the amount, the movement or model mention).';
COMMENT ON COLUMN highlights.label IS 'Short canonical label: the award form, the amount as written, or the movement or model name.';
COMMENT ON COLUMN highlights.value IS 'For money and count: the number (low end of a range); NULL otherwise.';
COMMENT ON COLUMN highlights.currency IS 'For money: VND, USD, ...; NULL otherwise.';
COMMENT ON COLUMN highlights.counted IS 'For counts: the counted noun (e.g. "suất quà"); NULL otherwise.';
COMMENT ON COLUMN highlights.unit IS 'Canonical name of the first unit mentioned in the same sentence, else the article''s first unit; NULL when the article names none.';
COMMENT ON COLUMN highlights.level IS 'Level of that unit (see units.level).';
COMMENT ON COLUMN highlights.province IS 'Province of that unit as named when the article was published.';
COMMENT ON COLUMN highlights.province_now IS 'Province of that unit after the 1 July 2025 merger (34 provinces).';
COMMENT ON COLUMN highlights.sentence IS 'The sentence that states the item, as in the body.';
COMMENT ON COLUMN highlights.sentence_start IS 'Start offset of the sentence in articles.body.';
COMMENT ON COLUMN highlights.item_start IS 'Start offset of the item in articles.body.';
COMMENT ON COLUMN highlights.item_end IS 'End offset (exclusive) of the item in articles.body, at most the end of the sentence.';

CREATE TABLE search_terms (
    article_id BIGINT NOT NULL,
    term       VARCHAR NOT NULL,
    title_hits INTEGER NOT NULL,
    body_hits  INTEGER NOT NULL
);
COMMENT ON TABLE search_terms IS 'Accent-insensitive word index: each distinct folded term of an article (lower case, no diacritics, đ as d), whole words from underthesea and their syllables. See pipeline/search.py.';
COMMENT ON COLUMN search_terms.article_id IS 'Article the term occurs in.';
COMMENT ON COLUMN search_terms.term IS 'Folded syllable ("lien") or multi-syllable word ("lien doan").';
COMMENT ON COLUMN search_terms.title_hits IS 'Occurrences in the title.';
COMMENT ON COLUMN search_terms.body_hits IS 'Occurrences in the body.';

CREATE VIEW v_highlights AS
SELECT
    h.article_id,
    h.kind,
    coalesce(a.published_at, a.fetched_at)::DATE AS date,
    a.source,
    coalesce(s.name, a.source) AS source_name,
    h.unit,
    h.level,
    h.province,
    h.province_now,
    h.label,
    h.item,
    h.value,
    h.currency,
    h.counted,
    h.sentence,
    h.item_start - h.sentence_start AS item_start_in_sentence,
    h.item_end - h.sentence_start AS item_end_in_sentence,
    h.item_start,
    h.item_end,
    a.url,
    a.title
FROM highlights h
JOIN articles a USING (article_id)
LEFT JOIN sources s ON s.source = a.source;
COMMENT ON VIEW v_highlights IS 'The staff feed: highlights with their article''s date, source, title and URL; offsets of the item within its sentence.';
COMMENT ON COLUMN v_highlights.article_id IS 'Article the item was found in.';
COMMENT ON COLUMN v_highlights.kind IS 'award, money, count, movement or model.';
COMMENT ON COLUMN v_highlights.date IS 'Publication date of the article, else the day it was fetched.';
COMMENT ON COLUMN v_highlights.source IS 'Source identifier, see sources.source.';
COMMENT ON COLUMN v_highlights.source_name IS 'Human-readable name of the source.';
COMMENT ON COLUMN v_highlights.unit IS 'First unit in the same sentence, else the article''s first unit.';
COMMENT ON COLUMN v_highlights.level IS 'Level of that unit.';
COMMENT ON COLUMN v_highlights.province IS 'Province of that unit, name at publication.';
COMMENT ON COLUMN v_highlights.province_now IS 'Province of that unit today (34 provinces).';
COMMENT ON COLUMN v_highlights.label IS 'Award form, amount as written, or movement or model name.';
COMMENT ON COLUMN v_highlights.item IS 'The item as written in the body.';
COMMENT ON COLUMN v_highlights.value IS 'Number of a money or count amount.';
COMMENT ON COLUMN v_highlights.currency IS 'Currency of a money amount.';
COMMENT ON COLUMN v_highlights.counted IS 'Counted noun of a count.';
COMMENT ON COLUMN v_highlights.sentence IS 'The sentence that states the item.';
COMMENT ON COLUMN v_highlights.item_start_in_sentence IS 'Start offset of the item within the sentence.';
COMMENT ON COLUMN v_highlights.item_end_in_sentence IS 'End offset (exclusive) of the item within the sentence.';
COMMENT ON COLUMN v_highlights.item_start IS 'Start offset of the item in articles.body.';
COMMENT ON COLUMN v_highlights.item_end IS 'End offset (exclusive) of the item in articles.body.';
COMMENT ON COLUMN v_highlights.url IS 'Canonical URL of the article.';
COMMENT ON COLUMN v_highlights.title IS 'Article headline.';
