-- Every query on call_event now names a call or a kind of step along with any time range, so the index on
-- (detail, occurred_at, ...) or on (call_sid, occurred_at) serves it; the index on the time alone was only one
-- more to update for each of the many steps written.
DROP INDEX call_event_occurred_at;
