package dev.ordo.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A child JVM on the JDK that runs the launcher, its output appended to a log file. Stopped with SIGTERM (the JVM's
 * shutdown hooks run), killed when it does not stop in time. Not thread-safe: one owner starts and stops it.
 */
final class ChildJvm {

    private static final Logger log = LoggerFactory.getLogger(ChildJvm.class);

    private final String name;
    private final Process process;
    private final Path logFile;

    private ChildJvm(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /**
     * Starts {@code java <jvmArgs>} in the working directory, output to {@code <logs>/<name>.log} (appended).
     *
     * @throws UncheckedIOException when the process cannot be started
     */
    static ChildJvm start(String name, List<String> jvmArgs, Path workingDirectory, Path logs) {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.addAll(jvmArgs);
        Path logFile = logs.resolve(name + ".log");
        try {
            Files.createDirectories(logs);
            Process process = new ProcessBuilder(command).directory(workingDirectory.toFile())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .start();
            log.info("{} started as pid {} (log {})", name, process.pid(), logFile);
            return new ChildJvm(name, process, logFile);
        } catch (IOException e) {
            throw new UncheckedIOException("could not start " + name + ": " + String.join(" ", command), e);
        }
    }

    /** This JVM's classpath with every entry made absolute, for children that run in another folder. */
    static String classpath() {
        return java.util.Arrays.stream(System.getProperty("java.class.path").split(java.io.File.pathSeparator))
                .map(entry -> Path.of(entry).toAbsolutePath().toString())
                .collect(java.util.stream.Collectors.joining(java.io.File.pathSeparator));
    }

    /** The {@code java} launcher of the running JDK. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    Path logFile() {
        return logFile;
    }

    /**
     * Waits for the process to end by itself.
     *
     * @return its exit status, or -1 when it still runs after the timeout
     */
    int waitFor(Duration timeout) throws InterruptedException {
        return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS) ? process.exitValue() : -1;
    }

    /** Asks it to stop (SIGTERM) and waits; kills it (SIGKILL) when it has not stopped within the grace period. */
    void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("{} (pid {}) did not stop within {}: killing it", name, process.pid(), grace);
                process.destroyForcibly().waitFor();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
        log.info("{} (pid {}) stopped", name, process.pid());
    }

    /** The last lines of its log, for error messages. */
    String tail(int lines) {
        try {
            List<String> all = Files.readAllLines(logFile);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
