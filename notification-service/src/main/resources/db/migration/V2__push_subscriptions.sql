-- A browser's Web Push subscription (PushSubscription.toJSON() of the app's service worker), bound to the person signed
-- in when it was made: the push service's endpoint to POST to, and the keys the message is encrypted for (RFC 8291).
-- feiyan_id is a person's Feiyan id (the token's upn); no foreign key to person: a subscription may come before the row.
create table push_subscription (
    endpoint   varchar(2048) primary key,
    feiyan_id  varchar(64)   not null,
    -- the browser's P-256 public key (65 bytes, uncompressed) and its 16-byte auth secret, base64url
    p256dh     varchar(100)  not null,
    auth       varchar(40)   not null,
    created_at timestamptz   not null
);
create index push_subscription_person on push_subscription (feiyan_id);
