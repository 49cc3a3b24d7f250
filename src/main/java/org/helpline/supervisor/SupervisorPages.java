package org.helpline.supervisor;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Consumes;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;

import java.net.URI;
import java.security.Principal;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** The supervisors' sign-in page, their home, and the list of supervisor accounts. */
@Controller("/supervisor")
// The router matches the Accept header to this; left out, a page would offer only JSON (Micronaut's default).
@Produces(MediaType.TEXT_HTML)
@ExecuteOn(TaskExecutors.BLOCKING)
class SupervisorPages {

    private final SupervisorAccounts accounts;

    SupervisorPages(SupervisorAccounts accounts) {
        this.accounts = accounts;
    }

    @Get("/login")
    @Secured(SecurityRule.IS_ANONYMOUS)
    ModelAndView<Map<String, Object>> login(HttpRequest<?> request, @Nullable @QueryValue String error) {
        return new ModelAndView<>("login", Map.of("csrf", CsrfProtection.token(request), "error", error != null));
    }

    @Get
    @Secured(SecurityRule.IS_AUTHENTICATED)
    HttpResponse<?> home() {
        return HttpResponse.seeOther(URI.create("/supervisor/dashboard"));
    }

    @Get("/accounts")
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> accounts(HttpRequest<?> request, Principal principal) {
        return accountsPage(request, principal, List.of(), null);
    }

    @Post("/accounts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Secured(SecurityRule.IS_AUTHENTICATED)
    ModelAndView<Map<String, Object>> addAccount(HttpRequest<?> request, Principal principal,
                                                  @Body Map<String, String> form) {
        String username = form.getOrDefault("username", "");
        List<String> problems = accounts.add(username, form.get("password"));
        String added = problems.isEmpty() ? username.strip().toLowerCase(java.util.Locale.ROOT) : null;
        return accountsPage(request, principal, problems, added);
    }

    private ModelAndView<Map<String, Object>> accountsPage(HttpRequest<?> request, Principal principal,
                                                           List<String> problems, String added) {
        Map<String, Object> model = new HashMap<>();
        model.put("csrf", CsrfProtection.token(request));
        model.put("me", principal.getName());
        model.put("usernames", accounts.usernames());
        model.put("problems", problems);
        model.put("added", added == null ? "" : added);
        return new ModelAndView<>("accounts", model);
    }
}
