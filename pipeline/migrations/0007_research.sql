-- Research-grade data: units with identities (unit_registry, unit_aliases, unit_id columns), the
-- purpose of money amounts, events across articles and sources (events, event_mentions), and the
-- views researchers count with (v_money, v_money_events, v_unit_activity, v_unit_series, v_units,
-- v_events, v_coverage). See pipeline/units_registry.py and pipeline/events.py.

ALTER TABLE units ADD COLUMN unit_id BIGINT;
COMMENT ON COLUMN units.unit_id IS 'Identity of the unit across articles, see unit_registry.unit_id (extract/unit_identity.py).';
ALTER TABLE amounts ADD COLUMN unit_id BIGINT;
COMMENT ON COLUMN amounts.unit_id IS 'Unit the amount is filed under (the first unit named in its sentence, else the article''s first unit), see unit_registry.unit_id; NULL when the article names none.';
ALTER TABLE amounts ADD COLUMN purpose VARCHAR;
COMMENT ON COLUMN amounts.purpose IS 'For money: what the sentence says the sum is: planned (kế hoạch, dự kiến, sẽ), spent (spent or given: đã chi, trao, tặng, hỗ trợ), raised (vận động, quyên góp, thu), other (wages, incomes, prices, allowances, savings); NULL for counts and percentages. See extract/purpose.py.';
ALTER TABLE award_recipients ADD COLUMN unit_id BIGINT;
COMMENT ON COLUMN award_recipients.unit_id IS 'See unit_registry.unit_id. A unit recipient (a union unit or another organisation): its identity. A group ("58 tập thể"): the unit whose members it counts: the local awarder that placed it (province_basis awarder), else the federation of its province, else the national federation. NULL for a person.';

CREATE TABLE unit_registry (
    unit_id      BIGINT PRIMARY KEY,
    key          VARCHAR NOT NULL,
    name         VARCHAR NOT NULL,
    level        VARCHAR NOT NULL,
    province     VARCHAR,
    province_now VARCHAR,
    parent_id    BIGINT,
    successor_id BIGINT,
    first_seen   DATE,
    last_seen    DATE,
    status       VARCHAR NOT NULL,
    ended_on     DATE
);
COMMENT ON TABLE unit_registry IS 'One row per union unit (and per organisation receiving an award) across all articles: its identity, its place in the union system today and how the 2025 restructuring ended it. Holds the national federation and every provincial federation even before an article names them.';
COMMENT ON COLUMN unit_registry.unit_id IS 'Identifier: the first 60 bits of the SHA-1 of key; the same everywhere it is computed.';
COMMENT ON COLUMN unit_registry.key IS 'Identity key, e.g. province:Thanh Hóa, district:Hà Nội:huyện sóc sơn, grassroots:Hồ Chí Minh:công ty tnhh x (extract/unit_identity.py).';
COMMENT ON COLUMN unit_registry.name IS 'Canonical name as the latest article naming it writes it (for a federation no article names yet: its name today, or when it ended).';
COMMENT ON COLUMN unit_registry.level IS 'national, national_industry, province, province_industry, district, commune (commune and ward unions from 1 July 2025), grassroots, or organisation (an award recipient that is no union unit).';
COMMENT ON COLUMN unit_registry.province IS 'Province before the 1 July 2025 merger (canonical old name) for provincial and district units; today''s province for commune, grassroots and organisation units; NULL for national ones.';
COMMENT ON COLUMN unit_registry.province_now IS 'Province holding the unit today (34 provinces since 1 July 2025).';
COMMENT ON COLUMN unit_registry.parent_id IS 'The unit it belongs to in today''s system: the national federation for provincial federations and national sector unions; its province''s federation for provincial sector unions and district federations; today''s province''s federation for grassroots, commune and organisation units.';
COMMENT ON COLUMN unit_registry.successor_id IS 'For an ended or merged unit: the unit that took over its members (the federation of today''s province); NULL for a unit that carries on.';
COMMENT ON COLUMN unit_registry.first_seen IS 'Earliest publication date of an article naming the unit (NULL when none is dated).';
COMMENT ON COLUMN unit_registry.last_seen IS 'Latest publication date of an article naming the unit.';
COMMENT ON COLUMN unit_registry.status IS 'active; ended (district federations, abolished on 30 June 2025: their grassroots unions passed to the provincial federation); merged (units of a province merged into another on 1 July 2025).';
COMMENT ON COLUMN unit_registry.ended_on IS 'Last day of an ended or merged unit (30 June 2025), NULL for an active one.';

CREATE TABLE unit_aliases (
    unit_id BIGINT NOT NULL,
    alias   VARCHAR NOT NULL,
    PRIMARY KEY (unit_id, alias)
);
COMMENT ON TABLE unit_aliases IS 'Every surface form that named a unit in an article (abbreviations, short mentions such as "LĐLĐ tỉnh") and every canonical name it had. A short form may belong to several units: the article decides, as the extractor did.';
COMMENT ON COLUMN unit_aliases.unit_id IS 'See unit_registry.unit_id.';
COMMENT ON COLUMN unit_aliases.alias IS 'The form as written, or a canonical name.';

CREATE TABLE events (
    event_id        BIGINT PRIMARY KEY,
    kind            VARCHAR NOT NULL,
    label           VARCHAR,
    form_family     VARCHAR,
    unit_id         BIGINT,
    awarder         VARCHAR,
    awarder_id      BIGINT,
    province_now    VARCHAR,
    value           DOUBLE,
    value_max       DOUBLE,
    currency        VARCHAR,
    per             VARCHAR,
    purpose         VARCHAR,
    recipient_count INTEGER,
    first_reported  DATE,
    last_reported   DATE,
    n_mentions      INTEGER NOT NULL,
    n_articles      INTEGER NOT NULL,
    n_sources       INTEGER NOT NULL,
    sources         VARCHAR[]
);
COMMENT ON TABLE events IS 'One row per real act: an award or a sum of money, however many articles, sources, leads and captions report it. Grouping rules: docs/extraction.md (Events); mentions: event_mentions.';
COMMENT ON COLUMN events.event_id IS 'Identifier: derived from the first mention that founded the event; kept when later reports join it.';
COMMENT ON COLUMN events.kind IS 'award or money.';
COMMENT ON COLUMN events.label IS 'The award form, or the amount as the earliest report writes it.';
COMMENT ON COLUMN events.form_family IS 'For awards: the family of the form (see awards.form_family).';
COMMENT ON COLUMN events.unit_id IS 'For money: the unit the sum is filed under; for awards: the first unit recipient. See unit_registry.';
COMMENT ON COLUMN events.awarder IS 'For awards: who gave it, as the earliest report names it (awards.awarder).';
COMMENT ON COLUMN events.awarder_id IS 'For awards: the unit_id of the union unit that gave it; for another awarder (Chủ tịch nước, UBND tỉnh) an identity of its folded name, not in unit_registry.';
COMMENT ON COLUMN events.province_now IS 'Province the grouping placed the act in: money, its unit''s today; awards, the first unit recipient''s, else where award_recipients places its groups, else the one province all units of the article are in (see event_mentions.province_now).';
COMMENT ON COLUMN events.value IS 'For money: the sum (low end of a range), in its currency.';
COMMENT ON COLUMN events.value_max IS 'For money: the high end of a range, NULL for a single value.';
COMMENT ON COLUMN events.currency IS 'For money: VND, USD, ...';
COMMENT ON COLUMN events.per IS 'For money: the base of a rate (người/tháng), NULL for a lump sum.';
COMMENT ON COLUMN events.purpose IS 'For money: planned, spent, raised or other (see amounts.purpose).';
COMMENT ON COLUMN events.recipient_count IS 'For awards: how many were honoured, the largest count any report gives.';
COMMENT ON COLUMN events.first_reported IS 'Publication date of the earliest dated report.';
COMMENT ON COLUMN events.last_reported IS 'Publication date of the latest dated report.';
COMMENT ON COLUMN events.n_mentions IS 'Rows (award or amount rows) reporting the event.';
COMMENT ON COLUMN events.n_articles IS 'Articles reporting the event.';
COMMENT ON COLUMN events.n_sources IS 'Sources (sites) reporting the event.';
COMMENT ON COLUMN events.sources IS 'Those sources, sorted.';

CREATE TABLE event_mentions (
    event_id        BIGINT NOT NULL,
    kind            VARCHAR NOT NULL,
    article_id      BIGINT NOT NULL,
    table_name      VARCHAR NOT NULL,
    row_idx         INTEGER NOT NULL,
    start_char      INTEGER,
    end_char        INTEGER,
    source          VARCHAR NOT NULL,
    report_date     DATE,
    blocks          VARCHAR[] NOT NULL,
    label           VARCHAR,
    unit_id         BIGINT,
    province_now    VARCHAR,
    value           DOUBLE,
    value_max       DOUBLE,
    currency        VARCHAR,
    per             VARCHAR,
    purpose         VARCHAR,
    form_family     VARCHAR,
    awarder         VARCHAR,
    awarder_id      BIGINT,
    recipient_ids   BIGINT[],
    recipient_count INTEGER
);
COMMENT ON TABLE event_mentions IS 'Each award or money row of an article, with the event it reports and the features the grouping compared (pipeline/events.py).';
COMMENT ON COLUMN event_mentions.event_id IS 'See events.event_id.';
COMMENT ON COLUMN event_mentions.kind IS 'award or money.';
COMMENT ON COLUMN event_mentions.article_id IS 'Article of the mention.';
COMMENT ON COLUMN event_mentions.table_name IS 'Table holding the mention: awards or amounts.';
COMMENT ON COLUMN event_mentions.row_idx IS 'The row within the article: awards.idx, or the position of the amount among the article''s amounts ordered by start_char, from 0.';
COMMENT ON COLUMN event_mentions.start_char IS 'Start offset of the mention in articles.body.';
COMMENT ON COLUMN event_mentions.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN event_mentions.source IS 'Source of the article.';
COMMENT ON COLUMN event_mentions.report_date IS 'Publication date of the article; NULL when undated (an undated mention is grouped only within its article).';
COMMENT ON COLUMN event_mentions.blocks IS 'Grouping keys: two mentions can report one event only when they share one (see docs/extraction.md, Events).';
COMMENT ON COLUMN event_mentions.label IS 'The award form, or the amount as written.';
COMMENT ON COLUMN event_mentions.unit_id IS 'Money: the unit the amount is filed under; award: the first unit recipient.';
COMMENT ON COLUMN event_mentions.province_now IS 'Province today: money, of its unit; awards, of the first unit recipient, else where award_recipients places its groups, else the one province all units of the article are in. Two awards placed in different provinces are never one event.';
COMMENT ON COLUMN event_mentions.value IS 'Money: the sum (low end).';
COMMENT ON COLUMN event_mentions.value_max IS 'Money: the high end of a range.';
COMMENT ON COLUMN event_mentions.currency IS 'Money: the currency.';
COMMENT ON COLUMN event_mentions.per IS 'Money: the base of a rate.';
COMMENT ON COLUMN event_mentions.purpose IS 'Money: planned, spent, raised or other.';
COMMENT ON COLUMN event_mentions.form_family IS 'Award: the family of the form.';
COMMENT ON COLUMN event_mentions.awarder IS 'Award: who gave it (awards.awarder).';
COMMENT ON COLUMN event_mentions.awarder_id IS 'Award: the unit_id of the union unit that gave it, else an identity of the awarder''s folded name.';
COMMENT ON COLUMN event_mentions.recipient_ids IS 'Award: unit_id of every named recipient (units and organisations; people by the identity of their name).';
COMMENT ON COLUMN event_mentions.recipient_count IS 'Award: how many were honoured, where the text says.';

CREATE OR REPLACE VIEW v_money AS
SELECT
    m.article_id,
    a.date,
    a.source,
    m.text,
    m.value AS value_vnd,
    m.value_max AS value_max_vnd,
    coalesce(m.value_max, m.value) AS value_high_vnd,
    m.qualifier,
    m.per,
    m.purpose,
    m.unit_id,
    r.name AS unit,
    r.level,
    r.province,
    r.province_now,
    em.event_id,
    e.n_articles AS event_articles,
    e.n_sources AS event_sources,
    m.sentence,
    m.start_char,
    m.end_char,
    a.title,
    a.url
FROM amounts m
JOIN v_current_articles a USING (article_id)
LEFT JOIN unit_registry r ON r.unit_id = m.unit_id
LEFT JOIN event_mentions em ON em.article_id = m.article_id AND em.table_name = 'amounts'
     AND em.start_char = m.start_char AND em.end_char = m.end_char
LEFT JOIN events e ON e.event_id = em.event_id
WHERE m.kind = 'money' AND coalesce(m.currency, 'VND') = 'VND';
COMMENT ON VIEW v_money IS 'Money amounts in VND (other currencies are left out, not converted), one row per mention, with their purpose, unit and event. To add money up, sum v_money_events (one row per real sum) with purpose = ''spent'' and per IS NULL: plans, sums raised and other sums are not spending, rates are not lump sums, and a sum reported twice is one event.';
COMMENT ON COLUMN v_money.article_id IS 'Article stating the amount.';
COMMENT ON COLUMN v_money.date IS 'Publication date; NULL when the article has none.';
COMMENT ON COLUMN v_money.source IS 'Source identifier.';
COMMENT ON COLUMN v_money.text IS 'The amount as written.';
COMMENT ON COLUMN v_money.value_vnd IS 'Sum in đồng: the low end of a range, the value of a single amount.';
COMMENT ON COLUMN v_money.value_max_vnd IS 'High end of a range in đồng, NULL for a single value.';
COMMENT ON COLUMN v_money.value_high_vnd IS 'High end of a range, else the value: sum value_vnd and value_high_vnd to bound a total.';
COMMENT ON COLUMN v_money.qualifier IS 'exact, approx, over or under.';
COMMENT ON COLUMN v_money.per IS 'Base of a rate (e.g. người/tháng); NULL for a lump sum. Do not add rates to lump sums.';
COMMENT ON COLUMN v_money.purpose IS 'planned, spent (spent or given), raised or other: see amounts.purpose. Never add plans to spending.';
COMMENT ON COLUMN v_money.unit_id IS 'Unit the amount is filed under (see amounts.unit_id).';
COMMENT ON COLUMN v_money.unit IS 'Its name in the registry (as the latest article writes it).';
COMMENT ON COLUMN v_money.level IS 'Its level (see unit_registry.level).';
COMMENT ON COLUMN v_money.province IS 'Its province before the 2025 merger (see unit_registry.province).';
COMMENT ON COLUMN v_money.province_now IS 'Its province today.';
COMMENT ON COLUMN v_money.event_id IS 'The money event this mention reports (see events).';
COMMENT ON COLUMN v_money.event_articles IS 'Articles reporting that event.';
COMMENT ON COLUMN v_money.event_sources IS 'Sources reporting that event.';
COMMENT ON COLUMN v_money.sentence IS 'The sentence stating the amount.';
COMMENT ON COLUMN v_money.start_char IS 'Start offset of the amount in articles.body.';
COMMENT ON COLUMN v_money.end_char IS 'End offset (exclusive) in articles.body.';
COMMENT ON COLUMN v_money.title IS 'Article title.';
COMMENT ON COLUMN v_money.url IS 'Article URL.';

CREATE VIEW v_events AS
SELECT
    e.event_id,
    e.kind,
    e.first_reported,
    e.last_reported,
    e.label,
    e.form_family,
    e.unit_id,
    r.name AS unit,
    r.level,
    r.province_now,
    e.awarder_id,
    coalesce(g.name, e.awarder) AS awarder,
    g.level AS awarder_level,
    e.value,
    e.value_max,
    e.currency,
    e.per,
    e.purpose,
    e.recipient_count,
    e.n_mentions,
    e.n_articles,
    e.n_sources,
    e.sources
FROM events e
LEFT JOIN unit_registry r ON r.unit_id = e.unit_id
LEFT JOIN unit_registry g ON g.unit_id = e.awarder_id
WHERE e.event_id IN (SELECT em.event_id FROM event_mentions em JOIN v_current_articles c USING (article_id));
COMMENT ON VIEW v_events IS 'Events (one row per real award or sum of money) reported by articles of the current extractor version, with the names of their unit and awarder. Count acts here, not rows of awards or amounts.';
COMMENT ON COLUMN v_events.event_id IS 'See events.event_id; event_mentions lists its reports.';
COMMENT ON COLUMN v_events.kind IS 'award or money.';
COMMENT ON COLUMN v_events.first_reported IS 'Publication date of the earliest dated report.';
COMMENT ON COLUMN v_events.last_reported IS 'Publication date of the latest dated report.';
COMMENT ON COLUMN v_events.label IS 'The award form, or the amount as first written.';
COMMENT ON COLUMN v_events.form_family IS 'Awards: family of the form.';
COMMENT ON COLUMN v_events.unit_id IS 'Money: the unit the sum is filed under; awards: the first unit recipient.';
COMMENT ON COLUMN v_events.unit IS 'That unit''s name in the registry.';
COMMENT ON COLUMN v_events.level IS 'That unit''s level.';
COMMENT ON COLUMN v_events.province_now IS 'That unit''s province today.';
COMMENT ON COLUMN v_events.awarder_id IS 'Awards: who gave it (see events.awarder_id).';
COMMENT ON COLUMN v_events.awarder IS 'Its name in the registry, else the awarder as reported.';
COMMENT ON COLUMN v_events.awarder_level IS 'Its level, NULL for an awarder that is no union unit.';
COMMENT ON COLUMN v_events.value IS 'Money: the sum (low end of a range).';
COMMENT ON COLUMN v_events.value_max IS 'Money: the high end of a range.';
COMMENT ON COLUMN v_events.currency IS 'Money: the currency.';
COMMENT ON COLUMN v_events.per IS 'Money: the base of a rate, NULL for a lump sum.';
COMMENT ON COLUMN v_events.purpose IS 'Money: planned, spent, raised or other.';
COMMENT ON COLUMN v_events.recipient_count IS 'Awards: how many were honoured (the largest count reported).';
COMMENT ON COLUMN v_events.n_mentions IS 'Rows reporting it.';
COMMENT ON COLUMN v_events.n_articles IS 'Articles reporting it.';
COMMENT ON COLUMN v_events.n_sources IS 'Sources reporting it.';
COMMENT ON COLUMN v_events.sources IS 'Those sources.';

CREATE VIEW v_money_events AS
SELECT
    e.event_id,
    e.first_reported,
    e.last_reported,
    e.label AS text,
    e.value AS value_vnd,
    e.value_max AS value_max_vnd,
    coalesce(e.value_max, e.value) AS value_high_vnd,
    e.per,
    e.purpose,
    e.unit_id,
    e.unit,
    e.level,
    e.province_now,
    e.n_mentions,
    e.n_articles,
    e.n_sources,
    e.sources,
    s.sentence
FROM v_events e
LEFT JOIN LATERAL (
    SELECT m.sentence FROM event_mentions em
    JOIN amounts m ON m.article_id = em.article_id AND m.start_char = em.start_char AND m.end_char = em.end_char
    WHERE em.event_id = e.event_id
    ORDER BY em.report_date NULLS LAST, em.article_id, em.row_idx LIMIT 1
) s ON TRUE
WHERE e.kind = 'money' AND e.currency = 'VND';
COMMENT ON VIEW v_money_events IS 'One row per sum of money in VND, however many reports: what to add up. Spending: purpose = ''spent'' AND per IS NULL; plans (purpose = ''planned'') are never spending, and a plan and the spending it announces are two rows.';
COMMENT ON COLUMN v_money_events.event_id IS 'See events.event_id.';
COMMENT ON COLUMN v_money_events.first_reported IS 'Publication date of the earliest dated report.';
COMMENT ON COLUMN v_money_events.last_reported IS 'Publication date of the latest dated report.';
COMMENT ON COLUMN v_money_events.text IS 'The amount as the earliest report writes it.';
COMMENT ON COLUMN v_money_events.value_vnd IS 'Sum in đồng (low end of a range).';
COMMENT ON COLUMN v_money_events.value_max_vnd IS 'High end of a range, NULL for a single value.';
COMMENT ON COLUMN v_money_events.value_high_vnd IS 'High end of a range, else the value.';
COMMENT ON COLUMN v_money_events.per IS 'Base of a rate, NULL for a lump sum.';
COMMENT ON COLUMN v_money_events.purpose IS 'planned, spent, raised or other (see amounts.purpose).';
COMMENT ON COLUMN v_money_events.unit_id IS 'Unit the sum is filed under.';
COMMENT ON COLUMN v_money_events.unit IS 'Its name.';
COMMENT ON COLUMN v_money_events.level IS 'Its level.';
COMMENT ON COLUMN v_money_events.province_now IS 'Its province today.';
COMMENT ON COLUMN v_money_events.n_mentions IS 'Amount rows reporting the sum.';
COMMENT ON COLUMN v_money_events.n_articles IS 'Articles reporting it.';
COMMENT ON COLUMN v_money_events.n_sources IS 'Sources reporting it.';
COMMENT ON COLUMN v_money_events.sources IS 'Those sources.';
COMMENT ON COLUMN v_money_events.sentence IS 'The sentence of the earliest report.';

CREATE VIEW v_unit_facts AS
SELECT u.unit_id, 'named' AS fact, u.article_id, NULL::BIGINT AS event_id, date_trunc('month', a.date)::DATE AS month
FROM units u JOIN v_current_articles a USING (article_id)
WHERE u.unit_id IS NOT NULL
UNION ALL
SELECT x.unit_id, e.kind, NULL, e.event_id, date_trunc('month', e.first_reported)::DATE
FROM (SELECT DISTINCT event_id, unit_id FROM event_mentions WHERE kind = 'money' AND unit_id IS NOT NULL
      UNION
      SELECT DISTINCT event_id, unnest(recipient_ids) FROM event_mentions WHERE kind = 'award') x
JOIN events e USING (event_id)
JOIN unit_registry r ON r.unit_id = x.unit_id;
COMMENT ON VIEW v_unit_facts IS 'What is known of each unit, one row per fact: an article of the current extractor version naming it (fact named, in the article''s month), a money event filed under it (money) or an award event it received (award), in the month the event was first reported.';
COMMENT ON COLUMN v_unit_facts.unit_id IS 'See unit_registry.unit_id.';
COMMENT ON COLUMN v_unit_facts.fact IS 'named, money or award.';
COMMENT ON COLUMN v_unit_facts.article_id IS 'For named: the article.';
COMMENT ON COLUMN v_unit_facts.event_id IS 'For money and award: the event.';
COMMENT ON COLUMN v_unit_facts.month IS 'First day of the month; NULL for an undated article or event.';

CREATE OR REPLACE VIEW v_unit_activity AS
SELECT
    r.unit_id,
    r.name AS unit,
    r.level,
    r.province,
    r.province_now,
    r.status,
    f.month,
    count(DISTINCT f.article_id) AS articles,
    count(DISTINCT f.event_id) FILTER (WHERE f.fact = 'award') AS award_events,
    count(DISTINCT f.event_id) FILTER (WHERE f.fact = 'money') AS money_events
FROM v_unit_facts f
JOIN unit_registry r USING (unit_id)
GROUP BY ALL;
COMMENT ON VIEW v_unit_activity IS 'Per unit (identity, see unit_registry) and month: articles naming it, award events it received and money events filed under it. A unit that ended in 2025 stops here; v_unit_series continues it in its successor.';
COMMENT ON COLUMN v_unit_activity.unit_id IS 'See unit_registry.unit_id.';
COMMENT ON COLUMN v_unit_activity.unit IS 'Name in the registry.';
COMMENT ON COLUMN v_unit_activity.level IS 'Level (see unit_registry.level).';
COMMENT ON COLUMN v_unit_activity.province IS 'Province before the 2025 merger (see unit_registry.province).';
COMMENT ON COLUMN v_unit_activity.province_now IS 'Province today.';
COMMENT ON COLUMN v_unit_activity.status IS 'active, ended or merged.';
COMMENT ON COLUMN v_unit_activity.month IS 'First day of the month; NULL for undated articles.';
COMMENT ON COLUMN v_unit_activity.articles IS 'Articles naming the unit that month.';
COMMENT ON COLUMN v_unit_activity.award_events IS 'Award events it received, by the month first reported.';
COMMENT ON COLUMN v_unit_activity.money_events IS 'Money events filed under it, by the month first reported.';

CREATE VIEW v_unit_series AS
SELECT
    t.unit_id,
    t.name AS unit,
    t.level,
    t.province_now,
    f.month,
    count(DISTINCT f.article_id) AS articles,
    count(DISTINCT f.event_id) FILTER (WHERE f.fact = 'award') AS award_events,
    count(DISTINCT f.event_id) FILTER (WHERE f.fact = 'money') AS money_events,
    count(DISTINCT f.unit_id) AS units
FROM v_unit_facts f
JOIN unit_registry r ON r.unit_id = f.unit_id
JOIN unit_registry t ON t.unit_id = coalesce(r.successor_id, r.unit_id)
GROUP BY ALL;
COMMENT ON VIEW v_unit_series IS 'Series that run across the 2025 restructuring: per unit as it is today and month, the facts of the unit and of the units it took over (district federations ended on 30 June 2025, federations of merged provinces), before and after. For a province''s series use province_now.';
COMMENT ON COLUMN v_unit_series.unit_id IS 'The unit today (unit_registry.successor_id of an ended unit, else the unit).';
COMMENT ON COLUMN v_unit_series.unit IS 'Its name.';
COMMENT ON COLUMN v_unit_series.level IS 'Its level.';
COMMENT ON COLUMN v_unit_series.province_now IS 'Its province today.';
COMMENT ON COLUMN v_unit_series.month IS 'First day of the month; NULL for undated articles.';
COMMENT ON COLUMN v_unit_series.articles IS 'Articles naming the unit or a unit it took over.';
COMMENT ON COLUMN v_unit_series.award_events IS 'Award events they received.';
COMMENT ON COLUMN v_unit_series.money_events IS 'Money events filed under them.';
COMMENT ON COLUMN v_unit_series.units IS 'How many registry units the row folds together.';

CREATE VIEW v_units AS
SELECT
    r.unit_id,
    r.name,
    r.level,
    r.province,
    r.province_now,
    r.status,
    r.ended_on,
    p.name AS parent,
    s.name AS successor,
    r.first_seen,
    r.last_seen,
    coalesce(n.articles, 0) AS articles,
    al.aliases,
    r.key
FROM unit_registry r
LEFT JOIN unit_registry p ON p.unit_id = r.parent_id
LEFT JOIN unit_registry s ON s.unit_id = r.successor_id
LEFT JOIN (SELECT unit_id, count(DISTINCT article_id) AS articles FROM units GROUP BY unit_id) n ON n.unit_id = r.unit_id
LEFT JOIN (SELECT unit_id, list(alias ORDER BY alias) AS aliases FROM unit_aliases GROUP BY unit_id) al
     ON al.unit_id = r.unit_id;
COMMENT ON VIEW v_units IS 'The unit registry with the names of each unit''s parent and successor, the articles naming it and every form it was written in.';
COMMENT ON COLUMN v_units.unit_id IS 'See unit_registry.unit_id.';
COMMENT ON COLUMN v_units.name IS 'See unit_registry.name.';
COMMENT ON COLUMN v_units.level IS 'See unit_registry.level.';
COMMENT ON COLUMN v_units.province IS 'See unit_registry.province.';
COMMENT ON COLUMN v_units.province_now IS 'See unit_registry.province_now.';
COMMENT ON COLUMN v_units.status IS 'See unit_registry.status.';
COMMENT ON COLUMN v_units.ended_on IS 'See unit_registry.ended_on.';
COMMENT ON COLUMN v_units.parent IS 'Name of the parent unit today.';
COMMENT ON COLUMN v_units.successor IS 'Name of the unit that took over an ended or merged one.';
COMMENT ON COLUMN v_units.first_seen IS 'See unit_registry.first_seen.';
COMMENT ON COLUMN v_units.last_seen IS 'See unit_registry.last_seen.';
COMMENT ON COLUMN v_units.articles IS 'Articles (any extractor version) whose units rows name it.';
COMMENT ON COLUMN v_units.aliases IS 'Every form it was written in (unit_aliases).';
COMMENT ON COLUMN v_units.key IS 'Identity key (see unit_registry.key).';

CREATE VIEW v_coverage AS
SELECT
    a.source,
    any_value(a.source_name) AS source_name,
    any_value(s.kind) AS source_kind,
    any_value(a.source_province) AS source_province,
    date_trunc('month', a.date)::DATE AS month,
    count(*) AS articles,
    count(*) FILTER (WHERE a.article_id IN (SELECT article_id FROM units)) AS with_units,
    count(*) FILTER (WHERE a.article_id IN (SELECT article_id FROM amounts WHERE kind = 'money')) AS with_money,
    count(*) FILTER (WHERE a.article_id IN (SELECT article_id FROM awards)) AS with_awards
FROM v_current_articles a
LEFT JOIN sources s USING (source)
GROUP BY a.source, month;
COMMENT ON VIEW v_coverage IS 'Articles per source and month (current extractor version), to normalise counts: divide a province''s events by its sources'' articles (rates per 100 articles), so that a source that publishes more is not read as a province that does more. Undated articles have month NULL.';
COMMENT ON COLUMN v_coverage.source IS 'Source identifier.';
COMMENT ON COLUMN v_coverage.source_name IS 'Human-readable name of the source.';
COMMENT ON COLUMN v_coverage.source_kind IS 'See sources.kind.';
COMMENT ON COLUMN v_coverage.source_province IS 'Province of a provincial source (pre-2025 name), NULL for national ones.';
COMMENT ON COLUMN v_coverage.month IS 'First day of the publication month; NULL for undated articles.';
COMMENT ON COLUMN v_coverage.articles IS 'Articles published that month.';
COMMENT ON COLUMN v_coverage.with_units IS 'Of those, articles naming at least one unit.';
COMMENT ON COLUMN v_coverage.with_money IS 'Articles stating at least one sum of money.';
COMMENT ON COLUMN v_coverage.with_awards IS 'Articles stating at least one award.';

CREATE VIEW v_award_events AS
WITH reps AS (
    SELECT em.event_id, em.article_id, em.row_idx AS award_idx
    FROM event_mentions em
    JOIN v_current_articles c USING (article_id)
    WHERE em.kind = 'award'
    QUALIFY row_number() OVER (PARTITION BY em.event_id ORDER BY len(coalesce(em.recipient_ids, [])) DESC,
                                em.report_date NULLS LAST, em.article_id, em.row_idx) = 1
)
SELECT
    e.event_id,
    e.first_reported,
    e.last_reported,
    w.form,
    e.form_family,
    coalesce(g.name, w.awarder) AS awarder,
    e.awarder_id,
    w.awarder_level,
    f.recipient,
    f.level,
    f.province,
    f.province_now,
    e.recipient_count,
    w.occasion,
    e.n_articles,
    e.n_sources,
    e.sources,
    w.text AS sentence,
    r.article_id,
    r.award_idx
FROM reps r
JOIN events e USING (event_id)
JOIN awards w ON w.article_id = r.article_id AND w.idx = r.award_idx
LEFT JOIN unit_registry g ON g.unit_id = e.awarder_id
LEFT JOIN LATERAL (
    SELECT CASE WHEN x.recipient_type = 'unit' THEN coalesce(u.name, x.recipient) END AS recipient,
           coalesce(u.level, x.level) AS level, x.province, x.province_now
    FROM award_recipients x LEFT JOIN unit_registry u ON u.unit_id = x.unit_id
    WHERE x.article_id = r.article_id AND x.award_idx = r.award_idx AND (x.recipient_type = 'unit' OR x.province IS NOT NULL)
    ORDER BY x.recipient_type <> 'unit', x.recipient_idx LIMIT 1
) f ON TRUE;
COMMENT ON VIEW v_award_events IS 'One row per award event (however many reports), described by its fullest report (the one naming most recipients, else the earliest): count awards here, not in v_awards. Filed under its first unit recipient, else its first recipient placed in a province.';
COMMENT ON COLUMN v_award_events.event_id IS 'See events.event_id.';
COMMENT ON COLUMN v_award_events.first_reported IS 'Publication date of the earliest dated report.';
COMMENT ON COLUMN v_award_events.last_reported IS 'Publication date of the latest dated report.';
COMMENT ON COLUMN v_award_events.form IS 'The award form as the fullest report gives it (awards.form).';
COMMENT ON COLUMN v_award_events.form_family IS 'Family of the form (awards.form_family).';
COMMENT ON COLUMN v_award_events.awarder IS 'Who gave it: the registry name of a union awarder, else the awarder as reported.';
COMMENT ON COLUMN v_award_events.awarder_id IS 'See events.awarder_id.';
COMMENT ON COLUMN v_award_events.awarder_level IS 'Level of the awarder: a unit level, state, or NULL (awards.awarder_level).';
COMMENT ON COLUMN v_award_events.recipient IS 'First unit recipient (registry name), NULL when no recipient is a unit.';
COMMENT ON COLUMN v_award_events.level IS 'Its level.';
COMMENT ON COLUMN v_award_events.province IS 'Province of the first placed recipient as named when the article was published.';
COMMENT ON COLUMN v_award_events.province_now IS 'Its province today.';
COMMENT ON COLUMN v_award_events.recipient_count IS 'How many were honoured (the largest count reported).';
COMMENT ON COLUMN v_award_events.occasion IS 'Occasion or reason (awards.occasion).';
COMMENT ON COLUMN v_award_events.n_articles IS 'Articles reporting the award.';
COMMENT ON COLUMN v_award_events.n_sources IS 'Sources reporting it.';
COMMENT ON COLUMN v_award_events.sources IS 'Those sources.';
COMMENT ON COLUMN v_award_events.sentence IS 'The clause stating it in the fullest report.';
COMMENT ON COLUMN v_award_events.article_id IS 'Article of the fullest report.';
COMMENT ON COLUMN v_award_events.award_idx IS 'The award in that article (awards.idx).';

CREATE VIEW v_award_network AS
SELECT
    a.event_id,
    a.first_reported,
    a.form_family,
    a.awarder,
    a.awarder_id,
    coalesce(a.awarder_level, 'unknown') AS giver_level,
    CASE WHEN x.recipient_type = 'unit' THEN coalesce(u.name, x.recipient) ELSE x.recipient END AS recipient,
    x.recipient_type,
    CASE WHEN x.recipient_type = 'unit' THEN x.unit_id END AS recipient_id,
    CASE WHEN x.recipient_type = 'unit' THEN coalesce(u.level, 'organisation') ELSE x.recipient_type END AS recipient_level,
    x.count,
    x.province_now
FROM v_award_events a
JOIN award_recipients x ON x.article_id = a.article_id AND x.award_idx = a.award_idx
LEFT JOIN unit_registry u ON u.unit_id = x.unit_id;
COMMENT ON VIEW v_award_network IS 'Who honours whom: one row per award event and recipient (of its fullest report), giver and recipient with their levels. Sum count for the number honoured; count distinct event_id for awards.';
COMMENT ON COLUMN v_award_network.event_id IS 'See events.event_id.';
COMMENT ON COLUMN v_award_network.first_reported IS 'Publication date of the earliest report.';
COMMENT ON COLUMN v_award_network.form_family IS 'Family of the form.';
COMMENT ON COLUMN v_award_network.awarder IS 'The giver (see v_award_events.awarder).';
COMMENT ON COLUMN v_award_network.awarder_id IS 'See events.awarder_id.';
COMMENT ON COLUMN v_award_network.giver_level IS 'Level of the giver: a unit level, state, or unknown.';
COMMENT ON COLUMN v_award_network.recipient IS 'The recipient: registry name of a unit, a person''s name, or a counted group ("58 tập thể").';
COMMENT ON COLUMN v_award_network.recipient_type IS 'unit, person or group (award_recipients.recipient_type).';
COMMENT ON COLUMN v_award_network.recipient_id IS 'unit_id of a unit recipient.';
COMMENT ON COLUMN v_award_network.recipient_level IS 'Level of a unit recipient (organisation for one that is no union unit), else person or group.';
COMMENT ON COLUMN v_award_network.count IS 'How many the row stands for (award_recipients.count).';
COMMENT ON COLUMN v_award_network.province_now IS 'Province of the recipient today (award_recipients.province_now).';
