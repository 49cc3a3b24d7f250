-- Menu choices in a range are counted from the index alone: it holds the key and the menu as well as the time.
CREATE INDEX call_event_choices ON call_event (detail, occurred_at, node, choice);
DROP INDEX call_event_detail_time;
