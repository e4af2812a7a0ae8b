package dev.ordo.cluster;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Where the cluster keeps its data and which ports it takes, from {@code --name=value} options.
 *
 * @param data         the folder of everything the cluster writes: {@code postgres/}, {@code kafka/}, {@code logs/}
 *                     and its state file; kept between runs
 * @param jar          the marketplace's application jar
 * @param gatewayJar   the gateway's application jar
 * @param httpPort     the port of the marketplace's public HTTP API (the gateway); the services take the next ones
 * @param postgresPort PostgreSQL's port
 * @param kafkaPort    the broker's client port (its controller takes the next one)
 */
public record ClusterSettings(Path data, Path jar, Path gatewayJar, int httpPort, int postgresPort, int kafkaPort) {

    /**
     * The defaults: {@code ./data/cluster}, {@code marketplace/target/marketplace.jar},
     * {@code marketplace-gateway/target/marketplace-gateway.jar}, 8080, 15432, 19092.
     */
    public static ClusterSettings defaults() {
        return new ClusterSettings(Path.of("data", "cluster"), Path.of("marketplace", "target", "marketplace.jar"),
                Path.of("marketplace-gateway", "target", "marketplace-gateway.jar"), 8080, 15432, 19092);
    }

    /**
     * The defaults with the given options ({@code --data=}, {@code --jar=}, {@code --gateway-jar=}, {@code --http-port=},
     * {@code --postgres-port=}, {@code --kafka-port=}).
     *
     * @throws IllegalArgumentException on an unknown option or a port that is not a number
     */
    public static ClusterSettings parse(List<String> options) {
        ClusterSettings settings = defaults();
        for (String option : options) {
            int equals = option.indexOf('=');
            if (!option.startsWith("--") || equals < 0) {
                throw new IllegalArgumentException("not an option: '" + option + "' (expected --name=value)");
            }
            String name = option.substring(2, equals);
            String value = option.substring(equals + 1);
            settings = switch (name) {
                case "data" -> new ClusterSettings(Path.of(value), settings.jar, settings.gatewayJar,
                        settings.httpPort, settings.postgresPort, settings.kafkaPort);
                case "jar" -> new ClusterSettings(settings.data, Path.of(value), settings.gatewayJar,
                        settings.httpPort, settings.postgresPort, settings.kafkaPort);
                case "gateway-jar" -> new ClusterSettings(settings.data, settings.jar, Path.of(value),
                        settings.httpPort, settings.postgresPort, settings.kafkaPort);
                case "http-port" -> new ClusterSettings(settings.data, settings.jar, settings.gatewayJar,
                        port(name, value), settings.postgresPort, settings.kafkaPort);
                case "postgres-port" -> new ClusterSettings(settings.data, settings.jar, settings.gatewayJar,
                        settings.httpPort, port(name, value), settings.kafkaPort);
                case "kafka-port" -> new ClusterSettings(settings.data, settings.jar, settings.gatewayJar,
                        settings.httpPort, settings.postgresPort, port(name, value));
                default -> throw new IllegalArgumentException("unknown option --" + name + " (known: --data, --jar, "
                        + "--gateway-jar, --http-port, --postgres-port, --kafka-port)");
            };
        }
        return settings;
    }

    /** These settings as options, for a child launcher. */
    public List<String> options() {
        List<String> options = new ArrayList<>();
        options.add("--data=" + data.toAbsolutePath());
        options.add("--jar=" + jar.toAbsolutePath());
        options.add("--gateway-jar=" + gatewayJar.toAbsolutePath());
        options.add("--http-port=" + httpPort);
        options.add("--postgres-port=" + postgresPort);
        options.add("--kafka-port=" + kafkaPort);
        return options;
    }

    Path postgres() {
        return data.resolve("postgres");
    }

    Path kafka() {
        return data.resolve("kafka");
    }

    Path logs() {
        return data.resolve("logs");
    }

    Path stateFile() {
        return data.resolve("cluster.state");
    }

    /** Where the pause markers are. */
    Path pausedFolder() {
        return data.resolve("paused");
    }

    /** The file whose presence tells the supervisor to leave the named process stopped ({@code cluster pause}). */
    Path pauseMarker(String process) {
        return pausedFolder().resolve(process);
    }

    private static int port(String name, String value) {
        try {
            int port = Integer.parseInt(value);
            if (port < 1 || port > 65_535) {
                throw new IllegalArgumentException("--" + name + " must be a port from 1 to 65535, was " + value);
            }
            return port;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--" + name + " must be a port number, was '" + value + "'", e);
        }
    }
}
