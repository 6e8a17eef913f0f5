-- An order's event heard before its OrderPlaced: a poll holds several topics' records, each topic's in order but not
-- across topics (after a restart, orders.accepted may be read before the orders.placed record of the same order).
-- Kept here until the OrderPlaced comes, then told as if it had come after it.
create table early_event (
    event_id    uuid         primary key,
    order_id    uuid         not null,
    ce_type     varchar(100) not null,
    payload     text         not null,
    received_at timestamptz  not null
);
create index early_event_order on early_event (order_id);
