package org.helpline.supervisor;

import io.micronaut.context.annotation.Value;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Supervisor accounts: the first from {@code SUPERVISOR_USER} and {@code SUPERVISOR_PASSWORD} at start-up, others
 * added by a supervisor. Passwords are hashed with bcrypt (Spring Security's encoder) and never logged.
 */
@Singleton
public class SupervisorAccounts {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorAccounts.class);
    static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,60}");
    static final int MIN_PASSWORD = 12;

    private final SupervisorAccountRepository repository;
    private final Clock clock;
    private final BCryptPasswordEncoder bcrypt = new BCryptPasswordEncoder();
    /**
     * A bcrypt hash (cost 10, like every stored one) to check the password against when the user name is unknown,
     * so that both answers take as long; the result is ignored. Written out here rather than hashed at start-up,
     * which held up the first call by about 0.2 s.
     */
    private static final String NOBODY_HASH = "$2a$10$MLln.KaV91PCAKDl0A7wK.nkDMQ/Zp9/DAIillDkdSpTh0jwiRfg6";
    private final String firstUser;
    private final String firstPassword;

    SupervisorAccounts(SupervisorAccountRepository repository, Clock clock,
                       @Value("${helpline.supervisors.first-user:}") String firstUser,
                       @Value("${helpline.supervisors.first-password:}") String firstPassword) {
        this.repository = repository;
        this.clock = clock;
        this.firstUser = firstUser.strip().toLowerCase(java.util.Locale.ROOT);
        this.firstPassword = firstPassword;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (firstUser.isEmpty() || firstPassword.isEmpty()) {
            if (repository.count() == 0) {
                LOG.warn("No supervisor account: set SUPERVISOR_USER and SUPERVISOR_PASSWORD to create the first");
            }
            return;
        }
        if (!repository.existsByUsername(firstUser)) {
            List<String> problems = add(firstUser, firstPassword);
            if (problems.isEmpty()) {
                LOG.info("Created the first supervisor account, {}", firstUser);
            } else {
                LOG.error("SUPERVISOR_USER/SUPERVISOR_PASSWORD not usable: {}", problems);
            }
        }
    }

    /** Adds an account; the list says what is wrong with the input, empty when it was added. */
    public List<String> add(String username, String password) {
        List<String> problems = new ArrayList<>();
        String name = username == null ? "" : username.strip().toLowerCase(java.util.Locale.ROOT);
        if (!USERNAME.matcher(name).matches()) {
            problems.add("The user name must be 3 to 60 characters: lower-case letters, digits, dots, dashes.");
        } else if (repository.existsByUsername(name)) {
            problems.add("There is already a supervisor called " + name + ".");
        }
        // bcrypt reads at most 72 bytes; accented letters take two, so the limit is in bytes.
        if (password == null || password.length() < MIN_PASSWORD
            || password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > 72) {
            problems.add("The password must be " + MIN_PASSWORD + " to 72 characters long (fewer if it has accents).");
        }
        if (problems.isEmpty()) {
            repository.save(new SupervisorAccount(null, name, bcrypt.encode(password), clock.instant()));
        }
        return problems;
    }

    /** The account, when the password is right. */
    Optional<SupervisorAccount> check(String username, String password) {
        if (username == null || password == null) {
            return Optional.empty();
        }
        Optional<SupervisorAccount> account =
            repository.findByUsername(username.strip().toLowerCase(java.util.Locale.ROOT));
        if (account.isEmpty()) {
            // Spend the same time as a real check, so response times do not tell which user names exist.
            bcrypt.matches(password, NOBODY_HASH);
            return Optional.empty();
        }
        return account.filter(found -> bcrypt.matches(password, found.passwordHash()));
    }

    public List<String> usernames() {
        return repository.findAllOrderByUsername().stream().map(SupervisorAccount::username).toList();
    }
}
