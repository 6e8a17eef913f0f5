#!/usr/bin/env bash
# Creates Feiyan's Kafka topics on the Compose broker: one per event (EventType.topic() in
# events/src/main/java/io/feiyan/events/EventType.java) with the retention its topicConfig() names, and each
# service's dead-letter topic (deadletter.<service>). Run once per start by the kafka-topics service; a topic
# that exists already keeps its partitions and takes the configuration below. DeploymentManifestsTest checks
# this list against the code.
set -euo pipefail

bootstrap="${BOOTSTRAP:?the broker, host:port}"
partitions="${PARTITIONS:-6}"
bin="${KAFKA_BIN:-/opt/kafka/bin}"
existing="$("$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --list)"

# topic NAME [CONFIG=VALUE ...]
topic() {
  local name="$1"
  shift
  if grep -qx "$name" <<<"$existing"; then
    if [ $# -gt 0 ]; then
      "$bin/kafka-configs.sh" --bootstrap-server "$bootstrap" --alter --entity-type topics --entity-name "$name" \
        --add-config "$(IFS=,; echo "$*")" >/dev/null
    fi
    echo "topic $name: exists"
  else
    local configs=()
    for config in "$@"; do
      configs+=(--config "$config")
    done
    "$bin/kafka-topics.sh" --bootstrap-server "$bootstrap" --create --if-not-exists --topic "$name" \
      --partitions "$partitions" --replication-factor 1 "${configs[@]}" >/dev/null
    echo "topic $name: created, $partitions partitions $*"
  fi
}

# Order events: kept for ever, the record the metrics are counted (and rebuilt) from.
topic orders.placed retention.ms=-1
topic orders.approved retention.ms=-1
topic orders.assigned retention.ms=-1
topic orders.accepted retention.ms=-1
topic orders.declined retention.ms=-1
topic orders.escalated retention.ms=-1
topic orders.rejected retention.ms=-1
topic orders.completed retention.ms=-1
topic orders.rated retention.ms=-1
topic orders.cancelled retention.ms=-1
topic orders.reopened retention.ms=-1
topic orders.unserved retention.ms=-1
topic orders.call-requested retention.ms=-1
topic orders.withdrawn retention.ms=-1
topic orders.follow-up-due retention.ms=-1
# Reference data: compacted to the latest event per key.
topic teams.directory cleanup.policy=compact
topic catalogue.projects cleanup.policy=compact
topic catalogue.menus cleanup.policy=compact
# Messages a service could not process, with the reason in their headers: 30 days to look at them.
topic deadletter.intake-service retention.ms=2592000000
topic deadletter.dispatch-service retention.ms=2592000000
topic deadletter.team-service retention.ms=2592000000
topic deadletter.feedback-service retention.ms=2592000000
topic deadletter.notification-service retention.ms=2592000000

echo "All Feiyan topics are there."
