package dev.ordo.jdbc;

import dev.ordo.core.deadletter.DeadLetter;
import dev.ordo.core.deadletter.DeadLetterAction;
import dev.ordo.core.deadletter.DeadLetterStatus;
import dev.ordo.core.deadletter.FailedMessage;
import dev.ordo.core.deadletter.Failure;
import dev.ordo.core.deadletter.Origin;
import dev.ordo.jackson.OrdoJson;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.type.TypeReference;

/**
 * Maps dead letters and their actions to and from rows of {@code ordo_dead_letters} and
 * {@code ordo_dead_letter_actions}, in the column order of the dialect files' statements. Headers are a JSON object.
 */
final class DeadLetterRows {

    private static final TypeReference<Map<String, String>> HEADERS = new TypeReference<>() {
    };

    private final Dialect dialect;

    DeadLetterRows(Dialect dialect) {
        this.dialect = dialect;
    }

    /** Reads the 17 letter columns of the current row. */
    DeadLetter read(ResultSet rs) throws SQLException {
        long position = rs.getLong(8);
        Long nullablePosition = rs.wasNull() ? null : position;
        FailedMessage message = new FailedMessage(rs.getString(4), rs.getString(6), rs.getString(7), nullablePosition,
                OrdoJson.mapper().readValue(rs.getString(9), HEADERS));
        return new DeadLetter(dialect.readUuid(rs, 1), new Origin(rs.getString(2), rs.getString(3)), rs.getString(5),
                message, new Failure(rs.getString(10), rs.getString(11), rs.getString(12)), rs.getInt(13),
                dialect.readInstant(rs, 14), dialect.readInstant(rs, 15), dialect.readInstantOrNull(rs, 16),
                DeadLetterStatus.valueOf(rs.getString(17)));
    }

    /** Binds the parameters of {@code dead_letter_insert}. */
    void bindInsert(PreparedStatement insert, DeadLetter letter) throws SQLException {
        FailedMessage message = letter.message();
        dialect.bindUuid(insert, 1, letter.id());
        insert.setString(2, letter.origin().kind());
        insert.setString(3, letter.origin().name());
        insert.setString(4, message.id());
        insert.setString(5, letter.key());
        insert.setString(6, message.type());
        insert.setString(7, message.payload());
        if (message.position() == null) {
            insert.setNull(8, Types.BIGINT);
        } else {
            insert.setLong(8, message.position());
        }
        insert.setString(9, OrdoJson.mapper().writeValueAsString(new TreeMap<>(message.headers())));
        bindChange(insert, 10, letter);
        insert.setString(17, letter.status().name());
    }

    /** Binds the parameters of {@code dead_letter_update}. */
    void bindUpdate(PreparedStatement update, DeadLetter letter) throws SQLException {
        bindChange(update, 1, letter);
        update.setString(8, letter.status().name());
        dialect.bindUuid(update, 9, letter.id());
    }

    /** The seven columns a change may touch: error type, message, stack trace, attempts and the three times. */
    private void bindChange(PreparedStatement statement, int first, DeadLetter letter) throws SQLException {
        statement.setString(first, letter.failure().type());
        statement.setString(first + 1, letter.failure().message());
        statement.setString(first + 2, letter.failure().stackTrace());
        statement.setInt(first + 3, letter.attempts());
        dialect.bindInstant(statement, first + 4, letter.firstFailedAt());
        dialect.bindInstant(statement, first + 5, letter.lastFailedAt());
        dialect.bindInstantOrNull(statement, first + 6, letter.nextAttemptAt());
    }

    /** Binds the parameters of {@code dead_letter_insert_action}. */
    void bindAction(PreparedStatement insert, DeadLetterAction action) throws SQLException {
        dialect.bindUuid(insert, 1, action.letterId());
        insert.setString(2, action.action().name());
        insert.setString(3, action.actor());
        dialect.bindInstant(insert, 4, action.at());
        insert.setString(5, action.note());
    }

    /** Reads a row of {@code dead_letter_history}. */
    DeadLetterAction readAction(ResultSet rs) throws SQLException {
        return new DeadLetterAction(dialect.readUuid(rs, 1), DeadLetterAction.Kind.valueOf(rs.getString(2)),
                rs.getString(3), dialect.readInstant(rs, 4), rs.getString(5));
    }
}
