package io.feiyan.baseline;

import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.event.Observes;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code POST /rows}: takes a JSON object, inserts one row in one transaction, answers 201 with its id. */
@Path("/rows")
public class RowResource {
    public record Row(String text) {
    }

    public record Created(UUID id) {
    }

    private final DataSource dataSource;

    RowResource(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    void createTable(@Observes StartupEvent start) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.createStatement().execute("""
                    create table if not exists baseline_row (id uuid primary key, text varchar(500),
                    created_at timestamptz not null default now())""");
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public Response insert(Row row) throws SQLException {
        UUID id = UUID.randomUUID();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into baseline_row (id, text) values (?, ?)")) {
            insert.setObject(1, id);
            insert.setString(2, row.text());
            insert.executeUpdate();
        }
        return Response.status(201).entity(new Created(id)).build();
    }
}
