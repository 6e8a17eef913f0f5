-- The W3C trace context (traceparent) an event was published in; the relay sends it as the record's
-- traceparent header, so the services that consume the event continue the same trace.
alter table outbox add column traceparent varchar(128);

-- The trace each order's events belong to in this service: the one it was placed in, as this service first
-- heard of the order (or placed it). An action on the order taken in a trace of its own (a team lead's
-- request, a deadline sweep) publishes into this one, so one order's path through every service is one trace.
create table order_trace (
    order_id    uuid         primary key,
    traceparent varchar(128) not null
);
