package org.helpline;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The key that signs supervisors' sign-ins: the operator's when set, so instances and restarts share it. */
class ApplicationTest {

    @Test
    void whenTheSessionSecretIsSetThenEveryStartSignsWithIt() {
        assertThat(Application.sessionSecret("0123456789abcdef0123456789abcdef-ops"))
            .isEqualTo("0123456789abcdef0123456789abcdef-ops");
    }

    @Test
    void whenNoSessionSecretIsSetThenEachStartMakesItsOwnLongRandomKey() {
        String first = Application.sessionSecret(null);
        String second = Application.sessionSecret("  ");

        assertThat(first).hasSizeGreaterThanOrEqualTo(32).isNotEqualTo(second);
        assertThat(second).hasSizeGreaterThanOrEqualTo(32);
    }
}
