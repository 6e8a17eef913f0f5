-- Volunteers (飞燕 volunteers of the villages, members of town and county teams).
create table volunteer (
    id          uuid         primary key,
    name        varchar(100) not null,
    phone       varchar(20)  not null,
    village_code varchar(12) not null,
    skills      text[]       not null default '{}',
    team_codes  text[]       not null default '{}',
    joined_on   date         not null,
    active      boolean      not null default true
);
create index volunteer_by_village on volunteer (village_code, joined_on) where active;

-- The hours ledger: who served which order, for how long. Written once, when the order is completed.
create table service_hours (
    order_id     uuid          not null,
    volunteer_id uuid          not null references volunteer (id),
    team_code    varchar(64)   not null,
    project_code varchar(64),
    hours        numeric(6, 2) not null check (hours > 0),
    served_on    date          not null,
    primary key (order_id, volunteer_id)
);
create index service_hours_by_volunteer on service_hours (volunteer_id, served_on);
create index service_hours_by_team on service_hours (team_code, served_on);

-- What the team did, in a line or two, for the service record.
alter table assignment add column summary varchar(2000);
