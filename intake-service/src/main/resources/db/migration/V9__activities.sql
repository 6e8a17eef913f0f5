-- Activities: one visit serving several residents. The planned activity an order asked to join when placed, and the
-- activity it is served in, with its team and time, as the latest assignment or acceptance said (activity_since).
alter table orders add column join_activity  uuid;
alter table orders add column activity_id    uuid;
alter table orders add column activity_team  varchar(64);
alter table orders add column scheduled_for  timestamptz;
alter table orders add column activity_since timestamptz;
create index orders_by_activity on orders (activity_id) where activity_id is not null;
