package org.helpline.metrics;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Produces;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;

import java.util.Map;

/** The dashboard's figures for reports: JSON, and CSV to download, behind the supervisors' sign-in. */
@Controller("/supervisor/api")
@Secured(SecurityRule.IS_AUTHENTICATED)
@ExecuteOn(TaskExecutors.BLOCKING)
class FiguresApi {

    private final CallFigures figures;
    private final RangeParameters ranges;

    FiguresApi(CallFigures figures, RangeParameters ranges) {
        this.figures = figures;
        this.ranges = ranges;
    }

    @Get("/figures")
    @Produces(MediaType.APPLICATION_JSON)
    HttpResponse<?> json(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                         @Nullable @QueryValue String threshold) {
        RangeParameters.Parsed parsed = ranges.parse(from, to, threshold);
        if (parsed.problem() != null) {
            return HttpResponse.badRequest(Map.of("message", parsed.problem()));
        }
        return HttpResponse.ok(figures.of(parsed.range(), parsed.threshold()));
    }

    @Get("/figures.csv")
    @Produces("text/csv")
    HttpResponse<?> csv(@Nullable @QueryValue String from, @Nullable @QueryValue String to,
                        @Nullable @QueryValue String threshold) {
        RangeParameters.Parsed parsed = ranges.parse(from, to, threshold);
        if (parsed.problem() != null) {
            return HttpResponse.badRequest(parsed.problem());
        }
        Figures result = figures.of(parsed.range(), parsed.threshold());
        String name = "helpline-figures-" + result.from() + "-to-" + result.to() + ".csv";
        return HttpResponse.ok(FiguresCsv.write(result))
            .header("Content-Disposition", "attachment; filename=\"" + name + "\"");
    }
}
