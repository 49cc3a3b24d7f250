package org.helpline;

import io.micronaut.runtime.Micronaut;

/** Starts the helpline's webhook service. */
public final class Application {

    private Application() {
    }

    public static void main(String[] args) {
        Micronaut.run(Application.class, args);
    }
}
