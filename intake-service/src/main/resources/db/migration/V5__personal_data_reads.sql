-- The audit log of personal data (#7): every time full contact details or ID numbers were shown, to whom,
-- whose, and on what grounds. Rows are only ever added.
create table personal_data_read (
    id          bigserial primary key,
    read_at     timestamptz not null,
    reader      text not null,
    reader_roles text not null,
    resident_id uuid not null,
    order_id    uuid,
    why         text not null
);
create index personal_data_read_resident on personal_data_read (resident_id, read_at);
