-- The teams that declined a case, among those it passed by: an unserved case may go back to a team that only let its
-- time to accept pass, never to one that said no.
alter table dispatch_case add column declined_by text[] not null default '{}';
