package org.helpline.supervisor;

import io.micronaut.http.HttpRequest;
import io.micronaut.security.authentication.AuthenticationFailureReason;
import io.micronaut.security.authentication.AuthenticationRequest;
import io.micronaut.security.authentication.AuthenticationResponse;
import io.micronaut.security.authentication.provider.HttpRequestExecutorAuthenticationProvider;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.List;

/** Checks a supervisor's user name and password (bcrypt is slow on purpose, so this runs on the blocking pool). */
@Singleton
class SupervisorAuthentication<B> implements HttpRequestExecutorAuthenticationProvider<B> {

    private static final Logger LOG = LoggerFactory.getLogger(SupervisorAuthentication.class);
    static final String ROLE = "SUPERVISOR";

    private final SupervisorAccounts accounts;
    private final LoginThrottle throttle;

    SupervisorAuthentication(SupervisorAccounts accounts, LoginThrottle throttle) {
        this.accounts = accounts;
        this.throttle = throttle;
    }

    @Override
    public AuthenticationResponse authenticate(HttpRequest<B> request,
                                               AuthenticationRequest<String, String> credentials) {
        String username = credentials.getIdentity();
        if (throttle.locked(username)) {
            LOG.warn("Sign-in refused: too many failed attempts for one user name");
            return AuthenticationResponse.failure(AuthenticationFailureReason.ACCOUNT_LOCKED);
        }
        return accounts.check(username, credentials.getSecret())
            .map(account -> {
                throttle.succeeded(username);
                LOG.info("Supervisor {} signed in", account.username());
                return AuthenticationResponse.success(account.username(), List.of(ROLE));
            })
            .orElseGet(() -> {
                throttle.failed(username);
                LOG.warn("Sign-in failed");
                return AuthenticationResponse.failure(AuthenticationFailureReason.CREDENTIALS_DO_NOT_MATCH);
            });
    }
}
