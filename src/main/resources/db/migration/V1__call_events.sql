-- One row per webhook a call passes through. No phone number is ever stored here:
-- a call is known by Twilio's CallSid only.
CREATE TABLE call_event (
    id          UUID         NOT NULL PRIMARY KEY,
    call_sid    VARCHAR(64)  NOT NULL,
    node        VARCHAR(40)  NOT NULL,
    choice      VARCHAR(8),
    language    VARCHAR(5)   NOT NULL,
    next_node   VARCHAR(40),
    detail      VARCHAR(40),
    seconds     INTEGER,
    occurred_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX call_event_call_sid ON call_event (call_sid);
CREATE INDEX call_event_occurred_at ON call_event (occurred_at);
