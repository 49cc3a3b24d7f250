package org.helpline.supervisor;

import io.micronaut.context.BeanProvider;
import io.micronaut.context.event.BeanCreatedEvent;
import io.micronaut.context.event.BeanCreatedEventListener;
import io.micronaut.core.io.Writable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.exceptions.response.ErrorContext;
import io.micronaut.http.server.exceptions.response.HtmlErrorResponseBodyProvider;
import io.micronaut.views.ModelAndView;
import io.micronaut.views.ModelAndViewRenderer;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Supervisors' browsers get error pages in the look of the other pages, with a link back to the dashboard.
 * Micronaut still decides when an error is answered with an HTML page (an error status, and a request that accepts
 * text/html but not JSON) and keeps the status; this only writes the page, and only for the supervisors' pages.
 * Every other path, the webhooks and {@code /supervisor/api} among them, keeps Micronaut's own page untouched.
 */
@Singleton
class ErrorPages implements BeanCreatedEventListener<HtmlErrorResponseBodyProvider> {

    private final BeanProvider<ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>>> views;

    ErrorPages(BeanProvider<ModelAndViewRenderer<Map<String, Object>, HttpRequest<?>>> views) {
        this.views = views;
    }

    @Override
    public HtmlErrorResponseBodyProvider onCreated(BeanCreatedEvent<HtmlErrorResponseBodyProvider> event) {
        HtmlErrorResponseBodyProvider micronauts = event.getBean();
        return (context, response) -> isPage(context.getRequest().getPath())
            ? page(context, response)
            : micronauts.body(context, response);
    }

    /** The supervisors' pages: all of /supervisor but its API, whose clients read JSON (or CSV). */
    private static boolean isPage(String path) {
        boolean supervisor = path.equals("/supervisor") || path.startsWith("/supervisor/");
        boolean api = path.equals("/supervisor/api") || path.startsWith("/supervisor/api/");
        return supervisor && !api;
    }

    private String page(ErrorContext context, HttpResponse<?> response) {
        ErrorPage words = ErrorPage.of(response.code(), context.getRootCause().orElse(null));
        Map<String, Object> model = new HashMap<>();
        model.put("title", words.title());
        model.put("sentence", words.sentence());
        model.put("status", response.code());

        Writable html = views.get().render(new ModelAndView<>("error", model), context.getRequest(),
            MediaType.TEXT_HTML).orElseThrow(() -> new IllegalStateException("No HTML view renderer"));
        StringWriter page = new StringWriter();
        try {
            html.writeTo(page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return page.toString();
    }
}
