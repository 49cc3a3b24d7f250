package org.helpline.supervisor;

import io.micronaut.context.annotation.Property;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import org.helpline.directory.Directory;
import org.helpline.hours.OpeningHours;
import org.helpline.directory.Resource;
import org.helpline.directory.ResourceRepository;
import org.helpline.hours.HolidayRepository;
import org.helpline.hours.WeeklyHoursRepository;
import org.helpline.support.Hours;
import org.helpline.support.Browser;
import org.helpline.support.CallWalk;
import org.helpline.support.FakeTwilio;
import org.helpline.support.TwimlDoc;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.helpline.support.Scripts.en;

/** Supervisors keep the directory and the hours; bad input gets a clear message, good input is heard next call. */
@MicronautTest(transactional = false)
@Property(name = "helpline.supervisors.first-user", value = "keeper")
@Property(name = "helpline.supervisors.first-password", value = "keeps the lists")
class DirectoryAndHoursPagesTest {

    @Inject
    Directory directory;

    @Inject
    OpeningHours openingHours;

    @Inject
    EmbeddedServer server;

    @Inject
    @Client("/")
    HttpClient http;

    @Inject
    ResourceRepository resources;

    @Inject
    WeeklyHoursRepository weekly;

    @Inject
    HolidayRepository holidays;

    private Browser browser;
    private List<Resource> before;

    @BeforeEach
    void signIn() {
        before = resources.findByActiveTrueOrderByPosition();
        browser = new Browser(server.getURL().toString());
        browser.signIn("keeper", "keeps the lists");
    }

    @AfterEach
    void restore() {
        resources.deleteAll();
        before.forEach(r -> resources.save(new Resource(null, r.category(), r.name(), r.phone(), r.website(),
            r.position(), true)));
        directory.changed();
        Hours.openAroundTheClock(weekly, holidays, openingHours);
    }

    @Test
    void whenAResourceIsAddedWithBadInputThenEachProblemIsNamedAndNothingIsSaved() {
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        HttpResponse<String> answer = browser.post("/supervisor/directory/add", Map.of("_csrf", token, "name", "",
            "category", "nonsense", "phone", "555-12", "website", "javascript:alert(1)"));

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("Give the resource a name", "Choose one of the categories",
            "The phone number must have 10 digits", "That web address is not one we can use");
        assertThat(resources.count()).isEqualTo(before.size());
    }

    @Test
    void whenAResourceIsAddedThenTheNextCallHearsItAndItsNumber() {
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        HttpResponse<String> answer = browser.post("/supervisor/directory/add", Map.of("_csrf", token,
            "name", "Parents Circle", "category", "support", "phone", "(312) 555-0188", "website", ""));

        assertThat(answer.statusCode()).isEqualTo(303);
        TwimlDoc heard = walkToResources();
        assertThat(heard.saidInGather()).contains("Parents Circle.",
            en("resource-phone").replace("{phone}", "3 1 2, 5 5 5, 0 1 8 8"));
    }

    @Test
    void whenAResourceIsMovedUpAndRetiredThenCallersHearTheNewOrderWithoutIt() {
        Resource narAnon = named("Nar-Anon");
        Resource families = named("Families Anonymous");
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        browser.post("/supervisor/directory/" + narAnon.id(), Map.of("_csrf", token, "action", "up"));
        assertThat(walkToResources().saidInGather()).containsSubsequence("Nar-Anon.", "Families Anonymous.");

        browser.post("/supervisor/directory/" + families.id(), Map.of("_csrf", token, "action", "retire"));
        assertThat(walkToResources().saidInGather()).contains("Nar-Anon.").doesNotContain("Families Anonymous.");

        browser.post("/supervisor/directory/" + families.id(), Map.of("_csrf", token, "action", "restore"));
        assertThat(walkToResources().saidInGather()).contains("Families Anonymous.");
    }

    @Test
    void whenHoursAreWrittenBadlyThenTheFormSaysHowToWriteThem() {
        String token = Browser.csrf(browser.get("/supervisor/hours"));

        HttpResponse<String> weeklyAnswer = browser.post("/supervisor/hours/weekly", Map.of("_csrf", token,
            "day", "Funday", "opens", "8am", "closes", "25:00"));
        HttpResponse<String> backwards = browser.post("/supervisor/hours/weekly", Map.of("_csrf", token,
            "day", "Monday", "opens", "17:00", "closes", "09:00"));
        HttpResponse<String> holiday = browser.post("/supervisor/hours/holiday", Map.of("_csrf", token,
            "date", "25/12/2026", "name", "", "opens", "", "closes", ""));

        assertThat(weeklyAnswer.body()).contains("Choose a day of the week", "Write the opening time as HH:MM",
            "Write the closing time as HH:MM");
        assertThat(backwards.body()).contains("The closing time must be after the opening time");
        assertThat(holiday.body()).contains("Write the date as YYYY-MM-DD", "Give the day a name");
        assertThat(weekly.count()).isEqualTo(7);
    }

    @Test
    void whenTodayIsMadeAHolidayThenTheNextCallerAskingForASpecialistHearsTheLineIsClosed() {
        String token = Browser.csrf(browser.get("/supervisor/hours"));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).toString();

        HttpResponse<String> added = browser.post("/supervisor/hours/holiday", Map.of("_csrf", token,
            "date", today, "name", "Staff day", "opens", "", "closes", ""));

        assertThat(added.statusCode()).isEqualTo(303);
        assertThat(browser.get("/supervisor/hours").body()).contains("Staff day", "closed all day");
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        assertThat(call.press("0").saidInGather()).startsWith(en("queue-closed"));
    }

    @Test
    void whenHoursAndAHolidayAreRemovedThenTheyAreGoneAndTheLineOpensAgain() {
        String token = Browser.csrf(browser.get("/supervisor/hours"));
        String today = java.time.LocalDate.now(java.time.ZoneId.of("America/Chicago")).toString();
        browser.post("/supervisor/hours/holiday", Map.of("_csrf", token, "date", today, "name", "Mistake",
            "opens", "", "closes", ""));
        long holidayId = holidays.findByHolidayDate(java.time.LocalDate.parse(today)).orElseThrow().id();
        long weeklyId = weekly.findAll().iterator().next().id();

        HttpResponse<String> removedHoliday = browser.post("/supervisor/hours/holiday/" + holidayId + "/remove",
            Map.of("_csrf", token));
        HttpResponse<String> removedWeekly = browser.post("/supervisor/hours/weekly/" + weeklyId + "/remove",
            Map.of("_csrf", token));

        assertThat(removedHoliday.statusCode()).isEqualTo(303);
        assertThat(removedWeekly.statusCode()).isEqualTo(303);
        assertThat(holidays.count()).isZero();
        assertThat(weekly.count()).isEqualTo(6);
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        assertThat(call.press("0").has("/Response/Enqueue")).isTrue();
    }

    @Test
    void whenAnIdOrPageIsWrongThenTheAnswerSaysSoPlainly() {
        String token = Browser.csrf(browser.get("/supervisor/directory"));

        HttpResponse<String> badId = browser.post("/supervisor/directory/abc", Map.of("_csrf", token,
            "action", "save"));
        HttpResponse<String> badHours = browser.post("/supervisor/hours/weekly/xyz/remove", Map.of("_csrf", token));
        HttpResponse<String> goneHours = browser.post("/supervisor/hours/weekly/999999/remove", Map.of("_csrf", token));
        HttpResponse<String> goneDate = browser.post("/supervisor/hours/holiday/999999/remove", Map.of("_csrf", token));
        HttpResponse<String> badRange = browser.get("/supervisor/api/figures?from=abc");

        assertThat(badId.statusCode()).isEqualTo(400);
        assertThat(badId.body()).contains("no longer in the directory").doesNotContain("Failed to convert");
        assertThat(badHours.statusCode()).isEqualTo(400);
        assertThat(goneHours.statusCode()).isEqualTo(400);
        assertThat(goneHours.body()).contains("no longer listed");
        assertThat(goneDate.statusCode()).isEqualTo(400);
        assertThat(goneDate.body()).contains("no longer listed");
        assertThat(weekly.count()).isEqualTo(7);
        assertThat(badRange.statusCode()).isEqualTo(400);
        assertThat(badRange.body()).startsWith("{").contains("Dates must be written as YYYY-MM-DD");
    }

    @Test
    void whenAResourceIsMovedThenItPassesItsNeighbourInTheSameCategory() {
        Resource transport = named("Non-Emergency Medical Transportation");
        String token = Browser.csrf(browser.get("/supervisor/directory"));
        browser.post("/supervisor/directory/add", Map.of("_csrf", token, "name", "Rides First",
            "category", "transport", "phone", "", "website", ""));
        Resource added = named("Rides First");

        browser.post("/supervisor/directory/" + added.id(), Map.of("_csrf", token, "action", "up"));

        assertThat(walkToResources().saidInGather()).containsSubsequence("Rides First.",
            "Non-Emergency Medical Transportation.");
        assertThat(named(transport.name()).position()).isGreaterThan(named("Rides First").position());
    }

    private Resource named(String name) {
        return resources.findByActiveTrueOrderByPosition().stream().filter(r -> r.name().equals(name))
            .findFirst().orElseThrow();
    }

    private TwimlDoc walkToResources() {
        CallWalk call = new CallWalk(new FakeTwilio(http.toBlocking()));
        call.start();
        return call.press("4");
    }
}
