package io.feiyan.events;

/** The latest state of a service project in the catalogue (one of the county's 72, in 6 categories). */
public record ProjectUpdated(String projectCode, String name, String category, boolean active) implements Event {

    @Override
    public String key() {
        return projectCode;
    }
}
