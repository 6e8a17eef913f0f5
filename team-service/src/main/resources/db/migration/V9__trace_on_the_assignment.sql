-- The trace the order was placed in: the team's answers are published in it (platform OrderTraces).
alter table assignment add column traceparent varchar(128);
