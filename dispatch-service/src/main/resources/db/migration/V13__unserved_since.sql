-- When the case last came to wait unserved: the operators' queue says how long it has waited for a person. Cases
-- unserved before this column was kept are taken to have waited since their last change.
alter table dispatch_case add column unserved_since timestamptz;
update dispatch_case set unserved_since = updated_at where unserved;
