-- What the run that published this file changed, so that the next run can bring its standby copy
-- (the file published before this one) up to date without copying the whole file (pipeline/writer.py).

CREATE TABLE changes_appended (
    generation    BIGINT NOT NULL,
    table_name    VARCHAR NOT NULL,
    appended_from BIGINT NOT NULL
);
COMMENT ON TABLE changes_appended IS 'Writer bookkeeping: for each large table, the first rowid of the rows appended by the run that published this file; rows before it are those of the previous file unless listed in changes_rewritten.';
COMMENT ON COLUMN changes_appended.generation IS 'Generation of this file (meta key generation) whose run appended the rows.';
COMMENT ON COLUMN changes_appended.table_name IS 'Table the rows were appended to.';
COMMENT ON COLUMN changes_appended.appended_from IS 'Rowid of the first appended row: the run''s rows are those with rowid >= appended_from.';

CREATE TABLE changes_rewritten (
    generation BIGINT NOT NULL,
    table_name VARCHAR NOT NULL,
    article_id BIGINT,
    deleted    BOOLEAN NOT NULL
);
COMMENT ON TABLE changes_rewritten IS 'Writer bookkeeping: articles whose earlier rows the run that published this file deleted or updated, per table; a row with table_name * and no article_id means the run rewrote everything (the next run copies the whole file).';
COMMENT ON COLUMN changes_rewritten.generation IS 'Generation of this file (meta key generation) whose run made the change.';
COMMENT ON COLUMN changes_rewritten.table_name IS 'Table whose rows of the article were deleted or updated; * for every table.';
COMMENT ON COLUMN changes_rewritten.article_id IS 'The article, see articles.article_id; NULL with table_name *.';
COMMENT ON COLUMN changes_rewritten.deleted IS 'TRUE when rows were deleted (DuckDB may then renumber the rowids after them), FALSE when updated in place.';
