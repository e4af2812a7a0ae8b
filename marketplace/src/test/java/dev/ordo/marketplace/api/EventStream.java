package dev.ordo.marketplace.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;

/**
 * A client of a server-sent event stream ({@code text/event-stream}) over the JDK's HTTP client, as a browser's
 * {@code EventSource} reads it: a thread of its own reads the response line by line and collects the events (an
 * {@code id}, an {@code event} name and {@code data}, dispatched at each blank line) and the comments. Thread-safe;
 * {@link #close()} disconnects.
 */
final class EventStream implements AutoCloseable {

    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();

    /** One dispatched event; {@code id} is {@code null} when the event had none. */
    record Event(String id, String name, String data) {

        JsonNode json() {
            return Api.JSON.readTree(data);
        }

        long position() {
            return Long.parseLong(id);
        }
    }

    private final HttpResponse<Stream<String>> response;
    private final List<Event> events = new CopyOnWriteArrayList<>();
    private final List<String> comments = new CopyOnWriteArrayList<>();
    private final List<String> lines = new CopyOnWriteArrayList<>();
    private volatile boolean ended;

    private EventStream(HttpResponse<Stream<String>> response) {
        this.response = response;
        Thread.ofVirtual().name("event-stream-reader").start(this::read);
    }

    /**
     * Opens a stream once the response's headers are in.
     *
     * @param token   the bearer token, {@code null} for none
     * @param headers more request headers, names and values alternating
     */
    static EventStream open(int port, String path, String token, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "text/event-stream").GET();
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return new EventStream(HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines()));
        } catch (IOException e) {
            throw new UncheckedIOException("GET " + path + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted during GET " + path, e);
        }
    }

    int status() {
        return response.statusCode();
    }

    /** The first value of a response header, {@code null} when absent. */
    String header(String name) {
        return response.headers().firstValue(name).orElse(null);
    }

    /** Every event so far, in the order they came. */
    List<Event> events() {
        return List.copyOf(events);
    }

    /** The events so far with this name. */
    List<Event> events(String name) {
        return events.stream().filter(e -> name.equals(e.name())).toList();
    }

    /** The comment lines so far, without their colon. */
    List<String> comments() {
        return List.copyOf(comments);
    }

    /** The whole body as it came so far, line by line (for a response that is not a stream). */
    String body() {
        return String.join("\n", lines);
    }

    /** True once the server ended the response (or the connection broke). */
    boolean hasEnded() {
        return ended;
    }

    @Override
    public void close() {
        response.body().close();
    }

    private void read() {
        String id = null;
        String name = null;
        List<String> data = new ArrayList<>();
        try {
            Iterator<String> reader = response.body().iterator();
            while (reader.hasNext()) {
                String line = reader.next();
                lines.add(line);
                if (line.isEmpty()) {
                    if (!data.isEmpty() || name != null) {
                        events.add(new Event(id, name == null ? "message" : name, String.join("\n", data)));
                    }
                    name = null;
                    data = new ArrayList<>();
                } else if (line.startsWith(":")) {
                    comments.add(line.substring(1));
                } else {
                    int colon = line.indexOf(':');
                    String field = colon < 0 ? line : line.substring(0, colon);
                    String value = colon < 0 ? "" : line.substring(colon + 1);
                    value = value.startsWith(" ") ? value.substring(1) : value;
                    switch (field) {
                        case "id" -> id = value;
                        case "event" -> name = value;
                        case "data" -> data.add(value);
                        default -> { }
                    }
                }
            }
        } catch (RuntimeException e) {
            // the connection was closed (by close() or the server): the stream has ended
        } finally {
            ended = true;
        }
    }
}
