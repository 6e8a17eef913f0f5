package io.feiyan.platform.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A page Feiyan serves that signs its user in through the county's Keycloak (/feiyan/sign-in.js): its HTML with the
 * realm ({@code {{issuer}}}, the issuer the services trust) and its public client ({@code {{client}}}) filled in.
 */
public final class SignInPage {
    private SignInPage() {
    }

    /** The page with its realm and client, and more {@code {{name}}} placeholders filled in (as attribute values). */
    public static String render(String resource, String issuer, String clientId, Map<String, String> values) {
        try (InputStream page = SignInPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (page == null) {
                throw new IllegalStateException("no page " + resource);
            }
            String text = new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{issuer}}", attribute(issuer)).replace("{{client}}", attribute(clientId));
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", attribute(value.getValue()));
            }
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
