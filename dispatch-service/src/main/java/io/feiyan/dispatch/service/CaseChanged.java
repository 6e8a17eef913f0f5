package io.feiyan.dispatch.service;

import java.util.UUID;

/**
 * A case changed; fired in its transaction, heard by the dashboard once that commits. Its village tells
 * whose dashboards hear of it.
 */
public record CaseChanged(UUID orderId, String villageCode) {
}
