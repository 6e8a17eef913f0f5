package io.feiyan.launcher;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.feiyan.servers.Identity;
import io.feiyan.servers.TokenIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The demo county's users, one of every role: accounts of the local Keycloak (password: the demo password printed at
 * start), and their tokens, written to {@code data/tokens.env} at each start ({@code source data/tokens.env}) and
 * fetched on demand by {@code deploy/token.sh}. Each id is the same person's id in the registries (V-zhao-li is
 * Changbuling's registered volunteer; the team lead and member are members of their team).
 */
public final class DemoUsers {
    private DemoUsers() {
    }

    /** Where the demo county's registered volunteers are, with the accounts some of them have. */
    static final String DEMO_COUNTY = "team-service/src/main/resources/demo/tancheng-county.json";

    /**
     * Environment variable name → the identity its token speaks for. The volunteer, the team lead and the member are
     * the registered volunteers of the demo county (team-service's demo data) whose {@code account} names them: their
     * tokens carry their registry id.
     */
    public static Map<String, Identity> all(Path projectRoot) {
        Map<String, UUID> registered = registeredAccounts(projectRoot.resolve(DEMO_COUNTY));
        Map<String, Identity> users = new LinkedHashMap<>();
        users.put("VOLUNTEER", Identity.volunteer("V-zhao-li", "371322206201"));
        users.put("OPERATOR_VILLAGE", Identity.operator("OP-changbuling", "371322206201"));
        users.put("OPERATOR_TOWN", Identity.operator("OP-quanyuan-2", "371322206"));
        users.put("OPERATOR_COUNTY", Identity.operator("OP-county-centre", "371322"));
        users.put("TEAM_LEAD", Identity.teamLead("L-art-light-cavalry", "art-light-cavalry"));
        users.put("TEAM_MEMBER", Identity.teamMember("M-art-light-cavalry", "art-light-cavalry"));
        users.put("ANALYST", Identity.analyst("A-county-statistics"));
        users.put("ADMIN", Identity.admin("ADM-county-centre"));
        users.replaceAll((name, who) -> registered.containsKey(who.subject())
                ? who.registeredAs(registered.get(who.subject())) : who);
        return users;
    }

    /** The registry id of each demo volunteer who has an account, by the account's name. */
    private static Map<String, UUID> registeredAccounts(Path demoCounty) {
        try {
            Map<String, UUID> accounts = new LinkedHashMap<>();
            for (JsonNode volunteer : new ObjectMapper().readTree(demoCounty.toFile()).path("volunteers")) {
                if (volunteer.hasNonNull("account")) {
                    accounts.put(volunteer.get("account").asText(), UUID.fromString(volunteer.get("id").asText()));
                }
            }
            return accounts;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the demo county's volunteers from " + demoCounty, e);
        }
    }

    /** Writes {@code export FEIYAN_TOKEN_<USER>=...} lines for every demo user; returns the file. */
    static Path writeTokens(Map<String, Identity> users, TokenIssuer tokens, Path dataDir) {
        String lines = users.entrySet().stream()
                .map(user -> "export FEIYAN_TOKEN_" + user.getKey() + "=" + tokens.tokenFor(user.getValue()))
                .collect(Collectors.joining("\n", "# Tokens of the demo users from Keycloak, valid for 8 hours (then:"
                        + " restart, or deploy/token.sh): source this file\n", "\n"));
        Path file = dataDir.resolve("tokens.env");
        try {
            Files.writeString(file, lines);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return file;
    }

    /**
     * {@code deploy/token.sh ROLE [where-or-whom]}: a token from the local Keycloak for a demo account of the role
     * there, made when missing, e.g. {@code resident <residentId>}, {@code volunteer 371322206201}, {@code operator
     * 371322206}, {@code team-lead art-light-cavalry}, {@code analyst}, {@code admin}.
     */
    public static void main(String[] args) {
        if (args.length == 0) {
            System.err.println("usage: deploy/token.sh resident <residentId> | volunteer <village> | operator <region>"
                    + " | team-member <team> | team-lead <team> | analyst | admin");
            System.exit(2);
        }
        String what = args.length > 1 ? args[1] : null;
        Identity who = switch (args[0]) {
            case "resident" -> Identity.resident(UUID.fromString(required(what, "a resident id")));
            case "volunteer" -> Identity.volunteer("V-demo-" + required(what, "a village code"), what);
            case "operator" -> Identity.operator("OP-demo-" + required(what, "a village, town or county code"), what);
            case "team-member" -> Identity.teamMember("M-demo-" + required(what, "a team code"), what);
            case "team-lead" -> Identity.teamLead("L-demo-" + required(what, "a team code"), what);
            case "analyst" -> Identity.analyst("A-demo");
            case "admin" -> Identity.admin("ADM-demo");
            default -> throw new IllegalArgumentException("no role " + args[0]);
        };
        Path data = Path.of(System.getenv().getOrDefault("FEIYAN_DATA", "data"));
        System.out.println(LocalKeycloak.tokens(data).tokenFor(who));
    }

    private static String required(String value, String what) {
        if (value == null) {
            throw new IllegalArgumentException("name " + what);
        }
        return value;
    }
}
