-- Who the team sends, and when it plans to come.
alter table assignment add column crew uuid[] not null default '{}';
alter table assignment add column scheduled_for timestamptz;
alter table assignment add column decline_code varchar(32);
