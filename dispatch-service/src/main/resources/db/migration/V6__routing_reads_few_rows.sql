-- Routing reads, for each team that could take an order, when it was last given one (ties go round fairly):
-- the newest of its cases, found at the end of this index rather than among all its cases.
create index dispatch_case_last_assigned on dispatch_case (team_code, assigned_at);
-- and the teams of a region (the order's village, town and county).
create index team_by_region on team (region_code);
