-- An assignment offered to several teams at once (抢单, OrderAssigned.offeredTo): each of them had an offer in the
-- response rate. Null when offered to one team (team_code). An offer another team took first is withdrawn (step
-- WITHDRAWN, OfferWithdrawn): neither answered nor missed, it leaves that team's count.
alter table metric_step add column offered_to text[];
