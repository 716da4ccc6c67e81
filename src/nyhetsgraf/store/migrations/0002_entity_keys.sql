-- Schema version 2 (SQLite and PostgreSQL): facts that name an entity point at it.
-- A quote's speaker, an event's actor, target and location, a count's holder and location carry the
-- entity_id of the article entity they name (NULL for a description such as "en kilde"), so the
-- knowledge base can follow them across articles. Rows stored before this version are linked by
-- name: the article's first entity whose canonical name is the fact's name, as extraction does.

ALTER TABLE quotes ADD COLUMN speaker_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;
ALTER TABLE counts ADD COLUMN holder_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;
ALTER TABLE counts ADD COLUMN location_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN actor_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN target_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;
ALTER TABLE events ADD COLUMN location_entity BIGINT REFERENCES entities(entity_id) ON DELETE SET NULL;

UPDATE quotes SET speaker_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = quotes.article_rid AND e.name = quotes.speaker);
UPDATE counts SET holder_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = counts.article_rid AND e.name = counts.holder);
UPDATE counts SET location_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = counts.article_rid AND e.name = counts.location);
UPDATE events SET actor_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = events.article_rid AND e.name = events.actor);
UPDATE events SET target_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = events.article_rid AND e.name = events.target);
UPDATE events SET location_entity = (SELECT min(e.entity_id) FROM entities e
    WHERE e.article_rid = events.article_rid AND e.name = events.location);

CREATE INDEX quotes_speaker_entity ON quotes(speaker_entity);
CREATE INDEX counts_holder_entity ON counts(holder_entity);
CREATE INDEX counts_location_entity ON counts(location_entity);
CREATE INDEX events_actor_entity ON events(actor_entity);
CREATE INDEX events_target_entity ON events(target_entity);
CREATE INDEX events_location_entity ON events(location_entity);
