-- Awards as staff read them: one row per recipient (award_recipients), award forms in families,
-- the awarder's unit and level; dates that tell the truth (NULL for an undated article, never
-- its fetch time) in the views staff and researchers read.

ALTER TABLE awards ADD COLUMN idx INTEGER;
ALTER TABLE awards ADD COLUMN form_family VARCHAR;
ALTER TABLE awards ADD COLUMN awarder_unit VARCHAR;
ALTER TABLE awards ADD COLUMN awarder_level VARCHAR;
COMMENT ON COLUMN awards.idx IS 'Position of the award among the article''s awards, from 0; award_recipients.award_idx refers to it.';
COMMENT ON COLUMN awards.form_family IS 'Family of the form: Huân chương, Huy chương, Cờ thi đua, Bằng khen, Giấy khen, Kỷ niệm chương, danh hiệu thi đua, or khác (other, e.g. a generic khen thưởng); see data/lexicon/award_families.toml.';
COMMENT ON COLUMN awards.awarder_unit IS 'Canonical name of the article''s union unit the awarder names (the Tổng Liên đoàn for "Ban Chấp hành Tổng Liên đoàn ..."), NULL when the awarder is no union unit.';
COMMENT ON COLUMN awards.awarder_level IS 'Level of the awarder: a unit level (see units.level), state for the Chủ tịch nước, Thủ tướng Chính phủ, Chính phủ or Quốc hội, NULL when unknown.';

CREATE TABLE award_recipients (
    article_id     BIGINT NOT NULL,
    award_idx      INTEGER NOT NULL,
    recipient_idx  INTEGER NOT NULL,
    recipient      VARCHAR NOT NULL,
    recipient_type VARCHAR NOT NULL,
    count          INTEGER,
    level          VARCHAR,
    province       VARCHAR,
    province_now   VARCHAR,
    province_basis VARCHAR
);
COMMENT ON TABLE award_recipients IS 'One row per recipient of an award: a named unit or organisation, a named person, or the group of those counted but not named ("58 tập thể"). See extract/award_recipients.py.';
COMMENT ON COLUMN award_recipients.article_id IS 'Article stating the award, see articles.article_id.';
COMMENT ON COLUMN award_recipients.award_idx IS 'The award: awards.idx of the same article.';
COMMENT ON COLUMN award_recipients.recipient_idx IS 'Position of the recipient within the award, from 0 (named recipients first, the group last).';
COMMENT ON COLUMN award_recipients.recipient IS 'Canonical unit or organisation name, the person''s name, or the group as counted ("56 tập thể khác"; without a number when the text gives none).';
COMMENT ON COLUMN award_recipients.recipient_type IS 'unit (a union unit or another organisation), person, or group.';
COMMENT ON COLUMN award_recipients.count IS 'How many this row stands for: 1 for a named unit or person; for a group the award''s count less its named recipients, NULL when the text gives no number. The counts of an award''s rows add up to awards.recipient_count when that exceeds the names.';
COMMENT ON COLUMN award_recipients.level IS 'Level of a unit recipient (see units.level); NULL for organisations that are no union unit, people and groups.';
COMMENT ON COLUMN award_recipients.province IS 'Province of the recipient as named when the article was published (see province_basis).';
COMMENT ON COLUMN award_recipients.province_now IS 'Province holding that area today (34 provinces since 1 July 2025).';
COMMENT ON COLUMN award_recipients.province_basis IS 'Where the province comes from: recipient (the unit''s own), awarder (the local unit that gave the award), source (the publishing site''s province); NULL when the province is unknown or the recipient is national.';

CREATE OR REPLACE VIEW v_current_articles AS
SELECT a.*, a.published_at::DATE AS date, s.name AS source_name, s.province AS source_province
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
COMMENT ON COLUMN v_current_articles.fetched_at IS 'See articles.fetched_at; never a stand-in for the publication date.';
COMMENT ON COLUMN v_current_articles.raw_path IS 'See articles.raw_path.';
COMMENT ON COLUMN v_current_articles.extracted_with IS 'See articles.extracted_with; equal to meta.extractor_version here.';
COMMENT ON COLUMN v_current_articles.date IS 'Publication date; NULL when the article carries none (never the fetch date).';
COMMENT ON COLUMN v_current_articles.source_name IS 'See sources.name.';
COMMENT ON COLUMN v_current_articles.source_province IS 'See sources.province.';

COMMENT ON COLUMN highlights.unit IS 'Canonical name of the unit the item is filed under: for an award its first unit recipient (see award_recipients); otherwise the first unit mentioned in the same sentence, else the article''s first unit. NULL when there is none (an award whose recipients are unknown is never filed under its awarder).';
COMMENT ON COLUMN highlights.province IS 'Province of that unit as named when the article was published; for an award, of its first placed recipient.';
COMMENT ON COLUMN highlights.province_now IS 'Province of that unit today (34 provinces since 1 July 2025).';

CREATE OR REPLACE VIEW v_highlights AS
SELECT
    h.article_id,
    h.kind,
    a.published_at::DATE AS date,
    a.fetched_at,
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
    a.title,
    h.sentence_start
FROM highlights h
JOIN articles a USING (article_id)
LEFT JOIN sources s ON s.source = a.source;
COMMENT ON VIEW v_highlights IS 'The staff feed: highlights with their article''s date, source, title and URL; offsets of the item within its sentence. The highlights of one sentence (article_id, sentence_start) make one card.';
COMMENT ON COLUMN v_highlights.article_id IS 'Article the item was found in.';
COMMENT ON COLUMN v_highlights.kind IS 'award, money, count, movement or model.';
COMMENT ON COLUMN v_highlights.date IS 'Publication date of the article; NULL when it has none (never the fetch date).';
COMMENT ON COLUMN v_highlights.fetched_at IS 'When the article was fetched or imported (UTC); not a publication date.';
COMMENT ON COLUMN v_highlights.source IS 'Source identifier, see sources.source.';
COMMENT ON COLUMN v_highlights.source_name IS 'Human-readable name of the source.';
COMMENT ON COLUMN v_highlights.unit IS 'Unit the item is filed under (see highlights.unit).';
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
COMMENT ON COLUMN v_highlights.sentence_start IS 'Start offset of the sentence in articles.body; with article_id it names the card.';

CREATE OR REPLACE VIEW v_award_recipients AS
SELECT
    r.article_id,
    r.award_idx,
    r.recipient_idx,
    a.date,
    a.fetched_at,
    a.source,
    a.source_name,
    w.form,
    w.form_family,
    w.awarder,
    w.awarder_unit,
    w.awarder_level,
    r.recipient,
    r.recipient_type,
    r.count,
    r.level,
    r.province,
    r.province_now,
    r.province_basis,
    w.recipient_count,
    w.occasion,
    w.text AS sentence,
    w.start_char,
    w.end_char,
    a.title,
    a.url
FROM award_recipients r
JOIN awards w ON w.article_id = r.article_id AND w.idx = r.award_idx
JOIN v_current_articles a ON a.article_id = r.article_id;
COMMENT ON VIEW v_award_recipients IS 'Who received what: one row per recipient of an award (award_recipients) with the award, its awarder and the article''s date and source. Count honoured people and units with count, not rows.';
COMMENT ON COLUMN v_award_recipients.article_id IS 'Article stating the award.';
COMMENT ON COLUMN v_award_recipients.award_idx IS 'See awards.idx.';
COMMENT ON COLUMN v_award_recipients.recipient_idx IS 'See award_recipients.recipient_idx.';
COMMENT ON COLUMN v_award_recipients.date IS 'Publication date; NULL when the article has none.';
COMMENT ON COLUMN v_award_recipients.fetched_at IS 'When the article was fetched (UTC); not a publication date.';
COMMENT ON COLUMN v_award_recipients.source IS 'Source identifier.';
COMMENT ON COLUMN v_award_recipients.source_name IS 'Human-readable name of the source.';
COMMENT ON COLUMN v_award_recipients.form IS 'See awards.form (the exact form).';
COMMENT ON COLUMN v_award_recipients.form_family IS 'See awards.form_family.';
COMMENT ON COLUMN v_award_recipients.awarder IS 'See awards.awarder.';
COMMENT ON COLUMN v_award_recipients.awarder_unit IS 'See awards.awarder_unit.';
COMMENT ON COLUMN v_award_recipients.awarder_level IS 'See awards.awarder_level.';
COMMENT ON COLUMN v_award_recipients.recipient IS 'See award_recipients.recipient.';
COMMENT ON COLUMN v_award_recipients.recipient_type IS 'unit, person or group.';
COMMENT ON COLUMN v_award_recipients.count IS 'See award_recipients.count.';
COMMENT ON COLUMN v_award_recipients.level IS 'Level of a unit recipient.';
COMMENT ON COLUMN v_award_recipients.province IS 'See award_recipients.province.';
COMMENT ON COLUMN v_award_recipients.province_now IS 'See award_recipients.province_now.';
COMMENT ON COLUMN v_award_recipients.province_basis IS 'See award_recipients.province_basis.';
COMMENT ON COLUMN v_award_recipients.recipient_count IS 'How many the award honoured in all, where the text says (awards.recipient_count).';
COMMENT ON COLUMN v_award_recipients.occasion IS 'See awards.occasion.';
COMMENT ON COLUMN v_award_recipients.sentence IS 'The clause or sentence stating the award (awards.text).';
COMMENT ON COLUMN v_award_recipients.start_char IS 'Start offset of the sentence in articles.body.';
COMMENT ON COLUMN v_award_recipients.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN v_award_recipients.title IS 'Article title.';
COMMENT ON COLUMN v_award_recipients.url IS 'Article URL.';

CREATE OR REPLACE VIEW v_awards AS
SELECT
    w.article_id,
    w.idx,
    a.date,
    a.fetched_at,
    a.source,
    w.form,
    w.form_family,
    w.awarder,
    w.awarder_unit,
    w.awarder_level,
    w.recipients,
    w.recipient_count,
    w.recipient_kind,
    w.occasion,
    f.unit,
    f.level,
    f.province,
    f.province_now,
    w.text AS sentence,
    w.start_char,
    w.end_char,
    a.title,
    a.url
FROM awards w
JOIN v_current_articles a USING (article_id)
LEFT JOIN LATERAL (
    SELECT CASE WHEN r.recipient_type = 'unit' THEN r.recipient END AS unit, r.level, r.province, r.province_now
    FROM award_recipients r
    WHERE r.article_id = w.article_id AND r.award_idx = w.idx AND (r.recipient_type = 'unit' OR r.province IS NOT NULL)
    ORDER BY r.recipient_type <> 'unit', r.recipient_idx LIMIT 1
) f ON TRUE;
COMMENT ON VIEW v_awards IS 'Each award with its article''s date and source and where it is filed: its first unit recipient, else its first recipient placed in a province (see award_recipients); never its awarder. One row per recipient: v_award_recipients.';
COMMENT ON COLUMN v_awards.article_id IS 'Article stating the award.';
COMMENT ON COLUMN v_awards.idx IS 'See awards.idx.';
COMMENT ON COLUMN v_awards.date IS 'Publication date; NULL when the article has none (never the fetch date).';
COMMENT ON COLUMN v_awards.fetched_at IS 'When the article was fetched (UTC); not a publication date.';
COMMENT ON COLUMN v_awards.source IS 'Source identifier.';
COMMENT ON COLUMN v_awards.form IS 'See awards.form.';
COMMENT ON COLUMN v_awards.form_family IS 'See awards.form_family.';
COMMENT ON COLUMN v_awards.awarder IS 'See awards.awarder.';
COMMENT ON COLUMN v_awards.awarder_unit IS 'See awards.awarder_unit.';
COMMENT ON COLUMN v_awards.awarder_level IS 'See awards.awarder_level.';
COMMENT ON COLUMN v_awards.recipients IS 'See awards.recipients.';
COMMENT ON COLUMN v_awards.recipient_count IS 'See awards.recipient_count.';
COMMENT ON COLUMN v_awards.recipient_kind IS 'See awards.recipient_kind.';
COMMENT ON COLUMN v_awards.occasion IS 'See awards.occasion.';
COMMENT ON COLUMN v_awards.unit IS 'Canonical name of the first unit recipient, NULL when no recipient is a unit.';
COMMENT ON COLUMN v_awards.level IS 'Level of that unit.';
COMMENT ON COLUMN v_awards.province IS 'Province of the first placed recipient as named when the article was published.';
COMMENT ON COLUMN v_awards.province_now IS 'Province of that recipient today (34 provinces since 1 July 2025).';
COMMENT ON COLUMN v_awards.sentence IS 'The clause or sentence stating the award (awards.text).';
COMMENT ON COLUMN v_awards.start_char IS 'Start offset of the sentence in articles.body.';
COMMENT ON COLUMN v_awards.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN v_awards.title IS 'Article title.';
COMMENT ON COLUMN v_awards.url IS 'Article URL.';
