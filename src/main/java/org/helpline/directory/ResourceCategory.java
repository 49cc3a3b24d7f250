package org.helpline.directory;

import java.util.Locale;

/** The kinds of local resource, in the order they are read out. Each has a spoken heading prompt. */
public enum ResourceCategory {
    SUPPORT,
    HELPLINE,
    TRANSPORT,
    TRAINING;

    public String code() {
        return name().toLowerCase(Locale.ROOT);
    }

    public String headingPrompt() {
        return "resources-" + code();
    }
}
