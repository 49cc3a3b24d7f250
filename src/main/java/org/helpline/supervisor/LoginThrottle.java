package org.helpline.supervisor;

import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows password guessing: after a number of failed sign-ins for one user name, that name is locked for a while,
 * whatever the password. Kept per instance, in memory (see README limits).
 */
@Singleton
class LoginThrottle {

    private static final int MAX_TRACKED = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Map<String, Failures> failures = new ConcurrentHashMap<>();
    private final Clock clock;
    private final int maxFailures;
    private final Duration lockout;

    LoginThrottle(Clock clock, @Value("${helpline.supervisors.max-failed-logins:5}") int maxFailures,
                  @Value("${helpline.supervisors.lockout:15m}") Duration lockout) {
        this.clock = clock;
        this.maxFailures = maxFailures;
        this.lockout = lockout;
    }

    boolean locked(String username) {
        Failures current = failures.get(key(username));
        return current != null && current.lockedUntil() != null && current.lockedUntil().isAfter(clock.instant());
    }

    void failed(String username) {
        if (failures.size() > MAX_TRACKED) {
            failures.clear();
        }
        failures.compute(key(username), (name, before) -> {
            int count = before == null || expired(before) ? 1 : before.count() + 1;
            return new Failures(count, count >= maxFailures ? clock.instant().plus(lockout) : null);
        });
    }

    void succeeded(String username) {
        failures.remove(key(username));
    }

    private boolean expired(Failures before) {
        return before.lockedUntil() != null && !before.lockedUntil().isAfter(clock.instant());
    }

    private static String key(String username) {
        return username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
    }
}
