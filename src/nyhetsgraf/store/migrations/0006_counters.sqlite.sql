-- Schema version 6 (SQLite; the PostgreSQL file has the same counters): row counts kept up to date
-- at ingest, so that `stats` reads a few rows instead of counting millions. SqlStore adds to them in
-- the transaction that stores an article (and subtracts in the one that deletes facts); a name
-- without a row counts 0. Written to run again harmlessly (IF NOT EXISTS, ON CONFLICT DO NOTHING).
--   table:<name>         rows of a table (sources, articles, entities, mentions and each fact kind)
--   entity_type:<type>   entities of one type
--   event_type:<type>    events of one type
CREATE TABLE IF NOT EXISTS counters (
    name TEXT PRIMARY KEY,
    n    BIGINT NOT NULL
);

INSERT INTO counters(name, n) SELECT 'table:sources', n FROM (SELECT count(*) AS n FROM sources) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:articles', n FROM (SELECT count(*) AS n FROM articles) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:entities', n FROM (SELECT count(*) AS n FROM entities) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:mentions', n FROM (SELECT count(*) AS n FROM mentions) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:quotes', n FROM (SELECT count(*) AS n FROM quotes) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:counts', n FROM (SELECT count(*) AS n FROM counts) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:events', n FROM (SELECT count(*) AS n FROM events) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'table:times', n FROM (SELECT count(*) AS n FROM times) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'entity_type:' || type, count(*) FROM entities WHERE true GROUP BY type
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, n) SELECT 'event_type:' || type, count(*) FROM events WHERE true GROUP BY type
    ON CONFLICT DO NOTHING;

-- The articles in ingestion order, as a compact index: SQLite keeps whole rows (with their text) in
-- the table's own b-tree, so `articles --offset N` stepped over N whole rows; over this index it
-- steps over N small entries. (PostgreSQL's primary-key index already is such an index.)
CREATE INDEX IF NOT EXISTS articles_order ON articles(rid);
