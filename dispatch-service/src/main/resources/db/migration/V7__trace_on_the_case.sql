-- The trace the order was placed in: every event about the case is published in it (platform OrderTraces).
alter table dispatch_case add column traceparent varchar(128);
