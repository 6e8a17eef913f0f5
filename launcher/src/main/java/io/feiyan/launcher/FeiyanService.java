package io.feiyan.launcher;

/** The five services, with the port each listens on locally and the database each owns. */
public enum FeiyanService {
    INTAKE("intake-service", 8081, "intake"),
    DISPATCH("dispatch-service", 8082, "dispatch"),
    TEAM("team-service", 8083, "team"),
    FEEDBACK("feedback-service", 8084, "feedback"),
    NOTIFICATION("notification-service", 8085, "notification");

    private final String moduleName;
    private final int defaultPort;
    private final String database;

    FeiyanService(String moduleName, int defaultPort, String database) {
        this.moduleName = moduleName;
        this.defaultPort = defaultPort;
        this.database = database;
    }

    public String moduleName() {
        return moduleName;
    }

    public int defaultPort() {
        return defaultPort;
    }

    public String database() {
        return database;
    }
}
