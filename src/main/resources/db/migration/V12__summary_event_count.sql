-- How many of its call's events a summary was made from. A call whose events outnumber its summary's count had
-- steps saved but not summarised (its instance stopped before the next refresh), and is caught up by another
-- writer. Summaries made before this migration count 0, so those of the last hours are caught up once.
ALTER TABLE call_summary ADD COLUMN events INTEGER DEFAULT 0 NOT NULL;
