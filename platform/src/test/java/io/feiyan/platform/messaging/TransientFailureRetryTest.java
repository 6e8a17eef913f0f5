package io.feiyan.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailureRetryTest {
    @Test
    void aLostConnectionADeadlockOrAnEmptyPoolPass_aBrokenRuleOrAPoisonMessageDoNot() {
        assertTrue(TransientFailureRetry.isTransient(new PersistenceException(new SQLException("gone", "08006"))));
        assertTrue(TransientFailureRetry.isTransient(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertTrue(TransientFailureRetry.isTransient(new SQLException("shutting down", "57P01")));
        assertTrue(TransientFailureRetry.isTransient(new SQLException("Acquisition timeout")));
        assertFalse(TransientFailureRetry.isTransient(new PersistenceException(new SQLException("dup", "23505"))));
        assertFalse(TransientFailureRetry.isTransient(new PoisonMessageException("not json")));
        assertFalse(TransientFailureRetry.isTransient(new IllegalStateException("a bug")));
    }
}
