package io.feiyan.dispatch.service;

import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a consumer's batch gathers as it is applied, to act on once at its end rather than once a record: kept with the
 * batch's transaction, so a request or a sweep outside any batch finds none open and acts at once.
 */
final class BatchGathering<T> {
    private final Object key = new Object();
    private final TransactionSynchronizationRegistry transactions;

    BatchGathering(TransactionSynchronizationRegistry transactions) {
        this.transactions = transactions;
    }

    /** A batch begins, in the current transaction. */
    void begin() {
        transactions.putResource(key, new LinkedHashSet<T>());
    }

    /** Adds to the open batch's gathering; false, adding nothing, when no batch is open. */
    boolean add(Collection<T> items) {
        Set<T> gathered = gathered();
        if (gathered == null) {
            return false;
        }
        gathered.addAll(items);
        return true;
    }

    /** Whether a batch is open and has gathered the item; true too when none is open, so that one acts at once. */
    boolean mayHold(T item) {
        Set<T> gathered = gathered();
        return gathered == null || gathered.contains(item);
    }

    /** Ends the batch: what it gathered, in the order added (empty when none was open). */
    Set<T> end() {
        Set<T> gathered = gathered();
        transactions.putResource(key, null);
        return gathered == null ? Set.of() : gathered;
    }

    @SuppressWarnings("unchecked")
    private Set<T> gathered() {
        return (Set<T>) transactions.getResource(key);
    }
}
