package dev.ordo.marketplace.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Debian's Chromium for the browser tests (Playwright downloads no browser here): installed with apt-get when it is
 * absent and the tests run as root, so the README's test command works on a fresh machine; otherwise the tests fail
 * saying how to install it.
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
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the browser tests need Debian's Chromium at " + EXECUTABLE
                    + ": run 'sudo apt-get install -y chromium'");
        }
        if (!run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"))) {
            run(List.of("apt-get", "update"));
            run(List.of("apt-get", "install", "-y", "--no-install-recommends", "chromium"));
        }
        if (!Files.isExecutable(EXECUTABLE)) {
            throw new IllegalStateException("could not install Chromium with apt-get; the browser tests need it at "
                    + EXECUTABLE);
        }
        return EXECUTABLE;
    }

    private static boolean run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).inheritIO()
                    .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile())).start();
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
