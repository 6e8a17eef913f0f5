-- Orders as placed. Personal data of residents lives only in this service.
create table orders (
    id              uuid         primary key,
    resident_id     uuid         not null,
    project_code    varchar(64)  not null,
    village_code    varchar(12)  not null,
    urgency         varchar(16)  not null,
    channel         varchar(16)  not null,
    volunteer_id    varchar(64),
    status          varchar(16)  not null,
    placed_at       timestamptz  not null,
    idempotency_key varchar(128) unique
);
create index orders_by_resident on orders (resident_id, placed_at desc);

-- Each order's timeline: one row per event in its life, in the event's own words (the payload),
-- ordered by when it happened rather than when it arrived.
create table order_step (
    event_id    uuid         primary key,
    order_id    uuid         not null,
    type        varchar(128) not null,
    occurred_at timestamptz  not null,
    payload     text         not null
);
create index order_step_by_order on order_step (order_id, occurred_at);

-- Copies of team-service's catalogue and team directory, kept from its events.
create table project (
    code     varchar(64)  primary key,
    name     varchar(200) not null,
    category varchar(64)  not null,
    active   boolean      not null
);
create table team (
    code        varchar(64)  primary key,
    name        varchar(200) not null,
    tier        varchar(16)  not null,
    region_code varchar(12)  not null,
    active      boolean      not null
);
