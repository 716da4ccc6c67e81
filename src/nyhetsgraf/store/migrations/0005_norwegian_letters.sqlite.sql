-- Schema version 5 (SQLite): æ, ø and å are letters of their own, not a and o with accents.
-- The first full-text index let FTS5 strip diacritics (remove_diacritics 2), which made "far" find
-- "får"; and its shadow text folded ø to o, which made "før" find "for". nyhetsgraf now folds only
-- accents foreign to Norwegian itself (store/textsearch.py), so the index keeps every letter, and is
-- rebuilt from the stored texts with the new shadow text (nyhetsgraf_shadow, a function the SQLite
-- connection provides).

DROP TABLE articles_fts;
CREATE VIRTUAL TABLE articles_fts USING fts5(
    title, text, content='', tokenize='unicode61 remove_diacritics 0'
);
INSERT INTO articles_fts(rowid, title, text)
    SELECT rid, nyhetsgraf_shadow(title), nyhetsgraf_shadow(text) FROM articles;
