package org.helpline.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.views.ModelAndView;
import org.helpline.flow.CallFlow;
import org.helpline.supervisor.CsrfProtection;

import java.security.Principal;
import java.util.HashMap;
import java.util.Map;

/** The supervisors' dashboard: the figures for a chosen range, as charts with their numbers a click away. */
@Controller("/supervisor/dashboard")
// The router matches the Accept header to this; left out, a page would offer only JSON (Micronaut's default).
@Produces(MediaType.TEXT_HTML)
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class DashboardPage {

    private final CallFigures figures;
    private final RangeParameters ranges;
    private final CallFlow flow;

    DashboardPage(CallFigures figures, RangeParameters ranges, CallFlow flow) {
        this.figures = figures;
        this.ranges = ranges;
        this.flow = flow;
    }

    @Get
    ModelAndView<Map<String, Object>> page(HttpRequest<?> request, Principal principal,
                                           @Nullable @QueryValue String from, @Nullable @QueryValue String to,
                                           @Nullable @QueryValue String threshold) {
        Map<String, Object> model = new HashMap<>();
        model.put("me", principal.getName());
        model.put("csrf", CsrfProtection.token(request));
        RangeParameters.Parsed parsed = ranges.parse(from, to, threshold);
        model.put("problem", parsed.problem() == null ? "" : parsed.problem() + " Showing the last 30 days instead.");
        if (parsed.problem() != null) {
            parsed = ranges.parse(null, null, null);
        }
        Figures f = figures.of(parsed.range(), parsed.threshold());
        model.put("f", f);
        model.put("query", "from=" + f.from() + "&to=" + f.to() + "&threshold=" + parsed.threshold());
        model.put("cells", Charts.heatmap(f.callsByWeekdayAndHour()));
        model.put("days", Charts.dayLabels());
        model.put("choices", Charts.choices(f.menuChoices(), flow));
        model.put("dropOff", Charts.nodes(f.dropOff()));
        model.put("flow", FlowDiagram.draw(flow, f.menuChoices(), f.dropOff()));
        model.put("answers", Charts.choices(f.answers(), flow));
        model.put("queueBars", Charts.queue(f.queue()));
        return new ModelAndView<>("dashboard", model);
    }
}
