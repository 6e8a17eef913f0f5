package io.feiyan.platform.rest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.ws.rs.core.Response;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class ProblemMapperTest {
    private final ProblemMapper mapper = new ProblemMapper();

    @Test
    void givenTheDatabaseGoneMidRequest_thenTheAnswerIs503TryAgain_withRetryAfter() {
        Response answer = mapper.unexpected(new IllegalStateException("could not execute statement",
                new SQLException("An I/O error occurred while sending to the backend.", "08006")));

        assertEquals(503, answer.getStatus());
        assertEquals("5", answer.getHeaderString("Retry-After"));
        assertEquals("https://feiyan.io/problems/try-again", ((Problem) answer.getEntity()).type());
    }

    @Test
    void givenAFailureOfAnotherKind_thenTheAnswerIs500() {
        Response answer = mapper.unexpected(new IllegalStateException("a bug",
                new SQLException("duplicate key value violates unique constraint", "23505")));

        assertEquals(500, answer.getStatus());
    }
}
