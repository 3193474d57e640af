-- Views for researchers' common questions, and the record of the current extractor version.

CREATE TABLE meta (
    key   VARCHAR PRIMARY KEY,
    value VARCHAR
);
COMMENT ON TABLE meta IS 'Facts about this database as a whole, e.g. the extractor version its views show (key extractor_version).';
COMMENT ON COLUMN meta.key IS 'Name of the fact.';
COMMENT ON COLUMN meta.value IS 'Its value.';

CREATE VIEW v_current_articles AS
SELECT a.*, coalesce(a.published_at, a.fetched_at)::DATE AS date, s.name AS source_name, s.province AS source_province
FROM articles a
LEFT JOIN sources s USING (source)
WHERE a.extracted_with = (SELECT value FROM meta WHERE key = 'extractor_version');
COMMENT ON VIEW v_current_articles IS 'Articles extracted by the current extractor version (meta.extractor_version); the other v_ views build on it, so results of different versions never mix.';
COMMENT ON COLUMN v_current_articles.article_id IS 'See articles.article_id.';
COMMENT ON COLUMN v_current_articles.url IS 'See articles.url.';
COMMENT ON COLUMN v_current_articles.source IS 'See articles.source.';
COMMENT ON COLUMN v_current_articles.title IS 'See articles.title.';
COMMENT ON COLUMN v_current_articles.published_at IS 'See articles.published_at.';
COMMENT ON COLUMN v_current_articles.byline IS 'See articles.byline.';
COMMENT ON COLUMN v_current_articles.body IS 'See articles.body.';
COMMENT ON COLUMN v_current_articles.content_hash IS 'See articles.content_hash.';
COMMENT ON COLUMN v_current_articles.fetched_at IS 'See articles.fetched_at.';
COMMENT ON COLUMN v_current_articles.raw_path IS 'See articles.raw_path.';
COMMENT ON COLUMN v_current_articles.extracted_with IS 'See articles.extracted_with; equal to meta.extractor_version here.';
COMMENT ON COLUMN v_current_articles.date IS 'Publication date, else the day the article was fetched.';
COMMENT ON COLUMN v_current_articles.source_name IS 'See sources.name.';
COMMENT ON COLUMN v_current_articles.source_province IS 'See sources.province.';

CREATE VIEW v_awards AS
SELECT
    w.article_id,
    a.date,
    a.source,
    w.form,
    w.awarder,
    w.recipients,
    w.recipient_count,
    w.recipient_kind,
    w.occasion,
    coalesce(ru.name, h.unit) AS unit,
    coalesce(ru.level, h.level) AS level,
    coalesce(ru.province, h.province) AS province,
    coalesce(ru.province_now, h.province_now) AS province_now,
    w.text AS sentence,
    w.start_char,
    w.end_char,
    a.title,
    a.url
FROM awards w
JOIN v_current_articles a USING (article_id)
LEFT JOIN highlights h ON h.article_id = w.article_id AND h.kind = 'award' AND h.item_start = w.start_char
LEFT JOIN LATERAL (
    SELECT u.name, u.level, u.province, u.province_now FROM units u
    WHERE u.article_id = w.article_id AND list_contains(w.recipients, u.name)
    ORDER BY u.start_char LIMIT 1
) ru ON TRUE;
COMMENT ON VIEW v_awards IS 'Each award with its article''s date and source and the unit it concerns: the first recipient that is a unit of the article, else the first unit named in the award''s sentence, else the article''s first unit.';
COMMENT ON COLUMN v_awards.article_id IS 'Article stating the award.';
COMMENT ON COLUMN v_awards.date IS 'Publication date, else the day the article was fetched.';
COMMENT ON COLUMN v_awards.source IS 'Source identifier.';
COMMENT ON COLUMN v_awards.form IS 'See awards.form.';
COMMENT ON COLUMN v_awards.awarder IS 'See awards.awarder.';
COMMENT ON COLUMN v_awards.recipients IS 'See awards.recipients.';
COMMENT ON COLUMN v_awards.recipient_count IS 'See awards.recipient_count.';
COMMENT ON COLUMN v_awards.recipient_kind IS 'See awards.recipient_kind.';
COMMENT ON COLUMN v_awards.occasion IS 'See awards.occasion.';
COMMENT ON COLUMN v_awards.unit IS 'Canonical name of the unit the award concerns (see the view comment).';
COMMENT ON COLUMN v_awards.level IS 'Level of that unit.';
COMMENT ON COLUMN v_awards.province IS 'Province of that unit as named when the article was published.';
COMMENT ON COLUMN v_awards.province_now IS 'Province of that unit today (34 provinces since 1 July 2025).';
COMMENT ON COLUMN v_awards.sentence IS 'The clause or sentence stating the award (awards.text).';
COMMENT ON COLUMN v_awards.start_char IS 'Start offset of the sentence in articles.body.';
COMMENT ON COLUMN v_awards.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN v_awards.title IS 'Article title.';
COMMENT ON COLUMN v_awards.url IS 'Article URL.';

CREATE VIEW v_money AS
SELECT
    m.article_id,
    a.date,
    a.source,
    m.text,
    m.value AS value_vnd,
    m.value_max AS value_max_vnd,
    m.qualifier,
    m.per,
    h.unit,
    h.level,
    h.province,
    h.province_now,
    m.sentence,
    m.start_char,
    m.end_char,
    a.title,
    a.url
FROM amounts m
JOIN v_current_articles a USING (article_id)
LEFT JOIN highlights h ON h.article_id = m.article_id AND h.kind = 'money' AND h.item_start = m.start_char
WHERE m.kind = 'money' AND coalesce(m.currency, 'VND') = 'VND';
COMMENT ON VIEW v_money IS 'Money amounts in VND (other currencies are left out, not converted), with their sentence and the unit named in that sentence, else the article''s first unit.';
COMMENT ON COLUMN v_money.article_id IS 'Article stating the amount.';
COMMENT ON COLUMN v_money.date IS 'Publication date, else the day the article was fetched.';
COMMENT ON COLUMN v_money.source IS 'Source identifier.';
COMMENT ON COLUMN v_money.text IS 'The amount as written.';
COMMENT ON COLUMN v_money.value_vnd IS 'Sum in đồng (low end of a range).';
COMMENT ON COLUMN v_money.value_max_vnd IS 'High end of a range in đồng, NULL for a single value.';
COMMENT ON COLUMN v_money.qualifier IS 'exact, approx, over or under.';
COMMENT ON COLUMN v_money.per IS 'Base of a rate (e.g. người/tháng); NULL for a lump sum. Do not add rates to lump sums.';
COMMENT ON COLUMN v_money.unit IS 'Canonical name of the unit named in the same sentence, else the article''s first unit.';
COMMENT ON COLUMN v_money.level IS 'Level of that unit.';
COMMENT ON COLUMN v_money.province IS 'Province of that unit as named when the article was published.';
COMMENT ON COLUMN v_money.province_now IS 'Province of that unit today.';
COMMENT ON COLUMN v_money.sentence IS 'The sentence stating the amount.';
COMMENT ON COLUMN v_money.start_char IS 'Start offset of the amount in articles.body.';
COMMENT ON COLUMN v_money.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN v_money.title IS 'Article title.';
COMMENT ON COLUMN v_money.url IS 'Article URL.';

CREATE VIEW v_unit_activity AS
WITH attributed AS (
    SELECT h.article_id, h.unit, count(*) FILTER (WHERE h.kind = 'award') AS awards,
           count(*) FILTER (WHERE h.kind IN ('money', 'count')) AS amounts
    FROM highlights h GROUP BY ALL
)
SELECT
    u.name AS unit,
    u.level,
    u.province,
    u.province_now,
    date_trunc('month', a.date)::DATE AS month,
    count(DISTINCT u.article_id) AS articles,
    coalesce(sum(t.awards), 0)::BIGINT AS awards,
    coalesce(sum(t.amounts), 0)::BIGINT AS amounts
FROM units u
JOIN v_current_articles a USING (article_id)
LEFT JOIN attributed t ON t.article_id = u.article_id AND t.unit = u.name
GROUP BY ALL;
COMMENT ON VIEW v_unit_activity IS 'Per unit and month: articles naming the unit, and the awards and money or count amounts attributed to it (the unit named in their sentence, else the article''s first unit).';
COMMENT ON COLUMN v_unit_activity.unit IS 'Canonical unit name.';
COMMENT ON COLUMN v_unit_activity.level IS 'Unit level.';
COMMENT ON COLUMN v_unit_activity.province IS 'Province as named when the articles were published.';
COMMENT ON COLUMN v_unit_activity.province_now IS 'Province today.';
COMMENT ON COLUMN v_unit_activity.month IS 'First day of the month.';
COMMENT ON COLUMN v_unit_activity.articles IS 'Articles naming the unit that month.';
COMMENT ON COLUMN v_unit_activity.awards IS 'Awards attributed to the unit that month.';
COMMENT ON COLUMN v_unit_activity.amounts IS 'Money and count amounts attributed to the unit that month.';
