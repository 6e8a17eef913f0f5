-- The county's service categories: the six of the report by default; a county adds its own.
create table category (
    code varchar(64)  primary key,
    name varchar(200) not null
);
insert into category (code, name) values
    ('EDUCATION', '教育 Education'),
    ('CULTURE', '文化 Culture'),
    ('MEDICAL', '医疗卫生 Medical care'),
    ('ELDERLY_CARE', '养老助老 Care for the elderly'),
    ('DAILY_LIFE', '生活服务 Daily life'),
    ('LEGAL_AID', '法律援助 Legal aid');
insert into category (code, name) select distinct category, category from project on conflict do nothing;

-- The tier that normally serves a project, and a team's leader.
alter table project add column served_at varchar(16) check (served_at in ('VILLAGE', 'TOWN', 'COUNTY'));
alter table team add column leader_id uuid;
