package org.helpline.support;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The test run's database, reached through a {@link DatabaseLink} that a test can cut and restore: the suite's
 * PostgreSQL server in the PostgreSQL run, else an H2 server of the test's own. {@link #settings()} point a
 * service at it, with a short connection timeout so that a cut shows within a second.
 */
public final class CuttableDatabase implements AutoCloseable {

    private static final Pattern POSTGRES_URL = Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*");

    private final H2OverTcp h2;
    private final DatabaseLink link;
    private final Map<String, Object> settings = new HashMap<>();

    /** {@code h2Name} names the in-memory database when the run is on H2. */
    public CuttableDatabase(String h2Name) {
        String postgres = System.getProperty("datasources.default.url");
        Matcher url = postgres == null ? null : POSTGRES_URL.matcher(postgres);
        if (url != null && url.matches()) {
            h2 = null;
            link = new DatabaseLink(url.group(1), Integer.parseInt(url.group(2)));
            settings.put("datasources.default.url",
                "jdbc:postgresql://localhost:" + link.port() + "/" + url.group(3) + "?connectTimeout=1");
        } else {
            h2 = H2OverTcp.start();
            link = new DatabaseLink("localhost", h2.port());
            settings.put("datasources.default.url", H2OverTcp.url(link.port(), h2Name));
            settings.put("datasources.default.exception-override-class-name", H2ConnectionLost.class.getName());
        }
        settings.put("datasources.default.connection-timeout", "1000");
    }

    /** Settings for a service on this database, in a map the caller may add to. */
    public Map<String, Object> settings() {
        return new HashMap<>(settings);
    }

    /** The database becomes unreachable: open connections drop, new ones are refused. */
    public void cut() {
        link.cut();
    }

    public void restore() {
        link.restore();
    }

    @Override
    public void close() {
        link.close();
        if (h2 != null) {
            h2.stop();
        }
    }
}
