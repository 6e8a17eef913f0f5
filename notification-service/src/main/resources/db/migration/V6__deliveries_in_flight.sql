-- The sends in flight, by when they started: the sender finds the earliest (when its lease runs out) without
-- reading every delivery that waits, reminders due days ahead among them.
create index delivery_sending on delivery (sending_since) where status = 'SENDING';
