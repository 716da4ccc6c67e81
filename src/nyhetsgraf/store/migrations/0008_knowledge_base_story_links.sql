-- Schema version 8 (SQLite and PostgreSQL): stories kept up to date by union.
-- An update joins the stories its new links connect without reading their members: it finds each
-- story's earliest article (the story's id) through an index on (story, day). Near-duplicates link
-- stories through kb_articles.duplicate_of alone, so kb_story_links keeps only the scored links.
CREATE INDEX IF NOT EXISTS kb_articles_story_day ON kb_articles(story, day_number);
DROP INDEX IF EXISTS kb_articles_story;
DELETE FROM kb_story_links WHERE score = 100;
