-- dispatch's copy of the team directory and catalogue, kept from team-service's events.
create table team (
    code          varchar(64)  primary key,
    name          varchar(200) not null,
    tier          varchar(16)  not null,
    region_code   varchar(12)  not null,
    project_codes text[]       not null,
    capacity      integer      not null,
    active        boolean      not null
);
create table project (
    code     varchar(64) primary key,
    category varchar(64) not null,
    active   boolean     not null
);

-- One case per order: its review, where it was sent and when it is due.
create table dispatch_case (
    order_id     uuid        primary key,
    project_code varchar(64) not null,
    village_code varchar(12) not null,
    urgency      varchar(16) not null,
    status       varchar(16) not null check (status in ('WAITING', 'ASSIGNED', 'ACCEPTED', 'COMPLETED')),
    team_code    varchar(64),
    tier         varchar(16),
    deadline     timestamptz,
    placed_at    timestamptz not null,
    assigned_at  timestamptz,
    updated_at   timestamptz not null
);
create index dispatch_case_open_by_team on dispatch_case (team_code) where status in ('ASSIGNED', 'ACCEPTED');
create index dispatch_case_waiting on dispatch_case (placed_at) where status = 'WAITING';
