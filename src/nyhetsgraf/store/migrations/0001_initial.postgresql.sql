-- nyhetsgraf store, schema version 1 on PostgreSQL: the same tables as 0001_initial.sqlite.sql.
-- Every offset is a Python str index into the article's input text, end exclusive.
-- {pk} is an identity bigint primary key. The full-text index is a generated tsvector column on
-- `articles` (PostgreSQL's built-in `norwegian` configuration, folded like the SQLite shadow text).

-- Folds the lexemes of a tsvector or tsquery as textsearch.fold() folds words ("tromsø" -> "tromso"),
-- after the Norwegian stemmer has seen the real spelling, so both backends compare the same tokens.
CREATE FUNCTION nyhetsgraf_fold(words text) RETURNS text
    LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
    RETURN regexp_replace(
        normalize(replace(replace(replace(translate(lower(words), 'øåðł', 'oadl'),
            'æ', 'ae'), 'þ', 'th'), 'ß', 'ss'), NFKD),
        '[\u0300-\u036f]', '', 'g');

CREATE TABLE sources (
    source_id  {pk},
    path       TEXT NOT NULL UNIQUE,
    name       TEXT
);

CREATE TABLE articles (
    rid          {pk},
    id           TEXT NOT NULL UNIQUE,
    source_id    BIGINT NOT NULL REFERENCES sources(source_id),
    record       INTEGER NOT NULL DEFAULT 0,
    idx          INTEGER NOT NULL,
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    title        TEXT,
    date         TEXT,
    url          TEXT,
    author       TEXT,
    language     TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,
    text         TEXT NOT NULL,
    headings     TEXT NOT NULL DEFAULT '[]',
    metadata     TEXT NOT NULL DEFAULT '{}',
    ingested_at  TEXT NOT NULL,
    -- The title weighs more than the body in ranking (weight A against B).
    search       tsvector GENERATED ALWAYS AS (
        nyhetsgraf_fold(setweight(to_tsvector('norwegian', coalesce(title, '')), 'A')::text)::tsvector
        || nyhetsgraf_fold(setweight(to_tsvector('norwegian', text), 'B')::text)::tsvector
    ) STORED
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source ON articles(source_id);
CREATE INDEX articles_search ON articles USING gin(search);

CREATE TABLE entities (
    entity_id   {pk},
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article_rid);
CREATE INDEX entities_name ON entities(lower(name), type);

CREATE TABLE mentions (
    entity_id BIGINT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    quote_id    {pk},
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    speaker     TEXT,
    direct      INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_rid);
CREATE INDEX quotes_speaker ON quotes(lower(speaker));

CREATE TABLE counts (
    count_id    {pk},
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    value       DOUBLE PRECISION NOT NULL,
    bound       TEXT NOT NULL,
    object      TEXT NOT NULL,
    holder      TEXT,
    location    TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX counts_article ON counts(article_rid);
CREATE INDEX counts_category ON counts(category);

CREATE TABLE events (
    event_id    {pk},
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    actor       TEXT,
    target      TEXT,
    location    TEXT,
    date        TEXT,
    negated     INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article_rid);
CREATE INDEX events_type ON events(type, actor);

CREATE TABLE times (
    time_id     {pk},
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    value       TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX times_article ON times(article_rid);
