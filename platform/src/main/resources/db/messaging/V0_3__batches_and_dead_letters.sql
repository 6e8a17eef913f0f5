-- The relay deletes what it has sent, so the outbox holds only what waits; the partial index on unsent rows
-- becomes the order in which they go.
drop index outbox_unsent;
alter table outbox drop column sent_at;
create index outbox_order on outbox (seq);

-- A dead letter goes through the outbox too, to the dead-letter topic (destination) with the dead-letter headers
-- (a JSON object), its payload as it came (possibly none).
alter table outbox add column destination varchar(249);
alter table outbox add column headers text;
alter table outbox alter column payload drop not null;

-- What a service could not process: one row per record (its topic, partition and offset), kept for an operator to
-- list and replay (GET /api/dead-letters).
create table dead_letter (
    id               uuid         primary key,
    channel          varchar(128) not null,
    topic            varchar(249) not null,
    record_partition int          not null,
    record_offset    bigint       not null,
    record_key       text,
    record_value     text,
    headers          text         not null,
    reason           text         not null,
    dead_lettered_at timestamptz  not null,
    times            int          not null,
    replayed_at      timestamptz,
    unique (topic, record_partition, record_offset)
);

-- The inbox is swept by age (feiyan.inbox.keep): an index to find the old rows.
create index processed_event_age on processed_event (processed_at);
