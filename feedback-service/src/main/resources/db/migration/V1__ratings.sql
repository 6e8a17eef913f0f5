-- Orders a team has delivered, from OrderCompleted: only these can be rated.
create table completed_order (
    order_id        uuid          primary key,
    team_code       varchar(64)   not null,
    volunteer_hours numeric(7, 2) not null,
    completed_at    timestamptz   not null
);

-- One rating per delivered order (评单).
create table rating (
    order_id uuid          primary key references completed_order (order_id),
    score    smallint      not null check (score between 1 and 5),
    comment  varchar(1000),
    rated_at timestamptz   not null
);
