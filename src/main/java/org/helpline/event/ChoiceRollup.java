package org.helpline.event;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Keeps {@code rollup_choices}, the menu choices by the quarter hour in which they were made: each choice event is
 * added once, and marked as counted in the same transaction (migration V10), so a refresh repeated after a failure
 * never adds it twice. Used only by a writer holding the summary turn.
 */
final class ChoiceRollup {

    /** The events that count as a menu choice: a key, a spoken answer, or the language chosen. */
    static final List<String> DETAILS = List.of("chosen", "spoken", "language");

    private static final String CHOICE_DETAILS = DETAILS.stream().map(detail -> "'" + detail + "'")
        .collect(Collectors.joining(", ", "(", ")"));

    private ChoiceRollup() {
    }

    /** Whether this step is a menu choice, which the roll-up counts. */
    static boolean isChoice(CallEvent event) {
        return event.detail() != null && DETAILS.contains(event.detail());
    }

    /**
     * Counts the choices among events being inserted, in the insert's transaction, so that they go in already
     * marked and no refresh has to find and mark them row by row (an update of each choice row after its insert,
     * which cost as much as the insert). Takes the summary turn when there is a choice to count.
     */
    static void addInserted(Connection connection, List<CallEvent> events) throws SQLException {
        List<Choice> choices = new ArrayList<>();
        for (CallEvent event : events) {
            if (isChoice(event)) {
                choices.add(new Choice(event.id(), bucketOf(event.occurredAt().getEpochSecond()), event.node(),
                    event.choice()));
            }
        }
        if (!choices.isEmpty()) {
            CallSummaries.takeTurn(connection);
            apply(connection, choices, 1);
        }
    }

    /** Adds these calls' choices not yet counted: rows written unmarked, by an earlier writer or the repository. */
    static void addNew(Connection connection, List<String> sids, String in) throws SQLException {
        List<Choice> choices = read(connection, sids, in, false);
        apply(connection, choices, 1);
        try (PreparedStatement mark = connection.prepareStatement(
            "UPDATE call_event SET rolled_up = TRUE WHERE id = ?")) {
            for (Choice choice : choices) {
                mark.setObject(1, choice.id());
                mark.addBatch();
            }
            mark.executeBatch();
        }
    }

    /** Takes out these calls' counted choices, before their events are deleted. */
    static void takeOut(Connection connection, List<String> sids, String in) throws SQLException {
        apply(connection, read(connection, sids, in, true), -1);
    }

    private static void apply(Connection connection, List<Choice> choices, int sign) throws SQLException {
        if (choices.isEmpty()) {
            return;
        }
        Set<Long> buckets = new TreeSet<>();
        choices.forEach(choice -> buckets.add(choice.bucket()));
        KeyedCounts counts = KeyedCounts.read(connection, "rollup_choices", List.of("node", "choice"), buckets);
        for (Choice choice : choices) {
            counts.add(choice.bucket(), Arrays.asList(choice.node(), choice.key()), sign);
        }
        counts.write(connection);
    }

    /** A call's choice events, counted or not; the ids let the ones read be marked even as other writers insert. */
    private static List<Choice> read(Connection connection, List<String> sids, String in, boolean counted)
        throws SQLException {
        List<Choice> choices = new ArrayList<>();
        try (PreparedStatement select = connection.prepareStatement("SELECT id, occurred_at, node, choice "
            + "FROM call_event WHERE detail IN " + CHOICE_DETAILS + " AND rolled_up = " + counted
            + " AND call_sid IN (" + in + ")")) {
            for (int i = 0; i < sids.size(); i++) {
                select.setString(i + 1, sids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    long bucket = bucketOf(result.getObject(2, OffsetDateTime.class).toEpochSecond());
                    choices.add(new Choice(result.getObject(1, UUID.class), bucket, result.getString(3),
                        result.getString(4)));
                }
            }
        }
        return choices;
    }

    private static long bucketOf(long epochSecond) {
        return Math.floorDiv(epochSecond, CallRollups.BUCKET_SECONDS) * CallRollups.BUCKET_SECONDS;
    }

    private record Choice(UUID id, long bucket, String node, String key) {
    }
}
