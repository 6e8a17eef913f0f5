-- The case's team had let its time pass before and was asked again, no other team being left: if it lets it pass once
-- more, the tiers are not climbed again (nor the escalations said again).
alter table dispatch_case add column asked_again boolean not null default false;
