package dev.ordo.marketplace.analytics;

import dev.ordo.marketplace.platform.security.Caller;
import dev.ordo.marketplace.platform.security.NotAllowedException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Sales analytics over HTTP. Parameter constraints are checked by Spring MVC itself (no class-level
 * {@code @Validated}, whose proxy would turn a violation into a 500), so a violation is a 400 problem.
 */
@RestController
@RequestMapping("/analytics")
@Tag(name = "analytics", description = "Totals, completion rate, revenue, top products and producers")
class AnalyticsController {

    private final AnalyticsQueries analytics;
    private final Clock clock;

    AnalyticsController(AnalyticsQueries analytics, Clock clock) {
        this.analytics = analytics;
        this.clock = clock;
    }

    @GetMapping
    @Operation(summary = "Sales figures of a date range", description = "Orders placed from 'from' to 'to' (inclusive "
            + "UTC days; default: the last 30 days) in one currency (default EUR). A producer sees their own sales; an "
            + "operator everyone's, or one producer's with producerId.")
    AnalyticsView summary(@RequestParam(required = false) LocalDate from, @RequestParam(required = false) LocalDate to,
                          @RequestParam(defaultValue = "EUR")
                          @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code like EUR") String currency,
                          @RequestParam(defaultValue = "5") @Min(1) @Max(50) int top,
                          @RequestParam(required = false) UUID producerId) {
        LocalDate end = to != null ? to : LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        LocalDate start = from != null ? from : end.minusDays(29);
        Caller caller = Caller.current();
        String producer = producerId == null ? null : producerId.toString();
        if (!caller.isOperator()) {
            if (caller.producerId() == null || producer != null && !caller.mayManage(producer)) {
                throw new NotAllowedException("a producer sees only their own sales");
            }
            producer = caller.producerId();
        }
        return analytics.summary(start, end, currency, top, producer);
    }
}
