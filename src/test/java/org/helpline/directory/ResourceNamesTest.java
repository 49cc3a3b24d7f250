package org.helpline.directory;

import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The directory is read from the database on every call, and any name comes out as well-formed TwiML. */
@MicronautTest(transactional = false)
class ResourceNamesTest {

    private static final String AWKWARD = "Moms & Dads <Together> \"Group\"";

    @Inject
    Directory directory;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ResourceRepository resources;

    private Resource added;

    @AfterEach
    void removeAdded() {
        if (added != null) {
            resources.delete(added);
            directory.changed();
        }
    }

    @Test
    void whenAResourceNameHasAmpersandsAndAngleBracketsThenTheTwimlStaysWellFormed() {
        added = resources.save(new Resource(null, "support", AWKWARD, "3125550123", null, 15, true));
        directory.changed();
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();

        TwimlDoc read = call.press("4");

        assertThat(read.saidInGather()).containsSubsequence("Families Anonymous.", AWKWARD + ".", "Nar-Anon.");
        assertThat(read.xml()).contains("Moms &amp; Dads &lt;Together&gt;");
        assertThat(read.allSaid()).contains("3 1 2, 5 5 5, 0 1 2 3");
    }

    @Test
    void whenAResourceIsRetiredThenTheNextCallNoLongerHearsIt() {
        added = resources.save(new Resource(null, "transport", "Rides Retired Soon", null, null, 45, true));
        directory.changed();
        CallWalk before = new CallWalk(new FakeTwilio(http.toBlocking()));
        before.start();
        assertThat(before.press("4").allSaid()).contains("Rides Retired Soon");

        added = resources.update(new Resource(added.id(), "transport", "Rides Retired Soon", null, null, 45, false));
        directory.changed();
        CallWalk after = new CallWalk(new FakeTwilio(http.toBlocking()));
        after.start();

        assertThat(after.press("4").allSaid()).doesNotContain("Rides Retired Soon");
    }
}
