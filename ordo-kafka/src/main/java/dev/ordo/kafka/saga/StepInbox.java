package dev.ordo.kafka.saga;

import dev.ordo.jdbc.OrdoDatabase;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.Optional;

/**
 * The replies a participant produced, by invocation id, in the {@code ordo_step_inbox} table of its database
 * (migrated from {@code dev/ordo/kafka/migration/step-inbox}, history in {@code ordo_step_inbox_schema_history}).
 * Every method works inside a transaction the caller holds, on its connection.
 */
final class StepInbox {

    private static final String FIND = """
            SELECT outcome, result_type, result FROM ordo_step_inbox
            WHERE participant = ? AND invocation_id = ? AND outcome IS NOT NULL""";
    private static final String CLAIM = """
            INSERT INTO ordo_step_inbox (participant, invocation_id, recorded_at) VALUES (?, ?, ?)""";
    private static final String COMPLETE = """
            UPDATE ordo_step_inbox SET outcome = ?, result_type = ?, result = ?, recorded_at = ?
            WHERE participant = ? AND invocation_id = ?""";
    private static final String RECORD_IF_ABSENT = """
            INSERT INTO ordo_step_inbox (participant, invocation_id, outcome, result_type, result, recorded_at)
            VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (participant, invocation_id) DO NOTHING""";

    private final String participant;
    private final Clock clock;

    private StepInbox(String participant, Clock clock) {
        this.participant = participant;
        this.clock = clock;
    }

    /** The inbox of one participant, migrating the table when needed. */
    static StepInbox of(OrdoDatabase database, String participant, Clock clock) {
        database.migrate("dev/ordo/kafka/migration/step-inbox", false, "ordo_step_inbox_schema_history");
        return new StepInbox(participant, clock);
    }

    /** The reply stored for the invocation, if any. */
    Optional<StoredReply> find(Connection connection, String invocationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(FIND)) {
            statement.setString(1, participant);
            statement.setString(2, invocationId);
            try (ResultSet row = statement.executeQuery()) {
                if (!row.next()) {
                    return Optional.empty();
                }
                return Optional.of(new StoredReply(invocationId, "succeeded".equals(row.getString(1)),
                        row.getString(2), row.getString(3)));
            }
        }
    }

    /**
     * Claims the invocation for the transaction at hand: a second transaction claiming it waits for this one and then
     * fails on the primary key, so two members of a group handing the same request over never both commit an effect.
     */
    void claim(Connection connection, String invocationId) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CLAIM)) {
            statement.setString(1, participant);
            statement.setString(2, invocationId);
            statement.setLong(3, clock.millis());
            statement.executeUpdate();
        }
    }

    /** Stores the reply of an invocation claimed in this transaction. */
    void complete(Connection connection, StoredReply reply) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(COMPLETE)) {
            statement.setString(1, reply.succeeded() ? "succeeded" : "failed");
            statement.setString(2, reply.resultType());
            statement.setString(3, reply.body());
            statement.setLong(4, clock.millis());
            statement.setString(5, participant);
            statement.setString(6, reply.invocationId());
            statement.executeUpdate();
        }
    }

    /** Stores the reply unless one is stored already, and returns the one stored. */
    StoredReply recordIfAbsent(Connection connection, StoredReply reply) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(RECORD_IF_ABSENT)) {
            statement.setString(1, participant);
            statement.setString(2, reply.invocationId());
            statement.setString(3, reply.succeeded() ? "succeeded" : "failed");
            statement.setString(4, reply.resultType());
            statement.setString(5, reply.body());
            statement.setLong(6, clock.millis());
            statement.executeUpdate();
        }
        return find(connection, reply.invocationId()).orElseThrow(() -> new SQLException(
                "the reply to " + reply.invocationId() + " was neither stored nor found"));
    }
}
