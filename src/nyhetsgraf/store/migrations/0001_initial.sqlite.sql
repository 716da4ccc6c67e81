-- nyhetsgraf store, schema version 1: articles, their facts, and a Norwegian full-text index.
-- Every offset is a Python str index into the article's input text, end exclusive.

CREATE TABLE sources (
    source_id  INTEGER PRIMARY KEY,
    path       TEXT NOT NULL UNIQUE,          -- the PATH (or URL / record id) as given
    name       TEXT                           -- publication name when the input tells it
);

CREATE TABLE articles (
    rid          INTEGER PRIMARY KEY,         -- stable row id, shared with articles_fts
    id           TEXT NOT NULL UNIQUE,        -- Article.id (contract "id")
    source_id    INTEGER NOT NULL REFERENCES sources(source_id),
    record       INTEGER NOT NULL DEFAULT 0,  -- position of the document in its input
    idx          INTEGER NOT NULL,            -- contract "index"
    span_start   INTEGER NOT NULL,
    span_end     INTEGER NOT NULL,
    title        TEXT,
    date         TEXT,                        -- ISO 8601, partial allowed
    url          TEXT,
    author       TEXT,
    language     TEXT NOT NULL,
    content_hash TEXT NOT NULL UNIQUE,        -- de-duplication across sources
    text         TEXT NOT NULL,               -- the article text, input[span_start:span_end]
    headings     TEXT NOT NULL DEFAULT '[]',  -- JSON array of strings
    metadata     TEXT NOT NULL DEFAULT '{}',  -- JSON object: format, extra fields of the record
    ingested_at  TEXT NOT NULL                -- UTC timestamp
);
CREATE INDEX articles_date ON articles(date);
CREATE INDEX articles_source ON articles(source_id);

CREATE TABLE entities (
    entity_id   INTEGER PRIMARY KEY,
    article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    name        TEXT NOT NULL,
    type        TEXT NOT NULL
);
CREATE INDEX entities_article ON entities(article_rid);
CREATE INDEX entities_name ON entities(name COLLATE NOCASE, type);

CREATE TABLE mentions (
    entity_id INTEGER NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE,
    start     INTEGER NOT NULL,
    "end"     INTEGER NOT NULL
);
CREATE INDEX mentions_entity ON mentions(entity_id);

CREATE TABLE quotes (
    quote_id    INTEGER PRIMARY KEY,
    article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    speaker     TEXT,
    direct      INTEGER NOT NULL,             -- 0/1
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX quotes_article ON quotes(article_rid);
CREATE INDEX quotes_speaker ON quotes(speaker COLLATE NOCASE);

CREATE TABLE counts (
    count_id    INTEGER PRIMARY KEY,
    article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    category    TEXT NOT NULL,
    value       REAL NOT NULL,
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
    event_id    INTEGER PRIMARY KEY,
    article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    type        TEXT NOT NULL,
    trigger     TEXT NOT NULL,
    actor       TEXT,
    target      TEXT,
    location    TEXT,
    date        TEXT,
    negated     INTEGER NOT NULL,             -- 0/1
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX events_article ON events(article_rid);
CREATE INDEX events_type ON events(type, actor);

CREATE TABLE times (
    time_id     INTEGER PRIMARY KEY,
    article_rid INTEGER NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    text        TEXT NOT NULL,
    value       TEXT,
    start       INTEGER NOT NULL,
    "end"       INTEGER NOT NULL
);
CREATE INDEX times_article ON times(article_rid);

-- Full-text index over the stemmed and folded shadow of title and text (see textsearch.py).
-- Contentless: the originals live in `articles`, joined on rowid = articles.rid.
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='', tokenize='unicode61 remove_diacritics 2'
);
