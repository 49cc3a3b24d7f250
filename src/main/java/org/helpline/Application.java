package org.helpline;

import io.micronaut.runtime.Micronaut;

import java.security.SecureRandom;
import java.util.Base64;

/** Starts the helpline's webhook service. */
public final class Application {

    static final String SESSION_SECRET = "micronaut.security.token.jwt.signatures.secret.generator.secret";

    private Application() {
    }

    public static void main(String[] args) {
        System.setProperty(SESSION_SECRET, sessionSecret(System.getenv("SUPERVISOR_SESSION_SECRET")));
        Micronaut.run(Application.class, args);
    }

    /**
     * The key that signs supervisors' sign-in cookies: the operator's, so sign-ins hold across restarts and
     * instances, or else a new random one. Set here rather than as a placeholder with a random default in
     * application.yml, because that default won over the environment variable (a sign-in was refused by the
     * instance beside the one that issued it).
     */
    static String sessionSecret(String configured) {
        if (configured != null && !configured.isBlank()) {
            return configured;
        }
        byte[] random = new byte[48];
        new SecureRandom().nextBytes(random);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(random);
    }
}
