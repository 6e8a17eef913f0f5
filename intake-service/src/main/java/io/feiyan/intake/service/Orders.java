package io.feiyan.intake.service;

import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.platform.domain.NotFound;
import io.feiyan.platform.rest.Page;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** The orders as they stand: one, or those in a scope. */
@ApplicationScoped
@Transactional
public class Orders {

    public Order get(UUID orderId) {
        Order order = Order.findById(orderId);
        if (order == null) {
            throw new NotFound("order", orderId);
        }
        return order;
    }

    /** Orders in the scope, of a resident and/or in a status, newest first. */
    public Page<Order> list(ResidentAccess.Scope scope, UUID residentId, OrderStatus status, Page.Request page) {
        StringBuilder where = new StringBuilder("1 = 1");
        Parameters parameters = new Parameters();
        if (residentId != null) {
            where.append(" and residentId = :resident");
            parameters.and("resident", residentId);
        }
        scope.narrow(where, parameters, "residentId");
        if (status != null) {
            where.append(" and status = :status");
            parameters.and("status", status);
        }
        PanacheQuery<Order> query = Order.find(where.toString(), Sort.descending("placedAt").and("id"), parameters)
                .page(page.page(), page.size());
        return new Page<>(query.list(), page.page(), page.size(), query.count());
    }
}
