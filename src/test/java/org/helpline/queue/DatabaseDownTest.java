package org.helpline.queue;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.H2OverTcp;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;
import static org.helpline.support.Scripts.es;

/**
 * With the database server stopped before any call, the fallback URL still puts callers through, and the menus
 * still answer, the resource directory included: it is read at start-up.
 */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DatabaseDownTest implements TestPropertyProvider {

    private H2OverTcp database;

    @Inject
    @Client("/")
    HttpClient http;

    @Override
    public Map<String, String> getProperties() {
        database = H2OverTcp.start();
        return Map.of("datasources.default.url", database.url("down"),
            "datasources.default.connection-timeout", "1000");
    }

    @AfterAll
    void stop() {
        database.stop();
    }

    @Test
    void whenTheDatabaseIsStoppedThenTheFallbackAndTheMenusStillAnswer() {
        database.stop();
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));

        TwimlDoc fallback = call.step("/voice/fallback", Map.of("ErrorCode", "11200"));
        assertThat(fallback.said()).startsWith(en("welcome"), en("safety"), es("safety"), en("queue-connecting"));
        assertThat(fallback.text("/Response/Enqueue")).isEqualTo("specialists");

        assertThat(call.start().saidInGather()).endsWith(en("main-menu"));
        assertThat(call.press("3").saidInGather()).containsExactly(en("overdose"), en("after-overdose"));
        assertThat(call.press("*").saidInGather()).containsExactly(en("main-menu"));
        // The directory was read at start-up, so the list is still read out.
        assertThat(call.press("4").saidInGather()).startsWith(en("resources-intro")).endsWith(en("after-resources"))
            .doesNotContain(en("resources-unavailable")).hasSizeGreaterThan(2);
        assertThat(call.press("0").text("/Response/Enqueue")).isEqualTo("specialists");
    }
}
