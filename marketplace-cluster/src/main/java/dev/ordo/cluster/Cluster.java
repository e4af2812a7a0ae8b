package dev.ordo.cluster;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * The launcher's commands: {@code start} starts the cluster in a supervisor process of its own and returns once it is
 * ready, printing each service's URL and health; {@code stop} stops it, keeping its data; {@code status} tells where it
 * is; {@code pause <process>} stops one process (the broker, a service) and keeps the supervisor from starting it
 * again, {@code resume <process>} lets the supervisor start it and waits until it runs (an outage on demand, as
 * {@code docker compose stop} would make one). Options: see {@link ClusterSettings#parse(List)}.
 */
public final class Cluster {

    private static final Duration START = Duration.ofMinutes(6);
    private static final Duration STOP = Duration.ofMinutes(3);

    private final ClusterSettings settings;
    private final PrintStream out;

    Cluster(ClusterSettings settings, PrintStream out) {
        this.settings = settings;
        this.out = out;
    }

    /** {@code cluster start|stop|status [--option=value ...]}; exits 0 on success, 1 on a failure, 2 on bad usage. */
    public static void main(String[] args) throws InterruptedException {
        System.exit(run(args, System.out));
    }

    static int run(String[] args, PrintStream out) throws InterruptedException {
        if (args.length == 0) {
            return usage(out, "no command given");
        }
        boolean namesProcess = args[0].equals("pause") || args[0].equals("resume");
        if (namesProcess && (args.length < 2 || args[1].startsWith("--"))) {
            return usage(out, args[0] + " needs the name of a process, such as kafka or inventory");
        }
        ClusterSettings settings;
        try {
            settings = ClusterSettings.parse(List.of(args).subList(namesProcess ? 2 : 1, args.length));
        } catch (IllegalArgumentException e) {
            return usage(out, e.getMessage());
        }
        Cluster cluster = new Cluster(settings, out);
        return switch (args[0]) {
            case "start" -> cluster.start();
            case "stop" -> cluster.stop();
            case "status" -> cluster.status();
            case "pause" -> cluster.pause(args[1]);
            case "resume" -> cluster.resume(args[1]);
            case "supervise" -> cluster.supervise();
            default -> usage(out, "unknown command '" + args[0] + "'");
        };
    }

    private static int usage(PrintStream out, String problem) {
        out.println(problem);
        out.println("usage: cluster start|stop|status|pause <process>|resume <process> [--data=data/cluster]"
                + " [--jar=marketplace/target/marketplace.jar]"
                + " [--gateway-jar=marketplace-gateway/target/marketplace-gateway.jar] [--http-port=8080]"
                + " [--postgres-port=15432] [--kafka-port=19092]");
        return 2;
    }

    /** Starts the supervisor unless one runs, waits until the cluster is ready (or failed) and says so. */
    int start() throws InterruptedException {
        Optional<ClusterState> current = ClusterState.read(settings.stateFile());
        if (current.isPresent() && current.get().supervisorAlive()) {
            out.println("the cluster runs already (supervisor pid " + current.get().pid() + ")");
            return report(current.get());
        }
        List<String> args = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-cp",
                ChildJvm.classpath(), Cluster.class.getName(), "supervise"));
        args.addAll(settings.options());
        ChildJvm supervisor = ChildJvm.start("supervisor", args, settings.data(), settings.logs());
        out.println("starting the cluster (supervisor pid " + supervisor.pid() + ", logs in "
                + settings.logs().toAbsolutePath() + ")");
        long deadline = System.nanoTime() + START.toNanos();
        while (true) {
            Optional<ClusterState> state = ClusterState.read(settings.stateFile())
                    .filter(s -> s.pid() == supervisor.pid());
            if (state.isPresent() && state.get().status() == ClusterState.Status.READY) {
                return report(state.get());
            }
            if (state.isPresent() && state.get().status() == ClusterState.Status.FAILED) {
                out.println("the cluster failed to start: " + state.get().error());
                return 1;
            }
            if (!supervisor.isAlive()) {
                out.println("the supervisor exited while starting:\n" + supervisor.tail(40));
                return 1;
            }
            if (System.nanoTime() - deadline > 0) {
                supervisor.stop(STOP);
                out.println("the cluster was not ready within " + START + "; stopped it");
                return 1;
            }
            Thread.sleep(500);
        }
    }

    /** Stops the supervisor (which stops the services, the broker and PostgreSQL), then any process it left. */
    int stop() throws InterruptedException {
        Optional<ClusterState> current = ClusterState.read(settings.stateFile());
        if (current.isEmpty()) {
            out.println("no cluster has run with data in " + settings.data().toAbsolutePath());
            return 0;
        }
        ClusterState state = current.get();
        ProcessHandle.of(state.pid()).filter(ProcessHandle::isAlive).ifPresent(supervisor -> {
            supervisor.destroy();
            supervisor.onExit().orTimeout(STOP.toSeconds(), java.util.concurrent.TimeUnit.SECONDS)
                    .exceptionally(e -> supervisor).join();
        });
        for (ProcessHandle left : state.liveProcesses()) {
            out.println("process " + left.pid() + " outlived the supervisor: killing it");
            left.destroyForcibly();
            left.onExit().join();
        }
        if (ProcessHandle.of(state.pid()).map(ProcessHandle::isAlive).orElse(false)) {
            ProcessHandle.of(state.pid()).ifPresent(ProcessHandle::destroyForcibly);
        }
        out.println("the cluster is stopped; its data stays in " + settings.data().toAbsolutePath());
        return 0;
    }

    /**
     * Asks the supervisor to stop the named process (SIGTERM, an orderly stop) and to leave it stopped until
     * {@link #resume}; returns once the supervisor says it stopped it. A restart of the process under way when the
     * pause comes finishes first, and the supervisor then stops the process it started.
     */
    int pause(String process) throws InterruptedException {
        if (runningState(process).isEmpty()) {
            return 1;
        }
        try {
            Files.createDirectories(settings.pauseMarker(process).getParent());
            Files.writeString(settings.pauseMarker(process), "paused by cluster pause\n");
        } catch (IOException e) {
            out.println("cannot pause " + process + ": " + e.getMessage());
            return 1;
        }
        if (awaitState(state -> state.paused().contains(process), START.plus(STOP))) {
            out.println(process + " is paused: the supervisor leaves it stopped until 'cluster resume " + process
                    + "'");
            return 0;
        }
        out.println(process + " was not stopped within " + START.plus(STOP) + "; the supervisor's log ends with:");
        printSupervisorLog();
        return 1;
    }

    /** Lets the supervisor start the named process again and waits until a new process of it runs. */
    int resume(String process) throws InterruptedException {
        Optional<ClusterState> running = runningState(process);
        if (running.isEmpty()) {
            return 1;
        }
        long before = running.get().processes().get(process);
        try {
            Files.deleteIfExists(settings.pauseMarker(process));
        } catch (IOException e) {
            out.println("cannot resume " + process + ": " + e.getMessage());
            return 1;
        }
        if (awaitState(state -> state.processes().get(process) != before && ProcessHandle.of(state.processes()
                .get(process)).map(ProcessHandle::isAlive).orElse(false), START)) {
            out.println(process + " runs again (pid " + ClusterState.read(settings.stateFile()).orElseThrow()
                    .processes().get(process) + ")");
            return 0;
        }
        out.println(process + " did not start again within " + START + "; the supervisor's log ends with:");
        printSupervisorLog();
        return 1;
    }

    /** Whether the state comes to hold within the time, with the supervisor alive. */
    private boolean awaitState(Predicate<ClusterState> condition, Duration within)
            throws InterruptedException {
        long deadline = System.nanoTime() + within.toNanos();
        while (System.nanoTime() - deadline < 0) {
            Optional<ClusterState> state = ClusterState.read(settings.stateFile());
            if (state.isEmpty() || !state.get().supervisorAlive()) {
                return false;
            }
            if (condition.test(state.get())) {
                return true;
            }
            Thread.sleep(500);
        }
        return false;
    }

    private void printSupervisorLog() {
        try (var lines = Files.lines(settings.logs().resolve("supervisor.log"))) {
            List<String> all = lines.toList();
            all.subList(Math.max(0, all.size() - 30), all.size()).forEach(out::println);
        } catch (IOException | UncheckedIOException e) {
            out.println("(cannot read it: " + e.getMessage() + ")");
        }
    }

    /** The state of a running cluster that has the named process; empty (and says why) otherwise. */
    private Optional<ClusterState> runningState(String process) {
        Optional<ClusterState> current = ClusterState.read(settings.stateFile()).filter(ClusterState::supervisorAlive);
        if (current.isEmpty()) {
            out.println("the cluster is not running (data in " + settings.data().toAbsolutePath() + ")");
            return Optional.empty();
        }
        if (!current.get().processes().containsKey(process) || process.equals("postgres")) {
            out.println("no process '" + process + "' the supervisor keeps running; it has "
                    + current.get().processes().keySet().stream().filter(p -> !p.equals("postgres")).sorted()
                    .toList());
            return Optional.empty();
        }
        return current;
    }

    /** Prints the cluster's state and each service's health. */
    int status() {
        Optional<ClusterState> current = ClusterState.read(settings.stateFile());
        if (current.isEmpty() || !current.get().supervisorAlive()) {
            out.println("the cluster is not running (data in " + settings.data().toAbsolutePath() + ")");
            return 1;
        }
        return report(current.get());
    }

    private int report(ClusterState state) {
        out.println("cluster " + state.status().name().toLowerCase() + "; Kafka at " + state.kafka()
                + ", PostgreSQL on port " + settings.postgresPort());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        boolean healthy = true;
        for (var service : state.services().entrySet()) {
            int health = ServiceJvm.health(http, URI.create(service.getValue()));
            healthy &= health == 200;
            out.println("  " + service.getKey() + ": " + service.getValue() + " (health: "
                    + (health == 200 ? "UP" : health < 0 ? "not answering" : "HTTP " + health) + ")");
        }
        return healthy ? 0 : 1;
    }

    /** Runs the supervisor in this process until SIGTERM. */
    int supervise() throws InterruptedException {
        Supervisor supervisor = new Supervisor(settings);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            supervisor.close();
            stopped.countDown();
        }, "cluster-stop"));
        try {
            supervisor.start();
        } catch (RuntimeException e) {
            out.println("the cluster failed to start: " + e.getMessage());
            return 1;
        }
        stopped.await();
        return 0;
    }
}
