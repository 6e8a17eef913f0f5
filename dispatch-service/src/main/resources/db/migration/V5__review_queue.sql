-- Whose review queue a case waits in: the region code of the reviewing village station, town institute
-- or county centre (feiyan.dispatch.review.tier).
alter table dispatch_case add column review_queue varchar(12);
