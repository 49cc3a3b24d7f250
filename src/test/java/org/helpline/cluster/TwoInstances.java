package org.helpline.cluster;

import io.micronaut.context.ApplicationContext;
import io.micronaut.http.client.HttpClient;
import io.micronaut.runtime.server.EmbeddedServer;
import org.helpline.support.H2OverTcp;

import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Two instances of the service, each with its own HTTP server on a random port, sharing one database: the test
 * PostgreSQL server in the PostgreSQL run, otherwise one in-memory H2 database served over TCP (an in-memory URL
 * alone would give each instance a database of its own). Started one after the other, so Flyway migrates once
 * and the second instance finds the schema in place.
 */
final class TwoInstances implements AutoCloseable {

    private final H2OverTcp h2;
    private final List<EmbeddedServer> servers;
    private final List<HttpClient> clients;

    TwoInstances() {
        // On PostgreSQL, PostgresForTests has already pointed every application context at the shared server.
        this.h2 = onPostgres() ? null : H2OverTcp.start();
        Map<String, Object> settings = h2 == null ? Map.of()
            : Map.of("datasources.default.url", h2.url("cluster-" + UUID.randomUUID()));

        EmbeddedServer first = ApplicationContext.run(EmbeddedServer.class, settings, "test");
        EmbeddedServer second = ApplicationContext.run(EmbeddedServer.class, settings, "test");

        this.servers = List.of(first, second);
        this.clients = servers.stream().map(server -> HttpClient.create(server.getURL())).toList();
    }

    static boolean onPostgres() {
        return "postgres".equals(System.getProperty("helpline.test.database"));
    }

    /** Where the instances keep their data, as the JDBC URL the first one was given. */
    String databaseUrl() {
        return first().getRequiredProperty("datasources.default.url", String.class);
    }

    /** The port the first instance's server listens on, for a test that speaks HTTP to it byte by byte. */
    int firstPort() {
        return servers.get(0).getPort();
    }

    ApplicationContext first() {
        return servers.get(0).getApplicationContext();
    }

    ApplicationContext second() {
        return servers.get(1).getApplicationContext();
    }

    List<ApplicationContext> contexts() {
        return servers.stream().map(EmbeddedServer::getApplicationContext).toList();
    }

    /** Sends every request to the first instance. */
    Alternating firstOnly() {
        return new Alternating(List.of(clients.get(0).toBlocking()));
    }

    /** Sends each request to the other instance than the request before it. */
    Alternating alternating() {
        return new Alternating(clients.stream().map(HttpClient::toBlocking).toList());
    }

    @Override
    public void close() {
        clients.forEach(HttpClient::close);
        // Each instance writes what it still holds as it closes, so the database goes last.
        servers.get(1).getApplicationContext().close();
        servers.get(0).getApplicationContext().close();
        if (h2 != null) {
            h2.stop();
        }
    }
}
