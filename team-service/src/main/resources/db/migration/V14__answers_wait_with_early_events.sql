-- Answers heard before their offer wait with every service's early events now (platform early_event, V0_6), for the
-- offer at waits_for: the ones waiting move there.
insert into early_event (event_id, order_id, ce_type, payload, received_at, waits_for)
select event_id, order_id,
       case event_type when 'ORDER_ACCEPTED' then 'feiyan.order.accepted.v1'
                       when 'ORDER_DECLINED' then 'feiyan.order.declined.v1'
                       else 'feiyan.order.completed.v1' end,
       payload::text, answered_at, offered_at
from heard_answer
on conflict (event_id) do nothing;
drop table heard_answer;
