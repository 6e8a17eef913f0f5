-- When the team must accept by, and offers a team declined.
alter table assignment add column accept_by timestamptz;
alter table assignment add column decline_reason varchar(500);
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check
    check (status in ('OFFERED', 'ACCEPTED', 'DECLINED', 'COMPLETED', 'CANCELLED'));
