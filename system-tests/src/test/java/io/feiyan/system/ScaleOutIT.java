package io.feiyan.system;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.feiyan.events.CloudEvents;
import io.feiyan.events.EventType;
import io.feiyan.launcher.FeiyanService;
import io.feiyan.launcher.FeiyanSystem;
import io.feiyan.launcher.ServiceInstance;
import io.feiyan.servers.Identity;
import io.feiyan.testkit.EventProbe;
import io.feiyan.testkit.TestIdNumbers;
import io.restassured.http.ContentType;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.admin.MemberDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Two instances of dispatch-service and two of team-service against the same topics and databases: they
 * share the orders by partition, no order is handled twice, and when one of each dies (SIGKILL, in the middle
 * of a stream of orders) the others take over its partitions and finish the work. A dashboard open on one
 * dispatch instance hears of the cases the other changes. Two leads accepting an order offered to both their teams at
 * once (抢单), through the two team instances at the same moment: exactly one takes it.
 */
@ExtendWith(RunningFeiyan.class)
class ScaleOutIT {
    private static final Duration WAIT = DemoCounty.WAIT;
    /** A village of a town no other test uses, with a 飞燕 team big enough for every order of the test. */
    private static final String VILLAGE = "371322301201";
    private static final String TEAM = "scale-out-feiyan";
    private static final int ORDERS = 80;
    /** Each instance reads its order topics (orders.placed in dispatch, orders.assigned in team) with one consumer. */
    private static final int CONSUMERS = 1;

    @Test
    void twoInstancesShareTheOrders_andWhenOneDiesTheOtherFinishesItsWork() throws Exception {
        FeiyanSystem system = RunningFeiyan.system();
        DemoCounty.awaitLoaded();
        givenAVillageTeamWithRoomForEveryOrder();
        OfferRace race = new OfferRace("303", "race-scale-out").withTwoTeams();
        List<String> residents = new ArrayList<>();
        for (int i = 0; i < ORDERS; i++) {
            residents.add(registerResident(i));
        }

        List<ServiceInstance> second = system.startMore(List.of(FeiyanService.DISPATCH, FeiyanService.TEAM));
        ServiceInstance dispatch2 = second.get(0);
        ServiceInstance team2 = second.get(1);
        try (Admin admin = Admin.create(adminConfig());
                EventProbe probe = new EventProbe(system.kafkaBootstrapServers())) {
            // both instances of each service hold some of the order topics' partitions
            await().atMost(WAIT).until(() -> owners(admin, "dispatch-service", EventType.ORDER_PLACED.topic()).size()
                    == 2 * CONSUMERS && owners(admin, "team-service", EventType.ORDER_ASSIGNED.topic()).size()
                    == 2 * CONSUMERS);
            Map<String, Set<Integer>> dispatchShare = partitionsByMember(admin, "dispatch-service",
                    EventType.ORDER_PLACED.topic());
            Map<String, Set<Integer>> teamShare = partitionsByMember(admin, "team-service",
                    EventType.ORDER_ASSIGNED.topic());

            // the county centre watches the dashboard of the first dispatch instance
            List<String> heard = Collections.synchronizedList(new ArrayList<>());
            HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            http.sendAsync(HttpRequest.newBuilder(URI.create(RunningFeiyan.url(FeiyanService.DISPATCH)
                            + "/api/dashboard/stream")).header("Authorization", "Bearer "
                            + DemoCounty.token(DemoCounty.COUNTY_OPERATOR)).build(), HttpResponse.BodyHandlers.ofLines())
                    .thenAccept(response -> response.body().filter(line -> line.startsWith("data:")).forEach(heard::add));

            // while both instances run, orders are placed and reach the team
            List<String> before = place(residents.subList(0, ORDERS / 4), new ArrayList<>());
            for (String order : before) {
                await().atMost(WAIT).until(() -> "OFFERED".equals(DemoCounty.queryOne(FeiyanService.TEAM,
                        "select status from assignment where order_id = ?", order)));
            }
            // and the dashboard of the first instance hears of every one, whichever instance routed it
            await().atMost(Duration.ofSeconds(10)).until(() -> before.stream()
                    .allMatch(order -> heard.stream().anyMatch(line -> line.contains(order))));

            // an urgent order offered to two teams at once, whose leads accept it at the same moment, each through a
            // team instance of its own: exactly one takes it, and the other's inbox shows it withdrawn
            OfferRace.Outcome raced = race.race(RunningFeiyan.url(FeiyanService.TEAM), team2.url());

            // more stream in; once ten of them are in, one instance of each service dies without a word
            List<String> streaming = Collections.synchronizedList(new ArrayList<>());
            CompletableFuture<List<String>> placing = CompletableFuture.supplyAsync(
                    () -> place(residents.subList(ORDERS / 4, ORDERS), streaming));
            await().atMost(WAIT).until(() -> streaming.size() >= ORDERS / 8);
            dispatch2.kill();
            team2.kill();
            long killedAt = System.currentTimeMillis();

            // the survivors take over the dead instances' partitions and every order reaches the team once
            await().atMost(WAIT).until(() -> owners(admin, "dispatch-service", EventType.ORDER_PLACED.topic()).size()
                    == CONSUMERS && owners(admin, "team-service", EventType.ORDER_ASSIGNED.topic()).size() == CONSUMERS);
            long takeover = System.currentTimeMillis() - killedAt;
            Set<String> survivors = owners(admin, "dispatch-service", EventType.ORDER_PLACED.topic());
            Set<Integer> orphaned = dispatchShare.entrySet().stream().filter(entry -> !survivors.contains(entry.getKey()))
                    .flatMap(entry -> entry.getValue().stream()).collect(Collectors.toSet());
            List<String> orders = new ArrayList<>(before);
            orders.addAll(placing.join());
            for (String order : orders) {
                await().atMost(WAIT).until(() -> "OFFERED".equals(DemoCounty.queryOne(FeiyanService.TEAM,
                        "select status from assignment where order_id = ?", order)));
            }
            // the team accepts each order, through either surviving instance
            for (String order : orders) {
                DemoCounty.as(Identity.teamLead("L-" + TEAM, TEAM))
                        .post(RunningFeiyan.url(FeiyanService.TEAM) + "/api/assignments/" + order + "/accept")
                        .then().statusCode(200);
            }
            for (String order : orders) {
                await().atMost(WAIT).until(() -> "ACCEPTED".equals(DemoCounty.queryOne(FeiyanService.DISPATCH,
                        "select status from dispatch_case where order_id = ?", order)));
            }

            Set<String> ours = new HashSet<>(orders);
            // the orders placed while both ran on the partitions of the one that died: that one routed them
            List<String> routedBySecond = probe.published(EventType.ORDER_PLACED.topic()).stream()
                    .filter(record -> before.contains(record.key()) && orphaned.contains(record.partition()))
                    .map(ConsumerRecord::key).toList();
            // orders placed after the kill on the dead dispatch instance's partitions: the survivor served them
            long takenOver = probe.published(EventType.ORDER_PLACED.topic()).stream()
                    .filter(record -> ours.contains(record.key()) && record.timestamp() > killedAt
                            && orphaned.contains(record.partition()))
                    .count();
            // an instance killed between publishing an event and marking it sent has it published again by the
            // other's relay, under the same id, and consumers take it once: a decision is an event id, not a record
            List<ConsumerRecord<String, String>> assignedRecords = probe.published(EventType.ORDER_ASSIGNED.topic());
            Map<String, Long> assigned = eventsByOrder(assignedRecords, ours);
            Map<String, Long> accepted = eventsByOrder(probe.published(EventType.ORDER_ACCEPTED.topic()), ours);
            long republished = assignedRecords.stream().filter(record -> ours.contains(record.key())).count()
                    - assigned.values().stream().mapToLong(Long::longValue).sum();
            long deadLetters = probe.published("deadletter.dispatch-service").stream()
                    .filter(record -> ours.contains(record.key())).count()
                    + probe.published("deadletter.team-service").stream()
                    .filter(record -> ours.contains(record.key())).count();
            long assignmentRows = orders.stream().mapToLong(order -> count(FeiyanService.TEAM,
                    "select count(*) from assignment where order_id = ?", order)).sum();
            long decisions = orders.stream().mapToLong(order -> count(FeiyanService.DISPATCH,
                    "select count(*) from case_decision where order_id = ? and kind = 'ASSIGNED'", order)).sum();

            System.out.printf("Scale-out: dispatch partitions of %s by consumer (one an instance) %s, team "
                    + "partitions of %s %s; "
                    + "the first instance's dashboard heard the %d orders the second routed; the survivors held all "
                    + "partitions %d ms after the kill and served %d orders placed on the dead one's partitions after "
                    + "it died; %d orders, %d assigned (%d records published again), %d accepted, %d assignment rows, "
                    + "%d dead letters%n",
                    EventType.ORDER_PLACED.topic(), dispatchShare.values(), EventType.ORDER_ASSIGNED.topic(),
                    teamShare.values(), routedBySecond.size(), takeover, takenOver, orders.size(),
                    assigned.values().stream().mapToLong(Long::longValue).sum(), republished,
                    accepted.values().stream().mapToLong(Long::longValue).sum(), assignmentRows, deadLetters);
            System.out.printf("Scale-out: of two leads accepting order %s at once through two team instances, %s took it"
                    + " and %s was refused, its offer withdrawn%n", raced.order(), raced.winner(), raced.loser());
            assertEquals(2 * CONSUMERS, dispatchShare.size(), "two dispatch instances shared orders.placed: "
                    + dispatchShare);
            assertEquals(2 * CONSUMERS, teamShare.size(), "two team instances shared orders.assigned: " + teamShare);
            assertEquals(ORDERS, orders.size());
            assertTrue(takenOver > 0, "some orders went to the dead instance's partitions after it died");
            assertFalse(routedBySecond.isEmpty(), "the second dispatch instance routed some orders while it lived");
            assertTrue(assigned.values().stream().allMatch(n -> n == 1) && assigned.size() == ORDERS,
                    "each order assigned once: " + notOnce(assigned));
            assertTrue(accepted.values().stream().allMatch(n -> n == 1) && accepted.size() == ORDERS,
                    "each order accepted once: " + notOnce(accepted));
            assertEquals(ORDERS, assignmentRows, "one assignment a order in team-service");
            assertEquals(ORDERS, decisions, "one assignment decision a order in dispatch-service");
            assertEquals(0, deadLetters);
            assertFalse(dispatch2.isAlive() || team2.isAlive());
        } finally {
            dispatch2.kill();
            team2.kill();
        }
    }

    private static void givenAVillageTeamWithRoomForEveryOrder() {
        DemoCounty.as(Identity.admin("ADM-scale")).contentType(ContentType.JSON)
                .body(Map.of("name", "Scale-out 飞燕", "tier", "VILLAGE", "regionCode", VILLAGE,
                        "projectCodes", List.of("elderly-visit"), "capacity", ORDERS * 2, "active", true))
                .put(RunningFeiyan.url(FeiyanService.TEAM) + "/api/teams/" + TEAM).then().statusCode(200);
        await().atMost(WAIT).until(() -> "1".equals(DemoCounty.queryOne(FeiyanService.DISPATCH,
                "select count(*) from team where code = ?", TEAM)));
    }

    /** A resident a order: a resident with three open orders would have the next reviewed. */
    private static String registerResident(int n) {
        return DemoCounty.as(volunteer()).contentType(ContentType.JSON)
                .body(Map.of("name", "扩展居民" + n, "phone", String.format("1380531%04d", n),
                        "idNumber", TestIdNumbers.next(), "villageCode", VILLAGE))
                .post(RunningFeiyan.url(FeiyanService.INTAKE) + "/api/residents")
                .then().statusCode(201).extract().path("residentId");
    }

    /** Orders for the residents, a little apart, each added to {@code orders} as intake takes it. */
    private static List<String> place(List<String> residents, List<String> orders) {
        for (String resident : residents) {
            orders.add(DemoCounty.placeOrder(volunteer(), Map.of("residentId", resident,
                    "projectCode", "elderly-visit", "urgency", "ROUTINE", "residentConsent", true)));
            try {
                Thread.sleep(25);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return orders;
    }

    private static Identity volunteer() {
        return Identity.volunteer("V-scale-1", VILLAGE);
    }

    /** The members of the group that hold partitions of the topic. */
    private static Set<String> owners(Admin admin, String group, String topic) throws Exception {
        return partitionsByMember(admin, group, topic).keySet();
    }

    private static Map<String, Set<Integer>> partitionsByMember(Admin admin, String group, String topic)
            throws Exception {
        ConsumerGroupDescription description = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
        Map<String, Set<Integer>> byMember = new TreeMap<>();
        Collection<MemberDescription> members = description.members();
        for (MemberDescription member : members) {
            Set<Integer> partitions = member.assignment().topicPartitions().stream()
                    .filter(partition -> partition.topic().equals(topic))
                    .map(partition -> partition.partition())
                    .collect(Collectors.toCollection(java.util.TreeSet::new));
            if (!partitions.isEmpty()) {
                byMember.put(member.host() + "/" + member.consumerId(), partitions);
            }
        }
        return byMember;
    }

    private static List<Map.Entry<String, Long>> notOnce(Map<String, Long> counts) {
        return counts.entrySet().stream().filter(entry -> entry.getValue() != 1).toList();
    }

    /** How many different events (by their CloudEvents id) the records hold for each of the orders. */
    private static Map<String, Long> eventsByOrder(List<ConsumerRecord<String, String>> records, Set<String> orders) {
        return records.stream().filter(record -> orders.contains(record.key()))
                .collect(Collectors.groupingBy(ConsumerRecord::key, TreeMap::new, Collectors.mapping(
                        record -> EventProbe.header(record, CloudEvents.ID), Collectors.toSet())))
                .entrySet().stream().collect(Collectors.toMap(Map.Entry::getKey, entry -> (long) entry.getValue().size(),
                        (a, b) -> a, TreeMap::new));
    }

    private static long count(FeiyanService service, String sql, String order) {
        try {
            return Long.parseLong(DemoCounty.queryOne(service, sql, order));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Properties adminConfig() {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, RunningFeiyan.system().kafkaBootstrapServers());
        return config;
    }
}
