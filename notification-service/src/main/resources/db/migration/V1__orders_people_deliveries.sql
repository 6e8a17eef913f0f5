-- What notification knows of an order: who to tell about it (from OrderPlaced) and what the telling says.
create table tracked_order (
    order_id      uuid         primary key,
    resident_id   uuid         not null,
    village_code  varchar(12)  not null,
    -- the 飞燕 volunteer's Feiyan id, for an order a volunteer placed on a resident's behalf
    placed_by     varchar(64),
    project_code  varchar(64),
    urgency       varchar(16)  not null,
    -- the team that accepted it, when it comes, and the activity it is served in
    team_code     varchar(64),
    scheduled_for timestamptz,
    -- when the team must have delivered it (from OrderAssigned)
    deadline      timestamptz,
    activity_id   uuid,
    placed_at     timestamptz  not null
);

-- Someone who signed in to the app and said how to be told; the token they signed in with says who they are.
create table person (
    feiyan_id   varchar(64)  primary key,
    roles       text[]       not null,
    team_code   varchar(64),
    region_code varchar(12),
    resident_id uuid,
    -- the channels they chose (PUSH, SMS, WECHAT) and the quiet hours (local time) when only critical news comes
    channels    text[]       not null,
    quiet_from  time,
    quiet_to    time,
    -- a team member on duty is told of the team's offers as its leads are
    on_duty     boolean      not null default false,
    updated_at  timestamptz  not null
);
create index person_team on person (team_code) where team_code is not null;
create index person_region on person (region_code) where region_code is not null;
create index person_resident on person (resident_id) where resident_id is not null;

-- The delivery log: one row per notification, recipient and channel, written in the transaction of the event that
-- causes it (an outbox), then sent when due. recipient is person:<feiyanId> or resident:<residentId>.
create table delivery (
    id            uuid          primary key,
    event_id      uuid          not null,
    -- when the event that caused it happened: how late a notification came is sent_at - event_at
    event_at      timestamptz   not null,
    kind          varchar(32)   not null,
    recipient     varchar(100)  not null,
    channel       varchar(8)    not null,
    order_id      uuid,
    critical      boolean       not null,
    -- what the text says: the team, the project, when, how long is left
    params        jsonb         not null,
    due_at        timestamptz   not null,
    -- WAITING → SENDING → SENT; or CANCELLED (no longer news), FAILED (gave up), UNREACHABLE (no live address)
    -- past this it is no longer news (an offer past its time to accept): cancelled, not sent
    stale_after   timestamptz,
    status        varchar(12)   not null,
    attempts      integer       not null default 0,
    sending_since timestamptz,
    sent_at       timestamptz,
    -- a send that was started and not recorded before a crash, sent again: perhaps a repeat
    repeated      boolean       not null default false,
    last_error    varchar(500),
    created_at    timestamptz   not null,
    unique (event_id, kind, recipient, channel)
);
create index delivery_due on delivery (due_at) where status in ('WAITING', 'SENDING');
create index delivery_order on delivery (order_id);

-- Addresses found dead (an expired push subscription, a number that cannot take SMS), for the people who can mend
-- them to see.
create table dead_address (
    id        bigserial     primary key,
    channel   varchar(8)    not null,
    recipient varchar(100)  not null,
    reason    varchar(500)  not null,
    found_at  timestamptz   not null
);

-- Team and project names, for the texts (from teams.directory and catalogue.projects).
create table team_name (
    code varchar(64)  primary key,
    name varchar(200) not null
);
create table project_name (
    code varchar(64)  primary key,
    name varchar(200) not null
);
