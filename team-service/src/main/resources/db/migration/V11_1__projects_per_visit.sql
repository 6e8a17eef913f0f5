-- How many residents one visit of a project can serve (1: each alone), and where the residents of one visit live.
alter table project add column per_visit integer not null default 1 check (per_visit between 1 and 1000);
alter table project add column gathers_at varchar(16) not null default 'VILLAGE' check (gathers_at in ('VILLAGE', 'TOWN'));
