-- One database per service (FeiyanService.database()): no service reads another's; and Keycloak's. Run by the
-- postgres image once, when its data volume is new; each service's Flyway migrations make its tables at the
-- service's start, Keycloak makes its own.
CREATE DATABASE intake;
CREATE DATABASE dispatch;
CREATE DATABASE team;
CREATE DATABASE feedback;
CREATE DATABASE notification;
CREATE DATABASE keycloak;
