-- The team's own answers (accepted, declined, completed) heard back from its topics before the offer they answer:
-- after a restore, the answer and its offer are read again from different topics, in no set order. Each waits here
-- until its offer is recorded, and is applied then (HeardAnswers).
create table heard_answer (
    event_id    uuid primary key,
    order_id    uuid        not null,
    offered_at  timestamptz not null,
    answered_at timestamptz not null,
    event_type  varchar(64) not null,
    payload     jsonb       not null
);
create index heard_answer_by_order on heard_answer (order_id);
