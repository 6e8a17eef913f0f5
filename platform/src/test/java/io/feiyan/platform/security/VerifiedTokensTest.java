package io.feiyan.platform.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.junit.jupiter.api.Test;

class VerifiedTokensTest {
    private static final Instant NOW = Instant.parse("2026-11-29T08:00:00Z");

    /** Stands in for SmallRye JWT's parser: "good-<exp>" verifies and expires at epoch second exp, "bad" does not. */
    private static final class Verifier extends DefaultJWTParser {
        final List<String> verified = new ArrayList<>();

        @Override
        public JsonWebToken parse(String token) throws ParseException {
            verified.add(token);
            if (!token.startsWith("good-")) {
                throw new ParseException("signature does not verify");
            }
            long expires = Long.parseLong(token.substring("good-".length()));
            return new JsonWebToken() {
                @Override
                public String getName() {
                    return token;
                }

                @Override
                public Set<String> getClaimNames() {
                    return Set.of("exp");
                }

                @Override
                @SuppressWarnings("unchecked")
                public <T> T getClaim(String claim) {
                    return "exp".equals(claim) ? (T) Long.valueOf(expires) : null;
                }
            };
        }
    }

    private final Verifier verifier = new Verifier();

    private VerifiedTokens at(Instant instant) {
        return new VerifiedTokens(verifier, Clock.fixed(instant, ZoneOffset.UTC));
    }

    @Test
    void aTokenIsVerifiedOnceWhileItIsValid_andAgainOnceItHasExpired() throws Exception {
        String token = "good-" + NOW.plusSeconds(60).getEpochSecond();
        VerifiedTokens tokens = at(NOW);
        JsonWebToken first = tokens.parse(token);
        assertSame(first, tokens.parse(token));
        assertEquals(List.of(token), verifier.verified);

        // past its expiry the parser is asked every time (and would refuse it)
        VerifiedTokens later = new VerifiedTokens(verifier, Clock.fixed(NOW.plusSeconds(61), ZoneOffset.UTC));
        later.parse(token);
        later.parse(token);
        assertEquals(List.of(token, token, token), verifier.verified);
    }

    @Test
    void onlyTheVerySameStringIsAnsweredFromWhatWasVerified() throws Exception {
        VerifiedTokens tokens = at(NOW);
        String one = "good-" + NOW.plusSeconds(60).getEpochSecond();
        String other = "good-" + NOW.plusSeconds(61).getEpochSecond();
        tokens.parse(one);
        tokens.parse(other);
        assertEquals(List.of(one, other), verifier.verified);
    }

    @Test
    void aTokenThatFailsIsNeverKept() {
        VerifiedTokens tokens = at(NOW);
        assertThrows(ParseException.class, () -> tokens.parse("bad"));
        assertThrows(ParseException.class, () -> tokens.parse("bad"));
        assertEquals(List.of("bad", "bad"), verifier.verified);
    }

    @Test
    void whenFullItForgetsAndVerifiesAgain() throws Exception {
        VerifiedTokens tokens = at(NOW);
        String first = "good-" + NOW.plusSeconds(3600).getEpochSecond();
        tokens.parse(first);
        for (int i = 1; i < VerifiedTokens.MAX_TOKENS; i++) {
            tokens.parse("good-" + (NOW.plusSeconds(3600).getEpochSecond() + i));
        }
        tokens.parse(first); // still kept: exactly full
        assertEquals(VerifiedTokens.MAX_TOKENS, verifier.verified.size());
        tokens.parse("good-" + NOW.plusSeconds(86_400).getEpochSecond()); // one more: the rest are forgotten
        tokens.parse(first);
        assertEquals(VerifiedTokens.MAX_TOKENS + 2, verifier.verified.size());
    }
}
