-- Menus have versions: a published version is never changed; a new one supersedes it. At most one draft
-- per county and month is being edited.
alter table menu add column version integer not null default 1;
alter table menu add column status varchar(16) not null default 'PUBLISHED' check (status in ('DRAFT', 'PUBLISHED'));
alter table menu alter column published_at drop not null;
alter table menu drop constraint menu_pkey;
alter table menu add primary key (county_code, month, version);
create unique index menu_one_draft on menu (county_code, month) where status = 'DRAFT';

-- Demand, from OrderPlaced: what was ordered, where and when, for drafting next month's menu.
create table demand (
    order_id     uuid        primary key,
    month        varchar(7)  not null,
    town_code    varchar(9)  not null,
    project_code varchar(64),
    category     varchar(64) not null
);
create index demand_by_month on demand (month, town_code);
