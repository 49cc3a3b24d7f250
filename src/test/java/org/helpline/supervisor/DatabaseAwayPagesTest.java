package org.helpline.supervisor;

import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.helpline.support.Browser;
import org.helpline.support.H2OverTcp;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.net.http.HttpResponse;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** A signed-in supervisor whose database goes away is told so in plain words, never shown the driver's error. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseAwayPagesTest implements TestPropertyProvider {

    private H2OverTcp database;

    @Inject
    EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        database = H2OverTcp.start();
        return Map.of(
            "datasources.default.url", database.url("away"),
            "datasources.default.connection-timeout", "1000",
            "helpline.supervisors.first-user", "nightshift",
            "helpline.supervisors.first-password", "keeps watch all night");
    }

    @AfterAll
    void stop() {
        database.stop();
    }

    @Test
    void whenTheDatabaseGoesAwayThenPagesSayItPlainlyWithA503() {
        Browser supervisor = new Browser(server.getURL().toString());
        assertThat(supervisor.signIn("nightshift", "keeps watch all night").statusCode()).isEqualTo(303);
        assertThat(supervisor.get("/supervisor/dashboard").statusCode()).isEqualTo(200);

        database.stop();

        for (String page : new String[] {"/supervisor/dashboard", "/supervisor/api/figures",
            "/supervisor/directory", "/supervisor/callbacks"}) {
            HttpResponse<String> answer = supervisor.get(page);
            assertThat(answer.statusCode()).as(page).isEqualTo(503);
            assertThat(answer.body()).as(page).isEqualTo(DatabaseAway.MESSAGE);
        }
        HttpResponse<String> signIn = new Browser(server.getURL().toString())
            .signIn("nightshift", "keeps watch all night");
        assertThat(signIn.statusCode()).isEqualTo(503);
        assertThat(signIn.body()).isEqualTo(DatabaseAway.MESSAGE);
    }
}
