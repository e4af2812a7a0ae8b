package dev.ordo.bench;

import dev.ordo.bench.http.ConsumerScaleBench;
import dev.ordo.bench.http.FulfilmentBench;
import dev.ordo.bench.http.HttpBench;
import dev.ordo.bench.http.ReadLatencyBench;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Runs the benchmarks and prints markdown rows for {@code docs/benchmarks.md}.
 *
 * <pre>
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar appends [sqlite|postgres]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar append-costs
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar reads [sqlite|postgres] [events]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar load
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar relay [sqlite|postgres] [events] [batch]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar consumer [events]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar kafka-latency [events per second]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar http [marketplace.jar] [clients ...]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar sagas [sqlite|postgres]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar http-fulfilment [marketplace.jar] [sqlite|postgres|cluster ...]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar consumer-scale [marketplace.jar]
 * java --enable-native-access=ALL-UNNAMED -jar bench/target/ordo-bench.jar read-latency
 * </pre>
 *
 * Settings come from system properties: {@code bench.warmup} and {@code bench.seconds} (per round, default 2 and
 * 5), {@code bench.rounds} (default 3); {@code http} and {@code http-fulfilment} have their own defaults and settings, see {@link HttpBench} and
 * {@link FulfilmentBench}; {@code consumer-scale} and
 * {@code read-latency}, see {@link ConsumerScaleBench} and {@link ReadLatencyBench}.
 */
public final class Bench {

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println("usage: Bench appends|reads|load [sqlite|postgres] [events]");
            System.err.println("       Bench relay [sqlite|postgres] [events] [batch]   (outbox relay vs bare producer)");
            System.err.println("       Bench append-costs   (a lone PostgreSQL writer's costs one at a time)");
            System.err.println("       Bench http [marketplace.jar] [clients ...]");
            System.err.println("       Bench http-fulfilment [marketplace.jar] [sqlite|postgres|cluster ...]");
            System.err.println("       Bench consumer-scale [marketplace.jar]   (the cluster's query service, 1 and 2 "
                    + "instances)");
            System.err.println("       Bench read-latency   (the cluster: an order placed until its notification shows)");
            System.exit(2);
        }
        double warmup = Double.parseDouble(System.getProperty("bench.warmup", "2"));
        double seconds = Double.parseDouble(System.getProperty("bench.seconds", "5"));
        int rounds = Integer.getInteger("bench.rounds", 3);
        List<String> backends = args.length > 1 ? List.of(args[1]) : List.of("sqlite", "postgres");
        List<String> rows = new ArrayList<>();
        switch (args[0]) {
            case "appends" -> {
                System.out.println("| backend | scenario | writers | Ordo events/s | raw JDBC events/s | ratio |");
                System.out.println("|---|---|---|---|---|---|");
                for (String backend : backends) {
                    try (Backend db = Backend.open(backend)) {
                        rows.addAll(new AppendBench(db, warmup, seconds, rounds).run());
                    }
                }
            }
            case "append-costs" -> {
                System.out.println("| backend | variant | writers | events/s | ÷ raw INSERT | µs per append |");
                System.out.println("|---|---|---|---|---|---|");
                try (Backend db = Backend.open("postgres")) {
                    rows.addAll(new AppendCostBench(db, warmup, seconds, rounds).run());
                }
            }
            case "reads" -> {
                int events = args.length > 2 ? Integer.parseInt(args[2]) : 1_000_000;
                System.out.println("| backend | scenario | Ordo events/s | raw JDBC events/s | ratio |");
                System.out.println("|---|---|---|---|---|");
                for (String backend : backends) {
                    try (Backend db = Backend.open(backend)) {
                        rows.addAll(new ReadBench(db, events, rounds).run());
                    }
                }
            }
            case "relay" -> {
                int events = args.length > 2 ? Integer.parseInt(args[2]) : 200_000;
                int batch = args.length > 3 ? Integer.parseInt(args[3]) : 500;
                System.out.println("| backend | scenario | relay events/s | bare KafkaProducer events/s | ratio "
                        + "| bare producer, a transaction per batch, events/s | ratio |");
                System.out.println("|---|---|---|---|---|---|---|");
                for (String backend : backends) {
                    try (Backend db = Backend.open(backend)) {
                        rows.addAll(new RelayBench(db, events, rounds, batch).run());
                    }
                }
            }
            case "consumer" -> {
                System.out.println("| backend | scenario | inbox subscription events/s | bare consumer events/s | ratio "
                        + "| bare consumer + same upserts, a transaction per poll | ratio |");
                System.out.println("|---|---|---|---|---|---|---|");
                rows.addAll(KafkaConsumerBench.throughput(args.length > 1 ? Integer.parseInt(args[1]) : 200_000,
                        rounds));
            }
            case "kafka-latency" -> {
                System.out.println("| backend | load | events measured | p50 ms | p99 ms | p99.9 ms | max ms |");
                System.out.println("|---|---|---|---|---|---|---|");
                rows.addAll(KafkaConsumerBench.latency(args.length > 1 ? Integer.parseInt(args[1]) : 1_000, warmup,
                        seconds));
            }
            case "http" -> rows.addAll(HttpBench.run(List.of(args).subList(1, args.length)));
            case "http-fulfilment" -> rows.addAll(FulfilmentBench.run(List.of(args).subList(1, args.length)));
            case "consumer-scale" -> rows.addAll(ConsumerScaleBench.run(List.of(args).subList(1, args.length)));
            case "read-latency" -> rows.addAll(ReadLatencyBench.run());
            case "sagas" -> {
                int inFlight = Integer.getInteger("bench.inFlight", 64);
                System.out.println("| backend | scenario | sagas/s | raw JDBC (10 commits per saga)/s | ratio |");
                System.out.println("|---|---|---|---|---|");
                for (String backend : backends) {
                    try (Backend db = Backend.open(backend)) {
                        rows.addAll(new SagaBench(db, warmup, seconds, inFlight).run());
                    }
                }
            }
            case "load" -> new Runner(new OptionsBuilder()
                    .include(StreamLoadBenchmark.class.getSimpleName())
                    .param("backend", backends.toArray(String[]::new))
                    .build()).run();
            default -> {
                System.err.println("unknown benchmark " + Arrays.toString(args));
                System.exit(2);
            }
        }
        System.exit(rows.isEmpty() && !"load".equals(args[0]) ? 1 : 0);
    }
}
