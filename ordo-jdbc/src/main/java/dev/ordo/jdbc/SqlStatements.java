package dev.ordo.jdbc;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * Named SQL statements of one dialect, loaded from {@code dev/ordo/jdbc/sql/<dialect>.sql}. Each statement starts
 * with a {@code -- name: <name>} line and runs to the next one. Immutable.
 */
final class SqlStatements {

    private static final String MARKER = "-- name:";

    private final String dialect;
    private final Map<String, String> statements;

    private SqlStatements(String dialect, Map<String, String> statements) {
        this.dialect = dialect;
        this.statements = Map.copyOf(statements);
    }

    static SqlStatements load(String dialect) {
        String resource = "sql/" + dialect + ".sql";
        try (InputStream in = SqlStatements.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing SQL resource dev/ordo/jdbc/" + resource);
            }
            return new SqlStatements(dialect, parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, String> parse(String text) {
        Map<String, String> result = new HashMap<>();
        String name = null;
        StringBuilder body = new StringBuilder();
        for (String line : text.split("\n", -1)) {
            if (line.startsWith(MARKER)) {
                put(result, name, body);
                name = line.substring(MARKER.length()).trim();
                body.setLength(0);
            } else if (name != null && !line.stripLeading().startsWith("--")) {
                body.append(line).append('\n');
            }
        }
        put(result, name, body);
        return result;
    }

    private static void put(Map<String, String> result, String name, StringBuilder body) {
        if (name == null) {
            return;
        }
        String sql = body.toString().strip();
        if (sql.endsWith(";")) {
            sql = sql.substring(0, sql.length() - 1).strip();
        }
        if (result.put(name, sql) != null) {
            throw new IllegalStateException("SQL statement '" + name + "' is defined twice");
        }
    }

    /** The statement with that name. */
    String get(String name) {
        String sql = statements.get(name);
        if (sql == null) {
            throw new IllegalStateException("no SQL statement '" + name + "' for " + dialect);
        }
        return sql;
    }
}
