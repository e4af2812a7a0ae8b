package dev.ordo.marketplace.platform.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The marketplace's logs under the {@code json-logs} profile, read from the console of a {@link LoggingProbe} JVM:
 * one JSON object per line, carrying the correlation id and the actor of the command they were logged in, and not one
 * line lost although the probe's {@code main} returns right after logging them into the asynchronous appender.
 */
class StructuredLogsIntegrationTests {

    /** More than the appender's queue holds, so that the shutdown finds it full. */
    private static final int LINES = 20_000;

    private static List<JsonNode> logged;

    @BeforeAll
    static void runTheProbe(@TempDir Path folder) throws IOException, InterruptedException {
        Path output = folder.resolve("probe.log");
        Process probe = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), LoggingProbe.class.getName(),
                "--spring.profiles.active=json-logs", "--probe.lines=" + LINES)
                .redirectErrorStream(true).redirectOutput(output.toFile()).start();
        if (!probe.waitFor(2, TimeUnit.MINUTES)) {
            probe.destroyForcibly();
            throw new IllegalStateException("the logging probe did not end; its output:\n" + Files.readString(output));
        }
        assertThat(probe.exitValue()).as("the probe's exit status; its output:\n%s", Files.readString(output))
                .isZero();
        JsonMapper json = JsonMapper.builder().build();
        logged = Files.readAllLines(output).stream().map(json::readTree).toList();
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null ? null : value.asString();
    }

    @Test
    void everyLineIsAJsonObjectInTheElasticCommonSchemaNamingTheService() {
        assertThat(logged).isNotEmpty().allSatisfy(line -> {
            assertThat(line.isObject()).isTrue();
            assertThat(line.has("@timestamp")).isTrue();
            assertThat(text(line, "message")).isNotNull();
        });
        assertThat(logged).anySatisfy(line -> assertThat(line.toString()).contains("marketplace"));
    }

    @Test
    void linesLoggedInACommandCarryItsCorrelationIdAndActorAsFields() {
        List<JsonNode> inCommand = logged.stream().filter(line -> text(line, "message").startsWith("line ")).toList();

        assertThat(inCommand).isNotEmpty().allSatisfy(line -> {
            assertThat(text(line, "correlationId")).isEqualTo(LoggingProbe.CORRELATION_ID);
            assertThat(text(line, "actor")).isEqualTo(LoggingProbe.ACTOR);
        });
        assertThat(logged).filteredOn(line -> text(line, "message").equals(LoggingProbe.LAST_LINE)).singleElement()
                .satisfies(line -> assertThat(line.has("actor")).as("logged after the command").isFalse());
    }

    @Test
    void anOrderlyShutdownWritesEveryLineTheAsynchronousAppenderHeld() {
        List<String> messages = logged.stream().map(line -> text(line, "message")).toList();

        assertThat(messages).filteredOn(message -> message.startsWith("line ")).hasSize(LINES)
                .startsWith("line 1 of " + LINES).endsWith("line " + LINES + " of " + LINES);
        assertThat(messages).contains(LoggingProbe.LAST_LINE);
    }
}
