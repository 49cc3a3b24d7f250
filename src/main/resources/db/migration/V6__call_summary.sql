-- One row per call, recomputed from its events by the event writer, so the dashboard sums a row per call instead
-- of reading every step of a month of calls. Holds no phone number: a call is its CallSid.
CREATE TABLE call_summary (
    call_sid       VARCHAR(64) NOT NULL PRIMARY KEY,
    started_at     TIMESTAMP WITH TIME ZONE,
    spanish        INTEGER     NOT NULL,
    queued         INTEGER     NOT NULL,
    answered       INTEGER     NOT NULL,
    abandoned      INTEGER     NOT NULL,
    answer_seconds INTEGER,
    abandon_seconds INTEGER,
    longest_wait   INTEGER,
    duration       INTEGER,
    ended          INTEGER     NOT NULL,
    last_node      VARCHAR(40)
);

CREATE INDEX call_summary_started_at ON call_summary (started_at);
