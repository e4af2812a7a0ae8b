package dev.ordo.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class SqlStatementsUnitTests {

    /** Statements every dialect needs: JdbcEventStore, JdbcSnapshotStore, JdbcDeadLetterStore and Dialect use them. */
    private static final List<String> COMMON = List.of("stream_info", "upsert_stream", "head_position",
            "read_stream_forwards", "read_stream_backwards", "read_all", "read_all_by_category", "read_all_by_type",
            "read_all_by_category_and_type", "load_snapshot", "save_snapshot", "delete_snapshot", "bump_revision",
            "dead_letter_lock_by_id", "dead_letter_lock_by_message", "dead_letter_get", "dead_letter_find",
            "dead_letter_list", "dead_letter_count_by_origin", "dead_letter_due", "dead_letter_lock_parked",
            "dead_letter_insert", "dead_letter_update", "dead_letter_insert_action", "dead_letter_history");

    /** Statements SqliteDialect uses. */
    private static final List<String> SQLITE = List.of("read_head", "find_event_id", "insert_event", "update_head");

    /** Statements PostgresDialect uses. */
    private static final List<String> POSTGRESQL = List.of("read_state", "lock_head", "find_event_ids", "append");

    @Test
    void readsEachStatementUnderItsName() {
        String text = """
                -- name: first
                SELECT 1
                FROM a;

                -- name: second
                UPDATE b SET c = 1;
                """;

        Map<String, String> statements = SqlStatements.parse(text);

        assertThat(statements).containsOnly(
                Map.entry("first", "SELECT 1\nFROM a"),
                Map.entry("second", "UPDATE b SET c = 1"));
    }

    @Test
    void dropsCommentLinesAndTheHeaderBeforeTheFirstStatement() {
        String text = """
                -- A header about the whole file.
                SELECT 'ignored, not under a name';
                -- name: only
                -- what the statement does
                SELECT x
                    -- an indented comment
                FROM y;
                """;

        Map<String, String> statements = SqlStatements.parse(text);

        assertThat(statements).containsOnly(Map.entry("only", "SELECT x\nFROM y"));
    }

    @Test
    void removesOnlyTheTrailingSemicolonAndSurroundingBlankSpace() {
        String text = "-- name:   padded   \n\n  SELECT ';' AS s ;  \n\n";

        Map<String, String> statements = SqlStatements.parse(text);

        assertThat(statements).containsOnly(Map.entry("padded", "SELECT ';' AS s"));
    }

    @Test
    void keepsAStatementWithoutSemicolonAsItIs() {
        Map<String, String> statements = SqlStatements.parse("-- name: last\nSELECT 1");

        assertThat(statements).containsOnly(Map.entry("last", "SELECT 1"));
    }

    @Test
    void readsNothingFromATextWithoutStatements() {
        assertThat(SqlStatements.parse("-- just a comment\n")).isEmpty();
    }

    @Test
    void refusesTheSameNameTwice() {
        String text = "-- name: twice\nSELECT 1;\n-- name: other\nSELECT 2;\n-- name: twice\nSELECT 3;\n";

        assertThatThrownBy(() -> SqlStatements.parse(text))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("SQL statement 'twice' is defined twice");
    }

    @Test
    void reportsAMissingDialectResource() {
        assertThatThrownBy(() -> SqlStatements.load("oracle"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("missing SQL resource dev/ordo/jdbc/sql/oracle.sql");
    }

    @Test
    void reportsAMissingStatementWithItsDialect() {
        SqlStatements sqlite = SqlStatements.load("sqlite");

        assertThatThrownBy(() -> sqlite.get("no_such_statement"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("no SQL statement 'no_such_statement' for sqlite");
    }

    @Test
    void sqliteHasEveryStatementTheCodeUses() {
        SqlStatements sqlite = SqlStatements.load("sqlite");

        Stream.concat(COMMON.stream(), SQLITE.stream()).forEach(name ->
                assertThat(sqlite.get(name)).as(name).isNotBlank().doesNotEndWith(";").doesNotContain("-- "));
    }

    @Test
    void postgresqlHasEveryStatementTheCodeUses() {
        SqlStatements postgresql = SqlStatements.load("postgresql");

        Stream.concat(COMMON.stream(), POSTGRESQL.stream()).forEach(name ->
                assertThat(postgresql.get(name)).as(name).isNotBlank().doesNotEndWith(";").doesNotContain("-- "));
    }
}
