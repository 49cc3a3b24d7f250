package org.helpline.supervisor;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.annotation.Filter;
import io.micronaut.http.filter.FilterPatternStyle;
import io.micronaut.views.ViewsFilter;
import io.micronaut.views.ViewsModelDecorator;
import io.micronaut.views.ViewsRendererLocator;
import io.micronaut.views.ViewsResolver;
import io.micronaut.views.turbo.TurboFrameRenderer;
import io.micronaut.views.turbo.TurboStreamRenderer;
import org.helpline.security.WebhookPaths;

/**
 * Micronaut Views' filter, unchanged, on every path but Twilio's webhooks, which answer TwiML and never a view.
 * The library's filter runs on every request and wraps each in a reactive chain to look for a view in the answer:
 * in bench/load.sh's profile (2026-12-04) a twentieth of the request threads' samples, on the requests that are
 * nearly all the traffic. The paths left out are the webhooks' ({@link WebhookPaths}), as for the sign-in filter.
 */
@Replaces(ViewsFilter.class)
@Requires(beans = ViewsResolver.class)
@Filter(patterns = WebhookPaths.NONE, patternStyle = FilterPatternStyle.REGEX)
class PageViews extends ViewsFilter {

    PageViews(ViewsResolver resolver, ViewsRendererLocator renderers, ViewsModelDecorator decorator,
              TurboStreamRenderer streams, TurboFrameRenderer frames) {
        super(resolver, renderers, decorator, streams, frames);
    }
}
