package io.feiyan.intake.service;

import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;

/**
 * Placing an order in plain SQL, the API's busiest call: what it needs to know in one query, and the order's row
 * written as it is, with no ORM session to load, snapshot and flush. The statements run on the transaction's
 * connection (the pool hands each transaction one), so they commit or roll back with the outbox row and the timeline.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class OrderRows {
    /** The statuses of an open order are constants: written into the statement once, not bound on every request. */
    private static final String FOR_PLACING = """
            select r.village_code, p.category, o.id, o.status
            from resident r
            left join project p on p.code = ? and p.active
            left join lateral (select id, status from orders
                where resident_id = r.id and project_code = p.code and status in (%s) limit 1) o on true
            where r.id = ?""".formatted(OrderStatus.OPEN.stream().map(status -> "'" + status + "'")
            .collect(Collectors.joining(", ")));

    private final DataSource dataSource;

    OrderRows(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * What placing an order for the resident needs to know: where they live, the category of the project asked for
     * ({@code null} when the catalogue has no such active project) and an open order of theirs for it (the first found;
     * {@code null} for none). {@code projectCode} null: a need in the resident's words, no project looked up.
     */
    public record ForPlacing(String villageCode, String projectCategory, UUID openOrderId, OrderStatus openOrderStatus) {
    }

    /** What placing an order needs to know (see {@link ForPlacing}); empty when there is no such resident. */
    public Optional<ForPlacing> forPlacing(UUID residentId, String projectCode) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(FOR_PLACING)) {
            select.setString(1, projectCode);
            select.setObject(2, residentId);
            try (ResultSet row = select.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                String status = row.getString(4);
                return Optional.of(new ForPlacing(row.getString(1), row.getString(2), row.getObject(3, UUID.class),
                        status == null ? null : OrderStatus.valueOf(status)));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read what placing an order needs", e);
        }
    }

    /** Writes a newly placed order's row. */
    public void insert(Order order) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("""
                        insert into orders (id, resident_id, project_code, category, description, village_code,
                            urgency, channel, volunteer_id, resident_consent, operator_id, preferred_from, preferred_to,
                            status, placed_at, idempotency_key, last_step_at, traceparent, solved_on_the_spot_by,
                            solved_on_the_spot_hours, join_activity)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")) {
            insert.setObject(1, order.id);
            insert.setObject(2, order.residentId);
            insert.setString(3, order.projectCode);
            insert.setString(4, order.category);
            insert.setString(5, order.description);
            insert.setString(6, order.villageCode);
            insert.setString(7, order.urgency.name());
            insert.setString(8, order.channel.name());
            insert.setString(9, order.volunteerId);
            insert.setBoolean(10, order.residentConsent);
            insert.setString(11, order.operatorId);
            insert.setTimestamp(12, timestamp(order.preferredFrom));
            insert.setTimestamp(13, timestamp(order.preferredTo));
            insert.setString(14, order.status.name());
            insert.setTimestamp(15, timestamp(order.placedAt));
            insert.setString(16, order.idempotencyKey);
            insert.setTimestamp(17, timestamp(order.lastStepAt));
            insert.setString(18, order.traceparent);
            insert.setObject(19, order.solvedOnTheSpotBy, Types.OTHER);
            insert.setBigDecimal(20, order.solvedOnTheSpotHours);
            insert.setObject(21, order.joinActivity, Types.OTHER);
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot write order " + order.id, e);
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }
}
