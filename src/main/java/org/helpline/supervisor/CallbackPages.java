package org.helpline.supervisor;

import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.micronaut.views.ModelAndView;
import org.helpline.callback.CallbackRequest;
import org.helpline.callback.CallbackRequests;
import org.helpline.hours.OpeningHours;

import java.net.URI;
import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Call-back requests for specialists and supervisors: the pending ones, oldest first, each marked done or "could
 * not reach" once called. The page shows phone numbers, so it is behind the sign-in like every supervisor page.
 */
@Controller("/supervisor")
// The router matches the Accept header to this; left out, a page would offer only JSON (Micronaut's default).
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class CallbackPages {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("EEE d MMM, h:mm a");

    /** One pending request as shown to staff. */
    @Serdeable
    record Pending(String id, String phone, String language, String requestedAt, long waitingMinutes) {
    }

    private final CallbackRequests requests;
    private final OpeningHours hours;
    private final Clock clock;

    CallbackPages(CallbackRequests requests, OpeningHours hours, Clock clock) {
        this.requests = requests;
        this.hours = hours;
        this.clock = clock;
    }

    @Get("/callbacks")
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal) {
        List<Pending> pending = pending();
        return new ModelAndView<>("callbacks", Map.of("csrf", CsrfProtection.token(request),
            "me", principal.getName(), "pending", pending, "count", pending.size()));
    }

    @Get("/api/callbacks")
    @Produces(MediaType.APPLICATION_JSON)
    List<Pending> api() {
        return pending();
    }

    @Post("/callbacks/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    HttpResponse<?> close(String id, @Body Map<String, String> form) {
        String outcome = form.get("outcome");
        String status = "done".equals(outcome) ? CallbackRequest.DONE
            : "failed".equals(outcome) ? CallbackRequest.FAILED : null;
        UUID uuid = parse(id);
        if (status == null || uuid == null || !requests.close(uuid, status)) {
            throw RequestRefused.cannotChange("That request cannot be closed: it is unknown or already closed.");
        }
        return HttpResponse.seeOther(URI.create("/supervisor/callbacks"));
    }

    private List<Pending> pending() {
        return requests.pending().stream().map(request -> new Pending(request.id().toString(), request.phone(),
            request.language(), WHEN.format(request.requestedAt().atZone(hours.zone())),
            Duration.between(request.requestedAt(), clock.instant()).toMinutes())).toList();
    }

    private static UUID parse(String id) {
        try {
            return UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
