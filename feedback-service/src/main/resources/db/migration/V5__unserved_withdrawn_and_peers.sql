-- More facts of dispatch's quality: an order that waited unserved (step UNSERVED), withdrawn before it was served
-- (CANCELLED by the resident, REJECTED at review), and an assignment's peers: the teams of its tier that could have
-- taken the order, among which its work is fairly shared.
alter table metric_step add column peers text[];
