-- What feedback knows of an order: where it is from (OrderPlaced), who delivered it (OrderCompleted) and
-- whether it was sent back (OrderReopened). They may arrive in any order, so each fills its own columns.
alter table completed_order rename to orders;
alter table orders rename constraint completed_order_pkey to orders_pkey;
alter table orders alter column team_code drop not null;
alter table orders alter column volunteer_hours drop not null;
alter table orders alter column completed_at drop not null;
alter table orders add column resident_id  uuid;
alter table orders add column village_code varchar(12);
alter table orders add column placed_at    timestamptz;
-- A redo (OrderReopened) takes the delivery back until the team delivers again.
alter table orders add column reopened_at  timestamptz;

-- Was it solved? And, when a village volunteer rated it on the resident's behalf, who.
alter table rating add column solved     boolean     not null default true;
alter table rating alter column solved drop default;
alter table rating add column rated_by_volunteer varchar(64);

-- Follow-up visits (回访) by the resident's village station: after a dissatisfied rating, or when a
-- delivered order stays unrated. One of each reason per order at most.
create table follow_up (
    id         uuid         primary key,
    order_id   uuid         not null references orders (order_id),
    reason     varchar(16)  not null,
    opened_at  timestamptz  not null,
    outcome    varchar(16),
    visited_by varchar(64),
    note       varchar(1000),
    closed_at  timestamptz,
    unique (order_id, reason)
);
create index follow_up_open on follow_up (opened_at) where outcome is null;

-- The metrics' facts, written only from the event topics (never from the tables above), so replaying the
-- topics into empty tables gives the same figures. Keyed by order id and by event id: a fact seen twice
-- is stored once.
create table metric_order (
    order_id     uuid         primary key,
    village_code varchar(12)  not null,
    category     varchar(64)  not null,
    project_code varchar(64),
    placed_at    timestamptz  not null
);
create index metric_order_placed on metric_order (placed_at);

-- One row per counted step of an order: APPROVED, ASSIGNED (due = the time to accept), ACCEPTED,
-- COMPLETED, REOPENED, RATED (with its score).
create table metric_step (
    event_id   uuid         primary key,
    order_id   uuid         not null,
    step       varchar(16)  not null,
    team_code  varchar(64),
    at         timestamptz  not null,
    due        timestamptz,
    score      smallint
);
create index metric_step_order on metric_step (order_id, step);
create index metric_step_at on metric_step (step, at);
