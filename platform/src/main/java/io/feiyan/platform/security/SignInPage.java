package io.feiyan.platform.security;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A page Feiyan serves that signs its user in through the county's Keycloak (/feiyan/sign-in.js): its HTML with the
 * realm ({@code {{issuer}}}, the issuer the services trust) and its public client ({@code {{client}}}) filled in, and
 * the Content-Security-Policy it is served with: scripts, styles and everything else from its own origin only (no
 * inline script or style: the pages have none), calls to its own origin, the identity provider and the services it
 * is told to call, and no other site may frame it.
 */
public final class SignInPage {
    private final String html;
    private final String policy;

    private SignInPage(String html, String policy) {
        this.html = html;
        this.policy = policy;
    }

    /**
     * The page with its realm and client, and more {@code {{name}}} placeholders filled in (as attribute values); its
     * scripts may call the identity provider and the services at {@code calls}.
     */
    public static SignInPage render(String resource, String issuer, String clientId, Map<String, String> values,
            List<String> calls) {
        try (InputStream page = SignInPage.class.getClassLoader().getResourceAsStream(resource)) {
            if (page == null) {
                throw new IllegalStateException("no page " + resource);
            }
            String text = new String(page.readAllBytes(), StandardCharsets.UTF_8)
                    .replace("{{issuer}}", attribute(issuer)).replace("{{client}}", attribute(clientId));
            for (Map.Entry<String, String> value : values.entrySet()) {
                text = text.replace("{{" + value.getKey() + "}}", attribute(value.getValue()));
            }
            Set<String> connect = new LinkedHashSet<>(List.of("'self'", origin(issuer)));
            calls.forEach(address -> connect.add(origin(address)));
            return new SignInPage(text, "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
                    + "connect-src " + String.join(" ", connect) + "; form-action 'self'; base-uri 'none'; "
                    + "object-src 'none'; frame-ancestors 'none'");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The page, with its policy. */
    public Response response() {
        return Response.ok(html, MediaType.TEXT_HTML_TYPE.withCharset("UTF-8"))
                .header("Content-Security-Policy", policy).build();
    }

    /** An address's scheme, host and port: what a policy names. */
    private static String origin(String address) {
        URI uri = URI.create(address);
        return uri.getScheme() + "://" + uri.getRawAuthority();
    }

    private static String attribute(String value) {
        return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
