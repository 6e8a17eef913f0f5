-- The activity (one visit serving several residents) an order is served in; null when it is served alone.
alter table assignment add column activity_id uuid;
create index assignment_by_activity on assignment (activity_id) where activity_id is not null;

-- An activity's hours are one line per volunteer (or one unattributed line), written once for the whole visit on its
-- first order: activity_id says the line counts for every order of the activity.
alter table service_hours add column activity_id uuid;
alter table unattributed_hours add column activity_id uuid;

-- Where each placed order's resident lives, for the place an activity gathers at.
alter table demand add column village_code varchar(12);
