-- Schema version 3 (SQLite and PostgreSQL): the knowledge base across articles (nyhetsgraf.kb).
-- Everything here is derived from articles, entities and counts, and rebuilt for the affected part
-- of the corpus after each ingest; deleting every kb_ row and running `nyhetsgraf kb-update` again
-- gives the same result. Articles and facts are never changed by it.

-- One row per article the knowledge base has linked (an article without one is pending).
CREATE TABLE kb_articles (
    article_rid  BIGINT PRIMARY KEY REFERENCES articles(rid) ON DELETE CASCADE,
    day_number   INTEGER NOT NULL,            -- the article date as days since year 1 (0: no date)
    story        TEXT NOT NULL,               -- kb_stories.id
    duplicate_of BIGINT REFERENCES articles(rid) ON DELETE SET NULL,  -- the earlier version
    terms        TEXT NOT NULL                -- content-word stems, space separated (story linking)
);
CREATE INDEX kb_articles_story ON kb_articles(story);
CREATE INDEX kb_articles_day ON kb_articles(day_number);
CREATE INDEX kb_articles_duplicate ON kb_articles(duplicate_of);

-- The names an article's story is recognised by (story linking blocks on them).
CREATE TABLE kb_story_keys (
    name_key    TEXT NOT NULL,
    day_number  INTEGER NOT NULL,
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE
);
CREATE INDEX kb_story_keys_key ON kb_story_keys(name_key, day_number);
CREATE INDEX kb_story_keys_article ON kb_story_keys(article_rid);
CREATE INDEX kb_story_keys_day ON kb_story_keys(day_number);

-- Links between articles of one story (a < b); stories are their connected groups.
CREATE TABLE kb_story_links (
    a     BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    b     BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    score DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (a, b)
);
CREATE INDEX kb_story_links_b ON kb_story_links(b);

CREATE TABLE kb_stories (
    id         TEXT PRIMARY KEY,
    title      TEXT,
    first_date TEXT,
    last_date  TEXT,
    articles   INTEGER NOT NULL
);
CREATE INDEX kb_stories_size ON kb_stories(articles, last_date);

-- MinHash LSH buckets of each article's word 3-grams (near-duplicate candidates).
CREATE TABLE kb_lsh (
    band        INTEGER NOT NULL,
    bucket      BIGINT NOT NULL,
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE
);
CREATE INDEX kb_lsh_bucket ON kb_lsh(band, bucket);
CREATE INDEX kb_lsh_article ON kb_lsh(article_rid);

-- Each article entity's corpus entity.
CREATE TABLE kb_entity_links (
    entity_id   BIGINT PRIMARY KEY REFERENCES entities(entity_id) ON DELETE CASCADE,
    corpus_id   TEXT NOT NULL,                -- kb_entities.id
    article_rid BIGINT NOT NULL REFERENCES articles(rid) ON DELETE CASCADE,
    forms       TEXT NOT NULL,                -- JSON {surface form (genitive stripped): mentions}
    mentions    INTEGER NOT NULL
);
CREATE INDEX kb_entity_links_corpus ON kb_entity_links(corpus_id, article_rid);
CREATE INDEX kb_entity_links_article ON kb_entity_links(article_rid);

-- The blocking keys resolution re-runs on ("n:norge", "s:bakken", "i:nve").
CREATE TABLE kb_entity_keys (
    name_key  TEXT NOT NULL,
    entity_id BIGINT NOT NULL REFERENCES entities(entity_id) ON DELETE CASCADE
);
CREATE INDEX kb_entity_keys_key ON kb_entity_keys(name_key);
CREATE INDEX kb_entity_keys_entity ON kb_entity_keys(entity_id);

CREATE TABLE kb_entities (
    id         TEXT PRIMARY KEY,
    name       TEXT NOT NULL,
    folded     TEXT NOT NULL,                 -- the name case-folded (search)
    type       TEXT NOT NULL,
    aliases    TEXT NOT NULL,                 -- JSON list
    articles   INTEGER NOT NULL,
    mentions   INTEGER NOT NULL,
    first_date TEXT,
    last_date  TEXT
);
CREATE INDEX kb_entities_folded ON kb_entities(folded);
CREATE INDEX kb_entities_type ON kb_entities(type, articles);
CREATE INDEX kb_entities_articles ON kb_entities(articles);

CREATE TABLE kb_aliases (
    entity TEXT NOT NULL,                     -- kb_entities.id
    folded TEXT NOT NULL
);
CREATE INDEX kb_aliases_folded ON kb_aliases(folded);
CREATE INDEX kb_aliases_entity ON kb_aliases(entity);

-- The date of each count as a series point: its sentence's own date, else the article's.
CREATE TABLE kb_count_dates (
    count_id BIGINT PRIMARY KEY REFERENCES counts(count_id) ON DELETE CASCADE,
    date     TEXT
);

-- One row, written first by every knowledge-base update: two processes never link the same articles.
CREATE TABLE kb_state (
    id         INTEGER PRIMARY KEY,
    updated_at TEXT
);
INSERT INTO kb_state(id, updated_at) VALUES (1, NULL);
