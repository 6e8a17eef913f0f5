-- The project copy has the shape every service's copy shares (platform's ProjectCopy).
alter table project add column name varchar(200) not null default '';
alter table project add column aimed_at text[] not null default '{}';
