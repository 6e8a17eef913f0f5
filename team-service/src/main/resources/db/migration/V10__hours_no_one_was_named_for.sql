-- The hours of a completion that names no one (volunteerHours alone): still the team's hours, so that a team's month
-- always equals the sum of its completions' hours. Written once, when the order is completed, like service_hours.
create table unattributed_hours (
    order_id     uuid          primary key,
    team_code    varchar(64)   not null,
    project_code varchar(64),
    hours        numeric(6, 2) not null check (hours > 0),
    served_on    date          not null
);
create index unattributed_hours_by_team on unattributed_hours (team_code, served_on);
