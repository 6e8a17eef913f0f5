package io.feiyan.intake.service;

import io.feiyan.events.Channel;
import io.feiyan.events.OrderAccepted;
import io.feiyan.events.OrderAssigned;
import io.feiyan.events.OrderEvent;
import io.feiyan.events.RegionCode;
import io.feiyan.intake.domain.Order;
import io.feiyan.intake.domain.OrderStatus;
import io.feiyan.intake.domain.PersonalDataRead;
import io.feiyan.intake.domain.Resident;
import io.feiyan.platform.domain.NotAllowed;
import io.feiyan.platform.rest.Validation;
import io.feiyan.platform.security.Caller;
import io.feiyan.platform.security.Roles;
import io.quarkus.panache.common.Parameters;
import jakarta.enterprise.context.RequestScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may see and do what with a resident and their orders — every rule of it, in one place. A resident acts
 * for themselves; a village volunteer (飞燕) and an operator for the residents of the villages their region
 * holds; a team reads an order while it is with the team. Full phone and ID numbers go only to the resident
 * and their village volunteers, and contact details to the team that accepted the order: each such showing
 * is written to the audit log ({@link PersonalDataRead}) in the same transaction as the read. A refusal is a
 * 403 before anything changes.
 */
@RequestScoped
public class ResidentAccess {
    private final Caller caller;
    private final OrderHistory history;

    ResidentAccess(Caller caller, OrderHistory history) {
        this.caller = caller;
        this.history = history;
    }

    /** Where a listing looks: one resident's own records, or the villages under a region code. */
    public record Scope(UUID resident, String region) {
        /** Narrows a query to the scope: the resident (in the field named) and the villages under the region. */
        public void narrow(StringBuilder where, Parameters parameters, String residentField) {
            if (resident != null) {
                where.append(" and ").append(residentField).append(" = :scopeResident");
                parameters.and("scopeResident", resident);
            }
            if (region != null) {
                where.append(" and villageCode like :scopeRegion");
                parameters.and("scopeRegion", region + "%");
            }
        }
    }

    /**
     * The caller's listing scope: a resident sees their own; volunteers and operators their region, or the part
     * of it they ask for ({@code asked}, a village or town code it must hold).
     */
    public Scope scope(String asked) {
        if (caller.is(Roles.RESIDENT)) {
            return new Scope(ownResident(), null);
        }
        String region = caller.region().orElseThrow(() -> new NotAllowed("your token names no region"));
        // a region is a code of digits, so it cannot widen the prefix queries it goes into
        caller.require(RegionCode.isValid(region), "your token's region is not a county, town or village code");
        if (asked == null) {
            return new Scope(null, region);
        }
        caller.require(caller.covers(asked), asked + " is not in your region " + region);
        return new Scope(null, asked);
    }

    /** The resident may be acted for (registered, ordered for, followed) by the caller. */
    public void actFor(Resident resident) {
        actFor(resident.id, resident.villageCode);
    }

    public void actFor(UUID resident, String village) {
        boolean ownRecord = caller.is(Roles.RESIDENT) && caller.resident().map(resident::equals).orElse(false);
        caller.require(ownRecord || actsIn(village), "resident " + resident + " of village " + village
                + " is not someone you act for");
    }

    /** A village in the caller's region (a volunteer or an operator registering a resident there). */
    public void actIn(String village) {
        caller.require(actsIn(village), "village " + village + " is not in your region "
                + caller.region().orElse("(none)"));
    }

    public boolean actsIn(String village) {
        return (caller.is(Roles.VOLUNTEER) || caller.is(Roles.OPERATOR)) && caller.covers(village);
    }

    /**
     * How the caller places an order: a resident in the app (or WeChat), a volunteer by proxy (or placing what a
     * resident wrote to the WeChat account), an operator taking a call. Without {@code asked}, the first of those the
     * caller's roles allow.
     */
    public Channel placingChannel(Channel asked) {
        if (asked == null) {
            return caller.is(Roles.RESIDENT) ? Channel.APP : caller.is(Roles.VOLUNTEER) ? Channel.PROXY : Channel.PHONE;
        }
        boolean allowed = switch (asked) {
            case APP -> caller.is(Roles.RESIDENT);
            case WECHAT -> caller.is(Roles.RESIDENT) || caller.is(Roles.VOLUNTEER);
            case PROXY -> caller.is(Roles.VOLUNTEER);
            case PHONE -> caller.is(Roles.OPERATOR);
        };
        new Validation().require(allowed, "channel", "is " + switch (asked) {
            case APP -> "APP for a resident";
            case WECHAT -> "WECHAT for a resident, or for a village volunteer placing what a resident wrote to the "
                    + "WeChat account";
            case PROXY -> "PROXY for a village volunteer";
            case PHONE -> "PHONE for an operator";
        } + "; yours allow " + caller.roles()).orThrow();
        return asked;
    }

    /**
     * Whether a 飞燕 volunteer places the order on a resident's behalf: by proxy, or a need the resident wrote to the
     * WeChat account, confirmed with them by phone.
     */
    public boolean byVolunteer(Channel channel) {
        return channel == Channel.PROXY
                || channel == Channel.WECHAT && caller.is(Roles.VOLUNTEER) && !caller.is(Roles.RESIDENT);
    }

    /** The resident a resident's token names, for a request that leaves it out. */
    public UUID ownResident() {
        return caller.resident().orElseThrow(() -> new NotAllowed("your token names no resident"));
    }

    public String callerId() {
        return caller.id();
    }

    /** The caller's entry in the volunteer registry, if their token names one. */
    public Optional<UUID> volunteer() {
        return caller.volunteer();
    }

    /** The order may be read: by whom it is for, or the team it is with now. */
    @Transactional
    public void follow(Order order) {
        boolean team = caller.is(Roles.TEAM_MEMBER) && caller.team().isPresent()
                && caller.team().equals(teamHolding(order));
        if (!team) {
            actFor(order.residentId, order.villageCode);
        }
    }

    /**
     * Whether the caller sees the resident's phone and ID numbers in full: the resident and the volunteers of
     * their village do (and it is logged); operators see them masked.
     */
    @Transactional
    public boolean reveal(Resident resident) {
        boolean ownRecord = caller.is(Roles.RESIDENT) && caller.resident().map(resident.id::equals).orElse(false);
        boolean villageVolunteer = caller.is(Roles.VOLUNTEER) && caller.covers(resident.villageCode);
        if (ownRecord || villageVolunteer) {
            log(resident.id, null, ownRecord ? "the resident's own record"
                    : "volunteer of the resident's village " + resident.villageCode);
        }
        return ownRecord || villageVolunteer;
    }

    /**
     * How to reach the resident of the order, for those who need to: the team that accepted it (while it
     * serves), the resident's village volunteers and the resident. Logged.
     */
    @Transactional
    public void contact(Order order) {
        Optional<String> serving = order.status == OrderStatus.ACCEPTED ? teamHolding(order) : Optional.empty();
        boolean team = caller.is(Roles.TEAM_MEMBER) && serving.isPresent() && serving.equals(caller.team());
        boolean ownRecord = caller.is(Roles.RESIDENT) && caller.resident().map(order.residentId::equals).orElse(false);
        boolean villageVolunteer = caller.is(Roles.VOLUNTEER) && caller.covers(order.villageCode);
        caller.require(team || ownRecord || villageVolunteer, "contact details go only to the team that accepted "
                + "the order while it serves, the resident and the volunteers of their village");
        log(order.residentId, order.id, team ? "team " + serving.get() + " serves the order"
                : ownRecord ? "the resident's own order" : "volunteer of the resident's village " + order.villageCode);
    }

    /**
     * The resident's phone for the service that texts them of their order (role notifier), read at the moment it
     * sends and never kept there: only for an order of the resident's. Logged, with what the text tells, when there
     * is a number to show.
     */
    @Transactional
    public void textOf(Resident resident, Order order, String kind) {
        caller.require(caller.is(Roles.NOTIFIER), "a phone to text goes only to the notification service");
        caller.require(order.residentId.equals(resident.id), "order " + order.id + " is not resident " + resident.id
                + "'s");
        if (resident.phone != null) {
            log(resident.id, order.id, "to text them of order " + order.id + ": " + kind);
        }
    }

    /** The audit log of one resident, for the resident themselves or an admin. */
    public List<PersonalDataRead> readsOf(UUID resident) {
        caller.require(caller.is(Roles.ADMIN) || caller.resident().map(resident::equals).orElse(false),
                "only the resident and admins read who saw the resident's data");
        return PersonalDataRead.list("residentId = ?1 order by readAt desc, id desc", resident);
    }

    private void log(UUID resident, UUID order, String why) {
        PersonalDataRead read = new PersonalDataRead();
        read.readAt = Instant.now();
        read.reader = caller.id();
        read.readerRoles = String.join(",", caller.roles());
        read.residentId = resident;
        read.orderId = order;
        read.why = why;
        read.persist();
    }

    /** The team the order is with: assigned to it and not yet answered, or accepted by it. */
    private Optional<String> teamHolding(Order order) {
        if (order.status != OrderStatus.ASSIGNED && order.status != OrderStatus.ACCEPTED) {
            return Optional.empty();
        }
        String team = null;
        for (OrderEvent event : history.of(order.id)) {
            if (event instanceof OrderAssigned assigned) {
                team = assigned.teamCode();
            } else if (event instanceof OrderAccepted accepted) {
                team = accepted.teamCode();
            }
        }
        return Optional.ofNullable(team);
    }
}
