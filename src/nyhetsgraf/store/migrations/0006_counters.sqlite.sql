-- Schema version 6 (SQLite; the PostgreSQL file has the same counters): row counts kept up to date
-- at ingest, so that `stats` reads a few rows instead of counting millions. SqlStore adds to them in
-- the transaction that stores an article (and subtracts in the one that deletes facts); a name
-- without a row counts 0. Written to run again harmlessly (IF NOT EXISTS, ON CONFLICT DO NOTHING).
--   table:<name>         rows of a table (sources, articles, entities, mentions and each fact kind)
--   entity_type:<type>   entities of one type
--   event_type:<type>    events of one type
-- Each writing connection adds to its own shard (SQLite: 0; PostgreSQL: the backend's process id),
-- so two concurrent ingests never lock each other's rows; a count is the sum over the shards.
CREATE TABLE IF NOT EXISTS counters (
    name  TEXT NOT NULL,
    shard BIGINT NOT NULL,
    n     BIGINT NOT NULL,
    PRIMARY KEY (name, shard)
);

INSERT INTO counters(name, shard, n) SELECT 'table:sources', 0, n FROM (SELECT count(*) AS n FROM sources) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:articles', 0, n FROM (SELECT count(*) AS n FROM articles) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:entities', 0, n FROM (SELECT count(*) AS n FROM entities) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:mentions', 0, n FROM (SELECT count(*) AS n FROM mentions) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:quotes', 0, n FROM (SELECT count(*) AS n FROM quotes) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:counts', 0, n FROM (SELECT count(*) AS n FROM counts) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:events', 0, n FROM (SELECT count(*) AS n FROM events) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'table:times', 0, n FROM (SELECT count(*) AS n FROM times) c WHERE n > 0
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'entity_type:' || type, 0, count(*) FROM entities WHERE true GROUP BY type
    ON CONFLICT DO NOTHING;
INSERT INTO counters(name, shard, n) SELECT 'event_type:' || type, 0, count(*) FROM events WHERE true GROUP BY type
    ON CONFLICT DO NOTHING;

-- The articles in ingestion order, as a compact index: SQLite keeps whole rows (with their text) in
-- the table's own b-tree, so `articles --offset N` stepped over N whole rows; over this index it
-- steps over N small entries. (PostgreSQL's primary-key index already is such an index.)
CREATE INDEX IF NOT EXISTS articles_order ON articles(rid);
