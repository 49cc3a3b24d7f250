package org.helpline.cluster;

import io.micronaut.core.type.Argument;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.BlockingHttpClient;

import java.util.List;

/**
 * Plays the load balancer: each request goes to the next instance in turn, so consecutive requests of one call are
 * answered by different instances. Counts what each instance answered, so a test can show that both took part.
 */
final class Alternating implements BlockingHttpClient {

    private final List<BlockingHttpClient> instances;
    private final int[] served;
    private int next;

    Alternating(List<BlockingHttpClient> instances) {
        this.instances = instances;
        this.served = new int[instances.size()];
    }

    /** How many requests each instance answered. */
    int[] served() {
        return served.clone();
    }

    @Override
    public <I, O, E> HttpResponse<O> exchange(HttpRequest<I> request, Argument<O> bodyType, Argument<E> errorType) {
        int instance = next;
        next = (next + 1) % instances.size();

        served[instance]++;
        return instances.get(instance).exchange(request, bodyType, errorType);
    }

    @Override
    public boolean isRunning() {
        return true;
    }

    @Override
    public void close() {
        // The clients belong to TwoInstances, which closes them.
    }
}
