-- Quarter-hour roll-ups of the calls and of the menu choices, kept by the event writer beside call_summary, so
-- a month of figures sums about 3,000 rows instead of reading every call. A bucket is the epoch second at which
-- its quarter hour starts: every time zone's offset is a whole number of quarter hours, so local hours and local
-- days are made of whole buckets. Holds no phone number.

-- Whether the line was closed when the call started, by the hours in force when the call was recorded.
ALTER TABLE call_summary ADD COLUMN after_hours INTEGER DEFAULT 0 NOT NULL;

CREATE TABLE rollup_calls (
    bucket          BIGINT  NOT NULL PRIMARY KEY,
    calls           INTEGER NOT NULL,
    spanish         INTEGER NOT NULL,
    after_hours     INTEGER NOT NULL,
    queued          INTEGER NOT NULL,
    answered        INTEGER NOT NULL,
    abandoned       INTEGER NOT NULL,
    short_calls     INTEGER NOT NULL,
    answer_seconds  BIGINT  NOT NULL,
    answer_timed    INTEGER NOT NULL,
    abandon_seconds BIGINT  NOT NULL,
    abandon_timed   INTEGER NOT NULL,
    longest_wait    INTEGER
);

-- Answered calls by their exact time in queue, so the service level can be asked for any threshold.
CREATE TABLE rollup_answer_times (
    bucket         BIGINT  NOT NULL,
    answer_seconds INTEGER NOT NULL,
    calls          INTEGER NOT NULL,
    PRIMARY KEY (bucket, answer_seconds)
);

CREATE TABLE rollup_last_nodes (
    bucket    BIGINT      NOT NULL,
    last_node VARCHAR(40) NOT NULL,
    calls     INTEGER     NOT NULL,
    PRIMARY KEY (bucket, last_node)
);

-- By when the choice was made, not when its call started; a spoken answer may have no key.
CREATE TABLE rollup_choices (
    bucket BIGINT      NOT NULL,
    node   VARCHAR(40) NOT NULL,
    choice VARCHAR(8),
    calls  INTEGER     NOT NULL
);

CREATE INDEX rollup_choices_bucket ON rollup_choices (bucket);

-- Calls recorded before this migration, rolled up once here (as in service, but with after_hours unknown: 0).
INSERT INTO rollup_calls
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900, COUNT(*), SUM(spanish), 0,
       SUM(queued), SUM(answered), SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN 1 ELSE 0 END),
       SUM(CASE WHEN duration < 10 THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN answered = 1 THEN answer_seconds END), 0),
       SUM(CASE WHEN answered = 1 AND answer_seconds IS NOT NULL THEN 1 ELSE 0 END),
       COALESCE(SUM(CASE WHEN abandoned = 1 AND answered = 0 THEN abandon_seconds END), 0),
       SUM(CASE WHEN abandoned = 1 AND answered = 0 AND abandon_seconds IS NOT NULL THEN 1 ELSE 0 END),
       MAX(longest_wait)
FROM call_summary WHERE started_at IS NOT NULL
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900;

INSERT INTO rollup_answer_times
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900, answer_seconds, COUNT(*)
FROM call_summary WHERE started_at IS NOT NULL AND answered = 1 AND answer_seconds IS NOT NULL
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900, answer_seconds;

INSERT INTO rollup_last_nodes
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900, last_node, COUNT(*)
FROM call_summary WHERE started_at IS NOT NULL AND ended = 1 AND last_node IS NOT NULL
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM started_at) / 900) AS BIGINT) * 900, last_node;

INSERT INTO rollup_choices
SELECT CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 900) AS BIGINT) * 900, node, choice, COUNT(*)
FROM call_event WHERE detail IN ('chosen', 'spoken', 'language')
GROUP BY CAST(FLOOR(EXTRACT(EPOCH FROM occurred_at) / 900) AS BIGINT) * 900, node, choice;
