package io.feiyan.team.service;

import io.feiyan.events.OrderCompleted;
import io.feiyan.team.domain.Assignment;
import io.feiyan.team.domain.ServiceHours;
import io.feiyan.team.domain.UnattributedHours;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.LocalDate;
import java.time.ZoneId;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The hours ledger, written from the completion that names its lines ({@link OrderCompleted#hoursLedger}): a
 * volunteer's hours on an order, or the team's when it named no one. The same lines whether the team has just
 * completed the order or its completion is heard back after a restore.
 */
@ApplicationScoped
@Transactional(Transactional.TxType.MANDATORY)
public class HoursLedger {
    private final ZoneId zone;

    HoursLedger(@ConfigProperty(name = "feiyan.time-zone") ZoneId zone) {
        this.zone = zone;
    }

    /** The completion's lines, on the day it was completed in the county's time. */
    public void write(Assignment order, OrderCompleted completed) {
        LocalDate servedOn = LocalDate.ofInstant(completed.completedAt(), zone);
        for (OrderCompleted.HoursLine line : completed.hoursLedger()) {
            if (line.volunteerId() == null) {
                UnattributedHours hours = new UnattributedHours();
                hours.orderId = order.orderId;
                hours.activityId = order.activityId;
                hours.teamCode = order.teamCode;
                hours.projectCode = order.projectCode;
                hours.hours = line.hours();
                hours.servedOn = servedOn;
                hours.persist();
            } else {
                ServiceHours hours = new ServiceHours();
                hours.orderId = order.orderId;
                hours.activityId = order.activityId;
                hours.volunteerId = line.volunteerId();
                hours.teamCode = order.teamCode;
                hours.projectCode = order.projectCode;
                hours.hours = line.hours();
                hours.servedOn = servedOn;
                hours.persist();
            }
        }
    }
}
