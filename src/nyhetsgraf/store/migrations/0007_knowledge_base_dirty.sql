-- Schema version 7 (SQLite and PostgreSQL): stories and corpus entities to recompute.
-- When an article's facts are replaced (`nyhetsgraf reextract`) or an article gives way to a longer
-- version of itself, its knowledge-base rows are removed, so that the next update links it afresh,
-- and the story and corpus entities it counted in are listed here for that update to recompute.
CREATE TABLE kb_dirty (
    kind TEXT NOT NULL,                       -- 'story' (kb_stories.id) or 'entity' (kb_entities.id)
    id   TEXT NOT NULL,
    PRIMARY KEY (kind, id)
);
