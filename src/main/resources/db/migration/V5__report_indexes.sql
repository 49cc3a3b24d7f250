-- The supervisors' figures find calls by how they started and then read each call's steps in time order.
CREATE INDEX call_event_detail_time ON call_event (detail, occurred_at);
CREATE INDEX call_event_sid_time ON call_event (call_sid, occurred_at);
DROP INDEX call_event_call_sid;
