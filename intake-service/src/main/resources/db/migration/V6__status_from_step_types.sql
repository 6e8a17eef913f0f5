-- An order's status moves on with each step as it comes (orders.status is where the latest step left it); a step
-- that arrives after a later one has it worked out again from every step's type.
alter table orders add column last_step_at timestamptz;
update orders o set last_step_at = (select max(s.occurred_at) from order_step s where s.order_id = o.id);
update orders set last_step_at = placed_at where last_step_at is null;

-- The trace the order was placed in: every event of the order is published in it (platform OrderTraces).
alter table orders add column traceparent varchar(128);
