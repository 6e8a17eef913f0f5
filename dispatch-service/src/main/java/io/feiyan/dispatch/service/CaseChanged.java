package io.feiyan.dispatch.service;

import java.util.UUID;

/** A case changed; fired in its transaction, heard by the dashboard once that commits. */
public record CaseChanged(UUID orderId) {
}
