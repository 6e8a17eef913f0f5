package io.feiyan.platform.limits;

import io.feiyan.platform.domain.TooMany;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The limits on floods of the write APIs ({@link Limited}, held to them by {@link LimitedCalls}): each account may call a limited API
 * {@code feiyan.limits.<name>.per-account} times a minute, and each client address {@code .per-address} times (a
 * village station's volunteers may share one address), a minute's allowance at once and then at that rate. A call
 * over a limit is refused, 429 {@code too-many-requests} with {@code Retry-After}, before it does anything; a call
 * its account's limit refused takes nothing from its address's, so one account's flood does not use up the
 * allowance of the others behind the same address. Addresses in {@code feiyan.limits.exempt-addresses} (the county
 * centre's machine for its batch work) have no address limit; no account is exempt. Counted per instance of a
 * service. {@code feiyan.limits.enabled=false} turns them off.
 */
@ApplicationScoped
public class RequestLimits {
    private final TokenBuckets buckets = new TokenBuckets(System::nanoTime);
    private final Config config;
    private final boolean enabled;
    private final Set<String> exempt;
    private final Map<String, Integer> perMinute = new ConcurrentHashMap<>();

    RequestLimits(Config config, @ConfigProperty(name = "feiyan.limits.enabled") boolean enabled,
            @ConfigProperty(name = "feiyan.limits.exempt-addresses") Optional<List<String>> exempt) {
        this.config = config;
        this.enabled = enabled;
        this.exempt = Set.copyOf(exempt.orElse(List.of()));
    }

    /**
     * Takes one call of the named limit from the account's allowance (none for a caller without one) and then the
     * address's.
     *
     * @throws TooMany when either has none left
     */
    void take(String name, String account, String address) {
        if (!enabled) {
            return;
        }
        if (account != null) {
            refuseOver("account/" + name + "/" + account, perMinute(name, "per-account"), "one account");
        }
        if (!exempt.contains(address)) {
            refuseOver("address/" + name + "/" + address, perMinute(name, "per-address"), "one address");
        }
    }

    private void refuseOver(String key, int perMinute, String from) {
        Duration wait = buckets.take(key, perMinute);
        if (wait != null) {
            throw new TooMany("at most " + perMinute + " of these a minute from " + from + "; try again in "
                    + Math.max(1, wait.toSeconds()) + " s", wait);
        }
    }

    private int perMinute(String name, String per) {
        return perMinute.computeIfAbsent("feiyan.limits." + name + "." + per,
                property -> config.getValue(property, Integer.class));
    }

    @Scheduled(every = "1m", delayed = "1m")
    void forgetIdleCallers() {
        buckets.forgetFull();
    }
}
