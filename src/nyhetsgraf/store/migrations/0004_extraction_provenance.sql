-- Schema version 4 (SQLite and PostgreSQL): what produced an article's facts, so that articles
-- ingested without NLP, or extracted by an older model or lexicon, can be found and re-extracted
-- (`nyhetsgraf reextract`). facts_at is NULL when nothing was ever extracted; facts_model is NULL
-- when no model applies (an article that is not Norwegian gets no facts). Articles stored before
-- this version that have facts were extracted by a version nobody recorded: 'unknown'.

ALTER TABLE articles ADD COLUMN facts_model TEXT;
ALTER TABLE articles ADD COLUMN facts_lexicon TEXT;
ALTER TABLE articles ADD COLUMN facts_at TEXT;

UPDATE articles SET facts_model = 'unknown', facts_lexicon = 'unknown', facts_at = ingested_at
    WHERE EXISTS (SELECT 1 FROM entities e WHERE e.article_rid = articles.rid)
       OR EXISTS (SELECT 1 FROM quotes q WHERE q.article_rid = articles.rid)
       OR EXISTS (SELECT 1 FROM counts c WHERE c.article_rid = articles.rid)
       OR EXISTS (SELECT 1 FROM events v WHERE v.article_rid = articles.rid)
       OR EXISTS (SELECT 1 FROM times t WHERE t.article_rid = articles.rid);

-- A later, complete copy of an input replaces the truncated article at the same position.
CREATE INDEX articles_position ON articles(source_id, record, idx);
