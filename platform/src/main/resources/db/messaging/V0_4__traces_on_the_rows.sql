-- An order's trace is kept on the row each service has for the order (see OrderTraces), not in a table of its own.
drop table order_trace;
