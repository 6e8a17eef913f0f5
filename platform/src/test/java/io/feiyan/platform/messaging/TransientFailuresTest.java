package io.feiyan.platform.messaging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class TransientFailuresTest {
    @Test
    void aLostConnectionADeadlockOrAnEmptyPoolPass_aBrokenRuleOrAPoisonMessageDoNot() {
        assertTrue(TransientFailures.isTransient(new PersistenceException(new SQLException("gone", "08006"))));
        assertTrue(TransientFailures.isTransient(new RuntimeException(new SQLException("deadlock", "40P01"))));
        assertTrue(TransientFailures.isTransient(new SQLException("shutting down", "57P01")));
        assertTrue(TransientFailures.isTransient(new SQLException("Acquisition timeout")));
        assertFalse(TransientFailures.isTransient(new PersistenceException(new SQLException("dup", "23505"))));
        assertFalse(TransientFailures.isTransient(new PoisonMessageException("not json")));
        assertFalse(TransientFailures.isTransient(new IllegalStateException("a bug")));
    }

    @Test
    void retriesWaitLongerEachTimeUpToFiveSeconds() {
        assertEquals(50, TransientFailures.nextPause(0));
        assertEquals(100, TransientFailures.nextPause(50));
        assertEquals(5_000, TransientFailures.nextPause(4_000));
        assertEquals(5_000, TransientFailures.nextPause(5_000));
    }
}
