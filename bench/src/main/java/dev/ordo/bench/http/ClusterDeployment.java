package dev.ordo.bench.http;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * A marketplace cluster started by {@code ./cluster start} and still running, found through its state file: the
 * gateway is the public API, the orders service runs the sagas, and the CPU is that of the supervisor, every service,
 * the broker and the PostgreSQL server (its postmaster, found by its data folder, and the postmaster's children).
 * Closing it leaves the cluster running. Thread-safe.
 */
final class ClusterDeployment implements Deployment {

    private final URI gateway;
    private final URI orders;
    private final List<ProcessHandle> processes;
    private final Map<Long, Duration> lastCpu = new HashMap<>();

    private ClusterDeployment(URI gateway, URI orders, List<ProcessHandle> processes) {
        this.gateway = gateway;
        this.orders = orders;
        this.processes = List.copyOf(processes);
    }

    /**
     * @param data the cluster's data folder ({@code data/cluster} by default), holding {@code cluster.state}
     * @throws IllegalStateException when no ready cluster is recorded there, or one of its processes is gone
     */
    static ClusterDeployment attach(Path data) {
        Properties state = new Properties();
        try (Reader in = Files.newBufferedReader(data.resolve("cluster.state"))) {
            state.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException("no cluster state in " + data + ": start it with ./cluster start", e);
        }
        if (!"READY".equals(state.getProperty("status"))) {
            throw new IllegalStateException("the cluster in " + data + " is " + state.getProperty("status"));
        }
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(alive(Long.parseLong(state.getProperty("pid"))));
        for (String key : state.stringPropertyNames()) {
            if (key.startsWith("process.")) {
                processes.add(alive(Long.parseLong(state.getProperty(key))));
            }
        }
        String folder = data.toAbsolutePath().normalize().toString();
        List<ProcessHandle> postmasters = ProcessHandle.allProcesses().filter(p -> p.info().command()
                .map(command -> command.endsWith("/postgres")).orElse(false) && p.info().arguments()
                .map(args -> String.join(" ", args).contains(folder)).orElse(false)).toList();
        if (postmasters.isEmpty()) {
            throw new IllegalStateException("no PostgreSQL server of the cluster in " + folder + " runs");
        }
        for (ProcessHandle postmaster : postmasters) {
            processes.add(postmaster);
            try (Stream<ProcessHandle> children = postmaster.descendants()) {
                children.forEach(processes::add);
            }
        }
        return new ClusterDeployment(URI.create(state.getProperty("service.gateway")),
                URI.create(state.getProperty("service.orders")), processes);
    }

    private static ProcessHandle alive(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .orElseThrow(() -> new IllegalStateException("process " + pid + " of the cluster is gone"));
    }

    @Override
    public URI base() {
        return gateway;
    }

    @Override
    public URI sagas() {
        return orders;
    }

    /** A process that ended since the attachment (a pooled connection closed) counts with the CPU it had last. */
    @Override
    public synchronized Duration cpu() {
        Duration total = Duration.ZERO;
        for (ProcessHandle process : processes) {
            process.info().totalCpuDuration().ifPresent(now -> lastCpu.put(process.pid(), now));
            total = total.plus(lastCpu.getOrDefault(process.pid(), Duration.ZERO));
        }
        return total;
    }

    @Override
    public void close() {
    }
}
