package io.feiyan.feedback.metrics;

import java.time.YearMonth;
import java.util.List;

/** Which figures: broken down by {@code by}, months {@code from} to {@code to}, in a region (each optional). */
public record Selection(List<Dimension> by, YearMonth from, YearMonth to, String region) {
}
