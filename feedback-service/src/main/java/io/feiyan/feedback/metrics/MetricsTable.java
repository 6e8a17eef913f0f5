package io.feiyan.feedback.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Figures as a table: named columns, one row per group. The same table is served as JSON or as CSV. */
public record MetricsTable(List<String> columns, List<List<Object>> rows) {

    /** Each row as an object of column → value, in column order. */
    public List<Map<String, Object>> objects() {
        List<Map<String, Object>> objects = new ArrayList<>(rows.size());
        for (List<Object> row : rows) {
            Map<String, Object> object = new LinkedHashMap<>();
            for (int i = 0; i < columns.size(); i++) {
                object.put(columns.get(i), row.get(i));
            }
            objects.add(object);
        }
        return objects;
    }

    /** RFC 4180 CSV with a header line; an empty cell for a missing value. */
    public String csv() {
        StringBuilder csv = new StringBuilder(String.join(",", columns)).append("\r\n");
        for (List<Object> row : rows) {
            csv.append(row.stream().map(MetricsTable::cell).collect(Collectors.joining(","))).append("\r\n");
        }
        return csv.toString();
    }

    private static String cell(Object value) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        return text.contains(",") || text.contains("\"") || text.contains("\n")
                ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
    }
}
