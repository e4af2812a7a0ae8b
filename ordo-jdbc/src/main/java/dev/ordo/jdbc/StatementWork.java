package dev.ordo.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Work done with a prepared statement that the work does not own: it must not close it, and must close the result
 * sets it opens. See {@link OrdoDatabase#withStatement}.
 */
@FunctionalInterface
public interface StatementWork<T> {

    T apply(PreparedStatement statement) throws SQLException;
}
