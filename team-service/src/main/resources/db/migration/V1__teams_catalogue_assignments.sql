-- The service catalogue: the county's projects, each in one category.
create table project (
    code     varchar(64)  primary key,
    name     varchar(200) not null,
    category varchar(64)  not null,
    active   boolean      not null default true
);

-- Volunteer teams, each serving one region at one tier.
create table team (
    code          varchar(64)  primary key,
    name          varchar(200) not null,
    tier          varchar(16)  not null check (tier in ('VILLAGE', 'TOWN', 'COUNTY')),
    region_code   varchar(12)  not null,
    project_codes text[]       not null default '{}',
    capacity      integer      not null check (capacity >= 0),
    active        boolean      not null default true
);

-- Orders as a team sees them, from assignment to completion.
create table assignment (
    order_id        uuid         primary key,
    team_code       varchar(64)  not null,
    tier            varchar(16)  not null,
    project_code    varchar(64)  not null,
    deadline        timestamptz  not null,
    status          varchar(16)  not null check (status in ('OFFERED', 'ACCEPTED', 'COMPLETED')),
    assigned_at     timestamptz  not null,
    accepted_at     timestamptz,
    completed_at    timestamptz,
    volunteer_hours numeric(7, 2)
);
create index assignment_by_team on assignment (team_code, status);
