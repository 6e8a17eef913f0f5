-- An urgent order may be offered to several teams at once (抢单): every team it is offered to (team_code the first,
-- until one accepts and becomes its team), and those of them that declined. Empty when offered to one team. Each
-- team's inbox looks for its offers, and for those another team took, by the array: hence the GIN index.
alter table assignment add column offered_to text[] not null default '{}';
alter table assignment add column declined_by text[] not null default '{}';
create index assignment_offered_to on assignment using gin (offered_to);
