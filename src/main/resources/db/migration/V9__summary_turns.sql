-- One row that every instance's event writer locks (by updating it) before recomputing summaries and roll-ups, so
-- two instances never recompute the same call or quarter hour at once: interleaved, a delete and an insert from
-- each could count a call twice or fail on a duplicate key.
CREATE TABLE summary_turn (
    id       INTEGER NOT NULL PRIMARY KEY,
    taken_at TIMESTAMP WITH TIME ZONE
);

INSERT INTO summary_turn (id, taken_at) VALUES (1, NULL);
