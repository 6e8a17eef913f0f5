-- The trace the order was placed in: its rating and a redo are published in it (platform OrderTraces).
alter table orders add column traceparent varchar(128);
