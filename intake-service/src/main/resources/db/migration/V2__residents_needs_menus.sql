-- The resident registry: the only place personal data lives.
create table resident (
    id                uuid         primary key,
    name              varchar(100) not null,
    phone             varchar(20)  not null,
    id_number         varchar(18)  not null unique,
    village_code      varchar(12)  not null,
    household_tags    text[]       not null default '{}',
    guardian_name     varchar(100),
    guardian_phone    varchar(20),
    guardian_relation varchar(40),
    created_at        timestamptz  not null
);
create index resident_by_village on resident (village_code, name);

-- Orders: a project from the menu or a free-text need with a category; who placed it and how.
alter table orders alter column project_code drop not null;
alter table orders add column category varchar(64);
update orders o set category = coalesce((select p.category from project p where p.code = o.project_code), 'OTHER');
alter table orders alter column category set not null;
alter table orders add column description      varchar(4000);
alter table orders add column preferred_from   timestamptz;
alter table orders add column preferred_to     timestamptz;
alter table orders add column resident_consent boolean not null default false;
alter table orders add column operator_id      varchar(64);
alter table orders add column cancel_note      varchar(500);
create index orders_by_village on orders (village_code, placed_at desc);
create index orders_by_status on orders (status, placed_at desc);
create index orders_open_by_resident_project on orders (resident_id, project_code)
    where status in ('PLACED', 'ASSIGNED', 'ACCEPTED');

-- What the menu needs from team-service's events: whom projects are for, which teams offer them,
-- and each month's menu.
alter table project add column aimed_at text[] not null default '{}';
alter table team add column project_codes text[] not null default '{}';
create table menu_item (
    county_code  varchar(6)   not null,
    month        varchar(7)   not null,
    position     integer      not null,
    project_code varchar(64)  not null,
    note         varchar(500),
    primary key (county_code, month, project_code)
);
