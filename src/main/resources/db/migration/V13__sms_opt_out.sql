-- Numbers that texted STOP (or another opt-out word) to the helpline, and have not texted START since. The number
-- itself is never kept: only its HMAC-SHA256 under the setting helpline.privacy.number-key, as 64 hex digits, so
-- the table can answer "has this caller opted out?" and nothing more. Kept until the number opts back in.
CREATE TABLE sms_opt_out (
    number_hash   VARCHAR(64) NOT NULL PRIMARY KEY,
    opted_out_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
