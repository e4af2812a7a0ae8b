package dev.ordo.marketplace.platform.live;

import java.io.IOException;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * A {@link LiveSink} over Spring MVC's {@link SseEmitter}: the wire format of the live feeds. A message is
 * {@code id: <position>}, {@code event: <name>} and one {@code data:} line of JSON; the ready message is
 * {@code event: ready} with the position the stream starts after as its id and {@code {"position": N}} as its data; a
 * heartbeat is the comment line {@code : keep-alive}.
 */
final class EmitterSink implements LiveSink {

    private final SseEmitter emitter;

    EmitterSink(SseEmitter emitter) {
        this.emitter = emitter;
    }

    @Override
    public void ready(long position) throws IOException {
        write(SseEmitter.event().id(Long.toString(position)).name("ready").data("{\"position\":" + position + "}"));
    }

    @Override
    public void send(LiveMessage message) throws IOException {
        write(SseEmitter.event().id(Long.toString(message.position())).name(message.event()).data(message.data()));
    }

    @Override
    public void heartbeat() throws IOException {
        write(SseEmitter.event().comment(" keep-alive"));
    }

    @Override
    public void complete() {
        try {
            emitter.complete();
        } catch (RuntimeException e) {
            // the response has ended already (the client went away first): nothing left to complete
        }
    }

    @Override
    public void onEnd(Runnable callback) {
        emitter.onCompletion(callback);
        emitter.onTimeout(callback);
        emitter.onError(error -> callback.run());
    }

    /** @throws IOException when the client is gone, or the response has ended */
    private void write(SseEmitter.SseEventBuilder event) throws IOException {
        try {
            emitter.send(event);
        } catch (IllegalStateException e) {
            throw new IOException("the response has ended", e);
        }
    }
}
