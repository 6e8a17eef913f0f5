-- An urgent case may be offered to several teams of its tier at once (抢单): those still holding the offer, each with
-- a place taken for it, until the first accepts. Empty when it is offered to one team (team_code), or taken.
alter table dispatch_case add column offered_to text[] not null default '{}';
