-- The event writer now keeps the roll-ups by adding each call's change instead of recomputing whole quarter hours
-- (which under load meant re-reading tens of thousands of calls every few seconds). A menu choice is added to
-- rollup_choices once: this flag is set in the same transaction, so a retried or repeated refresh never adds it
-- twice, and a choice written by another instance but not yet counted is still counted later.
ALTER TABLE call_event ADD COLUMN rolled_up BOOLEAN DEFAULT FALSE NOT NULL;

-- Every choice recorded so far is counted once, here, and marked: the roll-up is rebuilt from the events as in V8.
DELETE FROM rollup_choices;

INSERT INTO rollup_choices
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 900) AS BIGINT) * 900, node, choice, COUNT(*)
FROM call_event WHERE detail IN ('chosen', 'spoken', 'language')
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 900) AS BIGINT) * 900, node, choice;

UPDATE call_event SET rolled_up = TRUE WHERE detail IN ('chosen', 'spoken', 'language');
