-- The transform's bulk inserts spent most of their index time on callback_fact_start_ix: one key per hour, so every
-- fact of an hour lands among thousands of equal keys. An index on the start second is nearly unique and cheap to
-- extend; the hourly aggregate reads an hour range as a start-second range, and the details report filters on it.
DROP INDEX callback_fact_start_ix;
CREATE INDEX callback_fact_start_ts_ix ON callback_fact (tenant_key, service_start_ts);
