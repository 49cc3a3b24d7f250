package org.helpline.directory;

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
import io.micronaut.views.ModelAndView;
import org.helpline.supervisor.CsrfProtection;
import org.helpline.supervisor.RequestRefused;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Supervisors keep the resource directory: add, edit, move up or down, retire and restore. The phone menu reads the
 * directory on every call, so a change is heard on the next one.
 */
@Controller("/supervisor/directory")
// The router matches the Accept header to this; left out, a page would offer only JSON (Micronaut's default).
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DirectoryPages {

    private static final Logger LOG = LoggerFactory.getLogger(DirectoryPages.class);
    private static final int STEP = 10;

    private final ResourceRepository repository;
    private final Directory directory;

    DirectoryPages(ResourceRepository repository, Directory directory) {
        this.repository = repository;
        this.directory = directory;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal) {
        return page(request, principal, List.of(), Map.of(), null);
    }

    @Post("/add")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object add(HttpRequest<?> request, Principal principal, @Body Map<String, String> form) {
        ResourceForm input = ResourceForm.of(form);
        List<String> problems = input.problems();
        if (!problems.isEmpty()) {
            return page(request, principal, problems, form, null);
        }
        int last = ordered().stream().mapToInt(Resource::position).max().orElse(0);
        repository.save(input.toResource(null, last + STEP, true));
        directory.changed();
        LOG.info("Supervisor {} added a resource", principal.getName());
        return backToList();
    }

    @Post("/{id}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    Object change(HttpRequest<?> request, Principal principal, String id, @Body Map<String, String> form) {
        Optional<Resource> found = id.matches("\\d{1,18}") ? repository.findById(Long.valueOf(id)) : Optional.empty();
        if (found.isEmpty()) {
            throw RequestRefused.cannotChange("That resource is no longer in the directory.");
        }
        Resource resource = found.get();
        String action = form.getOrDefault("action", "save");
        switch (action) {
            case "retire" -> repository.update(withActive(resource, false));
            case "restore" -> repository.update(withActive(resource, true));
            case "up", "down" -> move(resource, action.equals("up") ? -1 : 1);
            case "save" -> {
                ResourceForm input = ResourceForm.of(form);
                List<String> problems = input.problems();
                if (!problems.isEmpty()) {
                    return page(request, principal, problems, form, resource.id());
                }
                repository.update(input.toResource(resource.id(), resource.position(), resource.active()));
            }
            default -> throw RequestRefused.cannotChange("That is not a change this page can make.");
        }
        directory.changed();
        LOG.info("Supervisor {} changed resource {}: {}", principal.getName(), id, action);
        return backToList();
    }

    /** Moves a resource past its neighbour in the same category: the order callers hear within a category. */
    private void move(Resource resource, int direction) {
        List<Resource> all = new ArrayList<>(ordered());
        int index = all.indexOf(resource);
        int other = index + direction;
        while (other >= 0 && other < all.size() && !all.get(other).category().equals(resource.category())) {
            other += direction;
        }
        if (index < 0 || other < 0 || other >= all.size()) {
            return;
        }
        all.set(index, all.get(other));
        all.set(other, resource);
        // Renumber all, so equal or crowded positions never make a move do nothing.
        for (int i = 0; i < all.size(); i++) {
            Resource r = all.get(i);
            repository.update(new Resource(r.id(), r.category(), r.name(), r.phone(), r.website(), (i + 1) * STEP,
                r.active()));
        }
    }

    private List<Resource> ordered() {
        List<Resource> all = new ArrayList<>();
        repository.findAll().forEach(all::add);
        all.sort(Comparator.comparingInt(Resource::position).thenComparing(Resource::id));
        return all;
    }

    private ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal, List<String> problems,
                                                   Map<String, String> typed, Long editing) {
        Map<String, Object> model = new HashMap<>();
        model.put("me", principal.getName());
        model.put("csrf", CsrfProtection.token(request));
        model.put("resources", ordered());
        model.put("categories", Arrays.stream(ResourceCategory.values()).map(ResourceCategory::code).toList());
        model.put("problems", problems);
        model.put("typed", typed);
        model.put("editing", editing == null ? -1L : editing);
        return new ModelAndView<>("directory", model);
    }

    private static Resource withActive(Resource r, boolean active) {
        return new Resource(r.id(), r.category(), r.name(), r.phone(), r.website(), r.position(), active);
    }

    private static HttpResponse<?> backToList() {
        return HttpResponse.seeOther(URI.create("/supervisor/directory"));
    }
}
