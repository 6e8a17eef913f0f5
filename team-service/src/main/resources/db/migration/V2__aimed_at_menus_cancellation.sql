-- The household situations a project is built for (空巢老人, 留守儿童, ...).
alter table project add column aimed_at text[] not null default '{}';

-- The county centre's monthly menus (每月菜单): the projects it offers residents that month.
create table menu (
    county_code  varchar(6)  not null,
    month        varchar(7)  not null,
    items        jsonb       not null,
    published_at timestamptz not null,
    primary key (county_code, month)
);

-- An order withdrawn before the team accepted it.
alter table assignment drop constraint assignment_status_check;
alter table assignment add constraint assignment_status_check
    check (status in ('OFFERED', 'ACCEPTED', 'COMPLETED', 'CANCELLED'));

-- Orders withdrawn before their assignment reached this service, so it arrives already called off.
create table cancelled_order (
    order_id uuid primary key
);
