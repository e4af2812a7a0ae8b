package dev.ordo.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClusterSettingsUnitTests {

    @Test
    void optionsOverrideTheDefaultsAndSurviveTheRoundTripToAChildLauncher() {
        ClusterSettings settings = ClusterSettings.parse(List.of("--data=/tmp/c", "--http-port=9090",
                "--kafka-port=29092"));

        assertThat(settings.data()).isEqualTo(Path.of("/tmp/c"));
        assertThat(settings.httpPort()).isEqualTo(9090);
        assertThat(settings.kafkaPort()).isEqualTo(29092);
        assertThat(settings.postgresPort()).isEqualTo(15432);
        assertThat(ClusterSettings.parse(settings.options())).isEqualTo(new ClusterSettings(Path.of("/tmp/c"),
                settings.jar().toAbsolutePath(), settings.gatewayJar().toAbsolutePath(), 9090, 15432, 29092));
    }

    @Test
    void anUnknownOptionOrABadPortIsRefusedNamingIt() {
        assertThatThrownBy(() -> ClusterSettings.parse(List.of("--colour=blue")))
                .hasMessageContaining("unknown option --colour");
        assertThatThrownBy(() -> ClusterSettings.parse(List.of("--http-port=eighty")))
                .hasMessageContaining("--http-port must be a port number, was 'eighty'");
        assertThatThrownBy(() -> ClusterSettings.parse(List.of("--http-port=70000")))
                .hasMessageContaining("from 1 to 65535");
        assertThatThrownBy(() -> ClusterSettings.parse(List.of("start")))
                .hasMessageContaining("not an option: 'start'");
    }

    @Test
    void anUnknownCommandPrintsTheUsageAndExitsWithTwo() throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Cluster.run(new String[] {"launch"}, new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(2);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("unknown command 'launch'")
                .contains("usage: cluster start|stop|status");
    }

    @Test
    void pausingOrResumingWithoutAProcessNamePrintsTheUsageAndExitsWithTwo() throws InterruptedException {
        for (String[] args : List.of(new String[] {"pause"}, new String[] {"resume", "--data=/tmp/nowhere"})) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();

            int status = Cluster.run(args, new PrintStream(out, true, StandardCharsets.UTF_8));

            assertThat(status).isEqualTo(2);
            assertThat(out.toString(StandardCharsets.UTF_8)).contains(args[0] + " needs the name of a process")
                    .contains("pause <process>|resume <process>");
        }
    }

    @Test
    void pausingAProcessOfAClusterThatIsNotRunningSaysSoAndExitsWithOne(@TempDir Path data)
            throws InterruptedException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();

        int status = Cluster.run(new String[] {"pause", "kafka", "--data=" + data},
                new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(status).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("the cluster is not running");
        assertThat(data.resolve("paused")).doesNotExist();
    }
}
