-- Free-text needs have no project but a category, and wait for review; orders can be withdrawn.
alter table dispatch_case alter column project_code drop not null;
alter table dispatch_case add column category varchar(64);
alter table dispatch_case drop constraint dispatch_case_status_check;
alter table dispatch_case add constraint dispatch_case_status_check
    check (status in ('IN_REVIEW', 'WAITING', 'ASSIGNED', 'ACCEPTED', 'COMPLETED', 'CANCELLED'));
