package io.feiyan.testkit;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads a sample from what a service serves at {@code /q/metrics} (Prometheus or OpenMetrics text). */
public final class MetricsText {
    /** A sample line: name, labels, value, and perhaps an exemplar (the trace of the last increment). */
    private static final Pattern SAMPLE =
            Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)})? (\\S+)( # .*)?$");

    private MetricsText() {
    }

    /** The value of the first sample of that name whose labels include all of these. */
    public static Optional<Double> value(String metrics, String name, Map<String, String> labels) {
        for (String line : metrics.lines().toList()) {
            Matcher sample = SAMPLE.matcher(line);
            if (!sample.matches() || !sample.group(1).equals(name)) {
                continue;
            }
            String labelText = sample.group(3) == null ? "" : sample.group(3);
            if (labels.entrySet().stream()
                    .allMatch(label -> labelText.contains(label.getKey() + "=\"" + label.getValue() + "\""))) {
                return Optional.of(Double.parseDouble(sample.group(4)));
            }
        }
        return Optional.empty();
    }
}
