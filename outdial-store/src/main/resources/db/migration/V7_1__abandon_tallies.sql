-- What each campaign's abandon guard counted (issue 3): live answers, machines among them and abandons per 15-minute
-- bucket and answer-delay step (-1 = unknown), so a restarted server still keeps the 24-hour and 30-day abandon caps.
CREATE TABLE abandon_tallies (
    tenant_id       BIGINT NOT NULL,
    campaign_id     BIGINT NOT NULL REFERENCES campaigns (id) ON DELETE CASCADE,
    bucket_start_ms BIGINT NOT NULL,
    answer_delay_ms BIGINT NOT NULL,
    connected       BIGINT NOT NULL,
    machines        BIGINT NOT NULL,
    abandons        BIGINT NOT NULL,
    first_at_ms     BIGINT NOT NULL,
    last_at_ms      BIGINT NOT NULL,
    PRIMARY KEY (campaign_id, bucket_start_ms, answer_delay_ms)
);
