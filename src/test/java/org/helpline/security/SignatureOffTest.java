package org.helpline.security;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.FakeTwilio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** With the check turned off by its explicit setting, unsigned requests are answered (for local trials only). */
@MicronautTest
@Property(name = "helpline.twilio.validate-signatures", value = "false")
class SignatureOffTest {

    @Inject
    @Client("/")
    HttpClient http;

    @Test
    void whenTheCheckIsTurnedOffThenAnUnsignedCallIsAnswered() {
        var answer = new FakeTwilio(http.toBlocking()).send("/voice/incoming", "CallSid=CA1", null);

        assertThat(answer.status()).isEqualTo(200);
        assertThat(answer.twiml().has("/Response/Gather")).isTrue();
    }
}
