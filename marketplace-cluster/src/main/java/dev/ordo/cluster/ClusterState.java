package dev.ordo.cluster;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What the supervisor of a running cluster tells the launcher's other commands, in a small properties file it rewrites
 * atomically: its pid and status, the pids of the processes it started, the services' URLs and the broker's address.
 *
 * @param status    where the cluster is
 * @param pid       the supervisor's process id
 * @param error     why it failed, or {@code null}
 * @param processes the pid of each process the supervisor started, by name
 * @param services  each service's URL, by name
 * @param kafka     the broker's bootstrap servers, or {@code null} before it runs
 * @param paused    the processes the supervisor stopped for a pause ({@code cluster pause}) and leaves stopped
 */
record ClusterState(Status status, long pid, String error, Map<String, Long> processes, Map<String, String> services,
                    String kafka, Set<String> paused) {

    /** Where a cluster is. */
    enum Status {
        STARTING, READY, FAILED, STOPPED
    }

    ClusterState {
        processes = Map.copyOf(processes);
        services = Map.copyOf(services);
        paused = Set.copyOf(paused);
    }

    static ClusterState starting(long pid) {
        return new ClusterState(Status.STARTING, pid, null, Map.of(), Map.of(), null, Set.of());
    }

    /** With the process's new pid; a process started again is no longer paused. */
    ClusterState withProcess(String name, long processId) {
        Map<String, Long> all = new LinkedHashMap<>(processes);
        all.put(name, processId);
        Set<String> stillPaused = new TreeSet<>(paused);
        stillPaused.remove(name);
        return new ClusterState(status, pid, error, all, services, kafka, stillPaused);
    }

    /** With the process stopped for a pause. */
    ClusterState withPaused(String name) {
        Set<String> all = new TreeSet<>(paused);
        all.add(name);
        return new ClusterState(status, pid, error, processes, services, kafka, all);
    }

    ClusterState withService(String name, String url, long processId) {
        Map<String, String> all = new LinkedHashMap<>(services);
        all.put(name, url);
        return new ClusterState(status, pid, error, processes, all, kafka, paused).withProcess(name, processId);
    }

    ClusterState withKafka(String bootstrapServers, long processId) {
        return new ClusterState(status, pid, error, processes, services, bootstrapServers, paused)
                .withProcess("kafka", processId);
    }

    ClusterState with(Status value, String why) {
        return new ClusterState(value, pid, why, processes, services, kafka, paused);
    }

    /** Whether the supervisor named here still runs. */
    boolean supervisorAlive() {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** The processes named here that still run. */
    List<ProcessHandle> liveProcesses() {
        List<ProcessHandle> live = new ArrayList<>();
        processes.values().forEach(id -> ProcessHandle.of(id).filter(ProcessHandle::isAlive).ifPresent(live::add));
        return live;
    }

    /** Writes the state to the file, replacing it at once. */
    void write(Path file) {
        Properties properties = new Properties();
        properties.setProperty("status", status.name());
        properties.setProperty("pid", Long.toString(pid));
        if (error != null) {
            properties.setProperty("error", error);
        }
        if (kafka != null) {
            properties.setProperty("kafka", kafka);
        }
        processes.forEach((name, id) -> properties.setProperty("process." + name, Long.toString(id)));
        if (!paused.isEmpty()) {
            properties.setProperty("paused", String.join(",", new TreeSet<>(paused)));
        }
        services.forEach((name, url) -> properties.setProperty("service." + name, url));
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary)) {
                properties.store(writer, "the marketplace cluster");
            }
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + file, e);
        }
    }

    /** The state in the file, or empty when there is none. */
    static Optional<ClusterState> read(Path file) {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file)) {
            properties.load(reader);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("could not read " + file, e);
        }
        Map<String, Long> processes = new LinkedHashMap<>();
        Map<String, String> services = new LinkedHashMap<>();
        for (String key : properties.stringPropertyNames()) {
            if (key.startsWith("process.")) {
                processes.put(key.substring("process.".length()), Long.parseLong(properties.getProperty(key)));
            } else if (key.startsWith("service.")) {
                services.put(key.substring("service.".length()), properties.getProperty(key));
            }
        }
        return Optional.of(new ClusterState(Status.valueOf(properties.getProperty("status")),
                Long.parseLong(properties.getProperty("pid")), properties.getProperty("error"), processes, services,
                properties.getProperty("kafka"), Arrays.stream(properties.getProperty("paused", "").split(","))
                .filter(name -> !name.isEmpty()).collect(Collectors.toSet())));
    }
}
