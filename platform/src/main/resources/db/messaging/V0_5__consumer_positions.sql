-- Where the service's consumer stands in each partition it reads: the offset of the next record to take, written in
-- the transaction that applies the records before it (messaging/ConsumerPositions). The consumer starts there, not at
-- the offset its group committed in Kafka: a database restored from a backup takes again every event since.
create table consumer_position (
    topic       varchar(249) not null,
    partition   int          not null,
    next_offset bigint       not null,
    primary key (topic, partition)
);
