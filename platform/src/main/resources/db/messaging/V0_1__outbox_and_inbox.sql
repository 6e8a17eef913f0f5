-- The transactional outbox: a state change and the events it causes commit together.
-- Columns follow Debezium's outbox convention, so change-data-capture stays one configuration away:
-- id is the event id (ce_id), aggregateid the Kafka key (ce_subject), type the CloudEvents type.
create table outbox (
    id            uuid         primary key,
    aggregatetype varchar(64)  not null,
    aggregateid   varchar(128) not null,
    type          varchar(128) not null,
    payload       text         not null,
    occurred_at   timestamptz  not null,
    seq           bigint       generated always as identity,
    sent_at       timestamptz
);
create index outbox_unsent on outbox (seq) where sent_at is null;

-- The inbox: one row per event a consumer has applied, inserted first in the same transaction
-- as the effect, so a redelivered event finds its row and has no second effect.
create table processed_event (
    consumer     varchar(128) not null,
    event_id     uuid         not null,
    processed_at timestamptz  not null default now(),
    primary key (consumer, event_id)
);
