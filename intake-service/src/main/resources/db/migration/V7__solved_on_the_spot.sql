-- A need a 飞燕 volunteer met there and then: who (their registry id) and in how many hours
alter table orders add column solved_on_the_spot_by uuid;
alter table orders add column solved_on_the_spot_hours numeric(5, 2);
