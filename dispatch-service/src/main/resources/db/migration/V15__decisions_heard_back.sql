-- The time of dispatch's last decision on the case (approved, rejected, offered, escalated, unserved): a decision heard
-- back from dispatch's own topics after a restore is applied when it is later than this, and is history when not
-- (HeardDecisions). A case decided before stands as it was last changed.
alter table dispatch_case add column decided_at timestamptz;
update dispatch_case set decided_at = updated_at;
