-- Routing keeps who the case has been with, when the team must accept, and whether any team can serve it.
alter table dispatch_case add column resident_id   uuid;
alter table dispatch_case add column accept_by     timestamptz;
alter table dispatch_case add column passed_by     text[]       not null default '{}';
alter table dispatch_case add column unserved      boolean      not null default false;
alter table dispatch_case add column review_reason varchar(200);
update dispatch_case set tier = 'VILLAGE' where tier is null;
alter table dispatch_case alter column tier set not null;
alter table dispatch_case drop constraint dispatch_case_status_check;
alter table dispatch_case add constraint dispatch_case_status_check
    check (status in ('IN_REVIEW', 'WAITING', 'ASSIGNED', 'ACCEPTED', 'COMPLETED', 'CANCELLED', 'REJECTED'));
create index dispatch_case_overdue on dispatch_case (accept_by) where status = 'ASSIGNED';
create index dispatch_case_open_by_resident on dispatch_case (resident_id)
    where status in ('IN_REVIEW', 'WAITING', 'ASSIGNED', 'ACCEPTED');

-- Every decision on a case, for the dashboard: what happened, by whom (null: by the rules), and why.
create table case_decision (
    id         bigint       generated always as identity primary key,
    order_id   uuid         not null,
    kind       varchar(16)  not null,
    detail     varchar(500) not null,
    actor      varchar(64),
    decided_at timestamptz  not null
);
create index case_decision_recent on case_decision (decided_at desc);
