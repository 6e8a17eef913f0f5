-- Activities (统单): one visit of one team serving several residents of a village or a town. Its team holds one place
-- for it however many residents it serves; residents counts its open orders, changed only by guarded statements.
create table activity (
    id uuid primary key,
    team_code varchar(64) not null,
    project_code varchar(64) not null,
    place_code varchar(12) not null,
    status varchar(16) not null,
    takes_place timestamptz not null,
    residents integer not null,
    accept_by timestamptz not null,
    created_at timestamptz not null,
    updated_at timestamptz not null
);
create index activity_open_by_project on activity (project_code) where status in ('PLANNED', 'ACCEPTED');
alter table dispatch_case add column activity_id uuid;
-- The activity a 飞燕 volunteer asked to add the resident to (OrderPlaced.joinActivity), until the case is routed.
alter table dispatch_case add column join_activity uuid;
create index dispatch_case_activity on dispatch_case (activity_id) where activity_id is not null;
