-- The team copy has the shape every service's copy shares (platform's TeamCopy).
alter table team add column capacity integer not null default 0;
