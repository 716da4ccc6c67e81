-- Schema version 5 (PostgreSQL): nothing to change. On SQLite this version rebuilds the full-text
-- index so that æ, ø and å stay letters of their own; the PostgreSQL search reads the shadow text
-- that store/textsearch.py computes, which never folds them.
SELECT 1;
