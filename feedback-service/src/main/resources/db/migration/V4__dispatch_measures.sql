-- The facts of dispatch's quality (GET /api/metrics/dispatch): an assignment's tier, the lowest tier that could have
-- served the order then, and its deadline; an escalation's reason (its step ESCALATED, tier = the tier reached).
alter table metric_step add column tier varchar(16);
alter table metric_step add column lowest_tier varchar(16);
alter table metric_step add column deadline timestamptz;
alter table metric_step add column reason varchar(32);
