package dev.ordo.marketplace.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Debian's Chromium for the browser tests (Playwright downloads no browser here): installed with apt-get when it is
 * absent (as root, or with a sudo that asks no password), so the README's test command works on a fresh machine;
 * otherwise the tests fail saying how to install it.
 */
final class Chromium {

    static final Path EXECUTABLE = Path.of("/usr/bin/chromium");

    private Chromium() {
    }

    /** The browser's executable, installed first if needed. */
    static synchronized Path executable() {
        if (Files.isExecutable(EXECUTABLE)) {
            return EXECUTABLE;
        }
        // as root apt-get itself; otherwise sudo, if it needs no password
        List<String> asAdmin = "root".equals(System.getProperty("user.name")) ? List.of() : List.of("sudo", "-n");
        if (!run(asAdmin, List.of("apt-get", "install", "-y", "chromium"))) {
            run(asAdmin, List.of("apt-get", "update"));
            run(asAdmin, List.of("apt-get", "install", "-y", "chromium"));
        }
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("could not install Chromium with apt-get; the browser tests need Debian's "
                    + "Chromium at " + EXECUTABLE + ": run 'sudo apt-get install -y chromium'");
        }
        return EXECUTABLE;
    }

    private static boolean run(List<String> prefix, List<String> command) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(command);
        try {
            ProcessBuilder builder = new ProcessBuilder(all).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()));
            builder.environment().put("DEBIAN_FRONTEND", "noninteractive");
            Process process = builder.start();
            process.getOutputStream().close();
            return process.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
