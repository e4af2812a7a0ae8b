package dev.ordo.jdbc;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Work done with a prepared statement that the work does not own: it must not close it. */
@FunctionalInterface
interface StatementWork<T> {

    T apply(PreparedStatement statement) throws SQLException;
}
