package dev.ordo.marketplace.platform.live;

import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import dev.ordo.marketplace.platform.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.PositiveOrZero;
import java.util.OptionalLong;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * The live feeds as server-sent events, for customers (what concerns them) and operators (everything). A stream
 * starts with an {@code event: ready} message whose id is the position it starts after, then has one message per
 * stored event, its global position as its id, in position order; a {@code : keep-alive} comment comes whenever it
 * was idle for {@code marketplace.live.heartbeat}. A client resumes with {@code Last-Event-ID} (or
 * {@code ?lastEventId=}, for clients that cannot set headers; the header wins): it gets every message after that id
 * from the store, then the live ones, none twice and none missed. Without either it starts at the store's head. A
 * stream never times out on the server's side; it ends when the application stops or when its client reads too
 * slowly (more than {@code marketplace.live.buffer} messages waiting), and the client then reconnects and resumes.
 */
@RestController
@RequestMapping("/live")
@Tag(name = "live", description = "Orders and notifications as they happen (server-sent events)")
class LiveController {

    /** A stream's async request never times out; it ends with the stream. */
    private static final long NO_TIMEOUT = 0L;
    private static final String RESUME = "Resume after this event id (a global position): the standard SSE header a "
            + "reconnecting client sends.";
    private static final String RESUME_PARAMETER = "Resume after this event id, for clients that cannot set "
            + "headers; Last-Event-ID wins when both are given.";

    private final LiveFeeds feeds;

    LiveController(LiveFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(path = "/orders", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Order events as they happen: a customer's own orders, every order for an operator",
            description = "Messages: 'event: order', 'id: <position>', data {orderId, customerId, type (the stored "
                    + "event type, such as order.paid), status (the order's status right after the event: PENDING, "
                    + "PAID, SHIPPED, DELIVERED, CANCELLED), version, position, recordedAt, reason (of a "
                    + "cancellation, else null)}. First 'event: ready', 'id: <start position>', data {position}.")
    @ApiResponse(responseCode = "200", description = "The stream, until the server ends it",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter liveOrders(@Parameter(description = RESUME) @RequestHeader(name = "Last-Event-ID", required = false)
                          @PositiveOrZero Long lastEventIdHeader,
                          @Parameter(description = RESUME_PARAMETER) @RequestParam(required = false)
                          @PositiveOrZero Long lastEventId) {
        return open(feeds.orders(), lastEventIdHeader, lastEventId);
    }

    @GetMapping(path = "/notifications", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Notifications as they are sent: a customer's own, all of them for an operator",
            description = "Messages: 'event: notification', 'id: <position>', data {notificationId, customerId, "
                    + "orderId, kind, message, sentAt, position}. First 'event: ready', 'id: <start position>', "
                    + "data {position}.")
    @ApiResponse(responseCode = "200", description = "The stream, until the server ends it",
            content = @Content(mediaType = MediaType.TEXT_EVENT_STREAM_VALUE, schema = @Schema(type = "string")))
    SseEmitter liveNotifications(@Parameter(description = RESUME)
                                 @RequestHeader(name = "Last-Event-ID", required = false)
                                 @PositiveOrZero Long lastEventIdHeader,
                                 @Parameter(description = RESUME_PARAMETER) @RequestParam(required = false)
                                 @PositiveOrZero Long lastEventId) {
        return open(feeds.notifications(), lastEventIdHeader, lastEventId);
    }

    private static SseEmitter open(LiveFeed feed, Long header, Long parameter) {
        Viewer viewer = viewer(Caller.current());
        Long resume = header != null ? header : parameter;
        SseEmitter emitter = new SseEmitter(NO_TIMEOUT);
        feed.open(viewer, resume == null ? OptionalLong.empty() : OptionalLong.of(resume), new EmitterSink(emitter));
        return emitter;
    }

    private static Viewer viewer(Caller caller) {
        if (caller.isOperator()) {
            return Viewer.operator();
        }
        if (caller.roles().contains(Role.CUSTOMER) && caller.customerId() != null) {
            return Viewer.customer(caller.customerId());
        }
        throw new NotAllowedException("the live feeds are for customers, who see what concerns them, and operators");
    }
}
