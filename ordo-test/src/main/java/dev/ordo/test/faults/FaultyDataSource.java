package dev.ordo.test.faults;

import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * A {@link DataSource} that fails or stalls where a test says, at the level of JDBC calls: opening a connection,
 * running a statement, committing, rolling back. Every call passes through to the wrapped data source; before and
 * after each of those calls the injectors are asked whether to throw (say, {@link #connectionLost}) or to block (a
 * gate the test opens). So the code under test runs for real, and meets the fault exactly where a dying database or
 * network would put it: a fault {@linkplain When#AFTER after} a commit stands for a commit whose answer was lost.
 *
 * <p>The connections it hands out say they wrap nothing ({@code isWrapperFor} is false, {@code unwrap} throws), so code
 * that would unwrap them to the driver's own connection, and so go around the faults, uses them as plain JDBC
 * connections. Thread-safe.
 */
public final class FaultyDataSource implements DataSource {

    /** Whether a fault strikes before the call reaches the database or after it returned. */
    public enum When {
        BEFORE,
        AFTER
    }

    /**
     * One call to the database.
     *
     * @param kind what the call does
     * @param sql  the SQL of a statement; {@code null} for the other kinds
     */
    public record Call(Kind kind, String sql) {

        /** The calls a fault can strike. */
        public enum Kind {
            CONNECT,
            EXECUTE,
            COMMIT,
            ROLLBACK
        }

        /** True for a commit, whether through {@link Connection#commit()} or an SQL {@code COMMIT} statement. */
        public boolean commits() {
            return kind == Kind.COMMIT || kind == Kind.EXECUTE && sql.strip().toUpperCase(Locale.ROOT).equals("COMMIT");
        }
    }

    /** Sees every call before and after it; throws to inject a fault, blocks to stall the caller. */
    @FunctionalInterface
    public interface Injector {
        void at(When when, Call call) throws SQLException;
    }

    private static final Set<String> EXECUTIONS = Set.of("execute", "executeQuery", "executeUpdate",
            "executeLargeUpdate", "executeBatch", "executeLargeBatch");

    private final DataSource target;
    private final List<Injector> injectors = new CopyOnWriteArrayList<>();
    private final AtomicInteger injected = new AtomicInteger();

    private FaultyDataSource(DataSource target) {
        this.target = Objects.requireNonNull(target, "target");
    }

    public static FaultyDataSource wrap(DataSource target) {
        return new FaultyDataSource(target);
    }

    /** What a lost connection looks like to JDBC: SQL state {@code 08006}. */
    public static SQLException connectionLost(String where) {
        return new SQLException("injected: the connection was lost " + where, "08006");
    }

    /** Adds an injector consulted around every call. */
    public FaultyDataSource inject(Injector injector) {
        injectors.add(Objects.requireNonNull(injector, "injector"));
        return this;
    }

    /** The next {@code count} calls matching {@code calls} fail at {@code when} with what {@code fault} supplies. */
    public FaultyDataSource fail(When when, Predicate<Call> calls, int count, Supplier<SQLException> fault) {
        AtomicInteger left = new AtomicInteger(count);
        return inject((at, call) -> {
            if (at == when && calls.test(call) && left.getAndDecrement() > 0) {
                throw fault.get();
            }
        });
    }

    /** Removes every injector. */
    public void heal() {
        injectors.clear();
    }

    /** How many faults were thrown so far. */
    public int injected() {
        return injected.get();
    }

    @Override
    public Connection getConnection() throws SQLException {
        Call call = new Call(Call.Kind.CONNECT, null);
        strike(When.BEFORE, call);
        Connection connection = target.getConnection();
        try {
            strike(When.AFTER, call);
        } catch (SQLException | RuntimeException | Error e) {
            connection.close();
            throw e;
        }
        return proxy(Connection.class, new ConnectionHandler(connection));
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("the faulty data source opens connections with its target's user");
    }

    private void strike(When when, Call call) throws SQLException {
        for (Injector injector : injectors) {
            try {
                injector.at(when, call);
            } catch (SQLException | RuntimeException | Error fault) {
                injected.incrementAndGet();
                throw fault;
            }
        }
    }

    private Object around(Call call, Object target, Method method, Object[] args) throws Throwable {
        strike(When.BEFORE, call);
        Object result = invoke(target, method, args);
        strike(When.AFTER, call);
        return result;
    }

    private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
        try {
            return method.invoke(target, args);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, InvocationHandler handler) {
        return (T) Proxy.newProxyInstance(FaultyDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    private final class ConnectionHandler implements InvocationHandler {

        private final Connection connection;

        ConnectionHandler(Connection connection) {
            this.connection = connection;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            return switch (method.getName()) {
                case "isWrapperFor" -> false;
                case "unwrap" -> throw new SQLException("a faulty connection wraps nothing the caller may use");
                case "commit" -> around(new Call(Call.Kind.COMMIT, null), connection, method, args);
                case "rollback" -> around(new Call(Call.Kind.ROLLBACK, null), connection, method, args);
                case "prepareStatement", "prepareCall", "createStatement" -> {
                    Statement statement = (Statement) FaultyDataSource.invoke(connection, method, args);
                    String sql = method.getName().equals("createStatement") ? null : (String) args[0];
                    yield proxy(statementType(method), new StatementHandler(statement, sql));
                }
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> FaultyDataSource.invoke(connection, method, args);
            };
        }

        private static Class<? extends Statement> statementType(Method method) {
            return switch (method.getName()) {
                case "prepareStatement" -> PreparedStatement.class;
                case "prepareCall" -> CallableStatement.class;
                default -> Statement.class;
            };
        }
    }

    private final class StatementHandler implements InvocationHandler {

        private final Statement statement;
        private final String preparedSql;

        StatementHandler(Statement statement, String preparedSql) {
            this.statement = statement;
            this.preparedSql = preparedSql;
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            if (EXECUTIONS.contains(method.getName())) {
                String sql = args != null && args.length > 0 && args[0] instanceof String text ? text : preparedSql;
                return around(new Call(Call.Kind.EXECUTE, sql), statement, method, args);
            }
            return switch (method.getName()) {
                case "isWrapperFor" -> false;
                case "equals" -> proxy == args[0];
                case "hashCode" -> System.identityHashCode(proxy);
                default -> FaultyDataSource.invoke(statement, method, args);
            };
        }
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return target.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        target.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        target.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return target.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return target.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        throw new SQLException("a faulty data source wraps nothing the caller may use");
    }

    @Override
    public boolean isWrapperFor(Class<?> type) {
        return false;
    }
}
