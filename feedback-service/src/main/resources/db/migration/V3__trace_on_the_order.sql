-- The trace the order was placed in: its rating and a redo are published in it (platform OrderTraces).
alter table orders add column traceparent varchar(128);

-- The unrated sweep reads the deliveries of a recent window only, by this index, however long the history.
create index orders_completed on orders (completed_at) where completed_at is not null;
