-- An accepted case whose deadline passed undelivered is escalated once (the tier above is told): that it was.
alter table dispatch_case add column deadline_escalated boolean not null default false;
create index dispatch_case_delivery_overdue on dispatch_case (deadline) where status = 'ACCEPTED' and not deadline_escalated;
