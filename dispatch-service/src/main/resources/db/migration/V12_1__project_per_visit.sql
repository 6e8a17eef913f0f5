-- The project copy keeps how many residents one visit can serve and where they live (platform's ProjectCopy).
alter table project add column per_visit integer not null default 1;
alter table project add column gathers_at varchar(16) not null default 'VILLAGE';
