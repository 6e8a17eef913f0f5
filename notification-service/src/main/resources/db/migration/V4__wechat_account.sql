-- The county's monthly menus (from catalogue.menus, team-service's MenuPublished): what a follower of the WeChat
-- account who sends 菜单 is told.
create table menu_item (
    county_code  varchar(12)  not null,
    month        varchar(7)   not null,
    project_code varchar(64)  not null,
    position     integer      not null,
    note         varchar(500),
    version      integer      not null,
    primary key (county_code, month, project_code)
);

-- A follower of the county's WeChat account bound to a resident with a code from their 飞燕 volunteer: one account
-- a resident, one resident an account.
create table wechat_follower (
    openid          varchar(64)  primary key,
    resident_id     uuid         not null unique,
    village_code    varchar(12)  not null,
    bound_at        timestamptz  not null,
    -- WeChat lets the account write to a follower freely (a customer-service message) for 48 hours after the
    -- follower's last message; past that only a template message
    last_message_at timestamptz  not null
);

-- One-time binding codes a 飞燕 volunteer makes for a resident of their village. Only a keyed hash of the code is kept.
create table wechat_binding_code (
    code_hash    varchar(64)  primary key,
    resident_id  uuid         not null,
    village_code varchar(12)  not null,
    made_by      varchar(64)  not null,
    made_at      timestamptz  not null,
    expires_at   timestamptz  not null,
    used_at      timestamptz,
    used_by      varchar(64)
);
create index wechat_binding_code_resident on wechat_binding_code (resident_id) where used_at is null;

-- Wrong binding codes sent, by follower, to allow only a few an hour.
create table wechat_wrong_code (
    openid   varchar(64)  not null,
    tried_at timestamptz  not null
);
create index wechat_wrong_code_openid on wechat_wrong_code (openid, tried_at);

-- The messages the account answered, by WeChat's MsgId (or sender and time for an event), with the answer: WeChat
-- sends a message again when it had no answer within 5 seconds, and a repeat gets the same answer and no second
-- effect. Swept after a day.
create table wechat_message (
    msg_key     varchar(100)  primary key,
    openid      varchar(64)   not null,
    received_at timestamptz   not null,
    reply       text
);
create index wechat_message_received on wechat_message (received_at);

-- What bound residents wrote to the account, for their village's 飞燕 volunteer to confirm with them by phone. It
-- becomes an order only when the volunteer places one (channel WECHAT).
create table wechat_need (
    id           uuid          primary key,
    resident_id  uuid          not null,
    village_code varchar(12)   not null,
    text         varchar(2000) not null,
    received_at  timestamptz   not null,
    -- FILED → PLACED (the volunteer placed an order for it) or DISMISSED
    status       varchar(10)   not null,
    order_id     uuid,
    decided_by   varchar(64),
    decided_at   timestamptz
);
create index wechat_need_village on wechat_need (village_code, received_at desc) where status = 'FILED';
