-- An assignment that asks a team again, after it let the order's time to accept pass and no other team was left: not
-- a new offer in the response rate (OrderAssigned.askedAgain).
alter table metric_step add column asked_again boolean;
