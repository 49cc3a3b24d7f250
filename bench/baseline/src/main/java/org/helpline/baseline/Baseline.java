package org.helpline.baseline;

import io.micronaut.runtime.Micronaut;

/** Starts the baseline server. */
public final class Baseline {

    private Baseline() {
    }

    public static void main(String[] args) {
        Micronaut.run(Baseline.class, args);
    }
}
