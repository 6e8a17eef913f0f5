-- An order's event heard before what it follows (messaging/EarlyEvents): the topics are read side by side, each in
-- order but not in the order they were published across topics, so after a restart or a restore an order's acceptance
-- may be read before its placing, or a team's answer before the offer it answers. Kept here until that comes:
-- the order itself (waits_for null), or the step of it at waits_for (an offer, by its time).
-- notification-service kept such events in this table before the platform did: it gains the column.
create table if not exists early_event (
    event_id    uuid         primary key,
    order_id    uuid         not null,
    ce_type     varchar(100) not null,
    payload     text         not null,
    received_at timestamptz  not null
);
create index if not exists early_event_order on early_event (order_id);
alter table early_event add column if not exists waits_for timestamptz;
