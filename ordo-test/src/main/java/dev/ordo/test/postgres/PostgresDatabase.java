package dev.ordo.test.postgres;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.util.Properties;
import javax.sql.DataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One empty database on the test server.
 *
 * @param name     the database name
 * @param host     the server's host
 * @param port     the server's port
 * @param user     a superuser
 * @param password its password (empty: the server trusts local connections)
 */
public record PostgresDatabase(String name, String host, int port, String user, String password) {

    /** The JDBC URL of the database. */
    public String jdbcUrl() {
        return "jdbc:postgresql://" + host + ":" + port + "/" + name;
    }

    /** An unpooled data source; wrap it in a pool for anything beyond a few connections. */
    public DataSource dataSource() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {host});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(name);
        ds.setUser(user);
        ds.setPassword(password);
        return ds;
    }

    /** A connection pool of at most {@code maxSize} connections to the database; the caller closes it. */
    public HikariDataSource pool(int maxSize) {
        HikariConfig config = new HikariConfig();
        config.setDataSource(dataSource());
        config.setMaximumPoolSize(maxSize);
        return new HikariDataSource(config);
    }

    /** The connection properties for {@link java.sql.DriverManager}. */
    public Properties properties() {
        Properties properties = new Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", password);
        return properties;
    }
}
